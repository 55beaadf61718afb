// A labelled text input with an optional hint and error, both tied to the input for assistive technology.
import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, error, id, className, ref, ...input }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? `field-${autoId}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['hc-field', error ? 'hc-field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="hc-field__label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <div className="hc-field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <input {...input} ref={ref} id={inputId} className="hc-field__input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {error ? (
        <div className="hc-field__error" id={errorId}>
          {error}
        </div>
      ) : null}
    </div>
  );
}
