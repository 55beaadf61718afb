// Client-side patient search over the local cache: by name (any order, prefixes), date of birth
// (YYYY-MM-DD, a prefix of it, or M/D/YYYY), phone digits, or MRN. Pure.
import type { LocalPatient } from '../../data';

export const fullName = (p: Pick<LocalPatient, 'givenName' | 'familyName'>): string => `${p.givenName} ${p.familyName}`;

const pad = (n: string): string => n.padStart(2, '0');

/** A date typed as M/D/YYYY or YYYY-M-D becomes YYYY-MM-DD; a partial ISO date (YYYY or YYYY-MM) stays a prefix. */
function asBirthDate(query: string): string | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(query);
  if (us) return `${us[3]}-${pad(us[1]!)}-${pad(us[2]!)}`;
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(query);
  if (iso) return [iso[1], iso[2] && pad(iso[2]), iso[3] && pad(iso[3])].filter(Boolean).join('-');
  return null;
}

const digitsOf = (s: string): string => s.replace(/\D/g, '');

export function matchesPatient(patient: LocalPatient, rawQuery: string): boolean {
  const query = rawQuery.trim().toLowerCase();
  if (query === '') return true;
  const date = asBirthDate(query);
  if (date && patient.birthDate.startsWith(date)) return true;
  if (/^[\d\s().+-]+$/.test(query)) {
    const digits = digitsOf(query);
    if (digits.length >= 3 && patient.phone && digitsOf(patient.phone).includes(digits)) return true;
    if (patient.mrn.toLowerCase().startsWith(query)) return true;
    return false;
  }
  if (patient.mrn.toLowerCase() === query) return true;
  const words = fullName(patient).toLowerCase().split(/[\s'-]+/);
  return query.split(/[\s,]+/).filter(Boolean).every((token) => words.some((w) => w.startsWith(token)));
}

/** One collator for every comparison: the same order as localeCompare, without its per-call set-up. */
const collator = new Intl.Collator();

export function searchPatients(patients: readonly LocalPatient[], query: string): LocalPatient[] {
  return patients
    .filter((p) => matchesPatient(p, query))
    .sort((a, b) => collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Whole years between the birth date and today's date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let age = (ty ?? 0) - (by ?? 0);
  if ((tm ?? 0) < (bm ?? 0) || ((tm ?? 0) === (bm ?? 0) && (td ?? 0) < (bd ?? 0))) age -= 1;
  return Math.max(0, age);
}

export const SEX_WORDS: Record<LocalPatient['sex'], string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' };
