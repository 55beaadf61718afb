// A labelled multi-line text input with an optional hint, tied to the textarea for assistive technology.
import { useId } from 'react';
import type { Ref, TextareaHTMLAttributes } from 'react';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: string;
  id?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextArea({ label, hint, id, className, ref, rows = 5, ...textarea }: TextAreaProps) {
  const autoId = useId();
  const inputId = id ?? `area-${autoId}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className={['hc-field', 'hc-field--area', className ?? ''].filter(Boolean).join(' ')}>
      <label className="hc-field__label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <div className="hc-field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <textarea {...textarea} ref={ref} id={inputId} rows={rows} className="hc-field__input hc-field__textarea" aria-describedby={hintId} />
    </div>
  );
}
