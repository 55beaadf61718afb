// The changes that need a person to act, newest first, each as a ConflictCard.
import { useMemo } from 'react';
import type { ConflictItem } from '../../data';
import { useNow } from '../../ui';
import { usePatients } from '../../data';
import { ConflictCard } from './ConflictCard';

export function ConflictList({ conflicts, timeZone }: { conflicts: ConflictItem[] | undefined; timeZone: string }) {
  const patients = usePatients();
  const now = useNow(30_000);
  const names = useMemo(() => new Map((patients ?? []).map((p) => [p.id, `${p.givenName} ${p.familyName}`])), [patients]);
  const patientName = (id: string): string | null => names.get(id) ?? null;

  if (conflicts === undefined) return <p className="hc-loading">Loading…</p>;
  if (conflicts.length === 0) return <p className="hc-muted">Nothing needs your attention.</p>;
  const sorted = [...conflicts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="hc-conflicts">
      {sorted.map((conflict) => (
        <ConflictCard key={conflict.id} conflict={conflict} patientName={patientName} timeZone={timeZone} now={now} />
      ))}
    </div>
  );
}
