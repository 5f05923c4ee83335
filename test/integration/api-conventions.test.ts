// The API's conventions, route by route: which routes are public, how tokens and roles are
// checked, what every refusal looks like (problem+json with a stable code), Idempotency-Key,
// the OpenAPI document and the docs page — against the real app, Temporal and PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { SignJWT } from 'jose';
import { untilConvened } from '../support/api-client.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLocalToken, localAudience, localIssuer } from '../../api/auth.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { startHarness, testSecret, type Harness } from '../support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface CommitteeBody {
  id: string;
  name: string;
  members: Array<{ id: string; name: string; email: string; chair: boolean }>;
}

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  rule?: string;
  instance?: string;
  errors?: Array<{ location: string; message: string; params?: Record<string, unknown> }>;
}

let h: Harness;
let secretary: string;
let member: string;

beforeAll(async () => {
  h = await startHarness('api-conventions');
  secretary = await h.token({ subject: 'secretary@conventions', roles: ['secretary'] });
  member = await h.token({ subject: 'member@conventions', roles: ['member'] });
});
afterAll(async () => h?.close());

async function call(method: Method, url: string, token: string | undefined, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

/** Checks that an answer is a problem document with this status and code, and returns it. */
function expectProblem(res: LightMyRequestResponse, status: number, code: string): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<ProblemBody>();
  expect(body).toMatchObject({ status, code, type: `https://caleol.example/problems/${code}` });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  return body;
}

/** A committee name suffix no other test (in this file or another running alongside) uses. */
const unique = (label: string) => ` ${label} ${randomUUID()}`;
/** Committees created with `committeeInput(suffix)`: counted by name, so that other test files creating committees at the same time do not count. */
const committeesNamed = (suffix: string) => h.db.committee.count({ where: { name: committeeInput(suffix).name } });

async function createCommittee(suffix: string, headers: Record<string, string> = {}): Promise<CommitteeBody> {
  const res = await call('POST', '/committees', secretary, committeeInput(suffix), headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CommitteeBody>();
}

describe('public routes', () => {
  it('answers GET /health without a token', async () => {
    const res = await call('GET', '/health', undefined);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'up' });
  });

  it('answers GET /ready without a token, with the database and Temporal up', async () => {
    const res = await call('GET', '/ready', undefined);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: 'up', temporal: 'up' });
  });
});

describe('authentication', () => {
  it('refuses every documented route but the health routes, the signed Zoom webhook and the browser\'s sign-in without a token with 401 unauthenticated', async () => {
    const doc = (await call('GET', '/openapi.json', undefined)).json<{ paths: Record<string, Record<string, unknown>> }>();
    const signingIn = ['/auth/demo-users', '/auth/demo-sign-in', '/auth/sign-out', '/auth/sign-in', '/auth/callback'];
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path !== '/health' && path !== '/ready' && path !== '/webhooks/zoom' && !signingIn.includes(path))
      .flatMap(([path, item]) => Object.keys(item).map((method) => [method.toUpperCase() as Method, path.replace(/\{[^}]+\}/g, () => randomUUID())] as const));
    expect(operations.length).toBeGreaterThanOrEqual(18);
    const suffix = unique('no token');
    for (const [method, url] of operations) {
      const res = await call(method, url, undefined, method === 'POST' || method === 'PATCH' ? committeeInput(suffix) : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expectProblem(res, 401, 'unauthenticated');
    }
    expect(await committeesNamed(suffix)).toBe(0);
  });

  it('refuses an Authorization header that is not a bearer token with 401 unauthenticated', async () => {
    const res = await call('GET', '/committees', undefined, undefined, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` });
    expectProblem(res, 401, 'unauthenticated');
  });

  it('refuses a token signed with another secret with 401 invalid_token', async () => {
    const forged = await issueLocalToken('another-secret-of-at-least-32-characters!', { subject: 'secretary@conventions', roles: ['secretary'] }, '1h');
    expectProblem(await call('GET', '/committees', forged), 401, 'invalid_token');
  });

  it('refuses an expired token with 401 invalid_token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ roles: ['secretary'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('secretary@conventions')
      .setIssuer(localIssuer)
      .setAudience(localAudience)
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(testSecret));
    const body = expectProblem(await call('GET', '/committees', expired), 401, 'invalid_token');
    expect(body.detail).toMatch(/exp/i);
  });

  it('accepts a valid token of a reader role', async () => {
    const res = await call('GET', '/committees', member);
    expect(res.statusCode).toBe(200);
    expect(Array.isArray(res.json())).toBe(true);
  });

  it('refuses a member token on a secretary route with 403 role_required and creates nothing', async () => {
    const suffix = unique('by a member');
    const res = await call('POST', '/committees', member, committeeInput(suffix));
    const problem = expectProblem(res, 403, 'forbidden');
    expect(problem.rule).toBe('role_required');
    expect(await committeesNamed(suffix)).toBe(0);
  });
});

describe('request validation', () => {
  it('refuses a body with a missing field with 400 invalid_request naming the field', async () => {
    const { landlord: _omitted, ...withoutLandlord } = committeeInput(' missing');
    const problem = expectProblem(await call('POST', '/committees', secretary, withoutLandlord), 400, 'invalid_request');
    expect(problem.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ location: 'body', params: expect.objectContaining({ missingProperty: 'landlord' }) }),
    ]));
  });

  it('refuses a field of the wrong type with 400 invalid_request at the field\'s location', async () => {
    const problem = expectProblem(await call('POST', '/committees', secretary, { ...committeeInput(' wrong type'), landlord: 42 }), 400, 'invalid_request');
    expect(problem.errors?.map((e) => e.location)).toContain('body/landlord');
  });

  it('refuses an unknown property with 400 invalid_request naming it', async () => {
    const problem = expectProblem(await call('POST', '/committees', secretary, { ...committeeInput(' extra'), colour: 'blue' }), 400, 'invalid_request');
    expect(problem.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ location: 'body', params: expect.objectContaining({ additionalProperty: 'colour' }) }),
    ]));
  });

  it('reports every invalid field at once', async () => {
    const problem = expectProblem(await call('POST', '/committees', secretary, { name: '', landlord: 7 }), 400, 'invalid_request');
    expect(problem.errors?.map((e) => e.location)).toEqual(expect.arrayContaining(['body/name', 'body/landlord']));
  });

  it('refuses an empty member change and an unknown member property with 400 invalid_request', async () => {
    const committee = await createCommittee(' patch validation');
    const url = `/committees/${committee.id}/members/${committee.members[0]!.id}`;
    expectProblem(await call('PATCH', url, secretary, {}), 400, 'invalid_request');
    const unknown = expectProblem(await call('PATCH', url, secretary, { role: 'prefect' }), 400, 'invalid_request');
    expect(unknown.errors).toEqual(expect.arrayContaining([expect.objectContaining({ params: expect.objectContaining({ additionalProperty: 'role' }) })]));
    expect((await h.db.member.findUniqueOrThrow({ where: { id: committee.members[0]!.id } })).role).toBe('board_member');
  });

  it('refuses two members with the same e-mail, whatever its case, with 409 duplicate_member and creates nothing', async () => {
    const suffix = unique('duplicate e-mail');
    const input = committeeInput(suffix);
    input.members!.push({ name: 'Claire Martin bis', email: 'CLAIRE@OPH.test', role: 'board_member' });
    expectProblem(await call('POST', '/committees', secretary, input), 409, 'duplicate_member');
    expect(await committeesNamed(suffix)).toBe(0);
  });

  it('refuses a path parameter that is not a uuid with 400 invalid_request at params/id', async () => {
    const problem = expectProblem(await call('GET', '/sessions/not-a-uuid', secretary), 400, 'invalid_request');
    expect(problem.errors?.map((e) => e.location)).toContain('params/id');
  });

  it('refuses text holding a NUL character with 400 naming where, and creates nothing', async () => {
    const problem = expectProblem(await call('POST', '/committees', secretary, { name: 'CALEOL\u0000Nord', landlord: 'OPH' }), 400, 'invalid_request');
    expect(problem.detail).toContain('name');
    const nested = expectProblem(await call('POST', '/committees', secretary, { name: 'CALEOL NUL', landlord: 'OPH', members: [{ name: 'A\u0000', email: 'a@nul.test', role: 'board_member' }] }), 400, 'invalid_request');
    expect(nested.detail).toContain('members/0/name');
    expect(await h.db.committee.count({ where: { name: { startsWith: 'CALEOL' }, landlord: 'OPH' } })).toBe(0);
  });

  it('refuses a time zone that is not an IANA zone with 422 invalid_time_zone', async () => {
    expectProblem(await call('POST', '/committees', secretary, { name: 'CALEOL TZ', landlord: 'OPH TZ', timeZone: 'Nowhere/Nothing' }), 422, 'invalid_time_zone');
    expect((await call('POST', '/committees', secretary, { name: 'CALEOL TZ', landlord: 'OPH TZ', timeZone: 'Indian/Reunion' })).statusCode).toBe(201);
  });

  it('refuses malformed JSON with a 400 problem, not a 500', async () => {
    const res = await call('POST', '/committees', secretary, '{"name": "CALEOL", "landlord":', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json<ProblemBody>();
    expect(problem).toMatchObject({ status: 400 });
    expect(problem.code).not.toBe('internal_error');
    expect(await h.db.committee.count({ where: { name: 'CALEOL' } })).toBe(0);
  });

  it('refuses a body larger than the 256 KiB limit with a 413 problem', async () => {
    const big = { ...committeeInput(' too big'), name: 'x'.repeat(300 * 1024) };
    const res = await call('POST', '/committees', secretary, JSON.stringify(big), { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json<ProblemBody>()).toMatchObject({ status: 413 });
  });
});

describe('not found', () => {
  it('answers an unknown route with 404 route_not_found', async () => {
    const problem = expectProblem(await call('GET', '/no-such-route', secretary), 404, 'route_not_found');
    expect(problem.detail).toContain('/no-such-route');
  });

  it('answers an unknown session with 404 not_found', async () => {
    const id = randomUUID();
    const problem = expectProblem(await call('GET', `/sessions/${id}`, secretary), 404, 'not_found');
    expect(problem.detail).toContain(id);
  });

  it('answers an unknown committee with 404 not_found', async () => {
    expectProblem(await call('GET', `/committees/${randomUUID()}`, secretary), 404, 'not_found');
  });

  it('refuses to change a member through another committee\'s id with 404, and changes nothing', async () => {
    const owner = await createCommittee(' owner');
    const other = await createCommittee(' other');
    const target = owner.members[1]!;
    const wrong = await call('PATCH', `/committees/${other.id}/members/${target.id}`, secretary, { name: 'Renamed through another committee' });
    expectProblem(wrong, 404, 'not_found');
    expect((await h.db.member.findUniqueOrThrow({ where: { id: target.id } })).name).toBe(target.name);

    const right = await call('PATCH', `/committees/${owner.id}/members/${target.id}`, secretary, { name: 'Renamed' });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toMatchObject({ id: target.id, name: 'Renamed' });
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, and refuses the key with another body', async () => {
    const key = `committee-${randomUUID()}`;
    const suffix = unique('idempotent');
    const first = await call('POST', '/committees', secretary, committeeInput(suffix), { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const otherSuffix = unique('another body');
    const reused = await call('POST', '/committees', secretary, committeeInput(otherSuffix), { 'idempotency-key': key });
    expectProblem(reused, 422, 'idempotency_key_reused');
    expect(await committeesNamed(otherSuffix)).toBe(0);

    const replayed = await call('POST', '/committees', secretary, committeeInput(suffix), { 'idempotency-key': key });
    expect(replayed.statusCode).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.headers['content-type']).toMatch(/^application\/json/);
    expect(replayed.json()).toEqual(first.json());
    expect(await committeesNamed(suffix)).toBe(1);
  });

  it('creates one committee when requests with the same key arrive at the same time', async () => {
    const key = `concurrent-${randomUUID()}`;
    const suffix = unique('concurrent');
    const answers = await Promise.all([1, 2, 3].map(() => call('POST', '/committees', secretary, committeeInput(suffix), { 'idempotency-key': key })));
    // Each answer is the committee created once (first or replayed), or a refusal to run the same request twice at once.
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const created = answers.filter((a) => a.statusCode === 201);
    expect(new Set(created.map((a) => a.json<CommitteeBody>().id)).size).toBe(1);
    expect(created.filter((a) => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await committeesNamed(suffix)).toBe(1);
  });

  /** A session of a new committee with a vote open on its item, five members present. */
  async function openVote(label: string) {
    const committee = await createCommittee(label);
    const idOf = (name: string) => committee.members.find((m) => m.name === name)!.id;
    const memberToken = (name: string) => h.token({ subject: idOf(name), memberId: idOf(name), roles: ['member'] });
    const scheduled = await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(), mode: 'remote' });
    const sessionId = scheduled.json<{ id: string }>().id;
    const item = (await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, agendaItemInput('CONV-0002'))).json<{ id: string; candidates: Array<{ applicationId: string; rank: number }> }>();
    await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary);
    await untilConvened(call, `/sessions/${sessionId}`, secretary);
    await call('POST', `/sessions/${sessionId}/open`, secretary);
    for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Maire de Villeneuve']) {
      await call('POST', `/sessions/${sessionId}/attendance`, secretary, { memberId: idOf(name), present: true });
    }
    const proposal = item.candidates.map((c) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: c.rank }));
    expect((await call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/vote/open`, secretary, { proposal })).statusCode).toBe(200);
    const openVoteNow = async () => (await call('GET', `/sessions/${sessionId}`, secretary)).json<SessionState>().openVote;
    return { sessionId, idOf, memberToken, votes: `/sessions/${sessionId}/agenda-items/${item.id}/votes`, openVoteNow };
  }

  it('applies a keyed vote once whatever its copies, recorded once with its answer, and refuses the key with another ballot', async () => {
    const { idOf, memberToken, votes, openVoteNow } = await openVote(' keyed votes');
    const [karim, sophie] = await Promise.all([memberToken('Karim Benali'), memberToken('Sophie Leroy')]);
    const key = `vote-${randomUUID()}`;
    const copies = await Promise.all([1, 2, 3].map(() => call('POST', votes, karim, { choice: 'for' }, { 'idempotency-key': key })));
    expect(copies.map((c) => c.statusCode)).toEqual([200, 200, 200]);
    expect(copies.map((c) => c.json())).toEqual([1, 2, 3].map(() => ({ counts: { for: 1, against: 0, abstain: 0 } })));
    expect(await h.db.idempotencyRecord.findMany({ where: { principal: idOf('Karim Benali'), key }, select: { statusCode: true } })).toEqual([{ statusCode: 200 }]);

    expectProblem(await call('POST', votes, karim, { choice: 'against' }, { 'idempotency-key': key }), 422, 'idempotency_key_reused');
    expect(await openVoteNow()).toMatchObject({ votesCast: 1, counts: { for: 1, against: 0, abstain: 0 } });

    // Two ballots under one key at the same moment: one is applied, the other refused, whichever arrives first.
    const sophieKey = `vote-${randomUUID()}`;
    const raced = await Promise.all((['for', 'against'] as const).map((choice) => call('POST', votes, sophie, { choice }, { 'idempotency-key': sophieKey })));
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    expect(raced.find((r) => r.statusCode === 422)!.json()).toMatchObject({ code: 'idempotency_key_reused' });
    const after = await openVoteNow();
    expect(after?.votesCast).toBe(2);
    expect((after?.counts.for ?? 0) + (after?.counts.against ?? 0)).toBe(2);
  });

  it('runs a vote whose key an API that died left in progress at once, applied once; other writes wait for it', async () => {
    const { idOf, memberToken, votes, openVoteNow } = await openVote(' crashed reservation');
    const karim = await memberToken('Karim Benali');

    // What an API killed in the middle of the vote leaves: the key reserved, no answer recorded.
    const key = `vote-${randomUUID()}`;
    const first = await call('POST', votes, karim, { choice: 'for' }, { 'idempotency-key': key });
    expect(first.json()).toEqual({ counts: { for: 1, against: 0, abstain: 0 } });
    await h.db.idempotencyRecord.update({ where: { principal_key: { principal: idOf('Karim Benali'), key } }, data: { statusCode: 0, response: {} } });
    const retried = await call('POST', votes, karim, { choice: 'for' }, { 'idempotency-key': key });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toEqual(first.json());
    expect(await openVoteNow()).toMatchObject({ votesCast: 1, counts: { for: 1, against: 0, abstain: 0 } });
    expect(await h.db.idempotencyRecord.findUniqueOrThrow({ where: { principal_key: { principal: idOf('Karim Benali'), key } } })).toMatchObject({ statusCode: 200 });
    expect((await call('POST', votes, karim, { choice: 'for' }, { 'idempotency-key': key })).headers['idempotent-replayed']).toBe('true');

    // A write with effects of its own (a committee created) still waits for the copy in progress.
    const committeeKey = `committee-${randomUUID()}`;
    const suffix = unique('reserved');
    expect((await call('POST', '/committees', secretary, committeeInput(suffix), { 'idempotency-key': committeeKey })).statusCode).toBe(201);
    await h.db.idempotencyRecord.update({ where: { principal_key: { principal: 'secretary@conventions', key: committeeKey } }, data: { statusCode: 0, response: {} } });
    const waiting = await call('POST', '/committees', secretary, committeeInput(suffix), { 'idempotency-key': committeeKey });
    expectProblem(waiting, 409, 'idempotency_key_in_progress');
    expect(waiting.headers['retry-after']).toBe('1');
    expect(await committeesNamed(suffix)).toBe(1);
  });

  it('refuses a key longer than 200 characters with 422 invalid_idempotency_key', async () => {
    const suffix = unique('long key');
    expectProblem(await call('POST', '/committees', secretary, committeeInput(suffix), { 'idempotency-key': 'k'.repeat(201) }), 422, 'invalid_idempotency_key');
    expect(await committeesNamed(suffix)).toBe(0);
  });

  it('keeps keys apart per principal: the same key from another secretary is a new request', async () => {
    const key = `shared-${randomUUID()}`;
    const other = await h.token({ subject: 'other-secretary@conventions', roles: ['secretary'] });
    const first = await call('POST', '/committees', secretary, committeeInput(' per principal'), { 'idempotency-key': key });
    const second = await call('POST', '/committees', other, committeeInput(' per principal'), { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json<CommitteeBody>().id).not.toBe(first.json<CommitteeBody>().id);
  });
});

describe('API documentation', () => {
  const expectedOperations: Record<string, string[]> = {
    '/committees': ['get', 'post'],
    '/committees/{id}': ['get'],
    '/committees/{id}/members': ['post'],
    '/committees/{id}/members/{memberId}': ['patch'],
    '/committees/{id}/sessions': ['get', 'post'],
    '/sessions/{id}': ['get'],
    '/sessions/{id}/files': ['get'],
    '/sessions/{id}/agenda-items': ['post'],
    '/sessions/{id}/agenda-items/{itemId}': ['delete'],
    '/sessions/{id}/agenda/publish': ['post'],
    '/sessions/{id}/open': ['post'],
    '/sessions/{id}/close': ['post'],
    '/sessions/{id}/attendance': ['post'],
    '/sessions/{id}/agenda-items/{itemId}/vote/open': ['post'],
    '/sessions/{id}/agenda-items/{itemId}/votes': ['post'],
    '/sessions/{id}/agenda-items/{itemId}/vote/close': ['post'],
    '/sessions/{id}/minutes': ['get'],
    '/sessions/{id}/minutes/signatures': ['post'],
    '/health': ['get'],
    '/ready': ['get'],
  };

  interface OpenApiResponse { description?: string; content?: Record<string, { schema?: unknown }> }
  interface OpenApiDocument {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, { responses?: Record<string, OpenApiResponse>; security?: unknown[] }>>;
    components?: { securitySchemes?: Record<string, unknown> };
  }

  it('serves an OpenAPI 3.1 document without a token that lists every route with a success response schema', async () => {
    const res = await call('GET', '/openapi.json', undefined);
    expect(res.statusCode).toBe(200);
    const doc = res.json<OpenApiDocument>();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.components?.securitySchemes).toHaveProperty('bearer');

    for (const [path, methods] of Object.entries(expectedOperations)) {
      const item = doc.paths[path];
      expect(item, `path ${path}`).toBeDefined();
      expect(Object.keys(item!).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).sort(), path).toEqual([...methods].sort());
      for (const method of methods) {
        const responses = item![method]?.responses ?? {};
        const success = ['200', '201', '204'].filter((status) => status in responses);
        expect(success, `${method.toUpperCase()} ${path} declares a success response`).not.toEqual([]);
        for (const status of success.filter((s) => s !== '204')) {
          expect(responses[status]?.content?.['application/json']?.schema, `${method.toUpperCase()} ${path} ${status} schema`).toBeDefined();
        }
      }
    }
    // Nothing is documented with Fastify's `:param` syntax, and the internal routes are hidden.
    expect(Object.keys(doc.paths).filter((p) => p.includes(':'))).toEqual([]);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/docs') || p === '/openapi.json')).toEqual([]);
  });

  it('names every operation uniquely and documents its errors as problem+json, with the headers the plugins add', async () => {
    const doc = (await call('GET', '/openapi.json', undefined)).json<Record<string, any>>();
    expect(doc.servers?.[0]?.url).toEqual(expect.any(String));
    const operations = Object.entries<Record<string, any>>(doc.paths).flatMap(([path, item]) =>
      ['get', 'post', 'put', 'patch', 'delete'].filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m, path, operation: item[m] })));
    const ids = operations.map((o) => o.operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id)), ids.join(', ')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/sessions/{id}/agenda-items/{itemId}/votes'].post.operationId).toBe('postSessionsAgendaItemsVotes');
    expect(doc.paths['/outbox/{messageId}'].get.operationId).toBe('getOutboxByMessageId');

    const wrongErrors = operations.flatMap(({ key, operation }) => Object.entries<any>(operation.responses ?? {})
      .filter(([status, response]) => Number(status) >= 400 && Object.keys(response.content ?? {}).join() !== 'application/problem+json')
      .map(([status]) => `${key} ${status}`));
    expect(wrongErrors).toEqual([]);
    const vote = doc.paths['/sessions/{id}/agenda-items/{itemId}/votes'].post;
    expect(vote.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(vote.responses['429'].headers).toHaveProperty('Retry-After');
    expect(vote.responses['503'].headers).toHaveProperty('Retry-After');
    expect(doc.paths['/health'].get.responses['503']).toBeUndefined();

    // An example for every JSON body and answer, and for every refusal.
    const json = (media: Record<string, any> | undefined) => media?.['application/json'];
    const withoutExample = operations.flatMap(({ key, operation }) => [
      ...(json(operation.requestBody?.content) && json(operation.requestBody.content).example === undefined ? [`${key} body`] : []),
      ...Object.entries<any>(operation.responses).filter(([status, r]) => status.startsWith('2') && json(r.content) && json(r.content).example === undefined).map(([status]) => `${key} ${status}`),
      ...Object.entries<any>(operation.responses).filter(([status, r]) => Number(status) >= 400 && !r.content['application/problem+json'].examples).map(([status]) => `${key} ${status}`),
    ]);
    expect(withoutExample).toEqual([]);
    expect(doc.components.examples.Problem409.value).toMatchObject({ status: 409, code: 'session_finished', phase: 'completed' });
    expect(doc.paths['/committees'].post.responses['201'].headers).toHaveProperty('Location');
  });

  it('answers a creation with the address of what it created (Location)', async () => {
    const secretary = await h.token({ subject: 'secretary@location', roles: ['secretary'] });
    const created = await call('POST', '/committees', secretary, committeeInput(' location'));
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/committees/${created.json<{ id: string }>().id}`);
    expect((await call('GET', created.headers.location as string, secretary)).statusCode).toBe(200);
  });

  it('documents that the health routes need no token', async () => {
    const doc = (await call('GET', '/openapi.json', undefined)).json<OpenApiDocument>();
    expect(doc.paths['/health']?.get?.security).toEqual([]);
    expect(doc.paths['/ready']?.get?.security).toEqual([]);
  });

  it('serves the docs page as HTML without a token', async () => {
    let res = await call('GET', '/docs', undefined);
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
      const location = String(res.headers.location);
      res = await call('GET', new URL(location, 'http://localhost/docs').pathname, undefined);
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });
});

describe('votes', () => {
  it('refuses a member voting as another member who gave no proxy with 403 vote_in_person_or_by_proxy', async () => {
    const committee = await createCommittee(' proxies');
    const idOf = (name: string) => committee.members.find((m) => m.name === name)!.id;
    const tokenOf = (name: string) => h.token({ subject: idOf(name), memberId: idOf(name), roles: ['member'] });

    const scheduled = await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(), mode: 'remote' });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const sessionId = scheduled.json<{ id: string }>().id;
    const added = await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, agendaItemInput('CONV-0001'));
    expect(added.statusCode, added.body).toBe(201);
    const item = added.json<{ id: string; candidates: Array<{ applicationId: string; rank: number }> }>();
    expect((await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary)).json()).toMatchObject({ phase: 'convened' });
    await untilConvened(call, `/sessions/${sessionId}`, secretary);
    expect((await call('POST', `/sessions/${sessionId}/open`, secretary)).json()).toMatchObject({ phase: 'open' });
    for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Maire de Villeneuve']) {
      const res = await call('POST', `/sessions/${sessionId}/attendance`, secretary, { memberId: idOf(name), present: true });
      expect(res.statusCode, res.body).toBe(200);
    }
    const proposal = item.candidates.map((c) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: c.rank }));
    const opened = await call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/vote/open`, secretary, { proposal });
    expect(opened.statusCode, opened.body).toBe(200);

    const votes = `/sessions/${sessionId}/agenda-items/${item.id}/votes`;
    const claire = await tokenOf('Claire Martin');
    const asKarim = await call('POST', votes, claire, { choice: 'for', memberId: idOf('Karim Benali') });
    expect(expectProblem(asKarim, 403, 'forbidden').rule).toBe('vote_in_person_or_by_proxy');

    const state = (await call('GET', `/sessions/${sessionId}`, secretary)).json<SessionState>();
    expect(state.openVote).toMatchObject({ itemId: item.id, votesCast: 0, counts: { for: 0, against: 0, abstain: 0 } });

    // Her own vote, for herself, is counted.
    const own = await call('POST', votes, claire, { choice: 'for', memberId: idOf('Claire Martin') });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual({ counts: { for: 1, against: 0, abstain: 0 } });
  });

  it('refuses a token that names no member of the session\'s committee with 403 acting_member', async () => {
    const committee = await createCommittee(' stranger');
    const scheduled = await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon() });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const sessionId = scheduled.json<{ id: string }>().id;
    const stranger = await h.token({ subject: 'stranger', memberId: randomUUID(), roles: ['member'] });
    const res = await call('POST', `/sessions/${sessionId}/agenda-items/${randomUUID()}/votes`, stranger, { choice: 'for' });
    expect(expectProblem(res, 403, 'forbidden').rule).toBe('committee_scope');
  });
});
