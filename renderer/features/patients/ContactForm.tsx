// "Edit contact details": phone and email, checked like the server checks them, saved as a queued
// patient.updateContact change (applied on this device at once), with its pending state.
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { mutationArgs } from '../../../shared/sync/mutations';
import type { LocalPatient } from '../../data';
import { Alert, Badge, Button, TextField } from '../../ui';
import { dataActions } from '../../data';

type Field = 'phone' | 'email';
type Errors = Partial<Record<Field, string>>;

const MESSAGES: Record<Field, string> = {
  phone: 'Enter a phone number of 7 to 20 digits (spaces, dashes, brackets and + allowed), or leave it empty.',
  email: 'Enter an email address like name@example.com, or leave it empty.',
};

export function ContactForm({ patient }: { patient: LocalPatient }) {
  const headingId = useId();
  const [phone, setPhone] = useState(patient.phone ?? '');
  const [email, setEmail] = useState(patient.email ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<'none' | 'nothing-changed' | 'saved' | 'failed'>('none');
  const [busy, setBusy] = useState(false);
  const dirty = phone.trim() !== (patient.phone ?? '') || email.trim() !== (patient.email ?? '');

  // The cached value changed (sync, another device): show it. Each field follows only its own value.
  useEffect(() => setPhone(patient.phone ?? ''), [patient.phone]);
  useEffect(() => setEmail(patient.email ?? ''), [patient.email]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const fields: { phone?: string | null; email?: string | null } = {};
    if (phone.trim() !== (patient.phone ?? '')) fields.phone = phone.trim() === '' ? null : phone.trim();
    if (email.trim() !== (patient.email ?? '')) fields.email = email.trim() === '' ? null : email.trim();
    if (Object.keys(fields).length === 0) {
      setErrors({});
      setOutcome('nothing-changed');
      return;
    }
    const parsed = mutationArgs['patient.updateContact'].safeParse({ patientId: patient.id, fields });
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[1];
        if (field === 'phone' || field === 'email') found[field] = MESSAGES[field];
      }
      setErrors(found);
      setOutcome('none');
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await dataActions.queueMutation('patient.updateContact', parsed.data, { baseVersion: patient.version });
      setOutcome('saved');
    } catch {
      setOutcome('failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="hc-card" aria-labelledby={headingId}>
      <h3 id={headingId}>Edit contact details</h3>
      <form className="hc-form hc-contact-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField label="Phone" type="tel" name="phone" autoComplete="off" value={phone} error={errors.phone} onChange={(event) => setPhone(event.target.value)} />
        <TextField label="Email" type="email" name="email" autoComplete="off" value={email} error={errors.email} onChange={(event) => setEmail(event.target.value)} />
        <div className="hc-form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            Save contact details
          </Button>
          <span role="status" className="hc-contact-form__status">
            {outcome === 'nothing-changed' && !dirty ? 'Nothing changed.' : null}
            {outcome === 'saved' && !dirty ? (
              patient.pending ? <Badge tone="warn">Saved on this device — pending sync</Badge> : <Badge tone="ok">Saved to server</Badge>
            ) : null}
          </span>
        </div>
        {outcome === 'failed' ? <Alert>The change could not be saved on this device. Try again.</Alert> : null}
      </form>
    </section>
  );
}
