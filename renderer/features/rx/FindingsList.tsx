// The safety findings shown before signing: hard stops (cannot be overridden) and warnings, each warning with
// its override-reason input (the reason is recorded with the prescription).
import type { SafetyFinding } from '../../../shared/domain/prescription';
import { Badge, TextField } from '../../ui';

export interface FindingsListProps {
  findings: readonly SafetyFinding[];
  reasons: Readonly<Record<string, string>>;
  onReason: (key: string, reason: string) => void;
}

export function FindingsList({ findings, reasons, onReason }: FindingsListProps) {
  if (findings.length === 0) return <p role="status" className="hc-rx-findings hc-rx-findings--clear">Safety checks: no findings.</p>;
  let warningNo = 0;
  return (
    <section className="hc-rx-findings" aria-label="Safety checks">
      <h4>Safety checks</h4>
      <ul className="hc-list">
        {findings.map((f) => {
          const hard = f.severity === 'hard_stop';
          if (!hard) warningNo += 1;
          return (
            <li key={f.key} className={hard ? 'hc-rx-finding hc-rx-finding--hard' : 'hc-rx-finding'}>
              <Badge tone={hard ? 'danger' : 'warn'}>{hard ? 'Hard stop' : 'Warning'}</Badge> {f.message}
              {hard ? (
                <p className="hc-muted">This cannot be overridden.</p>
              ) : (
                <TextField
                  label={`Reason to override warning ${warningNo}`}
                  hint="At least 5 characters; recorded with the prescription."
                  value={reasons[f.key] ?? ''}
                  onChange={(e) => onReason(f.key, e.target.value)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
