// The live events streams cannot starve the sessions they follow: a bounded number per subject and
// in all (429 or 503 with Retry-After beyond, never 500), one read of a session per tick however
// many follow it, and each stream ends when its token expires.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, expectStatus, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { issueLocalToken } from '../../api/auth.ts';
import { generateSignerKeyPair, signMinutesHash } from '../../documents/signatures.ts';
import { eventually, startHarness, testSecret, type Harness } from '../support/harness.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;
let base: string;
const limits = { perSubject: 5, total: 40, tickMs: 200, heartbeatMs: 400, retryMs: 1_234 };

beforeAll(async () => {
  h = await startHarness('event-streams', { streamLimits: limits, rateLimit: false });
  call = apiClient(h);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => h?.close());

interface Stream { status: number; retryAfter: string | null; body?: ReadableStreamDefaultReader<Uint8Array>; abort: AbortController }

async function openStream(sessionId: string, token: string, lastEventId?: string): Promise<Stream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }) };
  const res = await fetch(`${base}/sessions/${sessionId}/events`, { headers, signal: abort.signal });
  if (res.status !== 200) {
    await res.text();
    return { status: res.status, retryAfter: res.headers.get('retry-after'), abort };
  }
  return { status: 200, retryAfter: null, body: res.body!.getReader(), abort };
}

/** Reads a stream to its end; the stream's text. */
async function readToEnd(stream: Stream): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await stream.body!.read();
    if (done) return text;
    text += decoder.decode(value);
  }
}

interface Frame { id?: string; event?: string; data?: string; retry?: string; comment?: string }

/** Reads a stream's frames (blank-line separated) until `until` holds of those read so far; all frames read. */
async function readFrames(stream: Stream, until: (frames: Frame[]) => boolean, timeoutMs = 15_000): Promise<Frame[]> {
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(frames)) {
    if (Date.now() > deadline) throw new Error(`no such frames within ${timeoutMs} ms: ${JSON.stringify(frames)}`);
    const { done, value } = await stream.body!.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame: Frame = {};
      for (const line of buffer.slice(0, end).split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        const [field, ...rest] = line.split(': ');
        if (field === 'id' || field === 'event' || field === 'data' || field === 'retry') frame[field] = rest.join(': ');
      }
      frames.push(frame);
      buffer = buffer.slice(end + 2);
    }
  }
  return frames;
}

const states = (frames: Frame[]) => frames.filter((f) => f.event === 'state');
const votesCast = (frame: Frame) => (JSON.parse(frame.data!) as { openVote?: { votesCast: number } }).openVote?.votesCast;

async function liveSession(suffix: string) {
  const secretary = await h.token({ subject: `secretary@streams${suffix}`, roles: ['secretary'] });
  const committee = expectStatus<{ id: string; members: Array<{ id: string; role: string; chair: boolean }> }>(await call('POST', '/committees', secretary, committeeInput(suffix)), 201);
  const voters = committee.members.filter((m) => ['board_member', 'prefect', 'mayor', 'epci_president'].includes(m.role));
  const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(10), mode: 'remote' }), 201);
  const item = expectStatus<{ id: string; candidates: Array<{ applicationId: string }> }>(await call('POST', `/sessions/${session.id}/agenda-items`, secretary, agendaItemInput(`ST${suffix.length}`)), 201);
  expectStatus(await call('POST', `/sessions/${session.id}/agenda/publish`, secretary), 200);
  await untilConvened(call, `/sessions/${session.id}`, secretary);
  expectStatus(await call('POST', `/sessions/${session.id}/open`, secretary), 200);
  for (const m of voters) expectStatus(await call('POST', `/sessions/${session.id}/attendance`, secretary, { memberId: m.id, present: true }), 200);
  expectStatus(await call('POST', `/sessions/${session.id}/agenda-items/${item.id}/vote/open`, secretary, {
    proposal: item.candidates.map((c, i) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: i + 1 })),
  }), 200);
  const token = (i: number) => h.token({ subject: voters[i]!.id, memberId: voters[i]!.id, roles: ['member'] });
  return { sessionId: session.id, itemId: item.id, committeeId: committee.id, voters, token, secretary };
}

describe('the events streams', () => {
  it('hold at most five per subject: 800 opened by one member leave votes and reads answering', { timeout: 120_000 }, async () => {
    const s = await liveSession(' flood');
    const flooder = await s.token(0);
    const streams = await Promise.all(Array.from({ length: 800 }, () => openStream(s.sessionId, flooder)));
    try {
      expect(streams.filter((x) => x.status === 200)).toHaveLength(limits.perSubject);
      const refused = streams.filter((x) => x.status !== 200);
      expect(new Set(refused.map((x) => x.status))).toEqual(new Set([429]));
      expect(refused.every((x) => Number(x.retryAfter) > 0)).toBe(true);
      // The others still vote and read.
      const vote = await call('POST', `/sessions/${s.sessionId}/agenda-items/${s.itemId}/votes`, await s.token(1), { choice: 'for' });
      expect(vote.statusCode, vote.body).toBe(200);
      expect(expectStatus<{ openVote: { votesCast: number } }>(await call('GET', `/sessions/${s.sessionId}`, s.secretary), 200).openVote.votesCast).toBe(1);
      // The first stream sees the ballot.
      const seen = await eventually(async () => {
        const { value } = await streams.find((x) => x.status === 200)!.body!.read();
        return new TextDecoder().decode(value);
      }, (text) => text.includes('"votesCast":1'), 10_000);
      expect(seen).toContain('event: state');
    } finally {
      for (const x of streams) x.abort.abort();
    }
    // Closed streams give their places back, once the server has seen them close (the client's abort reaches it after).
    const again = await eventually(async () => {
      const stream = await openStream(s.sessionId, flooder);
      if (stream.status !== 200) return stream;
      stream.abort.abort();
      return stream;
    }, (stream) => stream.status === 200, 10_000);
    expect(again.status).toBe(200);
  });

  it('hold a bounded number in all: beyond, 503 with Retry-After', { timeout: 120_000 }, async () => {
    const s = await liveSession(' total');
    const subjects = await Promise.all(Array.from({ length: limits.total + 5 }, (_, i) => h.token({ subject: `auditor-${i}@streams`, roles: ['auditor'] })));
    const streams = await Promise.all(subjects.map((t) => openStream(s.sessionId, t)));
    try {
      expect(streams.filter((x) => x.status === 200).length).toBeLessThanOrEqual(limits.total);
      const refused = streams.filter((x) => x.status !== 200);
      expect(refused.length).toBeGreaterThanOrEqual(5);
      expect(refused.every((x) => x.status === 503 && Number(x.retryAfter) > 0)).toBe(true);
    } finally {
      for (const x of streams) x.abort.abort();
    }
  });

  it('end when their token expires', { timeout: 60_000 }, async () => {
    const s = await liveSession(' expiry');
    const shortLived = await issueLocalToken(testSecret, { subject: 'auditor-short@streams', roles: ['auditor'] }, '3s');
    const stream = await openStream(s.sessionId, shortLived);
    expect(stream.status).toBe(200);
    const started = Date.now();
    const text = await readToEnd(stream);
    expect(text).toContain('event: state');
    // Ended by the server at the token's expiry, not by this test.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('resume after a drop with Last-Event-ID, losing nothing, and end when the session ends', { timeout: 120_000 }, async () => {
    const s = await liveSession(' resume');
    const vote = async (i: number, choice: string) =>
      expect((await call('POST', `/sessions/${s.sessionId}/agenda-items/${s.itemId}/votes`, await s.token(i), { choice })).statusCode).toBe(200);
    const auditor = await h.token({ subject: 'auditor-resume@streams', roles: ['auditor'] });

    // The first frame says when to reconnect and carries the state with its id; idle, a heartbeat.
    const first = await openStream(s.sessionId, auditor);
    const opened = await readFrames(first, (frames) => frames.some((f) => f.comment === 'heartbeat'));
    expect(opened[0]).toMatchObject({ event: 'state', retry: String(limits.retryMs), id: expect.stringMatching(/^\d+$/) });
    const lastId = opened[0]!.id!;
    expect(votesCast(opened[0]!)).toBe(0);
    first.abort.abort();

    // Two ballots while the client is away: the resumed stream starts with a state after both.
    await vote(0, 'for');
    await vote(1, 'against');
    const resumed = await openStream(s.sessionId, auditor, lastId);
    expect(resumed.status).toBe(200);
    const [caughtUp] = states(await readFrames(resumed, (frames) => states(frames).length > 0));
    expect(Number(caughtUp!.id)).toBeGreaterThan(Number(lastId));
    expect(votesCast(caughtUp!)).toBe(2);

    // Resumed already up to date: nothing is sent again until the session moves on.
    const upToDate = await openStream(s.sessionId, auditor, caughtUp!.id);
    const quiet = await readFrames(upToDate, (frames) => frames.some((f) => f.comment === 'heartbeat'));
    expect(states(quiet)).toEqual([]);
    expect(quiet[0]).toMatchObject({ retry: String(limits.retryMs) });
    await vote(2, 'for');
    const [third] = states(await readFrames(upToDate, (frames) => states(frames).length > 0));
    expect(votesCast(third!)).toBe(3);
    upToDate.abort.abort();

    // To the end of the session: the stream's last frames are the final state and `end`, then it closes.
    expect((await call('POST', `/sessions/${s.sessionId}/agenda-items/${s.itemId}/vote/close`, s.secretary)).statusCode).toBe(200);
    expect((await call('POST', `/sessions/${s.sessionId}/close`, s.secretary)).statusCode).toBe(200);
    const minutes = await eventually(async () => (await call('GET', `/sessions/${s.sessionId}/minutes`, s.secretary)).json<{ sha256?: string }>(), (m) => typeof m.sha256 === 'string');
    const chair = s.voters.find((m) => m.chair)!;
    const chairToken = await h.token({ subject: chair.id, memberId: chair.id, roles: ['member', 'chair'] });
    const key = generateSignerKeyPair();
    expect((await call('POST', `/committees/${s.committeeId}/signer-keys`, chairToken, { publicKeyPem: key.publicKeyPem })).statusCode).toBe(201);
    expect((await call('POST', `/sessions/${s.sessionId}/minutes/signatures`, chairToken, { sha256: minutes.sha256, signature: signMinutesHash(key.privateKeyPem, minutes.sha256!) })).statusCode).toBe(200);
    const all = await readFrames(resumed, () => false, 60_000);
    const end = all.at(-1)!;
    expect(end.event).toBe('end');
    expect(JSON.parse(end.data!)).toMatchObject({ phase: 'completed', seq: Number(end.id) });
    expect(states(all).at(-1)).toMatchObject({ id: end.id });
    expect(JSON.parse(states(all).at(-1)!.data!)).toMatchObject({ phase: 'completed' });

    // Reconnecting with the last id: 204, which stops an EventSource.
    const after = await openStream(s.sessionId, auditor, end.id);
    expect(after.status).toBe(204);
    const unknownId = await openStream(s.sessionId, auditor, 'not-a-number');
    expect(unknownId.status).toBe(400);
  });
});
