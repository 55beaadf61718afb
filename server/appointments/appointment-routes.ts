// /api/appointments: the caller's schedule for a time range (clinicians: their own; dispatchers: home visits).
import type { z } from 'zod';
import { AppointmentRangeQuerySchema } from '../../shared/api/clinical';
import type { Appointment } from '../../shared/domain/appointment';
import type { AppDeps } from '../http/deps';
import { actorOf, requirePrincipal } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { auditPatientReads } from '../audit/audit-log';

interface AppointmentRow {
  id: string; patient_id: string; clinician_id: string; kind: Appointment['kind']; status: Appointment['status'];
  starts_at: Date; ends_at: Date; reason: string; city_id: string | null; version: number;
  given_name: string; family_name: string; location_state: Appointment['patientLocationState'];
}

export function appointmentRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route<undefined, z.infer<typeof AppointmentRangeQuerySchema>>({
      method: 'GET', url: '/api/appointments', access: ['clinician', 'dispatcher'], phi: true, query: AppointmentRangeQuerySchema,
      handler: async ({ query, request }) => {
        const principal = requirePrincipal(request);
        const scope = principal.role === 'clinician' ? 'a.clinician_id = $1' : `a.kind = 'home' AND $1::uuid IS NOT NULL`;
        const { rows } = await deps.db.query<AppointmentRow>(
          `SELECT a.id, a.patient_id, a.clinician_id, a.kind, a.status, a.starts_at, a.ends_at, a.reason, a.city_id, a.version,
                  p.given_name, p.family_name, p.location_state
             FROM appointments a JOIN patients p ON p.id = a.patient_id
            WHERE ${scope} AND a.starts_at < $3 AND a.ends_at > $2
            ORDER BY a.starts_at LIMIT 2000`,
          [principal.userId, query.from, query.to],
        );
        await auditPatientReads(deps.db, actorOf(request), 'appointment.list', rows.map((r) => r.patient_id), 'appointment');
        const appointments: Appointment[] = rows.map((r) => ({
          id: r.id, patientId: r.patient_id, clinicianId: r.clinician_id, kind: r.kind, status: r.status,
          startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(), reason: r.reason, cityId: r.city_id,
          version: r.version, patientName: `${r.given_name} ${r.family_name}`, patientLocationState: r.location_state,
        }));
        return { appointments };
      },
    }),
  ];
}
