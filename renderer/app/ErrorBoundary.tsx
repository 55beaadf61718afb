// Catches a crash anywhere below it and shows a plain message: no stack, no error text (it could hold PHI).
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  failed: boolean;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    // Only the error's class name: messages and component stacks may contain patient data.
    console.error('Housecall: a view stopped after an unexpected error', error instanceof Error ? error.name : typeof error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="hc-crash">
        <h1>Something went wrong</h1>
        <p>Housecall ran into an unexpected problem and could not show this screen. Reload to continue.</p>
        <p>If this keeps happening, contact your administrator.</p>
        <button type="button" className="hc-button hc-button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}
