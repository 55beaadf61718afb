// FHIR R4 routes: an admin imports a Bundle (POST /api/admin/fhir/import), and a clinician exports a patient
// on their care team as a Bundle (GET /api/fhir/Patient/:id/$everything). Both are audited per patient.
import type { z } from 'zod';
import { PatientIdParamsSchema } from '../../shared/api/clinical';
import { ImportQuerySchema } from '../../shared/fhir/import-report';
import type { AppDeps } from '../http/deps';
import { HttpError } from '../http/errors';
import { actorOf, requirePrincipal } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { audit } from '../audit/audit-log';
import { canSeePatient } from '../auth/patient-access';
import { importBundle } from './import/import-bundle';
import { exportPatientEverything } from './export/export-patient';

/** Synthea bundles run to several MB (the 12 samples: 0.4-0.75 MB; full histories 5-10 MB). */
export const FHIR_IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
/** At most this many issues are sent back for a rejected bundle. */
const MAX_ISSUES = 50;

export function fhirRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route<undefined, z.infer<typeof ImportQuerySchema>>({
      method: 'POST', url: '/api/admin/fhir/import', access: ['admin'], phi: true, query: ImportQuerySchema, bodyLimit: FHIR_IMPORT_BODY_LIMIT_BYTES,
      handler: async ({ query, request }) => {
        // The body is the bundle itself: it is validated by the importer, which names what is wrong without echoing values.
        const outcome = await importBundle(deps.db, request.body, { actor: actorOf(request), ...(query.source ? { sourceSystem: query.source } : {}) });
        if (!outcome.ok) {
          const issues = outcome.issues.slice(0, MAX_ISSUES);
          const shown = issues.slice(0, 3).map((i) => `${i.path} ${i.message}`).join('; ');
          throw new HttpError(400, 'validation_failed', `${outcome.message} ${shown}${outcome.issues.length > 3 ? '; ...' : ''}`, issues.map((i) => `${i.path}: ${i.message}`));
        }
        return outcome.report;
      },
    }),
    route<undefined, undefined, z.infer<typeof PatientIdParamsSchema>>({
      method: 'GET', url: '/api/fhir/Patient/:id/$everything', access: ['clinician'], phi: true, params: PatientIdParamsSchema,
      handler: async ({ params, request, reply }) => {
        const principal = requirePrincipal(request);
        const event = { action: 'patient.export', patientId: params.id, resource: 'patient', resourceId: params.id };
        const exported = (await canSeePatient(deps.db, principal, params.id)) ? await exportPatientEverything(deps.db, params.id, deps.now()) : null;
        if (!exported) {
          await audit(deps.db, actorOf(request), { ...event, outcome: 'denied' });
          throw new HttpError(404, 'not_found', 'No patient with that id is available to you.');
        }
        await audit(deps.db, actorOf(request), { ...event, outcome: 'allowed', detail: { resources: exported.resources } });
        reply.type('application/fhir+json');
        return exported.bundle;
      },
    }),
  ];
}
