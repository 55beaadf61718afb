// Diagnoses for a note's Assessment, picked by searching the ICD-10-CM code list kept on this device (by code
// prefix or by words), so it works offline. Chosen codes are listed with a remove button each.
import { useDeferredValue, useId, useState } from 'react';
import type { NoteDiagnosis } from '../../../shared/domain/note';
import { MAX_NOTE_DIAGNOSES } from '../../../shared/domain/note';
import { useIcd10Index } from '../../data';
import { Button, TextField } from '../../ui';

export interface DiagnosisPickerProps {
  diagnoses: readonly NoteDiagnosis[];
  readOnly: boolean;
  onChange: (next: NoteDiagnosis[]) => void;
}

const RESULTS = 12;

export function DiagnosisPicker({ diagnoses, readOnly, onChange }: DiagnosisPickerProps) {
  const index = useIcd10Index();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const resultsId = useId();
  const chosen = new Set(diagnoses.map((d) => d.code));
  const results = index && deferred.trim() ? index.search(deferred, RESULTS) : [];
  const full = diagnoses.length >= MAX_NOTE_DIAGNOSES;

  return (
    <fieldset className="hc-note__diagnoses">
      <legend>Diagnoses (ICD-10-CM)</legend>
      {diagnoses.length === 0 ? (
        <p className="hc-muted">No diagnoses chosen.</p>
      ) : (
        <ul className="hc-list" aria-label="Chosen diagnoses">
          {diagnoses.map((d) => (
            <li key={d.code}>
              <span className="hc-mono">{d.code}</span> {d.description}{' '}
              {readOnly ? null : (
                <Button variant="quiet" aria-label={`Remove diagnosis ${d.code}`} onClick={() => onChange(diagnoses.filter((x) => x.code !== d.code))}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <>
          <TextField
            label="Search diagnoses"
            type="search"
            autoComplete="off"
            hint={
              index === null
                ? 'The code list is not on this device yet; it downloads when the care server can be reached.'
                : index === undefined
                  ? 'Loading the code list on this device…'
                  : 'A code (J06) or words (urinary infection).'
            }
            value={query}
            aria-controls={resultsId}
            onChange={(event) => setQuery(event.target.value)}
          />
          <ul id={resultsId} className="hc-list hc-note__results" aria-label="Diagnosis search results" aria-live="polite">
            {results.map((r) => (
              <li key={r.code}>
                <Button
                  variant="quiet"
                  disabled={chosen.has(r.code) || full}
                  aria-label={`Add diagnosis ${r.code} ${r.description}`}
                  onClick={() => {
                    onChange([...diagnoses, { code: r.code, description: r.description }]);
                    setQuery('');
                  }}
                >
                  <span className="hc-mono">{r.code}</span> {r.description}
                </Button>
              </li>
            ))}
          </ul>
          {deferred.trim() && index && results.length === 0 ? <p className="hc-muted">No matching codes.</p> : null}
        </>
      )}
    </fieldset>
  );
}
