// Applies core permission decisions to a session: requests, checks, device pickers and screen capture.
import type { Session } from 'electron';
import { decidePermission, type MediaPermissionPolicy, type RequestedMediaType } from '../core/permissions';

export interface SessionPermissionOptions {
  policy: MediaPermissionPolicy;
  appOrigin: string;
  serverOrigin: string;
}

export function applySessionPermissions(session: Session, options: SessionPermissionOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes: RequestedMediaType[] = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const securityOrigin = 'securityOrigin' in details ? details.securityOrigin : undefined;
    callback(
      decidePermission({
        permission,
        requestingOrigin: securityOrigin ?? details.requestingUrl,
        mediaTypes,
        isMainFrame: details.isMainFrame,
        ...options,
      }),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission({
      permission,
      requestingOrigin: details.securityOrigin ?? requestingOrigin,
      mediaTypes: details.mediaType === undefined ? [] : [details.mediaType],
      isMainFrame: details.isMainFrame,
      ...options,
    }),
  );
  // No HID, serial or USB devices, and no screen sharing: cancel every picker and capture request.
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}
