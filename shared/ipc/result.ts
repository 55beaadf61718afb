// The result envelope every bridge answer uses: `{ok: true, value}` or `{ok: false, error: {code, message}}`, never a thrown error.
import { z } from 'zod';

export const IPC_ERROR_CODES = [
  /** The request did not match the channel's schema. */
  'bad_request',
  /** The caller is not the app's own top frame. */
  'forbidden',
  /** No such channel. */
  'unknown_channel',
  /** The OS facility (key store, notifications) is not available on this machine. */
  'unavailable',
  /** The key store could not decrypt the wrapped key (other machine or user, or damaged data). */
  'decrypt_failed',
  /** Anything else went wrong in the shell; the message says what, never with PHI. */
  'internal',
] as const;
export const IpcErrorCodeSchema = z.enum(IPC_ERROR_CODES);
export type IpcErrorCode = z.infer<typeof IpcErrorCodeSchema>;

export const IpcErrorSchema = z.object({ code: IpcErrorCodeSchema, message: z.string() });
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ipcResultSchema<T extends z.ZodType>(valueSchema: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: valueSchema }),
    z.object({ ok: z.literal(false), error: IpcErrorSchema }),
  ]);
}

export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function ipcErr<T = never>(code: IpcErrorCode, message: string): IpcResult<T> {
  return { ok: false, error: { code, message } };
}
