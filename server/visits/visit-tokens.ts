// Join link, queue entry link and patient session tokens: 32 random bytes (base64url); only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { PATIENT_SESSION_PREFIX } from '../../shared/api/visits';
import { QUEUE_SESSION_PREFIX } from '../../shared/api/queue-entry';

export const newJoinToken = (): string => randomBytes(32).toString('base64url');
export const newPatientSessionToken = (): string => `${PATIENT_SESSION_PREFIX}${randomBytes(32).toString('base64url')}`;
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newQueueSessionToken = (): string => `${QUEUE_SESSION_PREFIX}${randomBytes(32).toString('base64url')}`;
