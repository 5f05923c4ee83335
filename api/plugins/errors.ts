// Every error answers as application/problem+json: our own problems as they are, schema
// failures naming each field, Fastify's client errors under our codes, Temporal's refusals to
// take a request and a saturated database as a retryable 503, and anything else as a 500 that hides its internals.
import type { App } from '../context.ts';
import { problemBody, problemContentType, ProblemError } from '../problems.ts';

/** Fastify's own client errors, under codes of ours that do not change with its versions. */
const frameworkErrors: Record<string, { code: string; title: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', title: 'Payload too large' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', title: 'Invalid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', title: 'Invalid JSON' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', title: 'Unsupported media type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', title: 'Bad request' },
};

/** The gRPC status codes (google.rpc.Code) the Temporal client's errors carry. */
const grpcStatus = { DEADLINE_EXCEEDED: 4, FAILED_PRECONDITION: 9, RESOURCE_EXHAUSTED: 8, UNAVAILABLE: 14 } as const;

/**
 * A Temporal client error the caller should retry, however deeply wrapped: gRPC UNAVAILABLE or
 * DEADLINE_EXCEEDED (the service does not answer), RESOURCE_EXHAUSTED (it sheds load).
 */
export function temporalRefusal(error: unknown): 'unavailable' | 'overloaded' | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === grpcStatus.UNAVAILABLE || e.code === grpcStatus.DEADLINE_EXCEEDED) return 'unavailable';
    if (e.code === grpcStatus.RESOURCE_EXHAUSTED) return 'overloaded';
    // The session's last workflow task failed (timed out on a worker behind): Temporal retries it; nothing was applied.
    if (e.code === grpcStatus.FAILED_PRECONDITION && /workflow task in failed state/i.test(String((e as { details?: unknown }).details ?? (e as { message?: unknown }).message ?? ''))) return 'unavailable';
  }
  return undefined;
}

/** Prisma's "timed out fetching a new connection from the pool" (P2024) or the pg adapter's pool timeout. */
export function databaseSaturated(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  // P2028 is every transaction API error; only "unable to start" says the pool had no connection.
  return e.code === 'P2024' || (e.code === 'P2028' && /unable to start a transaction in the given time/i.test(message))
    || /timeout exceeded when trying to connect|timed out fetching a new connection/i.test(message);
}

/** What an error wraps, for the log: each cause's kind, gRPC or Prisma code, and message (the logger masks what it must). */
export function causesOf(error: unknown): Array<{ type: string; code?: unknown; message: string }> {
  const causes: Array<{ type: string; code?: unknown; message: string }> = [];
  for (let e = (error as { cause?: unknown } | undefined)?.cause, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
    causes.push({ type: typeof name === 'string' ? name : 'unknown', ...(code !== undefined ? { code } : {}), message: typeof message === 'string' ? message.slice(0, 500) : '' });
  }
  return causes;
}

export function registerErrorHandlers(app: App): void {
  app.setErrorHandler((error, request, reply) => {
    let problem;
    if (error instanceof ProblemError) {
      const { retryAfterSeconds, ...rest } = error.problem;
      if (typeof retryAfterSeconds === 'number') void reply.header('retry-after', String(retryAfterSeconds));
      problem = rest as typeof error.problem;
    } else if ((error as { validation?: unknown }).validation) {
      const e = error as { message: string; validation: Array<{ instancePath: string; message?: string; params?: unknown }>; validationContext?: string };
      problem = {
        status: 400,
        code: 'invalid_request',
        title: 'Invalid request',
        detail: e.message,
        errors: e.validation.map((v) => ({ location: `${e.validationContext ?? 'body'}${v.instancePath}`, message: v.message ?? 'invalid', params: v.params })),
      };
    } else {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== undefined && status >= 400 && status < 500) {
        const known = frameworkErrors[(error as { code?: string }).code ?? ''];
        problem = { status, code: known?.code ?? 'bad_request', title: known?.title ?? 'Bad request', detail: (error as Error).message };
      } else if (temporalRefusal(error) === 'unavailable') {
        // The request may or may not have reached Temporal: retrying with the same Idempotency-Key is safe.
        request.log.warn({ err: error }, 'Temporal unavailable');
        void reply.header('retry-after', '5');
        problem = { status: 503, code: 'temporal_unavailable', title: 'Service unavailable', detail: 'the workflow service does not answer; retry the request (with the same Idempotency-Key) in a moment' };
      } else if (temporalRefusal(error) === 'overloaded') {
        // Temporal shed the request (too many at once): nothing was applied, a retry may be.
        request.log.warn({ err: error }, 'Temporal overloaded');
        void reply.header('retry-after', '2');
        problem = { status: 503, code: 'temporal_overloaded', title: 'Service overloaded', detail: 'the workflow service has too many requests at once; retry the request (with the same Idempotency-Key) in a moment' };
      } else if (databaseSaturated(error)) {
        // Every connection of the pool is busy: nothing was done, a retry in a moment may be.
        request.log.warn({ err: error }, 'database saturated');
        void reply.header('retry-after', '2');
        problem = { status: 503, code: 'database_overloaded', title: 'Service overloaded', detail: 'the database has too many requests at once; retry the request (with the same Idempotency-Key) in a moment' };
      } else {
        request.log.error({ err: error, causes: causesOf(error) }, 'request failed');
        problem = { status: 500, code: 'internal_error', title: 'Internal error', detail: 'the server could not complete the request; it is logged with this request id', requestId: request.id };
      }
    }
    return reply.code(problem.status).type(problemContentType).send(problemBody(problem, request.url));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).type(problemContentType).send(problemBody({ status: 404, code: 'route_not_found', title: 'Not found', detail: `no route ${request.method} ${request.url.split('?')[0]}` }, request.url)),
  );
}
