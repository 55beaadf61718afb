// Maps FHIR Encounter and vital-sign Observation resources onto Housecall's encounters and vital_signs rows.
import { BP_DIASTOLIC_LOINC, BP_SYSTOLIC_LOINC, VITAL_STATUSES, vitalSignForLoinc } from '../../../shared/domain/vitals';
import type { VitalSignDefinition } from '../../../shared/domain/vitals';
import type { FhirEncounter, FhirObservation } from '../../../shared/fhir/resources';
import { canonicalSystem, SYSTEM } from '../../../shared/fhir/systems';
import { codingsOf, textOf, toInstant } from './fhir-values';
import type { MapResult } from './mapped';
import { mapped, rejected } from './mapped';

export function mapEncounter(e: FhirEncounter, patientId: string, practitionerId: string | null): MapResult {
  if (e.status === 'entered-in-error') return rejected('entered_in_error');
  if (canonicalSystem(e.class.system) !== SYSTEM.actCode || !e.class.code) return rejected('encounter_class_not_actcode');
  const type = e.type?.[0];
  const typeCoding = codingsOf(type)[0];
  const reason = e.reasonCode?.[0];
  const reasonCoding = codingsOf(reason)[0];
  return mapped({
    columns: {
      patient_id: patientId, practitioner_id: practitionerId, class_code: e.class.code, status: e.status,
      type_system: typeCoding?.system ?? null, type_code: typeCoding?.code ?? null, type_display: textOf(type),
      reason_system: reasonCoding?.system ?? null, reason_code: reasonCoding?.code ?? null, reason_display: textOf(reason),
      starts_at: toInstant(e.period?.start), ends_at: toInstant(e.period?.end), source: 'fhir_import',
    },
  });
}

/**
 * The vital sign an Observation records (by any of its LOINC codings) and the code it came with: the more
 * specific code when it has both (an export's [85354-9, 55284-4] reads back as 55284-4).
 */
export function vitalSignOf(o: FhirObservation): { vital: VitalSignDefinition; sourceCode: string } | undefined {
  const matches = codingsOf(o.code).flatMap((c) => {
    const vital = c.system === SYSTEM.loinc ? vitalSignForLoinc(c.code) : undefined;
    return vital ? [{ vital, sourceCode: c.code }] : [];
  });
  const first = matches[0];
  if (!first) return undefined;
  return matches.find((m) => m.vital === first.vital && m.sourceCode !== first.vital.loinc) ?? first;
}

type Quantity = NonNullable<FhirObservation['valueQuantity']>;
const unitOf = (q: Quantity): string | undefined => (q.system === undefined || q.system === SYSTEM.ucum ? q.code ?? q.unit : undefined);

export function mapVitalSign(o: FhirObservation, patientId: string, encounterId: string | null): MapResult {
  const found = vitalSignOf(o);
  if (!found) throw new Error('mapVitalSign called for an Observation that is not a vital sign');
  const { vital, sourceCode } = found;
  if (o.status === 'entered-in-error') return rejected('entered_in_error');
  const status = (VITAL_STATUSES as readonly string[]).includes(o.status) ? o.status : null;
  if (!status) return rejected('vital_status');
  const effectiveAt = toInstant(o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start);
  if (!effectiveAt) return rejected('vital_no_time');
  let value: number | null = null;
  let systolic: number | null = null;
  let diastolic: number | null = null;
  let unit: string | undefined;
  if (vital.key === 'blood_pressure') {
    const part = (code: string) => o.component?.find((c) => codingsOf(c.code).some((x) => x.system === SYSTEM.loinc && x.code === code))?.valueQuantity;
    const sys = part(BP_SYSTOLIC_LOINC);
    const dia = part(BP_DIASTOLIC_LOINC);
    if (sys?.value === undefined || dia?.value === undefined) return rejected('vital_no_value');
    if (unitOf(sys) !== 'mm[Hg]' || unitOf(dia) !== 'mm[Hg]') return rejected('vital_unit');
    systolic = sys.value;
    diastolic = dia.value;
    unit = 'mm[Hg]';
  } else {
    if (o.valueQuantity?.value === undefined) return rejected('vital_no_value');
    unit = unitOf(o.valueQuantity);
    if (!unit || !vital.units.includes(unit)) return rejected('vital_unit');
    value = o.valueQuantity.value;
  }
  return mapped({
    columns: {
      patient_id: patientId, encounter_id: encounterId, loinc_code: vital.loinc, source_code: sourceCode === vital.loinc ? null : sourceCode,
      display: vital.display, value, systolic, diastolic, unit, status, effective_at: effectiveAt, source: 'fhir_import',
    },
  });
}
