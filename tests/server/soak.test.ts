// The fault soak, bounded for CI (20 s of faults, under 2 minutes in all): workstations push through random
// network drops while the care server is SIGKILLed and restarted, PostgreSQL is restarted (clean and SIGKILL)
// and its disk filled (when a size-limited filesystem can be mounted); every acknowledged change is on the
// server exactly once, the server never dies by itself, and every workstation converges. The long run is
// `npm run soak` (scripts/soak.ts).
import { describe, expect, it } from 'vitest';
import { findPgBin } from '../../scripts/harness/pg-cluster';
import { runSoak } from '../../scripts/harness/soak-run';

const skipReason = findPgBin() ? null : 'no PostgreSQL server binaries to start a cluster the soak can restart';

describe.skipIf(Boolean(skipReason))(`fault soak${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('loses nothing, duplicates nothing and converges through server kills, PostgreSQL restarts, a full disk and network drops', async ({ onTestFailed }) => {
    // The harness's running log (faults and how long each took to recover, push failures by status, server
    // crashes: no patient data) is printed only when the soak fails (or times out), to say why.
    const lines: string[] = [];
    const started = Date.now();
    onTestFailed(() => console.log(lines.join('\n')));
    const report = await runSoak({
      seconds: 20, clinicians: 4, workstationsPerClinician: 2, faultEveryMs: 2500, dropRate: 0.1, pauseMs: [60, 240],
      log: (line) => lines.push(`[${Math.round((Date.now() - started) / 1000)}s] ${line}`),
    });
    console.log(`soak: ${JSON.stringify(report)}`);
    expect(report.operations).toBeGreaterThan(100);
    expect(report.faults['network-drop']).toBeGreaterThan(10);
    expect(report.faults['server-kill']).toBeGreaterThanOrEqual(1);
    expect(report.faults['postgres-restart']).toBeGreaterThanOrEqual(1);
    expect(report.faults['postgres-kill']).toBeGreaterThanOrEqual(1);
    if (report.skipped.length === 0) expect(report.faults['disk-full']).toBeGreaterThanOrEqual(1);
    expect(report.serverCrashes).toBe(0);
    expect(report.acknowledged).toBe(report.operations);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.notConverged).toBe(0);
    expect(report.unacknowledgedAtEnd).toBe(0);
  }, 115_000);
});
