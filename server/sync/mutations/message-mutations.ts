// Chat from the workstation: sending a message (its id comes from the device, so a resend is the same
// message) and moving the user's read mark. Members only; the server assigns the order.
import type { MutationHandler } from './types';
import { reject } from './types';
import { loadEntity } from '../entity-sources';
import { staffPrincipal } from '../../chat/chat-principal';
import { postMessage } from '../../chat/messages';
import { markRead } from '../../chat/receipts';

const CHAT_ROLES = ['clinician', 'dispatcher', 'courier'] as const;

export const sendMessage: MutationHandler<'message.send'> = {
  name: 'message.send',
  roles: CHAT_ROLES,
  async apply({ tx, principal }, { messageId, conversationId, body, attachmentId }) {
    const result = await postMessage(tx, staffPrincipal(principal), { messageId, conversationId, body, attachmentId });
    if (!result.ok) return reject(result.reason, result.message);
    // The state recorded by the post (a repeated post recorded nothing: read it).
    const state = result.state ?? (await loadEntity(tx, 'message', messageId))!.state;
    return { status: 'applied', state, patientId: result.patientId };
  },
};

export const markMessagesRead: MutationHandler<'message.markRead'> = {
  name: 'message.markRead',
  roles: CHAT_ROLES,
  async apply({ tx, principal }, { conversationId, upToSeq }) {
    const result = await markRead(tx, staffPrincipal(principal), conversationId, upToSeq);
    if (!result.ok) return reject(result.reason, result.message);
    const loaded = (await loadEntity(tx, 'conversation', conversationId))!;
    return { status: 'applied', state: loaded.state, patientId: loaded.patientId };
  },
};
