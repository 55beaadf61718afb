// Turns every failure into the shared error envelope with a 4xx/5xx status; never sends a stack or PHI,
// and logs only the error's kind and code (database messages can quote the values that failed).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError, ApiErrorCode } from '../../shared/api/errors';
import { HttpError } from './errors';

const FASTIFY_CODES: Record<string, { status: number; code: ApiErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Send the request body as application/json.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_request', message: 'The request body is empty; send a JSON object.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'bad_request', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', message: 'The Content-Length header does not match the body.' },
};

export function envelope(code: ApiErrorCode, message: string, fields?: string[]): ApiError {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/**
 * Fastify's own answers for errors before routing (a malformed or over-long address) quote the address, which
 * can name a patient: this replaces them with the shared envelope (Fastify's `frameworkErrors` option).
 */
export function frameworkErrorReply(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.code(414).send(envelope('bad_request', 'The address is too long: a part of it is longer than the server accepts.'));
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    void reply.code(400).send(envelope('bad_request', 'The address is not valid: it has a malformed percent-encoding.'));
    return;
  }
  void reply.code(500).send(envelope('internal', 'Something went wrong on the server. The error was logged.'));
}

/** notFound: called for unmatched requests that are not API calls (e.g. to serve the web app's index). */
export function installErrorHandling(app: FastifyInstance, notFound?: (request: FastifyRequest, reply: FastifyReply) => unknown): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send(envelope(error.code, error.message, error.fields));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.code(known.status).send(envelope(known.code, known.message));
    if (error instanceof SyntaxError || (error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP'))) {
      return reply.code(400).send(envelope('bad_request', 'The request body is not valid JSON.'));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(envelope('bad_request', 'The request could not be understood.'));
    }
    request.log.error({ err: { type: error.name, code: (error as { code?: string }).code ?? null, stack: stackWithoutMessage(error) }, route: request.routeOptions.url }, 'request failed');
    return reply.code(500).send(envelope('internal', 'Something went wrong on the server. The error was logged.'));
  });

  app.setNotFoundHandler((request, reply) => {
    if (notFound && !request.url.startsWith('/api/') && request.method === 'GET') return notFound(request, reply);
    return reply.code(404).send(envelope('not_found', 'No such endpoint.'));
  });
}

/** The stack frames without the first line, which holds the message (and so possibly patient data). */
function stackWithoutMessage(error: Error): string | undefined {
  return error.stack?.split('\n').slice(1).join('\n');
}
