// /api/patients: search within the caller's scope and read one chart; every read is audited per patient.
import type { z } from 'zod';
import { PatientIdParamsSchema, PatientSearchQuerySchema } from '../../shared/api/clinical';
import type { AppDeps } from '../http/deps';
import { HttpError } from '../http/errors';
import { actorOf, requirePrincipal } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { audit, auditPatientReads } from '../audit/audit-log';
import { getPatientChart, searchPatients } from './patient-repository';

const CHART_ROLES = ['clinician', 'dispatcher'] as const;

export function patientRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route<undefined, z.infer<typeof PatientSearchQuerySchema>>({
      method: 'GET', url: '/api/patients', access: CHART_ROLES, phi: true, query: PatientSearchQuerySchema,
      handler: async ({ query, request }) => {
        const principal = requirePrincipal(request);
        const patients = await searchPatients(deps.db, principal, query.q, query.limit);
        await auditPatientReads(deps.db, actorOf(request), 'patient.search', patients.map((p) => p.id), 'patient');
        return { patients };
      },
    }),
    route<undefined, undefined, z.infer<typeof PatientIdParamsSchema>>({
      method: 'GET', url: '/api/patients/:id', access: CHART_ROLES, phi: true, params: PatientIdParamsSchema,
      handler: async ({ params, request }) => {
        const principal = requirePrincipal(request);
        const chart = await getPatientChart(deps.db, principal, params.id);
        if (!chart) {
          // Same answer whether the patient does not exist or is out of scope: ids reveal nothing.
          await audit(deps.db, actorOf(request), { action: 'patient.read', outcome: 'denied', patientId: params.id, resource: 'patient', resourceId: params.id });
          throw new HttpError(404, 'not_found', 'No patient with that id is available to you.');
        }
        await audit(deps.db, actorOf(request), { action: 'patient.read', outcome: 'allowed', patientId: params.id, resource: 'patient', resourceId: params.id });
        return chart;
      },
    }),
  ];
}
