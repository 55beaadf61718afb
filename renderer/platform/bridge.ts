// The Electron bridge (window.housecall, contract in shared/ipc): found here, absent in the web workstation.
import type { AppInfo, HousecallBridge } from '../../shared/ipc';
import { AppInfoSchema, findHousecallBridge, ipcResultSchema } from '../../shared/ipc';
import type { Result } from './result';

export type { AppInfo, HousecallBridge };

/** The bridge when running inside the Electron shell, otherwise null. */
export function getBridge(): HousecallBridge | null {
  return findHousecallBridge(globalThis) ?? null; // globalThis is window in a page; also safe where there is none
}

export const isElectron = (): boolean => getBridge() !== null;

/** App version, platform and configured server URL from the shell; the answer is checked against the contract. */
export async function getAppInfo(bridge: HousecallBridge): Promise<Result<AppInfo, string>> {
  try {
    const parsed = ipcResultSchema(AppInfoSchema).safeParse(await bridge.invoke('app:get-info', {}));
    if (!parsed.success) return { ok: false, error: 'The app sent unexpected information.' };
    return parsed.data.ok ? { ok: true, value: parsed.data.value } : { ok: false, error: 'The app could not read its settings.' };
  } catch {
    return { ok: false, error: 'The app could not read its settings.' };
  }
}
