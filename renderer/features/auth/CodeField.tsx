// The 6-digit authentication code input used by the second-factor and enrolment steps.
import type { ChangeEvent } from 'react';
import { TextField } from '../../ui';

export interface CodeFieldProps {
  value: string;
  onChange: (value: string) => void;
}

export function CodeField({ value, onChange }: CodeFieldProps) {
  return (
    <TextField
      label="Authentication code"
      hint="The 6-digit code shown in your authenticator app."
      name="code"
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      autoFocus
      className="hc-field--code"
      value={value}
      onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value.replace(/\D/g, '').slice(0, 6))}
    />
  );
}
