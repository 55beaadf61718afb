// Prescriptions (append-only: signed, then cancelled or superseded by a new one) and their deliveries to the
// patient's door, with the zod schemas of what a clinician enters and what the server sends back.
import { z } from 'zod';
import type { DeaScheduleSchema } from '../rx/formulary';
import { RxcuiSchema } from '../rx/formulary';

export const ROUTES = ['oral', 'sublingual', 'topical', 'transdermal', 'inhaled', 'nasal', 'ophthalmic', 'otic', 'vaginal', 'rectal', 'subcutaneous', 'intramuscular'] as const;
export const RouteSchema = z.enum(ROUTES);

/** Largest quantity a single prescription may dispense (anything more is refused as absurd). */
export const MAX_QUANTITY = 1000;
export const MAX_REFILLS = 11;
export const MAX_DAYS_SUPPLY = 365;

export const SigSchema = z.strictObject({
  dose: z.string().trim().min(1, 'the dose is missing').max(40),
  route: RouteSchema,
  frequency: z.string().trim().min(1, 'the frequency is missing').max(60),
  durationDays: z.number().int('the duration must be whole days').min(1, 'the duration is missing').max(MAX_DAYS_SUPPLY),
});
export type Sig = z.infer<typeof SigSchema>;

export const RxOrderSchema = z.strictObject({
  rxcui: RxcuiSchema,
  sig: SigSchema,
  quantity: z.number().positive('the quantity must be more than zero').max(MAX_QUANTITY, `the quantity cannot be more than ${MAX_QUANTITY}`),
  quantityUnit: z.string().trim().min(1).max(30),
  refills: z.number().int().min(0).max(MAX_REFILLS, `at most ${MAX_REFILLS} refills`),
  daysSupply: z.number().int().min(1, "the days' supply is missing").max(MAX_DAYS_SUPPLY),
  substitutionAllowed: z.boolean(),
  pharmacyNote: z.string().trim().max(500),
});
export type RxOrder = z.infer<typeof RxOrderSchema>;

/** A warning the prescriber chose to override, with the reason they gave (kept with the prescription). */
export const OverrideSchema = z.strictObject({
  key: z.string().min(1).max(120),
  reason: z.string().trim().min(5, 'give a reason of at least 5 characters').max(500),
});
export type Override = z.infer<typeof OverrideSchema>;

export const FINDING_KINDS = ['allergy', 'interaction', 'duplicate', 'licensure', 'controlled', 'order'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export type FindingSeverity = 'hard_stop' | 'warning';

export interface SafetyFinding {
  /** Stable within one prescription (an override names it). */
  key: string;
  kind: FindingKind;
  severity: FindingSeverity;
  message: string;
}

export const PrescriptionStatusSchema = z.enum(['active', 'cancelled', 'superseded']);
export type PrescriptionStatus = z.infer<typeof PrescriptionStatusSchema>;

export const DELIVERY_STATUSES = ['pharmacy_fill', 'ready_for_pickup', 'picked_up', 'out_for_delivery', 'delivered', 'failed', 'returned', 'cancelled'] as const;
export const DeliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const FAILURE_REASONS = ['not_home', 'wrong_address', 'refused'] as const;
export const FailureReasonSchema = z.enum(FAILURE_REASONS);
export type FailureReason = z.infer<typeof FailureReasonSchema>;

export const DeliveryProofSchema = z
  .strictObject({
    recipientName: z.string().trim().min(1, 'the recipient name is missing').max(120),
    deliveredAt: z.iso.datetime({ offset: true }),
    photoRef: z.string().trim().min(1).max(200).nullable(),
    signatureRef: z.string().trim().min(1).max(200).nullable(),
  })
  .refine((p) => p.photoRef !== null || p.signatureRef !== null, 'a photo or signature reference is required');
export type DeliveryProof = z.infer<typeof DeliveryProofSchema>;

/** The wire form of a prescription (synced to the prescriber's and care team's devices). */
export interface Prescription {
  id: string;
  patientId: string;
  appointmentId: string | null;
  prescriberId: string;
  prescriberName: string;
  rxcui: string;
  drugName: string;
  schedule: z.infer<typeof DeaScheduleSchema>;
  order: RxOrder;
  overrides: Array<Override & { kind: FindingKind; message: string }>;
  status: PrescriptionStatus;
  supersedesId: string | null;
  supersededById: string | null;
  cancelReason: string | null;
  signedAt: string;
  /** SHA-256 of the signed content (hex), shown on the printed prescription. */
  contentHash: string;
  delivery: { id: string; status: DeliveryStatus; eta: string | null; failureReason: FailureReason | null; recipientName: string | null; deliveredAt: string | null; attempt: number } | null;
  version: number;
}

/** A task in a clinician's inbox (e.g. a delivery that failed). */
export interface InboxTask {
  id: string;
  patientId: string;
  kind: 'delivery_failed';
  prescriptionId: string | null;
  title: string;
  status: 'open' | 'done';
  createdAt: string;
  version: number;
}
