// Chat UI state (zustand): which conversation is open in the Inbox.
import { create } from 'zustand';

export interface ChatState {
  openConversationId: string | null;
}

export const initialChatState: ChatState = { openConversationId: null };

export const useChatStore = create<ChatState>()(() => ({ ...initialChatState }));

export const openConversation = (conversationId: string): void => useChatStore.setState({ openConversationId: conversationId });
export const closeConversation = (): void => useChatStore.setState({ openConversationId: null });

export function resetChatStore(): void {
  useChatStore.setState({ ...initialChatState }, true);
}
