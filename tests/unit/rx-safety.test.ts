// Prescription safety rules (shared/rules/rx-safety): a table row per check, including every ONC pair in both
// directions, drug-allergy with class cross-sensitivity, duplicates, licensure, controlled substances, overrides.
import { describe, expect, it } from 'vitest';
import { curatedFormulary } from '../../shared/rx/formulary';
import { checkPrescription, resolveOverrides } from '../../shared/rules/rx-safety';
import type { SafetyInput } from '../../shared/rules/rx-safety';
import { ONC_PAIRS } from '../../shared/rules/drug-interactions';
import type { RxOrder } from '../../shared/domain/prescription';

const formulary = curatedFormulary();
const AT = new Date('2026-06-01T15:00:00Z');
const order = (rxcui: string, extra: Partial<RxOrder> = {}): RxOrder => ({
  rxcui, sig: { dose: '1 tablet', route: 'oral', frequency: 'twice daily', durationDays: 10 }, quantity: 20, quantityUnit: 'tablet',
  refills: 0, daysSupply: 10, substitutionAllowed: true, pharmacyNote: '', ...extra,
});
const input = (rxcui: string, extra: Partial<SafetyInput> = {}, orderExtra: Partial<RxOrder> = {}): SafetyInput => ({
  formulary, order: order(rxcui, orderExtra), allergies: [], activeMedications: [],
  licenses: [{ state: 'WA', licenseNumber: 'MD1', expiresOn: '2030-01-01' }], patientState: 'WA', dea: null, secondFactor: 'absent', at: AT, ...extra,
});
const med = (rxcui: string) => ({ rxnormCode: rxcui, name: formulary.byCode.get(rxcui)!.name });

describe('ONC high-priority interaction pairs', () => {
  const rows: Array<[number, string, string]> = [
    [3, '861221', '315552'], [4, '664741', '311040'], [6, '728220', '197388'], [8, '312938', '313586'], [11, '1803889', '197881'],
    [16, '835603', '313527'], [20, '856834', '581494'], [21, '248656', '312086'], [22, '596209', '903873'], [23, '1359269', '198202'],
    [25, '312961', '197517'], [27, '238135', '597730'], [28, '313191', '197512'], [30, '313586', '1298088'], [31, '313162', '861714'],
  ];
  it('has a row for each of the 15 pairs', () => {
    expect(rows.map((r) => r[0]).sort((a, b) => a - b)).toEqual(ONC_PAIRS.map((p) => p.id).sort((a, b) => a - b));
  });
  it.each(rows)('pair %i: %s prescribed with %s active (and the reverse) is a warning', (id, a, b) => {
    for (const [drug, active] of [[a, b], [b, a]] as const) {
      const findings = checkPrescription(input(drug, { activeMedications: [med(active)], dea: { number: 'AB1234563', expiresOn: '2030-01-01' }, secondFactor: 'verified' }));
      const hit = findings.find((f) => f.key === `interaction:${id}:${active}`);
      expect(hit, `pair ${id} ${drug}+${active}`).toMatchObject({ kind: 'interaction', severity: 'warning' });
    }
  });
  it('finds nothing for drugs outside the pairs', () => {
    expect(checkPrescription(input('308192', { activeMedications: [med('197361')] }))).toEqual([]);
  });
});

describe('drug-allergy', () => {
  const rows: Array<[string, string, string | null, string, 'hard_stop' | 'warning' | null]> = [
    ['same ingredient', 'Amoxicillin', '723', '308192', 'hard_stop'],
    ['ingredient in a combination', 'Amoxicillin', '723', '562251', 'hard_stop'],
    ['penicillin class (penicillin -> amoxicillin)', 'Penicillin', '70618', '308192', 'hard_stop'],
    ['cross-sensitivity penicillins -> cephalosporin', 'Penicillin', '70618', '309114', 'warning'],
    ['cross-sensitivity cephalosporins -> penicillin', 'Cephalexin', '2231', '834102', 'warning'],
    ['sulfonamide antibiotic', 'Sulfamethoxazole', '10180', '198335', 'hard_stop'],
    ['class word "sulfa drugs"', 'Sulfa drugs', null, '198335', 'hard_stop'],
    ['nsaid class (ibuprofen -> naproxen) is a warning', 'Ibuprofen', '5640', '198014', 'warning'],
    ['aspirin -> nsaid', 'Aspirin', '1191', '310965', 'warning'],
    ['opioid class (codeine -> oxycodone)', 'Codeine', '2670', '1049589', 'warning'],
    ['matched by code when the name differs', 'PCN', '70618', '308192', 'hard_stop'],
    ['unrelated allergy', 'Peanut', null, '308192', null],
    ['unrelated drug', 'Penicillin', '70618', '197361', null],
  ];
  it.each(rows)('%s', (_label, substance, code, rxcui, expected) => {
    const findings = checkPrescription(input(rxcui, { allergies: [{ substance, code }] })).filter((f) => f.kind === 'allergy');
    if (expected === null) expect(findings).toEqual([]);
    else expect(findings).toEqual([expect.objectContaining({ severity: expected })]);
  });
});

describe('duplicate therapy', () => {
  it.each([
    ['same class (two statins)', '259255', '312961', true],
    ['same ingredient, other strength', '308192', '308182', true],
    ['different classes', '308192', '197361', false],
  ])('%s', (_l, drug, active, dup) => {
    const found = checkPrescription(input(drug, { activeMedications: [med(active)] })).some((f) => f.kind === 'duplicate' && f.severity === 'warning');
    expect(found).toBe(dup);
  });
  it('warns when an active medication is not in the formulary', () => {
    const f = checkPrescription(input('308192', { activeMedications: [{ rxnormCode: '9999999', name: 'Something' }] }));
    expect(f).toEqual([expect.objectContaining({ key: 'unchecked:9999999', severity: 'warning' })]);
  });
});

describe('licensure', () => {
  it.each([
    ['licensed in the patient state', 'WA', '2030-01-01', null],
    ['no license in the state', 'OR', '2030-01-01', 'licensure:no_license'],
    ['expired license', 'WA', '2026-05-01', 'licensure:license_expired'],
    ['location unknown', null, '2030-01-01', 'licensure:location_unknown'],
  ] as const)('%s', (_l, state, expires, key) => {
    const f = checkPrescription(input('308192', { patientState: state, licenses: [{ state: 'WA', licenseNumber: 'X', expiresOn: expires }] }));
    if (key) expect(f).toEqual([expect.objectContaining({ key, severity: 'hard_stop' })]);
    else expect(f).toEqual([]);
  });
});

describe('controlled substances', () => {
  const DEA = { number: 'AB1234563', expiresOn: '2030-01-01' };
  it.each([
    ['schedule II without DEA', '1049589', null, 'verified', ['controlled:no-dea']],
    ['schedule IV without second factor (offline)', '308047', DEA, 'absent', ['controlled:second-factor']],
    ['schedule IV with DEA and second factor', '308047', DEA, 'verified', []],
    ['schedule V with DEA, factor not asked yet (on screen)', '483440', DEA, 'pending', []],
    ['expired DEA', '835603', { number: 'AB1234563', expiresOn: '2026-01-01' }, 'verified', ['controlled:dea-expired']],
    ['not controlled: no DEA needed', '308192', null, 'absent', []],
    ['on a device that does not hold the DEA registration', '308047', 'unknown', 'pending', []],
  ] as const)('%s', (_l, rxcui, dea, factor, keys) => {
    const f = checkPrescription(input(rxcui, { dea, secondFactor: factor }));
    expect(f.map((x) => x.key)).toEqual(keys);
    expect(f.every((x) => x.severity === 'hard_stop')).toBe(true);
  });
  it('refuses refills on a schedule II drug', () => {
    const f = checkPrescription(input('1049589', { dea: DEA, secondFactor: 'verified' }, { refills: 1 }));
    expect(f).toEqual([expect.objectContaining({ key: 'order:refills-schedule-ii', severity: 'hard_stop' })]);
  });
});

describe('order limits', () => {
  it('refuses an unknown drug code', () => {
    expect(checkPrescription(input('9999999'))).toEqual([expect.objectContaining({ key: 'order:unknown-drug', severity: 'hard_stop' })]);
  });
  it('refuses an implausible quantity for the days supplied', () => {
    expect(checkPrescription(input('308192', {}, { quantity: 900, daysSupply: 5 }))[0]).toMatchObject({ key: 'order:quantity', severity: 'hard_stop' });
  });
});

describe('overrides', () => {
  const warning = { key: 'duplicate:312961', kind: 'duplicate' as const, severity: 'warning' as const, message: 'dup' };
  const hard = { key: 'licensure:no_license', kind: 'licensure' as const, severity: 'hard_stop' as const, message: 'no' };
  it('records a warning overridden with a reason', () => {
    expect(resolveOverrides([warning], [{ key: warning.key, reason: 'Switching statins today' }])).toEqual({
      ok: true, recorded: [{ key: warning.key, reason: 'Switching statins today', kind: 'duplicate', message: 'dup' }],
    });
  });
  it('blocks a warning without a reason, or with a too-short one', () => {
    expect(resolveOverrides([warning], [])).toMatchObject({ ok: false, blocking: [warning] });
    expect(resolveOverrides([warning], [{ key: warning.key, reason: 'ok' }])).toMatchObject({ ok: false });
  });
  it('never lets a hard stop through, whatever the reason', () => {
    const out = resolveOverrides([hard], [{ key: hard.key, reason: 'I know what I am doing' }]);
    expect(out).toMatchObject({ ok: false, blocking: [hard] });
    if (!out.ok) expect(out.message).toBe('The safety checks do not allow signing: 1 hard stop (licensure).');
  });
  it('signs with no findings and nothing to record', () => {
    expect(resolveOverrides([], [])).toEqual({ ok: true, recorded: [] });
  });
});
