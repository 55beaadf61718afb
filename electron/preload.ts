// Sandboxed preload: exposes the narrow typed bridge as window.housecall; only known channels and events, never ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HousecallBridge, IpcResult } from '../shared/ipc';
// Names only: the preload must stay one small CommonJS file without zod.
import { BRIDGE_GLOBAL, isIpcChannel, isIpcEvent } from '../shared/ipc/names';

const failure = (code: 'unknown_channel' | 'internal', message: string): IpcResult<never> => ({ ok: false, error: { code, message } });

const bridge = {
  invoke: async (channel, request) => {
    if (!isIpcChannel(channel)) return failure('unknown_channel', 'There is no such bridge channel.');
    try {
      // The main process validated the request and built the answer from the channel's schema.
      return (await ipcRenderer.invoke(channel, request)) as IpcResult<never>;
    } catch {
      return failure('internal', `The app shell did not answer ${channel}.`);
    }
  },
  on: (event, listener) => {
    if (!isIpcEvent(event)) return () => undefined;
    // The IpcRendererEvent (which carries the sender) is dropped: the page gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
} satisfies HousecallBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
