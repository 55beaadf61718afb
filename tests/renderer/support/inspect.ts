// Test helpers that look inside a device: its sync status, its decrypted views, and its raw IndexedDB bytes.
import type { CachedEntityName, EntityData } from '../../../shared/sync/local-effects';
import type { SyncStatus } from '../../../renderer/data/contract';
import { queryAllViews } from '../../../renderer/data/queries';
import { composeSyncStatus, readCacheCounts } from '../../../renderer/data/status';
import type { DataLayer } from '../../../renderer/sync/data-layer';

export async function statusOf(layer: DataLayer): Promise<SyncStatus> {
  return composeSyncStatus(layer.core.status.getState(), await readCacheCounts(layer.core.db));
}

/** The device's current view of every cached entity of a kind, keyed by id, without the pending flag. */
export async function viewsById(layer: DataLayer, entity: CachedEntityName): Promise<Map<string, EntityData>> {
  const views = await queryAllViews(layer.core, entity);
  return new Map(views.map(({ pending: _pending, ...data }) => [String(data.id), data]));
}

function collect(value: unknown, out: string[], seen = new Set<unknown>()): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    out.push(Buffer.from(bytes).toString('latin1'), Buffer.from(bytes).toString('utf8'), Buffer.from(bytes).toString('utf16le'));
  } else if (typeof value === 'object') {
    if (seen.has(value)) return;
    seen.add(value);
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      collect(v, out, seen);
    }
  }
}

/** Every string and byte sequence stored in every database of an IndexedDB factory (keys and values). */
export async function rawIndexedDbText(factory: IDBFactory): Promise<string> {
  const out: string[] = [];
  for (const info of await factory.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(info.name!);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const storeName of Array.from(db.objectStoreNames)) {
      const tx = db.transaction(storeName, 'readonly');
      const store = tx.objectStore(storeName);
      const [keys, values] = await Promise.all([
        new Promise<IDBValidKey[]>((resolve) => { const r = store.getAllKeys(); r.onsuccess = () => resolve(r.result); }),
        new Promise<unknown[]>((resolve) => { const r = store.getAll(); r.onsuccess = () => resolve(r.result); }),
      ]);
      out.push(storeName);
      collect(keys, out);
      collect(values, out);
    }
    db.close();
  }
  return out.join('\n');
}
