// The prescription form's conversion to an order (renderer/features/rx/rx-form): each bad input gets its own
// plain message on its own field; a complete form gives the order the shared schema accepts.
import { describe, expect, it } from 'vitest';
import { initialRxForm, toOrder } from '../../renderer/features/rx/rx-form';
import type { RxFormValues } from '../../renderer/features/rx/rx-form';

const filled = (extra: Partial<RxFormValues> = {}): RxFormValues => ({
  ...initialRxForm(), rxcui: '197361', dose: '1 tablet', frequency: 'once daily', durationDays: '30', quantity: '30', daysSupply: '30', ...extra,
});

describe('prescription form', () => {
  it('gives the order for a complete form', () => {
    expect(toOrder(filled())).toEqual({
      ok: true,
      order: { rxcui: '197361', sig: { dose: '1 tablet', route: 'oral', frequency: 'once daily', durationDays: 30 }, quantity: 30, quantityUnit: 'tablet', refills: 0, daysSupply: 30, substitutionAllowed: true, pharmacyNote: '' },
    });
  });
  it.each([
    ['no drug chosen', { rxcui: null }, 'rxcui', 'Choose a drug from the formulary.'],
    ['quantity zero', { quantity: '0' }, 'quantity', 'The quantity must be more than zero'],
    ['an absurd quantity', { quantity: '5000' }, 'quantity', 'The quantity cannot be more than 1000'],
    ['a missing dose', { dose: ' ' }, 'dose', 'The dose is missing'],
    ['a missing frequency', { frequency: '' }, 'frequency', 'The frequency is missing'],
    ['a missing duration', { durationDays: '' }, 'durationDays', 'This is required.'],
    ["a missing days' supply", { daysSupply: '' }, 'daysSupply', 'This is required.'],
    ['too many refills', { refills: '12' }, 'refills', 'At most 11 refills'],
  ] as const)('refuses %s', (_l, extra, field, message) => {
    const out = toOrder(filled(extra as Partial<RxFormValues>));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[field]).toBe(message);
  });
});
