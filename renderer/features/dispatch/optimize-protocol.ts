// The messages between the dispatch board and its optimizer Web Worker, validated on arrival, and the pure
// handler the worker runs (testable in Node): a board in, a proposal (or a plain error) out.
import { z } from 'zod';
import { optimizeDay } from '../../../shared/rules/dispatch/optimize-day';
import type { DayProposal } from '../../../shared/rules/dispatch/optimize-day';
import type { PersonInput, StopInput } from '../../../shared/rules/dispatch/assignment';
import { FieldRequestKindSchema, FieldRequestStatusSchema } from '../../../shared/domain/dispatch';
import { UsStateSchema } from '../../../shared/domain/states';
import { StateLicenseSchema } from '../../../shared/domain/user';

const PlaceSchema = { latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) };
const StopSchema = z.object({
  id: z.string(), kind: FieldRequestKindSchema, skills: z.array(z.string()), durationMinutes: z.number().int().min(0),
  windowStart: z.number(), windowEnd: z.number(), patientState: UsStateSchema, status: FieldRequestStatusSchema,
  assigneeId: z.string().nullable(), ...PlaceSchema,
});
const PersonSchema = z.object({
  userId: z.string(), displayName: z.string(), role: z.enum(['clinician', 'courier']), skills: z.array(z.string()),
  licenses: z.array(StateLicenseSchema), shiftStart: z.number(), shiftEnd: z.number(), start: z.object(PlaceSchema),
});

export const OptimizeRequestSchema = z.object({
  kind: z.literal('optimize'),
  id: z.number().int(),
  board: z.object({
    people: z.array(z.object({ person: PersonSchema, route: z.array(StopSchema) })).max(200),
    unassigned: z.array(StopSchema).max(2000),
    now: z.iso.datetime(),
  }),
  timeLimitMs: z.number().int().min(10).max(30_000).optional(),
  maxIterations: z.number().int().min(1).optional(),
  seed: z.number().int().optional(),
});
/** What the board sends (the schema above checks it on arrival in the worker). */
export interface OptimizeRequest {
  kind: 'optimize';
  id: number;
  board: { people: ReadonlyArray<{ person: PersonInput; route: readonly StopInput[] }>; unassigned: readonly StopInput[]; now: string };
  timeLimitMs?: number;
  maxIterations?: number;
  seed?: number;
}

export type OptimizeAnswer = { kind: 'proposal'; id: number; proposal: DayProposal } | { kind: 'error'; id: number; message: string };

/** Runs one optimize request; `clock` is the worker's performance.now. Never throws. */
export function runOptimizeRequest(data: unknown, clock: () => number): OptimizeAnswer {
  const id = typeof (data as { id?: unknown })?.id === 'number' ? (data as { id: number }).id : -1;
  const parsed = OptimizeRequestSchema.safeParse(data);
  if (!parsed.success) return { kind: 'error', id, message: 'The optimizer was given a board it cannot read.' };
  const { board, timeLimitMs, maxIterations, seed } = parsed.data;
  try {
    const proposal = optimizeDay({ ...board, now: new Date(board.now) }, {
      ...(timeLimitMs !== undefined ? { timeLimitMs, now: clock } : {}),
      ...(maxIterations !== undefined ? { maxIterations } : {}),
      ...(seed !== undefined ? { seed } : {}),
    });
    return { kind: 'proposal', id, proposal };
  } catch {
    return { kind: 'error', id, message: 'The optimizer could not plan this day.' };
  }
}
