// Registers one ipcMain handler per bridge channel (validated by core) and sends schema-checked events to app windows.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNEL_NAMES, ipcEvents, type IpcEvent, type IpcEventPayload } from '../../shared/ipc';
import type { IpcDispatch } from '../core/ipc-dispatch';
import type { IpcSender } from '../core/ipc-validation';
import { hasOrigin } from '../core/origin';

function senderOf(event: IpcMainInvokeEvent): IpcSender | null {
  const frame = event.senderFrame;
  if (frame === null || frame.isDestroyed()) return null;
  return { frameUrl: frame.url, isTopFrame: frame.parent === null };
}

export function registerIpcHandlers(dispatch: IpcDispatch): void {
  for (const channel of IPC_CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, senderOf(event), payload));
  }
}

/** Sends an event only to a live window showing the app origin; returns whether it was sent. */
export function sendBridgeEvent<E extends IpcEvent>(contents: WebContents, event: E, payload: IpcEventPayload<E>, appOrigin: string): boolean {
  if (contents.isDestroyed() || !hasOrigin(contents.getURL(), appOrigin)) return false;
  contents.send(event, ipcEvents[event].parse(payload));
  return true;
}
