// `npm run soak` (tsx scripts/soak.ts [seconds]): the fault soak for a long run (default 10 minutes); prints the
// counts (operations, faults injected per kind, lost, duplicated, not converged, unacknowledged, server crashes)
// and exits non-zero on any of them.
import os from 'node:os';
import { runSoak } from './harness/soak-run';

const seconds = Number(process.argv[2] ?? process.env.SOAK_SECONDS ?? 600);
const started = Date.now();
const report = await runSoak({
  seconds, clinicians: 8, workstationsPerClinician: 3, faultEveryMs: 8000, dropRate: 0.1,
  log: (line) => process.stderr.write(`[${Math.round((Date.now() - started) / 1000)}s] ${line}\n`),
});
console.log(JSON.stringify(report, null, 2));
console.log(`machine: ${os.cpus().length} cores ${os.cpus()[0]?.model.trim() ?? ''}; ${seconds} s of faults`);
const ok = report.lost === 0 && report.duplicated === 0 && report.notConverged === 0 && report.unacknowledgedAtEnd === 0 && report.serverCrashes === 0;
console.log(ok ? 'soak: OK (lost 0, duplicated 0, nothing unacknowledged, no server crash, all clients converged)' : 'soak: FAILED');
process.exit(ok ? 0 : 1);
