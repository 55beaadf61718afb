// The deliveries API (dispatcher's Deliveries list and the courier view): request and response schemas.
import { z } from 'zod';
import { DeliveryProofSchema, DeliveryStatusSchema, FailureReasonSchema } from '../domain/prescription';

export const DeliveryIdParamsSchema = z.strictObject({ id: z.uuid() });

export const AssignCourierBodySchema = z.strictObject({
  courierId: z.uuid(),
  /** The delivery version the dispatcher saw (compare-and-set: a stale one is refused with who won). */
  version: z.number().int().min(1),
});
export type AssignCourierBody = z.infer<typeof AssignCourierBodySchema>;

export const DeliveryStatusBodySchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('ready_for_pickup'), version: z.number().int().min(1) }),
  z.strictObject({ status: z.literal('picked_up'), version: z.number().int().min(1) }),
  z.strictObject({ status: z.literal('out_for_delivery'), version: z.number().int().min(1), eta: z.iso.datetime({ offset: true }) }),
  z.strictObject({ status: z.literal('delivered'), version: z.number().int().min(1), proof: DeliveryProofSchema }),
  z.strictObject({ status: z.literal('failed'), version: z.number().int().min(1), reason: FailureReasonSchema }),
  z.strictObject({ status: z.literal('returned'), version: z.number().int().min(1) }),
]);
export type DeliveryStatusBody = z.infer<typeof DeliveryStatusBodySchema>;

/** A delivery as the dispatcher and the assigned courier see it (PHI: audited on read). */
export const DeliveryViewSchema = z.object({
  id: z.uuid(),
  prescriptionId: z.uuid(),
  patientId: z.uuid(),
  patientName: z.string(),
  address: z.object({ line: z.string(), city: z.string(), state: z.string(), postalCode: z.string() }),
  drugName: z.string(),
  status: DeliveryStatusSchema,
  courierId: z.uuid().nullable(),
  courierName: z.string().nullable(),
  eta: z.string().nullable(),
  failureReason: FailureReasonSchema.nullable(),
  recipientName: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  attempt: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** The courier run on the dispatch board (its courier is assigned there), or null outside the service cities. */
  board: z.object({ requestId: z.uuid(), cityId: z.string(), date: z.string() }).nullable(),
});
export type DeliveryView = z.infer<typeof DeliveryViewSchema>;

export const DeliveryListResponseSchema = z.object({ deliveries: z.array(DeliveryViewSchema) });
export const DeliveryResponseSchema = z.object({ delivery: DeliveryViewSchema });

export const CourierOptionSchema = z.object({ id: z.uuid(), displayName: z.string(), activeDeliveries: z.number().int() });
export type CourierOption = z.infer<typeof CourierOptionSchema>;
export const CourierListResponseSchema = z.object({ couriers: z.array(CourierOptionSchema) });
