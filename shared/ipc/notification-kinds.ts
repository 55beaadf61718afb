// The fixed, PHI-free OS notifications the workstation may show: the renderer names a kind, never free text.
import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  'patient_checked_in',
  'visit_starting_soon',
  'new_secure_message',
  'dispatch_assigned',
  'changes_need_review',
  'update_available',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export interface NotificationText {
  title: string;
  body: string;
}

/** The only words that ever reach the OS notification centre (lock screens included): no names, times or details. */
export const NOTIFICATION_TEXT: { readonly [K in NotificationKind]: NotificationText } = {
  patient_checked_in: { title: 'Patient checked in', body: 'A patient has checked in.' },
  visit_starting_soon: { title: 'Visit starting soon', body: 'A scheduled visit starts soon.' },
  new_secure_message: { title: 'New message', body: 'You have a new secure message.' },
  dispatch_assigned: { title: 'New assignment', body: 'You have been assigned a visit.' },
  changes_need_review: { title: 'Changes need review', body: 'Some changes could not be saved and need your attention.' },
  update_available: { title: 'Housecall update', body: 'A new version of Housecall is available.' },
};
