// Plain words for chat: own-message states and who sent a message.
import type { LocalMessage, MessageDelivery } from '../../data';

export const DELIVERY_WORDS: Record<MessageDelivery, string> = {
  sending: 'Sending…',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
};

export function senderLabel(message: LocalMessage): string {
  if (message.mine) return 'You';
  if (message.senderKind === 'system') return 'Housecall update';
  if (message.senderKind === 'patient') return `${message.senderName} (patient)`;
  return message.senderName || 'Care team';
}

export const unreadWords = (count: number): string => (count === 1 ? '1 unread' : `${count} unread`);
