// Reads what the care server holds, straight from its API (a separate "device"): the demo clinician's
// appointments and note drafts, to check that changes made in the browser arrived exactly once.
import { expect } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { DEVICE_HEADER, LoginResponseSchema } from '../../../shared/api/auth';
import { AppointmentListResponseSchema } from '../../../shared/api/clinical';
import type { Appointment } from '../../../shared/domain/appointment';
import { NoteSchema } from '../../../shared/domain/note';
import type { Note } from '../../../shared/domain/note';
import { PullResponseSchema } from '../../../shared/sync/protocol';
import type { DemoUser } from './demo-users';
import { demoPassword } from './demo-users';

const DEVICE = 'e2e-api-checker';

export interface CareApi {
  /** The one appointment at that time for that patient (among those `which` accepts: two visits may share a start). */
  appointmentAt(startsAt: string, patientName: string, which?: (appointment: Appointment) => boolean): Promise<Appointment>;
  /** Every note draft of the signed-in clinician for the appointment (the server's current versions). */
  notesFor(appointmentId: string): Promise<Note[]>;
}

/** Signs in over the API (clinicians have no second factor) and returns readers bound to that session. */
export async function careApi(request: APIRequestContext, baseURL: string, user: DemoUser): Promise<CareApi> {
  const login = await request.post(`${baseURL}/api/auth/login`, {
    headers: { [DEVICE_HEADER]: DEVICE },
    data: { email: user.email, password: demoPassword },
  });
  expect(login.status()).toBe(200);
  const body = LoginResponseSchema.parse(await login.json());
  if (body.status !== 'signed_in') throw new Error(`expected signed_in, got ${body.status}`);
  const headers = { [DEVICE_HEADER]: DEVICE, authorization: `Bearer ${body.accessToken}` };

  return {
    async appointmentAt(startsAt, patientName, which = () => true) {
      const at = Date.parse(startsAt);
      const response = await request.get(`${baseURL}/api/appointments`, {
        headers,
        params: { from: new Date(at - 60_000).toISOString(), to: new Date(at + 60_000).toISOString() },
      });
      expect(response.status()).toBe(200);
      const { appointments } = AppointmentListResponseSchema.parse(await response.json());
      const found = appointments.filter((a) => a.startsAt === new Date(at).toISOString() && a.patientName === patientName && which(a));
      expect(found, 'one appointment at that time for that patient').toHaveLength(1);
      return found[0]!;
    },
    async notesFor(appointmentId) {
      const notes = new Map<string, Note>();
      let cursor = '';
      for (let page = 0; page < 50; page++) {
        const response = await request.get(`${baseURL}/api/sync/pull`, { headers, params: { cursor, limit: 5000 } });
        expect(response.status()).toBe(200);
        const pulled = PullResponseSchema.parse(await response.json());
        for (const change of pulled.changes) {
          if (change.entity !== 'note' || change.deleted || !change.data) continue;
          const note = NoteSchema.parse(change.data);
          if (note.appointmentId === appointmentId) notes.set(note.id, note);
        }
        cursor = pulled.cursor;
        if (!pulled.hasMore) break;
      }
      return [...notes.values()];
    },
  };
}
