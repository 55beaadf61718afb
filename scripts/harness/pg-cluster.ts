// A throwaway PostgreSQL cluster for the load benchmark and the soak (as tests/setup/postgres.ts starts for
// tests): initdb into a temp dir, run as the postgres user when root, restartable (fast or SIGKILL) on its data.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
    const bin = path.join(root, v, 'bin');
    if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'postgres'))) return bin;
  }
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function waitForPostgres(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export class PgCluster {
  private child: ChildProcess | null = null;
  private constructor(private readonly bin: string, readonly dir: string, readonly port: number, private readonly runAs: string | null, private readonly settings: string[]) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** initdb + start; null (with the reason) when no PostgreSQL binaries are installed. */
  static async create(settings: Record<string, string> = {}, baseDir: string = os.tmpdir()): Promise<PgCluster | string> {
    const bin = findPgBin();
    if (!bin) return 'no PostgreSQL server binaries under /usr/lib/postgresql';
    const runAs = process.getuid?.() === 0 ? 'postgres' : null;
    const dir = mkdtempSync(path.join(baseDir, 'housecall-harness-pg-'));
    chmodSync(dir, 0o777);
    const cluster = new PgCluster(bin, dir, await freePort(), runAs, Object.entries({ max_connections: '300', fsync: 'off', synchronous_commit: 'off', ...settings }).flatMap(([k, v]) => ['-c', `${k}=${v}`]));
    const [cmd, args] = cluster.asUser(path.join(bin, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
    execFileSync(cmd, args, { stdio: 'ignore' });
    await cluster.start();
    return cluster;
  }

  private asUser(cmd: string, args: string[]): [string, string[]] {
    return this.runAs ? ['runuser', ['-u', this.runAs, '--', cmd, ...args]] : [cmd, args];
  }

  async start(): Promise<void> {
    const [cmd, args] = this.asUser(path.join(this.bin, 'postgres'), ['-D', path.join(this.dir, 'data'), '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1', ...this.settings]);
    this.child = spawn(cmd, args, { stdio: 'ignore' });
    await waitForPostgres(this.url, 30_000);
  }

  /** Stops the server: 'fast' (SIGINT, clean) or 'kill' (SIGKILL: crash recovery on the next start). */
  async stop(how: 'fast' | 'kill' = 'fast'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    // The postmaster itself is signalled (by its pid file): runuser, when used, does not pass signals on.
    let pid: number | null;
    try {
      pid = Number(readFileSync(path.join(this.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      pid = null; // not running (e.g. it stopped itself on a full disk)
    }
    if (pid) {
      try {
        process.kill(pid, how === 'kill' ? 'SIGKILL' : 'SIGINT');
      } catch {
        // already gone
      }
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && alive(pid)) await new Promise((r) => setTimeout(r, 100));
    }
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    // Backends of a SIGKILLed postmaster notice its death and exit; give them a moment before the next start.
    if (how === 'kill') await new Promise((r) => setTimeout(r, 1000));
  }

  async destroy(): Promise<void> {
    await this.stop('fast');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
