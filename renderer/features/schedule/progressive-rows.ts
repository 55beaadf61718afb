// Draws a long list a page at a time: the first rows at once (more than a screen holds), more as the end of the
// drawn rows comes within a screen of the viewport (scrolling, or Tab moving focus down), or all on request.
// A busy day of hundreds of visits then mounts and unmounts quickly while what is on screen stays complete.
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/** Rows drawn at first and added each time: well over a screenful of schedule rows. */
export const ROWS_PER_PAGE = 40;

export interface ProgressiveRows<Row> {
  shown: readonly Row[];
  /** How many rows are not drawn yet. */
  hidden: number;
  showAll: () => void;
  /** Put on an element right after the drawn rows: when it nears the viewport, the next page is drawn. */
  sentinelRef: RefObject<HTMLDivElement | null>;
}

/** `mustShow`: an index that must be drawn from the start (e.g. the row focus returns to). */
export function useProgressiveRows<Row>(rows: readonly Row[], mustShow = -1): ProgressiveRows<Row> {
  const [count, setCount] = useState(() => Math.max(ROWS_PER_PAGE, Math.ceil((mustShow + 1) / ROWS_PER_PAGE) * ROWS_PER_PAGE));
  const sentinelRef = useRef<HTMLDivElement | null>(null);
  const hidden = Math.max(0, rows.length - count);

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || hidden === 0 || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setCount((c) => c + ROWS_PER_PAGE);
    }, { rootMargin: '100% 0px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hidden, count]);

  return { shown: hidden === 0 ? rows : rows.slice(0, count), hidden, showAll: () => setCount(Number.MAX_SAFE_INTEGER), sentinelRef };
}
