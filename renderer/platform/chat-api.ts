// Chat attachments over HTTP: upload an image into a conversation and fetch one for display (online only;
// the messages themselves go through the offline data layer).
import { AttachmentUploadResponseSchema } from '../../shared/domain/chat';
import type { AttachmentInfo } from '../../shared/domain/chat';
import { attachmentUploadUrl, attachmentUrl } from '../../shared/api/chat';
import { ApiErrorSchema } from '../../shared/api/errors';
import { DEVICE_HEADER } from '../../shared/api/auth';
import { currentAccessToken } from './api-client';
import { getDeviceId } from './device-id';
import type { Result } from './result';
import { serverBaseUrl } from './server-url';

async function authorizedFetch(path: string, init: RequestInit): Promise<Response | string> {
  const token = await currentAccessToken();
  if (!token) return 'Sign in to continue.';
  try {
    const base = await serverBaseUrl();
    return await fetch(`${base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}`, [DEVICE_HEADER]: getDeviceId() } });
  } catch {
    return 'The care server cannot be reached; try again when online.';
  }
}

async function failureOf(response: Response): Promise<string> {
  const parsed = ApiErrorSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? parsed.data.error.message : `The server answered with status ${response.status}.`;
}

/** Uploads an image (the server checks its type by its bytes and its size) and returns its id for message.send. */
export async function uploadChatAttachment(conversationId: string, file: Blob): Promise<Result<AttachmentInfo, string>> {
  const response = await authorizedFetch(attachmentUploadUrl(conversationId), { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } });
  if (typeof response === 'string') return { ok: false, error: response };
  if (!response.ok) return { ok: false, error: await failureOf(response) };
  const parsed = AttachmentUploadResponseSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? { ok: true, value: parsed.data.attachment } : { ok: false, error: 'The server gave an unexpected answer.' };
}

/** An attachment's image for display (members of the conversation only). */
export async function fetchChatAttachment(attachmentId: string): Promise<Result<Blob, string>> {
  const response = await authorizedFetch(attachmentUrl(attachmentId), { method: 'GET' });
  if (typeof response === 'string') return { ok: false, error: response };
  if (!response.ok) return { ok: false, error: await failureOf(response) };
  return { ok: true, value: await response.blob() };
}
