// The bridge contract stays consistent: every channel has schemas, results have one shape, and the renderer can find the bridge.
import { describe, expect, it } from 'vitest';
import {
  BRIDGE_GLOBAL,
  IPC_CHANNEL_NAMES,
  IPC_EVENT_NAMES,
  findHousecallBridge,
  ipcChannels,
  ipcEvents,
  ipcResponseSchema,
} from '../../../shared/ipc';

describe('bridge contract', () => {
  it('lists exactly the channels of the schema map, all named domain:verb', () => {
    expect([...IPC_CHANNEL_NAMES].sort()).toEqual(Object.keys(ipcChannels).sort());
    for (const channel of IPC_CHANNEL_NAMES) expect(channel).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/);
  });

  it('lists exactly the events of the event map', () => {
    expect([...IPC_EVENT_NAMES].sort()).toEqual(Object.keys(ipcEvents).sort());
  });

  it('accepts ok and error envelopes and rejects anything else', () => {
    const schema = ipcResponseSchema('notify:show');
    expect(schema.safeParse({ ok: true, value: { shown: true } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'unavailable', message: 'no' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'oops', message: 'no' } }).success).toBe(false);
    expect(schema.safeParse({ ok: true, value: { shown: 'yes' } }).success).toBe(false);
  });

  it('does not accept a server URL of another scheme in app:get-info', () => {
    const info = { appVersion: '0.1.0', platform: 'darwin', isPackaged: true };
    expect(ipcChannels['app:get-info'].response.safeParse({ ...info, serverUrl: 'https://care.example.org' }).success).toBe(true);
    expect(ipcChannels['app:get-info'].response.safeParse({ ...info, serverUrl: 'file:///etc' }).success).toBe(false);
  });
});

describe('findHousecallBridge', () => {
  const bridge = { invoke: async () => ({ ok: true, value: {} }), on: () => () => undefined };

  it('finds the bridge under window.housecall', () => {
    expect(BRIDGE_GLOBAL).toBe('housecall');
    expect(findHousecallBridge({ housecall: bridge })).toBe(bridge);
  });

  it.each([
    ['a plain browser', {}],
    ['a non-object', { housecall: 'yes' }],
    ['an object without invoke', { housecall: { on: bridge.on } }],
    ['null', { housecall: null }],
  ])('answers undefined in %s', (_label, scope) => {
    expect(findHousecallBridge(scope)).toBeUndefined();
  });
});
