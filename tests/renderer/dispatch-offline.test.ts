// Dispatch through the device's data layer: field requests are cached per city day; an assignment made offline
// is queued and shown at once (pending); when another coordinator won meanwhile, the sync turns it into a
// conflict that says who won, and the board shows the winner's assignment.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldRequest } from '../../server/dispatch/field-requests';
import { recordChange } from '../../server/sync/change-log';
import { queryConflicts, queryFieldRequestsForDay } from '../../renderer/data/queries';
import { instantAt, localDate } from '../../shared/rules/time-zones';
import type { TestServer } from './support/server';
import { startTestServer } from './support/server';
import type { TestDevice } from './support/devices';
import { openDevice } from './support/devices';

const TZ = 'America/Los_Angeles';

describe('dispatch on the device', () => {
  let server: TestServer;
  const devices: TestDevice[] = [];
  const today = localDate(new Date(), TZ);
  const at = (hhmm: string) => instantAt(today, hhmm, TZ).toISOString();
  let requestId: string;
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
    const { users } = server.clinic;
    await db.query(`INSERT INTO users (id, email, display_name, role, credential, time_zone, home_city_id, password_hash)
      SELECT $1, 'dispatch2@test.housecall.test', 'Second Dispatcher', 'dispatcher', 'coordinator', time_zone, home_city_id, password_hash FROM users WHERE id = $2`,
    [randomUUID(), users.dispatcher]);
    await db.query(`INSERT INTO staff_skills (user_id, skill) VALUES ($1, 'lung_exam'), ($2, 'lung_exam')`, [users.clinician, users.otherClinician]);
    for (const user of [users.clinician, users.otherClinician]) {
      await db.query(`INSERT INTO staff_shifts (id, user_id, city_id, shift_date, starts_at, ends_at, start_latitude, start_longitude)
        VALUES ($1, $2, 'seattle', $3::date, $4, $5, 47.6062, -122.3321)`, [randomUUID(), user, today, at('08:00'), at('17:00')]);
    }
    requestId = await db.transaction((tx) => createFieldRequest(tx, {
      kind: 'home_visit', patientId: server.clinic.ownPatientId, reason: 'Lung exam', windowStart: at('09:00'), windowEnd: at('15:00'),
      skills: ['lung_exam'], durationMinutes: 30, priority: 'routine', deliveryId: null,
    }));
  });
  afterAll(async () => {
    for (const d of devices) await d.close();
    await server.close();
  });

  it('an offline assignment is shown pending, then refused with who won when the other coordinator was first', async () => {
    const mine = await open(server.clinic.emails.dispatcher);
    const [request] = await queryFieldRequestsForDay(mine.layer.core, 'seattle', today);
    expect(request).toMatchObject({ id: requestId, status: 'unassigned', reason: 'Lung exam', pending: false });

    mine.network.online = false;
    await mine.layer.actions.queueMutation('fieldRequest.assign', { requestId, assigneeId: server.clinic.users.clinician, acceptWarnings: false }, { baseVersion: request!.version });
    expect((await queryFieldRequestsForDay(mine.layer.core, 'seattle', today))[0]).toMatchObject({ status: 'assigned', assigneeId: server.clinic.users.clinician, pending: true });

    const theirs = await open('dispatch2@test.housecall.test');
    const [seen] = await queryFieldRequestsForDay(theirs.layer.core, 'seattle', today);
    await theirs.layer.actions.queueMutation('fieldRequest.assign', { requestId, assigneeId: server.clinic.users.otherClinician, acceptWarnings: false }, { baseVersion: seen!.version });
    await theirs.layer.sync();
    expect(await queryConflicts(theirs.layer.core)).toEqual([]);

    mine.network.online = true;
    await mine.layer.sync();
    const conflicts = await queryConflicts(mine.layer.core);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      name: 'fieldRequest.assign', reason: 'stale_version',
      message: 'Someone else got there first: this request was assigned to Dr. Other Clinician by Second Dispatcher.',
    });
    expect((await queryFieldRequestsForDay(mine.layer.core, 'seattle', today))[0]).toMatchObject({
      status: 'assigned', assigneeId: server.clinic.users.otherClinician, assignedByName: 'Second Dispatcher', pending: false,
    });
  });

  it('refuses on the device to move a visit that has started, before anything is queued', async () => {
    await server.db().query(`UPDATE field_requests SET status = 'en_route', version = version + 1 WHERE id = $1`, [requestId]);
    await server.db().transaction((tx) => recordChange(tx, 'fieldRequest', requestId));
    const device = devices[0]!;
    await device.layer.sync();
    const [request] = await queryFieldRequestsForDay(device.layer.core, 'seattle', today);
    expect(request!.status).toBe('en_route');
    await expect(device.layer.actions.queueMutation('fieldRequest.assign', { requestId, assigneeId: null, acceptWarnings: true }, { baseVersion: request!.version }))
      .rejects.toThrow('This visit has already started and cannot be moved.');
  });
});
