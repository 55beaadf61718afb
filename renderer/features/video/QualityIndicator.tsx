// The call-quality indicator: polls getStats() every second for round-trip time, packet loss and bitrate,
// says good/fair/poor, and draws the last minute of bitrate as a small graph.
import { useEffect, useState } from 'react';
import type { CallController } from './call-controller';
import type { QualitySample, StatsTotals } from './call-quality';
import { qualityLevel, qualitySample, readStats } from './call-quality';

const POLL_MS = 1_000;
const HISTORY = 60;
const LEVEL_WORDS = { good: 'Good', fair: 'Fair', poor: 'Poor', unknown: 'Measuring…' } as const;

export function QualityIndicator({ controller, active }: { controller: CallController; active: boolean }) {
  const [samples, setSamples] = useState<QualitySample[]>([]);
  useEffect(() => {
    if (!active) return;
    let previous: StatsTotals | null = null;
    let stopped = false;
    const poll = async () => {
      const report = await controller.stats();
      if (stopped || !report) return;
      const entries: Array<Record<string, unknown>> = [];
      report.forEach((value) => entries.push(value as Record<string, unknown>));
      const { totals, rttMs } = readStats(entries, Date.now());
      const sample = qualitySample(previous, totals, rttMs);
      previous = totals;
      setSamples((s) => [...s.slice(-(HISTORY - 1)), sample]);
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [controller, active]);

  const last = samples.at(-1) ?? null;
  const level = active ? qualityLevel(last) : 'unknown';
  const rates = samples.map((s) => s.bitrateKbps ?? 0);
  const top = Math.max(100, ...rates);
  const points = rates.map((r, i) => `${(i / (HISTORY - 1)) * 120},${30 - (r / top) * 28}`).join(' ');
  return (
    <section className={`hc-call-quality hc-call-quality--${level}`} aria-label="Call quality">
      <p className="hc-call-quality__level" role="status">Call quality: {LEVEL_WORDS[level]}</p>
      <dl className="hc-call-quality__figures">
        <dt>Round trip</dt><dd>{last?.rttMs != null ? `${last.rttMs} ms` : '–'}</dd>
        <dt>Packet loss</dt><dd>{last?.lossPercent != null ? `${last.lossPercent} %` : '–'}</dd>
        <dt>Bitrate</dt><dd>{last?.bitrateKbps != null ? `${last.bitrateKbps} kbit/s` : '–'}</dd>
      </dl>
      <svg className="hc-call-quality__graph" viewBox="0 0 120 30" role="img" aria-label={`Bitrate over the last ${samples.length} seconds`}>
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    </section>
  );
}
