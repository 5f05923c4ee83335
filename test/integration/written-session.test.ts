// A written session through the HTTP API, against a real Temporal server and real PostgreSQL: the
// window opens by itself at its time, members debate and vote each with their own token, one item
// is referred to a live sitting and lands on the next live session's agenda, and the window closes
// early once every seat voted; the minutes print the window, the debate and the participation.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { defaultCommitteeRules, defaultWrittenSessionRules } from '../../domain/rules/index.ts';
import type { MinutesDocument } from '../../domain/minutes.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { signMinutesAs, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, soonSittingRules } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';
import { replayAndKeep } from '../support/histories.ts';

let h: Harness;
let secretary: string;
const tokens = new Map<string, string>();

beforeAll(async () => {
  h = await startHarness('written');
  secretary = await h.token({ subject: 'secretary@test', roles: ['secretary'] });
});
afterAll(async () => h?.close());

function call(method: string, url: string, token: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: method as 'GET', url, payload: payload as object, headers: { authorization: `Bearer ${token}`, ...headers } });
}
const state = async (sessionId: string, token = secretary) => (await call('GET', `/sessions/${sessionId}`, token)).json<SessionState>();
const writtenRules = { ...defaultCommitteeRules, ...soonSittingRules, writtenSessions: { ...defaultWrittenSessionRules, allowed: true, approval: { date: '2030-01-15', reference: 'Délibération du CA n° 2030-04' }, earlyCloseAllowed: true } };

describe('a written session through the API', () => {
  it('is convened within the rules, debated and voted in its window, closed early, and its referral goes to the next live session', async () => {
    const committee = (await call('POST', '/committees', secretary, committeeInput(' écrite'))).json<{ id: string; members: Array<{ id: string; name: string; role: string; chair: boolean }> }>();
    for (const m of committee.members) tokens.set(m.name, await h.token({ subject: m.id, memberId: m.id, roles: m.chair ? ['member', 'chair'] : ['member'] }));
    const token = (name: string) => tokens.get(name)!;
    const sessions = `/committees/${committee.id}/sessions`;
    const opensAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 12_000);
    const closesAt = new Date(opensAt.getTime() + 24 * 3_600_000);

    // Refused, and nothing left behind: written sessions not provided for, a window out of bounds.
    const notProvided = await call('POST', sessions, secretary, { scheduledStart: opensAt.toISOString(), closesAt: closesAt.toISOString(), mode: 'written' });
    expect(notProvided.statusCode).toBe(422);
    expect(notProvided.json()).toMatchObject({ rule: 'written_sessions_allowed' });
    expect((await call('PUT', `/committees/${committee.id}/rules`, secretary, { ...writtenRules, writtenSessions: { ...writtenRules.writtenSessions, approval: undefined } })).json()).toMatchObject({ rule: 'written_sessions_approved' });
    expect((await call('PUT', `/committees/${committee.id}/rules`, secretary, writtenRules)).statusCode).toBe(200);
    const short = await call('POST', sessions, secretary, { scheduledStart: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 3_600_000).toISOString(), mode: 'written' });
    expect(short.json()).toMatchObject({ status: 422, rule: 'written_window_bounds' });
    expect((await call('POST', sessions, secretary, { scheduledStart: opensAt.toISOString(), mode: 'written' })).json()).toMatchObject({ status: 422, rule: 'written_window_bounds' });
    expect(await h.db.session.count({ where: { committeeId: committee.id } })).toBe(0);

    const created = await call('POST', sessions, secretary, { scheduledStart: opensAt.toISOString(), closesAt: closesAt.toISOString(), mode: 'written' });
    expect(created.statusCode).toBe(201);
    const sessionId = created.json<{ id: string }>().id;
    const items: Array<{ id: string; candidates: Array<{ applicationId: string; rank: number }> }> = [];
    for (const reference of ['VIL-0042', 'VIL-0043']) {
      const item = (await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, agendaItemInput(reference))).json<(typeof items)[number]>();
      const proposal = item.candidates.map((c) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: c.rank }));
      expect((await call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/vote/open`, secretary, { proposal })).statusCode).toBe(200);
      items.push(item);
    }
    const [decided, referred] = items as [(typeof items)[number], (typeof items)[number]];
    expect((await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary)).json()).toEqual({ phase: 'convened' });
    await untilConvened(call, `/sessions/${sessionId}`, secretary);

    // Not before the opening time, and never opened by hand.
    const early = await call('POST', `/sessions/${sessionId}/agenda-items/${decided.id}/votes`, token('Karim Benali'), { choice: 'for' });
    expect(early.json()).toMatchObject({ status: 409, rule: 'session_phase' });
    expect((await call('POST', `/sessions/${sessionId}/open`, secretary)).json()).toMatchObject({ status: 409, rule: 'live_sitting_only' });
    await eventually(() => state(sessionId), (s) => s.phase === 'deliberating', 30_000);

    const message = await call('POST', `/sessions/${sessionId}/agenda-items/${decided.id}/messages`, secretary, { text: 'Le premier ménage est prioritaire DALO ; le taux d’effort est de 28 %.' });
    expect(message.statusCode).toBe(201);
    expect(message.json()).toMatchObject({ by: 'staff:secretary@test', text: 'Le premier ménage est prioritaire DALO ; le taux d’effort est de 28 %.' });
    expect((await call('POST', `/sessions/${sessionId}/agenda-items/${decided.id}/messages`, token('Association agréée'), { text: 'Avis favorable de l’association.' })).statusCode).toBe(201);
    expect((await call('POST', `/sessions/${sessionId}/agenda-items/${decided.id}/messages`, token('Karim Benali'), { text: 'x'.repeat(4001) })).statusCode).toBe(400);

    const referral = await call('POST', `/sessions/${sessionId}/agenda-items/${referred.id}/referral`, token('Sophie Leroy'), { reason: 'le logement doit être visité' });
    expect(referral.json()).toMatchObject({ status: 'deferred', deferral: { cause: 'referral', reason: 'le logement doit être visité' } });

    expect((await call('POST', `/sessions/${sessionId}/agenda-items/${decided.id}/votes`, token('Association agréée'), { choice: 'for' })).json()).toMatchObject({ status: 403, rule: 'voting_roster' });
    const voters = ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Amina Diallo', 'Paul Garnier', 'Préfecture', 'Maire de Villeneuve', 'Président Agglo'];
    for (const [n, name] of voters.entries()) {
      // The first voter changes their mind: the last ballot stands.
      if (n === 0) await call('POST', `/sessions/${sessionId}/agenda-items/${decided.id}/votes`, token(name), { choice: 'against' }, { 'idempotency-key': `w-${name}-0` });
      if (n === voters.length - 1) {
        const tooSoon = await call('POST', `/sessions/${sessionId}/close`, secretary);
        expect(tooSoon.json()).toMatchObject({ status: 422, rule: 'written_early_close_all_voted' });
      }
      const res = await call('POST', `/sessions/${sessionId}/agenda-items/${decided.id}/votes`, token(name), { choice: n === 3 ? 'abstain' : 'for' }, { 'idempotency-key': `w-${name}` });
      expect(res.statusCode, res.body).toBe(200);
    }
    // While the window is open a member sees how their own seats voted, not how the others did; the participation says how many.
    const seen = (await state(sessionId, token('Karim Benali'))).agenda.find((i) => i.id === decided.id)!;
    expect(Object.keys(seen.votes)).toEqual([committee.members.find((m) => m.name === 'Karim Benali')!.id]);
    expect((seen as { participation?: { present: number } }).participation?.present).toBe(9);
    expect(Object.keys((await state(sessionId)).agenda.find((i) => i.id === decided.id)!.votes)).toHaveLength(9);
    expect((await call('POST', `/sessions/${sessionId}/close`, secretary)).json()).toEqual({ phase: 'closed' });

    const drafted = await eventually(() => state(sessionId), (s) => s.phase === 'minutes_drafted', 20_000);
    expect(drafted.window).toMatchObject({ early: true, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() });
    expect(drafted.agenda.find((i) => i.id === decided.id)).toMatchObject({
      status: 'decided', results: [{ outcome: 'adopted', counts: { for: 8, against: 0, abstain: 1 }, quorum: { rosterSize: 9, present: 9, required: 5, reached: true } }],
    });
    const minutes = (await call('GET', `/sessions/${sessionId}/minutes`, secretary)).json<{ document: MinutesDocument }>().document;
    expect(minutes.session.mode).toBe('written');
    expect(minutes.window).toMatchObject({ early: true, minimumParticipation: 0.5 });
    const written = minutes.items[0]!.written!;
    expect(written.debate.map((d) => [d.by.name, d.text])).toEqual([
      ['le secrétariat (secretary@test)', 'Le premier ménage est prioritaire DALO ; le taux d’effort est de 28 %.'],
      ['Association agréée', 'Avis favorable de l’association.'],
    ]);
    expect(written.ballots).toHaveLength(9);
    expect(minutes.items[1]!.written!.referralRequests).toMatchObject([{ member: { name: 'Sophie Leroy' }, reason: 'le logement doit être visité' }]);
    expect(minutes.members.present.map((p) => p.name)).toContain('Président Agglo');
    // Signed by the chair and notified as any minutes: each examined applicant gets their letter.
    const chairToken = token('Claire Martin');
    expect((await signMinutesAs(call, { token: chairToken, committeeId: committee.id, sessionId, sha256: drafted.minutes!.sha256 })).statusCode).toBe(200);
    await eventually(() => state(sessionId), (s) => s.phase === 'completed', 30_000);
    const letters = await h.db.notification.findMany({ where: { sessionId, kind: 'decision_letter' } });
    expect(letters).toHaveLength(6);
    // The history so far replays with the current code (and is kept for the replay suite when recording).
    await replayAndKeep(h.client.workflow.getHandle(`session-${sessionId}`), 'session-written');

    // The next live session takes the referred item on its draft agenda, once.
    const live = (await call('POST', sessions, secretary, { scheduledStart: new Date(Date.now() + 3 * 86_400_000).toISOString(), mode: 'in_person', place: 'Salle du conseil' })).json<{ id: string }>();
    const liveState = await eventually(() => state(live.id), (s) => s.agenda.length > 0);
    expect(liveState.agenda).toMatchObject([{ status: 'pending', referredFrom: { sessionId, reason: 'le logement doit être visité' }, candidates: referred.candidates }]);
    expect(liveState.agenda[0]!.id).not.toBe(referred.id);
    expect(await h.db.agendaItem.findUnique({ where: { id: referred.id } })).toMatchObject({ carriedToSessionId: live.id });
    const other = (await call('POST', sessions, secretary, { scheduledStart: new Date(Date.now() + 4 * 86_400_000).toISOString(), mode: 'remote' })).json<{ id: string }>();
    expect((await state(other.id)).agenda).toEqual([]);
  });
});
