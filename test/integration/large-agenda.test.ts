// A long session: sixty dwellings, three candidates each, nine voters. It must run to its end
// within Temporal's limits (2,000 updates and 51,200 events per history, 10 updates in flight).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../domain/session/index.ts';
import { apiClient, expectStatus, signMinutesAs, untilConvened } from '../support/api-client.ts';
import { committeeInput, startSoon } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  h = await startHarness('large-agenda');
  call = apiClient(h);
});
afterAll(async () => h?.close());

const dwellings = 60;

describe('a session with a sixty-dwelling agenda', () => {
  it('runs to completion without reaching the update or history limits', { timeout: 240_000 }, async () => {
    const secretary = await h.token({ subject: 'secretary@large', roles: ['secretary'] });
    const committee = expectStatus<{ id: string; members: Array<{ id: string; name: string; role: string; chair: boolean }> }>(
      await call('POST', '/committees', secretary, committeeInput(' large')), 201);
    const voters = committee.members.filter((m) => ['board_member', 'prefect', 'mayor', 'epci_president'].includes(m.role));
    expect(voters).toHaveLength(9);
    const tokens = new Map(await Promise.all(voters.map(async (m) => [m.id, await h.token({ subject: m.id, memberId: m.id, roles: m.chair ? ['member', 'chair'] : ['member'] })] as const)));

    const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(10), mode: 'remote' }), 201);
    const base = `/sessions/${session.id}`;
    const items: Array<{ id: string; candidates: Array<{ applicationId: string }> }> = [];
    for (let i = 1; i <= dwellings; i++) {
      items.push(expectStatus(await call('POST', `${base}/agenda-items`, secretary, {
        dwelling: { reference: `BIG-${i}`, address: `${i} avenue de la République`, commune: 'Villeneuve', epci: 'Agglo Nord', type: 'T3', surfaceM2: 60 + (i % 20), rentCents: 45_000 + i * 100, financing: 'PLUS' },
        candidates: [1, 2, 3].map((rank) => ({ applicationNumber: `BIG-${i}-${rank}`, householdSummary: `Ménage ${rank}`, rank })),
      }), 201));
    }
    expectStatus(await call('POST', `${base}/agenda/publish`, secretary), 200);
    await untilConvened(call, `${base}`, secretary);
    expectStatus(await call('POST', `${base}/open`, secretary), 200);
    for (const m of voters) expectStatus(await call('POST', `${base}/attendance`, secretary, { memberId: m.id, present: true }), 200);

    for (const item of items) {
      expectStatus(await call('POST', `${base}/agenda-items/${item.id}/vote/open`, secretary, {
        proposal: item.candidates.map((c, i) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: i + 1 })),
      }), 200);
      // Nine voters at once, as a committee votes.
      const answers = await Promise.all(voters.map((m, i) => call('POST', `${base}/agenda-items/${item.id}/votes`, tokens.get(m.id)!, { choice: i < 6 ? 'for' : 'against' })));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(9).fill(200));
      expect(expectStatus(await call('POST', `${base}/agenda-items/${item.id}/vote/close`, secretary), 200)).toMatchObject({ outcome: 'adopted', counts: { for: 6, against: 3 } });
    }

    expectStatus(await call('POST', `${base}/close`, secretary), 200);
    const drafted = await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.phase === 'minutes_drafted', 30_000);
    const chair = voters.find((m) => m.chair)!;
    expectStatus(await signMinutesAs(call, { token: tokens.get(chair.id)!, committeeId: committee.id, sessionId: session.id, sha256: drafted.minutes!.sha256 }), 200);
    const handle = h.client.workflow.getHandle(`session-${session.id}`);
    await handle.result();

    const description = await handle.describe();
    const history = await handle.fetchHistory();
    const updates = history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length ?? 0;
    // 60 items × (open + 9 votes + close) + agenda, attendance and phase changes.
    expect(updates).toBeGreaterThanOrEqual(dwellings * 11);
    expect(updates).toBeLessThan(2_000);
    expect(description.historyLength).toBeLessThan(51_200);
    expect(await h.db.decision.count({ where: { sessionId: session.id } })).toBe(dwellings * 3);
    expect(await h.db.vote.count({ where: { agendaItem: { sessionId: session.id } } })).toBe(dwellings * 9);
    console.info(`sixty-dwelling session: ${updates} updates, ${description.historyLength} history events, ${JSON.stringify(history).length} bytes of history`);
  });
});
