// Results, not exceptions, across the network and bridge boundary: {ok, value} | {ok, error}.
import type { ApiErrorCode } from '../../shared/api/errors';

export type Result<T, E = ApiFailure> = { ok: true; value: T } | { ok: false; error: E };

/** Failure codes: the server's error codes plus what can go wrong before an answer is read. */
export type ApiFailureCode = ApiErrorCode | 'network_error' | 'timeout' | 'aborted' | 'invalid_response';

/** A failed API call. `status` is 0 when no HTTP answer arrived. The message is plain text, never PHI. */
export interface ApiFailure {
  status: number;
  code: ApiFailureCode;
  message: string;
  fields?: string[];
  /** From a Retry-After header, when the server sent one. */
  retryAfterSeconds?: number;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
