// Chat feature: the Inbox (conversations, threads, composer) and opening a patient's conversation.
export { ChatWorkspace } from './ChatWorkspace';
export { openConversation, resetChatStore, useChatStore, initialChatState } from './chat-store';
export type { ChatState } from './chat-store';
