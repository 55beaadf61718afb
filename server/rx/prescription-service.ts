// Signing and cancelling prescriptions on the server's own data: the safety rules run again here (the
// device's view may be stale or offline), a signed prescription's content never changes, a change is a new
// prescription that supersedes the old one, and every signed prescription starts a delivery
// (on its city's dispatch board as a courier run).
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { Principal } from '../http/request-context';
import type { RxSignArgs } from '../../shared/sync/mutations';
import type { StateLicense } from '../../shared/domain/user';
import type { UsState } from '../../shared/domain/states';
import type { RejectionReason } from '../../shared/sync/protocol';
import { curatedFormulary } from '../../shared/rx/formulary';
import { checkPrescription, resolveOverrides } from '../../shared/rules/rx-safety';
import { canSeePatient } from '../auth/patient-access';
import { recordChange } from '../sync/change-log';
import { putDeliveryOnBoard, takeDeliveryOffBoard } from './delivery-board';

export type RxOutcome = { ok: true; prescriptionId: string; patientId: string } | { ok: false; reason: RejectionReason; message: string; patientId: string | null };

const refuse = (reason: RejectionReason, message: string, patientId: string | null = null): RxOutcome => ({ ok: false, reason, message, patientId });

/** The prescriber's facts the rules need: licenses and DEA registration. */
async function prescriberFacts(tx: Queryable, userId: string) {
  const lic = await tx.query<{ state: UsState; license_number: string; expires_on: string }>(
    'SELECT state, license_number, expires_on FROM staff_licenses WHERE user_id = $1', [userId]);
  const dea = await tx.query<{ dea_number: string; expires_on: string }>('SELECT dea_number, expires_on FROM prescriber_dea WHERE user_id = $1', [userId]);
  const licenses: StateLicense[] = lic.rows.map((r) => ({ state: r.state, licenseNumber: r.license_number, expiresOn: String(r.expires_on) }));
  const d = dea.rows[0];
  return { licenses, dea: d ? { number: d.dea_number, expiresOn: String(d.expires_on) } : null };
}

/** The patient's facts the rules need: location, allergies, active medications and active prescriptions. */
async function patientFacts(tx: Queryable, patientId: string, exceptPrescriptionId: string | null) {
  const p = await tx.query<{ location_state: UsState }>('SELECT location_state FROM patients WHERE id = $1', [patientId]);
  const allergies = await tx.query<{ substance: string; code: string | null }>('SELECT substance, code FROM patient_allergies WHERE patient_id = $1 ORDER BY id', [patientId]);
  const meds = await tx.query<{ rxnorm_code: string; name: string }>(
    `SELECT rxnorm_code, name FROM patient_medications WHERE patient_id = $1 AND status = 'active'
     UNION ALL
     SELECT rxcui, drug_name FROM prescriptions WHERE patient_id = $1 AND status = 'active' AND id IS DISTINCT FROM $2::uuid`,
    [patientId, exceptPrescriptionId]);
  return {
    patientState: p.rows[0]?.location_state ?? null,
    allergies: allergies.rows,
    activeMedications: meds.rows.map((m) => ({ rxnormCode: m.rxnorm_code, name: m.name })),
  };
}

const contentHash = (content: object): string => createHash('sha256').update(JSON.stringify(content)).digest('hex');

/**
 * Signs a prescription after re-running every safety check. secondFactor: whether the prescriber completed
 * a verified second factor for this signing (only the online controlled-substance route can say so).
 */
export async function signPrescription(tx: Queryable, principal: Principal, args: RxSignArgs, secondFactor: boolean, now: Date): Promise<RxOutcome> {
  const existing = await tx.query('SELECT 1 FROM prescriptions WHERE id = $1', [args.prescriptionId]);
  if (existing.rows.length > 0) return refuse('rule_violation', 'This prescription is already signed; change it to make a new one.', args.patientId);
  if (!(await canSeePatient(tx, principal, args.patientId))) return refuse('forbidden', 'You do not have access to this patient.');
  if (args.appointmentId) {
    const appt = await tx.query('SELECT 1 FROM appointments WHERE id = $1 AND patient_id = $2', [args.appointmentId, args.patientId]);
    if (appt.rows.length === 0) return refuse('invalid_args', 'The visit does not belong to this patient.', args.patientId);
  }
  const formulary = curatedFormulary();
  const product = formulary.byCode.get(args.order.rxcui);
  if (!product) return refuse('invalid_args', `RxNorm code ${args.order.rxcui} is not in the formulary.`, args.patientId);
  if (args.supersedesId) {
    const old = await tx.query<{ patient_id: string; prescriber_id: string; status: string }>(
      'SELECT patient_id, prescriber_id, status FROM prescriptions WHERE id = $1 FOR UPDATE', [args.supersedesId]);
    const row = old.rows[0];
    if (!row || row.patient_id !== args.patientId) return refuse('not_found', 'The prescription to change was not found for this patient.', args.patientId);
    if (row.prescriber_id !== principal.userId) return refuse('forbidden', 'Only the prescriber can change this prescription.', args.patientId);
    if (row.status !== 'active') return refuse('rule_violation', `The prescription to change is ${row.status}; only an active one can be changed.`, args.patientId);
    const delivery = await tx.query<{ status: string }>('SELECT status FROM deliveries WHERE prescription_id = $1', [args.supersedesId]);
    const ds = delivery.rows[0]?.status;
    if (ds && !['pharmacy_fill', 'ready_for_pickup'].includes(ds)) return refuse('rule_violation', 'The courier already has the prescription to change; it can no longer be changed.', args.patientId);
  }
  const findings = checkPrescription({
    formulary, order: args.order, ...(await patientFacts(tx, args.patientId, args.supersedesId)), ...(await prescriberFacts(tx, principal.userId)),
    secondFactor: secondFactor ? 'verified' : 'absent', at: now,
  });
  const decision = resolveOverrides(findings, args.overrides);
  if (!decision.ok) return refuse('rule_violation', decision.message, args.patientId);

  const content = { id: args.prescriptionId, patientId: args.patientId, prescriberId: principal.userId, rxcui: product.rxcui, order: args.order, overrides: decision.recorded, supersedesId: args.supersedesId, signedAt: now.toISOString() };
  await tx.query(
    `INSERT INTO prescriptions (id, patient_id, appointment_id, prescriber_id, rxcui, drug_name, schedule, rx_order, overrides, second_factor, content_hash, supersedes_id, status, signed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'active', $13)`,
    [args.prescriptionId, args.patientId, args.appointmentId, principal.userId, product.rxcui, product.name, product.schedule, JSON.stringify(args.order),
     JSON.stringify(decision.recorded), secondFactor, contentHash(content), args.supersedesId, now]);
  await tx.query(`INSERT INTO prescription_events (prescription_id, kind, actor_id, at) VALUES ($1, 'signed', $2, $3)`, [args.prescriptionId, principal.userId, now]);
  if (args.supersedesId) {
    await tx.query(`UPDATE prescriptions SET status = 'superseded', version = version + 1 WHERE id = $1`, [args.supersedesId]);
    await tx.query(`INSERT INTO prescription_events (prescription_id, kind, actor_id, related_id, at) VALUES ($1, 'superseded', $2, $3, $4)`, [args.supersedesId, principal.userId, args.prescriptionId, now]);
    await cancelOpenDelivery(tx, args.supersedesId, principal.userId);
    await recordChange(tx, 'prescription', args.supersedesId);
  }
  const deliveryId = randomUUID();
  await tx.query(`INSERT INTO deliveries (id, prescription_id, patient_id, status) VALUES ($1, $2, $3, 'pharmacy_fill')`, [deliveryId, args.prescriptionId, args.patientId]);
  await tx.query(`INSERT INTO delivery_events (delivery_id, from_status, to_status, actor_id) VALUES ($1, NULL, 'pharmacy_fill', $2)`, [deliveryId, principal.userId]);
  await putDeliveryOnBoard(tx, deliveryId, args.patientId, now);
  await recordChange(tx, 'prescription', args.prescriptionId);
  return { ok: true, prescriptionId: args.prescriptionId, patientId: args.patientId };
}

async function cancelOpenDelivery(tx: Queryable, prescriptionId: string, actorId: string): Promise<void> {
  const { rows } = await tx.query<{ id: string; status: string }>(
    `SELECT id, status FROM deliveries WHERE prescription_id = $1 AND status IN ('pharmacy_fill', 'ready_for_pickup') FOR UPDATE`, [prescriptionId]);
  for (const r of rows) {
    await tx.query(`UPDATE deliveries SET status = 'cancelled', version = version + 1, updated_at = now() WHERE id = $1`, [r.id]);
    await tx.query(`INSERT INTO delivery_events (delivery_id, from_status, to_status, actor_id) VALUES ($1, $2, 'cancelled', $3)`, [r.id, r.status, actorId]);
    await takeDeliveryOffBoard(tx, r.id);
  }
}

/** Cancels an active prescription (a cancel event; the content stays) and its delivery if not yet picked up. */
export async function cancelPrescription(tx: Queryable, principal: Principal, prescriptionId: string, reason: string, now: Date): Promise<RxOutcome> {
  const { rows } = await tx.query<{ patient_id: string; prescriber_id: string; status: string }>(
    'SELECT patient_id, prescriber_id, status FROM prescriptions WHERE id = $1 FOR UPDATE', [prescriptionId]);
  const row = rows[0];
  if (!row || !(await canSeePatient(tx, principal, row.patient_id))) return refuse('not_found', 'This prescription was not found.');
  if (row.prescriber_id !== principal.userId) return refuse('forbidden', 'Only the prescriber can cancel this prescription.', row.patient_id);
  if (row.status !== 'active') return refuse('rule_violation', `This prescription is already ${row.status}.`, row.patient_id);
  const delivery = await tx.query<{ status: string }>('SELECT status FROM deliveries WHERE prescription_id = $1', [prescriptionId]);
  const ds = delivery.rows[0]?.status;
  if (ds && !['pharmacy_fill', 'ready_for_pickup', 'cancelled'].includes(ds)) {
    return refuse('rule_violation', 'The courier already has this prescription; ask dispatch to return it before cancelling.', row.patient_id);
  }
  await tx.query(`UPDATE prescriptions SET status = 'cancelled', cancel_reason = $2, version = version + 1 WHERE id = $1`, [prescriptionId, reason]);
  await tx.query(`INSERT INTO prescription_events (prescription_id, kind, actor_id, at) VALUES ($1, 'cancelled', $2, $3)`, [prescriptionId, principal.userId, now]);
  await cancelOpenDelivery(tx, prescriptionId, principal.userId);
  await recordChange(tx, 'prescription', prescriptionId);
  return { ok: true, prescriptionId, patientId: row.patient_id };
}
