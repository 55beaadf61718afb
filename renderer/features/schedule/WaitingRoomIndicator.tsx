// The waiting room in the app header: how many of today's patients have checked in and are waiting, and the
// longest wait. Also raises the PHI-free "patient checked in" OS notification when a pulled change (made
// elsewhere, e.g. by the patient or front desk) checks in one of this clinician's patients.
import { useEffect, useState } from 'react';
import type { User } from '../../../shared/domain/user';
import { waitedMinutes } from '../../../shared/rules/queue';
import { onPatientsCheckedIn, useAppointmentsInRange } from '../../data';
import { askForNotifications, mayAskForNotifications, showNotification } from '../../platform';
import { Button, useNow } from '../../ui';
import { dayRange, todayIn } from './day-range';

/** Today's checked-in visits and the longest wait in minutes (from check-in, else from the visit's start). */
export function waitingRoom(appointments: ReadonlyArray<{ status: string; checkedInAt?: string | null; startsAt: string }>, nowMs: number): { count: number; longestMinutes: number } {
  const waiting = appointments.filter((a) => a.status === 'checked_in');
  const longestMinutes = waiting.reduce((max, a) => Math.max(max, waitedMinutes(a.checkedInAt ?? a.startsAt, nowMs)), 0);
  return { count: waiting.length, longestMinutes };
}

function useCheckInNotifications(): void {
  useEffect(() => onPatientsCheckedIn(() => void showNotification('patient_checked_in')), []);
}

export function WaitingRoomIndicator({ user }: { user: User }) {
  const nowMs = useNow(15_000);
  const { fromIso, toIso } = dayRange(todayIn(user.timeZone, nowMs), user.timeZone);
  const appointments = useAppointmentsInRange(fromIso, toIso);
  const [canAsk, setCanAsk] = useState(mayAskForNotifications);
  useCheckInNotifications();
  if (!appointments) return null;
  const { count, longestMinutes } = waitingRoom(appointments, nowMs);
  return (
    <div className="hc-waiting-room">
      <span role="status" aria-label="Waiting room">
        {count === 0 ? 'Waiting room: no one waiting' : `Waiting room: ${count} checked in`}
      </span>
      {count > 0 ? <span className="hc-muted"> · longest {longestMinutes} min</span> : null}
      {canAsk ? (
        <Button variant="quiet" onClick={() => void askForNotifications().finally(() => setCanAsk(mayAskForNotifications()))}>
          Allow check-in alerts
        </Button>
      ) : null}
    </div>
  );
}
