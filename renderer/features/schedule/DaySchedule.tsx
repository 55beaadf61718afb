// One day of the clinician's schedule from the local cache: the day's heading with previous/next day, and a
// table of visits (time, patient, kind, reason, status with a pending marker, and the allowed actions). A day of
// hundreds of visits is drawn a page at a time (progressive-rows.ts), so opening and leaving it stay quick.
import { useId, useMemo, useState } from 'react';
import type { LocalAppointment } from '../../data';
import type { Column } from '../../ui';
import { Alert, Badge, Button, EmptyState, Table, formatCalendarDate, formatClock, timeZoneName } from '../../ui';
import { AppointmentActions } from './AppointmentActions';
import { FieldStatusControl } from '../dispatch';
import { KIND_WORDS, STATUS_TONES, STATUS_WORDS } from './appointment-words';
import type { LocalDate } from './day-range';
import { addDays } from './day-range';
import { patientLocalTime } from './week-model';
import { useProgressiveRows } from './progressive-rows';

export interface DayScheduleProps {
  day: LocalDate;
  isToday: boolean;
  timeZone: string;
  dayStartIso: string;
  appointments: LocalAppointment[] | undefined;
  /** The first sync is still running: an empty day may just not be here yet. */
  downloading: boolean;
  returnFocusTo: string | null;
  onShowDay: (day: LocalDate | null) => void;
  onOpenNote: (appointmentId: string) => void;
  onStartVideo?: (appointmentId: string) => void;
  onReschedule: (appointmentId: string) => void;
}

export function DaySchedule({ day, isToday, timeZone, dayStartIso, appointments, downloading, returnFocusTo, onShowDay, onOpenNote, onStartVideo, onReschedule }: DayScheduleProps) {
  const headingId = useId();
  const [failed, setFailed] = useState(false);
  const dateText = formatCalendarDate(day);

  const columns: readonly Column<LocalAppointment>[] = [
    {
      key: 'time',
      header: 'Time',
      className: 'hc-nowrap',
      render: (a) => (
        <>
          <time dateTime={a.startsAt}>{formatClock(a.startsAt, timeZone)}</time>
          <span className="hc-muted"> – {formatClock(a.endsAt, timeZone)}</span>
        </>
      ),
    },
    { key: 'patientTime', header: "Patient's time", className: 'hc-nowrap', render: (a) => patientLocalTime(a.startsAt, a.patientLocationState) ?? '—' },
    { key: 'patient', header: 'Patient', rowHeader: true, render: (a) => a.patientName || 'New visit' },
    { key: 'kind', header: 'Visit', render: (a) => KIND_WORDS[a.kind] },
    { key: 'reason', header: 'Reason', render: (a) => a.reason },
    {
      key: 'status',
      header: 'Status',
      render: (a) => (
        <span className="hc-status-cell">
          <Badge tone={STATUS_TONES[a.status]}>{STATUS_WORDS[a.status]}</Badge>
          {a.pending ? <Badge tone="warn" className="hc-pending">Pending sync</Badge> : null}
        </span>
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      render: (a) => (
        <>
          <AppointmentActions appointment={a} timeZone={timeZone} onOpenNote={onOpenNote} onStartVideo={onStartVideo} onReschedule={onReschedule} onFailure={() => setFailed(true)} focusOpenNote={returnFocusTo === a.id} />
          {a.kind === 'home' ? <FieldStatusControl appointmentId={a.id} userId={a.clinicianId} /> : null}
        </>
      ),
    },
  ];

  const sorted = useMemo(() => (appointments ? [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id)) : undefined), [appointments]);
  const [returnIndex] = useState(() => (returnFocusTo && sorted ? sorted.findIndex((a) => a.id === returnFocusTo) : -1));
  const { shown, hidden, showAll, sentinelRef, onFocusWithin, containerRef } = useProgressiveRows(sorted ?? [], returnIndex);
  return (
    <section className="hc-stack hc-schedule" aria-labelledby={headingId}>
      <div className="hc-schedule__bar">
        <h2 id={headingId} className="hc-schedule__day">
          {isToday ? `Today, ${dateText}` : dateText}
        </h2>
        <div className="hc-form__actions" role="group" aria-label="Choose the day">
          <Button onClick={() => onShowDay(addDays(day, -1))}>Previous day</Button>
          <Button onClick={() => onShowDay(null)} disabled={isToday}>
            Today
          </Button>
          <Button onClick={() => onShowDay(addDays(day, 1))}>Next day</Button>
        </div>
      </div>
      <p className="hc-muted">Times are in {timeZone.replace(/_/g, ' ')} ({timeZoneName(dayStartIso, timeZone)}).</p>
      {failed ? <Alert>That change could not be saved on this device. Try again; if it keeps failing, contact your administrator.</Alert> : null}
      {sorted === undefined ? (
        <p role="status" className="hc-loading">
          Loading the schedule…
        </p>
      ) : sorted.length === 0 && downloading ? (
        <EmptyState title="Your schedule is still downloading.">Visits appear here as soon as they are on this device.</EmptyState>
      ) : sorted.length === 0 ? (
        <EmptyState title="No appointments on this day.">Your scheduled visits appear here once they are on this device.</EmptyState>
      ) : (
        <div ref={containerRef} onFocus={onFocusWithin} className="hc-stack">
          <Table caption={`Appointments, ${dateText}`} captionHidden columns={columns} rows={shown} rowKey={(a) => a.id} rowClassName={(a) => (a.pending ? 'hc-row--pending' : undefined)} />
          {hidden > 0 ? <div ref={sentinelRef} aria-hidden="true" /> : null}
          {hidden > 0 ? (
            <div className="hc-form__actions">
              <p className="hc-muted" role="status">
                Showing the first {shown.length} of {sorted.length} visits; more appear as you scroll.
              </p>
              <Button variant="quiet" onClick={showAll}>
                Show all {sorted.length} visits
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}
