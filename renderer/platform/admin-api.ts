// Calls of /api/admin/*: the user list, the audit log query and FHIR bundle import (admin only).
import { AuditListResponseSchema, UserListResponseSchema } from '../../shared/api/admin';
import { ImportReportSchema } from '../../shared/fhir/import-report';
import type { ImportReport } from '../../shared/fhir/import-report';
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

/** Large Synthea bundles take a while to import on a busy server. */
const FHIR_IMPORT_TIMEOUT_MS = 300_000;

/** Imports a FHIR R4 Bundle (already parsed JSON; the server validates it) and returns the per-type counts. */
export function importFhirBundle(bundle: unknown): Promise<Result<ImportReport>> {
  return apiRequest({ method: 'POST', path: '/api/admin/fhir/import', body: bundle, schema: ImportReportSchema, timeoutMs: FHIR_IMPORT_TIMEOUT_MS });
}
