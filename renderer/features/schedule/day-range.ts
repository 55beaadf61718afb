// Calendar days in a clinician's time zone: today's date there, stepping days, and the instants where a day
// starts and ends (DST-aware), for the schedule's range query. Pure; an unknown zone falls back to the device's.

export type LocalDate = string; // YYYY-MM-DD

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
}

function wallClock(instantMs: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute'), s: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(instantMs / 1000) * 1000;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function todayIn(timeZone: string, nowMs = Date.now()): LocalDate {
  const w = wallClock(nowMs, safeZone(timeZone));
  return `${w.y}-${pad(w.m)}-${pad(w.d)}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** The instant the day begins in the zone (its first existing minute). */
export function startOfDay(date: LocalDate, timeZone: string): number {
  const zone = safeZone(timeZone);
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  let instant = wall - offsetMs(wall, zone);
  const corrected = wall - offsetMs(instant, zone); // the offset may differ on the day itself (DST)
  if (corrected !== instant) instant = corrected;
  return instant;
}

/** ISO instants [from, to) covering the whole day in the zone. */
export function dayRange(date: LocalDate, timeZone: string): { fromIso: string; toIso: string } {
  return { fromIso: new Date(startOfDay(date, timeZone)).toISOString(), toIso: new Date(startOfDay(addDays(date, 1), timeZone)).toISOString() };
}
