// One signed-in user's data layer in this window: the encrypted cache, the actions features call, and the
// sync machinery — the engine and realtime socket run only while this window is the profile's sync leader;
// other windows read the same IndexedDB through live queries and get status over the status channel.
import type { Role } from '../../shared/domain/roles';
import type { RealtimeConnection, RealtimeOptions, SyncApi } from '../platform';
import { connectRealtime, currentAccessToken, fetchIcd10List, syncApi } from '../platform';
import type { Icd10Fetcher } from '../data/icd10-reference';
import { ensureIcd10List } from '../data/icd10-reference';
import { addAddendumOnDevice, signNoteOnDevice } from '../data/note-signing';
import type { CacheCore } from '../data/cache';
import { deleteCache, openCache } from '../data/cache';
import { resolveConflict } from '../data/conflicts';
import type { DataActions } from '../data/contract';
import type { DataEnvironment } from '../data/environment';
import { defaultEnvironment } from '../data/environment';
import type { KeyProvider } from '../data/keys';
import { defaultKeyProvider } from '../data/keys';
import { queueMutation } from '../data/outbox';
import { getMeta } from '../data/meta';
import type { EngineOptions, SyncRoundResult } from './engine';
import { SyncEngine } from './engine';
import type { Leadership } from './leader';
import { electLeader, syncLockName } from './leader';
import { openStatusChannel } from './status-channel';

export type RealtimeFactory = (handlers: Pick<RealtimeOptions, 'onPoke' | 'onConnected' | 'onDisconnected' | 'syncClientId'>) => RealtimeConnection;

export interface DataLayerOptions {
  user: { id: string; role?: Role };
  env?: DataEnvironment;
  keys?: KeyProvider;
  api?: SyncApi;
  /** The realtime socket; null for none (tests). Default: /ws of the configured server with the session's token. */
  realtime?: RealtimeFactory | null;
  engine?: Partial<EngineOptions>;
  maxCacheAgeMs?: number;
  /** Where the ICD-10-CM code list comes from; null for none (tests). Default: the server, for clinicians. */
  icd10?: Icd10Fetcher | null;
}

export interface DataLayer {
  readonly userId: string;
  readonly core: CacheCore;
  readonly actions: DataActions;
  isLeader(): boolean;
  /** Resolves once this window leads sync for the profile. */
  readonly leadership: Promise<void>;
  /** Leader: runs a sync round now and reports it. Elsewhere: asks the leader and resolves at once. */
  sync(): Promise<SyncRoundResult | null>;
  /** Stops syncing and closes the cache; wipe also deletes the cache and its key (sign-out). */
  close(options: { wipe: boolean }): Promise<void>;
}

/**
 * Runs `run` once the cache holds a completed first sync and sync is idle (now or later), so the work does not
 * compete with the end of that first sync's round; returns a cancel function.
 */
function afterFirstSync(core: CacheCore, run: () => void): () => void {
  let settled = false;
  const check = (): void => {
    if (settled || core.status.getState().phase !== 'idle') return;
    void getMeta(core.db, 'firstSyncDone')
      .then((done) => {
        if (!done || settled) return;
        settled = true;
        unsubscribe();
        run();
      })
      .catch(() => undefined); // the cache closed meanwhile
  };
  const unsubscribe = core.status.subscribe(check);
  check();
  return () => {
    settled = true;
    unsubscribe();
  };
}

const defaultRealtime: RealtimeFactory = (handlers) => connectRealtime({ token: currentAccessToken, ...handlers });

export async function createDataLayer(options: DataLayerOptions): Promise<DataLayer> {
  const env = options.env ?? defaultEnvironment();
  const userId = options.user.id;
  const core = await openCache({ userId, env, keys: options.keys ?? defaultKeyProvider(env), ...(options.maxCacheAgeMs !== undefined ? { maxAgeMs: options.maxCacheAgeMs } : {}) });
  const api = options.api ?? syncApi;
  const realtimeFactory = options.realtime === undefined ? defaultRealtime : options.realtime;
  let engine: SyncEngine | null = null;
  let leadership: Leadership | null = null;
  const channel = openStatusChannel(env, userId, core.status, () => leadership?.isLeader() ?? false);

  // The device's sync identity, told to the server over the socket (it then pokes this device only about others' changes).
  const syncClientId = await getMeta(core.db, 'clientId');

  const lead = async (): Promise<() => Promise<void>> => {
    let realtime: ReturnType<RealtimeFactory> | null = null;
    // Pokes cover this device's own pushes only while its socket is up and has said which device it is.
    const running = new SyncEngine(core, api, { ...options.engine, ...(syncClientId ? { pokesArrive: () => realtime?.connected() ?? false } : {}) });
    engine = running;
    const stopChannel = channel.lead((manual) => running.request(manual ? 'manual' : 'local'));
    realtime = realtimeFactory?.({
      onPoke: () => running.request('poke'),
      onConnected: () => running.request('connect'),
      ...(syncClientId ? { syncClientId } : {}),
    }) ?? null;
    const stopOnline = env.onOnline(() => {
      realtime?.reconnectNow();
      running.request('online');
    });
    running.start();
    return async () => {
      stopOnline();
      realtime?.close();
      stopChannel();
      engine = null;
      await running.stop();
    };
  };
  leadership = electLeader(env.locks, syncLockName(userId), lead);

  // Clinicians search diagnoses offline: fetch the code list once (again when back online if it failed).
  const icd10 = options.icd10 === undefined ? (options.user.role === 'clinician' ? fetchIcd10List : null) : options.icd10;
  let stopIcd10Retry: (() => void) | null = null;
  if (icd10) {
    const fetchCodes = (): void => {
      void ensureIcd10List(core.db, icd10)
        .then((outcome) => {
          if (outcome !== 'unavailable') stopIcd10Retry?.();
        })
        .catch(() => undefined); // the cache closed meanwhile: nothing to do
    };
    // Only after the first sync's round: 72,000 codes parsed and stored at the same time would slow the patients' download.
    const stopWaiting = afterFirstSync(core, () => {
      const stopOnline = env.onOnline(fetchCodes);
      stopIcd10Retry = () => stopOnline();
      fetchCodes();
    });
    stopIcd10Retry = stopWaiting;
  }

  core.onQueued = () => {
    if (engine) engine.request('local');
    else channel.notifyQueued();
  };

  const sync = async (): Promise<SyncRoundResult | null> => {
    if (engine) return engine.runNow();
    channel.requestSync();
    return null;
  };

  const actions: DataActions = {
    queueMutation: (name, args, opts) => queueMutation(core, name, args, opts?.baseVersion !== undefined ? { baseVersion: opts.baseVersion } : {}),
    saveNoteDraft: (input) => queueMutation(core, 'note.saveDraft', input, { coalesce: true }),
    signNote: ({ noteId }) => signNoteOnDevice(core, noteId),
    addAddendum: ({ noteId, text }) => addAddendumOnDevice(core, noteId, text),
    sendMessage: async ({ conversationId, body, attachmentId }) => {
      const messageId = crypto.randomUUID();
      await queueMutation(core, 'message.send', { messageId, conversationId, body, attachmentId: attachmentId ?? null });
      return messageId;
    },
    markConversationRead: (conversationId, upToSeq) => queueMutation(core, 'message.markRead', { conversationId, upToSeq }),
    resolveConflict: (id, action) => resolveConflict(core, id, action),
    syncNow: () => void sync(),
  };

  let closing: Promise<void> | null = null;
  return {
    userId,
    core,
    actions,
    isLeader: () => leadership?.isLeader() ?? false,
    leadership: leadership.acquired,
    sync,
    close({ wipe }) {
      closing ??= (async () => {
        core.onQueued = () => undefined;
        stopIcd10Retry?.();
        await leadership?.release();
        channel.close();
        core.status.setState({ phase: 'signed-out', online: false, progress: null });
        core.db.close();
        if (wipe) await deleteCache(env, userId, core.keys);
      })();
      return closing;
    },
  };
}
