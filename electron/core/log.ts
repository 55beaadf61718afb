// The main-process logger with a redaction guard: fixed event names, and only numbers, booleans and short tokens under
// known field names are written; URLs become origins, errors become their name and code. Free text never reaches a log.
import type { PolicyLogLevel } from '../../shared/policy';
import { originOf } from './origin';

export type LogLevel = PolicyLogLevel;
const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface LogSink {
  write(line: string): void;
}

export type LogFieldValue = string | number | boolean | null | undefined | Error | unknown;
export type LogFields = Readonly<Record<string, LogFieldValue>>;

export interface ShellLogger {
  error(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  debug(event: string, fields?: LogFields): void;
  setLevel(level: LogLevel): void;
  level(): LogLevel;
}

/** Field names whose string values may be written (each still has to look like a token). */
const TOKEN_FIELDS = new Set([
  'channel', 'code', 'reason', 'kind', 'source', 'key', 'problem', 'platform', 'mode', 'status', 'state', 'version', 'type',
  'event', 'level', 'scheme', 'installKind', 'errorName', 'errorCode', 'switch', 'target',
]);
const TOKEN = /^[A-Za-z0-9_.:/@+-]{1,64}$/;
const EVENT_NAME = /^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+){0,4}$/;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]{0,31}$/;
export const REDACTED = '[redacted]';

/** Name and code of an error only: messages and stacks can carry whatever the failing code was handling. */
export function describeError(error: unknown): { errorName: string; errorCode?: string } {
  if (!(error instanceof Error)) return { errorName: typeof error === 'object' && error !== null ? 'NonErrorObject' : typeof error };
  const name = /^[A-Za-z][A-Za-z0-9]{0,40}$/.test(error.name) ? error.name : 'Error';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,40}$/.test(code) ? { errorName: name, errorCode: code } : { errorName: name };
}

function safeString(field: string, value: string): string {
  if (field === 'url' || field.endsWith('Url')) return originOf(value) ?? REDACTED;
  if (field === 'origin') return originOf(value) ?? REDACTED;
  if (!TOKEN_FIELDS.has(field) || !TOKEN.test(value)) return REDACTED;
  // Long digit runs could be record numbers, phone numbers or dates of birth.
  return /\d{5,}|\d{4}-\d{2}-\d{2}/.test(value) ? REDACTED : value;
}

/** What actually gets written for a set of fields. */
export function redactFields(fields: LogFields): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (!FIELD_NAME.test(field) || value === undefined) continue;
    if (value instanceof Error || field === 'error') {
      Object.assign(out, describeError(value));
    } else if (typeof value === 'number') {
      out[field] = Number.isFinite(value) ? value : null;
    } else if (typeof value === 'boolean' || value === null) {
      out[field] = value;
    } else if (typeof value === 'string') {
      out[field] = safeString(field, value);
    } else {
      out[field] = REDACTED;
    }
  }
  return out;
}

export function safeEventName(event: string): string {
  return EVENT_NAME.test(event) && event.length <= 80 ? event : 'event.redacted';
}

export interface ShellLoggerOptions {
  sink: LogSink;
  level: LogLevel;
  now?: () => Date;
}

export function createShellLogger({ sink, level, now = () => new Date() }: ShellLoggerOptions): ShellLogger {
  let threshold = level;
  const write = (at: LogLevel, event: string, fields: LogFields = {}): void => {
    if (LEVEL_RANK[at] > LEVEL_RANK[threshold]) return;
    const record = { time: now().toISOString(), level: at, event: safeEventName(event), ...redactFields(fields) };
    try {
      sink.write(`${JSON.stringify(record)}\n`);
    } catch {
      // A full disk must not take the app down; there is nowhere else to say so.
    }
  };
  return {
    error: (event, fields) => write('error', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    info: (event, fields) => write('info', event, fields),
    debug: (event, fields) => write('debug', event, fields),
    setLevel(next) {
      threshold = next;
    },
    level: () => threshold,
  };
}

/** For code that runs before the log folder is known, and for tests. */
export function memoryLogSink(): LogSink & { lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (line) => void lines.push(line) };
}
