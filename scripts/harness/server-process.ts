// Starts and stops care server processes (`tsx server/main.ts`) for the load benchmark and the soak, so the
// server(s) never share an event loop with the simulated workstations. SIGKILL is available for fault tests;
// extra Node options (e.g. --cpu-prof) may be given per process.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export class ServerProcess {
  private child: ChildProcess | null = null;
  private log = '';
  /** `entry`: 'source' runs server/main.ts through tsx; 'built' runs dist/server/main.js (npm run build:server first). */
  constructor(readonly port: number, private readonly env: Record<string, string>, private readonly nodeArgs: readonly string[] = [], private readonly entry: 'source' | 'built' = 'source') {}
  /** Exits the harness did not ask for (a crash), with the end of that process's output. */
  readonly crashes: string[] = [];

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    this.log = '';
    const main = this.entry === 'built' ? [path.join(root, 'dist/server/main.js')] : ['--import', 'tsx', path.join(root, 'server/main.ts')];
    const child = spawn(process.execPath, [...this.nodeArgs, ...main], {
      cwd: root,
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', HOUSECALL_DEMO_SEED: 'false', LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => { this.log = (this.log + d.toString()).slice(-16000); });
    child.stderr!.on('data', (d: Buffer) => { this.log = (this.log + d.toString()).slice(-16000); });
    child.once('exit', (code, signal) => {
      if (this.child === child) this.crashes.push(`exited by itself (code ${code}, signal ${signal}): ${this.log.slice(-6000)}`);
    });
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${this.log}`);
      try {
        const res = await fetch(`${this.baseUrl}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server did not start: ${this.log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** 'term' waits for a clean shutdown; 'kill' is SIGKILL (no shutdown at all). */
  async stop(how: 'term' | 'kill' = 'term'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(how === 'kill' ? 'SIGKILL' : 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }

  /** Started and then exited without being asked to (it crashed). */
  get crashed(): boolean {
    return this.child !== null && (this.child.exitCode !== null || this.child.signalCode !== null);
  }

  recentLog(): string {
    return this.log;
  }
}
