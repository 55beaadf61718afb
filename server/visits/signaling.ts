// Video visit signaling over the /ws hub: membership checks (the appointment's clinician and that visit's
// patient session, nobody else), presence, SDP/ICE relay with stale-generation refusal, across instances
// through visit_signals rows + Bus notices carrying ids only. Refusals are logged and audited without PHI.
// The call set-up path is kept short: signals are checked, stored and announced in one statement (a burst of ICE
// candidates that queued behind it goes in the next one, together), delivered to this instance's sockets straight
// away (other instances read them by id), in the order their socket sent them; a member joining a visit whose
// other member is connected here learns it at once (the echo follows anyway).
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { ClientMessage, PeerSignal, ServerMessage } from '../../shared/realtime/messages';
import { PeerSignalSchema } from '../../shared/realtime/messages';
import type { VisitMember } from '../../shared/domain/visit';
import { VisitStatusSchema } from '../../shared/domain/visit';
import type { Database } from '../db/database';
import type { Bus } from '../realtime/bus';
import type { Actor } from '../audit/audit-log';
import { audit } from '../audit/audit-log';
import { livePatientSessions, loadVisit, markJoined, patientSessionFor } from './visit-repository';
import type { PatientSession } from './visit-repository';
import { VISIT_SIGNALS_CHANNEL, pruneVisitSignals, publishVisitEvent } from './visit-events';

/** What the hub knows about one socket that signaling needs. */
export interface SignalingPeer {
  /** Staff user id (null for a patient session). */
  userId: string | null;
  /** The patient's visit session (null for staff). */
  patient: PatientSession | null;
  actor: Actor;
  send(message: ServerMessage): void;
  /** Visits this socket joined, and as whom. */
  joined: Map<string, VisitMember>;
}

export type VisitMessage = Extract<ClientMessage, { type: `visit.${string}` }>;

export interface VisitSignaling {
  authenticatePatient(token: string): Promise<PatientSession | null>;
  /** Which of these connected patients' sessions are still live (checked again before each poke), in one query. */
  livePatientSessions(sessionIds: readonly string[]): Promise<Set<string>>;
  handle(peer: SignalingPeer, message: VisitMessage): Promise<void>;
  disconnected(peer: SignalingPeer): void;
  close(): Promise<void>;
}

/** origin: the instance that already delivered the row to its own sockets (signals only). */
const NoticeSchema = z.object({ id: z.number().int(), visitId: z.uuid(), origin: z.uuid().optional() });
const PresencePayloadSchema = z.object({ present: z.boolean(), echo: z.boolean() });
const StatusPayloadSchema = z.object({ status: VisitStatusSchema });
/** Relay rows older than this are deleted (they only carry a call's set-up). */
const SIGNAL_RETENTION_MINUTES = 10;
const PRUNE_EVERY_MS = 5 * 60_000;

const other = (member: VisitMember): VisitMember => (member === 'clinician' ? 'patient' : 'clinician');

/** One socket's consecutive signals of one visit and generation, relayed together when their turn comes. */
interface SignalBatch {
  visitId: string;
  generation: number;
  signals: PeerSignal[];
  done: Promise<void>;
}

export async function createVisitSignaling(options: { db: Database; bus: Bus; log: FastifyBaseLogger; now: () => Date }): Promise<VisitSignaling> {
  const { db, log } = options;
  /** visitId -> sockets on this instance that joined it. */
  const rooms = new Map<string, Set<SignalingPeer>>();
  /** This instance, named in the notices of signals it relayed (and delivered locally) itself. */
  const instanceId = randomUUID();
  /** Each socket's messages are handled one after another, so its signals reach the other side in order. */
  const queues = new WeakMap<SignalingPeer, Promise<void>>();
  /** Per socket, the signals waiting for their turn (same visit and generation), relayed together. */
  const openBatches = new WeakMap<SignalingPeer, SignalBatch>();

  const enqueue = (peer: SignalingPeer, work: () => Promise<void>): Promise<void> => {
    const handled = (queues.get(peer) ?? Promise.resolve()).then(work);
    queues.set(peer, handled.catch(() => undefined));
    return handled;
  };

  /**
   * Checks the generation, stores the signals and announces them (ids only) in one statement: 'relayed', 'stale'
   * or 'ended'. A batch has one generation, so it is all stale or none, as if sent one by one.
   */
  const storeSignals = async (visitId: string, member: VisitMember, generation: number, signals: readonly PeerSignal[]): Promise<'relayed' | 'stale' | 'ended'> => {
    const { rows } = await db.query<{ call_generation: number; relayed: number }>(
      `WITH gen AS (
         UPDATE visits SET call_generation = GREATEST(call_generation, $2::int) WHERE id = $1::uuid AND status <> 'ended' RETURNING call_generation
       ), stored AS (
         INSERT INTO visit_signals (visit_id, sender, kind, generation, payload)
         SELECT $1::uuid, $3::text, 'signal', $2::int, p.payload
           FROM gen, jsonb_array_elements($4::jsonb) WITH ORDINALITY AS p(payload, n)
          WHERE $2::int >= gen.call_generation ORDER BY p.n RETURNING id
       )
       SELECT gen.call_generation,
              (SELECT count(pg_notify($5::text, json_build_object('id', s.id, 'visitId', $1::uuid, 'origin', $6::uuid)::text))
                 FROM (SELECT id FROM stored ORDER BY id) s)::int AS relayed
         FROM gen`,
      [visitId, generation, member, JSON.stringify(signals), VISIT_SIGNALS_CHANNEL, instanceId]);
    const row = rows[0];
    if (!row) return 'ended';
    return row.relayed > 0 ? 'relayed' : 'stale';
  };

  const refuse = (peer: SignalingPeer, code: 'not_member' | 'not_joined' | 'stale_generation' | 'visit_ended', visitId: string, message: string) => {
    // Ids and codes only: never a patient's name or the signal's content. Stale signals are routine after a reconnect.
    const entry = { code, visitId, user: peer.userId ?? 'patient-session' };
    if (code === 'stale_generation') log.info(entry, 'signaling refused');
    else log.warn(entry, 'signaling refused');
    peer.send({ type: 'error', code, message, visitId });
  };

  /** The member this socket is in the visit, or null if it is not one of the two. */
  const memberOf = async (peer: SignalingPeer, visitId: string): Promise<{ member: VisitMember; patientId: string; status: string } | null> => {
    const visit = await loadVisit(db, visitId);
    if (!visit) return null;
    if (peer.patient) return peer.patient.visitId === visitId ? { member: 'patient', patientId: visit.patientId, status: visit.status } : null;
    return peer.userId === visit.clinicianId ? { member: 'clinician', patientId: visit.patientId, status: visit.status } : null;
  };

  const deliver = async (notice: z.infer<typeof NoticeSchema>) => {
    const room = rooms.get(notice.visitId);
    if (!room || room.size === 0) return;
    const { rows } = await db.query<{ sender: VisitMember; kind: string; generation: number; payload: unknown }>(
      'SELECT sender, kind, generation, payload FROM visit_signals WHERE id = $1', [notice.id]);
    const row = rows[0];
    if (!row) return;
    const visitId = notice.visitId;
    const targets = [...room].filter((p) => (row.kind === 'status' ? true : p.joined.get(visitId) === other(row.sender)));
    if (row.kind === 'signal') {
      const signal = PeerSignalSchema.safeParse(row.payload);
      if (!signal.success) return;
      for (const p of targets) p.send({ type: 'visit.signal', visitId, from: row.sender, generation: row.generation, signal: signal.data });
    } else if (row.kind === 'presence') {
      const presence = PresencePayloadSchema.safeParse(row.payload);
      if (!presence.success) return;
      for (const p of targets) p.send({ type: 'visit.presence', visitId, member: row.sender, present: presence.data.present });
      // A member that just arrived learns who is already here: the other member answers (once per instance).
      if (presence.data.present && !presence.data.echo && targets.length > 0) {
        await publishVisitEvent(db, visitId, other(row.sender), 'presence', row.generation, { present: true, echo: true });
      }
    } else if (row.kind === 'status') {
      const status = StatusPayloadSchema.safeParse(row.payload);
      if (!status.success) return;
      for (const p of targets) p.send({ type: 'visit.status', visitId, status: status.data.status });
      if (status.data.status === 'ended') rooms.delete(visitId);
    }
  };

  const unsubscribe = await options.bus.subscribe(VISIT_SIGNALS_CHANNEL, (payload) => {
    const notice = NoticeSchema.safeParse(payload);
    if (!notice.success) return;
    if (notice.data.origin === instanceId) return; // already delivered to this instance's sockets
    deliver(notice.data).catch((error: unknown) => log.warn({ err: { type: (error as Error)?.name } }, 'signal delivery failed'));
  });

  const prune = setInterval(() => {
    const before = new Date(options.now().getTime() - SIGNAL_RETENTION_MINUTES * 60_000);
    pruneVisitSignals(db, before).catch(() => undefined);
  }, PRUNE_EVERY_MS);
  prune.unref();

  const leave = (peer: SignalingPeer, visitId: string) => {
    const member = peer.joined.get(visitId);
    if (!member) return;
    peer.joined.delete(visitId);
    const room = rooms.get(visitId);
    room?.delete(peer);
    if (room && room.size === 0) rooms.delete(visitId);
    publishVisitEvent(db, visitId, member, 'presence', 0, { present: false, echo: false }).catch(() => undefined);
  };

  return {
    async authenticatePatient(token) {
      return patientSessionFor(db, token, options.now());
    },

    async livePatientSessions(sessionIds) {
      return livePatientSessions(db, sessionIds, options.now());
    },

    handle(peer, message) {
      if (message.type !== 'visit.signal') {
        openBatches.delete(peer); // later signals go after this message
        return enqueue(peer, () => handleNow(peer, message));
      }
      const open = openBatches.get(peer);
      if (open && open.visitId === message.visitId && open.generation === message.generation) {
        open.signals.push(message.signal);
        return open.done;
      }
      const batch: SignalBatch = { visitId: message.visitId, generation: message.generation, signals: [message.signal], done: Promise.resolve() };
      openBatches.set(peer, batch);
      batch.done = enqueue(peer, () => {
        if (openBatches.get(peer) === batch) openBatches.delete(peer); // its turn: later signals start a new batch
        return relay(peer, batch);
      });
      return batch.done;
    },

    disconnected(peer) {
      for (const visitId of [...peer.joined.keys()]) leave(peer, visitId);
    },

    async close() {
      clearInterval(prune);
      await unsubscribe();
    },
  };

  /** Relays a batch of one socket's signals (in the order sent), or refuses each of them as it would one by one. */
  async function relay(peer: SignalingPeer, batch: SignalBatch): Promise<void> {
    const { visitId, generation, signals } = batch;
    const member = peer.joined.get(visitId);
    if (!member) {
      const membership = await memberOf(peer, visitId);
      for (let i = 0; i < signals.length; i++) {
        if (!membership) {
          await audit(db, peer.actor, { action: 'visit.signal', outcome: 'denied', resource: 'visit', resourceId: visitId });
          refuse(peer, 'not_member', visitId, 'You are not a member of this visit.');
        } else refuse(peer, 'not_joined', visitId, 'Join the visit before sending signals.');
      }
      return;
    }
    const outcome = await storeSignals(visitId, member, generation, signals);
    if (outcome === 'ended') for (let i = 0; i < signals.length; i++) refuse(peer, 'visit_ended', visitId, 'This visit has ended.');
    if (outcome === 'stale') for (let i = 0; i < signals.length; i++) refuse(peer, 'stale_generation', visitId, 'That signal belongs to an earlier call attempt and was ignored.');
    if (outcome !== 'relayed') return;
    // Delivered here at once; other instances read the rows by the notices' ids.
    for (const p of rooms.get(visitId) ?? []) {
      if (p.joined.get(visitId) !== other(member)) continue;
      for (const signal of signals) p.send({ type: 'visit.signal', visitId, from: member, generation, signal });
    }
  }

  async function handleNow(peer: SignalingPeer, message: Exclude<VisitMessage, { type: 'visit.signal' }>): Promise<void> {
    const visitId = message.visitId;
    if (message.type === 'visit.leave') return leave(peer, visitId);
    if (message.type === 'visit.join') {
      const membership = await memberOf(peer, visitId);
      if (!membership) {
        await audit(db, peer.actor, { action: 'visit.call.join', outcome: 'denied', resource: 'visit', resourceId: visitId });
        return refuse(peer, 'not_member', visitId, 'You are not a member of this visit.');
      }
      const joined = await db.transaction(async (tx) => {
        const state = await markJoined(tx, visitId, membership.member, options.now());
        if (!state) return null;
        if (state.changed) await publishVisitEvent(tx, visitId, membership.member, 'status', state.generation, { status: state.status });
        await audit(tx, peer.actor, { action: 'visit.call.join', outcome: 'allowed', patientId: membership.patientId, resource: 'visit', resourceId: visitId });
        return state;
      });
      if (!joined) return refuse(peer, 'visit_ended', visitId, 'This visit has ended.');
      peer.joined.set(visitId, membership.member);
      let room = rooms.get(visitId);
      if (!room) rooms.set(visitId, (room = new Set()));
      room.add(peer);
      peer.send({ type: 'visit.joined', visitId, as: membership.member, status: joined.status, generation: joined.generation });
      // The other member connected to this instance: say so now rather than after their echo's round trip.
      if ([...room].some((p) => p.joined.get(visitId) === other(membership.member))) {
        peer.send({ type: 'visit.presence', visitId, member: other(membership.member), present: true });
      }
      await publishVisitEvent(db, visitId, membership.member, 'presence', joined.generation, { present: true, echo: false });
      return;
    }
  }
}
