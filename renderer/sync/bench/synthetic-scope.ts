// A synthetic clinician scope served as pull pages (no server): N patient summaries and M chart rows
// (allergies, medications, problems, appointments) with realistic field sizes. Benchmark use only.
import type { Change, PullResponse } from '../../../shared/sync/protocol';
import type { SyncApi } from '../../platform';

export interface ScopeSize {
  patients: number;
  chartRows: number;
}

const GIVEN = ['Avery', 'Jordan', 'Riley', 'Morgan', 'Casey', 'Quinn', 'Rowan', 'Harper'];
const FAMILY = ['Lindqvist', 'Okafor', 'Marchetti', 'Nakamura', 'Delacroix', 'Haverford', 'Ibarra', 'Kowalczyk'];

const uuid = (n: number, kind: number): string => {
  const hex = n.toString(16).padStart(12, '0');
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
};

function patient(i: number): Change {
  const id = uuid(i, 1);
  return {
    entity: 'patient', id, version: 1, deleted: false, seq: 1, patientId: id,
    data: {
      id, mrn: `HC${String(i).padStart(7, '0')}`, givenName: GIVEN[i % GIVEN.length], familyName: FAMILY[(i >> 3) % FAMILY.length],
      birthDate: `19${String(40 + (i % 60)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`, sex: i % 2 ? 'female' : 'male',
      phone: `206-555-${String(i % 10000).padStart(4, '0')}`, email: `patient${i}@example.test`,
      address: { line: `${100 + (i % 900)} Cedar Ave Apt ${i % 40}`, city: 'Seattle', state: 'WA', postalCode: '98101' },
      locationState: 'WA', cityId: 'seattle', employer: i % 3 ? 'Evergreen Logistics' : null, version: 1,
    },
  };
}

function chartRow(j: number, patients: number, startMs: number): Change {
  const patientId = uuid(j % patients, 1);
  const kind = j % 4;
  const id = uuid(j, 2 + kind);
  if (kind === 0) {
    return { entity: 'allergy', id, version: 1, deleted: false, seq: 1, patientId, data: { id, patientId, substance: 'Penicillin V potassium', code: '7980', reaction: 'Hives and itching', severity: 'moderate', recordedOn: '2019-03-04' } };
  }
  if (kind === 1) {
    return { entity: 'medication', id, version: 1, deleted: false, seq: 1, patientId, data: { id, patientId, rxnormCode: '197361', name: 'Lisinopril 10 mg oral tablet', sig: 'Take 1 tablet by mouth once daily', status: 'active', startedOn: '2021-06-01' } };
  }
  if (kind === 2) {
    return { entity: 'problem', id, version: 1, deleted: false, seq: 1, patientId, data: { id, patientId, icd10Code: 'I10', description: 'Essential (primary) hypertension', status: 'active', onsetOn: '2020-11-12' } };
  }
  const startsAt = new Date(startMs + (j % 2000) * 15 * 60_000).toISOString();
  return {
    entity: 'appointment', id, version: 1, deleted: false, seq: 1, patientId,
    data: {
      id, patientId, clinicianId: uuid(0, 9), kind: 'video', status: 'booked', startsAt, endsAt: new Date(Date.parse(startsAt) + 20 * 60_000).toISOString(),
      reason: 'Follow-up on blood pressure', cityId: 'seattle', version: 1, patientName: 'Avery Lindqvist', patientLocationState: 'WA',
    },
  };
}

/** The clinician id the synthetic appointments belong to. */
export const SYNTHETIC_CLINICIAN_ID = uuid(0, 9);

/** A SyncApi whose pull serves the synthetic scope page by page (push is not supported). */
export function syntheticScopeApi(size: ScopeSize, startMs: number): SyncApi {
  const total = size.patients + size.chartRows;
  return {
    async push() {
      return { ok: false, error: { status: 503, code: 'unavailable', message: 'Benchmark scope: no push.' } };
    },
    async pull({ cursor, limit }) {
      const offset = cursor === '' ? 0 : Number(cursor.slice(2));
      const end = Math.min(total, offset + limit);
      const changes: Change[] = [];
      for (let k = offset; k < end; k++) changes.push(k < size.patients ? patient(k) : chartRow(k - size.patients, size.patients, startMs));
      const page: PullResponse = { changes, cursor: `s.${end}`, hasMore: end < total, progress: { done: end, total } };
      return { ok: true, value: page };
    },
  };
}
