// Code system and identifier URIs used in Housecall's FHIR R4 import and export.

export const SYSTEM = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  /** Housecall's medical record numbers. */
  housecallMrn: 'urn:housecall:mrn',
} as const;

/** Older URIs some exporters still write for the same systems; read as the current one. */
export const SYSTEM_ALIASES: Readonly<Record<string, string>> = {
  'http://hl7.org/fhir/v3/ActCode': SYSTEM.actCode,
  'http://hl7.org/fhir/observation-category': SYSTEM.observationCategory,
  'urn:oid:2.16.840.1.113883.6.90': SYSTEM.icd10cm,
  'urn:oid:2.16.840.1.113883.6.96': SYSTEM.snomed,
  'urn:oid:2.16.840.1.113883.6.88': SYSTEM.rxnorm,
  'urn:oid:2.16.840.1.113883.6.1': SYSTEM.loinc,
};

export const canonicalSystem = (system: string | undefined): string | undefined => (system === undefined ? undefined : SYSTEM_ALIASES[system] ?? system);

/** The profile every exported vital-sign Observation claims (FHIR R4 core vital signs). */
export const VITAL_SIGNS_PROFILE = 'http://hl7.org/fhir/StructureDefinition/vitalsigns';
