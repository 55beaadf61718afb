// The cached patients with a search box (name, date of birth, phone); a patient's name opens their chart.
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import type { LocalPatient } from '../../data';
import type { Column } from '../../ui';
import { Badge, EmptyState, Table, TextField, formatCalendarDate } from '../../ui';
import { ageOn, fullName, searchPatients, SEX_WORDS } from './patient-search';

const SHOWN_AT_MOST = 100;

export interface PatientListProps {
  patients: LocalPatient[] | undefined;
  query: string;
  today: string;
  returnFocusTo: string | null;
  /** The first sync is still running: the list may still be filling in. */
  downloading: boolean;
  onQuery: (query: string) => void;
  onOpen: (patientId: string) => void;
}

function NameButton({ patient, focus, onOpen }: { patient: LocalPatient; focus: boolean; onOpen: (id: string) => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <button ref={ref} type="button" className="hc-link-button" onClick={() => onOpen(patient.id)}>
      {fullName(patient)}
    </button>
  );
}

export function PatientList({ patients, query, today, returnFocusTo, downloading, onQuery, onOpen }: PatientListProps) {
  const deferredQuery = useDeferredValue(query);
  const matches = useMemo(() => (patients ? searchPatients(patients, deferredQuery) : undefined), [patients, deferredQuery]);

  const columns: readonly Column<LocalPatient>[] = [
    { key: 'name', header: 'Name', rowHeader: true, render: (p) => <NameButton patient={p} focus={returnFocusTo === p.id} onOpen={onOpen} /> },
    { key: 'dob', header: 'Date of birth', className: 'hc-nowrap', render: (p) => <time dateTime={p.birthDate}>{formatCalendarDate(p.birthDate, 'medium')}</time> },
    { key: 'age', header: 'Age', render: (p) => ageOn(p.birthDate, today) },
    { key: 'sex', header: 'Sex', render: (p) => SEX_WORDS[p.sex] },
    { key: 'phone', header: 'Phone', className: 'hc-nowrap', render: (p) => p.phone ?? '—' },
    { key: 'state', header: 'Located in', render: (p) => p.locationState },
    { key: 'sync', header: 'Sync', render: (p) => (p.pending ? <Badge tone="warn">Pending sync</Badge> : null) },
  ];

  let summary = '';
  if (matches && patients) {
    const noun = (n: number): string => (n === 1 ? '1 patient' : `${n.toLocaleString()} patients`);
    summary = deferredQuery.trim() === '' ? `${noun(patients.length)} on this device${downloading ? ' so far; still downloading' : ''}.` : `${noun(matches.length)} match “${deferredQuery.trim()}”.`;
    if (matches.length > SHOWN_AT_MOST) summary += ` Showing the first ${SHOWN_AT_MOST}; refine the search to see others.`;
  }

  return (
    <div className="hc-stack hc-patients">
      <div className="hc-search" role="search">
        <TextField
          label="Search patients"
          hint="Name, date of birth (YYYY-MM-DD or MM/DD/YYYY), or phone number."
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => onQuery(event.target.value)}
        />
      </div>
      <p role="status" className="hc-muted">
        {summary}
      </p>
      {matches === undefined ? (
        <p className="hc-loading">Loading patients…</p>
      ) : patients && patients.length === 0 ? (
        <EmptyState title={downloading ? 'Your patients are still downloading.' : 'No patients on this device yet.'}>Patients on your panel appear here after the first sync.</EmptyState>
      ) : (
        <Table caption="Patients" captionHidden columns={columns} rows={matches.slice(0, SHOWN_AT_MOST)} rowKey={(p) => p.id} empty="No patients match this search." />
      )}
    </div>
  );
}
