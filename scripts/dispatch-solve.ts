// `npm run -s dispatch:solve -- <instance.txt> [--time-limit-ms N] [--seed N] [--objective distance|vehicles]
// [--verbose]`: solves a Solomon VRPTW file on one thread and prints one JSON object
// {instance, vehicles, distance, routes, ms} on stdout; errors go to stderr with exit code 1.
import { readFileSync } from 'node:fs';
import { checkPlan, formatSolomonErrors, parseSolomon, solomonToProblem, solve } from '../shared/rules/routing';

const USAGE = 'usage: npm run -s dispatch:solve -- <instance.txt> [--time-limit-ms N] [--seed N] [--objective distance|vehicles] [--verbose]';
/** Kept back from the limit for reading, checking and printing, so that "ms" stays within it. */
const MARGIN_MS = 100;

interface Args {
  file: string;
  timeLimitMs: number;
  seed: number;
  objective: 'distance' | 'vehicles';
  verbose: boolean;
}

function fail(message: string): never {
  process.stderr.write(`dispatch:solve: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> & Omit<Args, 'file'> = { timeLimitMs: 2000, seed: 1, objective: 'distance', verbose: false };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === '--time-limit-ms' || flag === '--seed') {
      const raw = inline ?? argv[++k];
      const value = Number(raw);
      if (raw === undefined || raw === '' || !Number.isInteger(value) || value < 0) fail(`${flag} needs a non-negative integer, got ${raw ?? 'nothing'}\n${USAGE}`);
      if (flag === '--time-limit-ms') args.timeLimitMs = value;
      else args.seed = value;
    } else if (flag === '--objective') {
      const raw = inline ?? argv[++k];
      if (raw !== 'distance' && raw !== 'vehicles') fail(`--objective is distance or vehicles, got ${raw ?? 'nothing'}\n${USAGE}`);
      args.objective = raw;
    } else if (flag === '--verbose') {
      args.verbose = true;
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-')) {
      fail(`unknown option ${arg}\n${USAGE}`);
    } else if (args.file === undefined) {
      args.file = arg;
    } else fail(`more than one instance file given (${args.file}, ${arg})\n${USAGE}`);
  }
  if (args.file === undefined) fail(`no instance file given\n${USAGE}`);
  return args as Args;
}

function main(): void {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const args = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    fail(`cannot read ${args.file}: ${(e as Error).message}`);
  }
  const parsed = parseSolomon(text);
  if (!parsed.ok) fail(`${args.file} is not a valid Solomon instance:\n${formatSolomonErrors(parsed.errors)}`);
  const problem = solomonToProblem(parsed.instance);
  const budget = Math.max(0, args.timeLimitMs - (performance.now() - started) - MARGIN_MS);
  const result = solve(problem, { timeLimitMs: budget, now: () => performance.now(), seed: args.seed, objective: args.objective });
  const check = checkPlan(problem, result.plan);
  if (!check.feasible) fail(`no feasible solution found:\n${check.violations.map((v) => v.message).join('\n')}`);
  const routes = result.plan.routes.map((r) => r.jobIds.map(Number));
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify({ instance: parsed.instance.name, vehicles: result.vehicles, distance: Math.round(check.metrics.distance * 100) / 100, routes, ms })}\n`);
  if (args.verbose) {
    const cpu = process.cpuUsage(cpuStarted);
    process.stderr.write(`${JSON.stringify({ iterations: result.iterations, solverMs: Math.round(result.elapsedMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000), exactDistance: check.metrics.distance })}\n`);
  }
}

main();
