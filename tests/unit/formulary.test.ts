// The formulary loader (shared/rx/formulary): the curated data validates, covers the Synthea codes the demo
// patients use and every ONC pair, a newer extract in the JSON form loads, bad files are refused, search works.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { curatedFormulary, curatedFormularyFile, loadFormulary, searchFormulary } from '../../shared/rx/formulary';
import { ONC_PAIRS } from '../../shared/rules/drug-interactions';
import { interactionTags } from '../../shared/rules/rx-safety';
import { DEMO_MEDICATIONS } from '../../server/seed/data/medications';

const f = curatedFormulary();

describe('curated formulary', () => {
  it('holds at least 300 products with unique RxNorm codes and all fields', () => {
    expect(f.products.length).toBeGreaterThanOrEqual(300);
    expect(new Set(f.products.map((p) => p.rxcui)).size).toBe(f.products.length);
  });
  it('marks exactly the Synthea codes as verified', () => {
    const csv = readFileSync(path.resolve(import.meta.dirname, '../../../shared/data/synthea-rxnorm-codes/synthea_r4_medication_rxcuis.csv'), 'utf8');
    const synthea = new Set(csv.split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean));
    for (const p of f.products) expect(p.verified, p.rxcui).toBe(synthea.has(p.rxcui));
    expect(f.products.filter((p) => p.verified).length).toBeGreaterThan(100);
  });
  it('resolves every demo patient medication', () => {
    for (const m of DEMO_MEDICATIONS) expect(f.byCode.has(m.rxnormCode), m.rxnormCode).toBe(true);
  });
  it('has a product on each side of every ONC pair', () => {
    const tags = f.products.map((p) => interactionTags(f, p));
    for (const pair of ONC_PAIRS) {
      expect(tags.some((t) => pair.a.some((x) => t.has(x))), `pair ${pair.id} a`).toBe(true);
      expect(tags.some((t) => pair.b.some((x) => t.has(x))), `pair ${pair.id} b`).toBe(true);
    }
  });
  it('searches by name and ingredient words, verified first', () => {
    const hits = searchFormulary(f, 'amoxicillin 500');
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.every((p) => /amoxicillin/i.test(p.name) && p.name.includes('500'))).toBe(true);
    expect(hits[0]!.verified).toBe(true);
    expect(searchFormulary(f, '   ')).toEqual([]);
  });
});

describe('loading an extract', () => {
  it('loads a newer extract in the JSON form', () => {
    const file = { source: 'RxNorm extract 2026-09', products: [{ rxcui: '123', name: 'Example 5 MG Oral Tablet', strength: '5 mg', doseForm: 'Oral Tablet', schedule: 'none', ingredients: ['example'], therapeuticClass: 'other', verified: true }], ingredients: [] };
    const out = loadFormulary(JSON.parse(JSON.stringify(file)));
    expect(out.ok && out.formulary.byCode.get('123')?.name).toBe('Example 5 MG Oral Tablet');
  });
  it.each([
    ['a bad code', (p: Record<string, unknown>) => ({ ...p, rxcui: 'RX12' }), /products.0.rxcui/],
    ['an unknown schedule', (p: Record<string, unknown>) => ({ ...p, schedule: 'VI' }), /schedule/],
    ['a missing field', ({ verified: _v, ...p }: Record<string, unknown>) => p, /verified/],
  ])('refuses %s with a clear message', (_l, edit, message) => {
    const base = curatedFormularyFile() as { source: string; products: Array<Record<string, unknown>>; ingredients: unknown[] };
    const out = loadFormulary({ ...base, products: [edit(base.products[0]!), ...base.products.slice(1)] });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(message);
  });
  it('refuses duplicate codes', () => {
    const base = curatedFormularyFile() as { source: string; products: unknown[]; ingredients: unknown[] };
    const out = loadFormulary({ ...base, products: [base.products[0], ...base.products] });
    expect(out.ok).toBe(false);
  });
});
