// Shares sync status between the windows of one profile (BroadcastChannel): the leader publishes its engine
// status; other windows show it, and forward "sync now" and "I changed something" to the leader.
import type { ChannelLike, DataEnvironment } from '../data/environment';
import type { EngineStatus, EngineStatusStore } from '../data/status';

type ChannelMessage = { type: 'status'; status: EngineStatus } | { type: 'status-request' } | { type: 'sync-request' } | { type: 'queued' };

export interface StatusChannel {
  /** Leader: publish every status change; answer status requests; run syncs others ask for (manual: "Sync now"). */
  lead(onSyncRequest: (manual: boolean) => void): () => void;
  /** Follower: ask the leader to sync ("Sync now"). */
  requestSync(): void;
  /** Follower: tell the leader a change was queued (it waits out a back-off, like its own changes). */
  notifyQueued(): void;
  close(): void;
}

const isMessage = (data: unknown): data is ChannelMessage =>
  typeof data === 'object' && data !== null && ['status', 'status-request', 'sync-request', 'queued'].includes((data as { type?: unknown }).type as string);

export const statusChannelName = (userId: string): string => `housecall-sync-status-${userId}`;

export function openStatusChannel(env: DataEnvironment, userId: string, store: EngineStatusStore, isLeader: () => boolean): StatusChannel {
  let channel: ChannelLike | null = null;
  try {
    channel = env.openChannel(statusChannelName(userId));
  } catch {
    channel = null;
  }
  let onSyncRequest: ((manual: boolean) => void) | null = null;
  const post = (message: ChannelMessage) => {
    try {
      channel?.postMessage(message);
    } catch {
      // the channel is closed: nothing to tell
    }
  };
  if (channel) {
    channel.onmessage = (event) => {
      const message = event.data;
      if (!isMessage(message)) return;
      if (message.type === 'status' && !isLeader()) {
        const own = store.getState().storageWarning;
        store.setState({ ...message.status, storageWarning: message.status.storageWarning ?? own });
      } else if (message.type === 'status-request' && isLeader()) {
        post({ type: 'status', status: store.getState() });
      } else if ((message.type === 'sync-request' || message.type === 'queued') && isLeader()) {
        onSyncRequest?.(message.type === 'sync-request');
      }
    };
  }
  post({ type: 'status-request' });
  return {
    lead(handler) {
      onSyncRequest = handler;
      post({ type: 'status', status: store.getState() });
      const unsubscribe = store.subscribe((status) => post({ type: 'status', status }));
      return () => {
        unsubscribe();
        onSyncRequest = null;
      };
    },
    requestSync: () => post({ type: 'sync-request' }),
    notifyQueued: () => post({ type: 'queued' }),
    close() {
      if (channel) channel.onmessage = null;
      channel?.close();
      channel = null;
    },
  };
}
