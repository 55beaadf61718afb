// Turns a FHIR import report into rows for the summary table: per resource type, how many were created,
// updated, unchanged, not supported and rejected (counts only: the report never carries patient data).
import type { ImportReport } from '../../../shared/fhir/import-report';
import { IMPORT_REJECTION_REASONS } from '../../../shared/fhir/import-report';

export interface ImportSummaryRow {
  resourceType: string;
  created: number;
  updated: number;
  unchanged: number;
  unsupported: number;
  rejected: number;
}

export function importSummaryRows(report: ImportReport): ImportSummaryRow[] {
  const rows = new Map<string, ImportSummaryRow>();
  const row = (type: string): ImportSummaryRow => {
    let r = rows.get(type);
    if (!r) {
      r = { resourceType: type, created: 0, updated: 0, unchanged: 0, unsupported: 0, rejected: 0 };
      rows.set(type, r);
    }
    return r;
  };
  for (const [type, n] of Object.entries(report.created)) row(type).created += n;
  for (const [type, n] of Object.entries(report.updated)) row(type).updated += n;
  for (const [type, n] of Object.entries(report.unchanged)) row(type).unchanged += n;
  for (const [type, n] of Object.entries(report.unsupported)) row(type).unsupported += n;
  for (const r of report.rejected) row(r.resourceType).rejected += 1;
  return [...rows.values()].sort((a, b) => a.resourceType.localeCompare(b.resourceType));
}

/** Each rejection reason with how many resources it applied to, in plain words. */
export function rejectionLines(report: ImportReport): string[] {
  const counts = new Map<string, number>();
  for (const r of report.rejected) counts.set(`${r.resourceType}: ${IMPORT_REJECTION_REASONS[r.reason]}`, (counts.get(`${r.resourceType}: ${IMPORT_REJECTION_REASONS[r.reason]}`) ?? 0) + 1);
  return [...counts.entries()].map(([text, n]) => `${n} × ${text}`);
}

export const totals = (rows: readonly ImportSummaryRow[]) =>
  rows.reduce((t, r) => ({ created: t.created + r.created, updated: t.updated + r.updated, unchanged: t.unchanged + r.unchanged, unsupported: t.unsupported + r.unsupported, rejected: t.rejected + r.rejected }), { created: 0, updated: 0, unchanged: 0, unsupported: 0, rejected: 0 });
