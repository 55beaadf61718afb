// The per-user IndexedDB cache (Dexie): a table per synced entity, except patients and their chart entities,
// one record per patient in `charts` (version 8, see chart-groups.ts); and the outbox, conflicts and meta.
// Versions are numbered and append-only: never edit a shipped version, add db.version(n + 1) with an upgrade.
// Only non-PHI keys are indexed (ids, patientId, appointment start and clinician); every PHI value is sealed.
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { CachedEntityName } from '../../shared/sync/local-effects';
import type { ChartGroupEntity } from '../../shared/sync/chart-groups';
import { CHART_GROUP_ENTITIES } from '../../shared/sync/chart-groups';
import type { RejectionReason } from '../../shared/sync/protocol';
import type { DataEnvironment } from './environment';
import { groupRows } from './chart-groups';

/**
 * An AES-GCM sealed JSON value (see crypto.ts): one byte array, the 12-byte IV followed by the ciphertext.
 * One typed array per value instead of an {iv, ct} pair halves what IndexedDB serialises per row (the
 * first sync's dominant write cost). Values written as {iv, ct} by earlier builds still open (crypto.ts), so
 * the stored shape changed without a schema version: nothing indexed changed.
 */
export type Sealed = Uint8Array<ArrayBuffer>;
/** The earlier stored shape of a sealed value, still readable. */
export interface LegacySealed {
  iv: Uint8Array<ArrayBuffer>;
  ct: Uint8Array<ArrayBuffer>;
}

/** A cached entity: the server's state and, while changes are pending, the device's view on top of it. */
export interface EntityRow {
  id: string;
  patientId: string;
  /** The server version of `srv` (0 when the server does not have the entity yet). */
  version: number;
  /** The entity as the server last said (sealed), or null for an entity created on this device. */
  srv: Sealed | null;
  /** The entity with the pending changes applied (sealed), or null when nothing is pending. */
  loc: Sealed | null;
  /** Outbox entries not yet acknowledged for this entity. */
  pending: number;
  /** Local revision, bumped by every write: a write computed from an older read is redone. */
  rev: number;
  /** Appointments only: index keys for the schedule (an instant and a staff id; no patient data). */
  startsAt?: string;
  clinicianId?: string;
  /** Notes and prescriptions: the appointment (visit) they were written in; field requests: the visit on the assignee's schedule. */
  appointmentId?: string;
  /** Messages only: the conversation the message is in. */
  conversationId?: string;
  /** Field requests only: `${cityId}|${dispatchDate}` (see dispatchKeyOf). */
  dispatchKey?: string;
}

/** A grouped chart entity as stored in its patient's group: an EntityRow without what the group says. */
export type ChartMember = Pick<EntityRow, 'id' | 'version' | 'srv' | 'loc' | 'pending' | 'rev'>;

/**
 * One patient and their chart entities (CHART_GROUP_ENTITIES) in one record: a first sync writes each patient's
 * chart once instead of one record (and one patientId index entry) per row. Members are keyed by entity key
 * ('patient:<id>', 'allergy:<id>'); each is sealed on its own with the labels of its entity key, as when it had a
 * row of its own. Only ids are in the clear.
 */
export interface ChartGroupRow {
  patientId: string;
  members: Record<string, ChartMember>;
}

/** A mutation waiting for the server. The primary key is the mutation's seq (per client, increasing). */
export interface OutboxRow {
  seq: number;
  mutationId: string;
  name: string;
  entity: CachedEntityName | null;
  entityId: string | null;
  /** `${entity}:${entityId}` (or `?:${mutationId}` when the target is not understood). */
  entityKey: string;
  patientId: string | null;
  args: Sealed;
  baseVersion: number | null;
  createdAt: string;
  /** How many times it was sent; once sent it is never rewritten (a coalesced save appends instead). */
  attempts: number;
  /** Bumped when its args or baseVersion change. */
  rev: number;
}

/** A change the server refused (or that could not be sent): kept until a person acts on it. */
export interface ConflictRow {
  /** The refused mutation's id. */
  id: string;
  /** The refused mutation's seq (orders conflicts made in the same instant). */
  seq: number;
  name: string;
  reason: RejectionReason;
  /** The server's plain-language reason (PHI-free by the server's contract). */
  message: string;
  entityKey: string;
  patientId: string | null;
  /** The mutation's args as queued (sealed with the outbox label of entityKey). */
  mine: Sealed;
  /** The server's current entity state (sealed), when it may be shown. */
  theirs: Sealed | null;
  baseVersion: number | null;
  createdAt: string;
}

/** Reference data (no PHI, not sealed): one ICD-10-CM code and its description, for offline diagnosis search. */
export interface Icd10Row {
  code: string;
  description: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Entities cached in a table of their own (one record each); patients and their chart entities live in `charts`. */
export type TableEntityName = Exclude<CachedEntityName, ChartGroupEntity>;

export const ENTITY_TABLE: {
  readonly [E in TableEntityName]: 'appointments' | 'notes' | 'queue' | 'prescriptions' | 'tasks' | 'conversations' | 'messages' | 'fieldRequests';
} = {
  appointment: 'appointments',
  note: 'notes',
  queue: 'queue',
  prescription: 'prescriptions',
  task: 'tasks',
  conversation: 'conversations',
  message: 'messages',
  fieldRequest: 'fieldRequests',
};
export type EntityTableName = (typeof ENTITY_TABLE)[TableEntityName];
export const ENTITY_TABLE_NAMES: readonly EntityTableName[] = Object.values(ENTITY_TABLE);
export const CACHED_ENTITIES: readonly CachedEntityName[] = [...(Object.keys(ENTITY_TABLE) as TableEntityName[]), ...CHART_GROUP_ENTITIES];
/** The tables holding server data (cleared when it is purged). */
export const SERVER_DATA_TABLES: readonly string[] = [...ENTITY_TABLE_NAMES, 'charts'];

/** The tables of the grouped entities up to version 7 (one record per row). */
const VERSION_7_CHART_TABLES: ReadonlyArray<[ChartGroupEntity, string]> = [
  ['patient', 'patients'], ['allergy', 'allergies'], ['medication', 'medications'], ['problem', 'problems'], ['encounter', 'encounters'], ['vital', 'vitals'],
];

export const CACHE_DB_PREFIX = 'housecall-cache-';
export const cacheDbName = (userId: string): string => `${CACHE_DB_PREFIX}${userId}`;

export class CacheDb extends Dexie {
  declare appointments: Table<EntityRow, string>;
  declare notes: Table<EntityRow, string>;
  /** On-demand queue requests in this clinician's licensed states (and the ones they took). */
  declare queue: Table<EntityRow, string>;
  declare icd10: Table<Icd10Row, string>;
  declare prescriptions: Table<EntityRow, string>;
  declare tasks: Table<EntityRow, string>;
  declare conversations: Table<EntityRow, string>;
  declare messages: Table<EntityRow, string>;
  declare fieldRequests: Table<EntityRow, string>;
  /** Each patient and their chart entities, one record per patient (version 8). */
  declare charts: Table<ChartGroupRow, string>;
  declare outbox: Table<OutboxRow, number>;
  declare conflicts: Table<ConflictRow, string>;
  declare meta: Table<MetaRow, string>;

  constructor(name: string, env: Pick<DataEnvironment, 'indexedDB' | 'IDBKeyRange'>) {
    super(name, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
    this.version(1).stores({
      patients: 'id, patientId',
      allergies: 'id, patientId',
      medications: 'id, patientId',
      problems: 'id, patientId',
      appointments: 'id, patientId, startsAt, [clinicianId+startsAt]',
      notes: 'id, patientId, appointmentId',
      outbox: 'seq, entityKey, patientId',
      conflicts: 'id, createdAt, patientId',
      meta: 'key',
    });
    // 2: the on-demand queue.
    this.version(2).stores({
      queue: 'id, patientId',
    });
    // 3 adds the chart's encounters and vitals and the ICD-10-CM reference table.
    // A cache synced before has a cursor past the encounters and vitals it never received: pull everything again.
    this.version(3)
      .stores({
        encounters: 'id, patientId',
        vitals: 'id, patientId',
        icd10: 'code',
      })
      .upgrade(async (tx) => {
        if (await tx.table('meta').get('cursor')) await tx.table('meta').put({ key: 'cursor', value: '' });
      });
    // Version 4 (issue 5): prescriptions (with their delivery status) and inbox tasks.
    this.version(4).stores({
      prescriptions: 'id, patientId, appointmentId',
      tasks: 'id, patientId',
    });
    // Chat: conversations (patientId is '' for staff conversations) and their messages.
    this.version(6).stores({
      conversations: 'id, patientId',
      messages: 'id, patientId, conversationId',
    });
    // Dispatch: field requests by city day (board) and by appointment (the assignee's schedule).
    this.version(7).stores({ fieldRequests: 'id, patientId, dispatchKey, appointmentId' });
    // 8: patients and their chart entities move from a table each (one record per row) into one record per patient.
    // Rows move as they are (each member keeps its sealed values, labelled by its entity key, and its pending local
    // view): nothing is pulled again.
    this.version(8)
      .stores({ charts: 'patientId', patients: null, allergies: null, medications: null, problems: null, encounters: null, vitals: null })
      .upgrade(async (tx) => {
        const rows: Array<{ entity: ChartGroupEntity; row: EntityRow }> = [];
        for (const [entity, table] of VERSION_7_CHART_TABLES) {
          for (const row of (await tx.table(table).toArray()) as EntityRow[]) rows.push({ entity, row });
        }
        await tx.table('charts').bulkPut(groupRows(rows));
      });
  }

  entityTable(entity: TableEntityName): Table<EntityRow, string> {
    return this[ENTITY_TABLE[entity]];
  }
}
