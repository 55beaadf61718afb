// What a view shows when it has nothing to list: a short statement and an optional hint.
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="hc-empty">
      <p className="hc-empty__title">{title}</p>
      {children ? <div className="hc-empty__hint">{children}</div> : null}
    </div>
  );
}
