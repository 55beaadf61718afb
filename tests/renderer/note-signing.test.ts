// Signing on the device: a note signed offline shows as signed and pending, cannot be edited, and is
// acknowledged once the device is back online (the server recomputed the same hash); an addendum follows the
// same path; a refused signature lands in the conflicts list with the server's reason. The ICD-10-CM list is
// stored on the device and searchable offline, and signed vitals arrive in the chart's vitals history.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteSections } from '../../shared/domain/note';
import { noteContentHash } from '../../shared/notes/content-hash';
import { Icd10ListSchema } from '../../shared/api/reference';
import { queueMutation } from '../../renderer/data/outbox';
import { queryConflicts, queryNote, queryPatientChart } from '../../renderer/data/queries';
import { icd10Index } from '../../renderer/data/icd10-reference';
import { send } from '../../renderer/platform/http';
import type { TestServer } from './support/server';
import { startTestServer } from './support/server';
import type { TestDevice } from './support/devices';
import { openDevice, signInTokens } from './support/devices';
import { statusOf } from './support/inspect';

const SECTIONS: NoteSections = {
  subjective: 'Dysuria for two days.',
  objective: 'No distress.',
  assessment: 'Uncomplicated cystitis.',
  plan: 'Nitrofurantoin.',
  vitals: { systolic: '118', diastolic: '76', heartRate: '80' },
  diagnoses: [{ code: 'N39.0', description: 'Urinary tract infection, site not specified' }],
};

describe('signing notes on the device', () => {
  let server: TestServer;
  let device: TestDevice;
  beforeAll(async () => {
    server = await startTestServer();
    const { accessToken } = await signInTokens(server, server.clinic.emails.clinician);
    device = await openDevice(server, server.clinic.emails.clinician, {
      icd10: () => send({ path: '/api/reference/icd10', schema: Icd10ListSchema, bearer: accessToken, fetch: (input, init) => (device.network.online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed'))) }),
    });
    await device.layer.leadership;
    await device.layer.sync();
  });
  afterAll(async () => {
    await device.close();
    await server.close();
  });
  const sql = <T>(text: string, params: unknown[] = []) => server.db().query<T>(text, params).then((r) => r.rows);

  it('keeps the ICD-10-CM code list on the device and searches it offline', async () => {
    let index = await icd10Index(device.layer.core.db);
    for (let i = 0; i < 100 && !index; i++) {
      await new Promise((r) => setTimeout(r, 50));
      index = await icd10Index(device.layer.core.db);
    }
    device.network.online = false;
    expect(index?.size).toBe(72_621);
    expect(index?.search('N39')[0]).toEqual({ code: 'N39.0', description: 'Urinary tract infection, site not specified' });
    device.network.online = true;
  });

  it('a note signed offline is "signed, pending", locked, and acknowledged after reconnecting', async () => {
    const noteId = crypto.randomUUID();
    const patientId = server.clinic.ownPatientId;
    device.network.online = false;
    await device.layer.actions.saveNoteDraft({ noteId, patientId, appointmentId: server.clinic.ownAppointmentId, sections: SECTIONS });
    const hash = await device.layer.actions.signNote({ noteId });
    expect(hash).toBe(noteContentHash({ noteId, patientId, sections: SECTIONS }));

    expect(await queryNote(device.layer.core, noteId)).toMatchObject({ status: 'signed', pending: true, signedBy: device.userId, contentHash: hash });
    await expect(device.layer.actions.saveNoteDraft({ noteId, patientId, appointmentId: server.clinic.ownAppointmentId, sections: { ...SECTIONS, plan: 'x' } })).rejects.toThrow(/signed and can no longer be edited/);
    await device.layer.sync();
    expect(await statusOf(device.layer)).toMatchObject({ pendingCount: 2, allSynced: false });
    expect(await sql('SELECT 1 FROM encounter_notes WHERE id = $1', [noteId])).toHaveLength(0);

    device.network.online = true;
    await device.layer.sync();
    expect(await queryNote(device.layer.core, noteId)).toMatchObject({ status: 'signed', pending: false, contentHash: hash, signedBy: device.userId });
    expect(await sql('SELECT status, content_hash, signed_by FROM encounter_notes WHERE id = $1', [noteId])).toEqual([{ status: 'signed', content_hash: hash, signed_by: device.userId }]);
    expect(await statusOf(device.layer)).toMatchObject({ pendingCount: 0, conflictCount: 0 });

    // The signed vitals come back as the chart's vitals history.
    const chart = await queryPatientChart(device.layer.core, patientId);
    expect(chart?.vitals.filter((v) => v.noteId === noteId).map((v) => [v.loincCode, v.systolic ?? v.value])).toEqual(expect.arrayContaining([['85354-9', '118'], ['8867-4', '80']]));

    // A signed addendum, queued offline, then acknowledged.
    device.network.online = false;
    await device.layer.actions.addAddendum({ noteId, text: 'Culture sent.' });
    expect((await queryNote(device.layer.core, noteId))?.addenda).toEqual([expect.objectContaining({ text: 'Culture sent.' })]);
    device.network.online = true;
    await device.layer.sync();
    expect(await queryNote(device.layer.core, noteId)).toMatchObject({ pending: false, addenda: [expect.objectContaining({ text: 'Culture sent.', authorId: device.userId })] });
    expect(await sql('SELECT text FROM note_addenda WHERE note_id = $1', [noteId])).toEqual([{ text: 'Culture sent.' }]);
  });

  it('a signature the server refuses lands in the conflicts list with its reason, and the note stays a draft', async () => {
    const noteId = crypto.randomUUID();
    const patientId = server.clinic.ownPatientId;
    await device.layer.actions.saveNoteDraft({ noteId, patientId, appointmentId: null, sections: SECTIONS });
    await queueMutation(device.layer.core, 'note.sign', { noteId, patientId, contentHash: 'f'.repeat(64) });
    await device.layer.sync();
    const conflicts = await queryConflicts(device.layer.core);
    expect(conflicts.find((c) => c.name === 'note.sign')).toMatchObject({ reason: 'rule_violation', message: expect.stringMatching(/content hash mismatch/) });
    expect(await queryNote(device.layer.core, noteId)).toMatchObject({ status: 'draft', pending: false });
  });
});
