// Prometheus metrics of the API at GET /metrics: request latency, votes, and what the database
// knows (sessions, decisions, sessions past their phase's expected time, convocations that failed,
// offers awaiting an answer), plus the Temporal SDK's own metrics when its exporter is configured.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
import { finishedPhases } from '../../domain/session/index.ts';
import { DecisionType, SessionPhase } from '../../generated/prisma/enums.ts';
import type { Database } from '../../prisma/database.ts';
import type { App } from '../context.ts';
import { expectedPhaseDurationMs } from '../services/ops-client.ts';

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

/**
 * The phases a session is stuck in once it has stayed longer than GET /ops/stuck expects. The
 * finished phases (completed, adjourned, cancelled) are left out: their rows keep the phase after
 * the workflow has ended, which only Temporal can tell apart from a workflow that did not end.
 */
const timedPhases = Object.entries(expectedPhaseDurationMs)
  .filter(([phase]) => !finishedPhases.has(phase as SessionPhase)) as Array<[SessionPhase, number]>;
/** The window of `caleol_offers_deadline_due{within="24h"}`. */
const offerDueWithin = { label: '24h', ms: 24 * 3_600_000 } as const;

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

  // A session's row changes in a live phase only when its phase does (activities/store/
  // session-events.ts), so updated_at is when the phase began, as far as the database knows.
  metric(registry, 'caleol_stuck_sessions', () => new Gauge({
    name: 'caleol_stuck_sessions',
    help: 'Sessions in a live phase for longer than expected since the phase began (GET /ops/stuck tells why), by phase',
    labelNames: ['phase'] as const,
    registers,
    async collect() {
      const now = Date.now();
      await collectCounts(this, 'caleol_stuck_sessions', 'phase', timedPhases.map(([phase]) => phase), async () =>
        (await deps.db.session.groupBy({
          by: ['phase'],
          where: {
            OR: timedPhases.map(([phase, ms]) => ({
              phase, updatedAt: { lt: new Date(now - ms) },
              // A written session deliberates until its window closes (the row follows an extension).
              ...(phase === 'deliberating' ? { OR: [{ windowClosesAt: null }, { windowClosesAt: { lt: new Date(now - expectedPhaseDurationMs.closed!) } }] } : {}),
            })),
          },
          _count: { _all: true },
        })).map((row) => [row.phase, row._count._all]), app);
    },
  }));
  metric(registry, 'caleol_convocations_failed', () => new Gauge({
    name: 'caleol_convocations_failed',
    help: 'Members of convened sessions whose last convocation e-mail failed and whose delivery was not recorded since',
    registers,
    async collect() {
      await collectValue(this, 'caleol_convocations_failed', () => failedConvocations(deps.db), app);
    },
  }));
  // One query for the three offer gauges of a scrape (they are collected together).
  const offerCounts = shared(() => awaitedOffers(deps.db, new Date()));
  metric(registry, 'caleol_offers_awaiting_answer', () => new Gauge({
    name: 'caleol_offers_awaiting_answer',
    help: 'Offers of a dwelling awaiting the applicant\'s answer',
    registers,
    async collect() {
      await collectValue(this, 'caleol_offers_awaiting_answer', async () => (await offerCounts()).awaiting, app);
    },
  }));
  metric(registry, 'caleol_offers_deadline_due', () => new Gauge({
    name: 'caleol_offers_deadline_due',
    help: 'Offers awaiting an answer whose deadline falls within the window (not yet passed)',
    labelNames: ['within'] as const,
    registers,
    async collect() {
      await collectCounts(this, 'caleol_offers_deadline_due', 'within', [offerDueWithin.label], async () => [[offerDueWithin.label, (await offerCounts()).due]], app);
    },
  }));
  metric(registry, 'caleol_offers_past_deadline', () => new Gauge({
    name: 'caleol_offers_past_deadline',
    help: 'Offers still awaiting an answer after their deadline: the offer workflow\'s timer expires them, so this stays 0 unless it did not fire',
    registers,
    async collect() {
      await collectValue(this, 'caleol_offers_past_deadline', async () => (await offerCounts()).past, app);
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

/** One sample, or none when the read fails (an unlabelled gauge would otherwise read 0 after reset). */
async function collectValue(gauge: Gauge<string>, name: string, read: () => Promise<number>, app: App): Promise<void> {
  gauge.reset();
  try {
    gauge.set(await read());
  } catch (error) {
    gauge.remove({});
    app.log.warn({ err: error }, `metrics: could not count ${name} in the database`);
  }
}

/** Calls made while one is in flight share its result: the gauges of one scrape, one query. */
function shared<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= read().finally(() => {
    pending = undefined;
  }));
}

/**
 * The convened sessions' members whose delivery failed: the convocation table keeps only the
 * e-mails sent, so the failures are read from each session's last `convocations_sent` event (it
 * names every member still waiting), less the deliveries recorded by hand after it. Convened
 * sessions are few and their events reached through the index on audit_event(session_id).
 */
async function failedConvocations(db: Database): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ failed: number }>>`
    SELECT count(*)::int AS failed
    FROM session s
    CROSS JOIN LATERAL (
      SELECT e.id, e.payload FROM audit_event e
      WHERE e.session_id = s.id AND e.type = 'convocations_sent'
      ORDER BY e.id DESC LIMIT 1
    ) sent
    CROSS JOIN LATERAL jsonb_array_elements(COALESCE(sent.payload -> 'failed', '[]'::jsonb)) f
    WHERE s.phase = 'convened'
      AND NOT EXISTS (
        SELECT 1 FROM audit_event d
        WHERE d.session_id = s.id AND d.type = 'convocation_delivered' AND d.id > sent.id
          AND d.payload ->> 'memberId' = f ->> 'memberId')`;
  return row?.failed ?? 0;
}

/** The offers awaiting an answer, those due within the window and those past their deadline. */
async function awaitedOffers(db: Database, now: Date): Promise<{ awaiting: number; due: number; past: number }> {
  const soon = new Date(now.getTime() + offerDueWithin.ms);
  const [row] = await db.$queryRaw<Array<{ awaiting: number; due: number; past: number }>>`
    SELECT count(*)::int AS awaiting,
      (count(*) FILTER (WHERE deadline >= ${now}::timestamptz AND deadline < ${soon}::timestamptz))::int AS due,
      (count(*) FILTER (WHERE deadline < ${now}::timestamptz))::int AS past
    FROM offer WHERE status = 'offered'`;
  return row ?? { awaiting: 0, due: 0, past: 0 };
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
