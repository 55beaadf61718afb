// Demo prescriptions and deliveries: a few signed through the real signing path (safety rules included) for
// patients of the demo clinician and of one other clinician, with deliveries at different steps (fill,
// out for delivery with the demo courier, delivered with proof, and one failed with its inbox task).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import { signPrescription } from '../rx/prescription-service';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { runStatusForDelivery } from '../../shared/rules/dispatch/delivery-run';

/** Common, low-risk drugs to try in order until one passes a patient's checks. */
const DEMO_DRUGS = [
  { rxcui: '1014678', dose: '1 tablet', frequency: 'once daily', days: 30, quantity: 30 }, // cetirizine 10 mg
  { rxcui: '197361', dose: '1 tablet', frequency: 'once daily', days: 30, quantity: 30 }, // amlodipine 5 mg
  { rxcui: '310429', dose: '1 tablet', frequency: 'once daily', days: 30, quantity: 30 }, // furosemide 20 mg
  { rxcui: '1049502', dose: '1 tablet', frequency: 'every 6 hours as needed', days: 10, quantity: 40 }, // acetaminophen 500 mg
];

type Step = 'pharmacy_fill' | 'out_for_delivery' | 'delivered' | 'failed';
const PATH: Record<Step, string[]> = {
  pharmacy_fill: [],
  out_for_delivery: ['ready_for_pickup', 'picked_up', 'out_for_delivery'],
  delivered: ['ready_for_pickup', 'picked_up', 'out_for_delivery', 'delivered'],
  failed: ['ready_for_pickup', 'picked_up', 'out_for_delivery', 'failed'],
};

async function userId(tx: Queryable, email: string): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
  return rows[0]?.id ?? null;
}

async function signFor(tx: Queryable, prescriberId: string, patientId: string, now: Date): Promise<string | null> {
  for (const drug of DEMO_DRUGS) {
    const out = await signPrescription(tx, { userId: prescriberId, role: 'clinician', sessionId: 'demo-seed' }, {
      prescriptionId: randomUUID(), patientId, appointmentId: null, overrides: [], supersedesId: null,
      order: {
        rxcui: drug.rxcui, sig: { dose: drug.dose, route: 'oral', frequency: drug.frequency, durationDays: drug.days }, quantity: drug.quantity,
        quantityUnit: 'tablet', refills: 0, daysSupply: drug.days, substitutionAllowed: true, pharmacyNote: '',
      },
    }, false, now);
    if (out.ok) return out.prescriptionId;
  }
  return null;
}

async function advance(tx: Queryable, prescriptionId: string, courierId: string, step: Step, prescriberId: string, patientId: string, now: Date): Promise<void> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM deliveries WHERE prescription_id = $1', [prescriptionId]);
  const deliveryId = rows[0]!.id;
  let from = 'pharmacy_fill';
  for (const to of PATH[step]) {
    await tx.query('INSERT INTO delivery_events (delivery_id, from_status, to_status, courier_id) VALUES ($1, $2, $3, $4)', [deliveryId, from, to, courierId]);
    from = to;
  }
  if (step === 'pharmacy_fill') return;
  await tx.query(
    `UPDATE deliveries SET status = $2, courier_id = $3, eta = $4, failure_reason = $5, recipient_name = $6, delivered_at = $7, signature_ref = $8,
       version = version + $9 WHERE id = $1`,
    [deliveryId, step, courierId, step === 'out_for_delivery' ? new Date(now.getTime() + 45 * 60_000) : null, step === 'failed' ? 'not_home' : null,
     step === 'delivered' ? 'Household member' : null, step === 'delivered' ? new Date(now.getTime() - 3 * 3600_000) : null,
     step === 'delivered' ? 'demo-signature-0001' : null, PATH[step].length]);
  // The delivery's courier run on the board is the courier's, at the matching live status, when it is in the courier's city;
  // elsewhere the demo courier took it off the board (the Deliveries list shows it without a board run).
  await tx.query(
    `UPDATE field_requests f SET assignee_id = $2, status = $3, status_at = CASE WHEN $3 = 'assigned' THEN NULL ELSE $4::timestamptz END, version = version + 1
      FROM users u WHERE u.id = $2 AND f.delivery_id = $1 AND f.status = 'unassigned' AND f.city_id = u.home_city_id`,
    [deliveryId, courierId, runStatusForDelivery(step) ?? 'assigned', now]);
  await tx.query(`UPDATE field_requests SET status = 'cancelled', version = version + 1 WHERE delivery_id = $1 AND status = 'unassigned'`, [deliveryId]);
  if (step === 'failed') {
    await tx.query(`INSERT INTO inbox_tasks (id, user_id, patient_id, kind, prescription_id, delivery_id, status) VALUES ($1, $2, $3, 'delivery_failed', $4, $5, 'open')`,
      [randomUUID(), prescriberId, patientId, prescriptionId, deliveryId]);
  }
}

/** Adds the demo prescriptions inside the seeding transaction; returns how many were signed. */
export async function insertDemoPrescriptions(tx: Queryable, now: Date): Promise<number> {
  const clinician = await userId(tx, DEMO_ACCOUNTS.clinician);
  const courier = await userId(tx, DEMO_ACCOUNTS.courier);
  if (!clinician || !courier) return 0;
  await tx.query(`INSERT INTO prescriber_dea (user_id, dea_number, expires_on) VALUES ($1, 'BD1234563', $2)`, [clinician, `${now.getUTCFullYear() + 2}-12-31`]);
  const other = await tx.query<{ id: string }>(`SELECT id FROM users WHERE role = 'clinician' AND id <> $1 ORDER BY email LIMIT 1`, [clinician]);
  const plan: Array<{ prescriber: string; step: Step }> = [
    { prescriber: clinician, step: 'delivered' }, { prescriber: clinician, step: 'out_for_delivery' }, { prescriber: clinician, step: 'pharmacy_fill' },
    ...(other.rows[0] ? [{ prescriber: other.rows[0].id, step: 'failed' as const }] : []),
  ];
  let signed = 0;
  const used = new Set<string>();
  for (const item of plan) {
    const { rows: patients } = await tx.query<{ patient_id: string }>(
      `SELECT patient_id FROM care_team WHERE user_id = $1 ORDER BY patient_id LIMIT 20`, [item.prescriber]);
    for (const { patient_id: patientId } of patients) {
      if (used.has(patientId)) continue;
      const rx = await signFor(tx, item.prescriber, patientId, now);
      if (!rx) continue;
      used.add(patientId);
      await advance(tx, rx, courier, item.step, item.prescriber, patientId, now);
      signed += 1;
      break;
    }
  }
  return signed;
}
