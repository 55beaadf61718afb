// A clinician's signaling channel opened at "Start video visit", before the start answer: it connects and
// authenticates while the server checks the start, joins the visit if the call is to start at once (the visit id
// resolves; null closes it), and hands itself and whatever arrived meanwhile to the call controller.
import { currentAccessToken, openVisitChannel } from '../../platform';
import type { CallChannel, CallChannelHandlers } from './call-controller';

export interface EarlyChannel {
  /** The call takes the channel over: the messages that came before are handed over first. */
  adopt(handlers: CallChannelHandlers): CallChannel;
  close(): void;
}

export function openEarlyChannel(visitId: Promise<string | null>, open: typeof openVisitChannel = openVisitChannel): EarlyChannel {
  let handlers: CallChannelHandlers | null = null;
  const waiting: Array<(h: CallChannelHandlers) => void> = [];
  const deliver = (event: (h: CallChannelHandlers) => void) => (handlers ? event(handlers) : waiting.push(event));
  const channel = open({
    visitId,
    auth: { kind: 'staff', token: currentAccessToken },
    onMessage: (message) => deliver((h) => h.onMessage(message)),
    onConnectionChange: (connected) => deliver((h) => h.onConnectionChange(connected)),
  });
  return {
    adopt(h) {
      handlers = h;
      for (const event of waiting.splice(0)) event(h);
      return channel;
    },
    close: () => channel.close(),
  };
}
