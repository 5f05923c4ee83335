// Builds the HTTP API from its dependencies. Process entries (bin/) listen; tests inject.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Registry } from 'prom-client';
import type { Database } from '../prisma/database.ts';
import { IdentityProviderUnavailableError, InvalidTokenError, type Principal, type Role, type TokenVerifier } from './auth.ts';
import { registerIdempotency } from './idempotency.ts';
import { registerMetricsRoute } from './metrics.ts';
import { forbidden, problemBody, problemContentType, ProblemError, ProblemSchema } from './problem.ts';
import { registerRateLimits, type RateLimitSettings } from './rate-limits.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerCommitteeRoutes } from './routes/committees.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerMinutesRoutes } from './routes/minutes.ts';
import { registerOfferRoutes } from './routes/offers.ts';
import { registerOpsRoutes } from './routes/ops.ts';
import { registerSessionRoutes } from './routes/sessions.ts';
import { registerZoomWebhook } from './routes/zoom-webhook.ts';
import { SessionClient, sessionWorkflowId } from './session-client.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal | undefined;
    idempotency?: { key: string; hash: string } | undefined;
  }
  interface FastifyContextConfig {
    /** Routes that need no bearer token (/health, /ready, /metrics, the signed Zoom webhook). */
    public?: boolean;
  }
}

export interface ApiDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  verifier: TokenVerifier;
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number;
  /** Sessions meet on Zoom when the deployment has Zoom credentials. */
  videoProvider?: 'manual' | 'zoom';
  zoomWebhookSecret?: string | undefined;
  /** Where GET /metrics reads from; the all-in-one start shares it with the worker. Default: the app's own. */
  metricsRegistry?: Registry | undefined;
  /** The Temporal SDK's Prometheus exporter (http://host:port/metrics), appended to GET /metrics. */
  temporalMetricsUrl?: string | undefined;
  /** The workflow code sessions are replayed with (a pre-built bundle); default: bundled at the first replay. */
  workflowBundlePath?: string | undefined;
  /** Per-subject limits on votes, signatures, ops actions and other writes (api/rate-limits.ts); false: none. Default: generous. */
  rateLimit?: RateLimitSettings | false | undefined;
}

export interface RouteContext {
  db: Database;
  sessions: SessionClient;
  temporal: Client;
  videoProvider: 'manual' | 'zoom';
  workflowBundlePath?: string | undefined;
}

export type App = FastifyInstance<any, any, any, FastifyBaseLogger, TypeBoxTypeProvider>;

export function requireRole(principal: Principal | undefined, ...allowed: Role[]): Principal {
  if (!principal) throw new ProblemError({ status: 401, code: 'unauthenticated', title: 'Unauthenticated', detail: 'a bearer token is required' });
  if (!allowed.some((r) => principal.roles.includes(r))) {
    throw forbidden(`this action needs one of the roles: ${allowed.join(', ')}`, 'role_required');
  }
  return principal;
}

/** Fastify's own client errors, under codes of ours that do not change with its versions. */
const frameworkErrors: Record<string, { code: string; title: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', title: 'Payload too large' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', title: 'Invalid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', title: 'Invalid JSON' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', title: 'Unsupported media type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', title: 'Bad request' },
};

export async function buildApp(deps: ApiDeps): Promise<App> {
  const loggerOption = deps.logger === undefined ? false : deps.logger;
  const app = Fastify({
    ...(loggerOption && typeof loggerOption === 'object' && 'child' in loggerOption
      ? { loggerInstance: loggerOption as FastifyBaseLogger }
      : { logger: loggerOption as FastifyServerOptions['logger'] }),
    bodyLimit: deps.bodyLimit ?? 256 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CALEOL session engine',
        version: '0.1.0',
        description: 'Allocation committee sessions (CALEOL): agenda, attendance, quorum, votes, decisions and minutes.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.addSchema({ ...ProblemSchema, $id: 'Problem' });

  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public || request.url.startsWith('/docs')) return;
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) {
      throw new ProblemError({ status: 401, code: 'unauthenticated', title: 'Unauthenticated', detail: 'a bearer token is required (Authorization: Bearer <token>)' });
    }
    try {
      request.principal = await deps.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new ProblemError({ status: 401, code: 'invalid_token', title: 'Unauthenticated', detail: `the bearer token was refused: ${error.message}` });
      }
      if (error instanceof IdentityProviderUnavailableError) {
        throw new ProblemError({ status: 503, code: 'identity_provider_unavailable', title: 'Service unavailable', detail: error.message });
      }
      throw error;
    }
  });

  app.setErrorHandler((error, request, reply) => {
    let problem;
    if (error instanceof ProblemError) problem = error.problem;
    else if ((error as { validation?: unknown }).validation) {
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
      } else {
        request.log.error({ err: error }, 'request failed');
        problem = { status: 500, code: 'internal_error', title: 'Internal error', detail: 'the server could not complete the request; it is logged with this request id', requestId: request.id };
      }
    }
    return reply.code(problem.status).type(problemContentType).send(problemBody(problem, request.url));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).type(problemContentType).send(problemBody({ status: 404, code: 'route_not_found', title: 'Not found', detail: `no route ${request.method} ${request.url.split('?')[0]}` }, request.url)),
  );

  // A POST without a body is an empty object: optional bodies validate, required fields are named.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined) request.body = {};
    // PostgreSQL text cannot hold NUL: refuse it here rather than fail at the database.
    const where = nulCharacterIn({ body: Buffer.isBuffer(request.body) ? undefined : request.body, query: request.query, params: request.params });
    if (where) throw new ProblemError({ status: 400, code: 'invalid_request', title: 'Invalid request', detail: `${where} contains a NUL character, which no text may hold` });
  });

  // Every log line of a request about a session names its workflow.
  app.addHook('preHandler', async (request) => {
    const params = request.params as { id?: string } | undefined;
    if (params?.id && request.routeOptions.url?.startsWith('/sessions/:id')) {
      request.log = request.log.child({ workflowId: sessionWorkflowId(params.id) });
    }
  });

  await registerRateLimits(app, deps.rateLimit);
  registerIdempotency(app, deps.db);
  // Before the routes: its latency hook times every one of them.
  registerMetricsRoute(app, { db: deps.db, registry: deps.metricsRegistry, temporalMetricsUrl: deps.temporalMetricsUrl });

  const context: RouteContext = {
    db: deps.db, temporal: deps.temporal, sessions: new SessionClient(deps.temporal, deps.taskQueue), videoProvider: deps.videoProvider ?? 'manual',
    workflowBundlePath: deps.workflowBundlePath,
  };
  registerHealthRoutes(app, context);
  registerCommitteeRoutes(app, context);
  registerSessionRoutes(app, context);
  registerMinutesRoutes(app, context);
  registerAuditRoutes(app, context);
  registerOfferRoutes(app, context);
  registerOpsRoutes(app, context);
  registerZoomWebhook(app, context, deps.zoomWebhookSecret);
  return app;
}

/** The path of the first string holding U+0000 in a parsed request, if any. */
function nulCharacterIn(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'the request' : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulCharacterIn(v, `${path}/${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return `${path}/${k}`;
      const found = nulCharacterIn(v, path ? `${path}/${k}` : k);
      if (found) return found;
    }
  }
  return undefined;
}

/** The gRPC status codes (google.rpc.Code) the Temporal client's errors carry. */
const grpcStatus = { DEADLINE_EXCEEDED: 4, RESOURCE_EXHAUSTED: 8, UNAVAILABLE: 14 } as const;

/**
 * A Temporal client error the caller should retry, however deeply wrapped: gRPC UNAVAILABLE or
 * DEADLINE_EXCEEDED (the service does not answer), RESOURCE_EXHAUSTED (it sheds load).
 */
export function temporalRefusal(error: unknown): 'unavailable' | 'overloaded' | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === grpcStatus.UNAVAILABLE || e.code === grpcStatus.DEADLINE_EXCEEDED) return 'unavailable';
    if (e.code === grpcStatus.RESOURCE_EXHAUSTED) return 'overloaded';
  }
  return undefined;
}
