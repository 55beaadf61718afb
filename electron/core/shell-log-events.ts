// The shell's log events in one place, so every path that can see patient data (IPC failures, refused navigations,
// crashes) logs through the redaction guard with fixed names and fields.
import { isIpcChannel } from '../../shared/ipc';
import { isPolicyKey, type PolicyIssue } from '../../shared/policy';
import { DEEP_LINK_PROTOCOL } from './app-identity';
import type { ShellLogger } from './log';

export function logIpcFailure(log: ShellLogger, channel: string, error: unknown): void {
  log.error('ipc.handler-failed', { channel: isIpcChannel(channel) ? channel : 'unknown', error });
}

export function logIpcRefused(log: ShellLogger, channel: string, code: string): void {
  log.warn('ipc.refused', { channel: isIpcChannel(channel) ? channel : 'unknown', code });
}

export type NavigationRefusal = 'navigate' | 'redirect' | 'window-open' | 'webview';

/** Only the origin of the refused URL is kept; paths and queries can name patients. */
export function logNavigationRefused(log: ShellLogger, kind: NavigationRefusal, url: string): void {
  log.warn('navigation.refused', { kind, url });
}

/** A refused deep link: only whether it used our scheme (the rest could be anything, including a patient's name). */
export function logDeepLinkRefused(log: ShellLogger, raw: unknown): void {
  const ours = typeof raw === 'string' && raw.toLowerCase().startsWith(`${DEEP_LINK_PROTOCOL}:`);
  log.warn('deep-link.refused', { scheme: ours ? DEEP_LINK_PROTOCOL : 'other' });
}

/** Known keys by name; unknown names only as "unknown" (they are whatever someone typed into a policy file). */
export function logPolicyIssues(log: ShellLogger, issues: readonly PolicyIssue[]): void {
  for (const issue of issues) {
    const key = issue.problem === 'unknown_key' || !isPolicyKey(issue.key) ? (issue.key === '(source)' ? 'source' : 'unknown') : issue.key;
    log.warn('policy.ignored', { key, source: issue.source, problem: issue.problem });
  }
}

export interface CrashHandlers {
  uncaughtException(error: unknown): void;
  unhandledRejection(reason: unknown): void;
  renderProcessGone(details: { reason: string; exitCode: number }): void;
  childProcessGone(details: { type: string; reason: string; exitCode: number }): void;
}

/** Handlers for process and app crash events; they log, and never show the error (dialogs can reach screenshots). */
export function crashLogHandlers(log: ShellLogger): CrashHandlers {
  return {
    uncaughtException: (error) => log.error('crash.main-exception', { error }),
    unhandledRejection: (reason) => log.error('crash.main-rejection', { error: reason }),
    renderProcessGone: ({ reason, exitCode }) => log.error('crash.renderer-gone', { reason, exitCode }),
    childProcessGone: ({ type, reason, exitCode }) => log.error('crash.child-gone', { type, reason, exitCode }),
  };
}
