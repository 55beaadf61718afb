// The assignment flow of the board: check the rule on this device (the server checks again), refuse a violation
// with its reason, ask for an explicit confirm on warnings, then queue fieldRequest.assign through the data layer
// (compare-and-set on the version the board showed; works offline, the server answers when it is reachable).
import { useCallback, useState } from 'react';
import type { FieldStaff } from '../../../shared/domain/dispatch';
import { checkAssignment } from '../../../shared/rules/dispatch/assignment';
import type { AssignmentCheck } from '../../../shared/rules/dispatch/assignment';
import { requestToStop, staffToPerson } from '../../../shared/rules/dispatch/board';
import type { LocalFieldRequest } from '../../data';
import { DataError, dataActions } from '../../data';

export type Notice = { tone: 'ok' | 'error'; text: string } | null;
export interface PendingConfirm {
  request: LocalFieldRequest;
  person: FieldStaff;
  check: AssignmentCheck;
}

export function checkFor(request: LocalFieldRequest, person: FieldStaff, routes: ReadonlyMap<string, readonly LocalFieldRequest[]>, timeZone: string, now: Date): AssignmentCheck {
  const route = (routes.get(person.userId) ?? []).map(requestToStop);
  return checkAssignment({ request: requestToStop(request), person: staffToPerson(person), route, now, timeZone });
}

export function useAssignment(routes: ReadonlyMap<string, readonly LocalFieldRequest[]>, timeZone: string) {
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<PendingConfirm | null>(null);

  const commit = useCallback(async (request: LocalFieldRequest, person: FieldStaff, acceptWarnings: boolean): Promise<boolean> => {
    try {
      await dataActions.queueMutation('fieldRequest.assign', { requestId: request.id, assigneeId: person.userId, acceptWarnings }, { baseVersion: request.version });
      setNotice({ tone: 'ok', text: `${request.reason} assigned to ${person.displayName}.` });
      return true;
    } catch (error) {
      setNotice({ tone: 'error', text: error instanceof DataError ? error.message : 'The assignment could not be saved on this device.' });
      return false;
    }
  }, []);

  /** Checks and assigns; returns false when the rule refused it or a confirm is now pending. */
  const assign = useCallback(async (request: LocalFieldRequest, person: FieldStaff, options: { confirmed?: boolean } = {}): Promise<boolean> => {
    const check = checkFor(request, person, routes, timeZone, new Date());
    if (check.verdict === 'violation') {
      setNotice({ tone: 'error', text: `Cannot assign to ${person.displayName}: ${check.violations.map((v) => v.message).join(' ')}` });
      return false;
    }
    if (check.verdict === 'warning' && !options.confirmed) {
      setPending({ request, person, check });
      return false;
    }
    return commit(request, person, check.verdict === 'warning');
  }, [routes, timeZone, commit]);

  const confirmPending = useCallback(async () => {
    if (!pending) return;
    setPending(null);
    await commit(pending.request, pending.person, true);
  }, [pending, commit]);

  return { notice, setNotice, pending, cancelPending: () => setPending(null), confirmPending, assign };
}
