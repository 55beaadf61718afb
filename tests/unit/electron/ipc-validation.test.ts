// Bridge calls are checked before any handler runs: app top frame only, known channel, schema-valid payload, no payload echo.
import { describe, expect, it } from 'vitest';
import { validateInvoke, type IpcSender } from '../../../electron/core/ipc-validation';

const APP = 'app://housecall';
const appTopFrame: IpcSender = { frameUrl: 'app://housecall/index.html#/schedule', isTopFrame: true };
const validKey = Buffer.alloc(32, 7).toString('base64');

function errorCode(result: ReturnType<typeof validateInvoke>): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('validateInvoke', () => {
  it.each<[string, IpcSender | null, string, unknown, string]>([
    ['good app:get-info', appTopFrame, 'app:get-info', {}, 'ok'],
    ['good key-store:wrap', appTopFrame, 'key-store:wrap', { dataKeyBase64: validKey }, 'ok'],
    ['good notify:show', appTopFrame, 'notify:show', { kind: 'patient_checked_in' }, 'ok'],
    ['frame already gone', null, 'app:get-info', {}, 'forbidden'],
    ['subframe of the app', { frameUrl: 'app://housecall/embed.html', isTopFrame: false }, 'app:get-info', {}, 'forbidden'],
    ['server origin page', { frameUrl: 'https://care.example.org/', isTopFrame: true }, 'app:get-info', {}, 'forbidden'],
    ['foreign page', { frameUrl: 'https://evil.example.com/', isTopFrame: true }, 'key-store:unwrap', { wrappedKeyBase64: validKey }, 'forbidden'],
    ['look-alike app host', { frameUrl: 'app://housecall.evil/index.html', isTopFrame: true }, 'app:get-info', {}, 'forbidden'],
    ['file page', { frameUrl: 'file:///tmp/x.html', isTopFrame: true }, 'app:get-info', {}, 'forbidden'],
    ['unknown channel', appTopFrame, 'fs:read', {}, 'unknown_channel'],
    ['prototype key as channel', appTopFrame, '__proto__', {}, 'unknown_channel'],
    ['missing payload', appTopFrame, 'app:get-info', undefined, 'bad_request'],
    ['extra field', appTopFrame, 'app:get-info', { debug: true }, 'bad_request'],
    ['free text notification', appTopFrame, 'notify:show', { kind: 'patient_checked_in', body: 'Jane Doe, DOB 1970' }, 'bad_request'],
    ['unknown notification kind', appTopFrame, 'notify:show', { kind: 'Jane Doe checked in' }, 'bad_request'],
    ['non-base64 key', appTopFrame, 'key-store:wrap', { dataKeyBase64: 'not base64!' }, 'bad_request'],
    ['oversized key', appTopFrame, 'key-store:wrap', { dataKeyBase64: 'A'.repeat(10_000) }, 'bad_request'],
  ])('%s -> %s', (_label, sender, channel, payload, expected) => {
    expect(errorCode(validateInvoke({ channel, sender, payload, appOrigin: APP }))).toBe(expected);
  });

  it('checks the sender before the channel, so a foreign page learns nothing about channel names', () => {
    const result = validateInvoke({ channel: 'fs:read', sender: { frameUrl: 'https://evil.example.com/', isTopFrame: true }, payload: {}, appOrigin: APP });
    expect(errorCode(result)).toBe('forbidden');
  });

  it('returns the parsed request for a good call', () => {
    const result = validateInvoke({ channel: 'notify:show', sender: appTopFrame, payload: { kind: 'visit_starting_soon' }, appOrigin: APP });
    expect(result).toEqual({ ok: true, value: { channel: 'notify:show', request: { kind: 'visit_starting_soon' } } });
  });

  it('names the bad field but never echoes the submitted value', () => {
    const phi = 'Jane Doe checked in';
    const result = validateInvoke({ channel: 'notify:show', sender: appTopFrame, payload: { kind: phi }, appOrigin: APP });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain('kind');
      expect(result.error.message).not.toContain('Jane');
    }
  });
});
