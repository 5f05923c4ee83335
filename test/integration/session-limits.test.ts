// No member can brick a session: Temporal refuses any update past 2,000 in one run, so the session
// hands its state over to a new run well before; the same ballot sent again is answered without
// becoming an update. A session driven through 10,000 ballots closes and is minuted normally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../domain/session/index.ts';
import { apiClient, expectStatus, signMinutesAs, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  // The per-subject rate limits are not what is tested here: the engine's own bounds are.
  h = await startHarness('session-limits', { rateLimit: false });
  call = apiClient(h);
});
afterAll(async () => h?.close());

const choices = ['for', 'against', 'abstain'] as const;
const ballotsPerVoterPerItem = 560;

describe('a session past Temporal\'s limits on one run', () => {
  it('takes 10,000 ballots and repeats of them, then closes and is minuted normally', { timeout: 420_000 }, async () => {
    const secretary = await h.token({ subject: 'secretary@limits', roles: ['secretary'] });
    const input = committeeInput(' limites');
    const committee = expectStatus<{ id: string; members: Array<{ id: string; role: string; chair: boolean }> }>(
      await call('POST', '/committees', secretary, { ...input, rules: { ...input.rules, ballotsPerSeat: 1000 } }), 201);
    const voters = committee.members.filter((m) => ['board_member', 'prefect', 'mayor', 'epci_president'].includes(m.role));
    const tokens = await Promise.all(voters.map((m) => h.token({ subject: m.id, memberId: m.id, roles: m.chair ? ['member', 'chair'] : ['member'] })));

    const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(10), mode: 'remote' }), 201);
    const base = `/sessions/${session.id}`;
    const items = [];
    for (const reference of ['LIM-1', 'LIM-2']) items.push(expectStatus<{ id: string; candidates: Array<{ applicationId: string }> }>(await call('POST', `${base}/agenda-items`, secretary, agendaItemInput(reference)), 201));
    expectStatus(await call('POST', `${base}/agenda/publish`, secretary), 200);
    await untilConvened(call, base, secretary);
    expectStatus(await call('POST', `${base}/open`, secretary), 200);
    for (const m of voters) expectStatus(await call('POST', `${base}/attendance`, secretary, { memberId: m.id, present: true }), 200);

    let ballots = 0;
    let repeats = 0;
    for (const item of items) {
      expectStatus(await call('POST', `${base}/agenda-items/${item.id}/vote/open`, secretary, {
        proposal: item.candidates.map((c, i) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: i + 1 })),
      }), 200);
      // Every voter at once, each changing their mind ballot after ballot, and sending every tenth one twice.
      await Promise.all(voters.map(async (_, v) => {
        let previous: string | undefined;
        for (let n = 0; n < ballotsPerVoterPerItem; n++) {
          const choice = n === ballotsPerVoterPerItem - 1 ? (v < 6 ? 'for' : 'against') : choices[(n + v) % 3]!;
          const sends = n % 10 === 0 ? 2 : 1;
          for (let s = 0; s < sends; s++) {
            const res = await call('POST', `${base}/agenda-items/${item.id}/votes`, tokens[v]!, { choice });
            expect(res.statusCode, res.body).toBe(200);
          }
          // The same choice as the last ballot is a repeat too.
          if (choice === previous) repeats += 1;
          else ballots += 1;
          previous = choice;
          repeats += sends - 1;
        }
      }));
      expect(expectStatus(await call('POST', `${base}/agenda-items/${item.id}/vote/close`, secretary), 200)).toMatchObject({ outcome: 'adopted', counts: { for: 6, against: 3 } });
    }
    expect(ballots).toBeGreaterThanOrEqual(10_000);

    expectStatus(await call('POST', `${base}/close`, secretary), 200);
    const drafted = await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.phase === 'minutes_drafted', 60_000);
    const chair = voters.findIndex((m) => m.chair);
    expectStatus(await signMinutesAs(call, { token: tokens[chair]!, committeeId: committee.id, sessionId: session.id, sha256: drafted.minutes!.sha256 }), 200);
    const final = await h.client.workflow.getHandle(`session-${session.id}`).result() as SessionState;
    expect(final.phase).toBe('completed');

    // The session continued as new several times, no run near the limit, and a repeat is not an update.
    const runs = [];
    for await (const run of h.client.workflow.list({ query: `WorkflowId = 'session-${session.id}'` })) runs.push(run);
    expect(runs.length).toBeGreaterThanOrEqual(5);
    let accepted = 0;
    for (const run of runs) {
      const history = await h.client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
      const updates = history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length ?? 0;
      expect(updates).toBeLessThan(2_000);
      accepted += updates;
    }
    expect(accepted).toBeGreaterThanOrEqual(ballots);
    expect(accepted).toBeLessThan(ballots + repeats);

    // Every run is archived, and the whole chain of runs replays with the current code; every tally re-checks.
    expect(await h.db.workflowHistory.count({ where: { workflowId: `session-${session.id}` } })).toBe(runs.length);
    const auditor = await h.token({ subject: 'auditor@limits', roles: ['auditor'] });
    const report = expectStatus<{ ok: boolean; history: { runs: number }; replay: { ok: boolean }; votes: Array<{ tallyMatches: boolean }> }>(
      await call('POST', `/sessions/${session.id}/replay`, auditor), 200);
    expect(report.history.runs).toBe(runs.length);
    expect(report.replay).toEqual({ ok: true });
    expect(report.votes.map((v) => v.tallyMatches)).toEqual([true, true]);
    expect(report.ok).toBe(true);

    // Every ballot is on the record once, and the decisions are the last ballots' tally.
    expect(await h.db.auditEvent.count({ where: { sessionId: session.id, type: 'vote_cast' } })).toBe(ballots);
    expect(await h.db.vote.count({ where: { agendaItem: { sessionId: session.id } } })).toBe(items.length * voters.length);
    expect(await h.db.decision.count({ where: { sessionId: session.id } })).toBe(items.length * 3);
  });
});
