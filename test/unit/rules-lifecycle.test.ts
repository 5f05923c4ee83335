// The pure rules along a session's life: seats and substitutes, who may attend, quorum and remote
// participation, proxies, the casting vote, the chair's election, convocation and agenda, decisions,
// occupancy opinions and the committee's own rules. Complements rules.test.ts.
import { describe, expect, it } from 'vitest';
import {
  agendaChangeProblems,
  agendaItemProblems,
  candidateShortfallExceptions,
  castingVoteSeat,
  committeeRulesProblems,
  completeRules,
  computeQuorum,
  convocationProblems,
  decisionProblems,
  defaultCommitteeRules,
  electChair,
  isDeliberative,
  mayAttendItem,
  minimumCandidates,
  occupancySituations,
  occupiedSeats,
  opinionProblems,
  proposalProblems,
  proxyProblems,
  reasonsLookLikeACode,
  remoteParticipationReached,
  seatOccupant,
  sessionRoster,
  tallyVote,
  votingRoster,
  type CandidateDecision,
  type CandidateShortfallException,
  type CommitteeRules,
  type DwellingPlace,
  type OccupancySituation,
  type SessionMember,
  type VoteChoice,
} from '../../domain/rules/index.ts';

// --- a committee with substitutes and representatives -------------------------------------------

const board = Array.from({ length: 6 }, (_, i): SessionMember => ({ id: `board-${i + 1}`, role: 'board_member', chair: i === 0 }));
const substitutes = board.map((b, i): SessionMember => ({ id: `sub-${i + 1}`, role: 'board_substitute', substituteFor: b.id, chair: false }));
const prefect: SessionMember = { id: 'prefect', role: 'prefect', chair: false };
const subPrefect: SessionMember = { id: 'sub-prefect', role: 'prefect', substituteFor: 'prefect', chair: false };
const mayorVilleneuve: SessionMember = { id: 'mayor-villeneuve', role: 'mayor', commune: 'Villeneuve', chair: false };
const deputyVilleneuve: SessionMember = { id: 'deputy-villeneuve', role: 'mayor', commune: 'Villeneuve', substituteFor: 'mayor-villeneuve', chair: false };
const mayorAutreville: SessionMember = { id: 'mayor-autreville', role: 'mayor', commune: 'Autreville', chair: false };
const epciPresident: SessionMember = { id: 'epci', role: 'epci_president', epci: 'Agglo Nord', chair: false };
const epciVicePresident: SessionMember = { id: 'epci-vp', role: 'epci_president', epci: 'Agglo Nord', substituteFor: 'epci', chair: false };
const association: SessionMember = { id: 'asso', role: 'social_organisation', chair: false };
const ccas: SessionMember = { id: 'ccas', role: 'social_services', chair: false };
const secretary: SessionMember = { id: 'secretary', role: 'staff', chair: false };
const actionLogement: SessionMember = { id: 'action-logement', role: 'reservataire', contingent: 'Action Logement', chair: false };
const departement: SessionMember = { id: 'departement', role: 'reservataire', contingent: 'Département', chair: false };

const titulars = [...board, prefect, mayorVilleneuve, mayorAutreville, epciPresident];
const consultative = [association, ccas, secretary, actionLogement, departement];
const members: SessionMember[] = [...titulars, ...substitutes, subPrefect, deputyVilleneuve, epciVicePresident, ...consultative];
const everyone = new Set(members.map((m) => m.id));
const ids = (ms: readonly SessionMember[]) => ms.map((m) => m.id);

/** Villeneuve is in the EPCI Agglo Nord; Autreville is outside any EPCI. */
const villeneuve: DwellingPlace = { commune: 'Villeneuve', epci: 'Agglo Nord', contingent: 'Action Logement' };
const autreville: DwellingPlace = { commune: 'Autreville' };
const places = { Villeneuve: villeneuve, Autreville: autreville } as const;

/** What the session does: occupied seats (titular or substitute) counted over the item's roster. */
function attendance(place: DwellingPlace, present: Iterable<string>, conflicts: ReadonlySet<string> = new Set(), proxies: ReadonlyMap<string, string> = new Map()) {
  const roster = votingRoster(members, place, conflicts);
  return computeQuorum(roster, occupiedSeats(members, new Set(present), conflicts), proxies, defaultCommitteeRules);
}

describe('seats, substitutes and representatives', () => {
  it.each([
    ['a Villeneuve dwelling in the EPCI', 9, villeneuve],
    ['a Villeneuve dwelling outside the EPCI', 8, { commune: 'Villeneuve' }],
    ['an Autreville dwelling outside the EPCI', 8, autreville],
    ['a dwelling of another EPCI whose mayor is not a member', 7, { commune: 'Ailleurs', epci: 'Agglo Sud' }],
  ] as const)('a substitute never adds a seat: %s keeps %i seats, all titular', (_label, size, place) => {
    const roster = votingRoster(members, place);
    expect(roster).toHaveLength(size);
    expect(ids(roster)).toEqual(ids(votingRoster(titulars, place)));
    expect(roster.every((m) => m.substituteFor === undefined)).toBe(true);
  });

  it('keeps the session roster at the six board seats and the prefect\'s, substitutes included', () => {
    expect(ids(sessionRoster(members))).toEqual([...ids(board), 'prefect']);
  });

  it.each([
    ['the titular alone', 'board-1', ['board-1'], []],
    ['the titular and his substitute', 'board-1', ['board-1', 'sub-1'], []],
    ['the substitute alone', 'sub-1', ['sub-1'], []],
    ['nobody of that seat', undefined, ['board-2', 'sub-2'], []],
    ['the substitute alone, who declared a conflict', undefined, ['sub-1'], ['sub-1']],
    ['the titular and a conflicted substitute', 'board-1', ['board-1', 'sub-1'], ['sub-1']],
    ['the titular alone, who declared a conflict', undefined, ['board-1'], ['board-1']],
  ] as const)('board-1\'s seat with %s present is spoken for by %s', (_label, occupant, present, conflicts) => {
    expect(seatOccupant(members, 'board-1', new Set(present), new Set(conflicts))).toBe(occupant);
  });

  it.each([
    ['the mayor', ['mayor-villeneuve', 'deputy-villeneuve'], 'mayor-villeneuve'],
    ['his deputy when the mayor is absent', ['deputy-villeneuve'], 'deputy-villeneuve'],
  ] as const)('the mayor\'s seat is spoken for by %s', (_label, present, occupant) => {
    expect(seatOccupant(members, 'mayor-villeneuve', new Set(present))).toBe(occupant);
  });

  it.each([
    ['titular present', ['board-1'], [], ['board-1']],
    ['substitute present', ['sub-1'], [], ['board-1']],
    ['titular and substitute present: one seat', ['board-1', 'sub-1'], [], ['board-1']],
    ['substitute present with a conflict', ['sub-1'], ['sub-1'], []],
    ['the prefect\'s representative present', ['sub-prefect'], [], ['prefect']],
  ] as const)('occupied seats with %s', (_label, present, conflicts, seats) => {
    expect([...occupiedSeats(members, new Set(present), new Set(conflicts))]).toEqual(seats);
  });

  it.each([
    ['everyone', 'Villeneuve', 9, [...everyone]],
    ['everyone', 'Autreville', 8, [...everyone]],
    ['the six substitutes', 'Villeneuve', 6, ids(substitutes)],
    ['the six titulars and their six substitutes', 'Villeneuve', 6, [...ids(board), ...ids(substitutes)]],
    ['the EPCI vice-president standing in for the president', 'Villeneuve', 1, ['epci-vp']],
    ['the EPCI president and his vice-president', 'Autreville', 0, ['epci', 'epci-vp']],
    ['the mayor\'s deputy', 'Villeneuve', 1, ['deputy-villeneuve']],
    ['the mayor of Villeneuve and his deputy', 'Autreville', 0, ['mayor-villeneuve', 'deputy-villeneuve']],
    ['the mayor of Autreville', 'Villeneuve', 0, ['mayor-autreville']],
    ['the mayor of Autreville', 'Autreville', 1, ['mayor-autreville']],
    ['every consultative member', 'Villeneuve', 0, ids(consultative)],
  ] as const)('with %s present, a dwelling of %s has %i seats occupied', (_label, where, seats, present) => {
    expect(attendance(places[where], present).present).toBe(seats);
  });

  it('counts at most nine seats for a dwelling even with every member and substitute present', () => {
    const roster = votingRoster(members, villeneuve);
    const seats = occupiedSeats(members, everyone);
    expect(seats.size).toBeGreaterThan(9);
    expect(roster.filter((m) => seats.has(m.id))).toHaveLength(9);
  });
});

describe('who may attend an item', () => {
  const noContingent: DwellingPlace = { commune: 'Villeneuve' };
  const departementDwelling: DwellingPlace = { commune: 'Villeneuve', contingent: 'Département' };
  const reservataireWithoutContingent: SessionMember = { id: 'r', role: 'reservataire', chair: false };

  it.each([
    ['Action Logement', 'its own contingent', true, actionLogement, villeneuve],
    ['Action Logement', 'the Département\'s contingent', false, actionLogement, departementDwelling],
    ['Action Logement', 'no contingent', false, actionLogement, noContingent],
    ['the Département', 'its own contingent', true, departement, departementDwelling],
    ['the Département', 'Action Logement\'s contingent', false, departement, villeneuve],
    ['a réservataire of no recorded contingent', 'no contingent', false, reservataireWithoutContingent, noContingent],
    ['a réservataire of no recorded contingent', 'Action Logement\'s contingent', false, reservataireWithoutContingent, villeneuve],
    ['the social organisations\' representative', 'the Département\'s contingent', true, association, departementDwelling],
    ['the social organisations\' representative', 'no contingent', true, association, noContingent],
    ['the CCAS', 'Action Logement\'s contingent', true, ccas, villeneuve],
    ['the secretary', 'no contingent', true, secretary, noContingent],
  ] as const)('%s may attend a dwelling of %s: %s', (_label, _where, allowed, member, place) => {
    expect(mayAttendItem(member, place)).toBe(allowed);
  });

  // domain.md, data protection: "mayors and EPCI presidents [see] only their territory's [dwellings]".
  it.each([
    ['the mayor of Autreville', 'Villeneuve', false, mayorAutreville, villeneuve],
    ['the mayor of Villeneuve', 'Villeneuve', true, mayorVilleneuve, villeneuve],
    ['the EPCI president', 'Autreville, outside the EPCI', false, epciPresident, autreville],
    ['the EPCI president', 'Villeneuve, in the EPCI', true, epciPresident, villeneuve],
  ] as const)('%s may attend a dwelling of %s: %s (only their territory\'s dwellings)', (_label, _where, allowed, member, place) => {
    expect(mayAttendItem(member, place)).toBe(allowed);
  });

  it('never counts a réservataire as a voter, even on its own contingent\'s dwelling', () => {
    const sittingReservataire: SessionMember = { ...actionLogement, commune: 'Villeneuve', epci: 'Agglo Nord' };
    const withIt = [...titulars, sittingReservataire];
    expect(mayAttendItem(sittingReservataire, villeneuve)).toBe(true);
    expect(isDeliberative('reservataire')).toBe(false);
    expect(ids(votingRoster(withIt, villeneuve))).not.toContain('action-logement');
    expect(ids(sessionRoster(withIt))).not.toContain('action-logement');
    expect(attendance(villeneuve, ['action-logement', 'departement']).present).toBe(0);
  });
});

describe('quorum with substitutes and proxies', () => {
  it.each([
    ['four seats and one proxy held by a present member', ['sub-1', 'sub-2', 'board-3', 'prefect'], [['mayor-villeneuve', 'board-3']], 4, 1, true],
    ['two seats occupied twice and two proxies', ['board-1', 'sub-1', 'board-2', 'sub-2'], [['board-3', 'board-1'], ['board-4', 'board-2']], 2, 2, false],
    ['a principal whose substitute sits: present, not represented', ['sub-1', 'board-2'], [['board-1', 'board-2']], 2, 0, false],
    ['five seats through representatives only', ['sub-1', 'sub-2', 'sub-prefect', 'deputy-villeneuve', 'epci-vp'], [], 5, 0, true],
  ] as const)('%s', (_label, present, proxies, presentCount, represented, reached) => {
    const q = attendance(villeneuve, present, new Set(), new Map<string, string>(proxies));
    expect(q).toMatchObject({ rosterSize: 9, required: 5, present: presentCount, represented, reached });
  });

  it('counts a conflicted member out of the roster and the requirement', () => {
    const q = attendance(villeneuve, ['board-1', 'board-2', 'board-3', 'board-4'], new Set(['board-5', 'prefect']));
    expect(q).toMatchObject({ rosterSize: 7, required: 4, present: 4, reached: true });
  });

  it('takes the threshold from the committee\'s rules', () => {
    const twoThirds = { quorum: { ...defaultCommitteeRules.quorum, threshold: 2 / 3 } };
    const seven = sessionRoster(members);
    const four = new Set(['board-1', 'board-2', 'board-3', 'board-4']);
    expect(computeQuorum(seven, four, new Map(), twoThirds)).toMatchObject({ required: 5, reached: false });
    expect(computeQuorum(seven, new Set([...four, 'prefect']), new Map(), twoThirds)).toMatchObject({ required: 5, reached: true });
  });

  it('has no quorum over a roster emptied by conflicts, unless the session deliberates without quorum', () => {
    const roster: SessionMember[] = [];
    expect(computeQuorum(roster, everyone, new Map(), defaultCommitteeRules).reached).toBe(false);
    expect(computeQuorum(roster, everyone, new Map(), defaultCommitteeRules, true).reached).toBe(true);
  });

  it('without quorum requires nobody but still reports who is there', () => {
    const q = computeQuorum(sessionRoster(members), new Set(['board-1']), new Map(), defaultCommitteeRules, true);
    expect(q).toMatchObject({ rosterSize: 7, required: 0, present: 1, reached: true });
  });
});

describe('remote participation: at least half of the voting members take part', () => {
  const eight = votingRoster(members, { commune: 'Villeneuve' });
  const nine = votingRoster(members, villeneuve);
  const first = (roster: readonly SessionMember[], n: number) => new Set(ids(roster.slice(0, n)));
  const share = defaultCommitteeRules.remoteMinimumParticipation;

  it.each([
    ['3 of 8 taking part', false, false, eight, 3, 0],
    ['exactly half, 4 of 8', true, true, eight, 4, 0],
    ['3 of 8 and one represented (proxies do not take part)', true, false, eight, 3, 1],
    ['4 of 9 and one represented', true, false, nine, 4, 1],
    ['5 of 9', true, true, nine, 5, 0],
  ] as const)('%s: quorum %s, remote participation %s', (_label, quorum, participation, roster, present, represented) => {
    const proxies = new Map<string, string>();
    for (let i = 0; i < represented; i++) proxies.set(roster[roster.length - 1 - i]!.id, roster[0]!.id);
    const q = computeQuorum(roster, first(roster, present), proxies, defaultCommitteeRules);
    expect(q.reached).toBe(quorum);
    expect(remoteParticipationReached(q, share)).toBe(participation);
  });

  it('is not waived by a session deliberating without quorum', () => {
    const q = computeQuorum(eight, first(eight, 3), new Map(), defaultCommitteeRules, true);
    expect(q.reached).toBe(true);
    expect(remoteParticipationReached(q, share)).toBe(false);
  });

  it('follows a higher share from the rules', () => {
    const q = computeQuorum(eight, first(eight, 5), new Map(), defaultCommitteeRules);
    expect(remoteParticipationReached(q, 0.75)).toBe(false);
    expect(remoteParticipationReached(computeQuorum(eight, first(eight, 6), new Map(), defaultCommitteeRules), 0.75)).toBe(true);
  });
});

describe('proxies', () => {
  const deliberative = (m: SessionMember) => isDeliberative(m.role);
  const check = (given: ReadonlyArray<readonly [string, string]>, principal: string, holder: string, limit: number) =>
    proxyProblems(members, new Map<string, string>(given), principal, holder, limit, deliberative).map((p) => p.rule);

  it.each([
    ['a first proxy between board members', [], [], 'board-1', 'board-2', 1],
    ['the mayor\'s proxy to the prefect', [], [], 'mayor-villeneuve', 'prefect', 1],
    ['a second proxy to the same holder under a limit of one', ['proxies_per_holder'], [['board-3', 'board-2']], 'board-1', 'board-2', 1],
    ['a second proxy to the same holder under a limit of two', [], [['board-3', 'board-2']], 'board-1', 'board-2', 2],
    ['a third proxy to the same holder under a limit of two', ['proxies_per_holder'], [['board-3', 'board-2'], ['board-4', 'board-2']], 'board-1', 'board-2', 2],
    ['a proxy to oneself', ['proxy_to_another_member'], [], 'board-1', 'board-1', 1],
    ['a proxy from the social organisations\' representative', ['proxy_from_voting_member'], [], 'asso', 'board-1', 1],
    ['a proxy from a réservataire', ['proxy_from_voting_member'], [], 'action-logement', 'board-1', 1],
    ['a proxy from a substitute', ['proxy_from_voting_member'], [], 'sub-1', 'board-2', 1],
    ['a proxy from the mayor\'s deputy', ['proxy_from_voting_member'], [], 'deputy-villeneuve', 'board-2', 1],
    ['a proxy from an unknown member', ['proxy_from_voting_member'], [], 'nobody', 'board-2', 1],
    ['a proxy to the social organisations\' representative', ['proxy_to_voting_member'], [], 'board-1', 'asso', 1],
    ['a proxy to a réservataire', ['proxy_to_voting_member'], [], 'board-1', 'action-logement', 1],
    ['a proxy to the secretary', ['proxy_to_voting_member'], [], 'board-1', 'secretary', 1],
    ['a proxy to a holder who gave his own', ['holder_not_represented'], [['board-2', 'board-3']], 'board-1', 'board-2', 1],
    ['a second proxy from the same principal', ['one_proxy_per_principal'], [['board-1', 'board-3']], 'board-1', 'board-2', 1],
  ] as const)('%s gives %j', (_label, expected, given, principal, holder, limit) => {
    expect(check(given, principal, holder, limit)).toEqual(expected);
  });

  it('refuses a proxy from a member who holds one, as it refuses one to a member who gave one', () => {
    // board-1 → board-2 first, then board-2 → board-3 would leave board-2 both holder and represented:
    // the state the rule holder_not_represented forbids in the other order.
    expect(check([['board-2', 'board-3']], 'board-1', 'board-2', 1)).not.toEqual([]);
    expect(check([['board-1', 'board-2']], 'board-2', 'board-3', 1)).not.toEqual([]);
  });
});

describe('the casting vote of the mayor of the dwelling\'s commune', () => {
  type Ballot = readonly [seat: string, castBy: string, choice: VoteChoice];
  const record = (ballots: readonly Ballot[]) => Object.fromEntries(ballots.map(([seat, castBy]) => [seat, { castBy }]));
  const choices = (ballots: readonly Ballot[]) => new Map(ballots.map(([seat, , choice]) => [seat, choice]));
  const oneForTwoAgainst: readonly Ballot[] = [['board-1', 'board-1', 'for'], ['board-2', 'board-2', 'against'], ['board-3', 'board-3', 'against']];
  const twoForOneAgainst: readonly Ballot[] = [['board-1', 'board-1', 'for'], ['board-2', 'board-2', 'for'], ['board-3', 'board-3', 'against']];

  it.each([
    ['the mayor himself votes for', 'mayor-villeneuve', 'adopted', 'casting_vote_of_mayor', [...oneForTwoAgainst, ['mayor-villeneuve', 'mayor-villeneuve', 'for']]],
    ['the mayor himself votes against', 'mayor-villeneuve', 'rejected', 'casting_vote_of_mayor', [...twoForOneAgainst, ['mayor-villeneuve', 'mayor-villeneuve', 'against']]],
    ['the mayor is absent and his deputy votes for', 'mayor-villeneuve', 'adopted', 'casting_vote_of_mayor', [...oneForTwoAgainst, ['mayor-villeneuve', 'deputy-villeneuve', 'for']]],
    ['the mayor is absent and his deputy votes against', 'mayor-villeneuve', 'rejected', 'casting_vote_of_mayor', [...twoForOneAgainst, ['mayor-villeneuve', 'deputy-villeneuve', 'against']]],
    ['a proxy holder votes for the mayor', undefined, 'no_decision', 'tie_without_mayor', [...oneForTwoAgainst, ['mayor-villeneuve', 'board-1', 'for']]],
    ['a board member\'s substitute votes on the mayor\'s seat', undefined, 'no_decision', 'tie_without_mayor', [...oneForTwoAgainst, ['mayor-villeneuve', 'sub-1', 'for']]],
    ['neither the mayor nor his deputy is there', undefined, 'no_decision', 'tie_without_mayor', [...twoForOneAgainst, ['board-4', 'board-4', 'against']]],
    ['only the mayor of another commune voted', undefined, 'no_decision', 'tie_without_mayor', [...oneForTwoAgainst, ['mayor-autreville', 'mayor-autreville', 'for']]],
  ] as const)('on a 2–2 tie where %s: seat %s, %s (%s)', (_label, seat, outcome, decidedBy, ballots) => {
    const casting = castingVoteSeat(members, villeneuve, record(ballots));
    expect(casting).toBe(seat);
    expect(tallyVote(choices(ballots), defaultCommitteeRules, ballots.length, casting)).toMatchObject({ outcome, decidedBy, counts: { for: 2, against: 2 } });
  });

  it.each([
    ['the mayor declared a conflict', villeneuve, { 'mayor-villeneuve': { castBy: 'mayor-villeneuve' } }, ['mayor-villeneuve'], undefined],
    ['the dwelling is in Autreville', autreville, { 'mayor-villeneuve': { castBy: 'mayor-villeneuve' } }, [], undefined],
    ['the mayor of Autreville votes on his own commune\'s dwelling', autreville, { 'mayor-autreville': { castBy: 'mayor-autreville' } }, [], 'mayor-autreville'],
    ['the commune\'s mayor is not a member', { commune: 'Ailleurs' }, { 'mayor-villeneuve': { castBy: 'mayor-villeneuve' } }, [], undefined],
  ] as const)('has a casting seat only where it belongs: %s', (_label, place, votes, conflicts, seat) => {
    expect(castingVoteSeat(members, place, votes, new Set(conflicts))).toBe(seat);
  });
});

describe('the tally by members present or represented, with abstentions', () => {
  const presentBasis = (abstentionsCount: boolean): Pick<CommitteeRules, 'majority'> => ({ majority: { basis: 'present_or_represented', abstentionsCount } });
  const ballots = (forCount: number, against: number, abstain: number, mayor?: VoteChoice) => {
    const votes = new Map<string, VoteChoice>();
    const add = (n: number, choice: VoteChoice) => { for (let i = 0; i < n; i++) votes.set(`${choice}-${i}`, choice); };
    add(forCount, 'for');
    add(against, 'against');
    add(abstain, 'abstain');
    if (mayor) votes.set('mayor', mayor);
    return votes;
  };

  it.each([false, true])('adopts 5 for and 4 abstentions of 9, abstentions counted: %s', (abstentionsCount) => {
    expect(tallyVote(ballots(5, 0, 4), presentBasis(abstentionsCount), 9, undefined)).toMatchObject({ outcome: 'adopted', decidedBy: 'majority_of_present_or_represented' });
  });

  it.each([false, true])('rejects 4 for, 0 against and 5 abstentions of 9, abstentions counted: %s', (abstentionsCount) => {
    expect(tallyVote(ballots(4, 0, 5), presentBasis(abstentionsCount), 9, undefined)).toMatchObject({ outcome: 'rejected', decidedBy: 'majority_of_present_or_represented' });
  });

  it('adopts the same 4 for and 5 abstentions by a majority of votes cast', () => {
    expect(tallyVote(ballots(4, 0, 5), defaultCommitteeRules, 9, undefined)).toMatchObject({ outcome: 'adopted', decidedBy: 'majority_of_votes_cast' });
  });

  it('counts members present who did not vote in the denominator', () => {
    expect(tallyVote(ballots(5, 3, 0), presentBasis(false), 10, undefined)).toMatchObject({ outcome: 'rejected', decidedBy: 'majority_of_present_or_represented' });
    expect(tallyVote(ballots(6, 3, 0), presentBasis(false), 10, undefined)).toMatchObject({ outcome: 'adopted', decidedBy: 'majority_of_present_or_represented' });
  });

  it.each([
    ['for', 'adopted'],
    ['against', 'rejected'],
  ] as const)('breaks a 4–4 tie of 8 by the mayor\'s vote %s', (mayor, outcome) => {
    const votes = mayor === 'for' ? ballots(3, 4, 0, 'for') : ballots(4, 3, 0, 'against');
    expect(tallyVote(votes, presentBasis(false), 8, 'mayor')).toMatchObject({ outcome, decidedBy: 'casting_vote_of_mayor', counts: { for: 4, against: 4, abstain: 0 } });
  });

  it('has no decision on a 4–4 tie of 8 without the mayor', () => {
    expect(tallyVote(ballots(4, 4, 0), presentBasis(false), 8, undefined)).toMatchObject({ outcome: 'no_decision', decidedBy: 'tie_without_mayor' });
  });

  // 2 for, 2 against and 5 abstentions of 9: the proposal is 3 votes short of the absolute majority
  // of members present; a casting vote breaks a tie, it cannot make 2 votes of 9 a majority.
  it.each([
    ['with the mayor voting for', 'mayor'],
    ['without the mayor', undefined],
  ] as const)('rejects 2 for, 2 against and 5 abstentions of 9 %s', (_label, castingVoterId) => {
    const votes = ballots(1, 2, 5, 'for');
    expect(tallyVote(votes, presentBasis(false), 9, castingVoterId)).toMatchObject({ outcome: 'rejected', decidedBy: 'majority_of_present_or_represented' });
  });
});

describe('the chair\'s election by the six board members', () => {
  const a = { id: 'a', birthDate: '1961-04-02' };
  const b = { id: 'b', birthDate: '1958-11-20' };
  const c = { id: 'c', birthDate: '1970-01-01' };
  const candidates = [a, b, c];

  it.each([
    ['4–2', ['a', 'a', 'a', 'a', 'b', 'b'], { outcome: 'elected', chairId: 'a', decidedBy: 'absolute_majority', counts: { a: 4, b: 2, c: 0 } }],
    ['6–0', ['c', 'c', 'c', 'c', 'c', 'c'], { outcome: 'elected', chairId: 'c', decidedBy: 'absolute_majority' }],
    ['3–3, the second listed older', ['a', 'a', 'a', 'b', 'b', 'b'], { outcome: 'elected', chairId: 'b', decidedBy: 'tie_to_the_oldest' }],
    ['3–3, the first listed older', ['c', 'c', 'c', 'a', 'a', 'a'], { outcome: 'elected', chairId: 'a', decidedBy: 'tie_to_the_oldest' }],
    ['3–2–1', ['a', 'a', 'a', 'b', 'b', 'c'], { outcome: 'no_majority', counts: { a: 3, b: 2, c: 1 } }],
    ['2–2–1–1 blank', ['a', 'a', 'b', 'b', 'c', 'blank'], { outcome: 'no_majority' }],
    ['3–2 and one ballot for a non-candidate', ['a', 'a', 'a', 'b', 'b', 'prefect'], { outcome: 'elected', chairId: 'a', decidedBy: 'absolute_majority', counts: { a: 3, b: 2, c: 0 } }],
    ['3–3 with one side for a non-candidate', ['c', 'c', 'c', 'x', 'x', 'x'], { outcome: 'elected', chairId: 'c', decidedBy: 'absolute_majority' }],
    ['only ballots for non-candidates', ['x', 'y', 'z'], { outcome: 'no_majority' }],
  ] as const)('%s', (_label, ballots, expected) => {
    const result = electChair(candidates, ballots);
    expect(result).toMatchObject(expected);
    if (expected.outcome === 'no_majority') expect(result).not.toHaveProperty('chairId');
  });

  it('breaks an even three-way split by age only when every valid vote went to the tied candidates', () => {
    expect(electChair(candidates, ['a', 'a', 'b', 'b', 'c', 'c'])).toMatchObject({ outcome: 'elected', chairId: 'b', decidedBy: 'tie_to_the_oldest' });
  });
});

describe('convocation and agenda changes', () => {
  const dayMs = 24 * 60 * 60 * 1000;
  const start = new Date('2026-06-15T07:00:00Z');
  const before = (days: number, minutesLater = 0) => new Date(start.getTime() - days * dayMs + minutesLater * 60_000);
  const fiveDays = { noticePeriodDays: defaultCommitteeRules.noticePeriodDays, urgentConvocationAllowed: true };
  const noUrgency = { ...fiveDays, urgentConvocationAllowed: false };
  const eightDays = { noticePeriodDays: 8, urgentConvocationAllowed: true };

  it.each([
    ['six days ahead', [], before(6), fiveDays, undefined],
    ['exactly five days ahead', [], before(5), fiveDays, undefined],
    ['one minute after the notice limit', ['notice_period'], before(5, 1), fiveDays, undefined],
    ['the day before with an urgency reason', [], before(1), fiveDays, 'Logement DALO à attribuer avant la fin du délai préfectoral'],
    ['the day before with a blank urgency reason', ['notice_period'], before(1), fiveDays, '   '],
    ['the day before with an urgency reason the rules do not allow', ['notice_period'], before(1), noUrgency, 'Vacance imprévue'],
    ['exactly five days ahead without urgency allowed', [], before(5), noUrgency, undefined],
    ['seven days ahead under an eight-day notice', ['notice_period'], before(7), eightDays, undefined],
    ['exactly eight days ahead under an eight-day notice', [], before(8), eightDays, undefined],
    ['one minute late under an eight-day notice', ['notice_period'], before(8, 1), eightDays, undefined],
  ] as const)('an agenda published %s gives %j', (_label, expected, publishedAt, rules, reason) => {
    expect(convocationProblems(publishedAt, start, rules, reason).map((p) => p.rule)).toEqual(expected);
  });

  it('names the notice period of the rules in its refusal', () => {
    expect(convocationProblems(before(7), start, eightDays, undefined)[0]?.message).toContain('8 days');
  });

  it.each([
    [false, undefined, []],
    [false, '', []],
    [true, undefined, ['published_agenda_change_needs_reason']],
    [true, '  ', ['published_agenda_change_needs_reason']],
    [true, 'Candidat retiré : logement attribué entre-temps par un autre bailleur', []],
  ] as const)('a change to an agenda published: %s, with reason %j, gives %j', (published, reason, expected) => {
    expect(agendaChangeProblems(published, reason).map((p) => p.rule)).toEqual(expected);
  });
});

describe('the three-candidate rule and its exceptions', () => {
  it('knows exactly the three exceptions of R441-3 and the minimum of three', () => {
    expect(minimumCandidates).toBe(3);
    expect([...candidateShortfallExceptions].sort()).toEqual(['dalo_designation', 'financing_d331_25_1', 'insufficient_candidates']);
  });

  it.each([
    [2, 'dalo_designation', []],
    [2, 'financing_d331_25_1', []],
    [1, 'insufficient_candidates', []],
    [1, undefined, ['three_candidates_per_dwelling']],
    [4, undefined, []],
    [0, undefined, ['item_needs_candidates']],
  ] as const)('an item with %i candidates and exception %s gives %j', (count, exception, expected) => {
    expect(agendaItemProblems(count, exception as CandidateShortfallException | undefined).map((p) => p.rule)).toEqual(expected);
  });
});

describe('decisions and their reasons', () => {
  const d = (x: Partial<CandidateDecision>): CandidateDecision => ({ applicationId: 'app-1', type: 'attribution', ...x });

  it.each([
    ['a suspensive condition naming the document but no deadline', ['suspensive_condition_needs_deadline'], { type: 'conditional_attribution', conditionDocument: 'Titre de séjour en cours de validité' }],
    ['a suspensive condition with an empty deadline', ['suspensive_condition_needs_deadline'], { type: 'conditional_attribution', conditionDocument: 'Avis d\'imposition', conditionDeadline: '' }],
    ['a suspensive condition with a deadline but a blank document', ['suspensive_condition_needs_document'], { type: 'conditional_attribution', conditionDocument: ' ', conditionDeadline: '2026-07-01' }],
    ['a rejection without reasons', ['decision_needs_reasons'], { type: 'rejection' }],
    ['a non-attribution with empty reasons', ['decision_needs_reasons'], { type: 'non_attribution', reasons: '' }],
    ['a rejection with reasons', [], { type: 'rejection', reasons: 'Ressources de 2024 supérieures de 18 % au plafond PLUS applicable (CCH R441-1)' }],
    ['a ranked attribution of rank 0', ['ranked_attribution_needs_rank'], { type: 'ranked_attribution', rank: 0 }],
  ] as const)('%s gives %j', (_label, expected, input) => {
    expect(decisionProblems(d(input as Partial<CandidateDecision>)).map((p) => p.rule)).toEqual(expected);
  });

  it('accepts a full ranked proposal with reasons where required', () => {
    expect(proposalProblems(['a', 'b', 'c'], [
      { applicationId: 'a', type: 'ranked_attribution', rank: 1 },
      { applicationId: 'b', type: 'ranked_attribution', rank: 2 },
      { applicationId: 'c', type: 'non_attribution', reasons: 'Logement de type T2 pour un ménage de cinq personnes : sur-occupation (CCH L822-10)' },
    ])).toEqual([]);
  });

  it('reports each candidate\'s missing reasons or deadline in the proposal, by candidate', () => {
    const problems = proposalProblems(['a', 'b', 'c'], [
      { applicationId: 'a', type: 'conditional_attribution', conditionDocument: 'Jugement de divorce' },
      { applicationId: 'b', type: 'non_attribution' },
      { applicationId: 'c', type: 'rejection', reasons: ' ' },
    ]);
    expect(problems.map((p) => [p.applicationId, p.rule])).toEqual([
      ['a', 'suspensive_condition_needs_deadline'],
      ['b', 'decision_needs_reasons'],
      ['c', 'decision_needs_reasons'],
    ]);
  });

  it('refuses a proposal attributing the same dwelling outright to two candidates', () => {
    // R441-3 a: "attribution du logement proposé à un candidat"; several candidates are ranked (b).
    expect(proposalProblems(['a', 'b'], [
      { applicationId: 'a', type: 'attribution' },
      { applicationId: 'b', type: 'attribution' },
    ])).not.toEqual([]);
  });

  it.each([
    ['DNA', true],
    [' DNA-04 ', true],
    ['REF 12', true],
    ['DNA: 04', true],
    ['MOTIF_3', true],
    ['DNA : capacité d\'insertion dans le logement insuffisante au vu du rapport social du 3 mars', false],
    ['Taux d\'effort de 41 % après APL, supérieur au seuil du règlement (CCH L441-1)', false],
    ['Logement inadapté', false],
    ['', false],
    [undefined, false],
  ] as const)('reasons %j look like a bare code: %s', (reasons, isCode) => {
    expect(reasonsLookLikeACode(reasons)).toBe(isCode);
  });
});

describe('occupancy review opinions (L442-5-2)', () => {
  it('knows exactly the five situations of L442-5-2', () => {
    expect(occupancySituations).toEqual([
      'over_occupation',
      'under_occupation',
      'adapted_dwelling_not_needed',
      'disability_or_loss_of_autonomy',
      'income_above_ceiling',
    ]);
  });

  it.each(occupancySituations.map((s) => [s]))('an opinion on %s without the characteristics of a suitable dwelling is refused', (situation: OccupancySituation) => {
    expect(opinionProblems({ situation, suitableDwelling: '  ' }).map((p) => p.rule)).toEqual(['opinion_defines_suitable_dwelling']);
    expect(opinionProblems({ situation, suitableDwelling: 'T2 de plain-pied, 45 m² au plus, proche des transports' })).toEqual([]);
  });

  it('accepts advice of social home ownership alongside the characteristics', () => {
    expect(opinionProblems({ situation: 'income_above_ceiling', suitableDwelling: 'T3 en accession', advice: 'Accession sociale (PSLA)' })).toEqual([]);
    expect(opinionProblems({ situation: 'income_above_ceiling', suitableDwelling: '', advice: 'Accession sociale (PSLA)' })).toHaveLength(1);
  });
});

describe('the committee\'s own rules', () => {
  const withRules = (patch: Partial<CommitteeRules>): CommitteeRules => ({ ...defaultCommitteeRules, ...patch });
  const withThreshold = (threshold: number) => withRules({ quorum: { ...defaultCommitteeRules.quorum, threshold } });

  it.each([
    ['the defaults', [], withRules({})],
    ['nine days to answer an offer', ['offer_at_least_ten_days'], withRules({ offerResponseDays: 9 })],
    ['ten days to answer an offer', [], withRules({ offerResponseDays: 10 })],
    ['a remote participation of 40 %', ['remote_half_participation'], withRules({ remoteMinimumParticipation: 0.4 })],
    ['a remote participation of two thirds', [], withRules({ remoteMinimumParticipation: 2 / 3 })],
    ['minutes signed by the secretary alone', ['chair_signs_minutes'], withRules({ minutesSigners: ['secretary'] })],
    ['minutes signed by the chair and the secretary', [], withRules({ minutesSigners: ['chair', 'secretary'] })],
    ['the chair listed twice as signer', ['signers_distinct'], withRules({ minutesSigners: ['chair', 'chair'] })],
    ['a quorum threshold of 0', ['quorum_threshold_range'], withThreshold(0)],
    ['a quorum threshold above 1', ['quorum_threshold_range'], withThreshold(1.2)],
    ['a quorum of every member', [], withThreshold(1)],
    ['eight days of notice and two proxies per holder', [], withRules({ noticePeriodDays: 8, proxiesPerHolder: 2 })],
  ] as const)('%s gives %j', (_label, expected, rules) => {
    expect(committeeRulesProblems(rules).map((p) => p.rule)).toEqual(expected);
  });

  it('reports every broken rule at once', () => {
    const rules = withRules({ offerResponseDays: 7, remoteMinimumParticipation: 0.3, minutesSigners: [], quorum: { ...defaultCommitteeRules.quorum, threshold: 0 } });
    expect(committeeRulesProblems(rules).map((p) => p.field)).toEqual(['offerResponseDays', 'remoteMinimumParticipation', 'minutesSigners', 'quorum.threshold']);
  });

  it.each([null, undefined, {}])('completes %j into the defaults', (stored) => {
    expect(completeRules(stored)).toEqual(defaultCommitteeRules);
  });

  it('completes rules stored before newer fields existed while keeping their own values', () => {
    // A version stored before quorum.reconveneAfterDays, urgentConvocationAllowed, majority.abstentionsCount and the rules of the sitting's time.
    const stored = {
      quorum: { threshold: 0.6, gracePeriodMinutes: 45, reconvenedWithoutQuorum: false },
      proxiesPerHolder: 2,
      noticePeriodDays: 8,
      majority: { basis: 'present_or_represented' },
      tieWithoutMayor: 'revote',
      remoteSessionsAllowed: false,
      remoteMinimumParticipation: 0.6,
      minutesSigners: ['chair', 'secretary'],
      offerResponseDays: 15,
    } as unknown as Partial<CommitteeRules>;
    const rules = completeRules(stored);
    expect(rules).toEqual({
      quorum: { threshold: 0.6, gracePeriodMinutes: 45, reconvenedWithoutQuorum: false, reconveneAfterDays: defaultCommitteeRules.quorum.reconveneAfterDays },
      proxiesPerHolder: 2,
      ballotsPerSeat: defaultCommitteeRules.ballotsPerSeat,
      noticePeriodDays: 8,
      openingToleranceMinutes: 0,
      unconvenedOpeningAllowed: false,
      urgentConvocationAllowed: defaultCommitteeRules.urgentConvocationAllowed,
      majority: { basis: 'present_or_represented', abstentionsCount: false },
      tieWithoutMayor: 'revote',
      remoteSessionsAllowed: false,
      remoteMinimumParticipation: 0.6,
      minutesSigners: ['chair', 'secretary'],
      offerResponseDays: 15,
      signatureReminderDays: defaultCommitteeRules.signatureReminderDays,
      signatureEscalationDays: defaultCommitteeRules.signatureEscalationDays,
      writtenSessions: defaultCommitteeRules.writtenSessions,
    });
    expect(committeeRulesProblems(rules)).toEqual([]);
  });

  it('keeps a stored choice that differs from a newer default', () => {
    const stored = { urgentConvocationAllowed: false, quorum: { reconveneAfterDays: 14 } } as unknown as Partial<CommitteeRules>;
    expect(completeRules(stored)).toMatchObject({ urgentConvocationAllowed: false, quorum: { threshold: 0.5, gracePeriodMinutes: 30, reconvenedWithoutQuorum: true, reconveneAfterDays: 14 } });
  });

  it('has defaults for the newer fields too', () => {
    expect(defaultCommitteeRules).toMatchObject({ quorum: { reconveneAfterDays: 7 }, urgentConvocationAllowed: true, remoteSessionsAllowed: true });
  });
});
