// Autosave for text a clinician types: every change is handed to `save` after `delayMs` of quiet (0: at once,
// one save behind the keyboard), one save at a time with only the newest value queued; flush() saves at once (blur, Back, page hide, unmount).
// A failed save keeps the value and tries again. Text never waits in React state alone for long.
import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

const RETRY_MS = 2_000;

export interface Autosave<T> {
  state: AutosaveState;
  change: (value: T) => void;
  flush: () => void;
  /** True while a value is queued or being written. */
  busy: () => boolean;
  /** Saves now and resolves once everything typed is stored; rejects if it could not be. */
  settle: () => Promise<void>;
}

export function useAutosave<T>(save: (value: T) => Promise<void>, delayMs = 150): Autosave<T> {
  const saveRef = useRef(save);
  const queued = useRef<{ value: T } | null>(null);
  const running = useRef(false);
  const timer = useRef<number | null>(null);
  const [state, setState] = useState<AutosaveState>('saved');

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const clearTimer = (): void => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
  };

  const drain = useCallback(async (): Promise<void> => {
    clearTimer();
    if (running.current) return; // the running loop picks up the newest value
    running.current = true;
    try {
      while (queued.current) {
        const { value } = queued.current;
        queued.current = null;
        setState('saving');
        try {
          await saveRef.current(value);
        } catch {
          queued.current ??= { value }; // keep it unless something newer is already waiting
          setState('failed');
          timer.current = window.setTimeout(() => void drain(), RETRY_MS);
          return;
        }
      }
      setState('saved');
    } finally {
      running.current = false;
    }
  }, []);

  const change = useCallback(
    (value: T): void => {
      queued.current = { value };
      setState((s) => (s === 'failed' ? s : 'unsaved'));
      if (delayMs === 0) {
        // Save as you type: start now unless a save is running (its loop then takes the newest value), so
        // continuous typing is stored one save behind the keyboard rather than only after a pause.
        if (!running.current && timer.current === null) void drain();
        return;
      }
      clearTimer();
      timer.current = window.setTimeout(() => void drain(), delayMs);
    },
    [delayMs, drain],
  );

  const flush = useCallback((): void => {
    if (queued.current) void drain();
  }, [drain]);

  const busy = useCallback((): boolean => queued.current !== null || running.current, []);

  const settle = useCallback(async (): Promise<void> => {
    for (let i = 0; i < 200 && (queued.current || running.current); i++) {
      if (queued.current && !running.current) await drain();
      else await new Promise((resolve) => window.setTimeout(resolve, 25));
      if (queued.current && !running.current && timer.current !== null) break; // the save failed and waits to retry
    }
    if (queued.current || running.current) throw new Error('Your latest text is not stored on this device yet; try again in a moment.');
  }, [drain]);

  // Leaving the page, hiding it, or leaving the editor: save now. Warn before unloading while text is unsaved.
  useEffect(() => {
    const onHide = (): void => flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      flush();
      if (busy()) event.preventDefault();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush, busy]);

  return { state, change, flush, busy, settle };
}
