// The clinician's "Patients" workspace: search the patients cached on this device and open a chart.
import type { User } from '../../../shared/domain/user';
import { Button, EmptyState, useNow } from '../../ui';
import { usePatientChart, usePatients } from '../../data';
import { todayIn } from '../schedule';
import { useEffectiveSyncStatus } from '../sync-status';
import { PatientChart } from './PatientChart';
import { PatientList } from './PatientList';
import { closeChart, openChart, setPatientQuery, usePatientsStore } from './patients-store';

function ChartLoader({ patientId, user, now, onMessagePatient }: { patientId: string; user: User; now: number; onMessagePatient?: (patientId: string) => void }) {
  const chart = usePatientChart(patientId);
  if (chart === undefined) {
    return (
      <p role="status" className="hc-loading">
        Opening the chart…
      </p>
    );
  }
  if (chart === null) {
    return (
      <div className="hc-stack">
        <EmptyState title="This patient is not available on this device.">They may no longer be on your panel.</EmptyState>
        <Button onClick={closeChart}>Back to patients</Button>
      </div>
    );
  }
  return (
    <PatientChart chart={chart} today={todayIn(user.timeZone, now)} timeZone={user.timeZone} nowMs={now} userId={user.id} onBack={closeChart} canSendQueueLink={user.role === 'clinician'}
      onMessage={onMessagePatient ? () => onMessagePatient(patientId) : undefined} />
  );
}

export function PatientsWorkspace({ user, onMessagePatient }: { user: User; onMessagePatient?: (patientId: string) => void }) {
  const now = useNow(60_000);
  const query = usePatientsStore((s) => s.query);
  const openPatientId = usePatientsStore((s) => s.openPatientId);
  const returnFocusTo = usePatientsStore((s) => s.returnFocusTo);
  const patients = usePatients();
  const downloading = useEffectiveSyncStatus().phase === 'first-sync';
  if (openPatientId) return <ChartLoader key={openPatientId} patientId={openPatientId} user={user} now={now} onMessagePatient={onMessagePatient} />;
  return <PatientList patients={patients} query={query} today={todayIn(user.timeZone, now)} returnFocusTo={returnFocusTo} downloading={downloading} onQuery={setPatientQuery} onOpen={openChart} />;
}
