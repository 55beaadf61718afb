// The prescriptions section of a patient's chart: every prescription, newest first, with where its delivery is.
import type { LocalPrescription } from '../../data';
import { PrescriptionCard } from './PrescriptionCard';

export function PatientPrescriptions({ prescriptions, patientName, userId }: { prescriptions: readonly LocalPrescription[]; patientName: string; userId: string }) {
  if (prescriptions.length === 0) return <p className="hc-muted">No prescriptions yet.</p>;
  return (
    <ul className="hc-list hc-rx-list">
      {prescriptions.map((rx) => (
        <li key={rx.id}>
          <PrescriptionCard rx={rx} patientName={patientName} canAct={rx.prescriberId === userId} />
        </li>
      ))}
    </ul>
  );
}
