// Randomized convergence: several workstations (two users, several devices each) make random edits, note
// saves, status changes and conflict decisions while their networks drop, answers get lost and the server
// restarts. In the end every answered mutation is recorded on the server exactly once, every applied one
// changed its entity exactly once, and every device's cache equals what a fresh download of its scope gives.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentStatus } from '../../shared/domain/appointment';
import type { CachedEntityName } from '../../shared/sync/local-effects';
import { allowedNextStatuses } from '../../shared/rules/appointment-status';
import type { MutationResult } from '../../shared/sync/protocol';
import { DataError } from '../../renderer/data/errors';
import { queryConflicts, queryPatientChart } from '../../renderer/data/queries';
import type { SyncApi } from '../../renderer/platform/sync-api';
import type { TestServer } from './support/server';
import { addPatients, startTestServer } from './support/server';
import type { TestDevice } from './support/devices';
import { openDevice } from './support/devices';
import { viewsById } from './support/inspect';

const SEED = Number(process.env.CONVERGENCE_SEED ?? Math.floor(Math.random() * 1e9));
const STEPS = 160;
const MAX_RESTARTS = 3;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scope {
  email: string;
  userId: string;
  patients: string[];
  appointments: string[];
  notes: Array<{ noteId: string; patientId: string }>;
  devices: TestDevice[];
}

describe(`randomized convergence (seed ${SEED})`, () => {
  let server: TestServer;
  const answers = new Map<string, MutationResult>();
  const recording = (api: SyncApi): SyncApi => ({
    pull: (q, signal) => api.pull(q, signal),
    async push(request, signal) {
      const result = await api.push(request, signal);
      if (result.ok) for (const r of result.value.results) if (r.status !== 'retry') answers.set(r.mutationId, r);
      return result;
    },
  });
  const scopes: Scope[] = [];
  const all = () => scopes.flatMap((s) => s.devices);
  const sql = <T>(text: string, params: unknown[] = []) => server.db().query<T>(text, params).then((r) => r.rows);

  beforeAll(async () => {
    server = await startTestServer({ onDisk: true });
    const extra = await addPatients(server.db(), server.clinic.users.clinician, 3, new Date(Date.now() + 3 * 3600_000));
    const { clinic } = server;
    const users = [
      { email: clinic.emails.clinician, userId: clinic.users.clinician, patients: [clinic.ownPatientId, ...extra.map((p) => p.patientId)], appointments: [clinic.ownAppointmentId, ...extra.map((p) => p.appointmentId)], devices: 3 },
      { email: clinic.emails.otherClinician, userId: clinic.users.otherClinician, patients: [clinic.otherPatientId], appointments: [clinic.otherAppointmentId], devices: 2 },
    ];
    for (const u of users) {
      const scope: Scope = {
        email: u.email, userId: u.userId, patients: u.patients, appointments: u.appointments, devices: [],
        notes: [0, 1, 2].map((i) => ({ noteId: crypto.randomUUID(), patientId: u.patients[i % u.patients.length]! })),
      };
      for (let i = 0; i < u.devices; i++) {
        // Small batches, so ordering across batches (and sending one while the previous answers are stored) is exercised.
        const engine = { batch: { maxCount: 1 + i * 2, maxBytes: 60_000 }, periodMs: 3_600_000, backoff: { baseMs: 50, maxMs: 200 } };
        const device = await openDevice(server, u.email, { name: `${u.email}#${i}`, wrapApi: recording, engine });
        await device.layer.leadership;
        scope.devices.push(device);
      }
      scopes.push(scope);
    }
    for (const d of all()) await d.layer.sync();
  });
  afterAll(async () => {
    for (const d of all()) await d.close().catch(() => undefined);
    await server.close();
  });

  it('every device converges on the server state and every change is applied exactly once', async () => {
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    let restarts = 0;
    let queued = 0;
    const tolerate = (error: unknown) => {
      if (!(error instanceof DataError)) throw error; // refused locally (e.g. a status that is no longer allowed)
    };

    for (let step = 0; step < STEPS; step++) {
      const scope = pick(scopes);
      const device = pick(scope.devices);
      const roll = random();
      if (roll < 0.28) {
        const field = pick(['phone', 'email', 'addressLine', 'postalCode'] as const);
        const value = { phone: `206-555-${String(1000 + step).slice(-4)}`, email: `e${step}@example.test`, addressLine: `${step} Birch Rd`, postalCode: String(98000 + step) }[field];
        await device.layer.actions.queueMutation('patient.updateContact', { patientId: pick(scope.patients), fields: { [field]: value } }).then(() => queued++, tolerate);
      } else if (roll < 0.56) {
        const note = pick(scope.notes);
        await device.layer.actions
          .saveNoteDraft({ noteId: note.noteId, patientId: note.patientId, appointmentId: null, sections: { subjective: `step ${step} on ${device.name}`, objective: '', assessment: '', plan: String(random()) } })
          .then(() => queued++, tolerate);
      } else if (roll < 0.66) {
        const appointmentId = pick(scope.appointments);
        const chart = await queryPatientChart(device.layer.core, scope.patients[scope.appointments.indexOf(appointmentId)]!);
        const current = chart?.appointments.find((a) => a.id === appointmentId)?.status as AppointmentStatus | undefined;
        const next = current ? allowedNextStatuses(current) : [];
        if (next.length > 0) await device.layer.actions.queueMutation('appointment.setStatus', { appointmentId, status: pick(next) }).then(() => queued++, tolerate);
      } else if (roll < 0.76) {
        await device.layer.sync();
      } else if (roll < 0.84) {
        device.network.online = !device.network.online;
        if (device.network.online) device.env.fireOnline();
      } else if (roll < 0.88) {
        device.network.loseNextPushAnswers += 1;
      } else if (roll < 0.9) {
        if (restarts < MAX_RESTARTS) {
          restarts += 1;
          await server.restart();
        }
      } else {
        const conflicts = await queryConflicts(device.layer.core);
        if (conflicts.length > 0) await device.layer.actions.resolveConflict(pick(conflicts).id, pick(['retry', 'keep-mine', 'discard'] as const)).catch(tolerate);
      }
    }

    // Everyone back online: send everything, discard what is still refused, until nothing is left anywhere.
    for (const d of all()) {
      d.network.online = true;
      d.network.loseNextPushAnswers = 0;
    }
    for (let round = 0; ; round++) {
      let open = 0;
      for (const d of all()) {
        await d.layer.sync();
        for (const c of await queryConflicts(d.layer.core)) await d.layer.actions.resolveConflict(c.id, 'discard');
        open += (await d.layer.core.db.outbox.count()) + (await d.layer.core.db.conflicts.count());
      }
      if (open === 0) break;
      expect(round, `seed ${SEED}: the devices did not settle`).toBeLessThan(10);
    }
    for (const d of all()) expect((await d.layer.sync())?.ok, `seed ${SEED}`).toBe(true);
    expect(queued).toBeGreaterThan(40);

    // Every mutation the server answered is recorded once, with the same answer.
    const recorded = await sql<{ mutation_id: string; n: number; result: MutationResult }>(
      'SELECT mutation_id, count(*) OVER (PARTITION BY mutation_id)::int AS n, result FROM applied_mutations');
    const byId = new Map(recorded.map((r) => [r.mutation_id, r]));
    expect(answers.size).toBeGreaterThan(20);
    for (const [mutationId, answer] of answers) {
      const row = byId.get(mutationId);
      expect(row?.n, `seed ${SEED}: mutation recorded once`).toBe(1);
      expect(row?.result.status).toBe(answer.status);
    }
    // Every applied mutation changed its entity exactly once: versions count the applied changes.
    const applied = recorded.filter((r) => r.result.status === 'applied');
    const appliedTo = (id: string) => applied.filter((r) => r.result.status === 'applied' && r.result.state?.id === id).length;
    for (const p of await sql<{ id: string; version: number }>('SELECT id, version FROM patients')) expect(p.version, `seed ${SEED}: patient`).toBe(1 + appliedTo(p.id));
    for (const a of await sql<{ id: string; version: number }>('SELECT id, version FROM appointments')) expect(a.version, `seed ${SEED}: appointment`).toBe(1 + appliedTo(a.id));
    for (const n of await sql<{ id: string; version: number; saved: number }>(
      `SELECT n.id, n.version, (SELECT count(*)::int FROM note_versions v WHERE v.note_id = n.id AND v.kind = 'saved') AS saved FROM encounter_notes n`)) {
      expect(n.version, `seed ${SEED}: note`).toBe(appliedTo(n.id));
      expect(n.saved).toBe(n.version);
    }

    // Every device's cache equals a fresh download of its user's scope.
    const entities: CachedEntityName[] = ['patient', 'allergy', 'medication', 'problem', 'appointment', 'note'];
    for (const scope of scopes) {
      const fresh = await openDevice(server, scope.email, { name: 'fresh' });
      await fresh.layer.leadership;
      await fresh.layer.sync();
      for (const entity of entities) {
        const truth = await viewsById(fresh.layer, entity);
        for (const d of scope.devices) expect(await viewsById(d.layer, entity), `seed ${SEED}: ${d.name} ${entity}`).toEqual(truth);
      }
      await fresh.close({ wipe: true });
    }
  }, 90_000);
});
