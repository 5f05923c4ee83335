// The committee's internal rules as versioned data, the chair's election and substitutes,
// through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../domain/session/index.ts';
import { defaultCommitteeRules } from '../../domain/rules/index.ts';
import { apiClient, expectStatus, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon, soonSittingRules } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;

beforeAll(async () => {
  h = await startHarness('committee-rules');
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@rules', roles: ['secretary'] });
});
afterAll(async () => h?.close());

async function newCommittee(suffix: string) {
  return expectStatus<{ id: string; rulesVersion: number; members: Array<{ id: string; name: string; role: string; chair: boolean }> }>(
    await call('POST', '/committees', secretary, committeeInput(suffix)), 201);
}

describe('the internal rules', () => {
  it('start as the committee was created with them, the legal defaults for any rule not given, version 1', async () => {
    const committee = await newCommittee(' defaults');
    expect(committee.rulesVersion).toBe(1);
    expect(expectStatus(await call('GET', `/committees/${committee.id}/rules`, secretary), 200)).toEqual({ committeeId: committee.id, version: 1, rules: { ...defaultCommitteeRules, ...soonSittingRules } });
    const plain = expectStatus<{ id: string }>(await call('POST', '/committees', secretary, { name: 'CALEOL sans règlement propre', landlord: 'OPH Exemple' }), 201);
    expect(expectStatus(await call('GET', `/committees/${plain.id}/rules`, secretary), 200)).toMatchObject({ version: 1, rules: defaultCommitteeRules });
  });

  it('refuse a wrong field with a message naming it, and save nothing', async () => {
    const committee = await newCommittee(' wrong rules');
    const typeError = await call('PUT', `/committees/${committee.id}/rules`, secretary, { ...defaultCommitteeRules, quorum: { ...defaultCommitteeRules.quorum, threshold: 2 }, noticePeriodDays: -1 });
    const problem = expectStatus<{ code: string; errors: Array<{ location: string }> }>(typeError, 400);
    expect(problem.errors.map((e) => e.location)).toEqual(expect.arrayContaining(['body/quorum/threshold', 'body/noticePeriodDays']));
    const unlawful = await call('PUT', `/committees/${committee.id}/rules`, secretary, { ...defaultCommitteeRules, offerResponseDays: 7, minutesSigners: ['secretary'] });
    const refusal = expectStatus<{ code: string; problems: Array<{ field: string; rule: string }> }>(unlawful, 422);
    expect(refusal.code).toBe('invalid_rules');
    expect(refusal.problems.map((p) => [p.field, p.rule])).toEqual([['offerResponseDays', 'offer_at_least_ten_days'], ['minutesSigners', 'chair_signs_minutes']]);
    expect(expectStatus<{ version: number }>(await call('GET', `/committees/${committee.id}/rules`, secretary), 200).version).toBe(1);
  });

  it('make a new version that later sessions use while a running session keeps its own', async () => {
    const committee = await newCommittee(' versions');
    const memberId = (name: string) => committee.members.find((m) => m.name === name)!.id;
    const before = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(12), mode: 'in_person' }), 201);
    const stricter = { ...defaultCommitteeRules, ...soonSittingRules, quorum: { ...defaultCommitteeRules.quorum, threshold: 0.75 } };
    expect(expectStatus(await call('PUT', `/committees/${committee.id}/rules`, secretary, stricter), 200)).toMatchObject({ version: 2 });
    const after = expectStatus<{ id: string; rulesVersion: number }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(13), mode: 'in_person' }), 201);
    expect(after.rulesVersion).toBe(2);
    // A session's pinned version stays readable beside the current one.
    expect(expectStatus(await call('GET', `/committees/${committee.id}/rules?version=1`, secretary), 200)).toMatchObject({ version: 1, rules: { quorum: { threshold: defaultCommitteeRules.quorum.threshold } } });
    expect(expectStatus(await call('GET', `/committees/${committee.id}/rules`, secretary), 200)).toMatchObject({ version: 2, rules: { quorum: { threshold: 0.75 } } });
    expect((await call('GET', `/committees/${committee.id}/rules?version=9`, secretary)).statusCode).toBe(404);
    expect((await call('GET', `/committees/${committee.id}/rules?version=one`, secretary)).statusCode).toBe(400);

    // Four of the seven seats that vote on every item: quorum under 0.5, not under 0.75.
    const quorumWithFour = async (sessionId: string) => {
      expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, agendaItemInput(`V-${sessionId.slice(0, 8)}`)), 201);
      expectStatus(await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary), 200);
      await untilConvened(call, `/sessions/${sessionId}`, secretary);
      expectStatus(await call('POST', `/sessions/${sessionId}/open`, secretary), 200);
      for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis']) {
        expectStatus(await call('POST', `/sessions/${sessionId}/attendance`, secretary, { memberId: memberId(name), present: true }), 200);
      }
      return expectStatus<SessionState>(await call('GET', `/sessions/${sessionId}`, secretary), 200);
    };
    expect(await quorumWithFour(before.id)).toMatchObject({ rulesVersion: 1, phase: 'deliberating', quorum: { required: 4, reached: true } });
    expect(await quorumWithFour(after.id)).toMatchObject({ rulesVersion: 2, phase: 'open', quorum: { required: 6, reached: false } });
    expect(await h.db.auditEvent.count({ where: { committeeId: committee.id, type: 'rules_changed' } })).toBe(1);
  });
});

describe('the chair', () => {
  it('is elected by the board among themselves, a tie going to the oldest', async () => {
    const committee = await newCommittee(' chair');
    const board = committee.members.filter((m) => m.role === 'board_member');
    const [older, younger] = [board[3]!, board[4]!];
    expectStatus(await call('PATCH', `/committees/${committee.id}/members/${older.id}`, secretary, { birthDate: '1958-04-02' }), 200);
    expectStatus(await call('PATCH', `/committees/${committee.id}/members/${younger.id}`, secretary, { birthDate: '1971-09-30' }), 200);
    const tie = board.map((m, i) => ({ voterId: m.id, candidateId: i < 3 ? younger.id : older.id }));
    expect(expectStatus(await call('POST', `/committees/${committee.id}/chair-election`, secretary, { ballots: tie }), 200)).toMatchObject({ outcome: 'elected', chairId: older.id, decidedBy: 'tie_to_the_oldest' });
    const after = expectStatus<{ members: Array<{ id: string; chair: boolean }> }>(await call('GET', `/committees/${committee.id}`, secretary), 200);
    expect(after.members.filter((m) => m.chair).map((m) => m.id)).toEqual([older.id]);

    const prefect = committee.members.find((m) => m.role === 'prefect')!;
    const byPrefect = await call('POST', `/committees/${committee.id}/chair-election`, secretary, { ballots: [{ voterId: prefect.id, candidateId: older.id }] });
    expect(expectStatus(byPrefect, 422)).toMatchObject({ rule: 'chair_elected_by_board' });
    const forPrefect = await call('POST', `/committees/${committee.id}/chair-election`, secretary, { ballots: [{ voterId: older.id, candidateId: prefect.id }] });
    expect(expectStatus(forPrefect, 422)).toMatchObject({ rule: 'chair_among_board' });
  });
});

describe('substitutes', () => {
  it('stand in for an absent titular member: the seat counts once and the substitute votes for it', async () => {
    const committee = await newCommittee(' substitutes');
    const titular = committee.members.find((m) => m.name === 'Jean Dupuis')!;
    const substitute = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/members`, secretary, {
      name: 'Lucie Roy', email: 'lucie@subst.test', role: 'board_substitute', substituteFor: titular.id,
    }), 201);
    const notATitular = await call('POST', `/committees/${committee.id}/members`, secretary, { name: 'X', email: 'x@subst.test', role: 'board_substitute', substituteFor: substitute.id });
    expect(expectStatus(notATitular, 422)).toMatchObject({ rule: 'substitute_of_titular' });

    const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(11), mode: 'in_person' }), 201);
    const item = expectStatus<{ id: string; candidates: Array<{ applicationId: string }> }>(await call('POST', `/sessions/${session.id}/agenda-items`, secretary, agendaItemInput('SUB-1')), 201);
    expectStatus(await call('POST', `/sessions/${session.id}/agenda/publish`, secretary), 200);
    await untilConvened(call, `/sessions/${session.id}`, secretary);
    expectStatus(await call('POST', `/sessions/${session.id}/open`, secretary), 200);
    for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Préfecture']) {
      const m = committee.members.find((x) => x.name === name)!;
      expectStatus(await call('POST', `/sessions/${session.id}/attendance`, secretary, { memberId: m.id, present: true }), 200);
    }
    const withSubstitute = expectStatus<{ quorum: { present: number; rosterSize: number } }>(
      await call('POST', `/sessions/${session.id}/attendance`, secretary, { memberId: substitute.id, present: true }), 200);
    expect(withSubstitute.quorum).toMatchObject({ present: 5, rosterSize: 7 });
    expectStatus(await call('POST', `/sessions/${session.id}/agenda-items/${item.id}/vote/open`, secretary, {
      proposal: item.candidates.map((c, i) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: i + 1 })),
    }), 200);
    const substituteToken = await h.token({ subject: substitute.id, memberId: substitute.id, roles: ['member'] });
    const vote = await call('POST', `/sessions/${session.id}/agenda-items/${item.id}/votes`, substituteToken, { choice: 'for', memberId: titular.id });
    expect(expectStatus(vote, 200)).toEqual({ counts: { for: 1, against: 0, abstain: 0 } });
    const ownSeat = await call('POST', `/sessions/${session.id}/agenda-items/${item.id}/votes`, substituteToken, { choice: 'for' });
    expect(expectStatus(ownSeat, 403)).toMatchObject({ rule: 'voting_roster' });
  });
});
