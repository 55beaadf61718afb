// The one place a delivery status reaches the patient's conversation: the PHI-free text (shared
// deliveryStatusMessage: no drug, no address) is posted as a system message inside the delivery's transaction,
// so it commits with the status change and disappears with a refused one.
import type { Queryable } from '../db/database';
import type { DeliveryStatus } from '../../shared/domain/prescription';
import { deliveryStatusMessage } from '../../shared/rules/delivery-status';
import { postSystemMessage } from '../chat/system-messages';

export interface DeliveryChatNotice {
  patientId: string;
  deliveryId: string;
  status: DeliveryStatus;
}

/** Posts the status message to the patient's care conversation; returns the text posted, or null for none. */
export async function postDeliveryStatusToChat(tx: Queryable, notice: DeliveryChatNotice): Promise<string | null> {
  const text = deliveryStatusMessage(notice.status);
  if (!text) return null;
  await postSystemMessage(tx, notice.patientId, text);
  return text;
}
