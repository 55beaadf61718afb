// The bridge's names only (no zod): the window global, invoke channels and main->renderer events. The preload imports this.

/** `window.housecall` in the renderer when it runs inside the Electron shell. */
export const BRIDGE_GLOBAL = 'housecall';

/** Every channel the renderer may invoke, named `domain:verb`. */
export const IPC_CHANNEL_NAMES = [
  'app:get-info',
  'key-store:wrap',
  'key-store:unwrap',
  'notify:show',
  'policy:get-effective',
  'session:get-lock-state',
  'session:report',
  'deep-link:take-pending',
  'update:install',
] as const;
export type IpcChannel = (typeof IPC_CHANNEL_NAMES)[number];

/** Every event the main process may send to the renderer. */
export const IPC_EVENT_NAMES = ['notify:clicked', 'session:lock', 'session:sign-out', 'deep-link:open-visit', 'update:status'] as const;
export type IpcEvent = (typeof IPC_EVENT_NAMES)[number];

export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && (IPC_CHANNEL_NAMES as readonly string[]).includes(name);
}

export function isIpcEvent(name: unknown): name is IpcEvent {
  return typeof name === 'string' && (IPC_EVENT_NAMES as readonly string[]).includes(name);
}
