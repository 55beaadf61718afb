// The chart entities that travel and are cached together with their patient: a first sync sends them right
// after their patient (patient-major snapshot pages), and the device stores a patient and these as one record.
import type { EntityName } from './protocol';

/** Sent right after their patient in a first sync's snapshot. */
export const PATIENT_CHART_ENTITIES = ['allergy', 'medication', 'problem', 'encounter', 'vital'] as const;
/** Cached in one record per patient on the device: the patient and their chart entities. */
export const CHART_GROUP_ENTITIES = ['patient', ...PATIENT_CHART_ENTITIES] as const;
export type ChartGroupEntity = (typeof CHART_GROUP_ENTITIES)[number];

const SENT_WITH_PATIENT: ReadonlySet<string> = new Set(PATIENT_CHART_ENTITIES);
const GROUPED: ReadonlySet<string> = new Set(CHART_GROUP_ENTITIES);

/** Whether a first sync sends the entity with its patient (not in its own pages). */
export function isSentWithPatient(entity: EntityName | string): boolean {
  return SENT_WITH_PATIENT.has(entity);
}

/** Whether an entity is cached in its patient's chart group (rather than in a table of its own). */
export function isChartGroupEntity(entity: EntityName | string): entity is ChartGroupEntity {
  return GROUPED.has(entity);
}
