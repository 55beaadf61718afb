// The patient's care conversation beside a video visit: the same thread as in the Inbox (offline-capable
// through the data layer, with sent/delivered/read), so the visit can go on in chat when video cannot.
import type { User } from '../../../shared/domain/user';
import { ThreadView } from './ThreadView';
import './chat.css';

export interface VisitChatPanelProps {
  patientId: string;
  visitId: string;
  user: User;
}

export function VisitChatPanel({ patientId, visitId, user }: VisitChatPanelProps) {
  return (
    <section className="hc-visit-chat" aria-label="Visit chat" data-visit-id={visitId}>
      <ThreadView conversationId={patientId} user={user} />
    </section>
  );
}
