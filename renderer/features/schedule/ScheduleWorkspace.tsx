// The clinician's "Schedule" workspace: a day or a week of visits from the local cache (or the note of one
// visit), the booking form, and the on-demand queue beside them. One live query of the week holding the shown day
// or week serves both views, so switching between them (or between days of that week) reads nothing again.
import { useEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import type { User } from '../../../shared/domain/user';
import type { LocalAppointment } from '../../data';
import { useAppointmentsInRange } from '../../data';
import { Button, timeZoneName, useNow } from '../../ui';
import { NoteEditor } from '../notes';
import { VisitPrescriptions } from '../rx';
import { VideoVisitScreen } from '../video';
import { useEffectiveSyncStatus } from '../sync-status';
import { BookingForm } from './BookingForm';
import type { LocalDate } from './day-range';
import { dayRange, todayIn } from './day-range';
import { DaySchedule } from './DaySchedule';
import { QueuePanel } from './QueuePanel';
import { closeBooking, closeNote, closeVideo, openBooking, openNote, openVideo, openVisit, showDay, showView, showWeek, useScheduleStore } from './schedule-store';
import { weekRange, weekStartOf } from './week-model';
import { WeekSchedule } from './WeekSchedule';
import type { PendingFocus } from './WeekSchedule';

interface ScheduleDayProps {
  user: User;
  day: LocalDate;
  today: LocalDate;
  /** The week's visits holding this day (undefined while loading). */
  weekAppointments: LocalAppointment[] | undefined;
}

function RescheduleLoader({ user, appointments, id, day }: { user: User; appointments: LocalAppointment[] | undefined; id: string; day: LocalDate }) {
  const appointment = appointments?.find((a) => a.id === id);
  if (!appointments) return <p className="hc-loading">Opening the visit…</p>;
  if (!appointment) return <BookingForm user={user} defaultDate={day} onDone={() => closeBooking()} />;
  return <BookingForm user={user} appointment={appointment} defaultDate={day} onDone={(date) => { closeBooking(); if (date) showDay(date); }} />;
}

/** One day of the week's visits; keyed by the day (its focus and drawn rows start afresh). */
function ScheduleDay({ user, day, today, weekAppointments }: ScheduleDayProps) {
  const openNoteFor = useScheduleStore((s) => s.openNoteFor);
  const returnFocusTo = useScheduleStore((s) => s.returnFocusTo);
  const booking = useScheduleStore((s) => s.booking);
  const { fromIso, toIso } = dayRange(day, user.timeZone);
  const appointments = useMemo(() => weekAppointments?.filter((a) => a.startsAt >= fromIso && a.startsAt < toIso), [weekAppointments, fromIso, toIso]);
  const openVideoFor = useScheduleStore((s) => s.openVideoFor);
  const noteAppointment = openNoteFor ? appointments?.find((a) => a.id === openNoteFor) : undefined;
  const videoAppointment = openVideoFor ? appointments?.find((a) => a.id === openVideoFor) : undefined;
  const downloading = useEffectiveSyncStatus().phase === 'first-sync';

  // The visit is no longer on this device (e.g. reassigned): go back to the list. A visit just taken from the
  // queue may not be here yet: wait for it while a sync is under way.
  useEffect(() => {
    if (openNoteFor && appointments && !noteAppointment && !downloading) {
      const timer = window.setTimeout(closeNote, 10_000);
      return () => window.clearTimeout(timer);
    }
    return undefined;
  }, [openNoteFor, appointments, noteAppointment, downloading]);

  if (openVideoFor) {
    if (!videoAppointment) return <p className="hc-loading">Opening the video visit…</p>;
    return <VideoVisitScreen appointment={videoAppointment} user={user} timeZone={user.timeZone} onBack={closeVideo} />;
  }
  if (booking && booking !== 'new') return <RescheduleLoader user={user} appointments={appointments} id={booking} day={day} />;
  if (openNoteFor) {
    if (!noteAppointment) return <p className="hc-loading">Opening the note…</p>;
    return (
      <>
        <NoteEditor appointment={noteAppointment} timeZone={user.timeZone} onBack={closeNote} />
        <VisitPrescriptions appointment={noteAppointment} user={user} />
      </>
    );
  }
  return (
    <DaySchedule
      day={day}
      isToday={day === today}
      timeZone={user.timeZone}
      dayStartIso={fromIso}
      appointments={appointments}
      downloading={downloading}
      returnFocusTo={returnFocusTo}
      onShowDay={showDay}
      onOpenNote={openNote}
      onStartVideo={openVideo}
      onReschedule={openBooking}
    />
  );
}

interface ScheduleWeekProps {
  user: User;
  weekStart: LocalDate;
  today: LocalDate;
  appointments: LocalAppointment[] | undefined;
  focusPlan: RefObject<PendingFocus>;
  onOpenChart: (patientId: string) => void;
}

function ScheduleWeek({ user, weekStart, today, appointments, focusPlan, onOpenChart }: ScheduleWeekProps) {
  const { fromIso } = weekRange(weekStart, user.timeZone);
  const downloading = useEffectiveSyncStatus().phase === 'first-sync';
  return (
    <WeekSchedule
      weekStart={weekStart}
      isThisWeek={weekStart === weekStartOf(today)}
      today={today}
      timeZone={user.timeZone}
      zoneName={timeZoneName(fromIso, user.timeZone)}
      appointments={appointments}
      downloading={downloading}
      focusPlan={focusPlan}
      onShowWeek={showWeek}
      onOpenChart={onOpenChart}
    />
  );
}

interface ScheduleRangeProps {
  user: User;
  /** The Monday of the week read: the shown week, or the week holding the shown day. */
  rangeWeek: LocalDate;
  showWeekView: boolean;
  day: LocalDate;
  today: LocalDate;
  focusPlan: RefObject<PendingFocus>;
  onOpenChart: (patientId: string) => void;
}

/**
 * The live query of one week, for the day view and the week view alike. Keyed by the week where it is used:
 * a live query keeps its previous answer while a new one loads, and another week must never show this one's visits.
 */
function ScheduleRange({ user, rangeWeek, showWeekView, day, today, focusPlan, onOpenChart }: ScheduleRangeProps) {
  const { fromIso, toIso } = weekRange(rangeWeek, user.timeZone);
  const appointments = useAppointmentsInRange(fromIso, toIso);
  if (showWeekView) return <ScheduleWeek user={user} weekStart={rangeWeek} today={today} appointments={appointments} focusPlan={focusPlan} onOpenChart={onOpenChart} />;
  return <ScheduleDay key={day} user={user} day={day} today={today} weekAppointments={appointments} />;
}

export interface ScheduleWorkspaceProps {
  user: User;
  /** Opens a patient's chart (the Patients workspace). */
  onOpenChart: (patientId: string) => void;
}

export function ScheduleWorkspace({ user, onOpenChart }: ScheduleWorkspaceProps) {
  const now = useNow(60_000); // today moves on at midnight in the clinician's zone
  const today = todayIn(user.timeZone, now);
  const view = useScheduleStore((s) => s.view);
  const chosenDay = useScheduleStore((s) => s.day);
  const chosenWeek = useScheduleStore((s) => s.week);
  const booking = useScheduleStore((s) => s.booking);
  const openNoteFor = useScheduleStore((s) => s.openNoteFor);
  const openVideoFor = useScheduleStore((s) => s.openVideoFor);
  const day = chosenDay ?? today;
  const weekStart = chosenWeek ?? weekStartOf(today);
  const busyElsewhere = booking !== null || openNoteFor !== null || openVideoFor !== null;
  const showWeekView = view === 'week' && !busyElsewhere;
  const rangeWeek = showWeekView ? weekStart : weekStartOf(day);
  // Where focus goes once a week changed by keyboard has loaded (the week's view is mounted afresh per week).
  const focusPlan = useRef<PendingFocus>(null);
  return (
    <div className="hc-schedule-layout">
      <div className="hc-stack hc-schedule-layout__main">
        {busyElsewhere ? null : (
          <div className="hc-form__actions">
            <div className="hc-form__actions" role="group" aria-label="Schedule view">
              <Button aria-pressed={view === 'day'} onClick={() => showView('day')}>
                Day
              </Button>
              <Button aria-pressed={view === 'week'} onClick={() => showView('week')}>
                Week
              </Button>
            </div>
            <Button variant="primary" onClick={() => openBooking('new')}>
              Book a visit
            </Button>
          </div>
        )}
        {booking === 'new' ? (
          <BookingForm user={user} defaultDate={day} onDone={(date) => { closeBooking(); if (date) { showDay(date); showView('day'); } }} />
        ) : (
          <ScheduleRange key={rangeWeek} user={user} rangeWeek={rangeWeek} showWeekView={showWeekView} day={day} today={today} focusPlan={focusPlan} onOpenChart={onOpenChart} />
        )}
      </div>
      <aside className="hc-schedule-layout__side" aria-label="On-demand queue">
        <QueuePanel user={user} onOpenVisit={openVisit} />
      </aside>
    </div>
  );
}
