// Calls of /api/rx and /api/deliveries: controlled-substance signing (online, with a TOTP code), the
// dispatcher's Deliveries list and courier assignment, and the courier's status updates.
import { SignControlledResponseSchema } from '../../shared/api/rx';
import type { SignControlledBody } from '../../shared/api/rx';
import { CourierListResponseSchema, DeliveryListResponseSchema, DeliveryResponseSchema } from '../../shared/api/deliveries';
import type { AssignCourierBody, CourierOption, DeliveryStatusBody, DeliveryView } from '../../shared/api/deliveries';
import type { EntityState } from '../../shared/sync/protocol';
import { apiRequest } from './api-client';
import type { Result } from './result';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export async function signControlledPrescription(body: SignControlledBody): Promise<Result<EntityState>> {
  const r = await apiRequest({ method: 'POST', path: '/api/rx/sign-controlled', body, schema: SignControlledResponseSchema });
  return r.ok ? { ok: true, value: r.value.prescription } : r;
}

export async function listDeliveries(signal?: AbortSignal): Promise<Result<DeliveryView[]>> {
  const r = await apiRequest({ path: '/api/deliveries', schema: DeliveryListResponseSchema, ...withSignal(signal) });
  return r.ok ? { ok: true, value: r.value.deliveries } : r;
}

export async function listCouriers(signal?: AbortSignal): Promise<Result<CourierOption[]>> {
  const r = await apiRequest({ path: '/api/couriers', schema: CourierListResponseSchema, ...withSignal(signal) });
  return r.ok ? { ok: true, value: r.value.couriers } : r;
}

export async function assignDeliveryCourier(deliveryId: string, body: AssignCourierBody): Promise<Result<DeliveryView>> {
  const r = await apiRequest({ method: 'POST', path: `/api/deliveries/${encodeURIComponent(deliveryId)}/assign`, body, schema: DeliveryResponseSchema });
  return r.ok ? { ok: true, value: r.value.delivery } : r;
}

export async function updateDeliveryStatus(deliveryId: string, body: DeliveryStatusBody): Promise<Result<DeliveryView>> {
  const r = await apiRequest({ method: 'POST', path: `/api/deliveries/${encodeURIComponent(deliveryId)}/status`, body, schema: DeliveryResponseSchema });
  return r.ok ? { ok: true, value: r.value.delivery } : r;
}
