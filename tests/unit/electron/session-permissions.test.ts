// The session wiring hands Electron's request/check details to the core decision correctly and cancels pickers and screen capture.
import { describe, expect, it, vi } from 'vitest';
import { applySessionPermissions } from '../../../electron/adapters/session-permissions';

type Handler = (...args: never[]) => unknown;

function fakeSession() {
  const registered: Record<string, Handler> = {};
  const events: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (handler: Handler) => (registered.request = handler),
    setPermissionCheckHandler: (handler: Handler) => (registered.check = handler),
    setDevicePermissionHandler: (handler: Handler) => (registered.device = handler),
    setDisplayMediaRequestHandler: (handler: Handler) => (registered.displayMedia = handler),
    on: (event: string, handler: Handler) => (events[event] = handler),
  };
  applySessionPermissions(session as never, {
    policy: { allowCamera: true, allowMicrophone: false },
    appOrigin: 'app://housecall',
    serverOrigin: 'https://care.example.org',
  });
  const call = (name: string, ...args: unknown[]): unknown => (registered[name] as (...a: unknown[]) => unknown)(...args);
  const emit = (name: string, ...args: unknown[]): unknown => (events[name] as (...a: unknown[]) => unknown)(...args);
  return { call, emit };
}

function request(permission: string, details: Record<string, unknown>): boolean {
  const { call } = fakeSession();
  let granted: boolean | undefined;
  call('request', {}, permission, (answer: boolean) => (granted = answer), details);
  if (granted === undefined) throw new Error('callback not called');
  return granted;
}

describe('permission requests', () => {
  it.each([
    ['camera from the app', 'media', { isMainFrame: true, requestingUrl: 'app://housecall/index.html', mediaTypes: ['video'] }, true],
    ['microphone while policy forbids it', 'media', { isMainFrame: true, requestingUrl: 'app://housecall/index.html', mediaTypes: ['video', 'audio'] }, false],
    ['camera, securityOrigin wins over requestingUrl', 'media', { isMainFrame: true, requestingUrl: 'app://housecall/index.html', securityOrigin: 'https://evil.example.com/', mediaTypes: ['video'] }, false],
    ['camera from a subframe', 'media', { isMainFrame: false, requestingUrl: 'app://housecall/index.html', mediaTypes: ['video'] }, false],
    ['media without device list', 'media', { isMainFrame: true, requestingUrl: 'app://housecall/index.html' }, false],
    ['notifications from the app', 'notifications', { isMainFrame: true, requestingUrl: 'app://housecall/index.html' }, true],
    ['geolocation from the app', 'geolocation', { isMainFrame: true, requestingUrl: 'app://housecall/index.html' }, false],
    ['openExternal from the app', 'openExternal', { isMainFrame: true, requestingUrl: 'app://housecall/index.html', externalURL: 'ms-settings:' }, false],
  ])('%s', (_label, permission, details, expected) => {
    expect(request(permission, details)).toBe(expected);
  });
});

describe('permission checks', () => {
  it.each([
    ['camera check from the app', 'media', 'app://housecall', { isMainFrame: true, mediaType: 'video' }, true],
    ['microphone check while policy forbids it', 'media', 'app://housecall', { isMainFrame: true, mediaType: 'audio' }, false],
    ['media check with securityOrigin of another site', 'media', 'app://housecall', { isMainFrame: true, mediaType: 'video', securityOrigin: 'https://evil.example.com' }, false],
    ['hid check', 'hid', 'app://housecall', { isMainFrame: true }, false],
    ['notifications check from the server', 'notifications', 'https://care.example.org', { isMainFrame: true }, false],
  ])('%s', (_label, permission, origin, details, expected) => {
    expect(fakeSession().call('check', null, permission, origin, details)).toBe(expected);
  });
});

describe('devices and screen capture', () => {
  it('denies every HID/serial/USB device', () => {
    expect(fakeSession().call('device', { deviceType: 'usb', origin: 'app://housecall', device: {} })).toBe(false);
  });

  it('answers screen capture with no streams', () => {
    const callback = vi.fn();
    fakeSession().call('displayMedia', { frame: null, securityOrigin: 'app://housecall', videoRequested: true, audioRequested: false, userGesture: true }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });

  it.each([
    ['select-hid-device', (event: unknown, callback: unknown) => [event, { deviceList: [] }, callback], null],
    ['select-usb-device', (event: unknown, callback: unknown) => [event, { deviceList: [] }, callback], undefined],
    ['select-serial-port', (event: unknown, callback: unknown) => [event, [], {}, callback], ''],
  ] as const)('%s picks no device', (eventName, argsFor, expectedArgument) => {
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    fakeSession().emit(eventName, ...argsFor(event, callback));
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledOnce();
    expect(callback.mock.calls[0]?.[0]).toBe(expectedArgument);
  });
});
