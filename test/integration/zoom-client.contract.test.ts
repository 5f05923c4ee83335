// The Zoom client against the local Zoom emulator (zoom-api.md §7.9): token caching and
// refresh, rate limits, errors, meetings, registrants, past participants and UUID encoding, and
// the emulator's webhooks — signatures, Zoom's retry schedule, the CRC handshake and chaos.
// No real waits: the client's sleep is faked, retries use small configured delays and flush().
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  ZoomAuthError,
  ZoomClient,
  ZoomError,
  ZoomNotFoundError,
  ZoomRateLimitError,
  encodeMeetingUuid,
  type BatchRegistrant,
  type ZoomClientOptions,
} from '../../activities/zoom/client.ts';
import { freePort } from '../support/ports.ts';
import { startZoomEmulator, type ZoomEmulator, type ZoomEmulatorOptions } from '../support/zoom-emulator.ts';
import { startWebhookReceiver, type ReceivedWebhook, type Responder, type WebhookReceiver } from '../support/zoom-emulator/receiver.ts';

const SECRET = 'test-secret-token';
const CREDENTIALS = { accountId: 'AbCdEfGhIjKlMnOpQrStUv', clientId: 'emu-client', clientSecret: 'emu-secret' };

interface Zoom {
  emulator: ZoomEmulator;
  receiver: WebhookReceiver;
  client: ZoomClient;
  /** Waits the client asked for (its sleep is faked). */
  sleeps: number[];
}

/** An emulator delivering to a fresh receiver, and a client on it; all closed after the test. */
async function zoom(options: Partial<ZoomEmulatorOptions> = {}, clientOptions: ZoomClientOptions = {}, responder?: Responder): Promise<Zoom> {
  const receiver = await startWebhookReceiver(responder);
  const emulator = await startZoomEmulator({ ...CREDENTIALS, webhookSecretToken: SECRET, webhookUrl: receiver.url, retryDelaysMs: [20, 40, 60], ...options });
  onTestFinished(async () => {
    await emulator.close();
    await receiver.close();
  });
  const sleeps: number[] = [];
  const client = new ZoomClient(emulator.clientSettings(), {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...clientOptions,
  });
  return { emulator, receiver, client, sleeps };
}

function meetingBody(topic = 'CALEOL — séance du 2 mars 2026') {
  return { topic, start_time: '2026-03-02T14:00:00Z', duration: 90, timezone: 'Europe/Paris', password: 'Cal2026', agenda: 'Attributions' };
}

/** Calls the emulator without the client (to check what Zoom does with a request the client would never send). */
async function rawApi(emulator: ZoomEmulator, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const tokenResponse = await fetch(`${emulator.url}/oauth/token?grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}`).toString('base64')}` },
  });
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  const response = await fetch(`${emulator.url}/v2${path}`, {
    method,
    headers: { authorization: `Bearer ${access_token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Zoom's webhook signature check (§4.4), over the raw bytes received. */
function signatureIsValid(webhook: ReceivedWebhook, secret = SECRET): boolean {
  const timestamp = String(webhook.headers['x-zm-request-timestamp']);
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(webhook.rawBody).digest('hex')}`);
  const given = Buffer.from(String(webhook.headers['x-zm-signature']));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function object(webhook: { body: Record<string, unknown> }): Record<string, unknown> {
  return (webhook.body.payload as { object: Record<string, unknown> }).object;
}

function participant(webhook: { body: Record<string, unknown> }): Record<string, unknown> {
  return object(webhook).participant as Record<string, unknown>;
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('encodeMeetingUuid', () => {
  it('encodes a plain UUID once and one starting with "/" or containing "//" twice (the contract vectors)', () => {
    expect(encodeMeetingUuid('aDYlohsHRtCd4ii1uC2+hA==')).toBe('aDYlohsHRtCd4ii1uC2%2BhA%3D%3D');
    expect(encodeMeetingUuid('/ajXp112QmuoKj4854875==')).toBe('%252FajXp112QmuoKj4854875%253D%253D');
    expect(encodeMeetingUuid('abc//def==')).toBe('abc%252F%252Fdef%253D%253D');
    expect(encodeMeetingUuid('a/b==')).toBe('a%2Fb%3D%3D');
  });
});

describe('Server-to-Server OAuth', () => {
  it('asks for one token for many calls, even when fifty calls start together on a cold cache', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    const fresh = new ZoomClient(emulator.clientSettings());
    const before = emulator.tokenRequests;
    await Promise.all(Array.from({ length: 50 }, () => fresh.getMeeting(meeting.id)));
    await fresh.getMeeting(meeting.id);
    expect(emulator.tokenRequests - before).toBe(1);
    const tokens = new Set(emulator.requests.slice(-51).map((r) => r.tokenNumber));
    expect(tokens.size).toBe(1);
  });

  it('asks for a new token 60 s before the cached one expires, and not earlier', async () => {
    let now = Date.now();
    const { emulator, client } = await zoom({ tokenTtlSeconds: 3599 }, { now: () => now });
    const meeting = await client.createMeeting(meetingBody());
    expect(emulator.tokenRequests).toBe(1);
    now += (3599 - 61) * 1000;
    await client.getMeeting(meeting.id);
    expect(emulator.tokenRequests).toBe(1);
    now += 2000;
    await client.getMeeting(meeting.id);
    expect(emulator.tokenRequests).toBe(2);
    expect(emulator.requests.at(-1)?.tokenNumber).toBe(2);
  });

  it('refreshes once and retries the call when Zoom answers 401/124 "Access token is expired."', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    emulator.setFaults({ expireTokens: true });
    const got = await client.getMeeting(meeting.id);
    expect(got.id).toBe(meeting.id);
    expect(emulator.tokenRequests).toBe(2);
    const calls = emulator.requests.filter((r) => r.path === `/v2/meetings/${meeting.id}`);
    expect(calls.map((r) => [r.status, r.tokenNumber])).toEqual([
      [401, 1],
      [200, 2],
    ]);
  });

  it('refreshes an expired token once for all the calls that hit the expiry together', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    emulator.advanceClock(3600 * 1000); // Zoom's clock says the token is dead; the client's does not.
    const results = await Promise.all(Array.from({ length: 10 }, () => client.getMeeting(meeting.id)));
    expect(results.every((m) => m.id === meeting.id)).toBe(true);
    expect(emulator.tokenRequests).toBe(2);
  });

  it('gives up with a non-retryable ZoomAuthError when the fresh token is refused too', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    emulator.addFault({ times: 2, respond: { status: 401, body: { code: 124, message: 'Invalid access token.' } } });
    const error = await failure(client.getMeeting(meeting.id));
    expect(error).toBeInstanceOf(ZoomAuthError);
    expect(error).toMatchObject({ status: 401, code: 124, retryable: false });
    expect(emulator.tokenRequests).toBe(2);
    expect(emulator.requests.filter((r) => r.path === `/v2/meetings/${meeting.id}`)).toHaveLength(2);
  });

  it('turns refused credentials into a non-retryable ZoomAuthError with the OAuth reason, asked once', async () => {
    const { emulator } = await zoom();
    const client = new ZoomClient({ ...emulator.clientSettings(), clientSecret: 'wrong' });
    const error = await failure(client.getMeeting(85746065432));
    expect(error).toBeInstanceOf(ZoomAuthError);
    expect(error).toMatchObject({ status: 400, reason: 'Invalid client_id or client_secret', error: 'invalid_client', retryable: false });
    expect(emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /oauth/token 400']);
  });

  it('the token endpoint takes its parameters as a query string or a form, and refuses a wrong grant or account as Zoom does', async () => {
    const { emulator } = await zoom();
    const basic = `Basic ${Buffer.from(`${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}`).toString('base64')}`;
    const token = async (query: string, form?: string) => {
      const response = await fetch(`${emulator.url}/oauth/token${query}`, {
        method: 'POST',
        headers: { authorization: basic, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(form ? { body: form } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const byQuery = await token(`?grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`);
    expect(byQuery.status).toBe(200);
    expect(byQuery.body).toMatchObject({ token_type: 'bearer', expires_in: 3599, api_url: emulator.url });
    expect(typeof byQuery.body.scope).toBe('string');
    const byForm = await token('', `grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`);
    expect(byForm.status).toBe(200);
    expect(byForm.body.access_token).not.toBe(byQuery.body.access_token);
    expect(await token('', `grant_type=client_credentials&account_id=${CREDENTIALS.accountId}`)).toEqual({
      status: 400,
      body: { reason: 'unsupported grant type', error: 'unsupported_grant_type' },
    });
    expect(await token('', 'grant_type=account_credentials&account_id=other')).toEqual({
      status: 400,
      body: { reason: 'Invalid account_id', error: 'invalid_request' },
    });
    expect(emulator.tokenRequests).toBe(2);
  });
});

describe('rate limits', () => {
  it('waits the Retry-After seconds and succeeds on the third try after two 429s', async () => {
    const { emulator, client, sleeps } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    emulator.setFaults({ rateLimit: { count: 2, retryAfterSeconds: 2, format: 'seconds' } });
    await expect(client.getMeeting(meeting.id)).resolves.toMatchObject({ id: meeting.id });
    expect(sleeps).toEqual([2000, 2000]);
    expect(emulator.requests.filter((r) => r.path === `/v2/meetings/${meeting.id}`).map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('reads Retry-After as an HTTP date, the form Zoom sends, and waits until then', async () => {
    const { emulator, client, sleeps } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    emulator.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 2 } });
    await client.getMeeting(meeting.id);
    expect(sleeps).toHaveLength(1);
    // The date is truncated to the second: the wait is between 1 and 2 s.
    expect(sleeps[0]).toBeGreaterThan(900);
    expect(sleeps[0]).toBeLessThanOrEqual(2000);
  });

  it('fails fast with a retryable ZoomRateLimitError at the next midnight UTC when the daily limit is hit', async () => {
    const { emulator, client, sleeps } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    const response = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ preset: 'rate_limit_daily', match: { method: 'GET', path: '/v2/meetings/*' } }),
    });
    expect(response.status).toBe(204);
    const error = await failure(client.getMeeting(meeting.id));
    expect(error).toBeInstanceOf(ZoomRateLimitError);
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(error).toMatchObject({ status: 429, retryable: true, retryAt: midnight, type: 'Daily-limit', category: 'Medium' });
    expect(sleeps).toEqual([]);
  });

  it('gives up after three waits when Zoom keeps answering 429', async () => {
    const { emulator, client, sleeps } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    emulator.setFaults({ rateLimit: { count: 10, retryAfterSeconds: 1, format: 'seconds' } });
    const error = await failure(client.getMeeting(meeting.id));
    expect(error).toBeInstanceOf(ZoomRateLimitError);
    expect((error as ZoomRateLimitError).retryAt).toBeInstanceOf(Date);
    expect(sleeps).toEqual([1000, 1000, 1000]);
    expect(emulator.requests.filter((r) => r.path === `/v2/meetings/${meeting.id}`)).toHaveLength(4);
  });

  it('counts meeting writes per host and UTC day, and answers the one over the limit with a daily 429', async () => {
    const { client } = await zoom({ userDailyMeetingWrites: 2 });
    const meeting = await client.createMeeting(meetingBody());
    await client.updateMeeting(meeting.id, { topic: 'Renamed' });
    const error = await failure(client.createMeeting(meetingBody()));
    expect(error).toBeInstanceOf(ZoomRateLimitError);
    expect((error as ZoomRateLimitError).retryAt?.getUTCHours()).toBe(0);
  });
});

describe('errors', () => {
  it('a 5xx is a retryable ZoomError, left to the caller to retry', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    emulator.setFaults({ serverError: { count: 1 } });
    const error = await failure(client.getMeeting(meeting.id));
    expect(error).toBeInstanceOf(ZoomError);
    expect(error).not.toBeInstanceOf(ZoomNotFoundError);
    expect(error).toMatchObject({ status: 500, retryable: true });
    expect(emulator.requests.filter((r) => r.path === `/v2/meetings/${meeting.id}`)).toHaveLength(1);
    await expect(client.getMeeting(meeting.id)).resolves.toMatchObject({ id: meeting.id });
  });

  it('an unknown meeting is a non-retryable ZoomNotFoundError with code 3001 and the tracking id', async () => {
    const { client } = await zoom();
    const error = await failure(client.getMeeting(85746065432));
    expect(error).toBeInstanceOf(ZoomNotFoundError);
    expect(error).toMatchObject({ status: 404, code: 3001, retryable: false, body: { code: 3001, message: 'Meeting does not exist: 85746065432.' } });
    expect((error as ZoomError).trackingId).toMatch(/^v=2\.0;clid=emu;rid=EMU_/);
  });

  it('a refused field (a passcode over 10 characters) is a non-retryable ZoomError with code 300', async () => {
    const { client } = await zoom();
    const error = await failure(client.createMeeting({ ...meetingBody(), password: 'much-too-long-passcode' }));
    expect(error).toBeInstanceOf(ZoomError);
    expect(error).toMatchObject({ status: 400, code: 300, retryable: false });
  });

  it('a token without the needed scope is a non-retryable ZoomAuthError', async () => {
    const { emulator, client } = await zoom();
    emulator.addFault({ preset: 'missing_scope' });
    const error = await failure(client.createMeeting(meetingBody()));
    expect(error).toBeInstanceOf(ZoomAuthError);
    expect(error).toMatchObject({ status: 400, code: 4711, retryable: false });
  });

  it('no answer (a dropped connection, a closed port) is a retryable ZoomError with status 0', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    emulator.addFault({ preset: 'drop_connection' });
    const dropped = await failure(client.getMeeting(meeting.id));
    expect(dropped).toBeInstanceOf(ZoomError);
    expect(dropped).toMatchObject({ status: 0, retryable: true });

    const port = await freePort();
    const nowhere = new ZoomClient({ ...CREDENTIALS, oauthBaseUrl: `http://127.0.0.1:${port}`, apiBaseUrl: `http://127.0.0.1:${port}/v2` });
    const refused = await failure(nowhere.getMeeting(meeting.id));
    expect(refused).toBeInstanceOf(ZoomAuthError);
    expect(refused).toMatchObject({ status: 0, retryable: true });
  });
});

describe('meetings', () => {
  it('creates a scheduled meeting for the host with registration approved automatically', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    expect(meeting).toMatchObject({
      type: 2,
      status: 'waiting',
      topic: 'CALEOL — séance du 2 mars 2026',
      start_time: '2026-03-02T14:00:00Z',
      duration: 90,
      timezone: 'Europe/Paris',
      password: 'Cal2026',
      host_id: emulator.host.id,
      settings: { approval_type: 0, registrants_email_notification: false, registrants_confirmation_email: false },
    });
    expect(typeof meeting.id).toBe('number');
    expect(meeting.uuid).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(meeting.registration_url).toMatch(/\/meeting\/register\//);
    expect(meeting.join_url).toContain(String(meeting.id));
    expect(emulator.meeting(meeting.id)?.settings.approval_type).toBe(0);
    expect(emulator.requests.find((r) => r.method === 'POST' && r.path.endsWith('/meetings'))?.path).toBe(
      `/v2/users/${encodeURIComponent(emulator.host.email)}/meetings`,
    );
  });

  it('creates for "me" by default, and Zoom refuses an unknown host with 404/1001', async () => {
    const { emulator } = await zoom();
    const { hostUserId: _host, ...settings } = emulator.clientSettings();
    await expect(new ZoomClient(settings).createMeeting(meetingBody())).resolves.toMatchObject({ host_id: emulator.host.id });
    const unknown = await failure(new ZoomClient({ ...settings, hostUserId: 'nobody@example.org' }).createMeeting(meetingBody()));
    expect(unknown).toMatchObject({ status: 404, code: 1001 });
  });

  it('updates only the patched fields, then cancels the meeting with a meeting.deleted webhook carrying a numeric id', async () => {
    const { emulator, receiver, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    await client.updateMeeting(meeting.id, { topic: 'Séance reportée', settings: { mute_upon_entry: true } });
    const updated = await client.getMeeting(meeting.id);
    expect(updated).toMatchObject({ topic: 'Séance reportée', duration: 90, settings: { approval_type: 0, mute_upon_entry: true } });
    await client.deleteMeeting(meeting.id, { cancelMeetingReminder: true });
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'DELETE', query: 'cancel_meeting_reminder=true', status: 204 });
    await expect(client.getMeeting(meeting.id)).rejects.toBeInstanceOf(ZoomNotFoundError);
    await emulator.flush();
    const deleted = receiver.received.find((w) => w.event === 'meeting.deleted');
    expect(deleted && object(deleted)).toMatchObject({ id: meeting.id, uuid: meeting.uuid, topic: 'Séance reportée' });
    expect(deleted?.body.payload).toMatchObject({ operator: emulator.host.email, operator_id: emulator.host.id });
  });

  it('ends a running meeting, and ending it again (a retried activity) is a success', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    await emulator.startMeeting(meeting.id);
    await expect(client.deleteMeeting(meeting.id)).rejects.toMatchObject({ status: 400, code: 3002, retryable: false });
    await client.endMeeting(meeting.id);
    expect((await client.getMeeting(meeting.id)).status).toBe('waiting');
    await expect(client.endMeeting(meeting.id)).resolves.toBeUndefined();
    expect(emulator.requests.filter((r) => r.path.endsWith('/status')).map((r) => r.status)).toEqual([204, 400]);
  });
});

describe('registrants', () => {
  it('registering the same e-mail twice gives back the same registrant and personal join link', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    const first = await client.addRegistrant(meeting.id, { email: 'claire.martin@bailleur.example', first_name: 'Claire', last_name: 'Martin' });
    const again = await client.addRegistrant(meeting.id, { email: 'Claire.Martin@bailleur.example', first_name: 'Claire' });
    const other = await client.addRegistrant(meeting.id, { email: 'karim.benali@bailleur.example', first_name: 'Karim' });
    expect(first).toMatchObject({ id: meeting.id, topic: meeting.topic });
    expect(again.registrant_id).toBe(first.registrant_id);
    expect(again.join_url).toBe(first.join_url);
    expect(new URL(first.join_url).searchParams.get('tk')).toMatch(/^[\w-]{20,}$/);
    expect(other.registrant_id).not.toBe(first.registrant_id);
    expect(new URL(other.join_url).searchParams.get('tk')).not.toBe(new URL(first.join_url).searchParams.get('tk'));
    expect(typeof first.participant_pin_code).toBe('number');
    expect(emulator.registrants(meeting.id).map((r) => r.email)).toEqual(['claire.martin@bailleur.example', 'karim.benali@bailleur.example']);
  });

  it('registers 65 people in calls of at most 30 and lists them all across pages', async () => {
    const bodies: unknown[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/batch_registrants')) bodies.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const { emulator, client } = await zoom({}, { fetch: recordingFetch });
    const meeting = await client.createMeeting(meetingBody());
    const people = Array.from({ length: 65 }, (_, i) => ({ email: `membre${i}@bailleur.example`, first_name: `Membre ${i}` }));
    const added: BatchRegistrant[] = await client.addRegistrantsBatch(meeting.id, people);
    expect(bodies.map((b) => (b as { registrants: unknown[] }).registrants.length)).toEqual([30, 30, 5]);
    expect(bodies[0]).toMatchObject({ auto_approve: true });
    expect(added.map((r) => r.email)).toEqual(people.map((p) => p.email));
    expect(new Set(added.map((r) => r.registrant_id)).size).toBe(65);

    const listed = await collect(client.listRegistrants(meeting.id, { pageSize: 20 }));
    expect(listed.map((r) => r.id).sort()).toEqual(added.map((r) => r.registrant_id).sort());
    expect(listed[0]).toMatchObject({ email: 'membre0@bailleur.example', first_name: 'Membre 0', status: 'approved' });
    expect(emulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/registrants'))).toHaveLength(4);
  });

  it('Zoom refuses a batch of more than 30, and registration on a meeting without it', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    const tooMany = Array.from({ length: 31 }, (_, i) => ({ email: `m${i}@bailleur.example`, first_name: 'M' }));
    expect(await rawApi(emulator, 'POST', `/meetings/${meeting.id}/batch_registrants`, { registrants: tooMany })).toMatchObject({
      status: 400,
      body: { code: 300 },
    });
    const open = await client.createMeeting({ ...meetingBody(), settings: { approval_type: 2 } });
    expect(open.registration_url).toBeUndefined();
    const error = await failure(client.addRegistrant(open.id, { email: 'a@bailleur.example', first_name: 'A' }));
    expect(error).toMatchObject({ status: 400, code: 3000, retryable: false });
  });

  it('cancelled registrants leave the approved list', async () => {
    const { client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    const [a, b] = await client.addRegistrantsBatch(meeting.id, [
      { email: 'a@bailleur.example', first_name: 'A' },
      { email: 'b@bailleur.example', first_name: 'B' },
    ]);
    await client.cancelRegistrants(meeting.id, [{ id: a?.registrant_id ?? '', email: 'a@bailleur.example' }]);
    expect((await collect(client.listRegistrants(meeting.id))).map((r) => r.id)).toEqual([b?.registrant_id]);
    expect((await collect(client.listRegistrants(meeting.id, { status: 'denied' }))).map((r) => r.id)).toEqual([a?.registrant_id]);
  });
});

describe('past meetings', () => {
  it('refuses past participants while the meeting runs, then lists one row per join session, page by page', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    const claire = await client.addRegistrant(meeting.id, { email: 'claire.martin@bailleur.example', first_name: 'Claire' });
    const t0 = Date.parse('2026-03-02T14:00:05Z');
    const { uuid } = await emulator.startMeeting(meeting.id, { at: new Date(t0) });
    await emulator.join(meeting.id, { name: 'Secrétariat', zoomUserId: emulator.host.id, at: new Date(t0) });
    const first = await emulator.join(meeting.id, { name: 'Claire Martin', registrantId: claire.registrant_id, at: new Date(t0 + 60_000) });
    await emulator.join(meeting.id, { name: 'Invité', at: new Date(t0 + 90_000) });
    await emulator.leave(meeting.id, first.userId, new Date(t0 + 600_000));
    await emulator.join(meeting.id, { name: 'Claire Martin', registrantId: claire.registrant_id, at: new Date(t0 + 660_000) });

    const running = await failure(collect(client.listPastParticipants(uuid)));
    expect(running).toBeInstanceOf(ZoomNotFoundError);
    expect(running).toMatchObject({ code: 3001, retryable: false });

    await emulator.endMeeting(meeting.id, new Date(t0 + 3_600_000));
    const rows = await collect(client.listPastParticipants(uuid, { pageSize: 2 }));
    expect(emulator.requests.filter((r) => r.path.endsWith('/participants') && r.status === 200)).toHaveLength(2);
    expect(rows.map((r) => [r.name, r.registrant_id, r.user_email, r.duration])).toEqual([
      ['Secrétariat', '', emulator.host.email, 3600],
      ['Claire Martin', claire.registrant_id, 'claire.martin@bailleur.example', 540],
      ['Invité', '', '', 3510],
      ['Claire Martin', claire.registrant_id, 'claire.martin@bailleur.example', 2940],
    ]);
    expect(rows[0]).toMatchObject({ id: emulator.host.id, internal_user: true, status: 'in_meeting', join_time: '2026-03-02T14:00:05Z' });
    expect(rows[1]?.user_id).not.toBe(rows[3]?.user_id);
    expect(rows[2]).toMatchObject({ id: '', internal_user: false });
  });

  it('double-encodes a UUID starting with "/" and containing "//", which Zoom refuses single-encoded', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    const uuid = '/abc//def0123456789AB==';
    await emulator.startMeeting(meeting.id, { uuid });
    await emulator.join(meeting.id, { name: 'Claire Martin' });
    await emulator.endMeeting(meeting.id);

    const rows = await collect(client.listPastParticipants(uuid));
    expect(rows.map((r) => r.name)).toEqual(['Claire Martin']);
    expect(await client.getPastMeeting(uuid)).toMatchObject({ uuid, id: meeting.id, participants_count: 1 });
    expect(emulator.requests.some((r) => r.path === '/v2/past_meetings/%252Fabc%252F%252Fdef0123456789AB%253D%253D/participants')).toBe(true);

    const single = await rawApi(emulator, 'GET', `/past_meetings/${encodeURIComponent(uuid)}/participants`);
    expect(single).toMatchObject({ status: 404, body: { code: 3001 } });
  });

  it('a numeric id gives the latest finished instance, a UUID that very instance', async () => {
    const { emulator, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    const first = await emulator.startMeeting(meeting.id);
    expect(first.uuid).toBe(meeting.uuid);
    await emulator.endMeeting(meeting.id);
    const second = await emulator.startMeeting(meeting.id);
    expect(second.uuid).not.toBe(first.uuid);
    await emulator.join(meeting.id, { name: 'Karim Benali' });
    await emulator.endMeeting(meeting.id);
    expect((await client.getPastMeeting(meeting.id)).uuid).toBe(second.uuid);
    expect((await client.getPastMeeting(first.uuid)).uuid).toBe(first.uuid);
    expect(await collect(client.listPastParticipants(first.uuid))).toEqual([]);
    expect((await collect(client.listPastParticipants(meeting.id))).map((r) => r.name)).toEqual(['Karim Benali']);
  });

  it('generated instance UUIDs sometimes need double encoding, and every one of them works', async () => {
    const { emulator, client } = await zoom({ firstInstanceUsesCreateUuid: false });
    const meeting = await client.createMeeting(meetingBody());
    const uuids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      uuids.push((await emulator.startMeeting(meeting.id)).uuid);
      await emulator.join(meeting.id, { name: `Session ${i}` });
      await emulator.endMeeting(meeting.id);
    }
    expect(uuids.some((u) => u.startsWith('/') || u.includes('//'))).toBe(true);
    expect(uuids.some((u) => !u.startsWith('/') && !u.includes('//'))).toBe(true);
    for (const [i, uuid] of uuids.entries()) {
      expect((await collect(client.listPastParticipants(uuid))).map((r) => r.name)).toEqual([`Session ${i}`]);
    }
  });
});

describe('webhooks', () => {
  it('signs every delivery with HMAC-SHA256 over v0:{timestamp}:{raw body} and sends Zoom\'s headers', async () => {
    const { emulator, receiver, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    await emulator.startMeeting(meeting.id);
    await emulator.join(meeting.id, { name: 'Jan Šimonek' });
    await emulator.flush();
    expect(receiver.events()).toEqual(['meeting.started', 'meeting.participant_joined']);
    for (const webhook of receiver.received) {
      expect(signatureIsValid(webhook)).toBe(true);
      expect(signatureIsValid(webhook, 'another-secret')).toBe(false);
      expect(webhook.headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Zoom Marketplace/1.0a',
        clientid: CREDENTIALS.clientId,
      });
      expect(webhook.headers['x-zm-trackingid']).toMatch(/^v=2\.0;clid=emu;rid=WEB_/);
      const timestamp = Number(webhook.headers['x-zm-request-timestamp']);
      expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(30);
      expect(Object.keys(webhook.body)).toEqual(['event', 'event_ts', 'payload']);
      expect(webhook.body.event_ts).toBeGreaterThan(timestamp * 1000 - 30_000);
    }
    const joined = receiver.received[1] as ReceivedWebhook;
    // Raw UTF-8, not \u escapes: a verifier must hash the bytes it received.
    expect(joined.rawBody.includes(Buffer.from('Jan Šimonek', 'utf8'))).toBe(true);
    const tampered = { ...joined, rawBody: Buffer.from(joined.rawBody.toString('utf8').replace('Jan', 'Jean'), 'utf8') };
    expect(signatureIsValid(tampered)).toBe(false);
  });

  it('sends Zoom\'s payload shapes: string ids, registrant_id null on a guest join and "" on its leave, ended before the lefts', async () => {
    const { emulator, receiver, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    const claire = await client.addRegistrant(meeting.id, { email: 'claire.martin@bailleur.example', first_name: 'Claire' });
    const { uuid } = await emulator.startMeeting(meeting.id);
    const member = await emulator.join(meeting.id, { name: 'Claire Martin', registrantId: claire.registrant_id });
    const guest = await emulator.join(meeting.id, { name: 'Invité' });
    await client.endMeeting(meeting.id);
    await emulator.flush();
    expect(receiver.events()).toEqual([
      'meeting.started',
      'meeting.participant_joined',
      'meeting.participant_joined',
      'meeting.ended',
      'meeting.participant_left',
      'meeting.participant_left',
    ]);
    const [started, memberJoined, guestJoined, ended, memberLeft, guestLeft] = receiver.received as [ReceivedWebhook, ReceivedWebhook, ReceivedWebhook, ReceivedWebhook, ReceivedWebhook, ReceivedWebhook];
    expect(started.body.payload).toMatchObject({ account_id: CREDENTIALS.accountId });
    expect(object(started)).toMatchObject({ id: String(meeting.id), uuid, host_id: emulator.host.id, type: 2, timezone: 'Europe/Paris', duration: 90 });
    expect(participant(memberJoined)).toMatchObject({
      user_id: member.userId,
      participant_uuid: member.participantUuid,
      user_name: 'Claire Martin',
      email: 'claire.martin@bailleur.example',
      registrant_id: claire.registrant_id,
      id: '',
    });
    expect(participant(memberJoined).join_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(participant(guestJoined)).toMatchObject({ user_id: guest.userId, email: '', registrant_id: null });
    expect(Number(guest.userId) - Number(member.userId)).toBe(1024);
    expect(object(ended).end_time).toMatch(/Z$/);
    expect(participant(memberLeft)).toMatchObject({ registrant_id: claire.registrant_id, leave_reason: 'Claire Martin left the meeting.<br>Reason: Host ended the meeting.' });
    expect(participant(guestLeft)).toMatchObject({ user_id: guest.userId, registrant_id: '' });
  });

  it('puts waiting-room joiners through joined_waiting_room, then admitted and joined', async () => {
    const { emulator, receiver, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    await emulator.startMeeting(meeting.id);
    const waiting = await emulator.join(meeting.id, { name: 'Invité', viaWaitingRoom: true });
    await emulator.admit(meeting.id, waiting.userId);
    await emulator.flush();
    expect(receiver.events()).toEqual(['meeting.started', 'meeting.participant_joined_waiting_room', 'meeting.participant_admitted', 'meeting.participant_joined']);
    expect(participant(receiver.received[1] as ReceivedWebhook)).toHaveProperty('date_time');
    expect(participant(receiver.received[1] as ReceivedWebhook)).not.toHaveProperty('join_time');
    expect(participant(receiver.received[3] as ReceivedWebhook)).toMatchObject({ user_id: waiting.userId });
  });

  it('retries a receiver that answers 500 at the configured delays, three times, then gives up for good', async () => {
    const { emulator, receiver, client } = await zoom({ retryDelaysMs: [40, 80, 120] }, {}, () => ({ status: 500 }));
    const meeting = await client.createMeeting(meetingBody());
    await emulator.startMeeting(meeting.id);
    await emulator.flush();
    expect(receiver.events()).toEqual(Array(4).fill('meeting.started'));
    const at = receiver.received.map((w) => w.receivedAt);
    [40, 80, 120].forEach((wait, i) => expect((at[i + 1] ?? 0) - (at[i] ?? 0)).toBeGreaterThanOrEqual(wait - 5));
    expect(emulator.deliveries.map((d) => [d.attempt, d.status, d.outcome])).toEqual([
      [1, 500, 'retrying'],
      [2, 500, 'retrying'],
      [3, 500, 'retrying'],
      [4, 500, 'abandoned'],
    ]);
    // Re-signed per attempt (a fresh timestamp each time, §4.4), each verifiable.
    expect(receiver.received.every((w) => signatureIsValid(w))).toBe(true);
    expect(emulator.pendingDeliveries).toBe(0);

    receiver.respondWith(() => ({ status: 204 }));
    await emulator.join(meeting.id, { name: 'Claire Martin' });
    await emulator.flush();
    expect(receiver.events()).toEqual([...Array(4).fill('meeting.started'), 'meeting.participant_joined']);
    expect(emulator.deliveries.at(-1)).toMatchObject({ event: 'meeting.participant_joined', attempt: 1, status: 204, outcome: 'ok' });
  });

  it('counts an answer slower than the ack timeout as a failure and retries it', async () => {
    const slowFirst: Responder = (_webhook, index) => (index === 0 ? { status: 200, delayMs: 750 } : { status: 200 });
    const { emulator, receiver, client } = await zoom({ ackTimeoutMs: 250 }, {}, slowFirst);
    const meeting = await client.createMeeting(meetingBody());
    await emulator.startMeeting(meeting.id);
    await emulator.flush();
    expect(receiver.events()).toEqual(['meeting.started', 'meeting.started']);
    expect(emulator.deliveries.map((d) => [d.attempt, d.status, d.outcome])).toEqual([
      [1, null, 'retrying'],
      [2, 200, 'ok'],
    ]);
    expect(emulator.deliveries[0]?.error).toMatch(/no answer within 250 ms/);
  });

  it('passes the CRC handshake when the receiver answers HMAC(secret, plainToken), and fails it with a wrong secret', async () => {
    const crc =
      (secret: string): Responder =>
      (webhook) => {
        const plainToken = String((webhook.body.payload as { plainToken: unknown }).plainToken);
        return { status: 200, body: { plainToken, encryptedToken: createHmac('sha256', secret).update(plainToken).digest('hex') } };
      };
    const { emulator, receiver } = await zoom({}, {}, crc(SECRET));
    const result = await emulator.validateEndpoint();
    expect(result.valid).toBe(true);
    expect(result.plainToken).toMatch(/^[\w-]{22}$/);
    expect(result.body).toEqual({ plainToken: result.plainToken, encryptedToken: createHmac('sha256', SECRET).update(result.plainToken).digest('hex') });
    expect(emulator.validated).toBe(true);
    const request = receiver.received[0] as ReceivedWebhook;
    expect(request.body).toMatchObject({ event: 'endpoint.url_validation', payload: { plainToken: result.plainToken } });
    expect(signatureIsValid(request)).toBe(true);

    receiver.respondWith(crc('wrong-secret'));
    expect(await emulator.validateEndpoint()).toMatchObject({ status: 200, valid: false });
    expect(emulator.validated).toBe(false);
  });

  it('delivers nothing to an endpoint that must be validated and is not', async () => {
    const { emulator, receiver, client } = await zoom({ requireValidation: true });
    const meeting = await client.createMeeting(meetingBody());
    await emulator.startMeeting(meeting.id);
    await emulator.flush();
    expect(receiver.received).toEqual([]);
    expect(emulator.deliveries).toMatchObject([{ event: 'meeting.started', outcome: 'skipped', error: 'endpoint not validated' }]);
  });
});

describe('webhook chaos', () => {
  it('duplicates the next events, each copy signed on its own', async () => {
    const { emulator, receiver, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    emulator.setChaos({ duplicate: 2 });
    await emulator.startMeeting(meeting.id);
    const joined = await emulator.join(meeting.id, { name: 'Claire Martin' });
    await emulator.leave(meeting.id, joined.userId);
    await emulator.flush();
    expect(receiver.events()).toEqual(['meeting.started', 'meeting.started', 'meeting.participant_joined', 'meeting.participant_joined', 'meeting.participant_left']);
    expect(receiver.received[0]?.rawBody.equals(receiver.received[1]?.rawBody ?? Buffer.alloc(0))).toBe(true);
    expect(receiver.received.every((w) => signatureIsValid(w))).toBe(true);
    expect(emulator.events.map((e) => e.fate)).toEqual(['duplicated', 'duplicated', 'delivered']);
  });

  it('reorders held events in a seeded shuffle that repeats with the same seed', async () => {
    const run = async () => {
      const { emulator, receiver, client } = await zoom({ seed: 42 });
      const meeting = await client.createMeeting(meetingBody());
      emulator.setChaos({ reorder: true, reorderWindowMs: 60_000 });
      await emulator.startMeeting(meeting.id);
      for (const name of ['A', 'B', 'C', 'D', 'E']) await emulator.join(meeting.id, { name });
      expect(receiver.received).toEqual([]); // held until the window ends or flush()
      await emulator.flush();
      return receiver.received.map((w) => (w.event === 'meeting.started' ? 'started' : String(participant(w).user_name)));
    };
    const first = await run();
    const second = await run();
    expect([...first].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'started']);
    expect(first).not.toEqual(['started', 'A', 'B', 'C', 'D', 'E']);
    expect(second).toEqual(first);
  });

  it('drops an event for good, and the past participants report still has the session (reconciliation)', async () => {
    const { emulator, receiver, client } = await zoom();
    const meeting = await client.createMeeting(meetingBody());
    const { uuid } = await emulator.startMeeting(meeting.id);
    emulator.setChaos({ drop: 1 });
    await emulator.join(meeting.id, { name: 'Claire Martin' });
    await emulator.join(meeting.id, { name: 'Karim Benali' });
    await emulator.endMeeting(meeting.id);
    await emulator.flush();
    const joinedNames = receiver.received.filter((w) => w.event === 'meeting.participant_joined').map((w) => participant(w).user_name);
    expect(joinedNames).toEqual(['Karim Benali']);
    expect(emulator.deliveries.filter((d) => d.outcome === 'dropped')).toMatchObject([{ event: 'meeting.participant_joined', attempt: 0 }]);
    expect((await collect(client.listPastParticipants(uuid))).map((r) => r.name)).toEqual(['Claire Martin', 'Karim Benali']);
  });

  it('draws probabilistic chaos from the seed: the same seed gives the same fates', async () => {
    const fates = async () => {
      const { emulator, client } = await zoom({ seed: 7 });
      const meeting = await client.createMeeting(meetingBody());
      emulator.setChaos({ duplicate: 0.4, drop: 0.3 });
      await emulator.startMeeting(meeting.id);
      for (let i = 0; i < 12; i += 1) await emulator.join(meeting.id, { name: `P${i}` });
      await emulator.flush();
      return emulator.events.map((e) => e.fate);
    };
    const first = await fates();
    expect(new Set(first).size).toBe(3);
    expect(await fates()).toEqual(first);
  });

  it('takes chaos, configuration and meeting actions over its control API', async () => {
    const { emulator, receiver, client } = await zoom({ webhookUrl: undefined });
    const control = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${emulator.url}/__emulator${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>) };
    };
    const meeting = await client.createMeeting(meetingBody());
    expect((await control('PUT', '/config', { webhook: { url: receiver.url } })).status).toBe(204);
    expect((await control('PUT', '/webhook/chaos', { dropNext: 1 })).status).toBe(204);
    await control('POST', `/meetings/${meeting.id}/start`, { uuid: '//ctl0123456789ABCDEF==' });
    const joined = await control('POST', `/meetings/${meeting.id}/participants`, { name: 'Sophie Leroy', email: 'sophie.leroy@bailleur.example' });
    expect(joined.body).toMatchObject({ user_id: '16778240' });
    await control('POST', `/meetings/${meeting.id}/end`, {});
    await emulator.flush();
    expect(receiver.events()).toEqual(['meeting.participant_joined', 'meeting.ended', 'meeting.participant_left']);
    const state = await fetch(`${emulator.url}/__emulator/state`).then((r) => r.json() as Promise<{ meetings: Array<{ instances: Array<{ uuid: string }> }> }>);
    expect(state.meetings[0]?.instances[0]?.uuid).toBe('//ctl0123456789ABCDEF==');
  });
});
