// OS notifications of fixed, PHI-free kinds: through the Electron bridge (notify:show) in the app, through the
// browser Notification API in the web workstation when the user allowed it. Only NOTIFICATION_TEXT is shown.
import type { NotificationKind } from '../../shared/ipc';
import { NOTIFICATION_TEXT } from '../../shared/ipc';
import { getBridge } from './bridge';

/** Shows the notification; false when it could not be shown (no permission, no support, shell refused). */
export async function showNotification(kind: NotificationKind): Promise<boolean> {
  const bridge = getBridge();
  if (bridge) {
    try {
      const result = await bridge.invoke('notify:show', { kind });
      return result.ok;
    } catch {
      return false;
    }
  }
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return false;
  const text = NOTIFICATION_TEXT[kind];
  new Notification(text.title, { body: text.body, tag: kind });
  return true;
}

/** In the web workstation: the user has not yet been asked whether Housecall may show notifications. */
export function mayAskForNotifications(): boolean {
  return getBridge() === null && typeof Notification !== 'undefined' && Notification.permission === 'default';
}

/** Asks the browser for permission (call from a click); true when granted. */
export async function askForNotifications(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  return (await Notification.requestPermission()) === 'granted';
}
