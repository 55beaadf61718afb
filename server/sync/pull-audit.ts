// Audits the patients whose data a pull sent. Within one first-sync snapshot (one sign-in session, one
// high-water mark) a patient is audited once, on the first page that carries their data, not again on each
// chart page: this process remembers whom it already audited per snapshot. A page served by another
// instance, or after the memory was dropped, audits again, so every patient is still recorded at least once.
import type { Actor } from '../audit/audit-log';
import { auditPatientReads } from '../audit/audit-log';
import type { Queryable } from '../db/database';
import type { PullResponse } from '../../shared/sync/protocol';
import { snapshotMarkOf } from './pull';

/** Snapshots remembered at once (oldest dropped first): a few per signed-in device syncing right now. */
const MAX_SNAPSHOTS = 16;

export class PullAuditMemo {
  /** Per snapshot key: the patient ids already audited for it. Insertion order = age. */
  private readonly audited = new Map<string, Set<string>>();

  /**
   * Audits the page's patients (one row each) that this snapshot has not audited yet. `requestCursor` is the
   * cursor the page was asked for; outside a snapshot every patient of the page is audited.
   */
  async auditPage(db: Queryable, actor: Actor, requestCursor: string, page: PullResponse): Promise<void> {
    const patientIds = new Set<string>();
    for (const c of page.changes) if (c.patientId && !c.deleted) patientIds.add(c.patientId);
    const mark = snapshotMarkOf(requestCursor) ?? snapshotMarkOf(page.cursor);
    const key = mark !== null && actor.sessionId ? `${actor.userId}|${actor.sessionId}|${mark}` : null;
    const seen = key ? this.audited.get(key) : undefined;
    const fresh = seen ? [...patientIds].filter((id) => !seen.has(id)) : [...patientIds];
    await auditPatientReads(db, actor, 'sync.pull', fresh, 'sync');
    if (!key) return;
    if (snapshotMarkOf(page.cursor) === null) {
      this.audited.delete(key); // the snapshot is complete: the next pages read the change log
      return;
    }
    const set = seen ?? new Set<string>();
    for (const id of fresh) set.add(id);
    this.audited.delete(key);
    this.audited.set(key, set); // most recently used last
    while (this.audited.size > MAX_SNAPSHOTS) this.audited.delete(this.audited.keys().next().value!);
  }
}
