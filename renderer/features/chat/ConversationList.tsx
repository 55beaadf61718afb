// The list of conversations on this device, most recent first, each with its unread count.
import type { LocalConversation } from '../../data';
import { unreadWords } from './message-words';

export interface ConversationListProps {
  conversations: LocalConversation[];
  openId: string | null;
  onOpen: (conversationId: string) => void;
}

export function ConversationList({ conversations, openId, onOpen }: ConversationListProps) {
  if (conversations.length === 0) return <p className="hc-muted">No messages yet. Messages from patients and the care team appear here.</p>;
  return (
    <ul className="hc-chat__conversations" aria-label="Conversations">
      {conversations.map((c) => (
        <li key={c.id}>
          <button type="button" className="hc-chat__conversation" aria-current={c.id === openId ? 'true' : undefined} onClick={() => onOpen(c.id)}>
            <span className="hc-chat__conversation-title">{c.title}</span>
            <span className="hc-chat__conversation-kind">{c.kind === 'care' ? 'Patient and care team' : 'Staff'}</span>
            {c.unread > 0 ? <span className="hc-chat__unread">{unreadWords(c.unread)}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
