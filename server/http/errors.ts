// Errors a route may throw on purpose; the error handler turns them into the shared error envelope.
import type { z } from 'zod';
import type { ApiErrorCode } from '../../shared/api/errors';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, fields?: string[]) => new HttpError(400, 'validation_failed', message, fields);
export const unauthenticated = (message = 'Sign in to continue.') => new HttpError(401, 'unauthenticated', message);
export const forbidden = (message = 'You do not have permission to do that.') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);

/** Parses input with a zod schema or throws a 400 naming the bad fields (never echoing their values). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => [...issue.path, k].join('.'));
    return [issue.path.join('.') || '(root)'];
  }))];
  const unknown = result.error.issues.some((i) => i.code === 'unrecognized_keys');
  const message = unknown ? `The ${what} has fields that are not allowed: ${fields.join(', ')}.` : `The ${what} is invalid: check ${fields.join(', ')}.`;
  throw badRequest(message, fields);
}
