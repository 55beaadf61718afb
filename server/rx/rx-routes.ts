// /api/rx and /api/deliveries: online controlled-substance signing (second factor verified here), the
// dispatcher's Deliveries list and courier assignment, the courier view's status updates. All audited.
import type { z } from 'zod';
import type { AppDeps } from '../http/deps';
import { actorOf, requirePrincipal } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { audit, auditPatientReads } from '../audit/audit-log';
import { badRequest, forbidden, notFound } from '../http/errors';
import { SignControlledBodySchema } from '../../shared/api/rx';
import { AssignCourierBodySchema, DeliveryIdParamsSchema, DeliveryStatusBodySchema } from '../../shared/api/deliveries';
import { checkTotp } from '../auth/totp';
import { signPrescription } from './prescription-service';
import { assignCourier, listCouriers, listDeliveries, updateDeliveryStatus } from './delivery-service';
import { loadEntity } from '../sync/entity-sources';

type Params = z.infer<typeof DeliveryIdParamsSchema>;

export function rxRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route<z.infer<typeof SignControlledBodySchema>>({
      method: 'POST', url: '/api/rx/sign-controlled', access: ['clinician'], phi: true, body: SignControlledBodySchema,
      handler: async ({ body, request }) => {
        const principal = requirePrincipal(request);
        const actor = actorOf(request);
        const now = deps.now();
        const { totpCode, ...args } = body;
        const result = await deps.db.transaction(async (tx) => {
          const { rows } = await tx.query<{ totp_secret: string | null; totp_enabled: boolean; totp_last_step: number | null }>(
            'SELECT totp_secret, totp_enabled, totp_last_step FROM users WHERE id = $1 FOR UPDATE', [principal.userId]);
          const user = rows[0];
          if (!user?.totp_enabled || !user.totp_secret) return { error: badRequest('Set up an authenticator app on your account before prescribing controlled substances.') };
          const step = checkTotp(user.totp_secret, totpCode, now.getTime(), user.totp_last_step === null ? null : Number(user.totp_last_step));
          if (step === null) return { error: badRequest('The authenticator code is not correct or was already used.', ['totpCode']) };
          await tx.query('UPDATE users SET totp_last_step = $2 WHERE id = $1', [principal.userId, step]);
          const out = await signPrescription(tx, principal, args, true, now);
          if (!out.ok) return { error: out.reason === 'forbidden' ? forbidden(out.message) : out.reason === 'not_found' ? notFound(out.message) : badRequest(out.message) };
          await audit(tx, actor, { action: 'rx.sign-controlled', outcome: 'allowed', patientId: out.patientId, resource: 'prescription', resourceId: out.prescriptionId });
          return { state: (await loadEntity(tx, 'prescription', out.prescriptionId))!.state };
        });
        if ('error' in result) {
          // Refusals happen before anything is written; an accepted code stays used (never accepted twice).
          await audit(deps.db, actor, { action: 'rx.sign-controlled', outcome: 'denied', patientId: args.patientId, resource: 'prescription', resourceId: args.prescriptionId });
          throw result.error;
        }
        return { prescription: result.state };
      },
    }),
    route({
      method: 'GET', url: '/api/deliveries', access: ['dispatcher', 'courier'], phi: true,
      handler: async ({ request }) => {
        const principal = requirePrincipal(request);
        const deliveries = await listDeliveries(deps.db, principal);
        await auditPatientReads(deps.db, actorOf(request), 'delivery.list', deliveries.map((d) => d.patientId), 'delivery');
        return { deliveries };
      },
    }),
    route({
      method: 'GET', url: '/api/couriers', access: ['dispatcher'],
      handler: async () => ({ couriers: await listCouriers(deps.db) }),
    }),
    route<z.infer<typeof AssignCourierBodySchema>, undefined, Params>({
      method: 'POST', url: '/api/deliveries/:id/assign', access: ['dispatcher'], phi: true, params: DeliveryIdParamsSchema, body: AssignCourierBodySchema,
      handler: async ({ body, params, request }) => {
        const principal = requirePrincipal(request);
        const delivery = await deps.db.transaction(async (tx) => {
          const view = await assignCourier(tx, principal, params.id, body);
          await audit(tx, actorOf(request), { action: 'delivery.assign', outcome: 'allowed', patientId: view.patientId, resource: 'delivery', resourceId: view.id });
          return view;
        });
        return { delivery };
      },
    }),
    route<z.infer<typeof DeliveryStatusBodySchema>, undefined, Params>({
      method: 'POST', url: '/api/deliveries/:id/status', access: ['dispatcher', 'courier'], phi: true, params: DeliveryIdParamsSchema, body: DeliveryStatusBodySchema,
      handler: async ({ body, params, request }) => {
        const principal = requirePrincipal(request);
        const delivery = await deps.db.transaction(async (tx) => {
          const view = await updateDeliveryStatus(tx, principal, params.id, body);
          await audit(tx, actorOf(request), {
            action: 'delivery.status', outcome: 'allowed', patientId: view.patientId, resource: 'delivery', resourceId: view.id, detail: { status: view.status },
          });
          return view;
        });
        return { delivery };
      },
    }),
  ];
}
