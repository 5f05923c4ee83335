// Hostile input gets a clear 4xx problem, never a 500: dates out of any sensible range, JSON
// nested deep enough to overflow a recursive walk, validly signed Zoom deliveries of odd shapes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoomSignature } from '../../api/zoom-signature.ts';
import { apiClient, expectStatus } from '../support/api-client.ts';
import { committeeInput } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

const webhookSecret = 'hostile-webhook-secret-token';
let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;
let committeeId: string;

beforeAll(async () => {
  h = await startHarness('hostile-input', { zoomWebhookSecret: webhookSecret });
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@hostile', roles: ['secretary'] });
  committeeId = expectStatus<{ id: string }>(await call('POST', '/committees', secretary, committeeInput(` hostile ${randomUUID()}`)), 201).id;
});
afterAll(async () => h?.close());

function expectClientProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
}

describe('dates out of range', () => {
  it.each(['0000-01-01T10:00:00Z', '0001-01-01T10:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z'])('refuses a session scheduled at %s with 422 or 400, and schedules nothing', async (scheduledStart) => {
    const res = await call('POST', `/committees/${committeeId}/sessions`, secretary, { scheduledStart });
    expect([400, 422]).toContain(res.statusCode);
    expectClientProblem(res, res.statusCode);
    expect(await h.db.session.count({ where: { committeeId } })).toBe(0);
  });
});

describe('JSON nested deep', () => {
  it('is refused with 400 before any walk over it', async () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    for (const url of [`/committees/${committeeId}/sessions`, '/committees']) {
      const res = await h.app.inject({ method: 'POST', url, payload: `{"scheduledStart":"2030-01-01T10:00:00Z","x":${deep}}`, headers: { authorization: `Bearer ${secretary}`, 'content-type': 'application/json' } });
      expectClientProblem(res, 400);
      expect(res.json()).toMatchObject({ code: 'json_too_deep' });
    }
  });
});

describe('validly signed Zoom deliveries of odd shapes', () => {
  const deliver = (body: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return h.app.inject({
      method: 'POST', url: '/webhooks/zoom', payload: body,
      headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': timestamp, 'x-zm-signature': zoomSignature(webhookSecret, timestamp, body) },
    });
  };
  const joined = (id: unknown) => JSON.stringify({ event: 'meeting.participant_joined', event_ts: Date.now(), payload: { object: { id, uuid: 'u-1', participant: { user_id: '1', join_time: new Date().toISOString() } } } });

  it.each([
    ['a null body', 'null'],
    ['an array', '[]'],
    ['a number', '42'],
    ['a meeting id too large for a bigint', joined('123456789012345678901234567890')],
    ['a meeting id with letters', joined('12ab')],
    ['a fractional meeting id', joined(1.5)],
    ['a meeting id that is an object', joined({ a: 1 })],
    ['a meeting id that is an array', joined([1])],
    ['an event that is a number', JSON.stringify({ event: 7, payload: {} })],
    ['a payload that is a string', JSON.stringify({ event: 'meeting.started', payload: 'x' })],
  ])('answers %s with 400, not 500', async (_, body) => {
    const res = await deliver(body);
    expectClientProblem(res, 400);
  });

  it('still acknowledges a well-formed delivery of a meeting no session holds', async () => {
    expect((await deliver(joined(987654321))).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('answer every route with helmet\'s headers, a strict policy and no caching of personal data', async () => {
    for (const [url, token] of [['/health', undefined], [`/committees/${committeeId}`, secretary], ['/committees/not-a-uuid', secretary], ['/openapi.json', undefined]] as const) {
      const res = await h.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=/);
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(String(res.headers['content-security-policy']), url).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('let the documentation page run its own scripts and styles, and nothing else', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toMatch(/upgrade-insecure-requests/);
  });
});
