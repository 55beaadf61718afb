// The sync wire protocol (ARCHITECTURE "Data and sync"): mutations pushed in order with per-client
// sequence numbers, answered applied / rejected / retry; changes pulled by an opaque server cursor.
import { z } from 'zod';

/** A device's sync identity: one per signed-in profile on a device (not per window). */
export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'client id must be 8-64 letters, digits, - or _');

export const MutationSchema = z.strictObject({
  mutationId: z.uuid(),
  /** Increasing per client, from 1; the server applies each (clientId, seq) at most once. */
  seq: z.number().int().min(1),
  name: z.string().regex(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/, 'a mutation name like entity.verb'),
  args: z.unknown(),
  /** The entity version the user edited, for conflict detection (absent for creations). */
  baseVersion: z.number().int().min(0).optional(),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const MAX_MUTATIONS_PER_PUSH = 200;
/** Request body limit of POST /api/sync/push: room for a batch of full-length notes. */
export const MAX_PUSH_BODY_BYTES = 4 * 1024 * 1024;

export const PushRequestSchema = z.strictObject({
  clientId: ClientIdSchema,
  mutations: z.array(MutationSchema).min(1).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

/** Why a mutation can never apply as sent. The client keeps it in its conflicts list until a person acts. */
export const REJECTION_REASONS = [
  'invalid_args', // args do not match the mutation's schema
  'unknown_mutation', // no such mutation name
  'forbidden', // the user may not do this / may not see this patient
  'not_found', // the entity does not exist (or is out of scope)
  'stale_version', // someone else changed it first (baseVersion behind)
  'rule_violation', // a business rule refuses it (e.g. an impossible status change)
  'out_of_order', // seq skipped ahead of what the server has applied for this client
] as const;
export const RejectionReasonSchema = z.enum(REJECTION_REASONS);
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

export const EntityNameSchema = z.enum([
  'patient', 'allergy', 'medication', 'problem', 'appointment', 'note', 'queue', 'encounter', 'vital', 'prescription', 'task', 'conversation',
  'message', 'fieldRequest', 'access',
]);
export type EntityName = z.infer<typeof EntityNameSchema>;

/**
 * A JSON object (an entity's wire form), checked without copying it: z.record() rebuilds every object it
 * parses, which made checking a 5,000-change pull page cost 100-200 ms of the workstation's main thread.
 */
export const JsonObjectSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'expected an object' },
);

/** One entity's state after a change, as the server holds it (data is the entity's wire form). */
export const EntityStateSchema = z.object({
  entity: EntityNameSchema,
  id: z.string(),
  version: z.number().int(),
  deleted: z.boolean(),
  data: JsonObjectSchema.nullable(),
});
export type EntityState = z.infer<typeof EntityStateSchema>;

export const MutationResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: z.uuid(), seq: z.number().int(), status: z.literal('applied'), duplicate: z.boolean(), state: EntityStateSchema.nullable() }),
  z.object({
    mutationId: z.uuid(), seq: z.number().int(), status: z.literal('rejected'),
    reason: RejectionReasonSchema, message: z.string(),
    /** The server's current version of the entity (for the "both versions" view), when it may be shown. */
    current: EntityStateSchema.nullable(),
  }),
  /** A passing server problem: push this mutation and the ones after it again later. */
  z.object({ mutationId: z.uuid(), seq: z.number().int(), status: z.literal('retry'), message: z.string() }),
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushResponseSchema = z.object({ results: z.array(MutationResultSchema) });
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** A change as pulled: entity state plus its place in the server's commit order. */
export const ChangeSchema = EntityStateSchema.extend({
  seq: z.number().int(),
  /** The patient the entity belongs to, if any (the device drops it when access to the patient ends). */
  patientId: z.uuid().nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;

/** Opaque to clients: store it with the rows it came with and send it back. */
export const CursorSchema = z.string().max(200).regex(/^[A-Za-z0-9:._-]*$/);

export const PullQuerySchema = z.strictObject({
  cursor: CursorSchema.default(''),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  cursor: CursorSchema,
  hasMore: z.boolean(),
  /** During a first sync or a large catch-up: rows sent so far and the estimated total, for progress. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;
