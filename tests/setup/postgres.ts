// Vitest global setup: finds a PostgreSQL server for the server tests. Uses HOUSECALL_TEST_PG_URL when set
// (.ci/run starts a cluster and sets it); otherwise starts a throwaway cluster from the installed PostgreSQL
// binaries as a non-root user. Without either, PostgreSQL tests skip (and CI fails, since CI must run them).
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPgBin, freePort, waitForPostgres } from '../../scripts/harness/pg-cluster';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgSkipReason: string | null;
  }
}

let cluster: { process: ChildProcess; dir: string } | null = null;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.HOUSECALL_TEST_PG_URL;
  if (given) {
    await waitForPostgres(given, 10_000);
    project.provide('pgUrl', given);
    project.provide('pgSkipReason', null);
    return async () => undefined;
  }
  const bin = findPgBin();
  const isRoot = process.getuid?.() === 0;
  const runAs = isRoot ? 'postgres' : null;
  if (!bin || (runAs && !hasUser(runAs))) {
    const reason = !bin ? 'no PostgreSQL server binaries under /usr/lib/postgresql' : 'running as root and no postgres user to run the cluster as';
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI: ${reason}`);
    project.provide('pgUrl', null);
    project.provide('pgSkipReason', reason);
    return async () => undefined;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'housecall-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const asUser = (cmd: string, args: string[]) => (runAs ? ['runuser', ['-u', runAs, '--', cmd, ...args]] as const : [cmd, args] as const);
  const [initCmd, initArgs] = asUser(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
  execFileSync(initCmd, [...initArgs], { stdio: 'ignore' });
  const port = await freePort();
  const [pgCmd, pgArgs] = asUser(path.join(bin, 'postgres'), [
    '-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off',
    '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ]);
  const child = spawn(pgCmd, [...pgArgs], { stdio: 'ignore' });
  cluster = { process: child, dir };
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitForPostgres(url, 20_000);
  project.provide('pgUrl', url);
  project.provide('pgSkipReason', null);
  return async () => {
    if (!cluster) return;
    const { process: proc, dir: tmp } = cluster;
    cluster = null;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGINT'); // fast shutdown
      setTimeout(() => { proc.kill('SIGKILL'); resolve(); }, 10_000).unref();
    });
    rmSync(tmp, { recursive: true, force: true });
  };
}

function hasUser(name: string): boolean {
  try {
    execFileSync('id', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
