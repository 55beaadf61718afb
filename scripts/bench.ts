// `npm run bench`: runs every benchmark in scripts/bench/*.bench.ts (each a program that prints one JSON
// line per figure: {"name","value","unit","target","better":"higher"|"lower"}), then prints one table and
// writes bench-results/<timestamp>.json and bench-results/latest.json for comparison between versions.
// Benchmarks are never part of pass/fail. `npm run bench -- <filter>` runs only files whose name matches.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  better?: 'higher' | 'lower';
  file?: string;
}

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'scripts/bench');
const filter = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
const machine = `${os.cpus().length} cores ${os.cpus()[0]?.model.trim() ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

const figures: Figure[] = [];
const failures: string[] = [];
for (const file of files) {
  process.stderr.write(`running ${file} ...\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 15 * 60_000 });
  if (run.status !== 0) failures.push(`${file} (exit ${run.status ?? run.signal})`);
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      figures.push({ ...(JSON.parse(line) as Figure), file });
    } catch {
      // not a figure line
    }
  }
}

const rows = figures.map((f) => [f.name, String(Math.round(f.value * 100) / 100), f.unit, f.target ?? '', machine.split(',')[0]!]);
const header = ['benchmark', 'figure', 'unit', 'target', 'machine'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(fmt(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(fmt(r));
console.log(`\nmachine: ${machine}`);
if (failures.length) console.log(`failed to run: ${failures.join(', ')}`);

const out = path.join(root, 'bench-results');
mkdirSync(out, { recursive: true });
const report = JSON.stringify({ at: new Date().toISOString(), machine, figures, failures }, null, 2);
writeFileSync(path.join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`), report);
writeFileSync(path.join(out, 'latest.json'), report);
