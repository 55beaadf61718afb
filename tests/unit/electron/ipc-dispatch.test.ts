// The dispatcher answers every call with a result: handler throws and off-schema answers become 'internal', never a rejection.
import { describe, expect, it, vi } from 'vitest';
import { ipcErr, ipcOk, type IpcResult } from '../../../shared/ipc';
import { createIpcDispatcher, type IpcHandlers } from '../../../electron/core/ipc-dispatch';
import { defaultEffectivePolicy } from '../../../shared/policy';

const APP = 'app://housecall';
const sender = { frameUrl: 'app://housecall/index.html', isTopFrame: true };
const info = { appVersion: '0.1.0', platform: 'linux', isPackaged: false, serverUrl: 'http://localhost:8787' };

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'app:get-info': () => ipcOk(info),
    'key-store:wrap': () => ipcErr('unavailable', 'no key store'),
    'key-store:unwrap': () => ipcErr('unavailable', 'no key store'),
    'notify:show': () => ipcOk({ shown: true as const }),
    'policy:get-effective': () => ipcOk({ policy: defaultEffectivePolicy(), issues: [] }),
    'session:get-lock-state': () => ipcOk({ status: 'unlocked' as const }),
    'session:report': () => ipcOk({ status: 'unlocked' as const }),
    'deep-link:take-pending': () => ipcOk({ visitId: null }),
    'update:install': () => ipcOk({ accepted: false }),
    ...overrides,
  };
}

describe('createIpcDispatcher', () => {
  it('answers a valid call with the handler value', async () => {
    const dispatch = createIpcDispatcher({ handlers: handlers(), appOrigin: APP, reportError: vi.fn() });
    expect(await dispatch('app:get-info', sender, {})).toEqual({ ok: true, value: info });
  });

  it('does not run the handler when validation fails', async () => {
    const getInfo = vi.fn(() => ipcOk(info));
    const dispatch = createIpcDispatcher({ handlers: handlers({ 'app:get-info': getInfo }), appOrigin: APP, reportError: vi.fn() });
    const result = await dispatch('app:get-info', { ...sender, isTopFrame: false }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(getInfo).not.toHaveBeenCalled();
  });

  it('passes handler failures through unchanged', async () => {
    const dispatch = createIpcDispatcher({ handlers: handlers(), appOrigin: APP, reportError: vi.fn() });
    const result = await dispatch('key-store:wrap', sender, { dataKeyBase64: Buffer.alloc(32).toString('base64') });
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: 'no key store' } });
  });

  it('turns a thrown error into internal without leaking its message, and reports it', async () => {
    const reportError = vi.fn();
    const dispatch = createIpcDispatcher({
      handlers: handlers({
        'notify:show': () => {
          throw new Error('secret detail about Jane Doe');
        },
      }),
      appOrigin: APP,
      reportError,
    });
    const result = await dispatch('notify:show', sender, { kind: 'patient_checked_in' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('Jane');
    expect(reportError).toHaveBeenCalledWith('notify:show', expect.any(Error));
  });

  it('refuses to deliver a handler answer that breaks the response schema', async () => {
    const reportError = vi.fn();
    const badInfo = (): IpcResult<never> => ({ ok: true, value: { appVersion: '' } as never });
    const dispatch = createIpcDispatcher({ handlers: handlers({ 'app:get-info': badInfo }), appOrigin: APP, reportError });
    expect(await dispatch('app:get-info', sender, {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(reportError).toHaveBeenCalledOnce();
  });
});
