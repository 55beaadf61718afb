// The peer-to-peer media link of a video call: a thin wrapper over simple-peer (the only module importing it)
// with ICE servers from the care server (never simple-peer's defaults), track replacement for device switching
// and audio-only, a small control channel to the other side, getStats(), and plain events for the call logic.
import './node-shims';
import SimplePeer from 'simple-peer';
import type { IceServer } from '../../shared/domain/visit';
import type { PeerSignal } from '../../shared/realtime/messages';
import { PeerSignalSchema } from '../../shared/realtime/messages';

export interface PeerLinkEvents {
  /** A signal to send to the other side (already checked against the shared schema). */
  onSignal(signal: PeerSignal): void;
  onRemoteStream(stream: MediaStream): void;
  /** Media can flow (first connection, or ICE recovered on its own). */
  onConnected(): void;
  /** ICE says the path is interrupted; it may recover on its own. */
  onInterrupted(): void;
  /** The link is gone for good (ICE failed, closed or errored): build a new one. */
  onFailed(): void;
  /** A control message from the other side (e.g. audio-only). */
  onControl?(message: unknown): void;
}

export interface PeerLink {
  signal(signal: PeerSignal): void;
  /** Replaces the track we send of that kind (null stops sending it without renegotiation). */
  replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void>;
  sendControl(message: unknown): void;
  getStats(): Promise<RTCStatsReport | null>;
  destroy(): void;
}

export interface PeerLinkOptions {
  initiator: boolean;
  stream: MediaStream;
  iceServers: readonly IceServer[];
}

interface PeerInternals {
  _pc?: RTCPeerConnection;
}

export function createPeerLink(options: PeerLinkOptions, events: PeerLinkEvents): PeerLink {
  const peer = new SimplePeer({
    initiator: options.initiator,
    stream: options.stream,
    trickle: true,
    // The whole RTCConfiguration is ours: simple-peer's default public STUN servers are never used.
    config: { iceServers: options.iceServers.map((s) => ({ ...s, urls: s.urls })) },
  });
  let ended = false;
  const fail = () => {
    if (ended) return;
    ended = true;
    events.onFailed();
  };
  peer.on('signal', (data: unknown) => {
    const parsed = PeerSignalSchema.safeParse(data);
    if (parsed.success) events.onSignal(parsed.data);
  });
  peer.on('stream', (stream: MediaStream) => events.onRemoteStream(stream));
  peer.on('connect', () => events.onConnected());
  peer.on('iceStateChange', (state: RTCIceConnectionState) => {
    if (state === 'disconnected') events.onInterrupted();
    else if (state === 'connected' || state === 'completed') events.onConnected();
  });
  peer.on('data', (raw: Uint8Array | string) => {
    try {
      events.onControl?.(JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw)));
    } catch {
      // not a control message
    }
  });
  peer.on('close', fail);
  peer.on('error', fail);
  const pc = () => (peer as unknown as PeerInternals)._pc;

  return {
    signal(signal) {
      if (!ended) peer.signal(signal as SimplePeer.SignalData);
    },
    async replaceTrack(kind, track) {
      // By the transceiver's kind: after replaceTrack(null) the sender has no track to tell it by.
      const sender = pc()?.getTransceivers().find((t) => t.receiver.track.kind === kind)?.sender;
      if (sender) await sender.replaceTrack(track);
    },
    sendControl(message) {
      if (!ended && peer.connected) peer.send(JSON.stringify(message));
    },
    async getStats() {
      const connection = pc();
      return connection ? connection.getStats() : null;
    },
    destroy() {
      ended = true;
      peer.removeAllListeners();
      peer.on('error', () => undefined);
      peer.destroy();
    },
  };
}
