// The clinician's "Schedule" workspace: a day or a week of visits from the local cache (or the note of one
// visit), the booking form, and the on-demand queue beside them.
import { useEffect } from 'react';
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

interface ScheduleDayProps {
  user: User;
  day: LocalDate;
  today: LocalDate;
}

function RescheduleLoader({ user, appointments, id, day }: { user: User; appointments: LocalAppointment[] | undefined; id: string; day: LocalDate }) {
  const appointment = appointments?.find((a) => a.id === id);
  if (!appointments) return <p className="hc-loading">Opening the visit…</p>;
  if (!appointment) return <BookingForm user={user} defaultDate={day} onDone={() => closeBooking()} />;
  return <BookingForm user={user} appointment={appointment} defaultDate={day} onDone={(date) => { closeBooking(); if (date) showDay(date); }} />;
}

/** One day's live query; keyed by the day, so a new day shows "loading" rather than the previous day's rows. */
function ScheduleDay({ user, day, today }: ScheduleDayProps) {
  const openNoteFor = useScheduleStore((s) => s.openNoteFor);
  const returnFocusTo = useScheduleStore((s) => s.returnFocusTo);
  const booking = useScheduleStore((s) => s.booking);
  const { fromIso, toIso } = dayRange(day, user.timeZone);
  const appointments = useAppointmentsInRange(fromIso, toIso);
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

function ScheduleWeek({ user, weekStart, today, onOpenChart }: { user: User; weekStart: LocalDate; today: LocalDate; onOpenChart: (patientId: string) => void }) {
  const { fromIso, toIso } = weekRange(weekStart, user.timeZone);
  const appointments = useAppointmentsInRange(fromIso, toIso);
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
      onShowWeek={showWeek}
      onOpenChart={onOpenChart}
    />
  );
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
        ) : view === 'week' && !busyElsewhere ? (
          // Not keyed by the week: the view keeps its keyboard focus plan across Page Up / Page Down.
          <ScheduleWeek user={user} weekStart={weekStart} today={today} onOpenChart={onOpenChart} />
        ) : (
          <ScheduleDay key={day} user={user} day={day} today={today} />
        )}
      </div>
      <aside className="hc-schedule-layout__side" aria-label="On-demand queue">
        <QueuePanel user={user} onOpenVisit={openVisit} />
      </aside>
    </div>
  );
}
