// A care server the test controls: `node dist/server/main.js` on its own port and temporary DATA_DIR with the
// demo clinic, which can be killed and started again on the same data (to test sync across server restarts).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const START_TIMEOUT_MS = 60_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class CareServer {
  private child: ChildProcess | null = null;
  private output = '';
  readonly baseURL: string;

  private constructor(readonly port: number, readonly root: string) {
    this.baseURL = `http://127.0.0.1:${port}`;
  }

  static async create(): Promise<CareServer> {
    const root = mkdtempSync(path.join(process.env.HOUSECALL_E2E_ROOT ?? os.tmpdir(), 'restart-'));
    return new CareServer(await freePort(), root);
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the server (seeding the demo clinic on first start) and waits until /api/health answers. */
  async start(): Promise<void> {
    if (this.child) throw new Error('the care server is already running');
    this.output = '';
    const child = spawn(process.execPath, ['dist/server/main.js'], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(this.root, 'data'),
        DATABASE_URL: '',
        HOUSECALL_DEMO_SEED: 'true',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        this.child = null;
        throw new Error(`the care server exited with ${child.exitCode}:\n${this.output}`);
      }
      try {
        const response = await fetch(`${this.baseURL}/api/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    await this.stop('SIGKILL');
    throw new Error(`the care server did not start within ${START_TIMEOUT_MS} ms:\n${this.output}`);
  }

  /** SIGKILL: a crash (no clean shutdown). SIGTERM: a clean stop. Resolves when the process has exited. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop('SIGKILL');
    if (!process.env.KEEP_E2E_DATA) rmSync(this.root, { recursive: true, force: true });
  }
}
