// The frame around every sign-in step: product mark, heading and the step's content.
import type { ReactNode } from 'react';

export interface SignInLayoutProps {
  heading: string;
  children: ReactNode;
}

export function SignInLayout({ heading, children }: SignInLayoutProps) {
  return (
    <main className="hc-signin">
      <div className="hc-signin__card">
        <p className="hc-signin__brand" aria-hidden="true">
          Housecall
        </p>
        <h1 className="hc-signin__heading">{heading}</h1>
        {children}
      </div>
    </main>
  );
}
