// Demo chat: a staff conversation between the demo clinician and the demo dispatcher, and care
// conversations for two of the clinician's patients (a patient question, a courier update as a system
// message, the clinician's reply). Deterministic ids; written through the chat module so sync sees it.
import type { Queryable } from '../db/database';
import { DEMO_ACCOUNTS } from './demo-accounts';
import type { DemoClinic } from './rows';
import { createStaffConversation } from '../chat/conversations';
import { postMessage, postPatientMessage } from '../chat/messages';
import { postSystemMessage } from '../chat/system-messages';
import { markRead } from '../chat/receipts';

/** A fixed uuid per demo message (v4 layout), so a reseeded demo has the same ids. */
const demoId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export async function seedDemoChat(tx: Queryable, clinic: DemoClinic): Promise<void> {
  const clinician = clinic.users.find((u) => u.email === DEMO_ACCOUNTS.clinician);
  const dispatcher = clinic.users.find((u) => u.email === DEMO_ACCOUNTS.dispatcher);
  if (!clinician || !dispatcher) return;
  const asClinician = { kind: 'staff', userId: clinician.id, role: 'clinician' } as const;
  const asDispatcher = { kind: 'staff', userId: dispatcher.id, role: 'dispatcher' } as const;

  const staff = await createStaffConversation(tx, { id: demoId(1), createdBy: clinician.id, memberIds: [dispatcher.id] });
  const first = await postMessage(tx, asClinician, { messageId: demoId(2), conversationId: staff, body: 'Good morning! I can take one more home visit this afternoon if anything comes up.' });
  if (first.ok) await markRead(tx, asDispatcher, staff, first.seq);
  await postMessage(tx, asDispatcher, { messageId: demoId(3), conversationId: staff, body: 'Thanks, noted. I will send the courier for the 2 pm pickup.' });

  const patients = clinic.care_team.filter((c) => c.user_id === clinician.id && c.relation === 'primary').slice(0, 2).map((c) => c.patient_id);
  for (const [i, patientId] of patients.entries()) {
    await postPatientMessage(tx, { patientId, messageId: demoId(10 + i * 10), body: 'Hello, the rash on my arm looks a bit redder today. Should I be worried?' });
    await postSystemMessage(tx, patientId, 'Your prescription has been picked up by the courier.');
    const reply = await postMessage(tx, asClinician, { messageId: demoId(11 + i * 10), conversationId: patientId, body: 'Thank you, I have received your message and will reply shortly.' });
    if (reply.ok) await markRead(tx, asClinician, patientId, reply.seq);
  }
}
