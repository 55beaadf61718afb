// A message box: errors interrupt (role="alert"), notices are polite (role="status").
import type { ReactNode } from 'react';

export interface AlertProps {
  tone?: 'error' | 'info';
  title?: string;
  children: ReactNode;
  className?: string;
}

export function Alert({ tone = 'error', title, children, className }: AlertProps) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={['hc-alert', `hc-alert--${tone}`, className ?? ''].filter(Boolean).join(' ')}>
      {title ? <p className="hc-alert__title">{title}</p> : null}
      <div className="hc-alert__body">{children}</div>
    </div>
  );
}
