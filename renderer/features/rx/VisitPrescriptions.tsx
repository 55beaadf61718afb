// The Rx panel of a visit (on the note screen): this visit's prescriptions with their delivery status, and
// the form for a new one or for a change.
import { useId, useState } from 'react';
import type { User } from '../../../shared/domain/user';
import { usePrescriptionsForAppointment } from '../../data';
import type { LocalAppointment, LocalPrescription } from '../../data';
import { Alert, Button } from '../../ui';
import { PrescriptionCard } from './PrescriptionCard';
import { RxForm } from './RxForm';
import './rx.css';

export function VisitPrescriptions({ appointment, user }: { appointment: LocalAppointment; user: User }) {
  const headingId = useId();
  const prescriptions = usePrescriptionsForAppointment(appointment.id);
  const [form, setForm] = useState<{ supersedes?: LocalPrescription } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="hc-card hc-rx-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Prescriptions</h3>
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {prescriptions === undefined ? <p className="hc-loading">Loading prescriptions…</p> : null}
      {prescriptions && prescriptions.length === 0 && !form ? <p className="hc-muted">No prescriptions in this visit.</p> : null}
      {prescriptions && prescriptions.length > 0 ? (
        <ul className="hc-list hc-rx-list">
          {prescriptions.map((rx) => (
            <li key={rx.id}>
              <PrescriptionCard rx={rx} patientName={appointment.patientName} canAct={rx.prescriberId === user.id} onChange={(old) => { setNotice(null); setForm({ supersedes: old }); }} />
            </li>
          ))}
        </ul>
      ) : null}
      {form ? (
        <RxForm
          key={form.supersedes?.id ?? 'new'}
          patientId={appointment.patientId}
          appointmentId={appointment.id}
          user={user}
          {...(form.supersedes ? { supersedes: form.supersedes } : {})}
          onDone={(message) => { setForm(null); setNotice(message); }}
          onCancel={() => setForm(null)}
        />
      ) : user.role === 'clinician' ? (
        <Button variant="primary" onClick={() => { setNotice(null); setForm({}); }}>
          New prescription
        </Button>
      ) : null}
    </section>
  );
}
