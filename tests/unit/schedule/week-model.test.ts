// The week view model across time zones: a clinician in Seattle, a patient in New York, and a week with the
// end of daylight saving time (visits before and after the change, both zones).
import { describe, expect, it } from 'vitest';
import { buildWeek, fastLocalDate, fastLocalTime, patientLocalTime, weekRange, weekStartOf } from '../../../renderer/features/schedule/week-model';
import { instantAt, localDate, localDayRange, localTime } from '../../../shared/rules/time-zones';

const SEATTLE = 'America/Los_Angeles';
const visit = (id: string, startsAt: string, minutes: number, state: 'NY' | 'WA' | 'AZ' = 'NY') => ({
  id, patientId: `p-${id}`, patientName: `Patient ${id}`, kind: 'video' as const, status: 'booked' as const, startsAt,
  endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(), patientLocationState: state,
});

describe('week range', () => {
  it.each([
    ['2026-11-04', '2026-11-02'], // Wednesday -> Monday
    ['2026-11-02', '2026-11-02'], // Monday
    ['2026-11-08', '2026-11-02'], // Sunday belongs to the week that began on Monday
    ['2027-01-01', '2026-12-28'], // across a year
  ])('the week of %s starts on %s', (date, monday) => expect(weekStartOf(date)).toBe(monday));

  it('spans 7 local days in Seattle, 169 hours in the week clocks fall back (Nov 1, 2026)', () => {
    const { fromIso, toIso } = weekRange('2026-10-26', SEATTLE);
    expect(fromIso).toBe('2026-10-26T07:00:00.000Z'); // midnight PDT
    expect(toIso).toBe('2026-11-02T08:00:00.000Z'); // midnight PST
    expect((Date.parse(toIso) - Date.parse(fromIso)) / 3_600_000).toBe(169);
  });

  it('the fall-back day is 25 hours and the spring-forward day 23 hours in Seattle', () => {
    const fall = localDayRange('2026-11-01', SEATTLE);
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(25);
    const spring = localDayRange('2027-03-14', SEATTLE);
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
  });
});

describe('buildWeek: Seattle clinician, New York patient', () => {
  // Week of Oct 26 - Nov 1, 2026: DST ends on Sunday Nov 1 at 02:00 local in both zones.
  const beforeChange = instantAt('2026-10-30', '09:00', SEATTLE).toISOString(); // Fri 09:00 PDT = 12:00 EDT
  const afterChange = instantAt('2026-11-01', '09:00', SEATTLE).toISOString(); // Sun 09:00 PST = 12:00 EST
  const lateEvening = instantAt('2026-10-27', '22:30', SEATTLE).toISOString(); // Tue 22:30 PDT = Wed 01:30 EDT
  const week = buildWeek('2026-10-26', SEATTLE, [visit('after', afterChange, 30), visit('late', lateEvening, 45), visit('before', beforeChange, 30), visit('wa', beforeChange.replace('16:00', '17:00'), 20, 'WA')]);

  it('has seven days from Monday', () => {
    expect(week.days.map((d) => d.date)).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
  });

  it('shows each visit in Seattle time with the New York time beside it, across the DST change', () => {
    const friday = week.days[4]!.items;
    expect(friday[0]).toMatchObject({ id: 'before', clinicianTime: '09:00–09:30', patientTime: '12:00 EDT (NY)' });
    const sunday = week.days[6]!.items;
    expect(sunday).toEqual([expect.objectContaining({ id: 'after', clinicianTime: '09:00–09:30', patientTime: '12:00 EST (NY)' })]);
  });

  it('files a late-evening visit under the clinician day, though it is already the next day for the patient', () => {
    expect(week.days[1]!.items).toEqual([expect.objectContaining({ id: 'late', clinicianTime: '22:30–23:15', patientTime: '01:30 EDT (NY)' })]);
    expect(week.days[2]!.items).toEqual([]);
  });

  it('a patient in the clinician zone shows the same clock time', () => {
    expect(week.days[4]!.items[1]).toMatchObject({ id: 'wa', clinicianTime: '10:00–10:20', patientTime: '10:00 PDT (WA)' });
  });

  it('leaves out visits outside the week', () => {
    const outside = buildWeek('2026-10-26', SEATTLE, [visit('next', instantAt('2026-11-02', '00:00', SEATTLE).toISOString(), 30)]);
    expect(outside.days.flatMap((d) => d.items)).toEqual([]);
  });
});

describe('patientLocalTime', () => {
  it('uses Arizona time, which has no DST, during Pacific daylight time', () => {
    expect(patientLocalTime('2026-07-01T17:00:00.000Z', 'AZ')).toBe('10:00 MST (AZ)');
  });
  it('is null when the location is not known', () => expect(patientLocalTime('2026-07-01T17:00:00.000Z', null)).toBeNull());
});

describe('fast local clock', () => {
  it('agrees with the shared Intl-based functions every 7 minutes across both DST changes of 2026, in four zones', () => {
    for (const zone of ['America/Los_Angeles', 'America/New_York', 'America/Phoenix', 'Pacific/Honolulu']) {
      for (const from of [Date.parse('2026-03-07T00:00:00Z'), Date.parse('2026-10-31T00:00:00Z')]) {
        for (let ms = from; ms < from + 3 * 86_400_000; ms += 7 * 60_000) {
          const instant = new Date(ms);
          expect(fastLocalTime(ms, zone)).toBe(localTime(instant, zone));
          expect(fastLocalDate(ms, zone)).toBe(localDate(instant, zone));
        }
      }
    }
  });
});
