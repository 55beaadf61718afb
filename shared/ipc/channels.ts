// The Electron bridge contract: one typed map channel -> {request, response} schemas, and event -> payload schema.
import { z } from 'zod';
import type { IpcChannel, IpcEvent } from './names';
import { NotificationKindSchema } from './notification-kinds';
import { ipcResultSchema } from './result';

/** Base64 text of key material; bounded so a wrong call cannot push megabytes through the key store. */
const KeyBase64Schema = z.base64().min(4).max(8192);

export const AppInfoSchema = z.object({
  appVersion: z.string().min(1),
  /** Node's `process.platform` of the shell, e.g. 'darwin', 'win32', 'linux'. */
  platform: z.string().min(1),
  /** True for an installed build, false when run from a development checkout. */
  isPackaged: z.boolean(),
  /** The care server this shell is configured for, origin plus optional path prefix, without a trailing slash. */
  serverUrl: z.url({ protocol: /^https?$/ }),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export interface IpcChannelContract {
  request: z.ZodType;
  /** The schema of `value` in a successful result; failures are always an IpcError. */
  response: z.ZodType;
}

export const ipcChannels = {
  'app:get-info': { request: z.strictObject({}), response: AppInfoSchema },
  /** Encrypt a data key with the OS key store (Electron safeStorage). */
  'key-store:wrap': {
    request: z.strictObject({ dataKeyBase64: KeyBase64Schema }),
    response: z.object({ wrappedKeyBase64: KeyBase64Schema }),
  },
  /** Decrypt a key wrapped by `key-store:wrap` on this machine for this OS user. */
  'key-store:unwrap': {
    request: z.strictObject({ wrappedKeyBase64: KeyBase64Schema }),
    response: z.object({ dataKeyBase64: KeyBase64Schema }),
  },
  /** Show an OS notification whose words come from NOTIFICATION_TEXT. */
  'notify:show': { request: z.strictObject({ kind: NotificationKindSchema }), response: z.object({ shown: z.literal(true) }) },
} as const satisfies { [C in IpcChannel]: IpcChannelContract };

export const ipcEvents = {
  /** The user clicked an OS notification the renderer asked for. */
  'notify:clicked': z.object({ kind: NotificationKindSchema }),
} as const satisfies { [E in IpcEvent]: z.ZodType };

/** What the renderer passes to `invoke(channel, request)`. */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcChannels)[C]['request']>;
/** The request after the main process parsed it with the channel schema. */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcChannels)[C]['request']>;
/** The `value` of a successful answer on channel C. */
export type IpcValue<C extends IpcChannel> = z.output<(typeof ipcChannels)[C]['response']>;
/** What a listener of event E receives. */
export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof ipcEvents)[E]>;

/** The full wire answer of channel C, for validating it (e.g. in tests or a checking preload). */
export function ipcResponseSchema<C extends IpcChannel>(channel: C) {
  return ipcResultSchema(ipcChannels[channel].response);
}
