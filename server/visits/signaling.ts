// Video visit signaling over the /ws hub: membership checks (the appointment's clinician and that visit's
// patient session, nobody else), presence, SDP/ICE relay with stale-generation refusal, across instances
// through visit_signals rows + Bus notices carrying ids only. Refusals are logged and audited without PHI.
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { ClientMessage, ServerMessage } from '../../shared/realtime/messages';
import { PeerSignalSchema } from '../../shared/realtime/messages';
import type { VisitMember } from '../../shared/domain/visit';
import { VisitStatusSchema } from '../../shared/domain/visit';
import type { Database } from '../db/database';
import type { Bus } from '../realtime/bus';
import type { Actor } from '../audit/audit-log';
import { audit } from '../audit/audit-log';
import { livePatientSessions, loadVisit, markJoined, patientSessionFor } from './visit-repository';
import type { PatientSession } from './visit-repository';
import { VISIT_SIGNALS_CHANNEL, publishVisitEvent } from './visit-events';

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

const NoticeSchema = z.object({ id: z.number().int(), visitId: z.uuid() });
const PresencePayloadSchema = z.object({ present: z.boolean(), echo: z.boolean() });
const StatusPayloadSchema = z.object({ status: VisitStatusSchema });
/** Relay rows older than this are deleted (they only carry a call's set-up). */
const SIGNAL_RETENTION_MINUTES = 10;
const PRUNE_EVERY_MS = 5 * 60_000;

const other = (member: VisitMember): VisitMember => (member === 'clinician' ? 'patient' : 'clinician');

export async function createVisitSignaling(options: { db: Database; bus: Bus; log: FastifyBaseLogger; now: () => Date }): Promise<VisitSignaling> {
  const { db, log } = options;
  /** visitId -> sockets on this instance that joined it. */
  const rooms = new Map<string, Set<SignalingPeer>>();

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
    deliver(notice.data).catch((error: unknown) => log.warn({ err: { type: (error as Error)?.name } }, 'signal delivery failed'));
  });

  const prune = setInterval(() => {
    const before = new Date(options.now().getTime() - SIGNAL_RETENTION_MINUTES * 60_000);
    db.query('DELETE FROM visit_signals WHERE created_at < $1', [before]).catch(() => undefined);
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

    async handle(peer, message) {
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
        await publishVisitEvent(db, visitId, membership.member, 'presence', joined.generation, { present: true, echo: false });
        return;
      }
      // visit.signal
      const member = peer.joined.get(visitId);
      if (!member) {
        const membership = await memberOf(peer, visitId);
        if (!membership) {
          await audit(db, peer.actor, { action: 'visit.signal', outcome: 'denied', resource: 'visit', resourceId: visitId });
          return refuse(peer, 'not_member', visitId, 'You are not a member of this visit.');
        }
        return refuse(peer, 'not_joined', visitId, 'Join the visit before sending signals.');
      }
      const outcome = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ call_generation: number }>(
          `UPDATE visits SET call_generation = GREATEST(call_generation, $2) WHERE id = $1 AND status <> 'ended' RETURNING call_generation`,
          [visitId, message.generation]);
        if (!rows[0]) return 'ended' as const;
        if (message.generation < rows[0].call_generation) return 'stale' as const;
        await publishVisitEvent(tx, visitId, member, 'signal', message.generation, message.signal);
        return 'relayed' as const;
      });
      if (outcome === 'ended') return refuse(peer, 'visit_ended', visitId, 'This visit has ended.');
      if (outcome === 'stale') return refuse(peer, 'stale_generation', visitId, 'That signal belongs to an earlier call attempt and was ignored.');
    },

    disconnected(peer) {
      for (const visitId of [...peer.joined.keys()]) leave(peer, visitId);
    },

    async close() {
      clearInterval(prune);
      await unsubscribe();
    },
  };
}
