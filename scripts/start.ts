// `npm start`: builds what is missing or out of date, starts the care server (embedded PGlite unless
// DATABASE_URL is set; demo clinic seeded into an empty database), then opens the Electron workstation.
// Where the Electron runtime is absent it says so in one line and keeps serving the web workstation.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '8787';
const serverUrl = `http://localhost:${port}`;

function newestMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of dirs) if (existsSync(path.join(root, d))) walk(path.join(root, d));
  return newest;
}

function outOfDate(output: string, sources: string[]): boolean {
  const out = path.join(root, output);
  return !existsSync(out) || statSync(out).mtimeMs < newestMtime(sources);
}

function run(script: string): void {
  const result = spawnSync('npm', ['run', '-s', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (outOfDate('dist/renderer/index.html', ['renderer', 'shared', 'vite.config.ts'])) run('build:renderer');
if (outOfDate('dist/server/main.js', ['server', 'shared'])) run('build:server');
if (outOfDate('dist/electron/main.cjs', ['electron', 'shared'])) run('build:electron');

const children: ChildProcess[] = [];
const stopAll = (code: number) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200).unref();
};
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const server = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: port } });
children.push(server);
server.on('exit', (code) => {
  console.error(`Housecall server stopped (exit ${code ?? 'signal'}).`);
  stopAll(code ?? 1);
});

async function waitForHealth(): Promise<boolean> {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`${serverUrl}/api/health`);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    if (server.exitCode !== null) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** The Electron binary named by node_modules/electron/path.txt, if it was downloaded. Never require('electron'). */
function electronBinary(): string | null {
  const dir = path.join(root, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

if (!(await waitForHealth())) {
  console.error('Housecall server did not become healthy; see the log above.');
  stopAll(1);
} else {
  const binary = electronBinary();
  if (!binary) {
    console.log(`Electron runtime not available here (node_modules/electron has no downloaded binary); the web workstation is at ${serverUrl}/`);
  } else {
    const shell = spawn(binary, [root, `--server-url=${serverUrl}`], { cwd: root, stdio: 'inherit', env: { ...process.env, HOUSECALL_SERVER_URL: serverUrl } });
    children.push(shell);
    shell.on('exit', () => stopAll(0));
  }
}
