// A patient's chart from the local cache: who they are, allergies first and prominent, problems, active
// medications, upcoming and recent visits, recent encounters and notes, vitals history, and the contact form.
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import type { LocalAppointment, LocalChart } from '../../data';
import { Badge, Button, formatCalendarDate, formatDayAndClock } from '../../ui';
import { PatientPrescriptions } from '../rx';
import { SeeClinicianNowLink } from '../schedule';
import { ContactForm } from './ContactForm';
import { EncounterList, NoteList, VitalsHistory } from './ChartClinicalHistory';
import { ageOn, fullName, SEX_WORDS } from './patient-search';

const KIND = { video: 'Video', home: 'Home', clinic: 'Clinic' } as const;
const STATUS = { booked: 'Booked', checked_in: 'Checked in', in_progress: 'In progress', completed: 'Completed', no_show: 'No-show', cancelled: 'Cancelled' } as const;

function Section({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={['hc-card', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function VisitList({ visits, timeZone, empty }: { visits: LocalAppointment[]; timeZone: string; empty: string }) {
  if (visits.length === 0) return <p className="hc-muted">{empty}</p>;
  return (
    <ul className="hc-list">
      {visits.map((a) => (
        <li key={a.id}>
          <time dateTime={a.startsAt}>{formatDayAndClock(a.startsAt, timeZone)}</time> · {KIND[a.kind]} · {a.reason} · {STATUS[a.status]}
          {a.pending ? (
            <>
              {' '}
              <Badge tone="warn">Pending sync</Badge>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export interface PatientChartProps {
  chart: LocalChart;
  today: string;
  timeZone: string;
  nowMs: number;
  /** The signed-in user (their own prescriptions can be acted on). */
  userId: string;
  onBack: () => void;
  /** Opens the patient's care conversation. */
  onMessage?: () => void;
  /** The user may send the patient a "See a clinician now" link (clinicians on the care team). */
  canSendQueueLink?: boolean;
}

export function PatientChart({ chart, today, timeZone, nowMs, userId, onBack, onMessage, canSendQueueLink = false }: PatientChartProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const { patient } = chart;
  const byStart = [...chart.appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const upcoming = byStart.filter((a) => Date.parse(a.endsAt) >= nowMs);
  const recent = byStart.filter((a) => Date.parse(a.endsAt) < nowMs).reverse().slice(0, 10);
  const activeMeds = chart.medications.filter((m) => m.status === 'active');
  const activeProblems = chart.problems.filter((p) => p.status === 'active');
  const resolvedProblems = chart.problems.filter((p) => p.status === 'resolved');

  return (
    <article className="hc-chart" aria-labelledby={headingId}>
      <Button variant="quiet" onClick={onBack} className="hc-chart__back">
        <span aria-hidden="true">←</span> Back to patients
      </Button>
      <header className="hc-chart__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="hc-chart__name">
          {fullName(patient)}
        </h2>
        {patient.pending ? <Badge tone="warn">Pending sync</Badge> : null}
        {onMessage ? <Button onClick={onMessage}>Message patient</Button> : null}
        {canSendQueueLink ? <SeeClinicianNowLink patientId={patient.id} timeZone={timeZone} /> : null}
        <dl className="hc-facts hc-facts--inline">
          <div>
            <dt>Age</dt>
            <dd>{ageOn(patient.birthDate, today)}</dd>
          </div>
          <div>
            <dt>Sex</dt>
            <dd>{SEX_WORDS[patient.sex]}</dd>
          </div>
          <div>
            <dt>Date of birth</dt>
            <dd>
              <time dateTime={patient.birthDate}>{formatCalendarDate(patient.birthDate, 'medium')}</time>
            </dd>
          </div>
          <div>
            <dt>Located in</dt>
            <dd>{patient.locationState}</dd>
          </div>
          <div>
            <dt>Employer</dt>
            <dd>{patient.employer ?? '—'}</dd>
          </div>
          <div>
            <dt>MRN</dt>
            <dd className="hc-mono">{patient.mrn}</dd>
          </div>
        </dl>
        <p className={chart.allergies.length > 0 ? 'hc-chart__allergy-summary hc-chart__allergy-summary--present' : 'hc-chart__allergy-summary'}>
          <strong>Allergies:</strong> {chart.allergies.length > 0 ? chart.allergies.map((a) => a.substance).join(', ') : 'none recorded'}
        </p>
      </header>

      <Section title="Allergies" className={chart.allergies.length > 0 ? 'hc-allergies hc-allergies--present' : 'hc-allergies'}>
        {chart.allergies.length === 0 ? (
          <p>No allergies recorded.</p>
        ) : (
          <ul className="hc-list">
            {chart.allergies.map((a) => (
              <li key={a.id}>
                <strong>{a.substance}</strong>
                {a.reaction ? ` — ${a.reaction}` : ' — reaction not recorded'}
                {a.severity ? ` (${a.severity})` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <div className="hc-chart__grid">
        <Section title="Problems">
          {activeProblems.length === 0 ? (
            <p className="hc-muted">No active problems recorded.</p>
          ) : (
            <ul className="hc-list">
              {activeProblems.map((p) => (
                <li key={p.id}>
                  {p.description} <span className="hc-muted hc-mono">{p.icd10Code}</span>
                  {p.onsetOn ? <span className="hc-muted"> · since {formatCalendarDate(p.onsetOn, 'medium')}</span> : null}
                </li>
              ))}
            </ul>
          )}
          {resolvedProblems.length > 0 ? <p className="hc-muted">{resolvedProblems.length} resolved not shown.</p> : null}
        </Section>

        <Section title="Active medications">
          {activeMeds.length === 0 ? (
            <p className="hc-muted">No active medications recorded.</p>
          ) : (
            <ul className="hc-list">
              {activeMeds.map((m) => (
                <li key={m.id}>
                  <strong>{m.name}</strong>
                  {m.sig ? <span> — {m.sig}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section title="Prescriptions">
          <PatientPrescriptions prescriptions={chart.prescriptions} patientName={fullName(patient)} userId={userId} />
        </Section>

        <Section title="Upcoming appointments">
          <VisitList visits={upcoming} timeZone={timeZone} empty="No upcoming appointments." />
        </Section>

        <Section title="Recent appointments">
          <VisitList visits={recent} timeZone={timeZone} empty="No recent appointments." />
        </Section>

        <Section title="Recent encounters">
          <EncounterList encounters={chart.encounters} timeZone={timeZone} />
        </Section>

        <Section title="Notes">
          <NoteList notes={chart.notes} timeZone={timeZone} />
        </Section>
      </div>

      <Section title="Vitals history">
        <VitalsHistory vitals={chart.vitals} timeZone={timeZone} />
      </Section>

      <ContactForm patient={patient} />
    </article>
  );
}
