// The chart's history sections from the local cache: recent encounters (Housecall visits and imported ones),
// the patient's notes with their signing state, and the vitals history as a table.
import type { LocalEncounter, LocalNote, LocalVital } from '../../data';
import { Badge, Table, formatDayAndClock, formatTimestamp } from '../../ui';
import { ENCOUNTER_CLASSES } from '../../../shared/domain/encounter';
import { VITAL_SIGNS } from '../../../shared/domain/vitals';

const UNIT_TEXT: Readonly<Record<string, string>> = {
  'mm[Hg]': 'mmHg', '/min': '/min', Cel: '°C', '[degF]': '°F', '%': '%', kg: 'kg', g: 'g', '[lb_av]': 'lb', cm: 'cm', '[in_i]': 'in', 'kg/m2': 'kg/m²',
};
const SHORT_NAME: Readonly<Record<string, string>> = {
  height: 'Height', weight: 'Weight', bmi: 'BMI', blood_pressure: 'Blood pressure', heart_rate: 'Heart rate', respiratory_rate: 'Respiratory rate',
  temperature: 'Temperature', oxygen_saturation: 'SpO2', head_circumference: 'Head circumference',
};

const vitalName = (v: LocalVital): string => {
  const def = VITAL_SIGNS.find((d) => d.loinc === v.loincCode);
  return def ? (SHORT_NAME[def.key] ?? def.display) : v.display;
};
const trimNumber = (text: string): string => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);
const vitalValue = (v: LocalVital): string => {
  const unit = UNIT_TEXT[v.unit] ?? v.unit;
  if (v.systolic !== null && v.diastolic !== null) return `${trimNumber(v.systolic)}/${trimNumber(v.diastolic)} ${unit}`;
  return `${v.value === null ? '—' : trimNumber(v.value)} ${unit}`;
};

export function VitalsHistory({ vitals, timeZone, limit = 50 }: { vitals: readonly LocalVital[]; timeZone: string; limit?: number }) {
  const shown = vitals.slice(0, limit);
  return (
    <>
      <Table<LocalVital>
        caption="Vitals history"
        captionHidden
        columns={[
          { key: 'when', header: 'Taken', rowHeader: true, render: (v) => <time dateTime={v.effectiveAt}>{formatTimestamp(v.effectiveAt, timeZone)}</time> },
          { key: 'what', header: 'Measurement', render: vitalName },
          { key: 'value', header: 'Value', render: vitalValue },
          { key: 'source', header: 'Source', render: (v) => (v.noteId ? 'Signed note' : v.encounterId ? 'Imported visit' : 'Imported record') },
        ]}
        rows={shown}
        rowKey={(v) => v.id}
        empty="No vitals recorded."
      />
      {vitals.length > shown.length ? <p className="hc-muted">{vitals.length - shown.length} older measurements not shown.</p> : null}
    </>
  );
}

export function EncounterList({ encounters, timeZone, limit = 10 }: { encounters: readonly LocalEncounter[]; timeZone: string; limit?: number }) {
  if (encounters.length === 0) return <p className="hc-muted">No encounters recorded.</p>;
  return (
    <ul className="hc-list">
      {encounters.slice(0, limit).map((e) => (
        <li key={e.id}>
          {e.startsAt ? <time dateTime={e.startsAt}>{formatDayAndClock(e.startsAt, timeZone)}</time> : 'Date not recorded'} ·{' '}
          {ENCOUNTER_CLASSES[e.classCode] ?? e.classCode} · {e.type?.display ?? e.reason?.display ?? 'Visit'}
          {e.practitionerName ? <span className="hc-muted"> · {e.practitionerName}</span> : null}
          {e.source === 'fhir_import' ? <span className="hc-muted"> · imported</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function NoteList({ notes, timeZone }: { notes: readonly LocalNote[]; timeZone: string }) {
  if (notes.length === 0) return <p className="hc-muted">No notes on this device.</p>;
  return (
    <ul className="hc-list">
      {notes.map((n) => (
        <li key={n.id}>
          {n.status === 'signed' ? (
            <Badge tone={n.pending ? 'warn' : 'ok'}>{n.pending ? 'Signed — waiting to sync' : 'Signed'}</Badge>
          ) : (
            <Badge tone="info">Draft</Badge>
          )}{' '}
          <time dateTime={n.signedAt ?? n.updatedAt}>{formatDayAndClock(n.signedAt ?? n.updatedAt, timeZone)}</time>
          {(n.sections.diagnoses ?? []).length > 0 ? <span className="hc-mono"> · {(n.sections.diagnoses ?? []).map((d) => d.code).join(', ')}</span> : null}
          {n.sections.assessment ? <span> · {n.sections.assessment.slice(0, 120)}</span> : null}
          {(n.addenda ?? []).length > 0 ? <span className="hc-muted"> · {(n.addenda ?? []).length === 1 ? '1 addendum' : `${(n.addenda ?? []).length} addenda`}</span> : null}
        </li>
      ))}
    </ul>
  );
}
