// Checks an incoming bridge call before any handler runs: app top frame only, known channel, payload matching the schema.
import type { z } from 'zod';
import { ipcChannels, ipcErr, ipcOk, isIpcChannel, type IpcChannel, type IpcParsedRequest, type IpcResult } from '../../shared/ipc';
import { originOf } from './origin';

/** Who called: the URL of the sending frame and whether it is the top frame of its window. */
export interface IpcSender {
  frameUrl: string;
  isTopFrame: boolean;
}

export type ValidatedInvoke = { [C in IpcChannel]: { channel: C; request: IpcParsedRequest<C> } }[IpcChannel];

export interface InvokeToValidate {
  channel: string;
  /** Null when the sending frame is already gone. */
  sender: IpcSender | null;
  payload: unknown;
  appOrigin: string;
}

/** Names the failing fields and rule kinds only; never the submitted values. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length === 0 ? '(request)' : issue.path.join('.')}: ${issue.code}`)
    .join('; ');
}

export function validateInvoke({ channel, sender, payload, appOrigin }: InvokeToValidate): IpcResult<ValidatedInvoke> {
  if (sender === null) return ipcErr('forbidden', 'The calling frame is gone.');
  if (!sender.isTopFrame) return ipcErr('forbidden', 'Only the app window itself may use the bridge, not an embedded frame.');
  if (originOf(sender.frameUrl) !== appOrigin) return ipcErr('forbidden', 'Only pages served by the app may use the bridge.');
  if (!isIpcChannel(channel)) return ipcErr('unknown_channel', 'There is no such bridge channel.');
  const parsed = ipcChannels[channel].request.safeParse(payload);
  if (!parsed.success) return ipcErr('bad_request', `Invalid request for ${channel}: ${describeIssues(parsed.error)}.`);
  return ipcOk({ channel, request: parsed.data } as ValidatedInvoke);
}
