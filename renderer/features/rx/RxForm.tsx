// Writing and signing a prescription from a visit: drug search, sig, quantity, refills, days' supply,
// substitution, note to the pharmacy; the safety findings before signing with override reasons. Signing
// queues a signed intent in the outbox (the server re-checks it); controlled substances are signed online
// with the prescriber's authenticator code.
import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { User } from '../../../shared/domain/user';
import { ROUTES } from '../../../shared/domain/prescription';
import { curatedFormulary } from '../../../shared/rx/formulary';
import type { FormularyProduct } from '../../../shared/rx/formulary';
import { checkPrescription, resolveOverrides } from '../../../shared/rules/rx-safety';
import type { RxSignArgs } from '../../../shared/sync/mutations';
import { dataActions, DataError, newPrescriptionId, usePatientChart, useSyncStatus } from '../../data';
import type { LocalPrescription } from '../../data';
import { signControlledPrescription } from '../../platform';
import { Alert, Badge, Button, TextArea, TextField } from '../../ui';
import { DrugSearch } from './DrugSearch';
import { FindingsList } from './FindingsList';
import { initialRxForm, safetyInputFrom, toOrder } from './rx-form';
import type { RxFormValues } from './rx-form';

export interface RxFormProps {
  patientId: string;
  appointmentId: string | null;
  user: User;
  /** The prescription this one changes (it will be superseded), if any. */
  supersedes?: LocalPrescription;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function fromPrescription(rx: LocalPrescription): RxFormValues {
  const o = rx.order;
  return {
    rxcui: o.rxcui, dose: o.sig.dose, route: o.sig.route, frequency: o.sig.frequency, durationDays: String(o.sig.durationDays), quantity: String(o.quantity),
    quantityUnit: o.quantityUnit, refills: String(o.refills), daysSupply: String(o.daysSupply), substitutionAllowed: o.substitutionAllowed, pharmacyNote: o.pharmacyNote,
  };
}

export function RxForm({ patientId, appointmentId, user, supersedes, onDone, onCancel }: RxFormProps) {
  const headingId = useId();
  const chart = usePatientChart(patientId);
  const online = useSyncStatus().online;
  const formulary = curatedFormulary();
  const [values, setValues] = useState<RxFormValues>(() => (supersedes ? fromPrescription(supersedes) : initialRxForm()));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [totpCode, setTotpCode] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const product: FormularyProduct | undefined = values.rxcui ? formulary.byCode.get(values.rxcui) : undefined;
  const parsed = toOrder(values);
  const orderKey = parsed.ok ? JSON.stringify(parsed.order) : '';
  const supersedesId = supersedes?.id ?? null;
  const findings = useMemo(() => {
    if (!orderKey || !chart) return [];
    return checkPrescription(safetyInputFrom(formulary, chart, user, JSON.parse(orderKey), supersedesId, new Date()));
  }, [orderKey, chart, user, supersedesId, formulary]);
  const set = <K extends keyof RxFormValues>(key: K, value: RxFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = showErrors && !parsed.ok ? parsed.errors : {};
  const controlled = product !== undefined && product.schedule !== 'none';

  const choose = (p: FormularyProduct) => {
    setValues((v) => ({ ...v, rxcui: p.rxcui, refills: p.schedule === 'II' ? '0' : v.refills, quantityUnit: /tablet/i.test(p.doseForm) ? 'tablet' : /capsule/i.test(p.doseForm) ? 'capsule' : v.quantityUnit }));
    setReasons({});
  };

  const sign = async (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    setFailure(null);
    if (!parsed.ok || !chart) return;
    const decision = resolveOverrides(findings, Object.entries(reasons).map(([key, reason]) => ({ key, reason })));
    if (!decision.ok) {
      setFailure(decision.message);
      return;
    }
    const args: RxSignArgs = {
      prescriptionId: newPrescriptionId(), patientId, appointmentId, order: parsed.order, supersedesId: supersedes?.id ?? null,
      overrides: decision.recorded.map((o) => ({ key: o.key, reason: o.reason })),
    };
    setBusy(true);
    try {
      if (controlled) {
        if (!online) {
          setFailure('Controlled substances can be signed only while connected to the care server.');
          return;
        }
        const result = await signControlledPrescription({ ...args, totpCode: totpCode.trim() });
        if (!result.ok) {
          setFailure(result.error.message);
          return;
        }
        dataActions.syncNow();
        onDone(`Signed ${product?.name ?? 'the prescription'}.`);
        return;
      }
      await dataActions.queueMutation('rx.sign', args);
      onDone(online ? `Signed ${product?.name ?? 'the prescription'}.` : `Signed ${product?.name ?? 'the prescription'}; it will be sent when the connection is back.`);
    } catch (error) {
      setFailure(error instanceof DataError ? error.message : 'The prescription could not be saved on this device.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="hc-card hc-rx-form" aria-labelledby={headingId} onSubmit={(e) => void sign(e)} noValidate>
      <h4 id={headingId}>{supersedes ? `Change prescription: ${supersedes.drugName}` : 'New prescription'}</h4>
      {product ? (
        <p className="hc-rx-form__drug">
          <strong>{product.name}</strong> <span className="hc-muted hc-mono">RxNorm {product.rxcui}</span>{' '}
          {product.schedule !== 'none' ? <Badge tone="warn">Schedule {product.schedule}</Badge> : null}
          {!product.verified ? <Badge tone="neutral">Code unverified</Badge> : null}{' '}
          <Button variant="quiet" onClick={() => set('rxcui', null)}>
            Choose another drug
          </Button>
        </p>
      ) : (
        <DrugSearch onChoose={choose} error={errors.rxcui ?? null} />
      )}
      <fieldset className="hc-rx-form__sig">
        <legend>Sig</legend>
        <TextField label="Dose" hint="e.g. 1 tablet" value={values.dose} onChange={(e) => set('dose', e.target.value)} error={errors.dose ?? null} />
        <div className="hc-field">
          <label className="hc-field__label" htmlFor={`${headingId}-route`}>
            Route
          </label>
          <select id={`${headingId}-route`} className="hc-field__input" value={values.route} onChange={(e) => set('route', e.target.value)}>
            {ROUTES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Frequency" hint="e.g. twice daily" value={values.frequency} onChange={(e) => set('frequency', e.target.value)} error={errors.frequency ?? null} />
        <TextField label="Duration (days)" inputMode="numeric" value={values.durationDays} onChange={(e) => set('durationDays', e.target.value)} error={errors.durationDays ?? null} />
      </fieldset>
      <div className="hc-rx-form__amounts">
        <TextField label="Quantity" inputMode="decimal" value={values.quantity} onChange={(e) => set('quantity', e.target.value)} error={errors.quantity ?? null} />
        <TextField label="Quantity unit" value={values.quantityUnit} onChange={(e) => set('quantityUnit', e.target.value)} error={errors.quantityUnit ?? null} />
        <TextField label="Refills" inputMode="numeric" value={values.refills} onChange={(e) => set('refills', e.target.value)} error={errors.refills ?? null} />
        <TextField label="Days' supply" inputMode="numeric" value={values.daysSupply} onChange={(e) => set('daysSupply', e.target.value)} error={errors.daysSupply ?? null} />
      </div>
      <div className="hc-field hc-field--check">
        <input id={`${headingId}-subst`} type="checkbox" checked={values.substitutionAllowed} onChange={(e) => set('substitutionAllowed', e.target.checked)} />
        <label htmlFor={`${headingId}-subst`}>Substitution allowed</label>
      </div>
      <TextArea label="Note to pharmacy" rows={2} value={values.pharmacyNote} onChange={(e) => set('pharmacyNote', e.target.value)} />
      {parsed.ok ? <FindingsList findings={findings} reasons={reasons} onReason={(key, reason) => setReasons((r) => ({ ...r, [key]: reason }))} /> : null}
      {controlled ? (
        <TextField
          label="Authenticator code"
          hint="Controlled substances are signed online with the 6-digit code from your authenticator app (your DEA registration is checked too)."
          inputMode="numeric"
          autoComplete="one-time-code"
          value={totpCode}
          onChange={(e) => setTotpCode(e.target.value)}
        />
      ) : null}
      {failure ? <Alert title="Not signed">{failure}</Alert> : null}
      <div className="hc-rx-form__actions">
        <Button type="submit" variant="primary" busy={busy}>
          Sign prescription
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Discard
        </Button>
      </div>
    </form>
  );
}
