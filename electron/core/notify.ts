// The notify:show handler: turns a notification kind into its fixed PHI-free words and hands them to the OS presenter.
import { NOTIFICATION_TEXT, ipcErr, ipcOk, type NotificationKind, type NotificationText } from '../../shared/ipc';
import type { IpcHandlers } from './ipc-dispatch';

export interface NotificationPresenter {
  isSupported(): boolean;
  show(kind: NotificationKind, text: NotificationText): void;
}

export function createNotifyHandler(presenter: NotificationPresenter): Pick<IpcHandlers, 'notify:show'> {
  return {
    'notify:show': ({ kind }) => {
      if (!presenter.isSupported()) return ipcErr('unavailable', 'This computer does not support notifications.');
      presenter.show(kind, NOTIFICATION_TEXT[kind]);
      return ipcOk({ shown: true as const });
    },
  };
}
