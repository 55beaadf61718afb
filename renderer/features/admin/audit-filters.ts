// The audit filter form's values and their check and conversion into an audit query.
import { AuditQuerySchema } from '../../../shared/api/admin';
import type { AuditQuery } from '../../../shared/api/admin';

export interface AuditFilterValues {
  patientId: string;
  userId: string;
  action: string;
  /** datetime-local values (local time, no zone). */
  from: string;
  to: string;
}

export type AuditFilterErrors = Partial<Record<keyof AuditFilterValues, string>>;

export const emptyAuditFilters: AuditFilterValues = { patientId: '', userId: '', action: '', from: '', to: '' };

export type AuditFilter = Omit<AuditQuery, 'before' | 'limit'>;

const shape = AuditQuerySchema.shape;

function localToIso(value: string): string | null {
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

export function toAuditFilter(values: AuditFilterValues): { ok: true; filter: AuditFilter } | { ok: false; errors: AuditFilterErrors } {
  const errors: AuditFilterErrors = {};
  const filter: AuditFilter = {};
  const patientId = values.patientId.trim();
  const userId = values.userId.trim();
  const action = values.action.trim();
  if (patientId) {
    if (shape.patientId.safeParse(patientId).success) filter.patientId = patientId.toLowerCase();
    else errors.patientId = 'Enter a patient ID in UUID form.';
  }
  if (userId) {
    if (shape.userId.safeParse(userId).success) filter.userId = userId.toLowerCase();
    else errors.userId = 'Enter a user ID in UUID form.';
  }
  if (action) {
    if (shape.action.safeParse(action).success) filter.action = action;
    else errors.action = 'Use lower-case letters, dots and underscores, like auth.sign_in.';
  }
  if (values.from) {
    const iso = localToIso(values.from);
    if (iso) filter.from = iso;
    else errors.from = 'Enter a valid date and time.';
  }
  if (values.to) {
    const iso = localToIso(values.to);
    if (iso) filter.to = iso;
    else errors.to = 'Enter a valid date and time.';
  }
  if (filter.from && filter.to && filter.from > filter.to) errors.to = 'The end must be after the start.';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, filter };
}
