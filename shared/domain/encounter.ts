// Encounters: a patient's visits, from Housecall's own schedule or imported from other systems' records.
import { z } from 'zod';
import type { AppointmentKindSchema } from './appointment';

/** FHIR R4 Encounter.status codes (stored as is). */
export const ENCOUNTER_STATUSES = ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown'] as const;
export const EncounterStatusSchema = z.enum(ENCOUNTER_STATUSES);

/** HL7 v3 ActCode encounter classes Housecall names; others are stored and shown by code. */
export const ENCOUNTER_CLASSES: Readonly<Record<string, string>> = {
  VR: 'virtual', HH: 'home health', AMB: 'ambulatory', EMER: 'emergency', IMP: 'inpatient encounter', ACUTE: 'inpatient acute',
  NONAC: 'inpatient non-acute', OBSENC: 'observation encounter', PRENC: 'pre-admission', SS: 'short stay', FLD: 'field',
};

/** The encounter class of a Housecall visit kind: video visits are virtual, home visits home health, clinic visits ambulatory. */
export const CLASS_OF_VISIT_KIND: Readonly<Record<z.infer<typeof AppointmentKindSchema>, string>> = { video: 'VR', home: 'HH', clinic: 'AMB' };

export const EncounterSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  appointmentId: z.uuid().nullable(),
  clinicianId: z.uuid().nullable(),
  practitionerId: z.uuid().nullable(),
  classCode: z.string(),
  status: EncounterStatusSchema,
  type: z.object({ system: z.string().nullable(), code: z.string().nullable(), display: z.string().nullable() }).nullable(),
  reason: z.object({ system: z.string().nullable(), code: z.string().nullable(), display: z.string().nullable() }).nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  source: z.enum(['housecall', 'fhir_import']),
  version: z.number().int(),
});
export type Encounter = z.infer<typeof EncounterSchema>;
