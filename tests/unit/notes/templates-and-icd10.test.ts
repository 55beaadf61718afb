// Note templates fill only empty sections unless replacing is confirmed, and suggest real billable codes;
// the offline ICD-10-CM search finds codes by prefix and by word starts, quickly, over the full code set.
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTE_TEMPLATES, applyTemplate, sectionsTemplateWouldReplace, templateById } from '../../../shared/notes/templates';
import { buildIcd10Index } from '../../../shared/notes/icd10-search';
import type { Icd10Index } from '../../../shared/notes/icd10-search';
import { icd10CodeSet } from '../../../server/icd10/icd10-codes';
import type { NoteSections } from '../../../shared/domain/note';

const empty: NoteSections = { subjective: '', objective: '', assessment: '', plan: '' };

describe('note templates', () => {
  it('cover the common visit types, each with four sections and billable FY2021 codes', () => {
    expect(NOTE_TEMPLATES.map((t) => t.name)).toEqual(['Upper respiratory infection', 'Urinary tract infection', 'Medication refill', 'COVID-19 test follow-up', 'Home blood draw']);
    const codes = icd10CodeSet();
    for (const t of NOTE_TEMPLATES) {
      for (const text of Object.values(t.sections)) expect(text.length).toBeGreaterThan(10);
      for (const d of t.diagnoses) expect(codes.get(d.code)?.billable, `${t.id} ${d.code}`).toBe(true);
    }
  });

  it('fills empty sections and keeps written ones unless replacing is confirmed', () => {
    const uti = templateById('uti')!;
    const written = { ...empty, subjective: 'Burning for 2 days.' };
    expect(sectionsTemplateWouldReplace(empty, uti)).toEqual([]);
    expect(sectionsTemplateWouldReplace(written, uti)).toEqual(['subjective']);
    const kept = applyTemplate(written, uti, { replace: false });
    expect(kept.subjective).toBe('Burning for 2 days.');
    expect(kept.plan).toBe(uti.sections.plan);
    expect(kept.diagnoses).toEqual([{ code: 'N39.0', description: 'Urinary tract infection, site not specified' }]);
    expect(applyTemplate(written, uti, { replace: true }).subjective).toBe(uti.sections.subjective);
  });

  it('does not add its diagnoses to a note that already has some, nor touch vitals', () => {
    const note: NoteSections = { ...empty, vitals: { heartRate: '80' }, diagnoses: [{ code: 'R05', description: 'Cough' }] };
    const next = applyTemplate(note, templateById('uri')!, { replace: false });
    expect(next.diagnoses).toEqual(note.diagnoses);
    expect(next.vitals).toEqual({ heartRate: '80' });
  });
});

describe('ICD-10-CM search', () => {
  let index: Icd10Index;
  beforeAll(() => {
    const entries = icd10CodeSet().all().filter((c) => c.billable).map((c) => ({ code: c.code, description: c.longDescription }));
    index = buildIcd10Index(entries); // search speed is measured by npm run bench, not asserted here
  });

  it('finds codes by prefix, with or without the dot, in code order', () => {
    expect(index.search('J06').map((e) => e.code)).toEqual(['J06.0', 'J06.9']);
    expect(index.search('j069')[0]).toEqual({ code: 'J06.9', description: 'Acute upper respiratory infection, unspecified' });
    expect(index.search('N39.0')[0]!.code).toBe('N39.0');
    expect(index.search('U07.1')[0]!.code).toBe('U07.1');
  });

  it('finds codes by word starts in any order', () => {
    const hits = index.search('urinary tract infect');
    expect(hits.map((e) => e.code)).toContain('N39.0');
    expect(index.search('infection urinary').map((e) => e.code)).toContain('N39.0');
    expect(index.search('covid').map((e) => e.code)).toContain('U07.1');
    expect(index.search('xyzzy plugh')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('limits results and knows which codes exist', () => {
    expect(index.search('fracture', 10)).toHaveLength(10);
    expect(index.has('J06.9')).toBe(true);
    expect(index.has('j069')).toBe(true);
    expect(index.has('J06')).toBe(false); // a category, not billable
    expect(index.has('J06.99')).toBe(false);
  });

  it('holds every billable FY2021 code', () => {
    expect(index.size).toBe(72_621);
  });
});

describe('ICD-10-CM word ranking', () => {
  it('puts the most general matching description first', () => {
    const index = buildIcd10Index(icd10CodeSet().all().filter((c) => c.billable).map((c) => ({ code: c.code, description: c.longDescription })));
    expect(index.search('cough')[0]).toEqual({ code: 'R05', description: 'Cough' });
    expect(index.search('hypertension', 10).map((e) => e.code)).toContain('I10');
  });
});
