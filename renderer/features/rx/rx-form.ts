// The prescription form's values and their conversion to a validated order (the shared zod schema), with
// one plain message per field; and the safety-check input the workstation builds from its cached chart.
import { RxOrderSchema } from '../../../shared/domain/prescription';
import type { RxOrder } from '../../../shared/domain/prescription';
import type { Formulary } from '../../../shared/rx/formulary';
import type { SafetyInput } from '../../../shared/rules/rx-safety';
import type { User } from '../../../shared/domain/user';
import type { LocalChart } from '../../data';

export interface RxFormValues {
  rxcui: string | null;
  dose: string;
  route: string;
  frequency: string;
  durationDays: string;
  quantity: string;
  quantityUnit: string;
  refills: string;
  daysSupply: string;
  substitutionAllowed: boolean;
  pharmacyNote: string;
}

export const initialRxForm = (): RxFormValues => ({
  rxcui: null, dose: '', route: 'oral', frequency: '', durationDays: '', quantity: '', quantityUnit: 'tablet', refills: '0', daysSupply: '',
  substitutionAllowed: true, pharmacyNote: '',
});

/** The form field a schema path belongs to (sig parts have their own fields). */
const FIELD_OF: Record<string, keyof RxFormValues> = {
  rxcui: 'rxcui', 'sig.dose': 'dose', 'sig.route': 'route', 'sig.frequency': 'frequency', 'sig.durationDays': 'durationDays', quantity: 'quantity',
  quantityUnit: 'quantityUnit', refills: 'refills', daysSupply: 'daysSupply', pharmacyNote: 'pharmacyNote',
};

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

export type OrderParse = { ok: true; order: RxOrder } | { ok: false; errors: Partial<Record<keyof RxFormValues, string>> };

export function toOrder(v: RxFormValues): OrderParse {
  if (!v.rxcui) return { ok: false, errors: { rxcui: 'Choose a drug from the formulary.' } };
  const parsed = RxOrderSchema.safeParse({
    rxcui: v.rxcui, sig: { dose: v.dose, route: v.route, frequency: v.frequency, durationDays: num(v.durationDays) }, quantity: num(v.quantity),
    quantityUnit: v.quantityUnit, refills: num(v.refills), daysSupply: num(v.daysSupply), substitutionAllowed: v.substitutionAllowed, pharmacyNote: v.pharmacyNote,
  });
  if (parsed.success) return { ok: true, order: parsed.data };
  const errors: Partial<Record<keyof RxFormValues, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[issue.path.join('.')];
    if (field && !errors[field]) errors[field] = issue.code === 'invalid_type' ? 'This is required.' : issue.message.replace(/^./, (c) => c.toUpperCase());
  }
  return { ok: false, errors };
}

/** What the device knows for the checks: the cached chart and the user's licenses. DEA is checked by the server. */
export function safetyInputFrom(formulary: Formulary, chart: LocalChart, user: User, order: RxOrder, supersedesId: string | null, at: Date): SafetyInput {
  const activeMeds = chart.medications.filter((m) => m.status === 'active').map((m) => ({ rxnormCode: m.rxnormCode, name: m.name }));
  const activeRx = chart.prescriptions.filter((p) => p.status === 'active' && p.id !== supersedesId).map((p) => ({ rxnormCode: p.rxcui, name: p.drugName }));
  return {
    formulary, order, allergies: chart.allergies.map((a) => ({ substance: a.substance, code: a.code })), activeMedications: [...activeMeds, ...activeRx],
    licenses: user.licenses, patientState: chart.patient.locationState, dea: 'unknown', secondFactor: 'pending', at,
  };
}
