// Zod schemas of the FHIR R4 resources Housecall reads and writes (Patient, Practitioner, Encounter, Condition,
// AllergyIntolerance, MedicationRequest, MedicationStatement, Observation, Appointment), with their R4 invariants.
import { z } from 'zod';
import { atMostOne, fhirDatatypes } from './datatypes';
import type { SchemaMode } from './datatypes';
import {
  fhirArray, fhirBoolean, fhirCode, fhirDate, fhirDateTime, fhirId, fhirInstant, fhirInteger, fhirPositiveInt, fhirString, fhirUri,
} from './primitives';

const codesOf = (cc: { coding?: Array<{ code?: string | undefined }> | undefined } | undefined): string[] =>
  (cc?.coding ?? []).flatMap((c) => (c.code ? [c.code] : []));

export function fhirResources(mode: SchemaMode) {
  const t = fhirDatatypes(mode);
  const { obj, backbone, Coding, CodeableConcept, Period, Quantity, Reference, Identifier, HumanName, ContactPoint, Address, Annotation, Dosage, Range, Ratio } = t;
  const base = {
    id: fhirId.optional(), meta: t.Meta.optional(), implicitRules: fhirUri.optional(), language: fhirCode.optional(),
    text: t.Narrative.optional(), contained: fhirArray(z.looseObject({ resourceType: z.string(), id: fhirId.optional() })).optional(),
    extension: fhirArray(t.Extension).optional(), modifierExtension: fhirArray(t.Extension).optional(),
  };

  const Patient = obj({
    ...base, resourceType: z.literal('Patient'), identifier: fhirArray(Identifier).optional(), active: fhirBoolean.optional(),
    name: fhirArray(HumanName).optional(), telecom: fhirArray(ContactPoint).optional(),
    gender: z.enum(['male', 'female', 'other', 'unknown']).optional(), birthDate: fhirDate.optional(),
    deceasedBoolean: fhirBoolean.optional(), deceasedDateTime: fhirDateTime.optional(), address: fhirArray(Address).optional(),
    maritalStatus: CodeableConcept.optional(), multipleBirthBoolean: fhirBoolean.optional(), multipleBirthInteger: fhirInteger.optional(),
    photo: fhirArray(z.unknown()).optional(), contact: fhirArray(z.unknown()).optional(), communication: fhirArray(z.unknown()).optional(),
    generalPractitioner: fhirArray(Reference).optional(), managingOrganization: Reference.optional(), link: fhirArray(z.unknown()).optional(),
  }).superRefine((p, ctx) => {
    atMostOne(p, ['deceasedBoolean', 'deceasedDateTime'], ctx, 'deceased');
    atMostOne(p, ['multipleBirthBoolean', 'multipleBirthInteger'], ctx, 'multipleBirth');
  });

  const Practitioner = obj({
    ...base, resourceType: z.literal('Practitioner'), identifier: fhirArray(Identifier).optional(), active: fhirBoolean.optional(),
    name: fhirArray(HumanName).optional(), telecom: fhirArray(ContactPoint).optional(), address: fhirArray(Address).optional(),
    gender: z.enum(['male', 'female', 'other', 'unknown']).optional(), birthDate: fhirDate.optional(), photo: fhirArray(z.unknown()).optional(),
    qualification: fhirArray(z.unknown()).optional(), communication: fhirArray(CodeableConcept).optional(),
  });

  const Encounter = obj({
    ...base, resourceType: z.literal('Encounter'), identifier: fhirArray(Identifier).optional(),
    status: z.enum(['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown']),
    statusHistory: fhirArray(z.unknown()).optional(), class: Coding, classHistory: fhirArray(z.unknown()).optional(),
    type: fhirArray(CodeableConcept).optional(), serviceType: CodeableConcept.optional(), priority: CodeableConcept.optional(),
    subject: Reference.optional(), episodeOfCare: fhirArray(Reference).optional(), basedOn: fhirArray(Reference).optional(),
    participant: fhirArray(obj({ ...backbone, type: fhirArray(CodeableConcept).optional(), period: Period.optional(), individual: Reference.optional() })).optional(),
    appointment: fhirArray(Reference).optional(), period: Period.optional(), length: z.unknown().optional(),
    reasonCode: fhirArray(CodeableConcept).optional(), reasonReference: fhirArray(Reference).optional(), diagnosis: fhirArray(z.unknown()).optional(),
    account: fhirArray(Reference).optional(), hospitalization: z.unknown().optional(), location: fhirArray(z.unknown()).optional(),
    serviceProvider: Reference.optional(), partOf: Reference.optional(),
  });

  const onsetForms = ['onsetDateTime', 'onsetAge', 'onsetPeriod', 'onsetRange', 'onsetString'] as const;
  const abatementForms = ['abatementDateTime', 'abatementAge', 'abatementPeriod', 'abatementRange', 'abatementString'] as const;
  const Condition = obj({
    ...base, resourceType: z.literal('Condition'), identifier: fhirArray(Identifier).optional(), clinicalStatus: CodeableConcept.optional(),
    verificationStatus: CodeableConcept.optional(), category: fhirArray(CodeableConcept).optional(), severity: CodeableConcept.optional(),
    code: CodeableConcept.optional(), bodySite: fhirArray(CodeableConcept).optional(), subject: Reference, encounter: Reference.optional(),
    onsetDateTime: fhirDateTime.optional(), onsetAge: Quantity.optional(), onsetPeriod: Period.optional(), onsetRange: Range.optional(), onsetString: fhirString.optional(),
    abatementDateTime: fhirDateTime.optional(), abatementAge: Quantity.optional(), abatementPeriod: Period.optional(), abatementRange: Range.optional(),
    abatementString: fhirString.optional(), recordedDate: fhirDateTime.optional(), recorder: Reference.optional(), asserter: Reference.optional(),
    stage: fhirArray(z.unknown()).optional(), evidence: fhirArray(z.unknown()).optional(), note: fhirArray(Annotation).optional(),
  }).superRefine((c, ctx) => {
    atMostOne(c, onsetForms, ctx, 'onset');
    atMostOne(c, abatementForms, ctx, 'abatement');
    const clinical = codesOf(c.clinicalStatus);
    const enteredInError = codesOf(c.verificationStatus).includes('entered-in-error');
    if (enteredInError && c.clinicalStatus) ctx.addIssue({ code: 'custom', message: 'clinicalStatus must be absent when entered-in-error (con-5)', path: ['clinicalStatus'] });
    const abated = abatementForms.some((f) => c[f] !== undefined);
    if (abated && clinical.length > 0 && !clinical.some((s) => ['inactive', 'resolved', 'remission'].includes(s))) {
      ctx.addIssue({ code: 'custom', message: 'an abated condition must be inactive, resolved or in remission (con-4)', path: ['clinicalStatus'] });
    }
  });

  const AllergyIntolerance = obj({
    ...base, resourceType: z.literal('AllergyIntolerance'), identifier: fhirArray(Identifier).optional(),
    clinicalStatus: CodeableConcept.optional(), verificationStatus: CodeableConcept.optional(), type: z.enum(['allergy', 'intolerance']).optional(),
    category: fhirArray(z.enum(['food', 'medication', 'environment', 'biologic'])).optional(),
    criticality: z.enum(['low', 'high', 'unable-to-assess']).optional(), code: CodeableConcept.optional(), patient: Reference,
    encounter: Reference.optional(), onsetDateTime: fhirDateTime.optional(), onsetAge: Quantity.optional(), onsetPeriod: Period.optional(),
    onsetRange: Range.optional(), onsetString: fhirString.optional(), recordedDate: fhirDateTime.optional(), recorder: Reference.optional(),
    asserter: Reference.optional(), lastOccurrence: fhirDateTime.optional(), note: fhirArray(Annotation).optional(),
    reaction: fhirArray(obj({
      ...backbone, substance: CodeableConcept.optional(), manifestation: fhirArray(CodeableConcept), description: fhirString.optional(),
      onset: fhirDateTime.optional(), severity: z.enum(['mild', 'moderate', 'severe']).optional(), exposureRoute: CodeableConcept.optional(),
      note: fhirArray(Annotation).optional(),
    })).optional(),
  }).superRefine((a, ctx) => {
    atMostOne(a, onsetForms, ctx, 'onset');
    const enteredInError = codesOf(a.verificationStatus).includes('entered-in-error');
    if (enteredInError && a.clinicalStatus) ctx.addIssue({ code: 'custom', message: 'clinicalStatus must be absent when entered-in-error (ait-2)', path: ['clinicalStatus'] });
    if (!enteredInError && !a.clinicalStatus) ctx.addIssue({ code: 'custom', message: 'clinicalStatus is required unless entered-in-error (ait-1)', path: ['clinicalStatus'] });
  });

  const medicationRequired = (m: { medicationCodeableConcept?: unknown; medicationReference?: unknown }, ctx: z.RefinementCtx) => {
    const forms = [m.medicationCodeableConcept, m.medicationReference].filter((x) => x !== undefined).length;
    if (forms !== 1) ctx.addIssue({ code: 'custom', message: 'medication[x] is required: exactly one of medicationCodeableConcept or medicationReference', path: ['medicationCodeableConcept'] });
  };
  const MedicationRequest = obj({
    ...base, resourceType: z.literal('MedicationRequest'), identifier: fhirArray(Identifier).optional(),
    status: z.enum(['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown']),
    statusReason: CodeableConcept.optional(),
    intent: z.enum(['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option']),
    category: fhirArray(CodeableConcept).optional(), priority: z.enum(['routine', 'urgent', 'asap', 'stat']).optional(), doNotPerform: fhirBoolean.optional(),
    reportedBoolean: fhirBoolean.optional(), reportedReference: Reference.optional(),
    medicationCodeableConcept: CodeableConcept.optional(), medicationReference: Reference.optional(), subject: Reference,
    encounter: Reference.optional(), supportingInformation: fhirArray(Reference).optional(), authoredOn: fhirDateTime.optional(),
    requester: Reference.optional(), performer: Reference.optional(), performerType: CodeableConcept.optional(), recorder: Reference.optional(),
    reasonCode: fhirArray(CodeableConcept).optional(), reasonReference: fhirArray(Reference).optional(), basedOn: fhirArray(Reference).optional(),
    groupIdentifier: Identifier.optional(), courseOfTherapyType: CodeableConcept.optional(), insurance: fhirArray(Reference).optional(),
    note: fhirArray(Annotation).optional(), dosageInstruction: fhirArray(Dosage).optional(), dispenseRequest: z.unknown().optional(),
    substitution: z.unknown().optional(), priorPrescription: Reference.optional(), detectedIssue: fhirArray(Reference).optional(),
    eventHistory: fhirArray(Reference).optional(),
  }).superRefine((m, ctx) => {
    medicationRequired(m, ctx);
    atMostOne(m, ['reportedBoolean', 'reportedReference'], ctx, 'reported');
  });

  const MedicationStatement = obj({
    ...base, resourceType: z.literal('MedicationStatement'), identifier: fhirArray(Identifier).optional(), basedOn: fhirArray(Reference).optional(),
    partOf: fhirArray(Reference).optional(),
    status: z.enum(['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken']),
    statusReason: fhirArray(CodeableConcept).optional(), category: CodeableConcept.optional(),
    medicationCodeableConcept: CodeableConcept.optional(), medicationReference: Reference.optional(), subject: Reference,
    context: Reference.optional(), effectiveDateTime: fhirDateTime.optional(), effectivePeriod: Period.optional(),
    dateAsserted: fhirDateTime.optional(), informationSource: Reference.optional(), derivedFrom: fhirArray(Reference).optional(),
    reasonCode: fhirArray(CodeableConcept).optional(), reasonReference: fhirArray(Reference).optional(), note: fhirArray(Annotation).optional(),
    dosage: fhirArray(Dosage).optional(),
  }).superRefine((m, ctx) => {
    medicationRequired(m, ctx);
    atMostOne(m, ['effectiveDateTime', 'effectivePeriod'], ctx, 'effective');
  });

  const valueShape = {
    valueQuantity: Quantity.optional(), valueCodeableConcept: CodeableConcept.optional(), valueString: fhirString.optional(),
    valueBoolean: fhirBoolean.optional(), valueInteger: fhirInteger.optional(), valueRange: Range.optional(), valueRatio: Ratio.optional(),
    valueSampledData: z.unknown().optional(), valueTime: fhirString.optional(), valueDateTime: fhirDateTime.optional(), valuePeriod: Period.optional(),
  };
  const valueForms = Object.keys(valueShape);
  const ObservationComponent = obj({
    ...backbone, code: CodeableConcept, ...valueShape, dataAbsentReason: CodeableConcept.optional(), interpretation: fhirArray(CodeableConcept).optional(),
    referenceRange: fhirArray(z.unknown()).optional(),
  }).superRefine((c, ctx) => atMostOne(c, valueForms, ctx, 'value'));
  const Observation = obj({
    ...base, resourceType: z.literal('Observation'), identifier: fhirArray(Identifier).optional(), basedOn: fhirArray(Reference).optional(),
    partOf: fhirArray(Reference).optional(),
    status: z.enum(['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown']),
    category: fhirArray(CodeableConcept).optional(), code: CodeableConcept, subject: Reference.optional(), focus: fhirArray(Reference).optional(),
    encounter: Reference.optional(), effectiveDateTime: fhirDateTime.optional(), effectivePeriod: Period.optional(),
    effectiveTiming: z.unknown().optional(), effectiveInstant: fhirInstant.optional(), issued: fhirInstant.optional(),
    performer: fhirArray(Reference).optional(), ...valueShape, dataAbsentReason: CodeableConcept.optional(),
    interpretation: fhirArray(CodeableConcept).optional(), note: fhirArray(Annotation).optional(), bodySite: CodeableConcept.optional(),
    method: CodeableConcept.optional(), specimen: Reference.optional(), device: Reference.optional(), referenceRange: fhirArray(z.unknown()).optional(),
    hasMember: fhirArray(Reference).optional(), derivedFrom: fhirArray(Reference).optional(), component: fhirArray(ObservationComponent).optional(),
  }).superRefine((o, ctx) => {
    atMostOne(o, valueForms, ctx, 'value');
    atMostOne(o, ['effectiveDateTime', 'effectivePeriod', 'effectiveTiming', 'effectiveInstant'], ctx, 'effective');
    if (o.dataAbsentReason && valueForms.some((f) => o[f as keyof typeof o] !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'dataAbsentReason only when there is no value (obs-6)', path: ['dataAbsentReason'] });
    }
  });

  const Appointment = obj({
    ...base, resourceType: z.literal('Appointment'), identifier: fhirArray(Identifier).optional(),
    status: z.enum(['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist']),
    cancelationReason: CodeableConcept.optional(), serviceCategory: fhirArray(CodeableConcept).optional(), serviceType: fhirArray(CodeableConcept).optional(),
    specialty: fhirArray(CodeableConcept).optional(), appointmentType: CodeableConcept.optional(), reasonCode: fhirArray(CodeableConcept).optional(),
    reasonReference: fhirArray(Reference).optional(), priority: z.number().int().min(0).optional(), description: fhirString.optional(),
    supportingInformation: fhirArray(Reference).optional(), start: fhirInstant.optional(), end: fhirInstant.optional(),
    minutesDuration: fhirPositiveInt.optional(), slot: fhirArray(Reference).optional(), created: fhirDateTime.optional(), comment: fhirString.optional(),
    patientInstruction: fhirString.optional(), basedOn: fhirArray(Reference).optional(),
    participant: fhirArray(obj({
      ...backbone, type: fhirArray(CodeableConcept).optional(), actor: Reference.optional(),
      required: z.enum(['required', 'optional', 'information-only']).optional(),
      status: z.enum(['accepted', 'declined', 'tentative', 'needs-action']), period: Period.optional(),
    })),
    requestedPeriod: fhirArray(Period).optional(),
  }).superRefine((a, ctx) => {
    if ((a.start === undefined) !== (a.end === undefined)) ctx.addIssue({ code: 'custom', message: 'start and end go together (app-2)', path: ['end'] });
    if (a.start === undefined && !['proposed', 'cancelled', 'waitlist'].includes(a.status)) {
      ctx.addIssue({ code: 'custom', message: 'only proposed, cancelled or waitlisted appointments may lack start and end (app-3)', path: ['start'] });
    }
  });

  return { Patient, Practitioner, Encounter, Condition, AllergyIntolerance, MedicationRequest, MedicationStatement, Observation, Appointment };
}

type Schemas = ReturnType<typeof fhirResources>;
export type FhirResourceSchemas = Schemas;
export type FhirPatient = z.infer<Schemas['Patient']>;
export type FhirPractitioner = z.infer<Schemas['Practitioner']>;
export type FhirEncounter = z.infer<Schemas['Encounter']>;
export type FhirCondition = z.infer<Schemas['Condition']>;
export type FhirAllergyIntolerance = z.infer<Schemas['AllergyIntolerance']>;
export type FhirMedicationRequest = z.infer<Schemas['MedicationRequest']>;
export type FhirMedicationStatement = z.infer<Schemas['MedicationStatement']>;
export type FhirObservation = z.infer<Schemas['Observation']>;
export type FhirAppointment = z.infer<Schemas['Appointment']>;
export type FhirCodeableConcept = NonNullable<FhirCondition['code']>;
export type FhirCoding = NonNullable<FhirCodeableConcept['coding']>[number];
export type FhirReference = FhirCondition['subject'];

/** The resource types with a schema here: everything else in a bundle is counted as unsupported on import. */
export const MODELLED_RESOURCE_TYPES = ['Patient', 'Practitioner', 'Encounter', 'Condition', 'AllergyIntolerance', 'MedicationRequest', 'MedicationStatement', 'Observation', 'Appointment'] as const;
export type ModelledResourceType = (typeof MODELLED_RESOURCE_TYPES)[number];
