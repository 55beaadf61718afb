// One side of a video call, kept alive across network drops: builds a simple-peer link per call attempt
// (generation), ignores stale-generation signals, and when the link fails builds a new one with the same local
// media (the clinician initiates, the patient asks for it). Visit state is not call state: a failed call leaves
// the visit in progress; only the visit's status 'ended' ends the call.
import type { IceServer, VisitMember, VisitStatus } from '../../../shared/domain/visit';
import type { PeerSignal, VisitServerMessage } from '../../../shared/realtime/messages';
import { isCallInitiator, nextCallGeneration, signalAge } from '../../../shared/rules/video-call';
import { readStats } from './call-quality';

export type CallPhase = 'waiting' | 'connecting' | 'connected' | 'reconnecting' | 'ended';

export interface CallState {
  phase: CallPhase;
  generation: number;
  /** The other member is connected to signaling. */
  peerPresent: boolean;
  signalingConnected: boolean;
  visitStatus: VisitStatus | null;
  /** When the current interruption began (ms since epoch), or null. */
  reconnectingSince: number | null;
  remoteStream: MediaStream | null;
  /** The other side asked for audio only (it stopped sending video). */
  remoteAudioOnly: boolean;
}

/** What the controller needs of a peer link (renderer/platform/peer.ts provides it). */
export interface CallPeer {
  signal(signal: PeerSignal): void;
  replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void>;
  sendControl(message: unknown): void;
  getStats(): Promise<RTCStatsReport | null>;
  destroy(): void;
}

export interface CallPeerEvents {
  onSignal(signal: PeerSignal): void;
  onRemoteStream(stream: MediaStream): void;
  onConnected(): void;
  onInterrupted(): void;
  onFailed(): void;
  onControl?(message: unknown): void;
}

export interface CallChannel {
  sendSignal(generation: number, signal: PeerSignal): void;
  close(): void;
}

export interface CallChannelHandlers {
  onMessage(message: VisitServerMessage): void;
  onConnectionChange(connected: boolean): void;
}

export interface CallDeps {
  member: VisitMember;
  iceServers: readonly IceServer[];
  stream: MediaStream;
  openChannel(handlers: CallChannelHandlers): CallChannel;
  createPeer(options: { initiator: boolean; stream: MediaStream; iceServers: readonly IceServer[] }, events: CallPeerEvents): CallPeer;
  now?(): number;
}

/** How long ICE may stay "disconnected" before the link is given up and rebuilt. */
export const INTERRUPTION_GRACE_MS = 1_500;
/** The initiator tries a new peer this often while the other member is present but no media flows. */
export const RETRY_EVERY_MS = 4_000;
/** The non-initiator repeats its request for a new peer this often while no media flows. */
export const REQUEST_EVERY_MS = 2_000;
/** No media received for this long on a "connected" link counts as an interruption (ICE can take far longer to notice). */
export const MEDIA_STALL_MS = 2_000;
const WATCHDOG_MS = 500;

const AudioOnlyControlSchema = { is: (m: unknown): m is { type: 'audio-only'; on: boolean } => typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'audio-only' && typeof (m as { on?: unknown }).on === 'boolean' };

export class CallController {
  private state: CallState = {
    phase: 'waiting', generation: 0, peerPresent: false, signalingConnected: false, visitStatus: null,
    reconnectingSince: null, remoteStream: null, remoteAudioOnly: false,
  };
  private readonly listeners = new Set<(state: CallState) => void>();
  private readonly initiator: boolean;
  private readonly now: () => number;
  private peer: CallPeer | null = null;
  private connected = false;
  private hadConnection = false;
  private lastAttemptAt = 0;
  private lastRequestAt = 0;
  private serverGeneration = 0;
  private interruptionTimer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private channel: CallChannel | null = null;
  private stream: MediaStream;
  private audioOnly = false;
  /** Bytes received so far on the current link, and when that number last grew. */
  private received = { bytes: -1, grewAt: 0 };
  private checkingStall = false;

  constructor(private readonly deps: CallDeps) {
    this.initiator = isCallInitiator(deps.member);
    this.now = deps.now ?? (() => Date.now());
    this.stream = deps.stream;
  }

  start(): void {
    this.channel = this.deps.openChannel({
      onMessage: (message) => this.onServerMessage(message),
      onConnectionChange: (connected) => this.update({ signalingConnected: connected, ...(connected ? {} : { peerPresent: false }) }),
    });
    this.watchdog = setInterval(() => this.tick(), WATCHDOG_MS);
  }

  stop(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.clearInterruption();
    this.peer?.destroy();
    this.peer = null;
    this.channel?.close();
    this.channel = null;
  }

  getState(): CallState {
    return this.state;
  }

  subscribe(listener: (state: CallState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Switches a device: the new track goes to the live peer and into the media every later peer gets. */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack): Promise<void> {
    const old = kind === 'audio' ? this.stream.getAudioTracks()[0] : this.stream.getVideoTracks()[0];
    if (old) {
      track.enabled = old.enabled;
      this.stream.removeTrack(old);
      old.stop();
    }
    this.stream.addTrack(track);
    if (kind === 'video' && this.audioOnly) return;
    await this.peer?.replaceTrack(kind, track);
  }

  /** Audio only: stop sending video (no renegotiation) and ask the other side to do the same. */
  async setAudioOnly(on: boolean): Promise<void> {
    this.audioOnly = on;
    await this.peer?.replaceTrack('video', on ? null : (this.stream.getVideoTracks()[0] ?? null));
    this.peer?.sendControl({ type: 'audio-only', on });
  }

  stats(): Promise<RTCStatsReport | null> {
    return this.peer?.getStats() ?? Promise.resolve(null);
  }

  private update(patch: Partial<CallState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private onServerMessage(message: VisitServerMessage): void {
    switch (message.type) {
      case 'visit.joined':
        this.serverGeneration = Math.max(this.serverGeneration, message.generation);
        if (!this.initiator) this.update({ generation: Math.max(this.state.generation, message.generation) });
        this.update({ visitStatus: message.status });
        if (message.status === 'ended') return this.end();
        // Back after a reload or a lost connection with no working link: ask for a new peer.
        if (!this.initiator && !this.connected && this.state.generation > 0) this.requestNewPeer();
        return;
      case 'visit.status':
        this.update({ visitStatus: message.status });
        if (message.status === 'ended') this.end();
        return;
      case 'visit.presence': {
        // Presence can arrive twice (the server's direct answer at join, then the other side's echo): an attempt
        // already under way for a member already known to be present is not restarted.
        const attemptUnderWay = this.state.peerPresent && this.peer !== null;
        this.update({ peerPresent: message.present });
        if (message.present && this.initiator && !this.connected && !attemptUnderWay) this.newAttempt();
        return;
      }
      case 'visit.signal':
        return this.onSignal(message.generation, message.signal);
    }
  }

  private onSignal(generation: number, signal: PeerSignal): void {
    const age = signalAge(generation, this.state.generation);
    if (age === 'stale' || this.state.phase === 'ended') return;
    if (this.initiator) {
      if (age !== 'current') return;
      if (signal.type === 'reconnect') {
        if (!this.connected) this.newAttempt();
        return;
      }
      this.peer?.signal(signal);
      return;
    }
    if (signal.type === 'reconnect') return;
    if (age === 'newer') {
      // A new call attempt from the initiator: replace whatever link we had.
      this.replacePeer(generation);
    } else if (!this.peer && signal.type === 'offer') {
      this.replacePeer(generation);
    }
    this.peer?.signal(signal);
  }

  /** Initiator: a new peer with a new generation, the same local media. */
  private newAttempt(): void {
    if (this.state.phase === 'ended') return;
    this.lastAttemptAt = this.now();
    this.replacePeer(nextCallGeneration(this.state.generation, this.serverGeneration));
  }

  private replacePeer(generation: number): void {
    this.peer?.destroy();
    this.clearInterruption();
    this.connected = false;
    this.update({ generation, phase: this.hadConnection ? 'reconnecting' : 'connecting', ...(this.hadConnection ? { reconnectingSince: this.state.reconnectingSince ?? this.now() } : {}) });
    const peer: CallPeer = this.deps.createPeer({ initiator: this.initiator, stream: this.stream, iceServers: this.deps.iceServers }, {
      onSignal: (signal) => {
        if (this.peer === peer) this.channel?.sendSignal(generation, signal);
      },
      onRemoteStream: (stream) => {
        if (this.peer === peer) this.update({ remoteStream: stream });
      },
      onConnected: () => {
        if (this.peer !== peer) return;
        this.clearInterruption();
        this.connected = true;
        this.hadConnection = true;
        this.received = { bytes: -1, grewAt: this.now() };
        if (this.audioOnly) void this.setAudioOnly(true);
        this.update({ phase: 'connected', reconnectingSince: null });
      },
      onInterrupted: () => {
        if (this.peer !== peer) return;
        this.connected = false;
        this.interrupt(peer);
      },
      onFailed: () => {
        if (this.peer === peer) this.linkFailed();
      },
      onControl: (message) => {
        if (this.peer === peer && AudioOnlyControlSchema.is(message)) this.update({ remoteAudioOnly: message.on });
      },
    });
    this.peer = peer;
  }

  private linkFailed(): void {
    this.peer?.destroy();
    this.peer = null;
    this.connected = false;
    this.clearInterruption();
    this.update({ phase: this.hadConnection ? 'reconnecting' : (this.state.peerPresent ? 'connecting' : 'waiting'), reconnectingSince: this.hadConnection ? (this.state.reconnectingSince ?? this.now()) : null });
    if (this.initiator) {
      if (this.state.peerPresent && this.now() - this.lastAttemptAt >= 1_000) this.newAttempt();
    } else {
      this.requestNewPeer();
    }
  }

  private requestNewPeer(): void {
    this.lastRequestAt = this.now();
    if (this.state.generation > 0) this.channel?.sendSignal(this.state.generation, { type: 'reconnect' });
  }

  private tick(): void {
    if (this.connected) return void this.checkMediaStall();
    if (this.state.phase === 'ended') return;
    const now = this.now();
    if (this.initiator) {
      if (this.state.peerPresent && now - this.lastAttemptAt >= RETRY_EVERY_MS) this.newAttempt();
    } else if (this.hadConnection && now - this.lastRequestAt >= REQUEST_EVERY_MS) {
      this.requestNewPeer();
    }
  }

  /** A connected link whose incoming media stopped is interrupted, whatever ICE says yet. */
  private checkMediaStall(): void {
    const peer = this.peer;
    if (!peer || this.checkingStall) return;
    this.checkingStall = true;
    void peer.getStats().then((report) => {
      this.checkingStall = false;
      if (!report || this.peer !== peer || !this.connected) return;
      const entries: Array<Record<string, unknown>> = [];
      report.forEach((value) => entries.push(value as Record<string, unknown>));
      const bytes = readStats(entries, 0).totals.bytesReceived;
      const now = this.now();
      if (bytes !== this.received.bytes) {
        this.received = { bytes, grewAt: now };
      } else if (now - this.received.grewAt >= MEDIA_STALL_MS) {
        this.connected = false;
        this.interrupt(peer);
      }
    }, () => {
      this.checkingStall = false;
    });
  }

  /** Shows "Reconnecting…" and gives the link a short grace to recover before it is replaced. */
  private interrupt(peer: CallPeer): void {
    if (this.peer !== peer || this.interruptionTimer) return;
    this.update({ phase: 'reconnecting', reconnectingSince: this.state.reconnectingSince ?? this.now() });
    this.interruptionTimer = setTimeout(() => {
      this.interruptionTimer = null;
      if (this.peer === peer) this.linkFailed();
    }, INTERRUPTION_GRACE_MS);
  }

  private clearInterruption(): void {
    if (this.interruptionTimer) clearTimeout(this.interruptionTimer);
    this.interruptionTimer = null;
  }

  private end(): void {
    this.peer?.destroy();
    this.peer = null;
    this.connected = false;
    this.clearInterruption();
    this.update({ phase: 'ended', reconnectingSince: null });
  }
}
