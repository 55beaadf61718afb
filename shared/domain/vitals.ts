// Vital signs Housecall records, keyed by the LOINC codes of the FHIR R4 vital-signs profile, with the UCUM units each accepts.
import { z } from 'zod';

export interface VitalSignDefinition {
  key: 'height' | 'weight' | 'bmi' | 'blood_pressure' | 'heart_rate' | 'respiratory_rate' | 'temperature' | 'oxygen_saturation' | 'head_circumference';
  /** The code the FHIR R4 vital-signs profile requires (stored and exported). */
  loinc: string;
  display: string;
  /** More specific LOINC codes read as this vital sign (kept as the source code and exported as a second coding). */
  alsoFrom: readonly string[];
  /** UCUM unit codes the profile allows; the first is Housecall's default. */
  units: readonly string[];
}

export const BP_SYSTOLIC_LOINC = '8480-6';
export const BP_DIASTOLIC_LOINC = '8462-4';

export const VITAL_SIGNS: readonly VitalSignDefinition[] = [
  { key: 'height', loinc: '8302-2', display: 'Body height', alsoFrom: ['8306-3', '8308-9'], units: ['cm', '[in_i]'] },
  { key: 'weight', loinc: '29463-7', display: 'Body weight', alsoFrom: ['3141-9'], units: ['kg', 'g', '[lb_av]'] },
  { key: 'bmi', loinc: '39156-5', display: 'Body mass index (BMI) [Ratio]', alsoFrom: [], units: ['kg/m2'] },
  { key: 'blood_pressure', loinc: '85354-9', display: 'Blood pressure panel with all children optional', alsoFrom: ['55284-4', '35094-2'], units: ['mm[Hg]'] },
  { key: 'heart_rate', loinc: '8867-4', display: 'Heart rate', alsoFrom: [], units: ['/min'] },
  { key: 'respiratory_rate', loinc: '9279-1', display: 'Respiratory rate', alsoFrom: [], units: ['/min'] },
  { key: 'temperature', loinc: '8310-5', display: 'Body temperature', alsoFrom: ['8331-1', '8332-9', '8333-7', '8328-7'], units: ['Cel', '[degF]'] },
  { key: 'oxygen_saturation', loinc: '2708-6', display: 'Oxygen saturation in Arterial blood', alsoFrom: ['59408-5'], units: ['%'] },
  { key: 'head_circumference', loinc: '9843-4', display: 'Head Occipital-frontal circumference', alsoFrom: ['8287-5'], units: ['cm', '[in_i]'] },
];

/** The vital sign a LOINC code stands for (its own code or a more specific one), or undefined. */
export function vitalSignForLoinc(code: string): VitalSignDefinition | undefined {
  return VITAL_SIGNS.find((v) => v.loinc === code || v.alsoFrom.includes(code));
}

export const VITAL_STATUSES = ['preliminary', 'final', 'amended', 'corrected'] as const;

export const VitalSignSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  encounterId: z.uuid().nullable(),
  loincCode: z.string(),
  sourceCode: z.string().nullable(),
  display: z.string(),
  /** Decimal as text (exact); null for blood pressure, which has systolic and diastolic instead. */
  value: z.string().nullable(),
  systolic: z.string().nullable(),
  diastolic: z.string().nullable(),
  unit: z.string(),
  status: z.enum(VITAL_STATUSES),
  effectiveAt: z.string(),
  version: z.number().int(),
});
export type VitalSign = z.infer<typeof VitalSignSchema>;
