// Chat feature: the Inbox (conversations, threads, composer), opening a patient's conversation, and the
// patient's conversation beside a video visit.
export { ChatWorkspace } from './ChatWorkspace';
export { VisitChatPanel } from './VisitChatPanel';
export { openConversation, resetChatStore, useChatStore, initialChatState } from './chat-store';
export type { ChatState } from './chat-store';
