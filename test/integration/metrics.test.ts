// GET /metrics against the real system: request latency by route, votes, sessions by phase and
// decisions by type read from PostgreSQL, sessions past their phase's expected time, failed
// convocations and offers by deadline, activity attempts from a worker sharing the registry,
// and the Temporal SDK exporter's text appended when it answers (and skipped when it does not).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { LightMyRequestResponse } from 'fastify';
import { Registry } from 'prom-client';
import { untilConvened } from '../support/api-client.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { smtpMailer, type Mailer } from '../../activities/notify/mailer.ts';
import { createWorker } from '../../activities/worker.ts';
import { buildApp, type App } from '../../api/app.ts';
import { createDatabase } from '../../prisma/database.ts';
import { localTokenVerifier } from '../../api/auth.ts';
import { canonicalJson } from '../../documents/canonical-json.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { seedAttributedDwelling, startOfferWorkflow } from '../support/offer-fixture.ts';
import { seedCommittee } from '../support/time-skipping.ts';
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
let taskQueue: string;
/** Mail to these addresses bounces, as a mailbox that does not exist does. */
const bouncing = '@bounce.test';

beforeAll(async () => {
  h = await startHarness('metrics');
  secretary = await h.token({ subject: 'secretary@metrics', roles: ['secretary'] });
  taskQueue = `metrics-shared-${randomUUID()}`;
  nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const smtp = smtpMailer(h.mail!.url, 'Secrétariat CALEOL <caleol@oph.test>');
  const mailer: Mailer = {
    send: (mail) => (mail.to.address.endsWith(bouncing) ? Promise.reject(new Error(`550 5.1.1 <${mail.to.address}>: mailbox unavailable`)) : smtp.send(mail)),
    close: () => smtp.close(),
  };
  worker = await createWorker({
    connection: nativeConnection, namespace: 'default', taskQueue, db: h.db, workflowBundlePath: inject('workflowBundlePath'),
    organizer: { name: 'Secrétariat CALEOL', email: 'caleol@oph.test' }, metricsRegistry: registry,
    mailer, dataConverter: testDataConverter,
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
    // The route label the vote latency alert (deploy/prometheus/alerts.yml) selects.
    expect(valueOf(votes, 'caleol_http_request_duration_seconds_count', { method: 'POST', route: '/sessions/:id/agenda-items/:itemId/votes', status_code: '200' })).toBe(5);
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

  // Other test files write to the same database at the same time: each row below is switched
  // between two states, and the difference between the scrapes of each is what it adds.
  it('reads stuck sessions, failed convocations and offers by deadline from the database', async () => {
    const gauges = async () => {
      const text = (await scrape()).body;
      return {
        text,
        stuckOpen: valueOf(text, 'caleol_stuck_sessions', { phase: 'open' }),
        failedConvocations: valueOf(text, 'caleol_convocations_failed'),
        awaiting: valueOf(text, 'caleol_offers_awaiting_answer'),
        due: valueOf(text, 'caleol_offers_deadline_due', { within: '24h' }),
        past: valueOf(text, 'caleol_offers_past_deadline'),
      };
    };

    // A session open for 7 hours (6 are expected) is stuck; one whose phase began now is not.
    const seeded = await seedCommittee(h.db, `Metrics stuck ${randomUUID()}`);
    const stuckId = randomUUID();
    await h.db.session.create({
      data: { id: stuckId, committeeId: seeded.committeeId, rulesVersion: 1, scheduledStart: new Date(Date.now() - 7 * 3_600_000), mode: 'remote', phase: 'open', workflowId: `session-${stuckId}` },
    });
    const phaseBegan = (msAgo: number) => h.db.$executeRaw`UPDATE session SET updated_at = ${new Date(Date.now() - msAgo)}::timestamptz WHERE id = ${stuckId}::uuid`;
    const stuck = await eventually(async () => {
      await phaseBegan(7 * 3_600_000);
      const aged = await gauges();
      await phaseBegan(0);
      const fresh = await gauges();
      return { aged, fresh };
    }, ({ aged, fresh }) => aged.stuckOpen !== undefined && fresh.stuckOpen !== undefined && aged.stuckOpen - fresh.stuckOpen === 1, 45_000);
    expect(stuck.aged.stuckOpen).toBeGreaterThanOrEqual(1);
    // Every live phase with an expected duration has a sample; the finished ones have none.
    expect(samples(stuck.aged.text, 'caleol_stuck_sessions').map((x) => x.labels.phase).sort()).toEqual(['closed', 'deliberating', 'notified', 'open', 'signed']);
    await h.db.session.update({ where: { id: stuckId }, data: { phase: 'completed' } });

    // A member whose mailbox bounces: the workflow records the failure and the session stays convened.
    const committeeIn = committeeInput(` metrics convocations ${randomUUID()}`);
    committeeIn.members = (committeeIn.members ?? []).map((m) => (m.name === 'Amina Diallo' ? { ...m, email: `amina${bouncing}` } : m));
    const created = await call('POST', '/committees', secretary, committeeIn);
    expect(created.statusCode, created.body).toBe(201);
    const committee = created.json<{ id: string; members: Array<{ id: string; name: string }> }>();
    const amina = committee.members.find((m) => m.name === 'Amina Diallo')!.id;
    const scheduled = await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(40), mode: 'remote' });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const convenedId = scheduled.json<{ id: string }>().id;
    expect((await call('POST', `/sessions/${convenedId}/agenda-items`, secretary, agendaItemInput('MET-0002'))).statusCode).toBe(201);
    expect((await call('POST', `/sessions/${convenedId}/agenda/publish`, secretary)).json()).toEqual({ phase: 'convened' });
    const sent = await eventually(
      () => h.db.auditEvent.findFirst({ where: { sessionId: convenedId, type: 'convocations_sent' }, orderBy: { id: 'desc' } }),
      (e) => e !== null, 30_000);
    expect((sent!.payload as { failed: Array<{ memberId: string }> }).failed.map((f) => f.memberId)).toEqual([amina]);
    await eventually(() => h.db.session.findUniqueOrThrow({ where: { id: convenedId } }), (s) => s.phase === 'convened');
    // Counted while the session is convened (the row's phase is switched to draft and back to compare).
    const failuresOf = async () => {
      const convened = await gauges();
      await h.db.session.update({ where: { id: convenedId }, data: { phase: 'draft' } });
      const draft = await gauges();
      await h.db.session.update({ where: { id: convenedId }, data: { phase: 'convened' } });
      return convened.failedConvocations! - draft.failedConvocations!;
    };
    expect(await eventually(failuresOf, (n) => n === 1, 45_000)).toBe(1);
    // Delivered by hand: no longer a failure.
    const delivery = await call('POST', `/sessions/${convenedId}/convocations/deliveries`, secretary, { memberId: amina, channel: 'hand_delivery', deliveredAt: new Date().toISOString(), reason: 'remise en main propre' });
    expect(delivery.statusCode, delivery.body).toBe(200);
    await eventually(() => h.db.auditEvent.count({ where: { sessionId: convenedId, type: 'convocation_delivered' } }), (n) => n === 1, 30_000);
    expect(await eventually(failuresOf, (n) => n === 0, 45_000)).toBe(0);

    // An offer the workflow made (deadline in ten days or more), then moved near its deadline and
    // past it, as a timer that did not fire would leave it.
    const input = await seedAttributedDwelling(h.db, { notifiedAt: new Date(), name: `Metrics offers ${randomUUID()}` });
    await startOfferWorkflow(h.client, taskQueue, input);
    const offer = await eventually(() => h.db.offer.findFirst({ where: { agendaItemId: input.agendaItemId, rank: 1 } }), (o) => o?.status === 'offered', 30_000);
    const deadlineIn = (ms: number) => h.db.offer.update({ where: { id: offer!.id }, data: { deadline: new Date(Date.now() + ms) } });
    const offers = await eventually(async () => {
      await deadlineIn(10 * 86_400_000);
      const far = await gauges();
      await deadlineIn(2 * 3_600_000);
      const near = await gauges();
      await deadlineIn(-3_600_000);
      const past = await gauges();
      return { far, near, past };
    }, ({ far, near, past }) => near.due! - far.due! === 1 && past.due === far.due && past.past! - far.past! === 1
      && far.awaiting === near.awaiting && near.awaiting === past.awaiting, 45_000);
    expect(offers.far.awaiting).toBeGreaterThanOrEqual(1);
    await h.db.offer.update({ where: { id: offer!.id }, data: { deadline: offer!.deadline } });

    // The whole scrape as Prometheus' linter reads it.
    const lint = spawnSync('promtool', ['check', 'metrics'], { input: offers.past.text, encoding: 'utf8' });
    expect(lint.error, 'promtool (Debian: apt-get install prometheus) runs').toBeUndefined();
    expect({ status: lint.status, problems: `${lint.stdout}${lint.stderr}` }).toEqual({ status: 0, problems: '' });
    for (const name of ['caleol_stuck_sessions', 'caleol_convocations_failed', 'caleol_offers_awaiting_answer', 'caleol_offers_deadline_due', 'caleol_offers_past_deadline']) {
      expect(offers.past.text).toMatch(new RegExp(`^# HELP ${name} \\S`, 'm'));
      expect(offers.past.text).toContain(`# TYPE ${name} gauge`);
    }
  });
});

describe('a database that does not answer', () => {
  it('leaves its series out and /metrics still answers', async () => {
    const broken = createDatabase('postgresql://nobody:nothing@127.0.0.1:1/none', { maxConnections: 1 });
    const built = await buildApp({ db: broken, temporal: h.client, taskQueue: h.taskQueue, verifier: localTokenVerifier(testSecret) });
    try {
      const text = (await scrape(built)).body;
      for (const name of ['caleol_sessions', 'caleol_decisions', 'caleol_stuck_sessions', 'caleol_convocations_failed', 'caleol_offers_awaiting_answer', 'caleol_offers_deadline_due', 'caleol_offers_past_deadline']) {
        expect(text).toContain(`# TYPE ${name} gauge`);
        expect(samples(text, name)).toEqual([]);
      }
      expect(text).toContain('# TYPE caleol_votes_cast_total counter');
    } finally {
      await built.close();
      await broken.$disconnect();
    }
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
