// The FHIR R4 Bundle as a zod schema with its invariants (bdl-1 to bdl-8); entries' resources are checked separately.
import { z } from 'zod';
import { fhirDatatypes } from './datatypes';
import type { SchemaMode } from './datatypes';
import { fhirArray, fhirCode, fhirDecimal, fhirId, fhirInstant, fhirString, fhirUnsignedInt, fhirUri } from './primitives';

export const BUNDLE_TYPES = ['document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection'] as const;
export type BundleType = (typeof BUNDLE_TYPES)[number];

export function fhirBundleSchema(mode: SchemaMode) {
  const t = fhirDatatypes(mode);
  const { obj, backbone } = t;
  const Entry = obj({
    ...backbone,
    link: fhirArray(z.unknown()).optional(),
    fullUrl: fhirUri.optional(),
    resource: z.looseObject({ resourceType: z.string().min(1) }).optional(),
    search: obj({ ...backbone, mode: z.enum(['match', 'include', 'outcome']).optional(), score: fhirDecimal.optional() }).optional(),
    request: obj({
      ...backbone, method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH']), url: fhirUri, ifNoneMatch: fhirString.optional(),
      ifModifiedSince: fhirInstant.optional(), ifMatch: fhirString.optional(), ifNoneExist: fhirString.optional(),
    }).optional(),
    response: obj({
      ...backbone, status: fhirString, location: fhirUri.optional(), etag: fhirString.optional(), lastModified: fhirInstant.optional(),
      outcome: z.unknown().optional(),
    }).optional(),
  });
  return obj({
    resourceType: z.literal('Bundle'), id: fhirId.optional(), meta: t.Meta.optional(), implicitRules: fhirUri.optional(), language: fhirCode.optional(),
    identifier: t.Identifier.optional(), type: z.enum(BUNDLE_TYPES), timestamp: fhirInstant.optional(), total: fhirUnsignedInt.optional(),
    link: fhirArray(obj({ ...backbone, relation: fhirString, url: fhirUri })).optional(), entry: fhirArray(Entry).optional(),
    signature: z.unknown().optional(),
  }).superRefine((b, ctx) => {
    const entries = b.entry ?? [];
    if (b.total !== undefined && b.type !== 'searchset' && b.type !== 'history') ctx.addIssue({ code: 'custom', message: 'total only in a searchset or history (bdl-1)', path: ['total'] });
    const needsRequest = b.type === 'batch' || b.type === 'transaction' || b.type === 'history';
    const needsResponse = b.type === 'batch-response' || b.type === 'transaction-response' || b.type === 'history';
    const seen = new Map<string, string | undefined>();
    entries.forEach((e, i) => {
      const at = (key: string) => ['entry', i, key];
      if (e.search && b.type !== 'searchset') ctx.addIssue({ code: 'custom', message: 'entry.search only in a searchset (bdl-2)', path: at('search') });
      if (needsRequest && !e.request) ctx.addIssue({ code: 'custom', message: `entry.request is required in a ${b.type} (bdl-3)`, path: at('request') });
      if (!needsRequest && e.request) ctx.addIssue({ code: 'custom', message: `entry.request is not allowed in a ${b.type} (bdl-3)`, path: at('request') });
      if (needsResponse && !e.response) ctx.addIssue({ code: 'custom', message: `entry.response is required in a ${b.type} (bdl-4)`, path: at('response') });
      if (!needsResponse && e.response) ctx.addIssue({ code: 'custom', message: `entry.response is not allowed in a ${b.type} (bdl-4)`, path: at('response') });
      if (!e.resource && !e.request && !e.response) ctx.addIssue({ code: 'custom', message: 'an entry needs a resource, request or response (bdl-5)', path: at('resource') });
      if (e.fullUrl !== undefined) {
        if (e.fullUrl.includes('/_history/')) ctx.addIssue({ code: 'custom', message: 'fullUrl cannot be version specific (bdl-8)', path: at('fullUrl') });
        const versionId = (e.resource?.meta as { versionId?: string } | undefined)?.versionId;
        if (seen.has(e.fullUrl) && seen.get(e.fullUrl) === versionId) ctx.addIssue({ code: 'custom', message: 'fullUrl must be unique in a bundle (bdl-7)', path: at('fullUrl') });
        seen.set(e.fullUrl, versionId);
      }
    });
  });
}

export type FhirBundle = z.infer<ReturnType<typeof fhirBundleSchema>>;
export type FhirBundleEntry = NonNullable<FhirBundle['entry']>[number];
