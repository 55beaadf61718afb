// The Electron bridge contract: one typed map channel -> {request, response} schemas, and event -> payload schema.
import { z } from 'zod';
import type { IpcChannel, IpcEvent } from './names';
import { NotificationKindSchema } from './notification-kinds';
import { ipcResultSchema } from './result';
import { EffectivePolicySchema, PolicyIssueSchema } from '../policy/effective';
import { LockReasonSchema, LockStatusSchema, SessionReportSchema, SignOutReasonSchema, UpdateStatusSchema } from './session';

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
  /** The managed policy in force, each value with its source, and the policy values that were ignored (never their values). */
  'policy:get-effective': {
    request: z.strictObject({}),
    response: z.object({ policy: EffectivePolicySchema, issues: z.array(PolicyIssueSchema).max(200) }),
  },
  /** Whether the shell considers the session locked (a reloaded page asks before showing anything). */
  'session:get-lock-state': {
    request: z.strictObject({}),
    /** signOutReason: the shell ended the session while no page could act on it; the page must sign out. */
    response: z.object({ status: LockStatusSchema, signOutReason: SignOutReasonSchema.optional() }),
  },
  /** Session and lock-screen events the shell's idle lock needs; answers the resulting state. */
  'session:report': { request: z.strictObject({ event: SessionReportSchema }), response: z.object({ status: LockStatusSchema }) },
  /** The deep link that arrived before the page was ready to listen, if any; afterwards links come as events. */
  'deep-link:take-pending': { request: z.strictObject({}), response: z.object({ visitId: z.uuid().nullable() }) },
  /** Download (notify mode) or apply a downloaded update: Housecall restarts when it is ready. */
  'update:install': { request: z.strictObject({}), response: z.object({ accepted: z.boolean() }) },
} as const satisfies { [C in IpcChannel]: IpcChannelContract };

export const ipcEvents = {
  /** The user clicked an OS notification the renderer asked for. */
  'notify:clicked': z.object({ kind: NotificationKindSchema }),
  /** Lock now: the renderer removes patient data from the page and shows only the lock screen. */
  'session:lock': z.object({ reason: LockReasonSchema }),
  /** End the session now (idle past SignOutAfterMinutes, or too many wrong passwords). */
  'session:sign-out': z.object({ reason: SignOutReasonSchema }),
  /** A validated housecall://visit/<uuid> link was opened. */
  'deep-link:open-visit': z.object({ visitId: z.uuid() }),
  /** An update is available or downloaded. */
  'update:status': UpdateStatusSchema,
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
