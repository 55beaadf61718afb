// A short label in a coloured pill (a status, a marker); tone carries meaning only together with its text.
import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger';

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}

export function Badge({ tone = 'neutral', children, className }: BadgeProps) {
  return <span className={['hc-badge', `hc-badge--${tone}`, className ?? ''].filter(Boolean).join(' ')}>{children}</span>;
}
