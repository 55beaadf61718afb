// Server configuration of video visits: ICE servers from HOUSECALL_ICE_SERVERS (validated, none by default)
// and the join link lifetime.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('video configuration', () => {
  it('has no ICE servers by default (loopback works with host candidates) and a 60-minute join link', () => {
    expect(loadConfig({}, '/tmp').video).toEqual({ iceServers: [], joinLinkMinutes: 60 });
  });

  it('reads STUN and TURN (incl. TURN over TLS) servers from JSON', () => {
    const servers = [{ urls: 'stun:stun.clinic.example:3478' }, { urls: ['turn:turn.clinic.example:3478', 'turns:turn.clinic.example:5349'], username: 'housecall', credential: 's3cret' }];
    expect(loadConfig({ HOUSECALL_ICE_SERVERS: JSON.stringify(servers), HOUSECALL_JOIN_LINK_MINUTES: '30' }, '/tmp').video).toEqual({ iceServers: servers, joinLinkMinutes: 30 });
  });

  it('refuses bad ICE configuration with a clear message', () => {
    expect(() => loadConfig({ HOUSECALL_ICE_SERVERS: 'not json' }, '/tmp')).toThrow(ConfigError);
    expect(() => loadConfig({ HOUSECALL_ICE_SERVERS: '[{"urls":"turns:turn.example:5349"}]' }, '/tmp')).toThrow(/HOUSECALL_ICE_SERVERS: must be a JSON array of ICE servers/);
    expect(() => loadConfig({ HOUSECALL_JOIN_LINK_MINUTES: '1' }, '/tmp')).toThrow(ConfigError);
  });
});
