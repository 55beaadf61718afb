// The ICD-10-CM code set, read from a CDC/CMS "order file" (fixed width, plain or gzipped): the bundled FY2021
// copy in server/icd10/data, or a newer release named by ICD10CM_ORDER_FILE. Loaded once, on first use.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export interface Icd10Code {
  /** With its dot, e.g. 'E11.9'. */
  code: string;
  /** Valid for claims (a full code), as opposed to a category header. */
  billable: boolean;
  shortDescription: string;
  longDescription: string;
}

export interface Icd10CodeSet {
  /** The release, from the file name (e.g. 'icd10cm-order-Jan-2021'). */
  release: string;
  size: number;
  get(code: string): Icd10Code | undefined;
  /** Every code, in the order file's order. */
  all(): readonly Icd10Code[];
}

export const BUNDLED_ICD10_FILE = 'icd10cm-order-Jan-2021.txt.gz';

/** Dotted form of an order-file code: a dot after the third character when longer than three. */
export const dotted = (code: string): string => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);
const normalise = (code: string): string => dotted(code.trim().toUpperCase().replace('.', ''));

/** Parses the order-file layout: order 0-5, code 6-13, billable flag 14, short description 16-76, long 77-. */
export function parseOrderFile(text: string, release: string): Icd10CodeSet {
  const codes = new Map<string, Icd10Code>();
  for (const raw of text.split(/\r?\n/)) {
    if (raw.length < 17) continue;
    const code = raw.slice(6, 13).trim();
    const flag = raw[14];
    if (!/^[A-Z][0-9A-Z]{2,6}$/.test(code) || (flag !== '0' && flag !== '1')) throw new Error(`not an ICD-10-CM order file line (${release}, line of length ${raw.length})`);
    codes.set(dotted(code), { code: dotted(code), billable: flag === '1', shortDescription: raw.slice(16, 76).trim(), longDescription: raw.slice(77).trim() });
  }
  if (codes.size === 0) throw new Error(`no ICD-10-CM codes in ${release}`);
  const list = [...codes.values()];
  return { release, size: codes.size, get: (code) => codes.get(normalise(code)), all: () => list };
}

export function loadOrderFile(file: string): Icd10CodeSet {
  const bytes = readFileSync(file);
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('latin1');
  return parseOrderFile(text, path.basename(file).replace(/\.txt(\.gz)?$/, ''));
}

/** The bundled file: beside this module from source, or under icd10/data next to the server bundle. */
export function bundledIcd10File(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'data', BUNDLED_ICD10_FILE), path.join(here, 'icd10', 'data', BUNDLED_ICD10_FILE)];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`ICD-10-CM code set not found near ${here}; set ICD10CM_ORDER_FILE`);
  return found;
}

let cached: Icd10CodeSet | undefined;

export function icd10CodeSet(): Icd10CodeSet {
  cached ??= loadOrderFile(process.env.ICD10CM_ORDER_FILE || bundledIcd10File());
  return cached;
}
