// The clinician's "Schedule" workspace: a day of visits from the local cache, or the note of one visit.
import { useEffect } from 'react';
import type { User } from '../../../shared/domain/user';
import { useAppointmentsInRange } from '../../data';
import { useNow } from '../../ui';
import { NoteEditor } from '../notes';
import { VisitPrescriptions } from '../rx';
import { VideoVisitScreen } from '../video';
import { useEffectiveSyncStatus } from '../sync-status';
import type { LocalDate } from './day-range';
import { dayRange, todayIn } from './day-range';
import { DaySchedule } from './DaySchedule';
import { closeNote, closeVideo, openNote, openVideo, showDay, useScheduleStore } from './schedule-store';

interface ScheduleDayProps {
  user: User;
  day: LocalDate;
  today: LocalDate;
}

/** One day's live query; keyed by the day, so a new day shows "loading" rather than the previous day's rows. */
function ScheduleDay({ user, day, today }: ScheduleDayProps) {
  const openNoteFor = useScheduleStore((s) => s.openNoteFor);
  const returnFocusTo = useScheduleStore((s) => s.returnFocusTo);
  const { fromIso, toIso } = dayRange(day, user.timeZone);
  const appointments = useAppointmentsInRange(fromIso, toIso);
  const openVideoFor = useScheduleStore((s) => s.openVideoFor);
  const noteAppointment = openNoteFor ? appointments?.find((a) => a.id === openNoteFor) : undefined;
  const videoAppointment = openVideoFor ? appointments?.find((a) => a.id === openVideoFor) : undefined;
  const downloading = useEffectiveSyncStatus().phase === 'first-sync';

  // The visit is no longer on this device (e.g. reassigned): go back to the list.
  useEffect(() => {
    if (openNoteFor && appointments && !noteAppointment) closeNote();
  }, [openNoteFor, appointments, noteAppointment]);

  if (openVideoFor) {
    if (!videoAppointment) return <p className="hc-loading">Opening the video visit…</p>;
    return <VideoVisitScreen appointment={videoAppointment} timeZone={user.timeZone} onBack={closeVideo} />;
  }
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
    />
  );
}

export function ScheduleWorkspace({ user }: { user: User }) {
  const now = useNow(60_000); // today moves on at midnight in the clinician's zone
  const today = todayIn(user.timeZone, now);
  const chosen = useScheduleStore((s) => s.day);
  const day = chosen ?? today;
  return <ScheduleDay key={day} user={user} day={day} today={today} />;
}
