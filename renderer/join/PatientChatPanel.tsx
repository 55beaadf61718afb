// The patient's chat on the join page: the care conversation's messages (care team by name, updates from
// Housecall in plain language, own messages Sending / Sent / Read / Not sent with a retry), a composer and an
// image attachment. Refreshed on each poke over the patient's own /ws connection and after every reconnect.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ChangeEvent } from 'react';
import { REALTIME_VISIT_TOKEN_PREFIX } from '../../shared/realtime/messages';
import { ATTACHMENT_TYPES } from '../../shared/domain/chat';
import { Alert, Button, formatDayAndClock } from '../ui';
import { connectRealtime, fetchJoinAttachment, getJoinMessages, markJoinMessagesRead, sendJoinMessage, uploadJoinAttachment } from '../platform';
import { Composer } from '../features/chat/Composer';
import '../features/chat/chat.css';
import { PatientChat } from './patient-chat';
import type { PatientChatItem, PatientDelivery } from './patient-chat';

const DELIVERY_WORDS: Record<PatientDelivery, string> = { sending: 'Sending…', not_sent: 'Not sent', sent: 'Sent', read: 'Read' };

function JoinImage({ sessionToken, attachmentId, alt }: { sessionToken: string; attachmentId: string; alt: string }) {
  const [state, setState] = useState<{ url: string } | { error: string } | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void fetchJoinAttachment(sessionToken, attachmentId).then((result) => {
      if (cancelled) return;
      if (result.ok) setState({ url: (url = URL.createObjectURL(result.value)) });
      else setState({ error: result.error });
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [sessionToken, attachmentId]);
  if (!state) return <span className="hc-muted">Loading the image…</span>;
  if ('error' in state) return <span className="hc-muted">The image cannot be shown: {state.error}</span>;
  return <img className="hc-chat__image" src={state.url} alt={alt} />;
}

function MessageItem({ message, sessionToken, timeZone, onRetry }: { message: PatientChatItem; sessionToken: string; timeZone: string; onRetry: () => void }) {
  const time = <time dateTime={message.sentAt}>{formatDayAndClock(message.sentAt, timeZone)}</time>;
  if (message.from === 'system') {
    return (
      <li className="hc-chat__message hc-chat__message--system">
        <p><strong>Update from Housecall:</strong> {message.body}</p>
        <p className="hc-muted">{time}</p>
      </li>
    );
  }
  const who = message.from === 'you' ? 'You' : message.senderName || 'Your care team';
  return (
    <li className={['hc-chat__message', message.from === 'you' ? 'hc-chat__message--mine' : ''].filter(Boolean).join(' ')}>
      <p className="hc-chat__meta">
        <strong>{who}</strong> · {time}
        {message.delivery ? <span className="hc-chat__delivery"> · {DELIVERY_WORDS[message.delivery]}</span> : null}
      </p>
      {message.body ? <p className="hc-chat__body">{message.body}</p> : null}
      {message.attachmentId ? (
        message.seq === null ? <span className="hc-muted">Image waiting to be sent</span> : <JoinImage sessionToken={sessionToken} attachmentId={message.attachmentId} alt={`Image from ${who}`} />
      ) : null}
      {message.delivery === 'not_sent' ? (
        <p className="hc-chat__meta">
          {message.error} <Button variant="quiet" onClick={onRetry}>Try sending again</Button>
        </p>
      ) : null}
    </li>
  );
}

export interface PatientChatPanelProps {
  sessionToken: string;
  visitId: string;
  clinicianName: string;
  /** The server no longer accepts the visit session (the visit ended or the session expired). */
  onSessionEnded(): void;
}

export function PatientChatPanel({ sessionToken, visitId, clinicianName, onSessionEnded }: PatientChatPanelProps) {
  const [chat] = useState(() => new PatientChat({
    getMessages: (after) => getJoinMessages(sessionToken, after),
    send: (message) => sendJoinMessage(sessionToken, message),
    markRead: (upToSeq) => markJoinMessagesRead(sessionToken, upToSeq),
    upload: (file) => uploadJoinAttachment(sessionToken, file),
  }));
  const state = useSyncExternalStore(chat.subscribe, chat.getState);
  const [attachError, setAttachError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  useEffect(() => {
    const connection = connectRealtime({
      token: async () => sessionToken,
      tokenPrefix: REALTIME_VISIT_TOKEN_PREFIX,
      onPoke: () => void chat.refresh(),
      onConnected: () => void chat.refresh(),
      // A dropped socket may mean the session ended (the server closes it then): a refresh finds out.
      onDisconnected: () => void chat.refresh(),
    });
    void chat.refresh();
    const online = () => connection.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      connection.close();
    };
  }, [chat, sessionToken]);

  useEffect(() => {
    if (state.sessionEnded) onSessionEnded();
  }, [state.sessionEnded, onSessionEnded]);

  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setUploading(true);
    const problem = await chat.attach(file);
    setUploading(false);
    setAttachError(problem);
  };

  return (
    <section className="hc-visit-chat hc-chat__thread" aria-label="Visit chat" data-visit-id={visitId}>
      <h2>Chat with {clinicianName}</h2>
      {state.problem ? <Alert tone="info">The chat could not be updated: {state.problem}</Alert> : null}
      {!state.loaded ? <p role="status">Opening the chat…</p> : (
        state.messages.length === 0 ? <p className="hc-muted">No messages yet. You can write to your care team below.</p> : (
          <ol className="hc-chat__messages" aria-label="Messages" aria-live="polite">
            {state.messages.map((m) => <MessageItem key={m.id} message={m} sessionToken={sessionToken} timeZone={timeZone} onRetry={() => void chat.retry(m.id)} />)}
          </ol>
        )
      )}
      <Composer showQuickReplies={false} onSend={async (body) => { await chat.send(body); }} />
      <div className="hc-chat__attach">
        <label className="hc-button hc-button--quiet">
          Attach an image
          <input ref={fileRef} type="file" accept={ATTACHMENT_TYPES.join(',')} className="hc-visually-hidden" disabled={uploading} onChange={(e) => void attach(e)} />
        </label>
        {uploading ? <span role="status">Uploading the image…</span> : null}
        {attachError ? <Alert tone="error">{attachError}</Alert> : null}
      </div>
    </section>
  );
}
