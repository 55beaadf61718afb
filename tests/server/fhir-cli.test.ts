// `npm run fhir:import` (scripts/fhir-import.ts) as a person runs it: imports into the DATA_DIR database,
// adds the --care-team clinician, prints counts without patient data, exits 1 when a bundle is rejected,
// and refuses a data directory that a running server holds (the PGlite lock).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open';
import { lockDataDir } from '../../server/db/data-dir-lock';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SYNTHEA = path.resolve(ROOT, '../shared/data/synthea');
const KERMIT = path.join(SYNTHEA, readdirSync(SYNTHEA).find((f) => f.startsWith('Kermit_Trantow'))!);

function runCli(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/fhir-import.ts', ...args], { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('fhir:import CLI', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hc-fhir-cli-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('imports bundles into DATA_DIR, adds the care-team clinician, prints counts only, and exits 1 for a bad file', async () => {
    const dataDir = tempDir();
    const db = await openDatabase({ dataDir });
    await db.query(`INSERT INTO users (id, email, display_name, role, credential, password_hash) VALUES ('5b0e0f55-0000-4000-8000-000000000001', 'doc@test.housecall.test', 'Dr. Doc', 'clinician', 'MD', 'x')`);
    await db.close();
    const notJson = path.join(tempDir(), 'Somebody_Named.json');
    writeFileSync(notJson, '{ not json');

    const run = await runCli(dataDir, [KERMIT, notJson, '--care-team', 'DOC@test.housecall.test']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Bundle 1: imported \(transaction, 117 entries, 1 patient\(s\)\)$/m);
    expect(run.stdout).toMatch(/^ {2}Condition +created 6, updated 0, unchanged 0$/m);
    expect(run.stdout).toMatch(/care team: clinician added to 1 patient/);
    expect(run.stderr).toMatch(/^Bundle 2: is not valid JSON\. Nothing was imported from it\.$/m);
    expect(run.stdout + run.stderr).not.toMatch(/Kermit|Trantow|Somebody|1993-06-21/);

    const check = await openDatabase({ dataDir });
    try {
      const { rows } = await check.query<{ relation: string; family_name: string }>(
        'SELECT ct.relation, p.family_name FROM care_team ct JOIN patients p ON p.id = ct.patient_id');
      expect(rows).toEqual([{ relation: 'primary', family_name: 'Trantow' }]);
    } finally {
      await check.close();
    }
  });

  it('refuses a data directory a running server holds, with the lock message, importing nothing', async () => {
    const dataDir = tempDir();
    const lock = lockDataDir(path.resolve(dataDir)); // as a server on this DATA_DIR would
    try {
      const run = await runCli(dataDir, [KERMIT]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/is in use by another Housecall server \(pid \d+\)/);
      expect(run.stdout).toBe('');
    } finally {
      lock.release();
    }
  });
});
