// Call quality from RTCPeerConnection.getStats(): round-trip time, packet loss and bitrate between two polls,
// and a plain good/fair/poor verdict for the indicator.

/** The stats fields read here (RTCStatsReport values are loosely typed). */
type StatsEntry = Record<string, unknown> & { type?: unknown };

export interface StatsTotals {
  at: number;
  bytesReceived: number;
  bytesSent: number;
  packetsReceived: number;
  packetsLost: number;
}

export interface QualitySample {
  at: number;
  rttMs: number | null;
  lossPercent: number | null;
  bitrateKbps: number | null;
}

export type QualityLevel = 'good' | 'fair' | 'poor' | 'unknown';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Totals over the inbound/outbound RTP streams and the round-trip time of the selected candidate pair. */
export function readStats(entries: Iterable<StatsEntry>, at: number): { totals: StatsTotals; rttMs: number | null } {
  const totals: StatsTotals = { at, bytesReceived: 0, bytesSent: 0, packetsReceived: 0, packetsLost: 0 };
  let rttMs: number | null = null;
  for (const e of entries) {
    if (e.type === 'inbound-rtp') {
      totals.bytesReceived += num(e.bytesReceived);
      totals.packetsReceived += num(e.packetsReceived);
      totals.packetsLost += Math.max(0, num(e.packetsLost));
    } else if (e.type === 'outbound-rtp') {
      totals.bytesSent += num(e.bytesSent);
    } else if (e.type === 'candidate-pair' && (e.nominated === true || e.selected === true) && e.state === 'succeeded' && typeof e.currentRoundTripTime === 'number') {
      rttMs = Math.round(e.currentRoundTripTime * 1000);
    }
  }
  return { totals, rttMs };
}

/** The sample between two polls; null fields when there is nothing to compare yet. */
export function qualitySample(previous: StatsTotals | null, current: StatsTotals, rttMs: number | null): QualitySample {
  if (!previous || current.at <= previous.at) return { at: current.at, rttMs, lossPercent: null, bitrateKbps: null };
  const seconds = (current.at - previous.at) / 1000;
  const bits = (current.bytesReceived - previous.bytesReceived + current.bytesSent - previous.bytesSent) * 8;
  const received = current.packetsReceived - previous.packetsReceived;
  const lost = current.packetsLost - previous.packetsLost;
  const expected = received + Math.max(0, lost);
  return {
    at: current.at,
    rttMs,
    lossPercent: expected > 0 ? Math.round((Math.max(0, lost) / expected) * 1000) / 10 : 0,
    bitrateKbps: Math.max(0, Math.round(bits / seconds / 1000)),
  };
}

export function qualityLevel(sample: QualitySample | null): QualityLevel {
  if (!sample || sample.lossPercent === null) return 'unknown';
  const rtt = sample.rttMs ?? 0;
  if (sample.lossPercent > 8 || rtt > 600 || sample.bitrateKbps === 0) return 'poor';
  if (sample.lossPercent > 2 || rtt > 250) return 'fair';
  return 'good';
}

/** "m:ss" for the reconnecting timer. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
