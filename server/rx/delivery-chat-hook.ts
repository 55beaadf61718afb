// The one place a delivery status reaches the patient's conversation. Chat is built on another branch: until
// it is merged this hook only decides the PHI-free text (shared deliveryStatusMessage) and posts nothing.
// After the merge, post `text` into the patient's conversation here, inside the same transaction.
import type { Queryable } from '../db/database';
import type { DeliveryStatus } from '../../shared/domain/prescription';
import { deliveryStatusMessage } from '../../shared/rules/delivery-status';

export interface DeliveryChatNotice {
  patientId: string;
  deliveryId: string;
  status: DeliveryStatus;
}

/** Returns the message that is (or, once chat is merged, will be) posted to the patient, or null for none. */
export async function postDeliveryStatusToChat(_tx: Queryable, notice: DeliveryChatNotice): Promise<string | null> {
  const text = deliveryStatusMessage(notice.status);
  if (!text) return null;
  // CHAT INTEGRATION POINT (issue 5 (a)): insert `text` as a system message in the conversation of notice.patientId.
  return text;
}
