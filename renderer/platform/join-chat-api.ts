// The patient join page's chat calls (/api/join/messages, /api/join/attachments) with the visit session as
// the bearer: history after a seq, send, mark read, upload and fetch an image. Online only: the patient's
// page keeps nothing beyond the visit session.
import { ApiErrorSchema } from '../../shared/api/errors';
import { DEVICE_HEADER } from '../../shared/api/auth';
import { AttachmentUploadResponseSchema } from '../../shared/domain/chat';
import type { AttachmentInfo } from '../../shared/domain/chat';
import { JOIN_ATTACHMENTS_PATH, JOIN_MESSAGES_PATH, JOIN_READ_PATH, JoinMarkReadResponseSchema, JoinMessagesResponseSchema, JoinSendMessageResponseSchema, joinAttachmentUrl } from '../../shared/api/join-chat';
import type { JoinMessage, JoinMessagesResponse, JoinSendMessageRequest } from '../../shared/api/join-chat';
import { getDeviceId } from './device-id';
import { send } from './http';
import type { Result } from './result';
import { serverBaseUrl } from './server-url';

export function getJoinMessages(sessionToken: string, after: number): Promise<Result<JoinMessagesResponse>> {
  return send({ path: JOIN_MESSAGES_PATH, query: { after }, schema: JoinMessagesResponseSchema, bearer: sessionToken });
}

export async function sendJoinMessage(sessionToken: string, message: JoinSendMessageRequest): Promise<Result<JoinMessage>> {
  const result = await send({ method: 'POST', path: JOIN_MESSAGES_PATH, body: message, schema: JoinSendMessageResponseSchema, bearer: sessionToken });
  return result.ok ? { ok: true, value: result.value.message } : result;
}

export async function markJoinMessagesRead(sessionToken: string, upToSeq: number): Promise<Result<boolean>> {
  const result = await send({ method: 'POST', path: JOIN_READ_PATH, body: { upToSeq }, schema: JoinMarkReadResponseSchema, bearer: sessionToken });
  return result.ok ? { ok: true, value: result.value.moved } : result;
}

async function sessionFetch(sessionToken: string, path: string, init: RequestInit): Promise<Response | string> {
  try {
    const base = await serverBaseUrl();
    return await fetch(`${base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${sessionToken}`, [DEVICE_HEADER]: getDeviceId() } });
  } catch {
    return 'The connection was lost; try again in a moment.';
  }
}

async function failureOf(response: Response): Promise<string> {
  const parsed = ApiErrorSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? parsed.data.error.message : `The server answered with status ${response.status}.`;
}

/** Uploads an image (checked by the server by its bytes and size) into the patient's conversation. */
export async function uploadJoinAttachment(sessionToken: string, file: Blob): Promise<Result<AttachmentInfo, string>> {
  const response = await sessionFetch(sessionToken, JOIN_ATTACHMENTS_PATH, { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } });
  if (typeof response === 'string') return { ok: false, error: response };
  if (!response.ok) return { ok: false, error: await failureOf(response) };
  const parsed = AttachmentUploadResponseSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? { ok: true, value: parsed.data.attachment } : { ok: false, error: 'The server gave an unexpected answer.' };
}

/** An image of the patient's conversation, for display. */
export async function fetchJoinAttachment(sessionToken: string, attachmentId: string): Promise<Result<Blob, string>> {
  const response = await sessionFetch(sessionToken, joinAttachmentUrl(attachmentId), { method: 'GET' });
  if (typeof response === 'string') return { ok: false, error: response };
  if (!response.ok) return { ok: false, error: await failureOf(response) };
  return { ok: true, value: await response.blob() };
}
