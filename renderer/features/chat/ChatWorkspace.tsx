// The Inbox workspace: conversations with unread counts beside the open conversation.
import type { User } from '../../../shared/domain/user';
import { useConversations } from '../../data';
import { ConversationList } from './ConversationList';
import { ThreadView } from './ThreadView';
import { closeConversation, openConversation, useChatStore } from './chat-store';
import './chat.css';

export function ChatWorkspace({ user }: { user: User }) {
  const conversations = useConversations();
  const openId = useChatStore((s) => s.openConversationId);
  return (
    <div className="hc-chat">
      <nav className="hc-chat__list" aria-label="Conversation list">
        {conversations === undefined ? <p role="status">Loading conversations…</p> : <ConversationList conversations={conversations} openId={openId} onOpen={openConversation} />}
      </nav>
      {openId ? <ThreadView key={openId} conversationId={openId} user={user} onBack={closeConversation} /> : (
        <p className="hc-muted hc-chat__hint">Choose a conversation to read and reply.</p>
      )}
    </div>
  );
}
