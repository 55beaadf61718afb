// Shows OS notifications with the fixed words core picked, keeping each alive until clicked or closed.
import { Notification } from 'electron';
import type { NotificationKind } from '../../shared/ipc';
import type { NotificationPresenter } from '../core/notify';

export interface OsNotificationOptions {
  onClicked: (kind: NotificationKind) => void;
}

export function osNotificationPresenter({ onClicked }: OsNotificationOptions): NotificationPresenter {
  // Holding a reference stops the notification being garbage-collected, which would drop its click handler.
  const shown = new Set<Notification>();
  return {
    isSupported: () => Notification.isSupported(),
    show: (kind, text) => {
      const notification = new Notification({ title: text.title, body: text.body });
      const forget = (): void => {
        shown.delete(notification);
      };
      notification.on('click', () => {
        forget();
        onClicked(kind);
      });
      notification.on('close', forget);
      notification.on('failed', forget);
      shown.add(notification);
      notification.show();
    },
  };
}
