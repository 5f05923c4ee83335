import type { CommitteeRules } from './committee-rules.ts';
import { castingVoter, votingRoster, type DwellingPlace, type SessionMember } from './members.ts';

export type VoteChoice = 'for' | 'against' | 'abstain';

export interface VoteCounts {
  for: number;
  against: number;
  abstain: number;
}

export type TallyOutcome = 'adopted' | 'rejected' | 'no_decision';

/** The rule that decided the outcome, recorded with every result. */
export type DecidingRule =
  | 'majority_of_votes_cast'
  | 'majority_of_present_or_represented'
  | 'casting_vote_of_mayor'
  | 'tie_without_mayor'
  | 'no_votes_cast';

export interface TallyResult {
  counts: VoteCounts;
  outcome: TallyOutcome;
  decidedBy: DecidingRule;
}

export function countVotes(choices: Iterable<VoteChoice>): VoteCounts {
  const counts: VoteCounts = { for: 0, against: 0, abstain: 0 };
  for (const c of choices) counts[c]++;
  return counts;
}

/**
 * Tallies one proposal. `votes` maps each counted member to their choice; `castingVoterId` is
 * the mayor of the dwelling's commune when present, whose own vote breaks a tie.
 */
export function tallyVote(
  votes: ReadonlyMap<string, VoteChoice>,
  rules: Pick<CommitteeRules, 'majority'>,
  presentOrRepresented: number,
  castingVoterId: string | undefined,
): TallyResult {
  const counts = countVotes(votes.values());
  const { basis, abstentionsCount } = rules.majority;
  const cast = counts.for + counts.against + (abstentionsCount ? counts.abstain : 0);
  if (cast === 0) return { counts, outcome: 'no_decision', decidedBy: 'no_votes_cast' };

  if (basis === 'present_or_represented') {
    const needed = Math.floor(presentOrRepresented / 2) + 1;
    if (counts.for >= needed) return { counts, outcome: 'adopted', decidedBy: 'majority_of_present_or_represented' };
    // A tie matters only where the casting vote could complete the absolute majority.
    if (counts.for !== counts.against || counts.for + 1 < needed) return { counts, outcome: 'rejected', decidedBy: 'majority_of_present_or_represented' };
  } else {
    const opposed = counts.against + (abstentionsCount ? counts.abstain : 0);
    if (counts.for > opposed) return { counts, outcome: 'adopted', decidedBy: 'majority_of_votes_cast' };
    if (opposed > counts.for) return { counts, outcome: 'rejected', decidedBy: 'majority_of_votes_cast' };
  }

  const casting = castingVoterId === undefined ? undefined : votes.get(castingVoterId);
  if (casting === 'for') return { counts, outcome: 'adopted', decidedBy: 'casting_vote_of_mayor' };
  if (casting === 'against') return { counts, outcome: 'rejected', decidedBy: 'casting_vote_of_mayor' };
  return { counts, outcome: 'no_decision', decidedBy: 'tie_without_mayor' };
}

/**
 * The seat whose vote breaks a tie: the mayor of the dwelling's commune, when the vote on that
 * seat was cast by the mayor or their representative — never by a proxy holder.
 */
export function castingVoteSeat(
  members: readonly SessionMember[],
  place: DwellingPlace,
  votes: Readonly<Record<string, { castBy: string }>>,
  conflicts: ReadonlySet<string> = new Set(),
): string | undefined {
  const seat = castingVoter(votingRoster(members, place, conflicts), place);
  const vote = seat ? votes[seat.id] : undefined;
  if (!seat || !vote) return undefined;
  const castBy = members.find((m) => m.id === vote.castBy);
  return vote.castBy === seat.id || castBy?.substituteFor === seat.id ? seat.id : undefined;
}
