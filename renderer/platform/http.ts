// Low-level HTTP to the care server: base URL, device header, optional Bearer token, JSON in and out,
// zod-checked answers, timeouts, and every failure mapped to an ApiFailure. No retries or refresh here.
import type { z } from 'zod';
import { DEVICE_HEADER } from '../../shared/api/auth';
import { ApiErrorSchema } from '../../shared/api/errors';
import { getDeviceId } from './device-id';
import type { ApiFailure, Result } from './result';
import { serverBaseUrl } from './server-url';

export type QueryValue = string | number | undefined;

export interface SendOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Schema of a 2xx answer; null when the answer has no body (204). */
  schema: z.ZodType<T> | null;
  bearer?: string | null;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The fetch to use for this call (tests simulate a flaky network per device); default: the platform's. */
  fetch?: typeof fetch;
}

let fetchOverride: typeof fetch | null = null;

/** For tests and the benchmark entry: route every request through this fetch (null: the global fetch). */
export function setFetchImplementation(impl: typeof fetch | null): void {
  fetchOverride = impl;
}

const DEFAULT_TIMEOUT_MS = 20_000;

const failure = (status: number, code: ApiFailure['code'], message: string): ApiFailure => ({ status, code, message });

function buildUrl(base: string, path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function errorFromResponse(response: Response): Promise<ApiFailure> {
  const parsed = ApiErrorSchema.safeParse(await readJson(response));
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const base: ApiFailure = parsed.success
    ? { status: response.status, code: parsed.data.error.code, message: parsed.data.error.message, ...(parsed.data.error.fields ? { fields: parsed.data.error.fields } : {}) }
    : failure(response.status, response.status >= 500 ? 'internal' : 'bad_request', `The server answered with status ${response.status}.`);
  return retryAfterSeconds === undefined ? base : { ...base, retryAfterSeconds };
}

export async function send<T>(options: SendOptions<T>): Promise<Result<T>> {
  let base: string;
  try {
    base = await serverBaseUrl();
  } catch {
    return { ok: false, error: failure(0, 'network_error', 'The server address is not configured.') };
  }
  const headers: Record<string, string> = { accept: 'application/json', [DEVICE_HEADER]: getDeviceId() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  let response: Response;
  try {
    const doFetch = options.fetch ?? fetchOverride ?? fetch;
    response = await doFetch(buildUrl(base, options.path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    if (options.signal?.aborted) return { ok: false, error: failure(0, 'aborted', 'The request was cancelled.') };
    if (timeout.aborted) return { ok: false, error: failure(0, 'timeout', 'The server took too long to answer.') };
    return { ok: false, error: failure(0, 'network_error', 'Could not reach the Housecall server.') };
  }

  if (!response.ok) return { ok: false, error: await errorFromResponse(response) };
  if (options.schema === null) return { ok: true, value: undefined as T };
  const parsed = options.schema.safeParse(await readJson(response));
  if (!parsed.success) return { ok: false, error: failure(response.status, 'invalid_response', 'The server sent an unexpected response.') };
  return { ok: true, value: parsed.data };
}
