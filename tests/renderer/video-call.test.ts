// The call controller (one side of a video call) with a fake signaling channel and fake peers: who builds the
// peer, stale-generation signals ignored, a failed link rebuilt with a new generation and the same media,
// "reconnecting" with its start time, call quality from getStats, and only the visit's end ending the call.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallController, INTERRUPTION_GRACE_MS, MEDIA_STALL_MS } from '../../renderer/features/video/call-controller';
import type { CallChannelHandlers, CallPeer, CallPeerEvents } from '../../renderer/features/video/call-controller';
import { qualityLevel, qualitySample, readStats } from '../../renderer/features/video/call-quality';
import type { PeerSignal, VisitServerMessage } from '../../shared/realtime/messages';

const visitId = '22222222-2222-4222-8222-222222222222';
const offer: PeerSignal = { type: 'offer', sdp: 'v=0 offer' };
const answer: PeerSignal = { type: 'answer', sdp: 'v=0 answer' };

interface FakePeer extends CallPeer {
  initiator: boolean;
  stream: unknown;
  events: CallPeerEvents;
  received: PeerSignal[];
  destroyed: boolean;
  bytes: number;
}

function setup(member: 'clinician' | 'patient') {
  const peers: FakePeer[] = [];
  const sent: Array<{ generation: number; signal: PeerSignal }> = [];
  let handlers: CallChannelHandlers | null = null;
  const stream = { id: 'local-media' } as unknown as MediaStream;
  const controller = new CallController({
    member, iceServers: [], stream,
    openChannel: (h) => {
      handlers = h;
      return { sendSignal: (generation, signal) => sent.push({ generation, signal }), close: () => undefined };
    },
    createPeer: (options, events) => {
      const peer: FakePeer = {
        initiator: options.initiator, stream: options.stream, events, received: [], destroyed: false, bytes: 0,
        signal: (s) => peer.received.push(s),
        replaceTrack: async () => undefined,
        sendControl: () => undefined,
        getStats: async () => new Map([['in', { type: 'inbound-rtp', bytesReceived: peer.bytes, packetsReceived: peer.bytes / 100, packetsLost: 0 }]]) as unknown as RTCStatsReport,
        destroy: () => { peer.destroyed = true; },
      };
      peers.push(peer);
      return peer;
    },
  });
  controller.start();
  const server = (message: VisitServerMessage) => handlers!.onMessage(message);
  return { controller, peers, sent, server, stream };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the clinician side (initiator)', () => {
  it('builds the peer when the patient is present, above the server generation, and relays its signals with it', () => {
    const { controller, peers, sent, server, stream } = setup('clinician');
    server({ type: 'visit.joined', visitId, as: 'clinician', status: 'waiting', generation: 4 });
    expect(peers).toHaveLength(0);
    server({ type: 'visit.presence', visitId, member: 'patient', present: true });
    expect(peers).toHaveLength(1);
    expect(peers[0]).toMatchObject({ initiator: true, stream });
    expect(controller.getState()).toMatchObject({ generation: 5, phase: 'connecting' });
    peers[0]!.events.onSignal(offer);
    expect(sent).toEqual([{ generation: 5, signal: offer }]);
    server({ type: 'visit.signal', visitId, from: 'patient', generation: 4, signal: answer });
    expect(peers[0]!.received).toEqual([]); // stale
    server({ type: 'visit.signal', visitId, from: 'patient', generation: 5, signal: answer });
    expect(peers[0]!.received).toEqual([answer]);
    controller.stop();
  });

  it('does not restart an attempt under way when the patient\'s presence arrives again (direct answer, then echo)', () => {
    const { controller, peers, sent, server } = setup('clinician');
    server({ type: 'visit.joined', visitId, as: 'clinician', status: 'waiting', generation: 0 });
    server({ type: 'visit.presence', visitId, member: 'patient', present: true });
    peers[0]!.events.onSignal(offer);
    server({ type: 'visit.presence', visitId, member: 'patient', present: true });
    expect(peers).toHaveLength(1);
    expect(peers[0]!.destroyed).toBe(false);
    expect(controller.getState().generation).toBe(1);
    expect(sent).toEqual([{ generation: 1, signal: offer }]);
    // After the patient left and came back, a new attempt is made.
    server({ type: 'visit.presence', visitId, member: 'patient', present: false });
    server({ type: 'visit.presence', visitId, member: 'patient', present: true });
    expect(peers).toHaveLength(2);
    controller.stop();
  });

  it('rebuilds a failed link with a new generation and the same media, shows reconnecting, and keeps the visit', () => {
    const { controller, peers, server, stream } = setup('clinician');
    server({ type: 'visit.joined', visitId, as: 'clinician', status: 'in_progress', generation: 0 });
    server({ type: 'visit.presence', visitId, member: 'patient', present: true });
    peers[0]!.events.onConnected();
    expect(controller.getState()).toMatchObject({ phase: 'connected', reconnectingSince: null });
    vi.advanceTimersByTime(1_500);
    const droppedAt = Date.now();
    peers[0]!.events.onFailed();
    expect(peers[0]!.destroyed).toBe(true);
    expect(peers).toHaveLength(2);
    expect(peers[1]).toMatchObject({ initiator: true, stream });
    expect(controller.getState()).toMatchObject({ phase: 'reconnecting', generation: 2, reconnectingSince: droppedAt, visitStatus: 'in_progress' });
    // Signals of the replaced peer are ignored, even if the old peer still emits them.
    peers[0]!.events.onConnected();
    expect(controller.getState().phase).toBe('reconnecting');
    peers[1]!.events.onConnected();
    expect(controller.getState()).toMatchObject({ phase: 'connected', reconnectingSince: null, generation: 2 });
    controller.stop();
  });

  it('treats an ICE interruption that does not recover within the grace as a failure', () => {
    const { controller, peers, server } = setup('clinician');
    server({ type: 'visit.presence', visitId, member: 'patient', present: true });
    peers[0]!.events.onConnected();
    vi.advanceTimersByTime(2_000);
    peers[0]!.events.onInterrupted();
    expect(controller.getState().phase).toBe('reconnecting');
    vi.advanceTimersByTime(INTERRUPTION_GRACE_MS + 10);
    expect(peers[0]!.destroyed).toBe(true);
    expect(peers.length).toBeGreaterThanOrEqual(2);
    controller.stop();
  });

  it('notices media that stopped arriving on a link ICE still calls connected', async () => {
    const { controller, peers, server } = setup('clinician');
    server({ type: 'visit.presence', visitId, member: 'patient', present: true });
    peers[0]!.events.onConnected();
    for (let i = 0; i < 4; i++) {
      peers[0]!.bytes += 10_000;
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(controller.getState().phase).toBe('connected');
    await vi.advanceTimersByTimeAsync(MEDIA_STALL_MS + 1_000);
    expect(controller.getState().phase).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(INTERRUPTION_GRACE_MS + 500);
    expect(peers[0]!.destroyed).toBe(true);
    controller.stop();
  });

  it('answers the patient\'s reconnect request of the current generation with a new peer', () => {
    const { controller, peers, server } = setup('clinician');
    server({ type: 'visit.presence', visitId, member: 'patient', present: true });
    server({ type: 'visit.signal', visitId, from: 'patient', generation: 1, signal: { type: 'reconnect' } });
    expect(peers).toHaveLength(2);
    expect(controller.getState().generation).toBe(2);
    controller.stop();
  });

  it('ends the call only when the visit ends', () => {
    const { controller, peers, server } = setup('clinician');
    server({ type: 'visit.presence', visitId, member: 'patient', present: true });
    peers[0]!.events.onConnected();
    server({ type: 'visit.presence', visitId, member: 'patient', present: false });
    expect(controller.getState().phase).toBe('connected');
    server({ type: 'visit.status', visitId, status: 'ended' });
    expect(controller.getState().phase).toBe('ended');
    expect(peers[0]!.destroyed).toBe(true);
    controller.stop();
  });
});

describe('the patient side', () => {
  it('never initiates: it answers offers, replaces its peer for a newer generation and ignores stale signals', () => {
    const { controller, peers, sent, server } = setup('patient');
    server({ type: 'visit.joined', visitId, as: 'patient', status: 'waiting', generation: 0 });
    server({ type: 'visit.presence', visitId, member: 'clinician', present: true });
    expect(peers).toHaveLength(0);
    expect(controller.getState().phase).toBe('waiting');
    server({ type: 'visit.signal', visitId, from: 'clinician', generation: 1, signal: offer });
    expect(peers).toHaveLength(1);
    expect(peers[0]).toMatchObject({ initiator: false, received: [offer] });
    peers[0]!.events.onSignal(answer);
    expect(sent).toEqual([{ generation: 1, signal: answer }]);
    server({ type: 'visit.signal', visitId, from: 'clinician', generation: 3, signal: offer });
    expect(peers[0]!.destroyed).toBe(true);
    expect(peers[1]!.received).toEqual([offer]);
    server({ type: 'visit.signal', visitId, from: 'clinician', generation: 2, signal: { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host' } } });
    expect(peers[1]!.received).toEqual([offer]);
    expect(controller.getState().generation).toBe(3);
    controller.stop();
  });

  it('asks the clinician for a new peer when its link fails, and again while it stays down', () => {
    const { controller, peers, sent, server } = setup('patient');
    server({ type: 'visit.signal', visitId, from: 'clinician', generation: 1, signal: offer });
    peers[0]!.events.onConnected();
    peers[0]!.events.onFailed();
    expect(controller.getState().phase).toBe('reconnecting');
    expect(sent.at(-1)).toEqual({ generation: 1, signal: { type: 'reconnect' } });
    const before = sent.length;
    vi.advanceTimersByTime(2_600);
    expect(sent.length).toBeGreaterThan(before);
    controller.stop();
  });
});

describe('call quality', () => {
  it('reads round-trip time, loss and bitrate between two polls', () => {
    const first = readStats([{ type: 'inbound-rtp', bytesReceived: 1_000, packetsReceived: 100, packetsLost: 0 }, { type: 'outbound-rtp', bytesSent: 1_000 }], 1_000);
    const second = readStats([
      { type: 'inbound-rtp', bytesReceived: 126_000, packetsReceived: 195, packetsLost: 5 },
      { type: 'outbound-rtp', bytesSent: 126_000 },
      { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.042 },
    ], 2_000);
    const sample = qualitySample(first.totals, second.totals, second.rttMs);
    expect(sample).toEqual({ at: 2_000, rttMs: 42, lossPercent: 5, bitrateKbps: 2_000 });
    expect(qualityLevel(sample)).toBe('fair');
    expect(qualityLevel({ ...sample, lossPercent: 0 })).toBe('good');
    expect(qualityLevel({ ...sample, lossPercent: 20 })).toBe('poor');
    expect(qualityLevel(qualitySample(null, first.totals, null))).toBe('unknown');
  });
});
