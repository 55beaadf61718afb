// Every Solomon benchmark instance, solved with a short limit, gives a plan the checker accepts: capacity,
// windows, horizon, and every customer visited exactly once. Plus the command line's contract.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan, parseSolomon, solomonToProblem, solve, type Plan } from '../../../shared/rules/routing';
import { readInstance, SOLOMON_DIR, SOLOMON_INSTANCES } from './solomon-data';

describe('Solomon instances with a 300 ms limit', () => {
  it.each(SOLOMON_INSTANCES)('%s: feasible, every customer exactly once, at most 25 vehicles', (name) => {
    const parsed = parseSolomon(readInstance(name));
    if (!parsed.ok) throw new Error(`${name} does not parse`);
    const problem = solomonToProblem(parsed.instance);
    const result = solve(problem, { timeLimitMs: 300, now: () => performance.now(), seed: 1 });
    const check = checkPlan(problem, result.plan);
    expect(check.violations).toEqual([]);
    expect(result.plan.unassigned).toEqual([]);
    const visited = result.plan.routes.flatMap((r) => r.jobIds.map(Number)).sort((a, b) => a - b);
    expect(visited).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(result.vehicles).toBeLessThanOrEqual(25);
    expect(result.distance).toBeCloseTo(check.metrics.distance, 6);
    // The loop stops at the limit; the slack only absorbs a busy machine (tests run in parallel).
    expect(result.elapsedMs).toBeLessThan(1000);
  });
});

describe('objective "vehicles" (fewest vehicles, then distance)', () => {
  it('reaches the best-known vehicle count on C101 and stays feasible on R101', () => {
    for (const [name, vehicles] of [['C101', 10], ['R101', 20]] as const) {
      const parsed = parseSolomon(readInstance(name));
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      const problem = solomonToProblem(parsed.instance);
      const result = solve(problem, { timeLimitMs: 400, now: () => performance.now(), objective: 'vehicles' });
      expect(checkPlan(problem, result.plan).violations).toEqual([]);
      expect(result.vehicles).toBeLessThanOrEqual(vehicles);
    }
  });
});

describe('dispatch:solve command line', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dispatch-solve.ts', ...args], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../../..') });

  it('prints one JSON object whose routes the checker accepts', () => {
    const file = path.join(SOLOMON_DIR, 'C101.txt');
    const out = run(file, '--time-limit-ms', '200');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as { instance: string; vehicles: number; distance: number; routes: number[][]; ms: number };
    expect(Object.keys(json)).toEqual(['instance', 'vehicles', 'distance', 'routes', 'ms']);
    expect(json.instance).toBe('C101');
    expect(json.ms).toBeLessThan(1000);
    const parsed = parseSolomon(readInstance('C101'));
    if (!parsed.ok) throw new Error('parse');
    const problem = solomonToProblem(parsed.instance);
    const plan: Plan = { routes: json.routes.map((r, k) => ({ vehicleId: `v${k + 1}`, jobIds: r.map(String) })), unassigned: [] };
    const check = checkPlan(problem, plan);
    expect(check.violations).toEqual([]);
    expect(json.vehicles).toBe(json.routes.length);
    expect(json.distance).toBeCloseTo(check.metrics.distance, 2);
  });

  it('explains a malformed file on stderr with line numbers and exits 1', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'solomon-'));
    const file = path.join(dir, 'BAD.txt');
    writeFileSync(file, readInstance('C101').replace('    3      42         66         10         65        146         90', '    3      42         sixty      10         65'));
    const out = run(file);
    expect(out.status).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('is not a valid Solomon instance');
    expect(out.stderr).toContain('line 13: expected 7 columns');
  });

  it('rejects bad arguments', () => {
    expect(run().stderr).toMatch(/no instance file given/);
    expect(run('x.txt', '--time-limit-ms', 'soon').stderr).toMatch(/--time-limit-ms needs a non-negative integer/);
    expect(run('/nonexistent/x.txt').stderr).toMatch(/cannot read/);
    expect(run('x.txt', '--fast').status).toBe(1);
  });
});
