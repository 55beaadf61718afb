// Vital signs typed into a note's Objective section: kept as typed while drafting (autosave never loses a half-typed
// value), and validated against plausible adult/child ranges before a note can be signed.
import { z } from 'zod';

export const NOTE_VITAL_FIELDS = ['systolic', 'diastolic', 'heartRate', 'temperatureF', 'respiratoryRate', 'spo2', 'weightLb'] as const;
export type NoteVitalField = (typeof NOTE_VITAL_FIELDS)[number];

/** What the clinician typed in each vitals field (text, so a draft keeps any keystroke). */
export const DraftVitalsSchema = z.strictObject({
  systolic: z.string().max(12).optional(),
  diastolic: z.string().max(12).optional(),
  heartRate: z.string().max(12).optional(),
  temperatureF: z.string().max(12).optional(),
  respiratoryRate: z.string().max(12).optional(),
  spo2: z.string().max(12).optional(),
  weightLb: z.string().max(12).optional(),
});
export type DraftVitals = z.infer<typeof DraftVitalsSchema>;

/** Each field's label, unit (UCUM code stored with the measurement) and accepted range. */
export const VITAL_FIELD_RULES: Readonly<Record<NoteVitalField, { label: string; unit: string; unitText: string; min: number; max: number; integer: boolean }>> = {
  systolic: { label: 'Blood pressure systolic', unit: 'mm[Hg]', unitText: 'mmHg', min: 50, max: 260, integer: true },
  diastolic: { label: 'Blood pressure diastolic', unit: 'mm[Hg]', unitText: 'mmHg', min: 20, max: 160, integer: true },
  heartRate: { label: 'Heart rate', unit: '/min', unitText: 'beats/min', min: 20, max: 250, integer: true },
  temperatureF: { label: 'Temperature', unit: '[degF]', unitText: '°F', min: 86, max: 113, integer: false },
  respiratoryRate: { label: 'Respiratory rate', unit: '/min', unitText: 'breaths/min', min: 4, max: 70, integer: true },
  spo2: { label: 'SpO2', unit: '%', unitText: '%', min: 50, max: 100, integer: true },
  weightLb: { label: 'Weight', unit: '[lb_av]', unitText: 'lb', min: 1, max: 1000, integer: false },
};

const measure = (field: NoteVitalField) => {
  const r = VITAL_FIELD_RULES[field];
  const base = z.number({ error: `${r.label} must be a number` }).min(r.min, `${r.label} must be at least ${r.min} ${r.unitText}`).max(r.max, `${r.label} must be at most ${r.max} ${r.unitText}`);
  return (r.integer ? base.int(`${r.label} must be a whole number`) : base).optional();
};

/** Vitals as signed: numbers within range; blood pressure needs both values, diastolic below systolic. */
export const NoteVitalsSchema = z
  .strictObject({
    systolic: measure('systolic'),
    diastolic: measure('diastolic'),
    heartRate: measure('heartRate'),
    temperatureF: measure('temperatureF'),
    respiratoryRate: measure('respiratoryRate'),
    spo2: measure('spo2'),
    weightLb: measure('weightLb'),
  })
  .superRefine((v, ctx) => {
    if ((v.systolic === undefined) !== (v.diastolic === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.systolic === undefined ? 'systolic' : 'diastolic'], message: 'Blood pressure needs both systolic and diastolic values' });
    } else if (v.systolic !== undefined && v.diastolic !== undefined && v.diastolic >= v.systolic) {
      ctx.addIssue({ code: 'custom', path: ['diastolic'], message: 'Diastolic pressure must be lower than systolic' });
    }
  });
export type NoteVitals = z.infer<typeof NoteVitalsSchema>;

export type VitalsCheck = { ok: true; vitals: NoteVitals } | { ok: false; errors: Partial<Record<NoteVitalField, string>> };

/** Reads typed vitals into numbers and validates them; blank fields are simply not recorded. */
export function parseDraftVitals(draft: DraftVitals | undefined): VitalsCheck {
  const numbers: Record<string, number> = {};
  const errors: Partial<Record<NoteVitalField, string>> = {};
  for (const field of NOTE_VITAL_FIELDS) {
    const text = draft?.[field]?.trim() ?? '';
    if (text === '') continue;
    if (!/^\d{1,4}(\.\d{1,2})?$/.test(text)) {
      errors[field] = `${VITAL_FIELD_RULES[field].label} must be a number`;
      continue;
    }
    numbers[field] = Number(text);
  }
  const parsed = NoteVitalsSchema.safeParse(numbers);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as NoteVitalField;
      errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, vitals: parsed.success ? parsed.data : {} };
}

/** One plain sentence listing every vitals problem (for rejections and the sign button). */
export const vitalsErrorText = (errors: Partial<Record<NoteVitalField, string>>): string => `${Object.values(errors).join('; ')}.`;
