// Solomon VRPTW benchmark of the dispatch optimizer: runs `scripts/dispatch-solve.ts` (default 2 s limit, one
// process and one thread per instance) on the 9 instances in ../shared/data/solomon (or $SOLOMON_DIR) and
// prints, per instance, the distance gap to the best known distance-minimizing solution and the time. A table
// (with the gap to the vehicles-first best known solutions too, CPU time and iterations) goes to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const INSTANCES = ['C101', 'C102', 'C201', 'R101', 'R102', 'R201', 'RC101', 'RC102', 'RC201'];
const root = path.resolve(import.meta.dirname, '../..');
const dir = process.env.SOLOMON_DIR ?? path.resolve(root, '../shared/data/solomon');
const timeLimit = process.env.VRPTW_TIME_LIMIT_MS ?? '2000';

interface Bks {
  best_known_cost: number;
  solved_with_vehicles: number;
}
interface Output {
  instance: string;
  vehicles: number;
  distance: number;
  routes: number[][];
  ms: number;
}

const figure = (name: string, value: number, unit: string, target: string) =>
  console.log(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, target, better: 'lower' }));

function main(): void {
  if (!existsSync(path.join(dir, 'BKS.json'))) {
    process.stderr.write(`vrptw bench: no Solomon data in ${dir} (set SOLOMON_DIR)\n`);
    process.exit(1);
  }
  const bks = JSON.parse(readFileSync(path.join(dir, 'BKS.json'), 'utf8')) as Record<string, Bks>;
  const rows: string[][] = [];
  const gaps: number[] = [];
  const times: number[] = [];
  for (const name of INSTANCES) {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/dispatch-solve.ts'), path.join(dir, `${name}.txt`), '--time-limit-ms', timeLimit, '--verbose'], {
      cwd: root,
      encoding: 'utf8',
    });
    const wall = performance.now() - started;
    if (run.status !== 0) {
      process.stderr.write(`vrptw bench: ${name} failed (exit ${run.status}): ${run.stderr}\n`);
      process.exitCode = 1;
      continue;
    }
    const out = JSON.parse(run.stdout) as Output;
    const extra = JSON.parse(run.stderr.trim().split('\n').pop() ?? '{}') as { iterations?: number; cpuMs?: number };
    const byDistance = bks[`${name}_distance`] ?? bks[name]!;
    const hierarchical = bks[name]!;
    const gap = ((out.distance - byDistance.best_known_cost) / byDistance.best_known_cost) * 100;
    gaps.push(gap);
    times.push(out.ms);
    figure(`vrptw ${name} gap`, gap, '%', '< 2 % avg');
    figure(`vrptw ${name} time`, out.ms, 'ms', '<= 2000 ms');
    rows.push([
      name, String(out.vehicles), out.distance.toFixed(2),
      `${byDistance.best_known_cost.toFixed(2)} (${byDistance.solved_with_vehicles})`, gap.toFixed(2),
      `${hierarchical.best_known_cost.toFixed(2)} (${hierarchical.solved_with_vehicles})`,
      (((out.distance - hierarchical.best_known_cost) / hierarchical.best_known_cost) * 100).toFixed(2),
      String(out.ms), String(extra.cpuMs ?? ''), String(Math.round(wall)), String(extra.iterations ?? ''),
    ]);
  }
  if (gaps.length) {
    figure('vrptw average gap', gaps.reduce((a, b) => a + b, 0) / gaps.length, '%', '< 2 %');
    figure('vrptw max time', Math.max(...times), 'ms', '<= 2000 ms');
  }
  const header = ['instance', 'veh', 'distance', 'BKS dist (veh)', 'gap %', 'BKS veh-first (veh)', 'gap %', 'ms', 'cpu ms', 'process ms', 'iterations'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join('  ');
  process.stderr.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
}

main();
