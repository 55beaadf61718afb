// Runs a validated bridge call through its handler and turns every outcome (throw, bad answer) into an IpcResult.
import { ipcChannels, ipcErr, type IpcChannel, type IpcParsedRequest, type IpcResult, type IpcValue } from '../../shared/ipc';
import { validateInvoke, type IpcSender } from './ipc-validation';

export type IpcHandler<C extends IpcChannel> = (request: IpcParsedRequest<C>) => IpcResult<IpcValue<C>> | Promise<IpcResult<IpcValue<C>>>;
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

export type IpcDispatch = (channel: string, sender: IpcSender | null, payload: unknown) => Promise<IpcResult<unknown>>;

export interface IpcDispatcherOptions {
  handlers: IpcHandlers;
  appOrigin: string;
  /** Where to log a handler failure (for the shell's own log; never sent to the renderer). */
  reportError: (channel: IpcChannel, error: unknown) => void;
  /** Where to log a refused call (wrong frame, unknown channel, bad request): channel and code only. */
  reportRefusal?: (channel: string, code: string) => void;
}

export function createIpcDispatcher({ handlers, appOrigin, reportError, reportRefusal }: IpcDispatcherOptions): IpcDispatch {
  return async (channel, sender, payload) => {
    const validated = validateInvoke({ channel, sender, payload, appOrigin });
    if (!validated.ok) {
      reportRefusal?.(channel, validated.error.code);
      return validated;
    }
    const { channel: knownChannel, request } = validated.value;
    const handler = handlers[knownChannel] as (request: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>;
    let result: IpcResult<unknown>;
    try {
      result = await handler(request);
    } catch (error) {
      reportError(knownChannel, error);
      return ipcErr('internal', `The shell could not complete ${knownChannel}.`);
    }
    if (!result.ok) return result;
    const checked = ipcChannels[knownChannel].response.safeParse(result.value);
    if (!checked.success) {
      reportError(knownChannel, new Error(`Handler for ${knownChannel} answered with a value that does not match its schema.`));
      return ipcErr('internal', `The shell gave an invalid answer for ${knownChannel}.`);
    }
    return { ok: true, value: checked.data };
  };
}
