// GET /metrics against the real system: request latency by route, votes, sessions by phase and
// decisions by type read from PostgreSQL, activity attempts from a worker sharing the registry,
// and the Temporal SDK exporter's text appended when it answers (and skipped when it does not).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { LightMyRequestResponse } from 'fastify';
import { Registry } from 'prom-client';
import { untilConvened } from '../support/api-client.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { smtpMailer } from '../../activities/notify/mailer.ts';
import { createWorker } from '../../activities/worker.ts';
import { buildApp, type App } from '../../api/app.ts';
import { localTokenVerifier } from '../../api/auth.ts';
import { canonicalJson } from '../../documents/canonical-json.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { testDataConverter } from '../support/payload-keys.ts';
import { eventually, startHarness, testSecret, type Harness } from '../support/harness.ts';
import { freePort } from '../support/ports.ts';

/** Equal counts, whatever order the labels came in. */
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** The samples of one metric in a Prometheus text exposition. */
function samples(text: string, name: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match || match[1] !== name) return [];
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]));
    return [{ labels, value: Number(match[3]) }];
  });
}

/** The value of the sample whose labels include `labels`, or undefined. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  return samples(text, name).find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

let h: Harness;
let secretary: string;
// The app under test shares one registry with its own worker, as `npm start` does.
let app: App;
let worker: Worker;
let running: Promise<void>;
let nativeConnection: NativeConnection;
const registry = new Registry();

beforeAll(async () => {
  h = await startHarness('metrics');
  secretary = await h.token({ subject: 'secretary@metrics', roles: ['secretary'] });
  const taskQueue = `metrics-shared-${randomUUID()}`;
  nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
  worker = await createWorker({
    connection: nativeConnection, namespace: 'default', taskQueue, db: h.db, workflowBundlePath: inject('workflowBundlePath'),
    organizer: { name: 'Secrétariat CALEOL', email: 'caleol@oph.test' }, metricsRegistry: registry,
    mailer: smtpMailer(h.mail!.url, 'Secrétariat CALEOL <caleol@oph.test>'), dataConverter: testDataConverter,
  });
  running = worker.run();
  app = await buildApp({ db: h.db, temporal: h.client, taskQueue, verifier: localTokenVerifier(testSecret), metricsRegistry: registry });
});
afterAll(async () => {
  await app?.close();
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await nativeConnection?.close();
  await h?.close();
});

async function call(method: 'GET' | 'POST', url: string, token: string | undefined, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, payload: payload as object, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
}

async function scrape(target: App = app): Promise<LightMyRequestResponse> {
  const res = await target.inject({ method: 'GET', url: '/metrics' });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return res;
}

/** The database's counts, as a gauge reads them (phases with no session are absent). */
async function sessionCounts(): Promise<Record<string, number>> {
  const rows = await h.db.session.groupBy({ by: ['phase'], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.phase, r._count._all]));
}
async function decisionCounts(): Promise<Record<string, number>> {
  const rows = await h.db.decision.groupBy({ by: ['type'], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.type, r._count._all]));
}

/** The gauge's non-zero samples, as the database counts look. */
function gaugeCounts(text: string, name: string, label: string): Record<string, number> {
  return Object.fromEntries(samples(text, name).filter((s) => s.value > 0).map((s) => [s.labels[label]!, s.value]));
}

describe('GET /metrics', () => {
  it('needs no token, is not in the OpenAPI document, and times requests by route pattern', async () => {
    const unauthenticated = await call('POST', '/committees', undefined, committeeInput(' metrics no token'));
    expect(unauthenticated.statusCode).toBe(401);
    const created = await call('POST', '/committees', secretary, committeeInput(` metrics ${randomUUID()}`));
    expect(created.statusCode).toBe(201);
    const committeeId = created.json<{ id: string }>().id;
    expect((await call('GET', `/committees/${committeeId}`, secretary)).statusCode).toBe(200);

    const text = (await scrape()).body;
    expect(text).toMatch(/^caleol_http_request_duration_seconds_bucket\{[^}]*route="\/committees"[^}]*\} \d+$/m);
    expect(valueOf(text, 'caleol_http_request_duration_seconds_count', { method: 'POST', route: '/committees', status_code: '201' })).toBe(1);
    expect(valueOf(text, 'caleol_http_request_duration_seconds_count', { method: 'POST', route: '/committees', status_code: '401' })).toBe(1);
    // One series per route, not per committee id.
    expect(valueOf(text, 'caleol_http_request_duration_seconds_count', { method: 'GET', route: '/committees/:id', status_code: '200' })).toBe(1);
    expect(text).not.toContain(committeeId);

    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });

  it('counts votes, sessions by phase, decisions by type and the worker\'s activity attempts', async () => {
    const created = await call('POST', '/committees', secretary, committeeInput(` metrics votes ${randomUUID()}`));
    expect(created.statusCode).toBe(201);
    const committee = created.json<{ id: string; members: Array<{ id: string; name: string; chair: boolean }> }>();
    const memberToken = (name: string) => {
      const m = committee.members.find((x) => x.name === name)!;
      return h.token({ subject: m.id, memberId: m.id, roles: m.chair ? ['member', 'chair'] : ['member'] });
    };

    // One session stays in draft; the other goes to a vote.
    const draft = await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(30), mode: 'remote' });
    expect(draft.statusCode).toBe(201);
    const scheduled = await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(14), mode: 'remote' });
    expect(scheduled.statusCode).toBe(201);
    const sessionId = scheduled.json<{ id: string }>().id;
    const added = await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, agendaItemInput('MET-0001'));
    expect(added.statusCode).toBe(201);
    const item = added.json<{ id: string; candidates: Array<{ applicationId: string }> }>();
    expect((await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary)).json()).toEqual({ phase: 'convened' });
    await untilConvened(call, `/sessions/${sessionId}`, secretary);
    expect((await call('POST', `/sessions/${sessionId}/open`, secretary)).json()).toEqual({ phase: 'open' });
    for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Maire de Villeneuve']) {
      const memberId = committee.members.find((m) => m.name === name)!.id;
      expect((await call('POST', `/sessions/${sessionId}/attendance`, secretary, { memberId, present: true })).statusCode).toBe(200);
    }
    const [a, b, c] = item.candidates.map((x) => x.applicationId);
    const proposal = [
      { applicationId: a, type: 'ranked_attribution', rank: 1 },
      { applicationId: b, type: 'ranked_attribution', rank: 2 },
      { applicationId: c, type: 'non_attribution', reasons: 'Taux d\'effort de 45 %, supérieur au seuil de l\'article R441-3-1 du CCH' },
    ];
    const opened = await call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/vote/open`, secretary, { proposal });
    expect(opened.statusCode, opened.body).toBe(200);

    const votesUrl = `/sessions/${sessionId}/agenda-items/${item.id}/votes`;
    const claire = await memberToken('Claire Martin');
    expect((await call('POST', votesUrl, claire, { choice: 'for' }, { 'idempotency-key': 'metrics-vote-claire' })).statusCode).toBe(200);
    // A retried request is one vote.
    const replayed = await call('POST', votesUrl, claire, { choice: 'for' }, { 'idempotency-key': 'metrics-vote-claire' });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect((await call('POST', votesUrl, await memberToken('Karim Benali'), { choice: 'for' })).statusCode).toBe(200);
    expect((await call('POST', votesUrl, await memberToken('Sophie Leroy'), { choice: 'against' })).statusCode).toBe(200);
    expect((await call('POST', votesUrl, await memberToken('Jean Dupuis'), { choice: 'abstain' })).statusCode).toBe(200);
    // A refused vote is not counted.
    expect((await call('POST', votesUrl, await memberToken('Amina Diallo'), { choice: 'for' })).statusCode).toBe(403);
    const closed = await call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/vote/close`, secretary);
    expect(closed.statusCode, closed.body).toBe(200);

    const votes = (await scrape()).body;
    expect(valueOf(votes, 'caleol_votes_cast_total', { choice: 'for' })).toBe(2);
    expect(valueOf(votes, 'caleol_votes_cast_total', { choice: 'against' })).toBe(1);
    expect(valueOf(votes, 'caleol_votes_cast_total', { choice: 'abstain' })).toBe(1);

    // The workflow stores the phase and the decisions through activities, a moment later.
    await eventually(() => h.db.decision.count({ where: { sessionId } }), (n) => n === 3);
    await eventually(() => h.db.session.findUniqueOrThrow({ where: { id: sessionId } }), (s) => s.phase === 'deliberating');

    // Other test files write to the same database: wait for a scrape with no write around it, and
    // compare with the counts read just before and after.
    const stable = await eventually(async () => {
      const before = { sessions: await sessionCounts(), decisions: await decisionCounts() };
      const text = (await scrape()).body;
      const after = { sessions: await sessionCounts(), decisions: await decisionCounts() };
      return { before, after, text };
    }, ({ before, after, text }) => same(before.sessions, after.sessions) && same(before.decisions, after.decisions)
      && same(gaugeCounts(text, 'caleol_sessions', 'phase'), before.sessions)
      && same(gaugeCounts(text, 'caleol_decisions', 'type'), before.decisions), 45_000);
    const text = stable.text;
    expect(valueOf(text, 'caleol_sessions', { phase: 'draft' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'caleol_sessions', { phase: 'deliberating' })).toBeGreaterThanOrEqual(1);
    // Every phase and type has a sample, zero when none.
    expect(samples(text, 'caleol_sessions').map((s) => s.labels.phase)).toEqual(expect.arrayContaining(['draft', 'convened', 'open', 'deliberating', 'closed', 'signed', 'completed', 'cancelled']));
    expect(valueOf(text, 'caleol_decisions', { type: 'ranked_attribution' })).toBeGreaterThanOrEqual(2);
    expect(valueOf(text, 'caleol_decisions', { type: 'non_attribution' })).toBeGreaterThanOrEqual(1);
    expect(samples(text, 'caleol_decisions')).toHaveLength(6);

    // The worker counts its activity attempts in the registry the API serves.
    const attempts = samples(text, 'caleol_activity_attempts_total');
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((s) => s.labels.activity_type && s.value >= 1)).toBe(true);
    expect(text).toContain('# TYPE caleol_activity_failures_total counter');
  });
});

describe('the Temporal SDK exporter', () => {
  const servers: Server[] = [];
  const apps: App[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
    for (const s of servers) await new Promise((resolve) => s.close(resolve));
  });

  async function appWith(temporalMetricsUrl: string): Promise<App> {
    const built = await buildApp({ db: h.db, temporal: h.client, taskQueue: h.taskQueue, verifier: localTokenVerifier(testSecret), temporalMetricsUrl });
    apps.push(built);
    return built;
  }

  it('is appended to our metrics when it answers', async () => {
    const server = createServer((request, response) => {
      response.writeHead(request.url === '/metrics' ? 200 : 404, { 'content-type': 'text/plain; version=0.0.4' });
      response.end('# HELP temporal_request Requests\n# TYPE temporal_request counter\ntemporal_request 1\n');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const text = (await scrape(await appWith(`http://127.0.0.1:${port}/metrics`))).body;
    expect(text).toMatch(/^temporal_request 1$/m);
    expect(text).toContain('# TYPE caleol_http_request_duration_seconds histogram');
    expect(text).toContain('# TYPE caleol_sessions gauge');
  });

  it('is left out, and /metrics still answers, when it is unreachable', async () => {
    const closedPort = await freePort();
    const text = (await scrape(await appWith(`http://127.0.0.1:${closedPort}/metrics`))).body;
    expect(text).not.toContain('temporal_request');
    expect(text).toContain('# TYPE caleol_sessions gauge');
    expect(text).toContain('# TYPE caleol_votes_cast_total counter');
  });
});
