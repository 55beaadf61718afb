// The on-demand queue and check-ins on devices: a request reaches only licensed clinicians' caches, a take made
// offline on a second device after another clinician took the patient lands in conflicts saying who took them
// and the request leaves that device; the taker gets the chart and the visit. A check-in made on another device
// raises the check-in event once; one made on this device does not.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAppointmentsInRange, queryConflicts, queryPatientChart, queryQueueRequests } from '../../renderer/data/queries';
import { onPatientsCheckedIn } from '../../renderer/data/check-in-events';
import type { TestServer } from './support/server';
import { startTestServer } from './support/server';
import type { TestDevice } from './support/devices';
import { openDevice } from './support/devices';

describe('on-demand queue and check-ins on devices', () => {
  let server: TestServer;
  const devices: TestDevice[] = [];
  const patientId = randomUUID();
  const requestId = randomUUID();
  const open = async (email: string) => {
    const device = await openDevice(server, email);
    devices.push(device);
    await device.layer.leadership;
    await device.layer.sync();
    return device;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.db();
    await db.query(`INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, address_line, address_city, address_state, postal_code, location_state)
                    VALUES ($1, 'HCQ1', 'Walkin', 'Patient', '1985-05-05', 'female', '1 Main St', 'Seattle', 'WA', '98101', 'WA')`, [patientId]);
    await db.query(`INSERT INTO queue_requests (id, patient_id, reason, urgency, location_state) VALUES ($1, $2, 'Sore throat', 'urgent', 'WA')`, [requestId, patientId]);
  });
  afterAll(async () => {
    for (const d of devices) await d.close({ wipe: true });
    await server.close();
  });

  it('the loser of a take sees who won; the winner gets the chart and an in-progress visit', async () => {
    const winner = await open(server.clinic.emails.clinician);
    const loser = await open(server.clinic.emails.otherClinician);
    expect((await queryQueueRequests(loser.layer.core)).map((r) => r.id)).toEqual([requestId]);

    loser.network.online = false;
    const appointmentId = randomUUID();
    await winner.layer.actions.queueMutation('queue.take', { requestId, appointmentId }, { baseVersion: 1 });
    await winner.layer.sync();
    const [taken] = await queryQueueRequests(winner.layer.core);
    expect(taken).toMatchObject({ status: 'taken', takenBy: winner.userId, appointmentId, pending: false });
    expect(await queryPatientChart(winner.layer.core, patientId)).not.toBeNull();
    const visits = await queryAppointmentsInRange(winner.layer.core, new Date(Date.now() - 3_600_000).toISOString(), new Date(Date.now() + 3_600_000).toISOString(), winner.userId);
    expect(visits.find((v) => v.id === appointmentId)).toMatchObject({ status: 'in_progress', kind: 'video' });

    await loser.layer.actions.queueMutation('queue.take', { requestId, appointmentId: randomUUID() }, { baseVersion: 1 });
    expect((await queryQueueRequests(loser.layer.core))[0]).toMatchObject({ status: 'taken', takenBy: loser.userId, pending: true });
    loser.network.online = true;
    await loser.layer.sync();
    const conflicts = await queryConflicts(loser.layer.core);
    expect(conflicts).toEqual([expect.objectContaining({ name: 'queue.take', reason: 'stale_version', message: 'This patient was already taken by Dr. Test Clinician.' })]);
    expect(await queryQueueRequests(loser.layer.core)).toEqual([]);
    expect(await queryPatientChart(loser.layer.core, patientId)).toBeNull();
  });

  it('raises the check-in event for a check-in made elsewhere, not for one made here', async () => {
    const here = devices[0]!;
    const elsewhere = await open(server.clinic.emails.clinician);
    const events: number[] = [];
    const stop = onPatientsCheckedIn((n) => events.push(n));
    try {
      await elsewhere.layer.actions.queueMutation('appointment.setStatus', { appointmentId: server.clinic.ownAppointmentId, status: 'checked_in' });
      await elsewhere.layer.sync();
      expect(events).toEqual([]); // the device that made it stays quiet
      await here.layer.sync();
      expect(events).toEqual([1]);
      await here.layer.sync();
      expect(events).toEqual([1]); // once
      const [visit] = (await queryAppointmentsInRange(here.layer.core, new Date(Date.now() - 86_400_000).toISOString(), new Date(Date.now() + 86_400_000).toISOString(), here.userId))
        .filter((a) => a.id === server.clinic.ownAppointmentId);
      expect(visit).toMatchObject({ status: 'checked_in', checkedInAt: expect.any(String) });
    } finally {
      stop();
    }
  });
});
