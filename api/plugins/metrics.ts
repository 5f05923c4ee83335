// Prometheus metrics of the API at GET /metrics: request latency, votes, and the sessions and
// decisions in the database, plus the Temporal SDK's own metrics when its exporter is configured.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
import { DecisionType, SessionPhase } from '../../generated/prisma/enums.ts';
import type { Database } from '../../prisma/database.ts';
import type { App } from '../context.ts';

export interface MetricsDeps {
  db: Database;
  /** Shared with the worker in the all-in-one start; by default one per app, so tests can build several. */
  registry?: Registry | undefined;
  /** The Core Prometheus exporter's URL (http://host:port/metrics), appended to each scrape. */
  temporalMetricsUrl?: string | undefined;
}

/** What the vote route (or a hook watching it) calls for each vote accepted. */
export interface VoteMetrics {
  voteCast(choice: string): void;
}

const voteChoices = new Set(['for', 'against', 'abstain']);
/** A slow or absent exporter must not hold the scrape up. */
const temporalScrapeTimeoutMs = 2_000;

/** The registry's metric of that name, or a new one: a registry shared by two apps keeps one of each. */
function metric<T extends Metric>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export function createMetricsRegistry(): Registry {
  return new Registry();
}

/** Registers the latency hook, the vote counter and GET /metrics (public, like /health). */
export function registerMetricsRoute(app: App, deps: MetricsDeps): VoteMetrics {
  const registry = deps.registry ?? createMetricsRegistry();
  const registers = [registry];

  const httpDuration = metric(registry, 'caleol_http_request_duration_seconds', () => new Histogram({
    name: 'caleol_http_request_duration_seconds',
    help: 'HTTP request latency, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers,
  }));
  const votes = metric(registry, 'caleol_votes_cast_total', () => new Counter({
    name: 'caleol_votes_cast_total',
    help: 'Votes accepted by the API (a changed vote counts again; idempotent replays do not)',
    labelNames: ['choice'] as const,
    registers,
  }));

  // Read from PostgreSQL at scrape time: the database, not this process, knows every session.
  metric(registry, 'caleol_sessions', () => new Gauge({
    name: 'caleol_sessions',
    help: 'Sessions in the database, by phase',
    labelNames: ['phase'] as const,
    registers,
    async collect() {
      await collectCounts(this, 'caleol_sessions', 'phase', Object.values(SessionPhase), async () =>
        (await deps.db.session.groupBy({ by: ['phase'], _count: { _all: true } })).map((row) => [row.phase, row._count._all]), app);
    },
  }));
  metric(registry, 'caleol_decisions', () => new Gauge({
    name: 'caleol_decisions',
    help: 'Decisions in the database, by type',
    labelNames: ['type'] as const,
    registers,
    async collect() {
      await collectCounts(this, 'caleol_decisions', 'type', Object.values(DecisionType), async () =>
        (await deps.db.decision.groupBy({ by: ['type'], _count: { _all: true } })).map((row) => [row.type, row._count._all]), app);
    },
  }));

  const voteMetrics: VoteMetrics = {
    voteCast: (choice) => votes.inc({ choice: voteChoices.has(choice) ? choice : 'other' }),
  };

  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    // The route pattern, not the URL: one series per route, whatever the ids.
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (request.routeOptions.config.countsVote && reply.statusCode === 200 && reply.getHeader('idempotent-replayed') !== 'true') {
      const choice = (request.body as { choice?: unknown } | undefined)?.choice;
      voteMetrics.voteCast(typeof choice === 'string' ? choice : 'other');
    }
  });

  app.get('/metrics', {
    config: { public: true },
    // Hidden from OpenAPI: a text exposition for Prometheus, not part of the API contract.
    schema: { hide: true },
  }, async (request, reply) => {
    const ours = await registry.metrics();
    const temporal = deps.temporalMetricsUrl ? await scrapeTemporal(deps.temporalMetricsUrl, request) : '';
    return reply.type(registry.contentType).send(temporal ? `${ours}\n${temporal.endsWith('\n') ? temporal : `${temporal}\n`}` : ours);
  });

  return voteMetrics;
}

/** Sets one sample per known value (zero when absent), so an emptied phase reads 0, not stale. */
async function collectCounts(gauge: Gauge<string>, name: string, label: string, known: string[], read: () => Promise<Array<[string, number]>>, app: App): Promise<void> {
  gauge.reset();
  let rows: Array<[string, number]>;
  try {
    rows = await read();
  } catch (error) {
    // The scrape still answers with the other metrics; the missing series show the outage.
    app.log.warn({ err: error }, `metrics: could not count ${name} in the database`);
    return;
  }
  for (const value of known) gauge.set({ [label]: value }, 0);
  for (const [value, count] of rows) gauge.set({ [label]: value }, count);
}

/** The Core exporter's text, or '' when it does not answer: our own metrics are served anyway. */
async function scrapeTemporal(url: string, request: FastifyRequest): Promise<string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(temporalScrapeTimeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.text();
  } catch (error) {
    request.log.warn({ err: error, url }, 'metrics: the Temporal SDK exporter did not answer');
    return '';
  }
}
