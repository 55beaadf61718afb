// Date and time wording for people: in a given IANA time zone, relative ("5 minutes ago"), and plain dates.
// An unknown time zone falls back to the device's own rather than failing.

/** Creating an Intl.DateTimeFormat is costly (a long schedule formats hundreds of times): reuse them. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
  const cacheKey = `${timeZone ?? ''}|${JSON.stringify(options)}`;
  const cached = formatters.get(cacheKey);
  if (cached) return cached;
  let made: Intl.DateTimeFormat;
  try {
    made = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
  } catch {
    made = new Intl.DateTimeFormat(undefined, options);
  }
  formatters.set(cacheKey, made);
  return made;
}

const at = (iso: string): Date => new Date(iso);

/** "9:30 AM" in the time zone. */
export const formatClock = (iso: string, timeZone?: string): string => formatter({ hour: 'numeric', minute: '2-digit' }, timeZone).format(at(iso));

/** "Fri, Nov 28, 9:30 AM" in the time zone. */
export const formatDayAndClock = (iso: string, timeZone?: string): string =>
  formatter({ weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }, timeZone).format(at(iso));

/** "Nov 28, 2025, 9:30:12 AM" in the time zone. */
export const formatTimestamp = (iso: string, timeZone?: string): string => formatter({ dateStyle: 'medium', timeStyle: 'medium' }, timeZone).format(at(iso));

/** The short name of the time zone at that instant, e.g. "CST". */
export function timeZoneName(iso: string, timeZone?: string): string {
  const part = formatter({ timeZoneName: 'short' }, timeZone).formatToParts(at(iso)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone ?? '';
}

/** "Friday, November 28, 2025" for a calendar date (YYYY-MM-DD), independent of any time zone. */
export function formatCalendarDate(date: string, style: 'long' | 'medium' = 'long'): string {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  const options: Intl.DateTimeFormatOptions = style === 'long' ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' };
  return formatter(options, 'UTC').format(utc);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "just now", "5 minutes ago", "in 2 hours", "yesterday". */
export function formatRelative(iso: string, nowMs: number): string {
  const diff = Date.parse(iso) - nowMs;
  const seconds = Math.abs(diff) / 1000;
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return relative.format(Math.round(diff / 60_000), 'minute');
  if (seconds < 86_400) return relative.format(Math.round(diff / 3_600_000), 'hour');
  return relative.format(Math.round(diff / 86_400_000), 'day');
}
