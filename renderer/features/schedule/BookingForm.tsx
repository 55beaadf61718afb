// Book a visit or reschedule one: checked on this device first with shared/rules/booking (times, licensure
// where the patient is, overlap with the cached schedule), then queued through the data layer (the server
// checks again under a lock). A refusal says why and changes nothing.
import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Appointment } from '../../../shared/domain/appointment';
import { APPOINTMENT_KINDS } from '../../../shared/domain/appointment';
import type { User } from '../../../shared/domain/user';
import type { UsState } from '../../../shared/domain/states';
import { checkBooking, MAX_APPOINTMENT_MINUTES } from '../../../shared/rules/booking';
import { instantAt, localDate, localTime } from '../../../shared/rules/time-zones';
import type { LocalAppointment, LocalPatient } from '../../data';
import { DataError, dataActions, useAppointmentsInRange, usePatients } from '../../data';
import { Alert, Button, TextField } from '../../ui';
import { KIND_WORDS } from './appointment-words';

export interface BookingFormProps {
  user: User;
  /** The visit to reschedule; absent to book a new one. */
  appointment?: LocalAppointment;
  defaultDate: string;
  onDone: (date: string | null) => void;
}

const MAX_OPTIONS = 50;

function matching(patients: readonly LocalPatient[] | undefined, query: string): LocalPatient[] {
  const q = query.trim().toLowerCase();
  const list = patients ?? [];
  const found = q ? list.filter((p) => `${p.givenName} ${p.familyName}`.toLowerCase().includes(q) || `${p.familyName}, ${p.givenName}`.toLowerCase().includes(q)) : list;
  return found.slice(0, MAX_OPTIONS);
}

export function BookingForm({ user, appointment, defaultDate, onDone }: BookingFormProps) {
  const headingId = useId();
  const tz = user.timeZone;
  const [query, setQuery] = useState('');
  const [patientId, setPatientId] = useState('');
  const [kind, setKind] = useState<Appointment['kind']>('video');
  const [date, setDate] = useState(appointment ? localDate(new Date(appointment.startsAt), tz) : defaultDate);
  const [start, setStart] = useState(appointment ? localTime(new Date(appointment.startsAt), tz) : '09:00');
  const [end, setEnd] = useState(appointment ? localTime(new Date(appointment.endsAt), tz) : '09:30');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const patients = usePatients();
  const options = useMemo(() => matching(patients, query), [patients, query]);

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(start) && /^\d{2}:\d{2}$/.test(end);
  const startsAt = validDate ? instantAt(date, start, tz).toISOString() : null;
  const endsAt = validDate ? instantAt(date, end, tz).toISOString() : null;
  // Visits that could overlap: those starting up to the longest visit length before this one.
  const fromIso = startsAt ? new Date(Date.parse(startsAt) - MAX_APPOINTMENT_MINUTES * 60_000).toISOString() : '1970-01-01T00:00:00.000Z';
  const toIso = endsAt && startsAt && endsAt > startsAt ? endsAt : fromIso;
  const nearby = useAppointmentsInRange(fromIso, toIso);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    if (!startsAt || !endsAt) return setError('Enter a date and a start and end time.');
    const patient = appointment ? null : patients?.find((p) => p.id === patientId);
    if (!appointment && !patient) return setError('Choose the patient.');
    if (!appointment && !reason.trim()) return setError('Enter the reason for the visit.');
    const id = appointment?.id ?? crypto.randomUUID();
    const check = checkBooking({
      candidate: { id, startsAt, endsAt }, kind: appointment?.kind ?? kind, licenses: user.licenses,
      patientState: (appointment?.patientLocationState ?? patient?.locationState ?? null) as UsState | null, existing: nearby ?? [],
    });
    if (!check.ok) return setError(check.message);
    setBusy(true);
    try {
      if (appointment) await dataActions.queueMutation('appointment.reschedule', { appointmentId: id, startsAt, endsAt });
      else await dataActions.queueMutation('appointment.book', { appointmentId: id, patientId, kind, startsAt, endsAt, reason: reason.trim() });
      onDone(date);
    } catch (e) {
      setError(e instanceof DataError ? e.message : 'The visit could not be saved on this device. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="hc-stack hc-booking" aria-labelledby={headingId}>
      <h2 id={headingId} className="hc-schedule__day">
        {appointment ? `Reschedule the visit with ${appointment.patientName || 'this patient'}` : 'Book a visit'}
      </h2>
      <form className="hc-form hc-stack" onSubmit={(e) => void submit(e)} noValidate>
        {appointment ? null : (
          <>
            <TextField label="Find patient" value={query} onChange={(e) => setQuery(e.target.value)} hint="Type part of the name; the list shows up to 50 patients." />
            <div className="hc-field">
              <label className="hc-field__label" htmlFor={`${headingId}-patient`}>
                Patient
              </label>
              <select id={`${headingId}-patient`} className="hc-field__input" value={patientId} onChange={(e) => setPatientId(e.target.value)}>
                <option value="">Choose a patient</option>
                {options.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.familyName}, {p.givenName} ({p.birthDate}, in {p.locationState})
                  </option>
                ))}
              </select>
            </div>
            <div className="hc-field">
              <label className="hc-field__label" htmlFor={`${headingId}-kind`}>
                Visit type
              </label>
              <select id={`${headingId}-kind`} className="hc-field__input" value={kind} onChange={(e) => setKind(e.target.value as Appointment['kind'])}>
                {APPOINTMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_WORDS[k]}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <TextField label="Date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField label="Starts at" type="time" value={start} onChange={(e) => setStart(e.target.value)} hint={`In ${tz.replace(/_/g, ' ')}`} />
        <TextField label="Ends at" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
        {appointment ? null : <TextField label="Reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />}
        {error ? <Alert>{error}</Alert> : null}
        <div className="hc-form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            {appointment ? 'Save new time' : 'Book visit'}
          </Button>
          <Button onClick={() => onDone(null)}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}
