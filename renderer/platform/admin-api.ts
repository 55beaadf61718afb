// Calls of /api/admin/*: the user list and the audit log query (admin only).
import { AuditListResponseSchema, UserListResponseSchema } from '../../shared/api/admin';
import type { AuditListResponse, AuditQuery, UserListResponse } from '../../shared/api/admin';
import { apiRequest } from './api-client';
import type { Result } from './result';

export function listUsers(signal?: AbortSignal): Promise<Result<UserListResponse>> {
  return apiRequest({ path: '/api/admin/users', schema: UserListResponseSchema, ...(signal ? { signal } : {}) });
}

export function listAudit(query: Partial<AuditQuery>, signal?: AbortSignal): Promise<Result<AuditListResponse>> {
  return apiRequest({
    path: '/api/admin/audit',
    query: { ...query },
    schema: AuditListResponseSchema,
    ...(signal ? { signal } : {}),
  });
}
