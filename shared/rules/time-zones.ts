// Time-zone math on instants with Intl only (no library): local calendar dates, the instants a local day
// starts and ends at (23 or 25 hours across a DST change), and local clock times for display.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second) };
}

/** Offset of the zone from UTC at that instant, in minutes (e.g. -420 for PDT). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The instant a local wall-clock time occurs. An ambiguous time (clocks going back) is its first
 * occurrence; a time skipped by clocks going forward is read with the offset before the change, which
 * lands just after the gap (02:30 on a spring-forward night becomes 03:30).
 */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const before = wall - offsetMinutes(new Date(wall - 12 * 3_600_000), timeZone) * 60_000;
  const after = wall - offsetMinutes(new Date(wall + 12 * 3_600_000), timeZone) * 60_000;
  const wanted = `${date} ${time}`;
  const matches = [before, after].filter((t) => `${localDate(new Date(t), timeZone)} ${localTime(new Date(t), timeZone)}` === wanted);
  return new Date(matches.length > 0 ? Math.min(...matches) : before);
}

/** Adds whole calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** [start, end) instants of a local calendar day: 24 hours, or 23/25 across a DST change. */
export function localDayRange(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: instantAt(date, '00:00', timeZone), end: instantAt(addDays(date, 1), '00:00', timeZone) };
}

/** Local clock time "HH:MM" of an instant in a zone. */
export function localTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** Short zone name for display, e.g. "PST", "EDT" (falls back to "GMT-5" style). */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
