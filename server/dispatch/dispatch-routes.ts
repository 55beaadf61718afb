// /api/dispatch: service cities, the field staff on shift for a city's day (no patient data), and creating a
// field request (patient data: audited, dispatchers only). Requests themselves reach the board through sync.
import type { z } from 'zod';
import type { AppDeps } from '../http/deps';
import { actorOf } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { badRequest, notFound } from '../http/errors';
import { audit } from '../audit/audit-log';
import type { DispatchCity, DispatchStaffResponse } from '../../shared/domain/dispatch';
import { DispatchDayQuerySchema, parseCreateFieldRequest } from '../../shared/domain/dispatch';
import { loadFieldStaff } from './dispatch-data';
import { FieldRequestError, createFieldRequest } from './field-requests';

interface CityRow { id: string; name: string; state: DispatchCity['state']; time_zone: string; latitude: number; longitude: number }
const toCity = (r: CityRow): DispatchCity => ({ id: r.id, name: r.name, state: r.state, timeZone: r.time_zone, latitude: Number(r.latitude), longitude: Number(r.longitude) });

export function dispatchRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route({
      method: 'GET', url: '/api/dispatch/cities', access: ['dispatcher'],
      handler: async () => {
        const { rows } = await deps.db.query<CityRow>('SELECT id, name, state, time_zone, latitude, longitude FROM cities WHERE in_person ORDER BY name');
        return { cities: rows.map(toCity) };
      },
    }),
    route<undefined, z.infer<typeof DispatchDayQuerySchema>>({
      method: 'GET', url: '/api/dispatch/staff', access: ['dispatcher'], query: DispatchDayQuerySchema,
      handler: async ({ query }): Promise<DispatchStaffResponse> => {
        const { rows } = await deps.db.query<CityRow>('SELECT id, name, state, time_zone, latitude, longitude FROM cities WHERE id = $1', [query.cityId]);
        if (!rows[0]) throw notFound('No such city.');
        return { city: toCity(rows[0]), date: query.date, staff: await loadFieldStaff(deps.db, query.cityId, query.date) };
      },
    }),
    route({
      // The body is parsed with CreateFieldRequestSchema below, for messages that name the broken rule.
      method: 'POST', url: '/api/dispatch/requests', access: ['dispatcher'], phi: true,
      handler: async ({ request, reply }) => {
        const actor = actorOf(request);
        const parsed = parseCreateFieldRequest(request.body);
        if (!parsed.ok) throw badRequest(parsed.message, parsed.fields);
        const body = parsed.value;
        try {
          const id = await deps.db.transaction(async (tx) => {
            const created = await createFieldRequest(tx, body);
            await audit(tx, actor, { action: 'field_request.create', patientId: body.patientId, resource: 'field_request', resourceId: created, outcome: 'allowed' });
            return created;
          });
          reply.code(201);
          return { id };
        } catch (error) {
          if (error instanceof FieldRequestError) {
            await audit(deps.db, actor, { action: 'field_request.create', patientId: null, resource: 'field_request', outcome: 'failed', detail: { reason: error.code } });
            throw error.code === 'not_found' ? notFound(error.message) : badRequest(error.message);
          }
          throw error;
        }
      },
    }),
  ];
}
