// Hostile input against the real app, Temporal and PostgreSQL: every documented route called with
// every role's token (and none) against an expected matrix written from the routes' requireRole
// calls; members acting for others, proxies used twice or beyond the rules, ids of another
// committee; oversized bodies; forged, stale and replayed Zoom deliveries; rate limits.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.ts';
import { localTokenVerifier } from '../../api/auth.ts';
import { maxSkewSeconds, verifyZoomSignature, zoomSignature } from '../../api/zoom-signature.ts';
import { generateSignerKeyPair } from '../../documents/signatures.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { signMinutesAs, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { eventually, startHarness, testSecret, type Harness } from '../support/harness.ts';

type Role = 'secretary' | 'member' | 'chair' | 'auditor' | 'ops';
type Caller = Role | 'none';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const roles: readonly Role[] = ['secretary', 'member', 'chair', 'auditor', 'ops'];
const callers: readonly Caller[] = ['none', ...roles];
const webhookSecret = 'matrix-webhook-secret-token';

// --- the expected matrix, from each route's requireRole(...) -----------------------------------
// 'public': no token needed (the webhook is authenticated by its signature instead). Every other
// route answers 401 without a token, 403 role_required to the roles it does not list, and to the
// roles it lists anything but 401/403. The order is the order the calls are made in: the live
// session's state moves with the secretary's calls (see `requestFor`).
const everyone = roles;
const expectedAccess: ReadonlyArray<readonly [string, readonly Role[] | 'public']> = [
  ['GET /health', 'public'],
  ['GET /ready', 'public'],
  ['POST /webhooks/zoom', 'public'],
  // api/routes/browser-session.ts (this deployment offers no demo sign-in: 404 to everyone)
  ['GET /auth/demo-users', 'public'],
  ['POST /auth/demo-sign-in', 'public'],
  ['POST /auth/sign-out', 'public'],
  ['GET /auth/sign-in', 'public'],
  ['GET /auth/callback', 'public'],
  ['GET /auth/me', everyone],
  // api/routes/committees.ts
  ['POST /committees', ['secretary']],
  ['GET /committees', everyone],
  ['GET /committees/{id}', everyone],
  ['GET /committees/{id}/rules', everyone],
  ['GET /committees/{id}/sessions', everyone],
  ['PUT /committees/{id}/rules', ['secretary']],
  ['POST /committees/{id}/chair-election', ['secretary']],
  ['POST /committees/{id}/members', ['secretary']],
  ['PATCH /committees/{id}/members/{memberId}', ['secretary']],
  // api/routes/sessions.ts
  ['POST /committees/{id}/sessions', ['secretary']],
  ['GET /sessions/{id}', everyone],
  ['GET /sessions/{id}/files', everyone],
  ['GET /sessions/{id}/join-link', ['member', 'chair']],
  ['GET /sessions/{id}/events', everyone],
  ['POST /sessions/{id}/agenda-items', ['secretary']],
  ['DELETE /sessions/{id}/agenda-items/{itemId}', ['secretary']],
  ['POST /sessions/{id}/agenda/publish', ['secretary']],
  ['POST /sessions/{id}/convocations/deliveries', ['secretary']],
  ['POST /sessions/{id}/cancel', ['secretary']],
  ['POST /sessions/{id}/open', ['secretary']],
  ['POST /sessions/{id}/close', ['secretary']],
  ['POST /sessions/{id}/attendance', ['secretary']],
  ['POST /sessions/{id}/participants/mapping', ['secretary']],
  ['POST /sessions/{id}/agenda-items/{itemId}/vote/open', ['secretary']],
  ['POST /sessions/{id}/agenda-items/{itemId}/votes', ['member', 'chair']],
  ['POST /sessions/{id}/agenda-items/{itemId}/vote/close', ['secretary']],
  ['POST /sessions/{id}/agenda-items/{itemId}/referral', ['member', 'chair']],
  ['POST /sessions/{id}/agenda-items/{itemId}/deferral', ['secretary']],
  ['POST /sessions/{id}/agenda-items/{itemId}/messages', ['secretary', 'member', 'chair']],
  ['POST /sessions/{id}/window/extension', ['secretary']],
  ['POST /sessions/{id}/agenda-items/{itemId}/conflicts', ['secretary', 'member', 'chair']],
  ['POST /sessions/{id}/proxies', ['secretary', 'member', 'chair']],
  ['DELETE /sessions/{id}/proxies/{principalId}', ['secretary', 'member', 'chair']],
  // api/routes/minutes.ts
  ['GET /sessions/{id}/minutes', everyone],
  ['POST /sessions/{id}/minutes/signatures', ['chair', 'secretary']],
  ['POST /sessions/{id}/minutes/amendments', ['secretary', 'chair']],
  ['GET /sessions/{id}/minutes/verification', everyone],
  ['GET /sessions/{id}/minutes/extracts/{candidateId}', ['secretary', 'chair', 'auditor']],
  ['GET /sessions/{id}/notifications', ['secretary', 'auditor', 'ops']],
  ['GET /sessions/{id}/notifications/{notificationId}/document', ['secretary', 'auditor']],
  ['POST /committees/{id}/signer-keys', ['chair', 'secretary']],
  ['GET /committees/{id}/signer-keys', everyone],
  ['DELETE /committees/{id}/signer-keys/{fingerprint}', ['chair', 'secretary']],
  // api/routes/audit.ts
  ['GET /sessions/{id}/history', ['auditor']],
  ['POST /sessions/{id}/replay', ['auditor']],
  ['GET /sessions/{id}/export', ['auditor']],
  ['GET /audit/verify', ['auditor', 'ops']],
  ['GET /committees/{id}/agenda-items', ['auditor', 'secretary']],
  // api/routes/offers.ts
  ['GET /sessions/{id}/offers', ['secretary', 'auditor', 'ops']],
  ['GET /offers/{id}', ['secretary', 'auditor', 'ops']],
  ['POST /offers/{id}/accept', ['secretary']],
  ['POST /offers/{id}/decline', ['secretary']],
  // api/routes/ops.ts
  ['GET /ops/workflows', ['ops', 'auditor']],
  ['GET /ops/stuck', ['ops', 'auditor']],
  ['GET /ops/health', ['ops', 'auditor']],
  ['POST /ops/workflows/{workflowId}/actions', ['ops']],
  ['POST /ops/token-revocations', ['ops']],
  ['GET /ops/token-revocations', ['ops', 'auditor']],
  // api/routes/outbox.ts
  ['GET /outbox', ['secretary', 'ops']],
  ['GET /outbox/{messageId}', ['secretary', 'ops']],
  ['GET /outbox/{messageId}/attachments/{index}', ['secretary', 'ops']],
  // api/routes/codec.ts
  ['POST /codec/decode', ['ops', 'auditor']],
  ['POST /codec/encode', ['ops']],
];

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden';
const expectedOutcome = (access: readonly Role[] | 'public', caller: Caller): Outcome =>
  access === 'public' ? 'allowed' : caller === 'none' ? 'unauthenticated' : access.includes(caller) ? 'allowed' : 'forbidden';

// --- the system and its fixtures -------------------------------------------------------------

interface CommitteeBody { id: string; members: Array<{ id: string; name: string; email: string; chair: boolean }> }
interface ItemBody { id: string; candidates: Array<{ applicationId: string; rank: number }> }
interface ProblemBody { status: number; code: string; rule?: string; detail: string; type: string; title: string }

let h: Harness;
let secretary: string;

beforeAll(async () => {
  h = await startHarness('authorization-matrix', { zoomWebhookSecret: webhookSecret });
  secretary = await h.token({ subject: 'secretary@matrix', roles: ['secretary'] });
});
afterAll(async () => h?.close());

async function call(method: Method, url: string, token: string | undefined, payload?: unknown, headers: Record<string, string> = {}, app: App = h.app): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

function ok<T = Record<string, any>>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 500)}`).toBe(status);
  return res.json<T>();
}

function expectProblem(res: LightMyRequestResponse, status: number, code?: string): ProblemBody {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<ProblemBody>();
  expect(body.status).toBe(status);
  if (code) expect(body).toMatchObject({ code, type: `https://caleol.example/problems/${code}` });
  return body;
}

/** A committee with a token per person (one role each: `member` for all, `chair` for the chair too). */
async function committee(label: string) {
  const body = ok<CommitteeBody>(await call('POST', '/committees', secretary, committeeInput(` ${label} ${randomUUID()}`)), 201);
  const byName = (name: string) => body.members.find((m) => m.name === name)!;
  const memberToken = (name: string) => h.token({ subject: byName(name).id, memberId: byName(name).id, roles: ['member'] });
  const chairToken = () => h.token({ subject: byName('Claire Martin').id, memberId: byName('Claire Martin').id, roles: ['chair'] });
  return { ...body, byName, id: body.id, memberToken, chairToken };
}
type Committee = Awaited<ReturnType<typeof committee>>;

const present = ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Maire de Villeneuve'];
const proposalOf = (item: ItemBody) => ({ proposal: item.candidates.map((c) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: c.rank })) });

/** A session of `c` with the given items, optionally published, opened with five present and a vote open on its first item. */
async function session(c: Committee, days: number, references: string[], until: 'draft' | 'voting') {
  const s = ok<{ id: string; scheduledStart: string }>(await call('POST', `/committees/${c.id}/sessions`, secretary, { scheduledStart: startSoon(days), mode: 'remote' }), 201);
  const items: ItemBody[] = [];
  for (const reference of references) items.push(ok<ItemBody>(await call('POST', `/sessions/${s.id}/agenda-items`, secretary, agendaItemInput(reference)), 201));
  if (until === 'voting') {
    ok(await call('POST', `/sessions/${s.id}/agenda/publish`, secretary));
    await untilConvened(call, `/sessions/${s.id}`, secretary);
    ok(await call('POST', `/sessions/${s.id}/open`, secretary));
    for (const name of present) ok(await call('POST', `/sessions/${s.id}/attendance`, secretary, { memberId: c.byName(name).id, present: true }));
    ok(await call('POST', `/sessions/${s.id}/agenda-items/${items[0]!.id}/vote/open`, secretary, proposalOf(items[0]!)));
  }
  return { ...s, items };
}

const hex64 = () => randomUUID().replaceAll('-', '').repeat(2);
const fakeSignature = `${'A'.repeat(86)}==`;

function signedDelivery(body: string, timestamp: number, secret = webhookSecret) {
  return { 'content-type': 'application/json', 'x-zm-request-timestamp': String(timestamp), 'x-zm-signature': zoomSignature(secret, String(timestamp), body) };
}
const unknownMeetingEvent = () => JSON.stringify({
  event: 'meeting.participant_joined', event_ts: Date.now(),
  payload: { account_id: 'acct-matrix', object: { id: 424242, uuid: `u-${randomUUID()}`, participant: { user_id: '1', user_name: 'x', join_time: new Date().toISOString() } } },
});
const nowSeconds = () => Math.floor(Date.now() / 1000);

// --- the matrix ------------------------------------------------------------------------------

describe('authorization matrix', () => {
  it('answers every documented route, for every role and without a token, as the matrix says', { timeout: 180_000 }, async () => {
    const a = await committee('matrix');
    const tokens: Record<Role, string> = {
      secretary,
      member: await a.memberToken('Karim Benali'),
      chair: await a.chairToken(),
      auditor: await h.token({ subject: 'auditor@matrix', roles: ['auditor'] }),
      ops: await h.token({ subject: 'ops@matrix', roles: ['ops'] }),
    };
    const selfId: Partial<Record<Role, string>> = { member: a.byName('Karim Benali').id, chair: a.byName('Claire Martin').id };

    // A finished session: its minutes signed, its letters written, its offer made.
    const done = await session(a, 10, [`MX-${randomUUID().slice(0, 8)}`], 'voting');
    const doneItem = done.items[0]!;
    for (const name of present) ok(await call('POST', `/sessions/${done.id}/agenda-items/${doneItem.id}/votes`, name === 'Claire Martin' ? tokens.chair : await a.memberToken(name), { choice: 'for' }));
    expect(ok(await call('POST', `/sessions/${done.id}/agenda-items/${doneItem.id}/vote/close`, secretary))).toMatchObject({ outcome: 'adopted' });
    ok(await call('POST', `/sessions/${done.id}/close`, secretary));
    const drafted = await eventually(async () => ok<SessionState>(await call('GET', `/sessions/${done.id}`, secretary)), (s) => s.phase === 'minutes_drafted', 30_000);
    ok(await signMinutesAs((m, u, t, p) => call(m as Method, u, t, p), { token: tokens.chair, committeeId: a.id, sessionId: done.id, sha256: drafted.minutes!.sha256 }));
    await h.client.workflow.getHandle(`session-${done.id}`).result();
    const [offer] = await eventually(() => h.db.offer.findMany({ where: { sessionId: done.id } }), (rows) => rows.length === 1, 30_000);
    const letter = await eventually(() => h.db.notification.findFirst({ where: { sessionId: done.id, document: { not: null } } }), (row) => row !== null, 30_000);

    // A live session: deliberating, the vote on its first item open; the others for referral, deferral, conflicts.
    const live = await session(a, 11, ['vote', 'referral', 'deferral', 'conflict'].map((k) => `MX-${k}-${randomUUID().slice(0, 8)}`), 'voting');
    const [voteItem, referralItem, deferralItem, conflictItem] = live.items as [ItemBody, ItemBody, ItemBody, ItemBody];
    const rules = ok<{ rules: unknown }>(await call('GET', `/committees/${a.id}/rules`, secretary)).rules;

    /** What each caller sends: valid bodies (validation comes before the role check) and real ids, chosen so an allowed caller meets no rule of the session refusing them. */
    const requestFor = (operation: string, caller: Caller): { url: string; payload?: unknown; headers?: Record<string, string> } => {
      const self = caller === 'member' || caller === 'chair' ? selfId[caller]! : undefined;
      switch (operation) {
        case 'GET /health': return { url: '/health' };
        case 'GET /ready': return { url: '/ready' };
        case 'POST /webhooks/zoom': {
          const body = unknownMeetingEvent();
          return { url: '/webhooks/zoom', payload: body, headers: signedDelivery(body, nowSeconds()) };
        }
        case 'POST /committees': return { url: '/committees', payload: committeeInput(` matrix by ${caller} ${randomUUID()}`) };
        case 'GET /committees': return { url: '/committees' };
        case 'GET /committees/{id}': return { url: `/committees/${a.id}` };
        case 'GET /committees/{id}/rules': return { url: `/committees/${a.id}/rules` };
        case 'GET /committees/{id}/sessions': return { url: `/committees/${a.id}/sessions` };
        case 'PUT /committees/{id}/rules': return { url: `/committees/${a.id}/rules`, payload: rules };
        case 'POST /committees/{id}/chair-election': return { url: `/committees/${a.id}/chair-election`, payload: { ballots: [{ voterId: randomUUID(), candidateId: randomUUID() }] } };
        case 'POST /committees/{id}/members': return { url: `/committees/${a.id}/members`, payload: { name: 'Nouveau membre', email: `new-${randomUUID()}@oph.test`, role: 'social_organisation' } };
        case 'PATCH /committees/{id}/members/{memberId}': return { url: `/committees/${a.id}/members/${a.byName('Président Agglo').id}`, payload: { name: 'Président Agglo' } };
        case 'POST /committees/{id}/sessions': return { url: `/committees/${a.id}/sessions`, payload: { scheduledStart: live.scheduledStart } };
        case 'GET /sessions/{id}': return { url: `/sessions/${done.id}` };
        case 'GET /sessions/{id}/files': return { url: `/sessions/${done.id}/files` };
        case 'GET /sessions/{id}/join-link': return { url: `/sessions/${done.id}/join-link` };
        case 'GET /sessions/{id}/events': return { url: `/sessions/${done.id}/events` };
        case 'POST /sessions/{id}/agenda-items': return { url: `/sessions/${live.id}/agenda-items`, payload: { ...agendaItemInput(`MX-add-${randomUUID().slice(0, 8)}`), reason: 'Dossier urgent' } };
        case 'DELETE /sessions/{id}/agenda-items/{itemId}': return { url: `/sessions/${live.id}/agenda-items/${randomUUID()}?reason=Erreur` };
        case 'POST /sessions/{id}/agenda/publish': return { url: `/sessions/${live.id}/agenda/publish`, payload: {} };
        // A session that does not exist: an allowed caller is answered 404, and the live one is not cancelled.
        case 'POST /sessions/{id}/convocations/deliveries': return { url: `/sessions/${randomUUID()}/convocations/deliveries`, payload: { memberId: a.byName('Jean Dupuis').id, channel: 'hand_delivery', deliveredAt: new Date().toISOString(), reason: 'remise en main propre' } };
        case 'POST /sessions/{id}/cancel': return { url: `/sessions/${randomUUID()}/cancel`, payload: { reason: 'salle indisponible' } };
        case 'POST /sessions/{id}/open': return { url: `/sessions/${live.id}/open` };
        case 'POST /sessions/{id}/close': return { url: `/sessions/${live.id}/close` };
        case 'POST /sessions/{id}/attendance': return { url: `/sessions/${live.id}/attendance`, payload: { memberId: a.byName('Jean Dupuis').id, present: true } };
        case 'POST /sessions/{id}/participants/mapping': return { url: `/sessions/${live.id}/participants/mapping`, payload: { participantKey: 'nobody', memberId: a.byName('Jean Dupuis').id } };
        case 'POST /sessions/{id}/agenda-items/{itemId}/vote/open': return { url: `/sessions/${live.id}/agenda-items/${referralItem.id}/vote/open`, payload: proposalOf(referralItem) };
        case 'POST /sessions/{id}/agenda-items/{itemId}/votes': return { url: `/sessions/${live.id}/agenda-items/${voteItem.id}/votes`, payload: { choice: 'for' } };
        case 'POST /sessions/{id}/agenda-items/{itemId}/vote/close': return { url: `/sessions/${live.id}/agenda-items/${voteItem.id}/vote/close` };
        case 'POST /sessions/{id}/agenda-items/{itemId}/referral': return { url: `/sessions/${live.id}/agenda-items/${referralItem.id}/referral`, payload: { reason: 'À examiner en présence' } };
        case 'POST /sessions/{id}/agenda-items/{itemId}/deferral': return { url: `/sessions/${live.id}/agenda-items/${deferralItem.id}/deferral`, payload: { reason: 'Dossier incomplet' } };
        // A live session has no written debate or window: an allowed caller is answered 409 written_session_only.
        case 'POST /sessions/{id}/agenda-items/{itemId}/messages': return { url: `/sessions/${live.id}/agenda-items/${conflictItem.id}/messages`, payload: { text: 'Un message' } };
        case 'POST /sessions/{id}/window/extension': return { url: `/sessions/${live.id}/window/extension`, payload: { closesAt: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Prolongation' } };
        case 'POST /sessions/{id}/agenda-items/{itemId}/conflicts':
          return { url: `/sessions/${live.id}/agenda-items/${conflictItem.id}/conflicts`, payload: self ? {} : { memberId: a.byName('Jean Dupuis').id } };
        case 'POST /sessions/{id}/proxies':
          return { url: `/sessions/${live.id}/proxies`, payload: self ? { principalId: self, holderId: a.byName('Sophie Leroy').id } : { principalId: a.byName('Amina Diallo').id, holderId: a.byName('Jean Dupuis').id } };
        case 'DELETE /sessions/{id}/proxies/{principalId}': return { url: `/sessions/${live.id}/proxies/${self ?? a.byName('Amina Diallo').id}` };
        case 'GET /sessions/{id}/minutes': return { url: `/sessions/${done.id}/minutes` };
        case 'POST /sessions/{id}/minutes/signatures': return { url: `/sessions/${live.id}/minutes/signatures`, payload: { sha256: hex64(), signature: fakeSignature } };
        case 'POST /sessions/{id}/minutes/amendments': return { url: `/sessions/${live.id}/minutes/amendments`, payload: { reason: 'Coquille', text: 'Correction' } };
        case 'GET /sessions/{id}/minutes/verification': return { url: `/sessions/${done.id}/minutes/verification` };
        case 'GET /sessions/{id}/minutes/extracts/{candidateId}': return { url: `/sessions/${done.id}/minutes/extracts/${doneItem.candidates[0]!.applicationId}` };
        case 'GET /sessions/{id}/notifications': return { url: `/sessions/${done.id}/notifications` };
        case 'GET /sessions/{id}/notifications/{notificationId}/document': return { url: `/sessions/${done.id}/notifications/${letter!.id}/document` };
        case 'POST /committees/{id}/signer-keys': return { url: `/committees/${a.id}/signer-keys`, payload: { publicKeyPem: generateSignerKeyPair().publicKeyPem } };
        case 'GET /committees/{id}/signer-keys': return { url: `/committees/${a.id}/signer-keys` };
        case 'DELETE /committees/{id}/signer-keys/{fingerprint}': return { url: `/committees/${a.id}/signer-keys/${hex64()}` };
        case 'GET /sessions/{id}/history': return { url: `/sessions/${done.id}/history` };
        case 'POST /sessions/{id}/replay': return { url: `/sessions/${done.id}/replay` };
        case 'GET /sessions/{id}/export': return { url: `/sessions/${done.id}/export` };
        case 'GET /audit/verify': return { url: `/audit/verify?committeeId=${a.id}` };
        case 'GET /committees/{id}/agenda-items': return { url: `/committees/${a.id}/agenda-items?dwellingReference=MX-none` };
        case 'GET /sessions/{id}/offers': return { url: `/sessions/${done.id}/offers` };
        case 'GET /offers/{id}': return { url: `/offers/${offer!.id}` };
        case 'POST /offers/{id}/accept': return { url: `/offers/${offer!.id}/accept`, payload: {} };
        case 'POST /offers/{id}/decline': return { url: `/offers/${offer!.id}/decline`, payload: {} };
        case 'GET /ops/workflows': return { url: '/ops/workflows?limit=5' };
        case 'GET /ops/stuck': return { url: '/ops/stuck?limit=5' };
        case 'GET /ops/health': return { url: '/ops/health' };
        case 'POST /ops/workflows/{workflowId}/actions': return { url: `/ops/workflows/session-${done.id}/actions`, payload: { action: 'retry', reason: 'matrix' } };
        // A token no one holds: revoking it changes no caller's access.
        case 'POST /ops/token-revocations': return { url: '/ops/token-revocations', payload: { tokenId: randomUUID(), reason: 'matrix' } };
        case 'GET /ops/token-revocations': return { url: '/ops/token-revocations' };
        case 'GET /auth/demo-users': return { url: '/auth/demo-users' };
        case 'POST /auth/demo-sign-in': return { url: '/auth/demo-sign-in', payload: { user: 'secretary@demo' } };
        case 'POST /auth/sign-out': return { url: '/auth/sign-out' };
        // No identity provider client here: 404 to everyone, as the demo routes.
        case 'GET /auth/sign-in': return { url: '/auth/sign-in' };
        case 'GET /auth/callback': return { url: '/auth/callback?code=x&state=y' };
        case 'GET /auth/me': return { url: '/auth/me' };
        // This deployment sends mail through SMTP: an outbox answers 404 outbox_unavailable to those allowed.
        case 'GET /outbox': return { url: '/outbox' };
        case 'GET /outbox/{messageId}': return { url: '/outbox/2026-01-01T00-00-00.000Z-none' };
        case 'GET /outbox/{messageId}/attachments/{index}': return { url: '/outbox/2026-01-01T00-00-00.000Z-none/attachments/0' };
        case 'POST /codec/decode': return { url: '/codec/decode', payload: { payloads: [] } };
        case 'POST /codec/encode': return { url: '/codec/encode', payload: { payloads: [] } };
        default: throw new Error(`no request written for ${operation}`);
      }
    };

    // The matrix covers exactly the documented operations.
    const doc = ok<{ paths: Record<string, Record<string, unknown>> }>(await call('GET', '/openapi.json', undefined));
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)).sort();
    expect(expectedAccess.map(([operation]) => operation).sort()).toEqual(documented);

    const expected: Record<string, Outcome> = {};
    const actual: Record<string, Outcome | string> = {};
    const allowedAnswers: Record<string, number> = {};
    for (const [operation, access] of expectedAccess) {
      const method = operation.split(' ')[0] as Method;
      for (const caller of callers) {
        const key = `${operation} as ${caller}`;
        expected[key] = expectedOutcome(access, caller);
        const { url, payload, headers } = requestFor(operation, caller);
        const res = await call(method, url, caller === 'none' ? undefined : tokens[caller], payload, headers);
        const problem = String(res.headers['content-type'] ?? '').startsWith('application/problem+json') ? res.json<ProblemBody>() : undefined;
        if (res.statusCode === 401 && problem?.code === 'unauthenticated') actual[key] = 'unauthenticated';
        else if (res.statusCode === 403 && problem?.code === 'forbidden' && problem.rule === 'role_required') actual[key] = 'forbidden';
        else if (res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500) actual[key] = `${res.statusCode} ${res.body.slice(0, 300)}`;
        else {
          actual[key] = 'allowed';
          allowedAnswers[key] = res.statusCode;
        }
      }
    }
    // Zero unexpected allows, zero unexpected refusals, no server error.
    expect(actual).toEqual(expected);
    expect(Object.keys(expected)).toHaveLength(expectedAccess.length * callers.length);

    // The allowed calls did what they were meant to on real data (not 404s on made-up ids).
    expect(allowedAnswers).toMatchObject({
      'GET /sessions/{id}/events as member': 200,
      'GET /sessions/{id}/minutes/extracts/{candidateId} as chair': 200,
      'GET /sessions/{id}/notifications/{notificationId}/document as auditor': 200,
      'POST /sessions/{id}/replay as auditor': 200,
      'GET /offers/{id} as ops': 200,
      'POST /offers/{id}/accept as secretary': 200,
      'POST /offers/{id}/decline as secretary': 409,
      'POST /sessions/{id}/agenda-items/{itemId}/votes as member': 200,
      'POST /sessions/{id}/agenda-items/{itemId}/votes as chair': 200,
      'POST /sessions/{id}/agenda-items/{itemId}/referral as member': 200,
      'POST /committees/{id}/signer-keys as chair': 201,
      'POST /committees/{id}/sessions as secretary': 200,
      'POST /webhooks/zoom as none': 200,
      'POST /sessions/{id}/agenda-items/{itemId}/messages as member': 409,
      'POST /sessions/{id}/window/extension as secretary': 409,
    });
  });
});

// --- members acting for others, proxies, other committees --------------------------------------

describe('members acting for others', () => {
  it('refuses a member voting, giving a proxy, revoking one or declaring a conflict for another member, and counts a proxy once however often it is used', { timeout: 60_000 }, async () => {
    const a = await committee('proxies');
    const id = (name: string) => a.byName(name).id;
    const [karim, amina, jean, paul] = await Promise.all(['Karim Benali', 'Amina Diallo', 'Jean Dupuis', 'Paul Garnier'].map((n) => a.memberToken(n)));
    const s = await session(a, 13, [`PX-${randomUUID().slice(0, 8)}`], 'draft');
    const base = `/sessions/${s.id}`;
    const item = s.items[0]!;

    // Amina gives her proxy to Karim.
    expect(ok(await call('POST', `${base}/proxies`, amina, { principalId: id('Amina Diallo'), holderId: id('Karim Benali') }))).toEqual({ proxies: { [id('Amina Diallo')]: id('Karim Benali') } });
    // The same proxy given a second time, to someone else: refused.
    expect(expectProblem(await call('POST', `${base}/proxies`, amina, { principalId: id('Amina Diallo'), holderId: id('Jean Dupuis') }), 422).rule).toBe('one_proxy_per_principal');
    // Karim may hold one (proxiesPerHolder = 1): Paul's is refused.
    expect(expectProblem(await call('POST', `${base}/proxies`, paul, { principalId: id('Paul Garnier'), holderId: id('Karim Benali') }), 422).rule).toBe('proxies_per_holder');
    // Karim cannot give Sophie's proxy, revoke Amina's or declare Sophie's conflict.
    expect(expectProblem(await call('POST', `${base}/proxies`, karim, { principalId: id('Sophie Leroy'), holderId: id('Karim Benali') }), 403, 'forbidden').rule).toBe('proxy_from_principal');
    expect(expectProblem(await call('DELETE', `${base}/proxies/${id('Amina Diallo')}`, karim), 403, 'forbidden').rule).toBe('proxy_from_principal');
    expect(expectProblem(await call('POST', `${base}/agenda-items/${item.id}/conflicts`, karim, { memberId: id('Sophie Leroy') }), 403, 'forbidden').rule).toBe('conflict_declared_by_member');
    const state = ok<SessionState>(await call('GET', base, secretary));
    expect(state.proxies).toEqual({ [id('Amina Diallo')]: id('Karim Benali') });
    expect(state.agenda[0]!.conflicts).toEqual([]);

    ok(await call('POST', `${base}/agenda/publish`, secretary));
    await untilConvened(call, `${base}`, secretary);
    ok(await call('POST', `${base}/open`, secretary));
    for (const name of present) ok(await call('POST', `${base}/attendance`, secretary, { memberId: id(name), present: true }));
    ok(await call('POST', `${base}/agenda-items/${item.id}/vote/open`, secretary, proposalOf(item)));
    const votes = `${base}/agenda-items/${item.id}/votes`;

    // Karim as Sophie, who is present: refused. Jean with Amina's seat, whose proxy Karim holds: refused.
    expect(expectProblem(await call('POST', votes, karim, { choice: 'against', memberId: id('Sophie Leroy') }), 403, 'forbidden').rule).toBe('vote_in_person_or_by_proxy');
    expect(expectProblem(await call('POST', votes, jean, { choice: 'against', memberId: id('Amina Diallo') }), 403, 'forbidden').rule).toBe('vote_in_person_or_by_proxy');
    // Amina, absent, cannot vote herself.
    expect(expectProblem(await call('POST', votes, amina, { choice: 'against' }), 403, 'forbidden').rule).toBe('voter_present');
    // Karim uses the proxy twice: one seat, the later choice.
    expect(ok(await call('POST', votes, karim, { choice: 'for', memberId: id('Amina Diallo') }))).toEqual({ counts: { for: 1, against: 0, abstain: 0 } });
    expect(ok(await call('POST', votes, karim, { choice: 'against', memberId: id('Amina Diallo') }))).toEqual({ counts: { for: 0, against: 1, abstain: 0 } });
    expect(ok<SessionState>(await call('GET', base, secretary)).openVote).toMatchObject({ votesCast: 1, counts: { for: 0, against: 1, abstain: 0 } });
  });

  it('stops a member made inactive from acting at once, though the API keeps acting members in memory', { timeout: 60_000 }, async () => {
    const c = await committee('inactive');
    const s = await session(c, 14, [`IN-${randomUUID().slice(0, 8)}`], 'voting');
    const votes = `/sessions/${s.id}/agenda-items/${s.items[0]!.id}/votes`;
    const karim = await c.memberToken('Karim Benali');
    expect(ok(await call('POST', votes, karim, { choice: 'for' }))).toEqual({ counts: { for: 1, against: 0, abstain: 0 } });
    ok(await call('PATCH', `/committees/${c.id}/members/${c.byName('Karim Benali').id}`, secretary, { active: false }));
    expect(expectProblem(await call('POST', votes, karim, { choice: 'against' }), 403, 'forbidden').rule).toBe('committee_scope');
    ok(await call('PATCH', `/committees/${c.id}/members/${c.byName('Karim Benali').id}`, secretary, { active: true }));
    expect(ok(await call('POST', votes, karim, { choice: 'against' }))).toEqual({ counts: { for: 0, against: 1, abstain: 0 } });
  });

  it('keeps a committee\'s members, chair and ids out of another committee', { timeout: 60_000 }, async () => {
    const a = await committee('cross A');
    const b = await committee('cross B');
    const sa = await session(a, 14, [`XA-${randomUUID().slice(0, 8)}`], 'voting');
    const sb = await session(b, 14, [`XB-${randomUUID().slice(0, 8)}`], 'voting');
    const karimA = await a.memberToken('Karim Benali');
    const chairA = await a.chairToken();
    const itemB = sb.items[0]!;

    // A's member on B's session: reading, voting, proxies, conflicts, referral.
    expect(expectProblem(await call('GET', `/sessions/${sb.id}`, karimA), 403, 'forbidden').rule).toBe('committee_scope');
    expect(expectProblem(await call('POST', `/sessions/${sb.id}/agenda-items/${itemB.id}/votes`, karimA, { choice: 'for' }), 403, 'forbidden').rule).toBe('committee_scope');
    expect(expectProblem(await call('POST', `/sessions/${sb.id}/agenda-items/${itemB.id}/votes`, karimA, { choice: 'for', memberId: b.byName('Karim Benali').id }), 403, 'forbidden').rule).toBe('committee_scope');
    expect(expectProblem(await call('POST', `/sessions/${sb.id}/proxies`, karimA, { principalId: b.byName('Amina Diallo').id, holderId: b.byName('Karim Benali').id }), 403, 'forbidden').rule).toBe('committee_scope');
    expect(expectProblem(await call('POST', `/sessions/${sb.id}/agenda-items/${itemB.id}/referral`, karimA, { reason: 'x' }), 403, 'forbidden').rule).toBe('committee_scope');
    expect(ok<SessionState>(await call('GET', `/sessions/${sb.id}`, secretary)).openVote).toMatchObject({ votesCast: 0 });

    // A's chair registers a chair key on B: refused; on A: accepted. A chair claim without the chair's seat: refused.
    const key = generateSignerKeyPair().publicKeyPem;
    expect(expectProblem(await call('POST', `/committees/${b.id}/signer-keys`, chairA, { publicKeyPem: key }), 403, 'forbidden').rule).toBe('committee_scope');
    expect(expectProblem(await call('POST', `/committees/${b.id}/signer-keys`, chairA, { publicKeyPem: key, as: 'chair' }), 403, 'forbidden').rule).toBe('committee_scope');
    const fingerprint = ok<{ fingerprint: string }>(await call('POST', `/committees/${a.id}/signer-keys`, chairA, { publicKeyPem: key }), 201).fingerprint;
    const karimAsChair = await h.token({ subject: a.byName('Karim Benali').id, memberId: a.byName('Karim Benali').id, roles: ['member', 'chair'] });
    // The chair role is only the chair's: in this committee Karim acts as a member.
    expect(expectProblem(await call('POST', `/committees/${a.id}/signer-keys`, karimAsChair, { publicKeyPem: generateSignerKeyPair().publicKeyPem }), 403, 'forbidden').rule).toBe('role_required');
    // A's chair signing B's minutes, or claiming the secretary's capacity: refused.
    expect(expectProblem(await call('POST', `/sessions/${sb.id}/minutes/signatures`, chairA, { sha256: hex64(), signature: fakeSignature }), 403, 'forbidden').rule).toBe('committee_scope');
    expect(expectProblem(await call('POST', `/sessions/${sa.id}/minutes/signatures`, chairA, { sha256: hex64(), signature: fakeSignature, as: 'secretary' }), 403, 'forbidden').rule).toBe('role_required');
    // A's key revoked through B's path: outside A's chair's committee; B's chair revoking A's chair key: not found.
    expect(expectProblem(await call('DELETE', `/committees/${b.id}/signer-keys/${fingerprint}`, chairA), 403, 'forbidden').rule).toBe('committee_scope');
    expectProblem(await call('DELETE', `/committees/${b.id}/signer-keys/${fingerprint}`, await b.chairToken()), 404, 'not_found');
    expect(await h.db.signerKey.count({ where: { committeeId: b.id } })).toBe(0);

    // A's ids under B's paths: members, extracts.
    expectProblem(await call('PATCH', `/committees/${b.id}/members/${a.byName('Jean Dupuis').id}`, secretary, { name: 'Renamed' }), 404, 'not_found');
    expectProblem(await call('GET', `/sessions/${sb.id}/minutes/extracts/${sa.items[0]!.candidates[0]!.applicationId}`, secretary), 404, 'not_found');
    // B's member votes in A's session: refused.
    expect(expectProblem(await call('POST', `/sessions/${sa.id}/agenda-items/${sa.items[0]!.id}/votes`, await b.memberToken('Sophie Leroy'), { choice: 'for' }), 403, 'forbidden').rule).toBe('committee_scope');
    expect(ok<SessionState>(await call('GET', `/sessions/${sa.id}`, secretary)).openVote).toMatchObject({ votesCast: 0 });
  });

  it('scopes every read of personal data to the reader\'s committee, and staff to the committees their token names', { timeout: 60_000 }, async () => {
    const a = await committee('reads A');
    const b = await committee('reads B');
    const sb = await session(b, 14, [`RB-${randomUUID().slice(0, 8)}`], 'voting');
    const applicationB = sb.items[0]!.candidates[0]!.applicationId;
    const karimA = await a.memberToken('Karim Benali');
    const chairA = await a.chairToken();
    const nobody = await h.token({ subject: `nobody-${randomUUID()}`, memberId: randomUUID(), roles: ['member'] });
    const secretaryOfA = await h.token({ subject: 'secretary-of-a@matrix', roles: ['secretary'], committees: [a.id] });
    const auditorOfA = await h.token({ subject: 'auditor-of-a@matrix', roles: ['auditor'], committees: [a.id] });
    const unscopedSecretary = await h.token({ subject: 'unscoped@matrix', roles: ['secretary'], committees: [] });

    const readsOfB = [
      `/committees/${b.id}`, `/committees/${b.id}/rules`, `/committees/${b.id}/signer-keys`, `/committees/${b.id}/sessions`,
      `/sessions/${sb.id}`, `/sessions/${sb.id}/files`, `/sessions/${sb.id}/minutes`, `/sessions/${sb.id}/minutes/verification`, `/sessions/${sb.id}/minutes/extracts/${applicationB}`,
    ];
    for (const [who, token] of [['A\'s member', karimA], ['A\'s chair', chairA], ['a token naming no member', nobody], ['A\'s secretary', secretaryOfA], ['a secretary of no committee', unscopedSecretary]] as const) {
      for (const url of readsOfB) {
        const res = await call('GET', url, token);
        expect(res.statusCode, `${who} reading ${url}: ${res.body.slice(0, 200)}`).toBe(403);
        expect(res.json<ProblemBody>().rule, `${who} reading ${url}`).toBe('committee_scope');
      }
    }
    for (const url of [`/sessions/${sb.id}/history`, `/sessions/${sb.id}/export`, `/sessions/${sb.id}/notifications`]) {
      expect(expectProblem(await call('GET', url, auditorOfA), 403, 'forbidden').rule).toBe('committee_scope');
    }
    // Deployment-wide reads and writes need a token for every committee.
    expect(expectProblem(await call('GET', '/ops/stuck', auditorOfA), 403, 'forbidden').rule).toBe('committee_scope');
    expect(expectProblem(await call('POST', '/committees', secretaryOfA, committeeInput(` by A's secretary ${randomUUID()}`)), 403, 'forbidden').rule).toBe('committee_scope');
    // Within its scope, A's secretary works as before.
    expect(ok<{ id: string }>(await call('GET', `/committees/${a.id}`, secretaryOfA)).id).toBe(a.id);

    // The list of committees is the reader's own.
    const listed = (token: string) => call('GET', '/committees', token).then((res) => ok<Array<{ id: string }>>(res).map((c) => c.id));
    expect(await listed(karimA)).toEqual([a.id]);
    expect(await listed(secretaryOfA)).toEqual([a.id]);
    expect(await listed(nobody)).toEqual([]);
    expect(await listed(secretary)).toEqual(expect.arrayContaining([a.id, b.id]));

    // A member sees who sits with them, not their fellow members' e-mails and birth dates.
    const seen = ok<CommitteeBody>(await call('GET', `/committees/${a.id}`, karimA)).members;
    expect(seen.find((m) => m.name === 'Karim Benali')?.email).toBe('karim@oph.test');
    expect(seen.filter((m) => m.name !== 'Karim Benali').every((m) => m.email === undefined)).toBe(true);
    expect(ok<CommitteeBody>(await call('GET', `/committees/${a.id}`, secretary)).members.every((m) => m.email !== undefined)).toBe(true);
  });
});

// --- oversized bodies -------------------------------------------------------------------------

describe('oversized bodies', () => {
  const big = (bytes: number) => JSON.stringify({ choice: 'for', padding: 'x'.repeat(bytes) });

  it('refuses a body over the limit with 413 problem+json on a vote and on the Zoom webhook, and without a token before reading it', async () => {
    const member = await h.token({ subject: 'member@oversized', roles: ['member'] });
    const url = `/sessions/${randomUUID()}/agenda-items/${randomUUID()}/votes`;
    expectProblem(await call('POST', url, member, big(300 * 1024), { 'content-type': 'application/json' }), 413, 'payload_too_large');
    // No token: refused at authentication, before the body is read.
    expectProblem(await call('POST', url, undefined, big(300 * 1024), { 'content-type': 'application/json' }), 401, 'unauthenticated');
    // The webhook reads raw bytes itself: the same limit applies.
    const body = big(300 * 1024);
    expectProblem(await call('POST', '/webhooks/zoom', undefined, body, signedDelivery(body, nowSeconds())), 413, 'payload_too_large');
    // Just under the limit, the request goes on to validation (an unknown property).
    expectProblem(await call('POST', url, member, big(200 * 1024), { 'content-type': 'application/json' }), 400, 'invalid_request');
  });
});

// --- the Zoom webhook ----------------------------------------------------------------------------

describe('forged, stale and replayed Zoom deliveries', () => {
  it('refuses each with 401 invalid_signature, and acknowledges the genuine delivery', async () => {
    const body = unknownMeetingEvent();
    const post = (headers: Record<string, string>, payload = body) => call('POST', '/webhooks/zoom', undefined, payload, { 'content-type': 'application/json', ...headers });
    const now = nowSeconds();
    const genuine = signedDelivery(body, now);
    expect(ok(await post(genuine))).toEqual({});

    const refusals: Array<[string, Record<string, string>, string?]> = [
      ['unsigned', {}],
      ['signed with another secret', signedDelivery(body, now, 'another-secret')],
      ['signature of other bytes', signedDelivery(`${body} `, now)],
      ['body changed after signing', genuine, body.replace('"x"', '"y"')],
      ['timestamp changed after signing', { ...genuine, 'x-zm-request-timestamp': String(now + 1) }],
      ['another signature scheme', { ...genuine, 'x-zm-signature': genuine['x-zm-signature'].replace(/^v0=/, 'v1=') }],
      ['signature of zeros', { ...genuine, 'x-zm-signature': `v0=${'0'.repeat(64)}` }],
      ['timestamp not a number', { ...genuine, 'x-zm-request-timestamp': `${now}.0` }],
      // A delivery captured and sent again after the accepted window (its signature is still genuine).
      ['replayed after the window', signedDelivery(body, now - maxSkewSeconds - 1)],
      ['stale by an hour', signedDelivery(body, now - 3600)],
      ['dated in the future', signedDelivery(body, now + maxSkewSeconds + 60)],
    ];
    for (const [what, headers, payload] of refusals) {
      const res = await post(headers, payload);
      expect(res.statusCode, what).toBe(401);
      expectProblem(res, 401, 'invalid_signature');
    }
    expect(expectProblem(await post(signedDelivery(body, now - maxSkewSeconds - 1)), 401).detail).toMatch(/window/);

    // The same captured delivery: accepted while fresh, refused once the window has passed.
    const captured = { signature: genuine['x-zm-signature'], timestamp: genuine['x-zm-request-timestamp'] };
    expect(verifyZoomSignature(webhookSecret, captured, Buffer.from(body), now + maxSkewSeconds)).toEqual({ valid: true });
    expect(verifyZoomSignature(webhookSecret, captured, Buffer.from(body), now + maxSkewSeconds + 1)).toMatchObject({ valid: false, reason: expect.stringMatching(/window/) });
  });
});

// --- rate limits -----------------------------------------------------------------------------------

describe('rate limits', () => {
  let limited: App;
  beforeAll(async () => {
    limited = await buildApp({
      db: h.db, temporal: h.client, taskQueue: h.taskQueue, verifier: localTokenVerifier(testSecret),
      zoomWebhookSecret: webhookSecret, rateLimit: { max: 3, windowMs: 60_000 },
    });
  });
  afterAll(async () => limited?.close());

  const on = (method: Method, url: string, token: string | undefined, payload?: unknown, headers: Record<string, string> = {}) => call(method, url, token, payload, headers, limited);

  it('answers the vote over the limit with 429 problem+json and Retry-After, per token subject, without reserving its Idempotency-Key', async () => {
    const member = await h.token({ subject: `member-${randomUUID()}`, roles: ['member'] });
    const url = `/sessions/${randomUUID()}/agenda-items/${randomUUID()}/votes`;
    for (let i = 0; i < 3; i++) expect((await on('POST', url, member, { choice: 'for' })).statusCode).toBe(404);
    const key = `over-${randomUUID()}`;
    const refused = await on('POST', url, member, { choice: 'for' }, { 'idempotency-key': key });
    expectProblem(refused, 429, 'rate_limited');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await h.db.idempotencyRecord.count({ where: { key } })).toBe(0);
    // Another member is counted apart; reads are not limited.
    const other = await h.token({ subject: `member-${randomUUID()}`, roles: ['member'] });
    expect((await on('POST', url, other, { choice: 'for' })).statusCode).toBe(404);
    for (let i = 0; i < 5; i++) expect((await on('GET', '/committees', member)).statusCode).toBe(200);
  });

  it('never limits /health, /ready or /openapi.json', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await on('GET', '/health', undefined);
      expect(res.statusCode).toBe(200);
      expect(res.headers['retry-after']).toBeUndefined();
    }
    for (let i = 0; i < 5; i++) expect((await on('GET', '/openapi.json', undefined)).statusCode).toBe(200);
  });

  it('limits signer keys and signatures to a tenth, other writes and the Zoom webhook (by address) to five times the vote limit', async () => {
    const secretaryHere = await h.token({ subject: `secretary-${randomUUID()}`, roles: ['secretary'] });
    const keys = `/committees/${randomUUID()}/signer-keys`;
    expect((await on('POST', keys, secretaryHere, { publicKeyPem: 'x' })).statusCode).toBe(404);
    expectProblem(await on('POST', keys, secretaryHere, { publicKeyPem: 'x' }), 429, 'rate_limited');
    expectProblem(await on('POST', `/sessions/${randomUUID()}/minutes/signatures`, secretaryHere, { sha256: hex64(), signature: fakeSignature }), 429, 'rate_limited');

    // Invalid writes count too (limits come before validation).
    for (let i = 0; i < 15; i++) expect((await on('POST', '/committees', secretaryHere, { name: '' })).statusCode).toBe(400);
    expectProblem(await on('POST', '/committees', secretaryHere, { name: '' }), 429, 'rate_limited');

    for (let i = 0; i < 15; i++) expect((await on('POST', '/webhooks/zoom', undefined, '{}', { 'content-type': 'application/json' })).statusCode).toBe(401);
    const body = unknownMeetingEvent();
    expectProblem(await on('POST', '/webhooks/zoom', undefined, body, signedDelivery(body, nowSeconds())), 429, 'rate_limited');
  });

  it('documents the 429 on the limited routes only', async () => {
    const doc = ok<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>(await on('GET', '/openapi.json', undefined));
    expect(doc.paths['/sessions/{id}/agenda-items/{itemId}/votes']?.post?.responses).toHaveProperty('429');
    expect(doc.paths['/webhooks/zoom']?.post?.responses).toHaveProperty('429');
    expect(doc.paths['/health']?.get?.responses).not.toHaveProperty('429');
    expect(doc.paths['/sessions/{id}']?.get?.responses).not.toHaveProperty('429');
  });
});
