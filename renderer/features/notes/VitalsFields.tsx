// The structured vital signs of a note's Objective section: one labelled field per measurement, kept as typed
// (autosaved) and checked against the shared ranges as the clinician types.
import type { DraftVitals, NoteVitalField } from '../../../shared/domain/note-vitals';
import { NOTE_VITAL_FIELDS, VITAL_FIELD_RULES } from '../../../shared/domain/note-vitals';
import { TextField } from '../../ui';

export interface VitalsFieldsProps {
  vitals: DraftVitals;
  errors: Partial<Record<NoteVitalField, string>>;
  readOnly: boolean;
  onChange: (next: DraftVitals) => void;
  onBlur: () => void;
}

export function VitalsFields({ vitals, errors, readOnly, onChange, onBlur }: VitalsFieldsProps) {
  return (
    <fieldset className="hc-note__vitals">
      <legend>Vital signs</legend>
      {NOTE_VITAL_FIELDS.map((field) => {
        const rule = VITAL_FIELD_RULES[field];
        return (
          <TextField
            key={field}
            label={`${rule.label} (${rule.unitText})`}
            name={`vitals.${field}`}
            inputMode="decimal"
            autoComplete="off"
            maxLength={12}
            size={6}
            readOnly={readOnly}
            value={vitals[field] ?? ''}
            error={errors[field] ?? null}
            onChange={(event) => onChange({ ...vitals, [field]: event.target.value })}
            onBlur={onBlur}
          />
        );
      })}
    </fieldset>
  );
}
