// Time zones: a clinician in Seattle and a patient in New York, local days across DST changes.
import { describe, expect, it } from 'vitest';
import { addDays, instantAt, localDate, localDayRange, localTime, offsetMinutes, zoneAbbreviation } from '../../../shared/rules/time-zones';

const SEATTLE = 'America/Los_Angeles';
const NEW_YORK = 'America/New_York';

describe('time zones', () => {
  it('shows one visit in the clinician\'s and the patient\'s local time', () => {
    const visit = instantAt('2026-11-30', '09:00', SEATTLE);
    expect(visit.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(localTime(visit, SEATTLE)).toBe('09:00');
    expect(localTime(visit, NEW_YORK)).toBe('12:00');
    expect(zoneAbbreviation(visit, SEATTLE)).toBe('PST');
  });

  it('a late-evening Seattle visit is already tomorrow in New York', () => {
    const visit = instantAt('2026-11-30', '22:30', SEATTLE);
    expect(localDate(visit, SEATTLE)).toBe('2026-11-30');
    expect(localDate(visit, NEW_YORK)).toBe('2026-12-01');
  });

  it('the day DST starts is 23 hours long, the day it ends 25', () => {
    const spring = localDayRange('2026-03-08', SEATTLE);
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const fall = localDayRange('2026-11-01', SEATTLE);
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(25);
  });

  it('a visit across the DST change keeps its wall-clock times and its real length', () => {
    // 01:30 PST on the night clocks go back is the second 01:30; a visit 00:45-03:00 lasts 3 h 15 min.
    const start = instantAt('2026-11-01', '00:45', SEATTLE);
    const end = instantAt('2026-11-01', '03:00', SEATTLE);
    expect(localTime(start, SEATTLE)).toBe('00:45');
    expect(localTime(end, SEATTLE)).toBe('03:00');
    expect((end.getTime() - start.getTime()) / 60_000).toBe(195);
    expect(offsetMinutes(start, SEATTLE)).toBe(-420);
    expect(offsetMinutes(end, SEATTLE)).toBe(-480);
    // New York fell back three hours earlier (06:00 UTC), so the visit starts at 02:45 EST there.
    expect(localTime(start, NEW_YORK)).toBe('02:45');
  });

  it('an ambiguous wall time (clocks going back) is its first occurrence', () => {
    expect(instantAt('2026-11-01', '01:30', SEATTLE).toISOString()).toBe('2026-11-01T08:30:00.000Z');
  });

  it('a wall time skipped by DST maps to the instant after the gap', () => {
    const skipped = instantAt('2026-03-08', '02:30', SEATTLE);
    expect(localTime(skipped, SEATTLE)).toBe('03:30');
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
