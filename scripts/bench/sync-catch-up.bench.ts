// Benchmark (b): 1,000 changes queued while offline (status changes, contact edits, new note drafts), then the
// time from reconnecting until the server has acknowledged all of them and the device has pulled the result.
// The care server runs in its own process (bench-server.ts); the workstation side is the real data layer on
// fake-indexeddb. Prints {name, value, unit, target}. Not a test. Run: npx tsx scripts/bench/sync-catch-up.bench.ts [mutations]
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { QueuedChange } from './bench-module';
import { loadSyncBench, report } from './bench-module';

interface ServerInfo {
  baseUrl: string;
  email: string;
  password: string;
  clinicianId: string;
  patients: Array<{ patientId: string; appointmentId: string }>;
}

const total = Number(process.argv[2] ?? 1_000);
const here = path.dirname(fileURLToPath(import.meta.url));
const server = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'bench-server.ts'), '100'], { stdio: ['pipe', 'pipe', 'inherit'] });
const info = await new Promise<ServerInfo>((resolve, reject) => {
  createInterface({ input: server.stdout }).once('line', (line) => resolve(JSON.parse(line) as ServerInfo));
  server.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
});

try {
  const login = await fetch(`${info.baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-housecall-device': 'bench-device-0001' }, body: JSON.stringify({ email: info.email, password: info.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const network = { online: true };
  const flaky: typeof fetch = (input, init) => (network.online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed')));

  const changes: QueuedChange[] = [];
  const patients = info.patients;
  for (let i = 0; i < total; i++) {
    const p = patients[i % patients.length]!;
    if (i < patients.length) changes.push({ name: 'appointment.setStatus', args: { appointmentId: p.appointmentId, status: 'checked_in' } });
    else if (i % 3 === 0) changes.push({ name: 'note.saveDraft', args: { noteId: randomUUID(), patientId: p.patientId, appointmentId: p.appointmentId, sections: { subjective: `Offline note ${i}`, objective: 'BP 128/82', assessment: 'Stable', plan: 'Continue current medication' } } });
    else changes.push({ name: 'patient.updateContact', args: { patientId: p.patientId, fields: { phone: `206-555-${String(i % 10_000).padStart(4, '0')}` } } });
  }
  const bench = await loadSyncBench();
  report(await bench.benchCatchUp({ userId: info.clinicianId, api: bench.benchApi(info.baseUrl, accessToken, flaky) }, changes, () => (network.online = false), () => (network.online = true)));
} finally {
  server.stdin.end();
}
