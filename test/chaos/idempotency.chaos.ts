// Retried and duplicated requests apply once: 20 concurrent copies of a POST with one
// Idempotency-Key (an agenda item, a vote, a vote while the worker is SIGKILLed) give one change
// and 20 identical answers; a late retry replays its first answer; Zoom webhook deliveries
// duplicated by Zoom, or posted again and again (also while the worker is down), record one join.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { SessionState } from '../../domain/session/index.ts';
import { zoomSignature } from '../../api/zoom-signature.ts';
import { agendaItemInput, startSoon } from '../support/fixtures.ts';
import { startZoomEmulator, type ZoomEmulator } from '../support/zoom-emulator.ts';
import { HttpClient, type Delivered } from './support/http.ts';
import { eventually } from './support/processes.ts';
import {
  convenedSession, expectAcknowledged, idempotencyKey, openVote, openWithEveryonePresent, seconds, storedSteps, withDatabase, type Member, type Session,
} from './support/scenario.ts';
import { ChaosSystem } from './support/system.ts';

const webhookSecret = 'chaos-zoom-webhook-secret-token';
let zoom: ZoomEmulator;
let system: ChaosSystem;
let http: HttpClient;

beforeAll(async () => {
  zoom = await startZoomEmulator({ webhookSecretToken: webhookSecret, accountId: 'acct-chaos', clientId: 'client-chaos', clientSecret: 'secret-chaos', retryDelaysMs: [50, 100, 200] });
  const settings = zoom.clientSettings();
  system = await ChaosSystem.start('idempotency', {
    zoom: { accountId: settings.accountId, clientId: settings.clientId, clientSecret: settings.clientSecret, webhookSecretToken: webhookSecret, apiBaseUrl: settings.apiBaseUrl, oauthBaseUrl: settings.oauthBaseUrl },
  });
  http = new HttpClient(system.base);
  zoom.setWebhookUrl(`${system.base}/webhooks/zoom`);
});
afterAll(async () => {
  await system?.close();
  await zoom?.close();
});

/** `copies` concurrent POSTs of one request with one key, each retried like a client would. */
function concurrentCopies<T>(copies: number, path: string, token: string, body: unknown, key: string): Promise<Array<Delivered<T>>> {
  return Promise.all(Array.from({ length: copies }, () => http.post<T>(path, token, body, key, { boundMs: 120_000 })));
}

/** The answers all acknowledged with one identical body; how many copies first heard "still in progress". */
function expectIdentical<T>(answers: Array<Delivered<T>>, status: number): { body: T; waited: number; replayed: number } {
  for (const a of answers) expect(a.status, `${a.status} ${JSON.stringify(a.body)} (${a.failures.join(', ')})`).toBe(status);
  const bodies = new Set(answers.map((a) => JSON.stringify(a.body)));
  expect([...bodies]).toHaveLength(1);
  return {
    body: answers[0]!.body,
    waited: answers.filter((a) => a.failures.includes('409 idempotency_key_in_progress')).length,
    replayed: answers.filter((a) => a.headers.get('idempotent-replayed') === 'true').length,
  };
}

describe('Idempotency-Key under concurrency and faults', () => {
  it('applies 20 concurrent copies of a POST once and answers them identically, even across a worker SIGKILL', async () => {
    onTestFailed(() => console.error(system.logs()));
    const started = Date.now();
    const s = await convenedSession(system, http, 'idem', { mode: 'in_person' });

    // An agenda item (each request would otherwise add an item of its own id) on a draft session.
    const draft = await http.post<{ id: string }>(`/committees/${s.committeeId}/sessions`, s.secretary, { scheduledStart: startSoon(21), mode: 'in_person' }, idempotencyKey('idem'));
    expectAcknowledged(draft, 'schedule a second session');
    const added = expectIdentical<{ id: string }>(await concurrentCopies(20, `/sessions/${draft.body.id}/agenda-items`, s.secretary, agendaItemInput('IDEM-ADD'), idempotencyKey('idem-add')), 201);
    const draftState = await http.get<SessionState>(`/sessions/${draft.body.id}`, s.secretary);
    expect(draftState.agenda.map((i) => i.id)).toEqual([added.body.id]);
    await withDatabase(system, async (db) => {
      const steps = await eventually(() => storedSteps(db, draft.body.id), (rows) => rows.some((r) => r.type === 'agenda_item_added'), 60_000, 'agenda_item_added persisted');
      expect(steps.filter((r) => r.type === 'agenda_item_added')).toHaveLength(1);
    });

    // A vote: 20 copies with one key give one vote_cast.
    await openWithEveryonePresent(http, s);
    const [item] = s.items as [Session['items'][0]];
    await openVote(http, s, item);
    const votePath = `${s.path}/agenda-items/${item.id}/votes`;
    const [claire, karim, sophie] = s.voters as [Member, Member, Member];
    const keyA = idempotencyKey('idem-vote');
    const first = expectIdentical<{ counts: Record<string, number> }>(await concurrentCopies(20, votePath, s.tokens.get(claire.id)!, { choice: 'against' }, keyA), 200);
    expect(first.body).toEqual({ counts: { for: 0, against: 1, abstain: 0 } });

    // The member changes their vote, then the first request comes back late: its first answer is
    // replayed and the vote stays changed.
    expect(expectAcknowledged(await http.post(votePath, s.tokens.get(claire.id)!, { choice: 'for' }, idempotencyKey('idem-vote')), 'change').body).toEqual({ counts: { for: 1, against: 0, abstain: 0 } });
    const late = await http.call(`POST`, votePath, s.tokens.get(claire.id)!, { choice: 'against' }, { 'idempotency-key': keyA });
    expect(late.status).toBe(200);
    expect(late.headers.get('idempotent-replayed')).toBe('true');
    expect(late.body).toEqual(first.body);
    // The same key with another request is refused, not applied.
    const reused = await http.call('POST', votePath, s.tokens.get(claire.id)!, { choice: 'abstain' }, { 'idempotency-key': keyA });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'idempotency_key_reused' });

    // 20 copies sent as the worker is SIGKILLed, then it starts again: still one vote, one answer.
    const keyB = idempotencyKey('idem-vote');
    const copies = concurrentCopies<{ counts: Record<string, number> }>(20, votePath, s.tokens.get(karim.id)!, { choice: 'abstain' }, keyB);
    await system.worker.kill('SIGKILL');
    await system.startWorker();
    const duringKill = expectIdentical(await copies, 200);
    expect(duringKill.body).toEqual({ counts: { for: 1, against: 0, abstain: 1 } });
    // A third voter, so that the counts move on from the replayed ones.
    expectAcknowledged(await http.post(votePath, s.tokens.get(sophie.id)!, { choice: 'for' }, idempotencyKey('idem-vote')), 'third vote');

    const state = await http.get<SessionState>(s.path, s.secretary);
    expect(state.openVote).toMatchObject({ counts: { for: 2, against: 0, abstain: 1 }, votesCast: 3 });
    expect(Object.fromEntries(Object.entries(state.agenda[0]!.votes).map(([id, v]) => [id, v.choice]))).toEqual({ [claire.id]: 'for', [karim.id]: 'abstain', [sophie.id]: 'for' });
    const closed = expectAcknowledged(await http.post(`${s.path}/agenda-items/${item.id}/vote/close`, s.secretary, {}, idempotencyKey('idem')), 'close the vote');
    expect(closed.body).toMatchObject({ counts: { for: 2, against: 0, abstain: 1 } });

    await withDatabase(system, async (db) => {
      const steps = await eventually(() => storedSteps(db, s.sessionId), (rows) => rows.some((r) => r.type === 'vote_closed'), 120_000, 'vote_closed persisted');
      expect(steps.map((r) => r.seq)).toEqual(steps.map((_, i) => i + 1));
      const cast = steps.filter((r) => r.type === 'vote_cast').map((r) => [r.payload.memberId, r.payload.choice]);
      expect(cast).toEqual([[claire.id, 'against'], [claire.id, 'for'], [karim.id, 'abstain'], [sophie.id, 'for']]);
      const rows = await db.query('SELECT member_id, choice FROM vote WHERE agenda_item_id = $1 ORDER BY member_id', [item.id]);
      expect(rows.rows).toHaveLength(3);
    });
    expect(system.unexpectedExits()).toEqual([]);
    console.log(`idempotency: agenda item 20 copies → 1 (${added.waited} waited on "in progress", ${added.replayed} replayed); vote 20 copies → 1 (${first.waited} waited, ${first.replayed} replayed); `
      + `vote 20 copies across a worker SIGKILL → 1 (${duringKill.waited} waited, ${duringKill.replayed} replayed); ${seconds(Date.now() - started)} s`);
  });

  it('records one join per participant whatever the duplicated Zoom deliveries, also while the worker is down', async () => {
    onTestFailed(() => console.error(system.logs()));
    const started = Date.now();
    const s = await convenedSession(system, http, 'zoomdup', { mode: 'remote' });
    const convened = await eventually(() => http.get<SessionState>(s.path, s.secretary), (state) => state.meeting !== undefined, 60_000, 'the meeting created');
    expect(convened.videoProvider).toBe('zoom');
    const meetingId = Number(convened.meeting!.id);
    const registrants = await withDatabase(system, (db) => eventually(
      async () => (await db.query<{ member_id: string; registrant_id: string | null }>('SELECT member_id, registrant_id FROM convocation WHERE session_id = $1', [s.sessionId])).rows,
      (rows) => rows.length === s.members.length && rows.every((r) => r.registrant_id), 60_000, 'registrants'));
    const registrantOf = (m: Member) => registrants.find((r) => r.member_id === m.id)!.registrant_id!;

    // Zoom delivers each of the next events twice.
    zoom.setChaos({ duplicate: 100 });
    const { uuid } = await zoom.startMeeting(meetingId);
    expectAcknowledged(await http.post(`${s.path}/open`, s.secretary, {}, idempotencyKey('zoomdup')), 'open');
    const joining = s.voters.filter((m) => m.role === 'board_member').slice(0, 5);
    for (const m of joining) await zoom.join(meetingId, { name: m.name, registrantId: registrantOf(m) });
    await zoom.flush();
    const participantDeliveries = zoom.deliveries.filter((d) => d.event === 'meeting.participant_joined');
    zoom.setChaos({});
    expect(participantDeliveries.filter((d) => d.outcome === 'ok' && d.status === 200)).toHaveLength(2 * joining.length);
    expect(participantDeliveries.filter((d) => d.copy === 2)).toHaveLength(joining.length);

    // One delivery signed here and posted 10 times at once, then 10 more while the worker is down.
    const guest = s.voters.find((m) => m.role === 'prefect')!;
    const memberEmail = s.members.find((m) => m.id === guest.id)!.email;
    const raw = JSON.stringify({
      event: 'meeting.participant_joined', event_ts: Date.now(),
      payload: { account_id: 'acct-chaos', object: { id: meetingId, uuid, host_id: 'host', topic: 'CALEOL', participant: { user_id: '99990001', participant_uuid: 'chaos-participant', user_name: 'Préfecture', email: memberEmail, join_time: new Date().toISOString(), registrant_id: '' } } },
    });
    const deliver = async () => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const res = await fetch(`${system.base}/webhooks/zoom`, {
        method: 'POST', body: raw,
        headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': timestamp, 'x-zm-signature': zoomSignature(webhookSecret, timestamp, raw) },
      });
      return res.status;
    };
    expect(await Promise.all(Array.from({ length: 10 }, deliver))).toEqual(Array(10).fill(200));
    await system.worker.kill('SIGKILL');
    expect(await Promise.all(Array.from({ length: 10 }, deliver))).toEqual(Array(10).fill(200));
    await system.startWorker();

    const present = [...joining, guest];
    const state = await eventually(() => http.get<SessionState>(s.path, s.secretary), (st) => present.every((m) => st.attendance[m.id]?.present), 60_000, 'everyone joined present');
    for (const m of present) {
      expect(state.participants.filter((p) => p.memberId === m.id), m.name).toHaveLength(1);
      expect(state.attendance[m.id]).toMatchObject({ present: true, how: 'zoom' });
    }
    expect(state.participants).toHaveLength(present.length);
    expect(state.quorum.present).toBe(present.length);

    await withDatabase(system, async (db) => {
      const steps = await eventually(() => storedSteps(db, s.sessionId),
        (rows) => rows.filter((r) => r.type === 'attendance_recorded').length >= present.length, 60_000, 'attendance persisted');
      expect(steps.map((r) => r.seq)).toEqual(steps.map((_, i) => i + 1));
      for (const m of present) expect(steps.filter((r) => r.type === 'attendance_recorded' && r.payload.memberId === m.id), m.name).toHaveLength(1);
      const events = steps.filter((r) => r.type === 'meeting_event').map((r) => r.payload.event as { key: string; kind: string; participantKey?: string });
      expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
      expect(events.filter((e) => e.kind === 'participant_joined')).toHaveLength(present.length);
      expect(events.filter((e) => e.participantKey === '99990001')).toHaveLength(1);
      const expectedKey = createHash('sha256').update(`meeting.participant_joined:${uuid}:99990001:${JSON.parse(raw).payload.object.participant.join_time}`).digest('hex');
      expect(events.find((e) => e.participantKey === '99990001')?.key).toBe(expectedKey);
    });
    expect(system.unexpectedExits()).toEqual([]);
    console.log(`zoom duplicates: ${participantDeliveries.length} Zoom deliveries (each join twice) and 20 copies of one signed delivery → ${present.length} joins recorded once each; ${seconds(Date.now() - started)} s`);
  });
});
