// Validation of a routing problem before solving: shape (zod) then meaning (ids, indices, windows, locks).
import { z } from 'zod';
import type { RoutingProblem } from './model';

const numbers = z.custom<ArrayLike<number>>(
  (v) => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView)),
  { message: 'expected an array or typed array of numbers' },
);
const id = z.string().min(1);
const time = z.number().refine((v) => !Number.isNaN(v), 'must be a number');

export const VehicleSchema = z.object({
  id,
  startLocation: z.number().int().nonnegative(),
  endLocation: z.number().int().nonnegative(),
  shiftStart: time,
  shiftEnd: time,
  capacity: z.number().nonnegative(),
  skills: z.array(z.string()).optional(),
  fixedCost: z.number().nonnegative().optional(),
  lockedJobIds: z.array(id).optional(),
});

export const JobSchema = z.object({
  id,
  location: z.number().int().nonnegative(),
  timeWindows: z.array(z.tuple([time, time])).optional(),
  service: z.number().nonnegative(),
  demand: z.number().nonnegative().optional(),
  skills: z.array(z.string()).optional(),
  vehicleId: id.optional(),
});

export const RoutingProblemSchema = z.object({
  name: z.string().optional(),
  vehicles: z.array(VehicleSchema).min(1),
  jobs: z.array(JobSchema),
  matrix: z.object({ size: z.number().int().positive(), distance: numbers, duration: numbers.optional() }),
});

export type ValidationResult = { ok: true; problem: RoutingProblem } | { ok: false; issues: string[] };

/** Checks the shape and the meaning of a problem; every issue is a readable sentence naming the item. */
export function validateProblem(input: unknown): ValidationResult {
  const parsed = RoutingProblemSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'problem'}: ${i.message}`) };
  }
  const problem = input as RoutingProblem;
  const issues = semanticIssues(problem);
  return issues.length ? { ok: false, issues } : { ok: true, problem };
}

function semanticIssues(p: RoutingProblem): string[] {
  const issues: string[] = [];
  const { size } = p.matrix;
  for (const [name, m] of [['distance', p.matrix.distance], ['duration', p.matrix.duration]] as const) {
    if (!m) continue;
    if (m.length !== size * size) issues.push(`matrix.${name} has ${m.length} entries; a ${size}x${size} matrix needs ${size * size}`);
    for (let i = 0; i < m.length; i++) {
      const v = m[i]!;
      if (!(v >= 0) || v === Infinity) {
        issues.push(`matrix.${name}[${Math.floor(i / size)}][${i % size}] is ${v}; entries must be finite and non-negative`);
        break;
      }
    }
  }
  const vehicleIds = new Set<string>();
  const lockedBy = new Map<string, string>();
  for (const v of p.vehicles) {
    if (vehicleIds.has(v.id)) issues.push(`vehicle ${v.id} is listed twice`);
    vehicleIds.add(v.id);
    if (v.startLocation >= size) issues.push(`vehicle ${v.id}: startLocation ${v.startLocation} is outside the ${size}-location matrix`);
    if (v.endLocation >= size) issues.push(`vehicle ${v.id}: endLocation ${v.endLocation} is outside the ${size}-location matrix`);
    if (v.shiftEnd < v.shiftStart) issues.push(`vehicle ${v.id}: shiftEnd ${v.shiftEnd} is before shiftStart ${v.shiftStart}`);
    for (const j of v.lockedJobIds ?? []) {
      const other = lockedBy.get(j);
      if (other !== undefined) issues.push(`job ${j} is locked on vehicle ${other} and on vehicle ${v.id}`);
      lockedBy.set(j, v.id);
    }
  }
  const jobIds = new Set<string>();
  for (const j of p.jobs) {
    if (jobIds.has(j.id)) issues.push(`job ${j.id} is listed twice`);
    jobIds.add(j.id);
    if (j.location >= size) issues.push(`job ${j.id}: location ${j.location} is outside the ${size}-location matrix`);
    const windows = j.timeWindows ?? [];
    windows.forEach(([a, b], k) => {
      if (b < a) issues.push(`job ${j.id}: time window ${k} ends (${b}) before it starts (${a})`);
      const prev = windows[k - 1];
      if (prev && a <= prev[1]) issues.push(`job ${j.id}: time window ${k} starts (${a}) before window ${k - 1} ends (${prev[1]}); windows must be sorted and disjoint`);
    });
    if (j.vehicleId !== undefined && !vehicleIds.has(j.vehicleId)) issues.push(`job ${j.id}: fixed vehicle ${j.vehicleId} does not exist`);
    const locked = lockedBy.get(j.id);
    if (locked !== undefined && j.vehicleId !== undefined && j.vehicleId !== locked) {
      issues.push(`job ${j.id} is locked on vehicle ${locked} but fixed to vehicle ${j.vehicleId}`);
    }
  }
  for (const [j, v] of lockedBy) if (!jobIds.has(j)) issues.push(`vehicle ${v}: locked job ${j} does not exist`);
  return issues;
}
