// Plain-language system messages into a patient's care conversation (e.g. "Your prescription has been
// picked up by the courier"), written inside the caller's transaction so they commit with the event.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import { careConversationId } from './conversations';
import { postMessage } from './messages';

/** Posts the text as a system message (creating the care conversation if missing); returns its id and seq. */
export async function postSystemMessage(tx: Queryable, patientId: string, text: string): Promise<{ messageId: string; seq: number }> {
  const result = await postMessage(tx, { kind: 'system' }, { messageId: randomUUID(), conversationId: careConversationId(patientId), body: text });
  if (!result.ok) throw new Error(`system message not posted: ${result.reason}`);
  return { messageId: result.messageId, seq: result.seq };
}
