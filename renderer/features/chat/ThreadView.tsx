// One conversation: its messages in server order (system messages set apart in plain language, own
// messages with their sending/sent/delivered/read state), marked read while shown, and the composer.
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { User } from '../../../shared/domain/user';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../../shared/domain/chat';
import { dataActions, usePatient, useThread } from '../../data';
import type { LocalMessage } from '../../data';
import { uploadChatAttachment } from '../../platform';
import { Alert, Button, formatDayAndClock } from '../../ui';
import { AttachmentImage } from './AttachmentImage';
import { Composer } from './Composer';
import { DELIVERY_WORDS, senderLabel } from './message-words';

function MessageItem({ message, timeZone }: { message: LocalMessage; timeZone: string }) {
  if (message.senderKind === 'system') {
    return (
      <li className="hc-chat__message hc-chat__message--system">
        <p><strong>Housecall update:</strong> {message.body}</p>
        <time dateTime={message.sentAt} className="hc-muted">{formatDayAndClock(message.sentAt, timeZone)}</time>
      </li>
    );
  }
  return (
    <li className={['hc-chat__message', message.mine ? 'hc-chat__message--mine' : ''].filter(Boolean).join(' ')}>
      <p className="hc-chat__meta">
        <strong>{senderLabel(message)}</strong> · <time dateTime={message.sentAt}>{formatDayAndClock(message.sentAt, timeZone)}</time>
        {message.delivery ? <span className="hc-chat__delivery"> · {DELIVERY_WORDS[message.delivery]}</span> : null}
      </p>
      {message.body ? <p className="hc-chat__body">{message.body}</p> : null}
      {message.attachment ? (
        message.seq === null ? <span className="hc-muted">Image waiting to be sent</span> : <AttachmentImage attachmentId={message.attachment.id} alt={`Image from ${senderLabel(message)}`} />
      ) : null}
    </li>
  );
}

export interface ThreadViewProps {
  conversationId: string;
  user: User;
  /** Back to the conversation list (the Inbox); absent when the thread is embedded, e.g. beside a video visit. */
  onBack?: () => void;
}

export function ThreadView({ conversationId, user, onBack }: ThreadViewProps) {
  const thread = useThread(conversationId);
  // A patient's care conversation has the patient's id, and may not exist on the server before its first message.
  const patient = usePatient(conversationId);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [attachError, setAttachError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  useEffect(() => {
    if (onBack) headingRef.current?.focus();
  }, [conversationId, onBack]);

  const lastSeq = thread?.messages.reduce((max, m) => Math.max(max, m.seq ?? 0), 0) ?? 0;
  const unread = thread?.conversation?.unread ?? 0;
  useEffect(() => {
    if (unread > 0 && lastSeq > 0) void dataActions.markConversationRead(conversationId, lastSeq).catch(() => undefined);
  }, [conversationId, unread, lastSeq]);

  const title = thread?.conversation?.title ?? (patient ? `${patient.givenName} ${patient.familyName}` : 'Conversation');
  const send = async (body: string) => {
    await dataActions.sendMessage({ conversationId, body });
  };
  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > ATTACHMENT_MAX_BYTES) return setAttachError('The image is larger than 5 MB.');
    setUploading(true);
    const uploaded = await uploadChatAttachment(conversationId, file);
    setUploading(false);
    if (!uploaded.ok) return setAttachError(uploaded.error);
    setAttachError(null);
    await dataActions.sendMessage({ conversationId, body: '', attachmentId: uploaded.value.id });
  };

  return (
    <section className="hc-chat__thread" aria-labelledby={headingId}>
      {onBack ? <Button variant="quiet" onClick={onBack}><span aria-hidden="true">←</span> All conversations</Button> : null}
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>{title}</h2>
      {thread === undefined ? <p role="status">Opening the conversation…</p> : (
        thread.messages.length === 0 ? <p className="hc-muted">No messages yet. Write the first one below.</p> : (
          <ol className="hc-chat__messages" aria-label="Messages" aria-live="polite">
            {thread.messages.map((m) => <MessageItem key={m.id} message={m} timeZone={user.timeZone} />)}
          </ol>
        )
      )}
      <Composer showQuickReplies={user.role === 'clinician'} onSend={send} />
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
