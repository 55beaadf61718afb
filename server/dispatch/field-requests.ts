// Creating field requests: the one entry point for home visits (the board, the seed) and deliveries (the
// delivery feature). Validates with CreateFieldRequestSchema, geocodes the patient's ZIP on the server,
// files the request on its city's day, and records the change so dispatchers' boards pull it.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { CreateFieldRequest } from '../../shared/domain/dispatch';
import { localDate } from '../../shared/rules/time-zones';
import { recordChange } from '../sync/change-log';
import { zipCentroid } from './geocode';

export class FieldRequestError extends Error {
  constructor(readonly code: 'not_found' | 'invalid', message: string) {
    super(message);
    this.name = 'FieldRequestError';
  }
}

interface PatientPlace {
  address_line: string; postal_code: string; city_id: string | null; time_zone: string | null;
}

/** Creates an unassigned request for the patient at home; throws FieldRequestError (PHI-free message) when it cannot. */
export async function createFieldRequest(tx: Queryable, input: CreateFieldRequest, options: { id?: string } = {}): Promise<string> {
  const { rows } = await tx.query<PatientPlace>(
    `SELECT p.address_line, p.postal_code, p.city_id, c.time_zone FROM patients p LEFT JOIN cities c ON c.id = p.city_id WHERE p.id = $1`,
    [input.patientId]);
  const place = rows[0];
  if (!place) throw new FieldRequestError('not_found', 'No such patient.');
  if (!place.city_id || !place.time_zone) throw new FieldRequestError('invalid', "The patient's address is not in a service city.");
  const centroid = zipCentroid(place.postal_code);
  if (!centroid) throw new FieldRequestError('invalid', "The patient's ZIP code cannot be placed on the map.");
  const id = options.id ?? randomUUID();
  await tx.query(
    `INSERT INTO field_requests (id, kind, patient_id, city_id, dispatch_date, delivery_id, reason, address_line, postal_code, latitude, longitude,
       window_start, window_end, skills, duration_minutes, priority, status)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11, $12, $13, $14::text[], $15, $16, 'unassigned')`,
    [id, input.kind, input.patientId, place.city_id, localDate(new Date(input.windowStart), place.time_zone), input.deliveryId, input.reason,
      place.address_line, place.postal_code, centroid.latitude, centroid.longitude, new Date(input.windowStart), new Date(input.windowEnd),
      input.skills, input.durationMinutes, input.priority]);
  await recordChange(tx, 'fieldRequest', id);
  return id;
}

/** Cancels a request that has not started (e.g. its delivery was cancelled); a started one is left as it is. */
export async function cancelFieldRequest(tx: Queryable, id: string): Promise<boolean> {
  const updated = await tx.query(
    `UPDATE field_requests SET status = 'cancelled', route_position = NULL, version = version + 1
      WHERE id = $1 AND status IN ('unassigned', 'assigned')`, [id]);
  if (updated.rowCount === 0) return false;
  await recordChange(tx, 'fieldRequest', id);
  return true;
}
