// Web permission decisions: camera/microphone per policy for our own origins, notifications for the app, everything else denied.
import { describe, expect, it } from 'vitest';
import { decidePermission, type MediaPermissionPolicy, type RequestedMediaType } from '../../../electron/core/permissions';

const APP = 'app://housecall';
const SERVER = 'https://care.example.org';
const OTHER = 'https://evil.example.com';

const bothAllowed: MediaPermissionPolicy = { allowCamera: true, allowMicrophone: true };
const cameraOnly: MediaPermissionPolicy = { allowCamera: true, allowMicrophone: false };
const microphoneOnly: MediaPermissionPolicy = { allowCamera: false, allowMicrophone: true };
const noneAllowed: MediaPermissionPolicy = { allowCamera: false, allowMicrophone: false };

function decide(
  permission: string,
  requestingOrigin: string,
  policy: MediaPermissionPolicy,
  mediaTypes: RequestedMediaType[] = [],
  isMainFrame?: boolean,
): boolean {
  return decidePermission({ permission, requestingOrigin, mediaTypes, policy, appOrigin: APP, serverOrigin: SERVER, isMainFrame });
}

describe('decidePermission: media', () => {
  const origins = [
    ['app', APP],
    ['app with path', 'app://housecall/index.html'],
    ['app with trailing slash', 'app://housecall/'],
    ['server', SERVER],
    ['other', OTHER],
    ['server over http', 'http://care.example.org'],
  ] as const;
  const policies = [
    ['both', bothAllowed],
    ['camera only', cameraOnly],
    ['microphone only', microphoneOnly],
    ['none', noneAllowed],
  ] as const;
  const requests: ReadonlyArray<readonly [string, RequestedMediaType[]]> = [
    ['video', ['video']],
    ['audio', ['audio']],
    ['video+audio', ['video', 'audio']],
    ['unknown', ['unknown']],
    ['nothing', []],
  ];

  function expected(originLabel: string, policy: MediaPermissionPolicy, mediaTypes: RequestedMediaType[]): boolean {
    const ownOrigin = originLabel.startsWith('app') || originLabel === 'server';
    if (!ownOrigin || mediaTypes.length === 0) return false;
    return mediaTypes.every((type) =>
      type === 'video' ? policy.allowCamera : type === 'audio' ? policy.allowMicrophone : policy.allowCamera && policy.allowMicrophone,
    );
  }

  for (const [originLabel, origin] of origins) {
    for (const [policyLabel, policy] of policies) {
      for (const [requestLabel, mediaTypes] of requests) {
        const want = expected(originLabel, policy, mediaTypes);
        it(`${originLabel} asking for ${requestLabel} with ${policyLabel} allowed -> ${want ? 'granted' : 'denied'}`, () => {
          expect(decide('media', origin, policy, mediaTypes)).toBe(want);
        });
      }
    }
  }

  it('spot check: a video visit from the app with both devices allowed gets camera and microphone', () => {
    expect(decide('media', APP, bothAllowed, ['video', 'audio'])).toBe(true);
  });

  it('spot check: policy without microphone refuses a call that needs audio', () => {
    expect(decide('media', APP, cameraOnly, ['video', 'audio'])).toBe(false);
  });

  it('denies an embedded (non-main) frame even on the app origin', () => {
    expect(decide('media', APP, bothAllowed, ['video'], false)).toBe(false);
  });
});

describe('decidePermission: other permissions', () => {
  it.each([
    ['notifications', APP, true],
    ['notifications', SERVER, false],
    ['notifications', OTHER, false],
    ['fullscreen', APP, true],
    ['fullscreen', OTHER, false],
    ['display-capture', APP, false],
    ['geolocation', APP, false],
    ['midi', APP, false],
    ['midiSysex', APP, false],
    ['hid', APP, false],
    ['serial', APP, false],
    ['usb', APP, false],
    ['openExternal', APP, false],
    ['clipboard-read', APP, false],
    ['idle-detection', APP, false],
    ['pointerLock', APP, false],
    ['keyboardLock', APP, false],
    ['window-management', APP, false],
    ['storage-access', APP, false],
    ['fileSystem', APP, false],
    ['mediaKeySystem', APP, false],
    ['unknown', APP, false],
  ] as const)('%s from %s -> %s', (permission, origin, expected) => {
    expect(decide(permission, origin, bothAllowed)).toBe(expected);
  });

  it.each(['', 'null', 'file:///etc', 'not a url'])('denies everything to an unusable origin %j', (origin) => {
    expect(decide('notifications', origin, bothAllowed)).toBe(false);
    expect(decide('media', origin, bothAllowed, ['audio'])).toBe(false);
  });
});
