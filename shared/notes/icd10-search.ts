// Searching the ICD-10-CM code list by code prefix ("J06", "j069") and by words ("urinary infect"): every
// query word must start a word of the description; word matches are ranked with the most general first. Pure, so the workstation searches offline in memory.
export interface Icd10Entry {
  code: string;
  description: string;
}

export interface Icd10Index {
  size: number;
  search(query: string, limit?: number): Icd10Entry[];
  has(code: string): boolean;
}

const WORD = /[a-z0-9]+/g;
/** Word matches ranked at most (a very common word matches thousands of codes; the first ones in code order are kept). */
const MAX_RANKED = 5_000;
const compactCode = (code: string): string => code.replace('.', '').toUpperCase();

/** Builds the index once (codes sorted; descriptions lower-cased with word starts marked). */
export function buildIcd10Index(entries: readonly Icd10Entry[]): Icd10Index {
  const sorted = [...entries].sort((a, b) => (compactCode(a.code) < compactCode(b.code) ? -1 : 1));
  const compact = sorted.map((e) => compactCode(e.code));
  // " word word word" so a word start is " " + prefix
  const words = sorted.map((e) => ` ${(e.description.toLowerCase().match(WORD) ?? []).join(' ')}`);
  const codes = new Set(compact);

  const lowerBound = (prefix: string): number => {
    let lo = 0;
    let hi = compact.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compact[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const byCode = (prefix: string, limit: number): Icd10Entry[] => {
    const out: Icd10Entry[] = [];
    for (let i = lowerBound(prefix); i < compact.length && out.length < limit && compact[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
    return out;
  };

  // Matches are ranked (see rank below), then by code.
  const byWords = (terms: string[], limit: number): Icd10Entry[] => {
    const needles = terms.map((t) => ` ${t}`);
    const hits: number[] = [];
    for (let i = 0; i < sorted.length && hits.length < MAX_RANKED; i++) {
      const text = words[i]!;
      if (needles.every((n) => text.includes(n))) hits.push(i);
    }
    const first = needles[0]!;
    // Whole-word matches before word-start-only ones ("hypertension" before "hypertensive ..."), then shorter
    // (more general) descriptions, with a small bonus for starting with the first word.
    const wholeWords = needles.map((n) => `${n} `);
    const rank = (i: number): number => {
      const text = `${words[i]!} `;
      return (wholeWords.every((w) => text.includes(w)) ? 0 : 1_000) + (text.startsWith(first) ? 0 : 10) + text.length;
    };
    return hits.sort((a, b) => rank(a) - rank(b) || a - b).slice(0, limit).map((i) => sorted[i]!);
  };

  return {
    size: sorted.length,
    has: (code) => codes.has(compactCode(code.trim())),
    search(query, limit = 25) {
      const q = query.trim();
      if (q === '') return [];
      const asCode = compactCode(q.replace(/\s+/g, ''));
      const codeHits = /^[A-Z][0-9A-Z.]{0,7}$/.test(asCode) && /\d/.test(asCode) ? byCode(asCode.replace('.', ''), limit) : [];
      if (codeHits.length >= limit) return codeHits;
      const terms = q.toLowerCase().match(WORD) ?? [];
      if (terms.length === 0) return codeHits;
      const seen = new Set(codeHits.map((e) => e.code));
      return [...codeHits, ...byWords(terms, limit).filter((e) => !seen.has(e.code))].slice(0, limit);
    },
  };
}
