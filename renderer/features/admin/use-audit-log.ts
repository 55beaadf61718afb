// Loads audit log pages for a filter: the first page when the filter changes, then older pages on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry } from '../../../shared/api/admin';
import { listAudit } from '../../platform';
import type { AuditFilter } from './audit-filters';
import { failureText } from './failure-text';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLogState {
  entries: readonly AuditEntry[];
  nextBefore: number | null;
  loading: boolean;
  error: string | null;
}

const initial: AuditLogState = { entries: [], nextBefore: null, loading: true, error: null };

export function useAuditLog(filter: AuditFilter, attempt: number): AuditLogState & { loadMore: () => void } {
  const [state, setState] = useState<AuditLogState>(initial);
  const controllerRef = useRef<AbortController | null>(null);

  const load = useCallback(
    (before: number | null) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setState((s) => ({ ...(before === null ? initial : s), loading: true, error: null }));
      const query = { ...filter, limit: AUDIT_PAGE_SIZE, ...(before === null ? {} : { before }) };
      void listAudit(query, controller.signal).then((result) => {
        if (controller.signal.aborted) return;
        if (!result.ok) {
          setState((s) => ({ ...s, loading: false, error: failureText('the audit log', result.error) }));
          return;
        }
        const { entries, nextBefore } = result.value;
        setState((s) => ({ entries: before === null ? entries : [...s.entries, ...entries], nextBefore, loading: false, error: null }));
      });
    },
    [filter],
  );

  useEffect(() => {
    load(null);
    return () => controllerRef.current?.abort();
  }, [load, attempt]);

  const loadMore = useCallback(() => {
    if (state.nextBefore !== null && !state.loading) load(state.nextBefore);
  }, [load, state.nextBefore, state.loading]);

  return { ...state, loadMore };
}
