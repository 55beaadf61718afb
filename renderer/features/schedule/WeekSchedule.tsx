// The week view: seven days of the clinician's visits in their time zone, each visit with the patient's local
// time, as buttons that open the chart. Keys: Left/Right move between days, Page Up/Page Down between weeks
// (Tab still goes through every visit in order).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { LocalAppointment } from '../../data';
import { Badge, Button, EmptyState, formatCalendarDate } from '../../ui';
import { KIND_WORDS, STATUS_TONES, STATUS_WORDS } from './appointment-words';
import type { LocalDate, WeekItem } from './week-model';
import { buildWeek } from './week-model';
import { addDays } from '../../../shared/rules/time-zones';

export interface WeekScheduleProps {
  weekStart: LocalDate;
  isThisWeek: boolean;
  today: LocalDate;
  timeZone: string;
  zoneName: string;
  appointments: LocalAppointment[] | undefined;
  downloading: boolean;
  /** Where focus goes once the next week (mounted afresh) has its visits; kept by the workspace across weeks. */
  focusPlan: RefObject<PendingFocus>;
  onShowWeek: (weekStart: LocalDate | null) => void;
  onOpenChart: (patientId: string) => void;
}

/**
 * Visits listed per day before "Show all": more than a full clinic day of 20-minute visits, so a real schedule
 * shows everything; a day with hundreds of visits (a whole service's calendar) stays quick to draw.
 */
export const VISITS_SHOWN_PER_DAY = 30;

/** Where focus goes after the week changes by keyboard: the first or last day. */
export type PendingFocus = 'first' | 'last' | null;

const dayLabel = (date: LocalDate) => formatCalendarDate(date).replace(/, \d{4}$/, '');

function visitText(item: WeekItem): string {
  const patient = item.patientName || 'New visit';
  return `${item.clinicianTime} ${patient}, ${KIND_WORDS[item.kind]} visit, ${STATUS_WORDS[item.status]}${item.patientTime ? `, patient's time ${item.patientTime}` : ''}`;
}

export function WeekSchedule({ weekStart, isThisWeek, today, timeZone, zoneName, appointments, downloading, focusPlan, onShowWeek, onOpenChart }: WeekScheduleProps) {
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const week = useMemo(() => (appointments ? buildWeek(weekStart, timeZone, appointments) : null), [appointments, weekStart, timeZone]);
  const [expanded, setExpanded] = useState<ReadonlySet<LocalDate>>(() => new Set());

  const focusDay = (index: number): void => {
    const day = listRef.current?.querySelectorAll<HTMLElement>('[data-week-day]')[index];
    (day?.querySelector<HTMLElement>('button') ?? day?.querySelector<HTMLElement>('h3'))?.focus();
  };

  useEffect(() => {
    if (!week || !focusPlan.current) return;
    focusDay(focusPlan.current === 'first' ? 0 : 6);
    focusPlan.current = null;
  }, [week, focusPlan]);

  const moveWeek = (days: number, focus: PendingFocus): void => {
    focusPlan.current = focus;
    onShowWeek(addDays(weekStart, days));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const dayEl = (event.target as HTMLElement).closest<HTMLElement>('[data-week-day]');
    const index = dayEl ? Number(dayEl.dataset.weekDay) : -1;
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      moveWeek(event.key === 'PageDown' ? 7 : -7, 'first');
    } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && index >= 0) {
      event.preventDefault();
      const next = index + (event.key === 'ArrowRight' ? 1 : -1);
      if (next > 6) moveWeek(7, 'first');
      else if (next < 0) moveWeek(-7, 'last');
      else focusDay(next);
    }
  };

  const rangeText = `${dayLabel(weekStart)} – ${formatCalendarDate(addDays(weekStart, 6))}`;
  const empty = week !== null && week.days.every((d) => d.items.length === 0);
  return (
    <section className="hc-stack hc-schedule" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="hc-schedule__bar">
        <h2 id={headingId} className="hc-schedule__day">
          {isThisWeek ? `This week, ${rangeText}` : `Week of ${rangeText}`}
        </h2>
        <div className="hc-form__actions" role="group" aria-label="Choose the week">
          <Button onClick={() => onShowWeek(addDays(weekStart, -7))}>Previous week</Button>
          <Button onClick={() => onShowWeek(null)} disabled={isThisWeek}>
            This week
          </Button>
          <Button onClick={() => onShowWeek(addDays(weekStart, 7))}>Next week</Button>
        </div>
      </div>
      <p className="hc-muted">
        Times are in {timeZone.replace(/_/g, ' ')} ({zoneName}), with each patient&apos;s local time beside them. Left and Right arrow keys move between
        days, Page Up and Page Down between weeks.
      </p>
      {week === null ? (
        <p role="status" className="hc-loading">
          Loading the schedule…
        </p>
      ) : empty && downloading ? (
        <EmptyState title="Your schedule is still downloading.">Visits appear here as soon as they are on this device.</EmptyState>
      ) : (
        <ol className="hc-week" ref={listRef} aria-label={`Days of the week of ${rangeText}`}>
          {week.days.map((day, i) => (
            <li key={day.date} className={day.date === today ? 'hc-week__day hc-week__day--today' : 'hc-week__day'} data-week-day={i}>
              <h3 className="hc-week__date" tabIndex={-1}>
                {dayLabel(day.date)}
                {day.date === today ? <span className="hc-visually-hidden"> (today)</span> : null}
              </h3>
              {day.items.length === 0 ? (
                <p className="hc-muted">No visits</p>
              ) : (
                <ul className="hc-week__visits" aria-label={`Visits on ${dayLabel(day.date)}`}>
                  {(expanded.has(day.date) ? day.items : day.items.slice(0, VISITS_SHOWN_PER_DAY)).map((item) => (
                    <li key={item.id}>
                      <button type="button" className={`hc-week__visit${item.pending ? ' hc-row--pending' : ''}`} aria-label={`${visitText(item)}. Open chart`} onClick={() => onOpenChart(item.patientId)}>
                        <span className="hc-week__time">{item.clinicianTime}</span>
                        <span className="hc-week__patient">{item.patientName || 'New visit'}</span>
                        <span className="hc-muted">
                          {KIND_WORDS[item.kind]}
                          {item.patientTime ? ` · patient ${item.patientTime}` : ''}
                        </span>
                        <Badge tone={STATUS_TONES[item.status]}>{STATUS_WORDS[item.status]}</Badge>
                        {item.pending ? <Badge tone="warn">Pending sync</Badge> : null}
                      </button>
                    </li>
                  ))}
                  {day.items.length > VISITS_SHOWN_PER_DAY && !expanded.has(day.date) ? (
                    <li>
                      <Button variant="quiet" onClick={() => setExpanded((s) => new Set(s).add(day.date))}>
                        Show all {day.items.length} visits on {dayLabel(day.date)}
                      </Button>
                    </li>
                  ) : null}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
