// The audit log filter form: patient id, user id, action and a time range.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, TextField } from '../../ui';
import type { AuditFilter, AuditFilterErrors, AuditFilterValues } from './audit-filters';
import { emptyAuditFilters, toAuditFilter } from './audit-filters';

export interface AuditFilterFormProps {
  onApply: (filter: AuditFilter) => void;
  busy: boolean;
}

export function AuditFilterForm({ onApply, busy }: AuditFilterFormProps) {
  const [values, setValues] = useState<AuditFilterValues>(emptyAuditFilters);
  const [errors, setErrors] = useState<AuditFilterErrors>({});

  const field = (name: keyof AuditFilterValues) => ({
    name,
    value: values[name],
    error: errors[name] ?? null,
    onChange: (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value })),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const checked = toAuditFilter(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    onApply(checked.filter);
  };

  const onClear = (): void => {
    setValues(emptyAuditFilters);
    setErrors({});
    onApply({});
  };

  return (
    <form className="hc-filters" noValidate onSubmit={onSubmit} aria-label="Filter audit log">
      <div className="hc-filters__grid">
        <TextField label="Patient ID" spellCheck={false} autoComplete="off" {...field('patientId')} />
        <TextField label="User ID" spellCheck={false} autoComplete="off" {...field('userId')} />
        <TextField label="Action" spellCheck={false} autoComplete="off" placeholder="auth.sign_in" {...field('action')} />
        <TextField label="From" type="datetime-local" step={1} {...field('from')} />
        <TextField label="To" type="datetime-local" step={1} {...field('to')} />
      </div>
      <div className="hc-form__actions">
        <Button type="submit" variant="primary" disabled={busy}>
          Apply filters
        </Button>
        <Button onClick={onClear} disabled={busy}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}
