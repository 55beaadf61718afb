// The patient's chat on the join page, as state: the care conversation's messages in server order, own
// messages waiting to be sent (kept with a retry when sending failed), "Read" once the care team read them,
// and read marks for what the page has shown. Refreshed on every poke and reconnect; nothing is stored.
import type { JoinMessage, JoinMessageFrom, JoinMessagesResponse, JoinSendMessageRequest } from '../../shared/api/join-chat';
import type { AttachmentInfo } from '../../shared/domain/chat';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, MESSAGE_MAX_CHARS } from '../../shared/domain/chat';
import type { ApiFailure, Result } from '../platform/result';

export interface PatientChatApi {
  getMessages(after: number): Promise<Result<JoinMessagesResponse>>;
  send(message: JoinSendMessageRequest): Promise<Result<JoinMessage>>;
  markRead(upToSeq: number): Promise<Result<boolean>>;
  upload(file: Blob): Promise<Result<AttachmentInfo, string>>;
}

export type PatientDelivery = 'sending' | 'not_sent' | 'sent' | 'read';

export interface PatientChatItem {
  id: string;
  /** Server order; null while not yet accepted by the server. */
  seq: number | null;
  from: JoinMessageFrom;
  senderName: string;
  body: string;
  attachmentId: string | null;
  sentAt: string;
  /** Own messages only. */
  delivery: PatientDelivery | null;
  /** Why an own message could not be sent. */
  error: string | null;
}

export interface PatientChatState {
  loaded: boolean;
  messages: PatientChatItem[];
  /** The last refresh failed (e.g. the connection dropped); shown, and cleared by the next good one. */
  problem: string | null;
  /** The server no longer accepts the visit session (the visit ended or the session expired). */
  sessionEnded: boolean;
}

const fromServer = (m: JoinMessage): PatientChatItem => ({
  id: m.id, seq: m.seq, from: m.from, senderName: m.senderName, body: m.body, attachmentId: m.attachment?.id ?? null, sentAt: m.sentAt,
  delivery: m.from === 'you' ? 'sent' : null, error: null,
});

const failureText = (error: ApiFailure | string): string => (typeof error === 'string' ? error : error.message);

export class PatientChat {
  private state: PatientChatState = { loaded: false, messages: [], problem: null, sessionEnded: false };
  private readonly listeners = new Set<() => void>();
  private careTeamReadSeq = 0;
  private readMarked = 0;
  private refreshing: Promise<void> | null = null;
  private again = false;
  /** Bodies of own messages not yet accepted, by id (kept for a retry with the same id). */
  private readonly outgoing = new Map<string, JoinSendMessageRequest>();

  constructor(private readonly api: PatientChatApi, private readonly newId: () => string = () => crypto.randomUUID()) {}

  getState = (): PatientChatState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: Partial<PatientChatState>): void {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l();
  }

  private lastSeq(): number {
    return this.state.messages.reduce((max, m) => Math.max(max, m.seq ?? 0), 0);
  }

  /** Server messages merged in by id, in seq order, with pending own messages last; own delivery from the care team's read mark. */
  private merge(incoming: readonly JoinMessage[]): void {
    const byId = new Map(this.state.messages.map((m) => [m.id, m]));
    for (const m of incoming) byId.set(m.id, fromServer(m));
    const all = [...byId.values()].map((m) => (m.from === 'you' && m.seq !== null && m.seq <= this.careTeamReadSeq ? { ...m, delivery: 'read' as const } : m));
    all.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
    this.set({ messages: all });
  }

  /** Pulls what is new (coalesced: a refresh asked for during one runs once more after it). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        const result = await this.api.getMessages(this.lastSeq());
        if (!result.ok) {
          this.set({ problem: failureText(result.error), loaded: true, sessionEnded: result.error.status === 401 });
          break;
        }
        this.careTeamReadSeq = Math.max(this.careTeamReadSeq, result.value.careTeamReadSeq);
        this.merge(result.value.messages);
        this.set({ loaded: true, problem: null });
        await this.markShownRead();
      } while (this.again);
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async markShownRead(): Promise<void> {
    const upTo = this.state.messages.filter((m) => m.from !== 'you').reduce((max, m) => Math.max(max, m.seq ?? 0), 0);
    if (upTo <= this.readMarked) return;
    const marked = await this.api.markRead(upTo);
    if (marked.ok) this.readMarked = upTo;
  }

  /** Sends a text message; false (with nothing sent) when it is empty or too long. */
  async send(text: string): Promise<boolean> {
    const body = text.trim();
    if (!body || body.length > MESSAGE_MAX_CHARS) return false;
    await this.post({ messageId: this.newId(), body });
    return true;
  }

  /** Uploads an image and sends it as a message; the error in plain words if it cannot be. */
  async attach(file: Blob): Promise<string | null> {
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return 'Attach a PNG, JPEG or WebP image.';
    if (file.size > ATTACHMENT_MAX_BYTES) return 'The image is larger than 5 MB.';
    const uploaded = await this.api.upload(file);
    if (!uploaded.ok) return uploaded.error;
    await this.post({ messageId: this.newId(), body: '', attachmentId: uploaded.value.id });
    return null;
  }

  /** Sends an own message that could not be sent before, with the same id (the server answers a repeat once). */
  async retry(messageId: string): Promise<void> {
    const request = this.outgoing.get(messageId);
    if (request) await this.post(request);
  }

  private async post(request: JoinSendMessageRequest): Promise<void> {
    this.outgoing.set(request.messageId, request);
    const pending: PatientChatItem = {
      id: request.messageId, seq: null, from: 'you', senderName: '', body: request.body, attachmentId: request.attachmentId ?? null,
      sentAt: new Date().toISOString(), delivery: 'sending', error: null,
    };
    this.set({ messages: [...this.state.messages.filter((m) => m.id !== request.messageId), pending] });
    const result = await this.api.send(request);
    if (result.ok) {
      this.outgoing.delete(request.messageId);
      this.merge([result.value]);
      return;
    }
    this.set({ messages: this.state.messages.map((m) => (m.id === request.messageId ? { ...m, delivery: 'not_sent', error: failureText(result.error) } : m)) });
  }
}
