// Builds the HTTP API from its dependencies: the plugins (documentation, authentication, committee
// scope, errors, input guards, rate limits, idempotency, metrics), then the routes. Process entries (bin/)
// listen; tests inject.
import helmet from '@fastify/helmet';
import { fastifySSE } from '@fastify/sse';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import Fastify, { type FastifyBaseLogger, type FastifyPluginCallback, type FastifyServerOptions } from 'fastify';
import type { Registry } from 'prom-client';
import type { Database } from '../prisma/database.ts';
import { sessionWorkflowId } from '../workflows/ids.ts';
import { defaultMaxTokenLifetimeSeconds, type TokenVerifier } from './auth.ts';
import type { App, RouteContext } from './context.ts';
import { registerAuthentication } from './plugins/authentication.ts';
import { completeContract } from './openapi-contract.ts';
import { registerCommitteeScope } from './plugins/committee-scope.ts';
import { registerErrorHandlers } from './plugins/errors.ts';
import { registerIdempotency } from './plugins/idempotency.ts';
import { registerInputGuards } from './plugins/input-guards.ts';
import { registerMetricsRoute } from './plugins/metrics.ts';
import { registerRateLimits, type RateLimitSettings } from './plugins/rate-limits.ts';
import { ProblemSchema } from './problems.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerCommitteeRoutes } from './routes/committees.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerMinutesRoutes } from './routes/minutes.ts';
import { registerOfferRoutes } from './routes/offers.ts';
import { registerOpsRoutes } from './routes/ops.ts';
import { registerSessionRoutes } from './routes/sessions.ts';
import { registerZoomWebhook } from './routes/zoom-webhook.ts';
import { registerCodecRoutes } from './routes/codec.ts';
import type { DocumentSigning } from './services/pdf-signing.ts';
import { registerOutboxRoutes } from './routes/outbox.ts';
import { registerBrowserSessionRoutes, type BrowserSignIn } from './routes/browser-session.ts';
import { registerWebApp, webAppPath } from './plugins/web-app.ts';
import type { OidcSignIn } from './services/oidc-sign-in.ts';
import { SessionClient } from './services/session-client.ts';
import { defaultStreamLimits, SessionStreams, type StreamLimits } from './services/session-streams.ts';
import { TokenRevocations } from './services/token-revocations.ts';

export type { App } from './context.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  /** Per-subject limits on votes, signatures, ops actions and other writes (plugins/rate-limits.ts); false: none. Default: generous. */
  rateLimit?: RateLimitSettings | false | undefined;
  /** Bounds on the live events streams (services/session-streams.ts). */
  streamLimits?: Partial<StreamLimits> | undefined;
  /** How Temporal payloads are encoded (encrypted): replays use it, and POST /codec/decode shows them to ops. */
  dataConverter?: DataConverter | undefined;
  /** Origins (the Temporal UI's) allowed to call the codec endpoint from a browser. */
  codecCorsOrigins?: readonly string[] | undefined;
  /** The public keys that verify the audit trail's checkpoints, by key id; none: checkpoints are reported unverifiable. */
  checkpointKeys?: ReadonlyMap<string, string> | undefined;
  /** The longest a token may live, which bounds how long a revocation is kept; default 31 days. */
  maxTokenLifetimeSeconds?: number | undefined;
  /** Signing certificates and the timestamp authority for the PDF signatures of the minutes. */
  documentSigning?: DocumentSigning | undefined;
  /** Where the embedded mail catcher keeps what was sent (GET /outbox); absent: mail goes through SMTP_URL. */
  outboxDir?: string | undefined;
  /** The browser's demo sign-in (local tokens under npm start); absent: none. */
  browserSignIn?: BrowserSignIn | undefined;
  /** The browser's sign-in at the organisation's identity provider (AUTH_MODE=oidc); absent: none. */
  oidcSignIn?: { signIn: OidcSignIn; redirectUri: string } | undefined;
  /** The address clients call (PUBLIC_URL): the OpenAPI document's server. */
  publicUrl?: string | undefined;
  /** The identity provider's discovery document (AUTH_MODE=oidc): the OpenAPI document's OIDC scheme. */
  openIdConnectUrl?: string | undefined;
  /** OpenTelemetry's Fastify plugin, registered before anything else (bin/tracing.ts); absent: no spans. */
  instrumentation?: FastifyPluginCallback | undefined;
  /** The Temporal UI's address, linked from the ops pages; absent: no links. */
  temporalUiUrl?: string | undefined;
  /** The built web application (web/dist), served under /app/; absent or not built: /app/ says so. */
  webAppDir?: string | undefined;
}

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
  if (deps.instrumentation) await app.register(deps.instrumentation);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CALEOL session engine',
        version: '0.1.0',
        description: 'Allocation committee sessions (CALEOL): agenda, attendance, quorum, votes, decisions and minutes.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          browserSession: { type: 'apiKey', in: 'cookie', name: 'caleol_session', description: 'The web application\'s session (POST /auth/demo-sign-in); writes need the application\'s own Origin' },
        },
      },
      security: [{ bearer: [] }, { browserSession: [] }],
    },
    // Shared schemas keep their own name in the document (`Problem`), not `def-0`.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transformObject: (built) => completeContract(('openapiObject' in built ? built.openapiObject : built.swaggerObject) as Record<string, unknown>, { publicUrl: deps.publicUrl, openIdConnectUrl: deps.openIdConnectUrl }),
  });
  // Security headers on every answer: a JSON API needs no script, style or frame of anyone's. The
  // documentation pages get their own policy (their scripts and styles, by hash); served over
  // plain HTTP on a workstation, nothing is upgraded to HTTPS.
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"], upgradeInsecureRequests: null } },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  // Answers carry personal data (names, households, decisions): no cache keeps them.
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/docs') && !request.url.startsWith(`${webAppPath}assets/`)) void reply.header('cache-control', 'no-store');
  });
  app.addSchema({ ...ProblemSchema, $id: 'Problem' });

  // Before authentication: a person opening a session's link is sent to its page, signed in or not.
  await registerWebApp(app, deps.webAppDir);
  const revocations = new TokenRevocations(deps.db, deps.maxTokenLifetimeSeconds ?? defaultMaxTokenLifetimeSeconds.local);
  registerAuthentication(app, deps.verifier, revocations);
  registerCommitteeScope(app, deps.db);
  registerErrorHandlers(app);
  registerInputGuards(app);
  // Every log line of a request about a session names it and its workflow, the last one included.
  app.addHook('onRequest', async (request, reply) => {
    const params = request.params as { id?: string } | undefined;
    if (params?.id && uuidPattern.test(params.id) && request.routeOptions.url?.startsWith('/sessions/:id')) {
      request.log = request.log.child({ sessionId: params.id, workflowId: sessionWorkflowId(params.id) });
      reply.log = request.log;
    }
  });
  await registerRateLimits(app, deps.rateLimit);
  registerIdempotency(app, deps.db);
  // Before the routes: its latency hook times every one of them.
  registerMetricsRoute(app, { db: deps.db, registry: deps.metricsRegistry, temporalMetricsUrl: deps.temporalMetricsUrl });

  const sessions = new SessionClient(deps.temporal, deps.taskQueue);
  const streams = new SessionStreams(sessions, { ...defaultStreamLimits, ...deps.streamLimits });
  await app.register(fastifySSE, { heartbeatInterval: streams.limits.heartbeatMs });
  app.addHook('onClose', async () => streams.close());
  const context: RouteContext = {
    db: deps.db, temporal: deps.temporal, sessions, streams, revocations, videoProvider: deps.videoProvider ?? 'manual',
    checkpointKeys: deps.checkpointKeys ?? new Map(),
    dataConverter: deps.dataConverter ?? {},
    workflowBundlePath: deps.workflowBundlePath,
    documentSigning: deps.documentSigning,
  };
  registerHealthRoutes(app, context);
  registerCommitteeRoutes(app, context);
  registerSessionRoutes(app, context);
  registerMinutesRoutes(app, context);
  registerAuditRoutes(app, context);
  registerOfferRoutes(app, context);
  registerOpsRoutes(app, context, { taskQueue: deps.taskQueue, temporalUiUrl: deps.temporalUiUrl });
  registerZoomWebhook(app, context, deps.zoomWebhookSecret);
  registerCodecRoutes(app, context, deps.codecCorsOrigins ?? []);
  registerOutboxRoutes(app, context, deps.outboxDir);
  registerBrowserSessionRoutes(app, context, deps.browserSignIn, deps.oidcSignIn);
  return app;
}
