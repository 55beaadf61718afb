// What Housecall promises about its exports beyond base FHIR R4: standard codes (ICD-10-CM, RxNorm, LOINC),
// the R4 vital-signs profile for vital-sign Observations, and urn:uuid fullUrls matching resource ids.
import { BP_DIASTOLIC_LOINC, BP_SYSTOLIC_LOINC, vitalSignForLoinc } from '../domain/vitals';
import { formatPath } from './validate';
import type { FhirIssue } from './validate';
import { SYSTEM } from './systems';

interface Coding { system?: string; code?: string }
interface Concept { coding?: Coding[] }
interface Quantity { value?: number; system?: string; code?: string }
type Resource = Record<string, unknown> & { resourceType: string; id?: string };

const codings = (c: unknown): Coding[] => ((c as Concept | undefined)?.coding ?? []);
const hasCoding = (c: unknown, system: string, code?: string) => codings(c).some((x) => x.system === system && x.code !== undefined && (code === undefined || x.code === code));

/** ICD-10-CM code shape with its dot (E11.9, S06.0X0A); existence is checked against the code set elsewhere. */
export const ICD10CM_CODE = /^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/;

function checkVitalSign(o: Resource, at: (...p: PropertyKey[]) => string, issues: FhirIssue[]): void {
  const loincCodes = codings(o.code).filter((c) => c.system === SYSTEM.loinc).map((c) => c.code ?? '');
  const vital = loincCodes.map(vitalSignForLoinc).find((v) => v !== undefined);
  if (!vital) {
    issues.push({ path: at('code'), message: 'a vital-sign Observation needs a vital-sign LOINC code' });
    return;
  }
  if (!loincCodes.includes(vital.loinc)) issues.push({ path: at('code'), message: `the vital-signs profile requires LOINC ${vital.loinc} for this vital sign` });
  const subject = (o.subject as { reference?: string } | undefined)?.reference;
  if (!subject) issues.push({ path: at('subject'), message: 'is required by the vital-signs profile' });
  const effective = o.effectiveDateTime as string | undefined;
  if (!effective && !o.effectivePeriod) issues.push({ path: at('effectiveDateTime'), message: 'effective[x] is required by the vital-signs profile' });
  if (effective && !/^\d{4}-\d{2}-\d{2}/.test(effective)) issues.push({ path: at('effectiveDateTime'), message: 'must be at least a full date (vs-1)' });
  const checkQuantity = (q: Quantity | undefined, units: readonly string[], path: PropertyKey[]) => {
    if (!q) return;
    if (typeof q.value !== 'number') issues.push({ path: at(...path, 'value'), message: 'is required by the vital-signs profile' });
    if (q.system !== SYSTEM.ucum) issues.push({ path: at(...path, 'system'), message: 'must be UCUM (http://unitsofmeasure.org)' });
    if (!q.code || !units.includes(q.code)) issues.push({ path: at(...path, 'code'), message: `must be one of the UCUM units ${units.join(', ')}` });
  };
  const components = (o.component as Array<Resource & { valueQuantity?: Quantity; dataAbsentReason?: unknown }> | undefined) ?? [];
  if (vital.key === 'blood_pressure') {
    for (const [name, code] of [['systolic', BP_SYSTOLIC_LOINC], ['diastolic', BP_DIASTOLIC_LOINC]] as const) {
      const i = components.findIndex((c) => hasCoding(c.code, SYSTEM.loinc, code));
      if (i < 0) issues.push({ path: at('component'), message: `a blood pressure needs a ${name} component (LOINC ${code})` });
      else checkQuantity(components[i]!.valueQuantity, ['mm[Hg]'], ['component', i, 'valueQuantity']);
    }
  } else {
    const value = o.valueQuantity as Quantity | undefined;
    if (!value && !o.dataAbsentReason && components.length === 0 && !o.hasMember) issues.push({ path: at('valueQuantity'), message: 'a value or a dataAbsentReason is required (vs-2)' });
    if (!value && Object.keys(o).some((k) => k.startsWith('value'))) issues.push({ path: at('valueQuantity'), message: 'vital signs carry their value as valueQuantity' });
    checkQuantity(value, vital.units, ['valueQuantity']);
  }
  components.forEach((c, i) => {
    if (!c.valueQuantity && !c.dataAbsentReason && !Object.keys(c).some((k) => k.startsWith('value'))) {
      issues.push({ path: at('component', i), message: 'a component needs a value or a dataAbsentReason (vs-3)' });
    }
  });
}

/** Issues with a Housecall export bundle that base R4 validation does not catch (empty when it conforms). */
export function checkExportProfile(bundle: unknown): FhirIssue[] {
  const issues: FhirIssue[] = [];
  const b = bundle as { type?: string; entry?: Array<{ fullUrl?: string; resource?: Resource }> };
  if (b.type !== 'collection' && b.type !== 'searchset') issues.push({ path: 'type', message: 'an export is a collection or searchset bundle' });
  (b.entry ?? []).forEach((entry, i) => {
    const r = entry.resource;
    const at = (...p: PropertyKey[]) => formatPath(['entry', i, 'resource', ...p]);
    if (!r) return;
    if (!r.id || entry.fullUrl !== `urn:uuid:${r.id}`) issues.push({ path: formatPath(['entry', i, 'fullUrl']), message: 'must be urn:uuid:<resource id>' });
    switch (r.resourceType) {
      case 'Condition':
        if (!codings(r.code).some((c) => c.system === SYSTEM.icd10cm && ICD10CM_CODE.test(c.code ?? ''))) issues.push({ path: at('code'), message: 'needs an ICD-10-CM coding' });
        if (!hasCoding(r.clinicalStatus, SYSTEM.conditionClinical)) issues.push({ path: at('clinicalStatus'), message: 'needs a condition-clinical coding' });
        break;
      case 'AllergyIntolerance':
        if (!hasCoding(r.clinicalStatus, SYSTEM.allergyClinical)) issues.push({ path: at('clinicalStatus'), message: 'needs an allergyintolerance-clinical coding' });
        if (!hasCoding(r.verificationStatus, SYSTEM.allergyVerification)) issues.push({ path: at('verificationStatus'), message: 'needs an allergyintolerance-verification coding' });
        if (!r.code) issues.push({ path: at('code'), message: 'is required in an export' });
        break;
      case 'MedicationRequest':
      case 'MedicationStatement':
        if (!hasCoding(r.medicationCodeableConcept, SYSTEM.rxnorm)) issues.push({ path: at('medicationCodeableConcept'), message: 'needs an RxNorm coding' });
        break;
      case 'Encounter':
        if ((r.class as Coding | undefined)?.system !== SYSTEM.actCode) issues.push({ path: at('class', 'system'), message: 'must be the HL7 v3 ActCode system' });
        break;
      case 'Observation': {
        const isVital = (r.category as Concept[] | undefined)?.some((c) => hasCoding(c, SYSTEM.observationCategory, 'vital-signs'));
        if (!isVital) issues.push({ path: at('category'), message: 'Housecall exports vital-sign Observations only: needs the vital-signs category' });
        else checkVitalSign(r, at, issues);
        break;
      }
    }
  });
  return issues;
}
