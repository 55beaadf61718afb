// Draws a long list a page at a time: the first rows at once (more than a screen holds), the next page when the
// end of the drawn rows comes within a screen of the viewport or keyboard focus reaches the last rows drawn (so
// Tab goes on into the next rows), or all on request. A busy day of hundreds of visits then mounts and unmounts
// quickly while what is on screen, and the keyboard order, stay complete.
import { useEffect, useRef, useState } from 'react';
import type { FocusEvent, RefObject } from 'react';

/** Rows drawn at first and added each time: well over a screenful of schedule rows. */
export const ROWS_PER_PAGE = 40;
/** Focus within this many rows of the end of the drawn rows draws the next page. */
const FOCUS_LOOKAHEAD = 3;

export interface ProgressiveRows<Row> {
  shown: readonly Row[];
  /** How many rows are not drawn yet. */
  hidden: number;
  /** Draws every row and moves focus to the first one that was not drawn before. */
  showAll: () => void;
  /** Put on an empty element right after the drawn rows: when it nears the viewport, the next page is drawn. */
  sentinelRef: RefObject<HTMLDivElement | null>;
  /** Put on the element holding the rows' table (onFocus): focus near the last drawn row draws the next page. */
  onFocusWithin: (event: FocusEvent<HTMLElement>) => void;
  /** Put on that element too (ref): where focus moves after "show all". */
  containerRef: RefObject<HTMLDivElement | null>;
}

/** `mustShow`: an index that must be drawn from the start (e.g. the row focus returns to). */
export function useProgressiveRows<Row>(rows: readonly Row[], mustShow = -1): ProgressiveRows<Row> {
  const [count, setCount] = useState(() => Math.max(ROWS_PER_PAGE, Math.ceil((mustShow + 1) / ROWS_PER_PAGE) * ROWS_PER_PAGE));
  const sentinelRef = useRef<HTMLDivElement | null>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const focusRowAfterShowAll = useRef<number | null>(null);
  const drawn = Math.min(count, rows.length);
  const hidden = rows.length - drawn;

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || hidden === 0 || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setCount((c) => c + ROWS_PER_PAGE);
    }, { rootMargin: '100% 0px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hidden, count]);

  useEffect(() => {
    const index = focusRowAfterShowAll.current;
    if (index === null) return;
    focusRowAfterShowAll.current = null;
    containerRef.current?.querySelectorAll('tbody > tr')[index]?.querySelector<HTMLElement>('button, [href], [tabindex]')?.focus();
  }, [count]);

  const onFocusWithin = (event: FocusEvent<HTMLElement>): void => {
    const row = (event.target as HTMLElement).closest('tbody > tr') as HTMLTableRowElement | null;
    if (row && hidden > 0 && row.sectionRowIndex >= drawn - FOCUS_LOOKAHEAD) setCount((c) => c + ROWS_PER_PAGE);
  };

  const showAll = (): void => {
    focusRowAfterShowAll.current = drawn;
    setCount(Number.MAX_SAFE_INTEGER);
  };

  return { shown: hidden === 0 ? rows : rows.slice(0, drawn), hidden, showAll, sentinelRef, onFocusWithin, containerRef };
}
