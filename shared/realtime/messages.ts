// WebSocket message unions between the workstation and the care server. Pokes carry no data: they only
// say "pull now". Chat, presence and signaling messages join this union later.
import { z } from 'zod';

export const REALTIME_PROTOCOL = 'housecall.v1';
/** Subprotocol prefix carrying the access token (browsers cannot set headers on a WebSocket). */
export const REALTIME_TOKEN_PREFIX = 'bearer.';
export const REALTIME_MAX_MESSAGE_BYTES = 64 * 1024;

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ping'), id: z.number().int().min(0).optional() }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), userId: z.uuid() }),
  z.object({ type: z.literal('poke') }),
  z.object({ type: z.literal('pong'), id: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('error'), code: z.enum(['bad_message', 'too_large', 'unknown_type']), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
