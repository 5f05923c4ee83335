// The pure rules, table by table, with the numbers of the law and of the default internal rules.
import { describe, expect, it } from 'vitest';
import {
  agendaItemProblems,
  castingVoter,
  computeQuorum,
  decisionProblems,
  defaultCommitteeRules,
  proposalProblems,
  reasonsLookLikeACode,
  sessionRoster,
  tallyVote,
  votingRoster,
  type CandidateDecision,
  type SessionMember,
  type VoteChoice,
} from '../../domain/rules/index.ts';

const board = Array.from({ length: 6 }, (_, i): SessionMember => ({ id: `board-${i + 1}`, role: 'board_member', chair: i === 0 }));
const prefect: SessionMember = { id: 'prefect', role: 'prefect', chair: false };
const mayorVilleneuve: SessionMember = { id: 'mayor-villeneuve', role: 'mayor', commune: 'Villeneuve', chair: false };
const mayorAutreville: SessionMember = { id: 'mayor-autreville', role: 'mayor', commune: 'Autreville', chair: false };
const epciPresident: SessionMember = { id: 'epci', role: 'epci_president', epci: 'Agglo Nord', chair: false };
const association: SessionMember = { id: 'asso', role: 'social_organisation', chair: false };
const reservataire: SessionMember = { id: 'action-logement', role: 'reservataire', chair: false };
const members = [...board, prefect, mayorVilleneuve, mayorAutreville, epciPresident, association, reservataire];

describe('the voting roster of a dwelling', () => {
  it.each([
    ['a dwelling of Villeneuve in the EPCI', { commune: 'Villeneuve', epci: 'Agglo Nord' }, 9],
    ['a dwelling of Villeneuve outside the EPCI', { commune: 'Villeneuve' }, 8],
    ['a dwelling of a commune whose mayor is not a member', { commune: 'Ailleurs', epci: 'Agglo Nord' }, 8],
    ['a dwelling in another EPCI', { commune: 'Ailleurs', epci: 'Agglo Sud' }, 7],
  ])('counts %s as %i voters', (_label, place, size) => {
    expect(votingRoster(members, place)).toHaveLength(size);
  });

  it('never has more than nine voters', () => {
    expect(votingRoster(members, { commune: 'Villeneuve', epci: 'Agglo Nord' }).length).toBeLessThanOrEqual(9);
  });

  it('leaves out consultative members and the mayor of another commune', () => {
    const ids = votingRoster(members, { commune: 'Villeneuve', epci: 'Agglo Nord' }).map((m) => m.id);
    expect(ids).not.toContain('asso');
    expect(ids).not.toContain('action-logement');
    expect(ids).not.toContain('mayor-autreville');
    expect(ids).toContain('mayor-villeneuve');
  });

  it('leaves out a member who declared a conflict of interest', () => {
    const roster = votingRoster(members, { commune: 'Villeneuve' }, new Set(['board-3']));
    expect(roster.map((m) => m.id)).not.toContain('board-3');
    expect(roster).toHaveLength(7);
  });

  it('bases quorum at opening on the six board members and the prefect', () => {
    expect(sessionRoster(members).map((m) => m.id)).toEqual([...board.map((m) => m.id), 'prefect']);
  });

  it('gives the casting vote to the mayor of the dwelling\'s commune only', () => {
    const roster = votingRoster(members, { commune: 'Villeneuve' });
    expect(castingVoter(roster, { commune: 'Villeneuve' })?.id).toBe('mayor-villeneuve');
    expect(castingVoter(votingRoster(members, { commune: 'Ailleurs' }), { commune: 'Ailleurs' })).toBeUndefined();
  });
});

describe('quorum: half of the item\'s roster present or represented', () => {
  const roster = votingRoster(members, { commune: 'Villeneuve', epci: 'Agglo Nord' }); // 9 voters
  const present = (n: number) => new Set(roster.slice(0, n).map((m) => m.id));

  it.each([
    [4, 0, false],
    [5, 0, true],
    [4, 1, true],
    [3, 1, false],
  ])('with %i present and %i represented, reached is %s', (p, represented, reached) => {
    const proxies = new Map<string, string>();
    for (let i = 0; i < represented; i++) proxies.set(roster[8 - i]!.id, roster[0]!.id);
    const q = computeQuorum(roster, present(p), proxies, defaultCommitteeRules);
    expect(q).toMatchObject({ rosterSize: 9, required: 5, present: p, represented, reached });
  });

  it('does not count a proxy whose holder is absent', () => {
    const proxies = new Map([[roster[8]!.id, roster[7]!.id]]);
    expect(computeQuorum(roster, present(4), proxies, defaultCommitteeRules)).toMatchObject({ represented: 0, reached: false });
  });

  it('needs four of seven at opening', () => {
    const seven = sessionRoster(members);
    expect(computeQuorum(seven, new Set(seven.slice(0, 4).map((m) => m.id)), new Map(), defaultCommitteeRules).reached).toBe(true);
    expect(computeQuorum(seven, new Set(seven.slice(0, 3).map((m) => m.id)), new Map(), defaultCommitteeRules).reached).toBe(false);
  });

  it('holds with any attendance for a reconvened session deliberating without quorum', () => {
    expect(computeQuorum(sessionRoster(members), new Set(), new Map(), defaultCommitteeRules, true).reached).toBe(true);
  });
});

describe('the tally of a proposal', () => {
  const votes = (entries: ReadonlyArray<readonly [string, VoteChoice]>) => new Map<string, VoteChoice>(entries);
  const rules = defaultCommitteeRules;

  it.each([
    ['adopts with more for than against', [['a', 'for'], ['b', 'for'], ['c', 'against']], 'adopted', 'majority_of_votes_cast'],
    ['rejects with more against than for', [['a', 'against'], ['b', 'against'], ['c', 'for']], 'rejected', 'majority_of_votes_cast'],
    ['ignores abstentions by default', [['a', 'for'], ['b', 'abstain'], ['c', 'abstain']], 'adopted', 'majority_of_votes_cast'],
    ['has no decision when nobody votes for or against', [['a', 'abstain']], 'no_decision', 'no_votes_cast'],
  ] as const)('%s', (_label, entries, outcome, decidedBy) => {
    expect(tallyVote(votes([...entries]), rules, 3, undefined)).toMatchObject({ outcome, decidedBy });
  });

  it('lets the present mayor break a tie with their own vote', () => {
    const tie = votes([['a', 'for'], ['b', 'against'], ['mayor', 'for'], ['c', 'against']]);
    expect(tallyVote(tie, rules, 4, 'mayor')).toMatchObject({ outcome: 'adopted', decidedBy: 'casting_vote_of_mayor' });
    const tieAgainst = votes([['a', 'for'], ['b', 'for'], ['mayor', 'against'], ['c', 'against']]);
    expect(tallyVote(tieAgainst, rules, 4, 'mayor')).toMatchObject({ outcome: 'rejected', decidedBy: 'casting_vote_of_mayor' });
  });

  it('treats a tie without the mayor as no decision', () => {
    const tie = votes([['a', 'for'], ['b', 'against']]);
    expect(tallyVote(tie, rules, 2, undefined)).toMatchObject({ outcome: 'no_decision', decidedBy: 'tie_without_mayor', counts: { for: 1, against: 1, abstain: 0 } });
  });

  it('counts abstentions against when the rules say they count as votes cast', () => {
    const withAbstentions = { majority: { basis: 'votes_cast' as const, abstentionsCount: true } };
    expect(tallyVote(votes([['a', 'for'], ['b', 'abstain'], ['c', 'abstain']]), withAbstentions, 3, undefined).outcome).toBe('rejected');
  });

  it('needs an absolute majority of members present or represented under that basis', () => {
    const presentBasis = { majority: { basis: 'present_or_represented' as const, abstentionsCount: false } };
    // 9 present: 5 needed. 4 for, 2 against, 3 abstain is not enough.
    const four = votes([['a', 'for'], ['b', 'for'], ['c', 'for'], ['d', 'for'], ['e', 'against'], ['f', 'against'], ['g', 'abstain'], ['h', 'abstain'], ['i', 'abstain']]);
    expect(tallyVote(four, presentBasis, 9, undefined)).toMatchObject({ outcome: 'rejected', decidedBy: 'majority_of_present_or_represented' });
    four.set('g', 'for');
    expect(tallyVote(four, presentBasis, 9, undefined)).toMatchObject({ outcome: 'adopted', decidedBy: 'majority_of_present_or_represented' });
  });
});

describe('decisions per candidate', () => {
  const d = (x: Partial<CandidateDecision>): CandidateDecision => ({ applicationId: 'app-1', type: 'attribution', ...x });
  const rulesOf = (x: Partial<CandidateDecision>) => decisionProblems(d(x)).map((p) => p.rule);

  it.each([
    [{ type: 'attribution' }, []],
    [{ type: 'ranked_attribution', rank: 2 }, []],
    [{ type: 'ranked_attribution' }, ['ranked_attribution_needs_rank']],
    [{ type: 'conditional_attribution', conditionDocument: 'Avis d\'imposition 2025', conditionDeadline: '2027-01-15' }, []],
    [{ type: 'conditional_attribution' }, ['suspensive_condition_needs_document', 'suspensive_condition_needs_deadline']],
    [{ type: 'conditional_attribution', conditionDocument: 'Avis d\'imposition', conditionDeadline: '15/01/2027' }, ['suspensive_condition_needs_deadline']],
    [{ type: 'non_attribution' }, ['decision_needs_reasons']],
    [{ type: 'non_attribution', reasons: 'Typologie inadaptée: T2 pour un foyer de cinq personnes (sur-occupation)' }, []],
    [{ type: 'rejection', reasons: '   ' }, ['decision_needs_reasons']],
    [{ type: 'deferred' }, ['decision_needs_reasons']],
  ] as const)('%j gives %j', (input, expected) => {
    expect(rulesOf(input as Partial<CandidateDecision>)).toEqual(expected);
  });

  it('needs one decision per candidate of the item and distinct ranks', () => {
    const problems = proposalProblems(['a', 'b', 'c'], [
      { applicationId: 'a', type: 'ranked_attribution', rank: 1 },
      { applicationId: 'b', type: 'ranked_attribution', rank: 1 },
      { applicationId: 'x', type: 'attribution' },
    ]).map((p) => p.rule);
    expect(problems).toEqual(expect.arrayContaining(['one_decision_per_candidate', 'candidate_not_on_item', 'ranks_distinct']));
  });

  it('recognises reasons that are only a code', () => {
    expect(reasonsLookLikeACode('DNA-04')).toBe(true);
    expect(reasonsLookLikeACode('DNA: capacité d\'insertion')).toBe(false);
    expect(reasonsLookLikeACode('Ressources insuffisantes au regard du loyer')).toBe(false);
  });
});

describe('the agenda', () => {
  it.each([
    [3, undefined, []],
    [2, undefined, ['three_candidates_per_dwelling']],
    [2, 'insufficient_candidates', []],
    [1, 'dalo_designation', []],
    [1, 'financing_d331_25_1', []],
    [0, 'dalo_designation', ['item_needs_candidates']],
  ] as const)('an item with %i candidates and exception %s gives %j', (count, exception, expected) => {
    expect(agendaItemProblems(count, exception).map((p) => p.rule)).toEqual(expected);
  });
});

describe('the legal defaults', () => {
  it('are those of the law and the usual internal rules', () => {
    expect(defaultCommitteeRules).toMatchObject({
      quorum: { threshold: 0.5, gracePeriodMinutes: 30, reconvenedWithoutQuorum: true },
      proxiesPerHolder: 1,
      noticePeriodDays: 5,
      majority: { basis: 'votes_cast', abstentionsCount: false },
      tieWithoutMayor: 'defer',
      remoteMinimumParticipation: 0.5,
      offerResponseDays: 10,
      minutesSigners: ['chair'],
    });
  });
});
