// Demo on-demand queue requests: a handful of patients asking to be seen now, some located in states where
// the demo clinician holds an active license and some (travelling) where nobody on the demo shift does.
import type { Queryable } from '../db/database';
import { bulkInsert } from './bulk-insert';
import type { Column } from './bulk-insert';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { Random } from './prng';
import type { DemoClinic } from './rows';

export interface QueueRequestRow {
  id: string;
  patient_id: string;
  reason: string;
  urgency: 'emergent' | 'urgent' | 'routine';
  requested_at: string;
  location_state: string;
}

/** [where the patient is now, urgency, minutes waited, reason]; the first four are in the demo clinician's states. */
const DEMO_REQUESTS: ReadonlyArray<readonly [string, QueueRequestRow['urgency'], number, string]> = [
  ['WA', 'routine', 34, 'Sore throat and mild fever'],
  ['NY', 'urgent', 12, 'Painful urination since yesterday'],
  ['TX', 'routine', 8, 'Medication refill: blood pressure'],
  ['CA', 'emergent', 3, 'Wheezing, inhaler not helping'],
  ['OH', 'urgent', 20, 'Rash after new antibiotic'],
  ['MI', 'routine', 15, 'COVID-19 test follow-up'],
  ['NV', 'routine', 5, 'Ear pain'],
];

const COLUMNS: Column<QueueRequestRow>[] = [
  { name: 'id', type: 'uuid' }, { name: 'patient_id', type: 'uuid' }, { name: 'reason', type: 'text' }, { name: 'urgency', type: 'text' },
  { name: 'requested_at', type: 'timestamptz' }, { name: 'location_state', type: 'text' },
];

/**
 * The demo queue rows for a generated clinic: patients not on the demo clinician's care team and with no visits
 * booked (a request states where the patient is now, so their booked visits would no longer fit their location).
 */
export function generateDemoQueue(clinic: DemoClinic, now: Date, seed = 4): QueueRequestRow[] {
  const rng = new Random(seed).fork('queue');
  const clinician = clinic.users.find((u) => u.email === DEMO_ACCOUNTS.clinician);
  const onTeam = new Set(clinic.care_team.filter((c) => c.user_id === clinician?.id).map((c) => c.patient_id));
  const booked = new Set(clinic.appointments.map((a) => a.patient_id));
  const candidates = clinic.patients.filter((p) => !onTeam.has(p.id) && !booked.has(p.id));
  const step = Math.max(1, Math.floor(candidates.length / DEMO_REQUESTS.length));
  return DEMO_REQUESTS.flatMap(([state, urgency, minutes, reason], i) => {
    const patient = candidates[i * step];
    if (!patient) return [];
    return [{ id: rng.uuid(), patient_id: patient.id, reason, urgency, requested_at: new Date(now.getTime() - minutes * 60_000).toISOString(), location_state: state }];
  });
}

/** Inserts the demo queue in the seeding transaction; the requesting patients are where their request says. */
export async function insertDemoQueue(tx: Queryable, clinic: DemoClinic, now: Date): Promise<number> {
  const rows = generateDemoQueue(clinic, now);
  for (const row of rows) await tx.query('UPDATE patients SET location_state = $2 WHERE id = $1', [row.patient_id, row.location_state]);
  await bulkInsert(tx, 'queue_requests', COLUMNS, rows);
  return rows.length;
}
