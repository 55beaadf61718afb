// Which web permissions a page in the shell gets: camera/microphone and notifications for our own origins only, all else denied.
import { originOf } from './origin';

/** Managed-policy switches for video visits (inputs; merged from managed policy elsewhere). */
export interface MediaPermissionPolicy {
  allowCamera: boolean;
  allowMicrophone: boolean;
}

/** 'unknown' is what Chromium reports when a check does not say which device it is about. */
export type RequestedMediaType = 'video' | 'audio' | 'unknown';

export interface PermissionQuery {
  /** Chromium's permission name: 'media', 'notifications', 'geolocation', 'display-capture', 'openExternal', ... */
  permission: string;
  /** Origin or URL of the asking frame. */
  requestingOrigin: string;
  /** For 'media': the devices asked for. */
  mediaTypes?: readonly RequestedMediaType[];
  /** False when a subframe asks; subframes never get anything. */
  isMainFrame?: boolean;
  policy: MediaPermissionPolicy;
  appOrigin: string;
  serverOrigin: string;
}

/** Permissions that may be granted at all, each to the app origin only unless said otherwise. */
const GRANTABLE_TO_APP = new Set(['notifications', 'fullscreen']);

function mediaTypesPermitted(mediaTypes: readonly RequestedMediaType[], policy: MediaPermissionPolicy): boolean {
  if (mediaTypes.length === 0) return false;
  return mediaTypes.every((type) => {
    if (type === 'video') return policy.allowCamera;
    if (type === 'audio') return policy.allowMicrophone;
    return policy.allowCamera && policy.allowMicrophone;
  });
}

export function decidePermission(query: PermissionQuery): boolean {
  if (query.isMainFrame === false) return false;
  const origin = originOf(query.requestingOrigin);
  if (origin === null) return false;
  if (query.permission === 'media') {
    const ownOrigin = origin === query.appOrigin || origin === query.serverOrigin;
    return ownOrigin && mediaTypesPermitted(query.mediaTypes ?? [], query.policy);
  }
  return GRANTABLE_TO_APP.has(query.permission) && origin === query.appOrigin;
}
