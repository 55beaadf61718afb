// WebSocket message unions between the workstation (or the patient join page) and the care server. Pokes
// carry no data: they only say "pull now". Video visits add join/leave/presence and SDP/ICE signals, each
// carrying the visit id and the call generation; chat messages join this union later.
import { z } from 'zod';
import { VisitMemberSchema, VisitStatusSchema } from '../domain/visit';
import { ClientIdSchema } from '../sync/protocol';

export const REALTIME_PROTOCOL = 'housecall.v1';
/** Subprotocol prefix carrying the access token (browsers cannot set headers on a WebSocket). */
export const REALTIME_TOKEN_PREFIX = 'bearer.';
/** Subprotocol prefix carrying a patient's visit-scoped session token (join page). */
export const REALTIME_VISIT_TOKEN_PREFIX = 'visit.';
/** Messages above this are refused with an error; the connection stays open. */
export const REALTIME_MAX_MESSAGE_BYTES = 64 * 1024;
/** Frames above this are not even read: the socket is closed (1009) to protect the server's memory. */
export const REALTIME_HARD_FRAME_LIMIT_BYTES = 1024 * 1024;

/** A call generation: each new peer connection of a visit gets a higher one; older ones are stale. */
export const CallGenerationSchema = z.number().int().min(1).max(1_000_000);

/** What simple-peer emits (and accepts) for one signal, plus the non-initiator's request for a new peer. */
export const PeerSignalSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(['offer', 'answer']), sdp: z.string().min(1).max(48 * 1024) }),
  z.strictObject({
    type: z.literal('candidate'),
    candidate: z.strictObject({
      candidate: z.string().max(1024),
      sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
      sdpMid: z.string().max(64).nullable().optional(),
      usernameFragment: z.string().max(256).nullable().optional(),
    }),
  }),
  z.strictObject({ type: z.literal('renegotiate'), renegotiate: z.literal(true) }),
  z.strictObject({ type: z.literal('transceiverRequest'), transceiverRequest: z.strictObject({ kind: z.enum(['audio', 'video']), init: z.record(z.string(), z.unknown()).optional() }) }),
  /** Ours, not simple-peer's: the non-initiator asks for a new peer (a new generation). */
  z.strictObject({ type: z.literal('reconnect') }),
]);
export type PeerSignal = z.infer<typeof PeerSignalSchema>;

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ping'), id: z.number().int().min(0).optional() }),
  z.strictObject({ type: z.literal('visit.join'), visitId: z.uuid() }),
  z.strictObject({ type: z.literal('visit.leave'), visitId: z.uuid() }),
  z.strictObject({ type: z.literal('visit.signal'), visitId: z.uuid(), generation: CallGenerationSchema, signal: PeerSignalSchema }),
  /** A workstation's sync identity (the clientId it pushes with): it is not poked about changes it pushed itself. */
  z.strictObject({ type: z.literal('sync.device'), clientId: ClientIdSchema }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const REALTIME_ERROR_CODES = ['bad_message', 'too_large', 'unknown_type', 'not_member', 'not_joined', 'stale_generation', 'visit_ended'] as const;

export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), userId: z.uuid().nullable() }),
  z.object({ type: z.literal('poke') }),
  z.object({ type: z.literal('pong'), id: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('error'), code: z.enum(REALTIME_ERROR_CODES), message: z.string(), visitId: z.uuid().optional() }),
  /** Answer to visit.join: who you are in the visit and the highest call generation so far. */
  z.object({ type: z.literal('visit.joined'), visitId: z.uuid(), as: VisitMemberSchema, status: VisitStatusSchema, generation: z.number().int().min(0) }),
  /** The other member connected (present) or left; `echo` answers a presence so a late joiner learns who is there. */
  z.object({ type: z.literal('visit.presence'), visitId: z.uuid(), member: VisitMemberSchema, present: z.boolean() }),
  z.object({ type: z.literal('visit.signal'), visitId: z.uuid(), from: VisitMemberSchema, generation: CallGenerationSchema, signal: PeerSignalSchema }),
  z.object({ type: z.literal('visit.status'), visitId: z.uuid(), status: VisitStatusSchema }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
export type VisitServerMessage = Extract<ServerMessage, { type: `visit.${string}` }>;
