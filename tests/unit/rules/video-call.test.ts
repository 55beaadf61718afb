// Call rules both ends share: the initiator is fixed, generations only grow, older signals are stale.
import { describe, expect, it } from 'vitest';
import { isCallInitiator, nextCallGeneration, signalAge } from '../../../shared/rules/video-call';
import { IceServersSchema } from '../../../shared/domain/visit';
import { ClientMessageSchema } from '../../../shared/realtime/messages';

describe('video call rules', () => {
  it('makes the clinician the only initiator', () => {
    expect(isCallInitiator('clinician')).toBe(true);
    expect(isCallInitiator('patient')).toBe(false);
  });

  it('picks a generation above both this side and the server', () => {
    expect(nextCallGeneration(0, 0)).toBe(1);
    expect(nextCallGeneration(3, 7)).toBe(8);
    expect(nextCallGeneration(9, 2)).toBe(10);
  });

  it('calls older signals stale', () => {
    expect(signalAge(1, 2)).toBe('stale');
    expect(signalAge(2, 2)).toBe('current');
    expect(signalAge(3, 2)).toBe('newer');
  });
});

describe('signaling and ICE schemas', () => {
  it('accepts STUN, TURN and TURN over TLS with credentials, refuses TURN without them and other schemes', () => {
    expect(IceServersSchema.safeParse([]).success).toBe(true);
    expect(IceServersSchema.safeParse([{ urls: 'stun:stun.example.org:3478' }, { urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], username: 'u', credential: 'c' }]).success).toBe(true);
    expect(IceServersSchema.safeParse([{ urls: 'turns:turn.example.org:5349' }]).success).toBe(false);
    expect(IceServersSchema.safeParse([{ urls: 'http://example.org' }]).success).toBe(false);
  });

  it('refuses signals without a generation, with generation 0, or with unknown fields', () => {
    const visitId = '11111111-1111-4111-8111-111111111111';
    const offer = { type: 'offer', sdp: 'v=0' };
    expect(ClientMessageSchema.safeParse({ type: 'visit.signal', visitId, generation: 1, signal: offer }).success).toBe(true);
    expect(ClientMessageSchema.safeParse({ type: 'visit.signal', visitId, signal: offer }).success).toBe(false);
    expect(ClientMessageSchema.safeParse({ type: 'visit.signal', visitId, generation: 0, signal: offer }).success).toBe(false);
    expect(ClientMessageSchema.safeParse({ type: 'visit.signal', visitId, generation: 1, signal: { ...offer, extra: 1 } }).success).toBe(false);
    expect(ClientMessageSchema.safeParse({ type: 'visit.join', visitId: 'not-a-uuid' }).success).toBe(false);
  });
});
