// Plain sentences for a failed admin request (no PHI: the server's messages never carry any).
import type { ApiFailure } from '../../platform';

export function failureText(what: string, failure: ApiFailure): string {
  switch (failure.code) {
    case 'network_error':
    case 'timeout':
    case 'unavailable':
      return `Could not load ${what}: the Housecall server cannot be reached. Check your connection and try again.`;
    case 'forbidden':
      return `You do not have permission to see ${what}.`;
    case 'validation_failed':
    case 'bad_request':
      return `Could not load ${what}: ${failure.message}`;
    default:
      return `Could not load ${what} because of a problem on the server. Try again in a moment.`;
  }
}

export function formatTimestamp(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
}
