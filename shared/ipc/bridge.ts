// The shape of `window.housecall` as the renderer sees it, and a safe way to find it (absent in the web workstation).
import type { IpcEventPayload, IpcRequest, IpcValue } from './channels';
import { BRIDGE_GLOBAL, type IpcChannel, type IpcEvent } from './names';
import type { IpcResult } from './result';

export interface HousecallBridge {
  /** Ask the shell for something; always resolves with a result, never rejects. */
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcValue<C>>>;
  /** Listen to a shell event; returns the function that stops listening. */
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
}

/** The bridge if this code runs inside the Electron shell, otherwise undefined (plain browser). */
export function findHousecallBridge(scope: object = globalThis): HousecallBridge | undefined {
  const candidate: unknown = (scope as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const { invoke, on } = candidate as Record<string, unknown>;
  return typeof invoke === 'function' && typeof on === 'function' ? (candidate as HousecallBridge) : undefined;
}
