// The data layer's public face for features: what the hooks return and what the actions do.
// Implemented by renderer/data (Dexie, encrypted at rest) and renderer/sync; features import from
// renderer/data/index.ts only. Reads are live: a hook re-renders when the cached rows change.
import type { Appointment } from '../../shared/domain/appointment';
import type { Allergy, Medication, PatientSummary, Problem } from '../../shared/domain/patient';
import type { Note, NoteSections } from '../../shared/domain/note';
import type { InboxTask, Prescription } from '../../shared/domain/prescription';
import type { Encounter } from '../../shared/domain/encounter';
import type { VitalSign } from '../../shared/domain/vitals';
import type { QueueRequest } from '../../shared/domain/queue';
import type { FieldRequest } from '../../shared/domain/dispatch';
import type { EntityState, RejectionReason } from '../../shared/sync/protocol';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations';

/** Every cached entity says whether it carries local changes the server has not acknowledged yet. */
export interface LocalFlags {
  pending: boolean;
}
export type LocalAppointment = Appointment & LocalFlags;
export type LocalPatient = PatientSummary & LocalFlags;
export type LocalNote = Note & LocalFlags;
export type LocalPrescription = Prescription & LocalFlags;
export type LocalTask = InboxTask & LocalFlags;
/** An encounter as synced (with the external practitioner's name for imported visits). */
export type LocalEncounter = Encounter & { practitionerName?: string | null };
/** A vital sign measurement as synced (noteId: the signed note it was recorded in, if any). */
export type LocalVital = VitalSign & { noteId?: string | null };
export type LocalQueueRequest = QueueRequest & LocalFlags;
export type LocalFieldRequest = FieldRequest & LocalFlags;

export interface LocalChart {
  patient: LocalPatient;
  allergies: Allergy[];
  medications: Medication[];
  problems: Problem[];
  appointments: LocalAppointment[];
  notes: LocalNote[];
  /** Newest first, with each one's delivery status. */
  prescriptions: LocalPrescription[];
  /** Most recent first. */
  encounters: LocalEncounter[];
  /** Most recent first. */
  vitals: LocalVital[];
}

/** An own message's state: waiting on this device, on the server, on a recipient's device, read by someone. */
export type MessageDelivery = 'sending' | 'sent' | 'delivered' | 'read';

export interface LocalMessage {
  id: string;
  conversationId: string;
  patientId: string | null;
  /** Server order; null while waiting to be sent. */
  seq: number | null;
  senderKind: 'staff' | 'patient' | 'system';
  senderUserId: string | null;
  senderName: string;
  body: string;
  attachment: { id: string; contentType: string | null; byteSize: number | null } | null;
  sentAt: string;
  pending: boolean;
  /** Sent by the signed-in user. */
  mine: boolean;
  /** Own messages only. */
  delivery: MessageDelivery | null;
}

export interface LocalConversation {
  id: string;
  kind: 'care' | 'staff';
  patientId: string | null;
  title: string;
  members: Array<{ userId: string; name: string }>;
  pending: boolean;
  unread: number;
  lastMessage: LocalMessage | null;
  lastMessageSeq: number;
}

export type SyncPhase = 'starting' | 'idle' | 'pushing' | 'pulling' | 'first-sync' | 'waiting-to-retry' | 'signed-out';

export interface SyncStatus {
  /** Whether the care server is reachable right now (not just navigator.onLine). */
  online: boolean;
  phase: SyncPhase;
  /** Local changes not yet acknowledged by the server (outbox entries). */
  pendingCount: number;
  /** Rejected changes waiting for a person to act. */
  conflictCount: number;
  /** ISO time of the last pull+push round that completed with the server. */
  lastSyncedAt: string | null;
  /** During a first sync or a large catch-up: rows stored so far and the estimated total. */
  progress: { done: number; total: number } | null;
  /** Plain, PHI-free description of the last failure (e.g. "The care server cannot be reached."). */
  lastError: string | null;
  /** Storage problem the user must know about (quota exceeded, persistence refused). */
  storageWarning: string | null;
  /** True only when online, nothing pending, no conflicts, and at least one completed sync. */
  allSynced: boolean;
}

export interface ConflictItem {
  /** The rejected mutation's id. */
  id: string;
  name: MutationName;
  reason: RejectionReason;
  /** The server's plain-language reason. */
  message: string;
  /** What this device tried to do (the mutation's arguments). */
  mine: unknown;
  /** The server's current version of the entity, when it may be shown. */
  theirs: EntityState | null;
  createdAt: string;
}

export type ConflictAction = 'retry' | 'keep-mine' | 'discard';

export interface DataActions {
  /** Applies a change to the local cache and queues it for the server, in one transaction. */
  queueMutation<N extends MutationName>(name: N, args: MutationArgs<N>, options?: { baseVersion?: number }): Promise<void>;
  /** Autosaves a note draft locally (every keystroke is fine: unsent saves of one note are coalesced). */
  saveNoteDraft(input: { noteId: string; patientId: string; appointmentId: string | null; sections: NoteSections }): Promise<void>;
  /**
   * Signs a note as the device shows it now: computes the content hash of its sections and queues note.sign
   * (works offline; the server recomputes the hash and validates on arrival). Returns the hash signed.
   */
  signNote(input: { noteId: string }): Promise<string>;
  /** Adds a signed addendum to a signed note (queued like any change). */
  addAddendum(input: { noteId: string; text: string }): Promise<void>;
  /** Queues a chat message (shown at once as "sending"; sent in order when the server is reachable). Returns its id. */
  sendMessage(input: { conversationId: string; body: string; attachmentId?: string | null }): Promise<string>;
  /** Marks a conversation read up to a message (server order). */
  markConversationRead(conversationId: string, upToSeq: number): Promise<void>;
  /** retry = push again as is; keep-mine = re-queue against the server's current version; discard = drop it. */
  resolveConflict(id: string, action: ConflictAction): Promise<void>;
  /** Ask the sync engine to run now (e.g. a "Sync now" button). */
  syncNow(): void;
}
