// Admin "FHIR import": pick a FHIR R4 Bundle JSON file and import it through the admin import route; shows the
// counts per resource type (created / updated / unchanged / unsupported / rejected) or the clear validation error.
import { useId, useState } from 'react';
import type { ImportReport } from '../../../shared/fhir/import-report';
import { importFhirBundle } from '../../platform';
import type { Column } from '../../ui';
import { Alert, Button, Table } from '../../ui';
import type { ImportSummaryRow } from './import-summary';
import { importSummaryRows, rejectionLines, totals } from './import-summary';

type ImportState =
  | { status: 'idle' }
  | { status: 'importing'; fileName: string }
  | { status: 'done'; fileName: string; report: ImportReport }
  | { status: 'error'; fileName: string; message: string };

const COLUMNS: readonly Column<ImportSummaryRow>[] = [
  { key: 'type', header: 'Resource type', rowHeader: true, render: (r) => r.resourceType },
  { key: 'created', header: 'Created', render: (r) => r.created },
  { key: 'updated', header: 'Updated', render: (r) => r.updated },
  { key: 'unchanged', header: 'Unchanged', render: (r) => r.unchanged },
  { key: 'unsupported', header: 'Not supported', render: (r) => r.unsupported },
  { key: 'rejected', header: 'Rejected', render: (r) => r.rejected },
];

/** Largest file read (the server accepts bundles up to 20 MiB). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function FhirImportWorkspace() {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const run = async (): Promise<void> => {
    if (!file) return;
    const fileName = file.name;
    if (file.size > MAX_FILE_BYTES) {
      setState({ status: 'error', fileName, message: 'The file is larger than 20 MB; split the bundle or use npm run fhir:import on the server.' });
      return;
    }
    setState({ status: 'importing', fileName });
    let bundle: unknown;
    try {
      bundle = JSON.parse(await file.text());
    } catch {
      setState({ status: 'error', fileName, message: 'The file is not valid JSON, so it cannot be a FHIR Bundle. Nothing was imported.' });
      return;
    }
    const result = await importFhirBundle(bundle);
    if (result.ok) setState({ status: 'done', fileName, report: result.value });
    else {
      const unreachable = result.error.code === 'network_error' || result.error.code === 'timeout' || result.error.code === 'unavailable';
      setState({ status: 'error', fileName, message: unreachable ? 'The Housecall server cannot be reached; nothing was imported. Try again when you are online.' : `Nothing was imported: ${result.error.message}` });
    }
  };

  const rows = state.status === 'done' ? importSummaryRows(state.report) : [];
  const sum = totals(rows);

  return (
    <div className="hc-stack">
      <h2>Import a FHIR R4 Bundle</h2>
      <p className="hc-muted">
        A transaction or collection Bundle with Patient, Encounter, Condition, AllergyIntolerance, MedicationRequest, MedicationStatement, Observation
        (vital signs) and Practitioner resources. Importing the same bundle again changes nothing; other resource types are counted as not supported.
      </p>
      <div className="hc-field">
        <label className="hc-field__label" htmlFor={inputId}>
          Bundle file (JSON)
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json,application/fhir+json"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setState({ status: 'idle' });
          }}
        />
      </div>
      <div>
        <Button variant="primary" onClick={() => void run()} disabled={!file} busy={state.status === 'importing'}>
          Import bundle
        </Button>
      </div>
      {state.status === 'importing' ? (
        <p role="status" className="hc-loading">
          Importing {state.fileName}…
        </p>
      ) : null}
      {state.status === 'error' ? <Alert title={`Import of ${state.fileName} failed`}>{state.message}</Alert> : null}
      {state.status === 'done' ? (
        <section className="hc-stack" aria-label="Import result">
          <p role="status">
            Imported {state.fileName} ({state.report.bundleType} bundle, {state.report.entries} entries): {sum.created} created, {sum.updated} updated, {sum.unchanged} unchanged,{' '}
            {sum.unsupported} not supported, {sum.rejected} rejected; {state.report.patientIds.length === 1 ? '1 patient' : `${state.report.patientIds.length} patients`}.
          </p>
          <Table caption="Resources by type" columns={COLUMNS} rows={rows} rowKey={(r) => r.resourceType} empty="The bundle held no resources." />
          {state.report.rejected.length > 0 ? (
            <Alert tone="info" title="Resources not imported">
              <ul>
                {rejectionLines(state.report).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
