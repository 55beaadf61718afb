// Patients and their clinical lists as the workstation sees them.
import { z } from 'zod';
import { UsStateSchema } from './states';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SexSchema = z.enum(['female', 'male', 'other', 'unknown']);

export const PatientSummarySchema = z.object({
  id: z.uuid(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: IsoDate,
  sex: SexSchema,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.object({ line: z.string(), city: z.string(), state: UsStateSchema, postalCode: z.string() }),
  /** Where the patient is now (confirmed at check-in): decides which clinicians may see them. */
  locationState: UsStateSchema,
  cityId: z.string().nullable(),
  employer: z.string().nullable(),
  version: z.number().int(),
});
export type PatientSummary = z.infer<typeof PatientSummarySchema>;

export const AllergySchema = z.object({
  id: z.uuid(),
  substance: z.string(),
  code: z.string().nullable(),
  reaction: z.string().nullable(),
  severity: z.enum(['mild', 'moderate', 'severe']).nullable(),
  recordedOn: IsoDate.nullable(),
});
export type Allergy = z.infer<typeof AllergySchema>;

export const MedicationSchema = z.object({
  id: z.uuid(),
  rxnormCode: z.string(),
  name: z.string(),
  sig: z.string().nullable(),
  status: z.enum(['active', 'stopped', 'completed']),
  startedOn: IsoDate.nullable(),
});
export type Medication = z.infer<typeof MedicationSchema>;

export const ProblemSchema = z.object({
  id: z.uuid(),
  icd10Code: z.string(),
  description: z.string(),
  status: z.enum(['active', 'resolved']),
  onsetOn: IsoDate.nullable(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PatientChartSchema = z.object({
  patient: PatientSummarySchema,
  allergies: z.array(AllergySchema),
  medications: z.array(MedicationSchema),
  problems: z.array(ProblemSchema),
});
export type PatientChart = z.infer<typeof PatientChartSchema>;
