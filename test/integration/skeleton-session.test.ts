// A whole session through the HTTP API, against a real Temporal server and real PostgreSQL.
import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { untilConvened } from '../support/api-client.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../documents/canonical-json.ts';
import { generateSignerKeyPair, publicKeyFingerprint, signMinutesHash } from '../../documents/signatures.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';
import { replayAndKeep } from '../support/histories.ts';

let h: Harness;
let secretary: string;
const memberTokens = new Map<string, string>();

beforeAll(async () => {
  h = await startHarness('skeleton');
  secretary = await h.token({ subject: 'secretary@test', roles: ['secretary'] });
});
afterAll(async () => h?.close());

async function call(method: 'GET' | 'POST' | 'DELETE', url: string, token: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return h.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${token}`, ...headers } });
}

async function state(sessionId: string): Promise<SessionState> {
  const res = await call('GET', `/sessions/${sessionId}`, secretary);
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('a committee session from scheduling to signed minutes', () => {
  it('runs every phase, stores the decision, the minutes hash and one audit event per step', async () => {
    const created = await call('POST', '/committees', secretary, committeeInput(' skeleton'));
    expect(created.statusCode).toBe(201);
    const committee = created.json<{ id: string; members: Array<{ id: string; name: string; role: string; chair: boolean }> }>();
    for (const m of committee.members) {
      memberTokens.set(m.name, await h.token({ subject: m.id, memberId: m.id, roles: m.chair ? ['member', 'chair'] : ['member'] }));
    }
    const memberId = (name: string) => committee.members.find((m) => m.name === name)!.id;

    // Scheduling twice gives one session.
    const schedule = { scheduledStart: startSoon(14), mode: 'remote' };
    const first = await call('POST', `/committees/${committee.id}/sessions`, secretary, schedule);
    expect(first.statusCode).toBe(201);
    const sessionId = first.json<{ id: string }>().id;
    const again = await call('POST', `/committees/${committee.id}/sessions`, secretary, schedule);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ id: string }>().id).toBe(sessionId);
    expect(await h.db.session.count({ where: { committeeId: committee.id } })).toBe(1);
    expect((await state(sessionId)).phase).toBe('draft');

    const added = await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, agendaItemInput());
    expect(added.statusCode).toBe(201);
    const item = added.json<{ id: string; candidates: Array<{ applicationId: string; rank: number }> }>();
    expect(item.candidates.map((c) => c.rank)).toEqual([1, 2, 3]);

    const published = await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary);
    await untilConvened(call, `/sessions/${sessionId}`, secretary);
    expect(published.json(), published.body).toEqual({ phase: 'convened' });
    const republished = await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary);
    expect(republished.statusCode).toBe(409);
    expect(republished.headers['content-type']).toContain('application/problem+json');
    expect(republished.json()).toMatchObject({ code: 'session_conflict', rule: 'session_phase' });

    expect((await call('POST', `/sessions/${sessionId}/open`, secretary)).json()).toEqual({ phase: 'open' });

    // The board's six and the prefect vote on every item: four of seven make quorum.
    const attending = ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Maire de Villeneuve'];
    let quorum: { reached: boolean; present: number; required: number } | undefined;
    for (const name of attending) {
      const res = await call('POST', `/sessions/${sessionId}/attendance`, secretary, { memberId: memberId(name), present: true });
      expect(res.statusCode).toBe(200);
      quorum = res.json<{ quorum: typeof quorum }>().quorum;
      if (name === 'Sophie Leroy') expect(quorum).toMatchObject({ present: 3, required: 4, reached: false });
    }
    expect(quorum).toMatchObject({ present: 4, required: 4, reached: true });
    const deliberating = await state(sessionId);
    expect(deliberating.phase).toBe('deliberating');
    expect(deliberating.quorum.reached).toBe(true);

    const [a, b, c] = item.candidates.map((x) => x.applicationId);
    const proposal = [
      { applicationId: a, type: 'ranked_attribution', rank: 1 },
      { applicationId: b, type: 'ranked_attribution', rank: 2 },
      { applicationId: c, type: 'non_attribution', reasons: 'Taux d\'effort de 45 % au regard du loyer, supérieur au seuil de l\'article R441-3-1 du CCH' },
    ];
    const opened = await call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/vote/open`, secretary, { proposal });
    expect(opened.statusCode).toBe(200);
    // The item's roster adds the mayor of Villeneuve and the EPCI president: nine voters.
    expect(opened.json()).toMatchObject({ quorum: { rosterSize: 9, present: 5, reached: true } });

    // Votes: a retried request counts once; a consultative member and an absent member cannot vote.
    const vote = (name: string, choice: string, key?: string) =>
      call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/votes`, memberTokens.get(name)!, { choice }, key ? { 'idempotency-key': key } : {});
    expect((await vote('Claire Martin', 'for', 'vote-claire')).json()).toEqual({ counts: { for: 1, against: 0, abstain: 0 } });
    const retried = await vote('Claire Martin', 'for', 'vote-claire');
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect((await vote('Karim Benali', 'for')).statusCode).toBe(200);
    expect((await vote('Karim Benali', 'for')).json()).toEqual({ counts: { for: 2, against: 0, abstain: 0 } });
    expect((await vote('Sophie Leroy', 'against')).statusCode).toBe(200);
    expect((await vote('Jean Dupuis', 'abstain')).statusCode).toBe(200);
    expect((await vote('Maire de Villeneuve', 'for')).statusCode).toBe(200);
    const consultative = await vote('Association agréée', 'for');
    expect(consultative.statusCode).toBe(403);
    expect(consultative.json()).toMatchObject({ rule: 'voting_roster' });
    const absent = await vote('Amina Diallo', 'for');
    expect(absent.statusCode).toBe(403);
    expect(absent.json()).toMatchObject({ rule: 'voter_present' });
    const live = await state(sessionId);
    expect(live.openVote).toMatchObject({ itemId: item.id, counts: { for: 3, against: 1, abstain: 1 }, votesCast: 5 });

    const closed = await call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/vote/close`, secretary);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ outcome: 'adopted', decidedBy: 'majority_of_votes_cast', counts: { for: 3, against: 1, abstain: 1 } });

    expect((await call('POST', `/sessions/${sessionId}/close`, secretary)).json()).toEqual({ phase: 'closed' });
    const drafted = await eventually(() => state(sessionId), (s) => s.phase === 'minutes_drafted');
    const minutesRes = await call('GET', `/sessions/${sessionId}/minutes`, secretary);
    expect(minutesRes.statusCode).toBe(200);
    const minutes = minutesRes.json<{ sha256: string; document: Record<string, unknown>; status: string }>();
    expect(minutes.status).toBe('drafted');
    expect(minutes.sha256).toBe(drafted.minutes?.sha256);
    expect(sha256Hex(canonicalJson(minutes.document))).toBe(minutes.sha256);
    // The same minutes as a PDF in French, whose hash the JSON answer gives.
    const pdf = await call('GET', `/sessions/${sessionId}/minutes`, secretary, undefined, { accept: 'application/pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(minutesRes.json<{ pdfSha256: string }>().pdfSha256);

    // Only the chair signs, with a key registered for them, and only the current version.
    const chairToken = memberTokens.get('Claire Martin')!;
    const chairKey = generateSignerKeyPair();
    const signWith = (privateKeyPem: string, sha256: string, token = chairToken) =>
      call('POST', `/sessions/${sessionId}/minutes/signatures`, token, { sha256, signature: signMinutesHash(privateKeyPem, sha256) });
    expect((await signWith(chairKey.privateKeyPem, minutes.sha256)).json()).toMatchObject({ status: 422, rule: 'signer_key_registered' });
    expect((await call('POST', `/committees/${committee.id}/signer-keys`, chairToken, { publicKeyPem: chairKey.publicKeyPem })).statusCode).toBe(201);
    expect((await signWith(chairKey.privateKeyPem, minutes.sha256, memberTokens.get('Karim Benali')!)).statusCode).toBe(403);
    expect((await signWith(generateSignerKeyPair().privateKeyPem, minutes.sha256)).json()).toMatchObject({ status: 422, rule: 'signature_verifies' });
    expect((await signWith(chairKey.privateKeyPem, '0'.repeat(64))).json()).toMatchObject({ status: 409, rule: 'sign_current_minutes' });
    const signed = await signWith(chairKey.privateKeyPem, minutes.sha256);
    expect(signed.json()).toEqual({ phase: 'signed' });

    const handle = h.client.workflow.getHandle(`session-${sessionId}`);
    const completed = await handle.result() as SessionState;
    expect(completed.phase).toBe('completed');
    await replayAndKeep(handle, 'session-skeleton');
    expect((await state(sessionId)).phase).toBe('completed');
    // Scheduling the finished session again names it; it is never run twice.
    const afterwards = await call('POST', `/committees/${committee.id}/sessions`, secretary, schedule);
    expect(afterwards.statusCode).toBe(200);
    expect(afterwards.json<{ id: string }>().id).toBe(sessionId);
    // The event stream of a finished session gives its final state, then `end`, and ends.
    const events = await call('GET', `/sessions/${sessionId}/events`, secretary);
    expect(events.headers['content-type']).toBe('text/event-stream');
    const frames = events.body.split('\n\n').filter(Boolean);
    expect(frames).toHaveLength(2);
    const finalSeq = Number(/^id: (\d+)\n/.exec(frames[0]!)?.[1]);
    expect(finalSeq).toBeGreaterThan(10);
    expect(frames[0]).toMatch(new RegExp(`^id: ${finalSeq}\nevent: state\ndata: .*\nretry: \\d+$`));
    expect(JSON.parse(frames[0]!.split('\n')[2]!.replace(/^data: /, ''))).toMatchObject({ sessionId, phase: 'completed' });
    expect(frames[1]).toBe(`id: ${finalSeq}\nevent: end\ndata: {"phase":"completed","seq":${finalSeq}}`);

    // The rows in PostgreSQL.
    const decisions = await h.db.decision.findMany({ where: { sessionId }, orderBy: { rank: 'asc' } });
    expect(decisions.map((d) => [d.applicationId, d.type, d.rank])).toEqual([
      [a, 'ranked_attribution', 1], [b, 'ranked_attribution', 2], [c, 'non_attribution', null],
    ]);
    expect(decisions[0]!.tally).toMatchObject({ outcome: 'adopted', decidedBy: 'majority_of_votes_cast', quorum: { rosterSize: 9, present: 5 } });
    const votes = await h.db.vote.findMany({ where: { agendaItemId: item.id } });
    expect(votes).toHaveLength(5);
    const stored = await h.db.minutes.findUniqueOrThrow({ where: { sessionId_version: { sessionId, version: 1 } }, include: { signatures: true } });
    expect(stored).toMatchObject({ sha256: minutes.sha256, status: 'signed' });
    expect(stored.signatures.map((s) => [s.signer, s.role, s.keyFingerprint])).toEqual([[memberId('Claire Martin'), 'chair', publicKeyFingerprint(chairKey.publicKeyPem)]]);
    const row = await h.db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.phase).toBe('completed');

    // The session's own steps; the offers that follow the signature record theirs too.
    const audit = await h.db.auditEvent.findMany({ where: { sessionId, dedupeKey: { startsWith: `session:${sessionId}:` } }, orderBy: { id: 'asc' } });
    const types = audit.map((e) => e.type);
    expect(types[0]).toBe('session_scheduled');
    expect(types.filter((t) => t === 'attendance_recorded')).toHaveLength(5);
    expect(types.filter((t) => t === 'vote_cast')).toHaveLength(5);
    for (const step of ['agenda_item_added', 'agenda_published', 'convocations_sent', 'session_opened', 'deliberations_started', 'vote_opened', 'vote_closed', 'session_closed', 'minutes_drafted', 'minutes_signed', 'offers_started', 'session_completed']) {
      expect(types.filter((t) => t === step), step).toHaveLength(1);
    }
    expect(types.at(-1)).toBe('session_completed');
  });
});
