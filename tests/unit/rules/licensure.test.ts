// Licensure eligibility: licensed state, unlicensed state, expiry in the licensing state's calendar,
// unconfirmed location, and a patient who moves state between visits.
import { describe, expect, it } from 'vitest';
import { activeLicenseStates, checkLicensure } from '../../../shared/rules/licensure';
import type { StateLicense } from '../../../shared/domain/user';

const licenses: StateLicense[] = [
  { state: 'WA', licenseNumber: 'MD1', expiresOn: '2027-06-30' },
  { state: 'NY', licenseNumber: 'MD2', expiresOn: '2026-03-31' },
  { state: 'HI', licenseNumber: 'MD3', expiresOn: '2026-12-31' },
];

describe('checkLicensure', () => {
  it.each([
    ['licensed and active', 'WA', '2026-11-28T18:00:00Z', true, undefined],
    ['no license in that state', 'TX', '2026-11-28T18:00:00Z', false, 'no_license'],
    ['expired license', 'NY', '2026-11-28T18:00:00Z', false, 'license_expired'],
    ['last day of a license, late evening in New York (already the next day in UTC)', 'NY', '2026-04-01T03:30:00Z', true, undefined],
    ['first day after expiry, just after midnight in New York', 'NY', '2026-04-01T04:30:00Z', false, 'license_expired'],
    ['last day in Hawaii while it is already January in UTC', 'HI', '2027-01-01T09:00:00Z', true, undefined],
    ['day after in Hawaii', 'HI', '2027-01-01T10:30:00Z', false, 'license_expired'],
    ['location not confirmed', null, '2026-11-28T18:00:00Z', false, 'location_unknown'],
  ] as const)('%s', (_name, state, at, eligible, reason) => {
    const result = checkLicensure(licenses, state, new Date(at));
    expect(result.eligible).toBe(eligible);
    if (!result.eligible) {
      expect(result.reason).toBe(reason);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('follows the patient: eligible in Washington, not after they move to Texas', () => {
    const at = new Date('2026-11-28T18:00:00Z');
    expect(checkLicensure(licenses, 'WA', at).eligible).toBe(true);
    expect(checkLicensure(licenses, 'TX', at)).toMatchObject({ eligible: false, reason: 'no_license', message: expect.stringContaining('TX') });
  });

  it('lists the states with an active license', () => {
    expect(activeLicenseStates(licenses, new Date('2026-11-28T18:00:00Z'))).toEqual(['WA', 'HI']);
  });
});
