// The tally of a written session's item at the close of its window: the ballots of its roster's
// seats with the pinned rules, and participation in place of quorum (décret 2014-1627: the
// deliberation is valid only if enough of the members took part).
import { castingVoteSeat, tallyVote, writtenParticipation, type QuorumSnapshot } from '../rules/index.ts';
import { itemRoster } from './seats.ts';
import type { AgendaItemState, SessionState, VoteResult } from './state.ts';

/** The seats of the item's roster with a ballot: cast by the member or their substitute, or by proxy. */
export function writtenItemParticipation(state: SessionState, item: AgendaItemState): QuorumSnapshot {
  let inPerson = 0;
  let byProxy = 0;
  const roster = itemRoster(state, item);
  for (const seat of roster) {
    const vote = item.votes[seat.id];
    if (!vote) continue;
    const castBy = state.members.find((m) => m.id === vote.castBy);
    if (vote.castBy === seat.id || castBy?.substituteFor === seat.id) inPerson++;
    else byProxy++;
  }
  return writtenParticipation(roster.length, inPerson, byProxy, state.rules.writtenSessions.minimumParticipation);
}

export function writtenTallyOf(state: SessionState, item: AgendaItemState, closedAt: string): VoteResult {
  const participation = writtenItemParticipation(state, item);
  const votes = new Map(Object.entries(item.votes).map(([id, v]) => [id, v.choice] as const));
  const castingSeat = castingVoteSeat(state.members, item.place, item.votes, new Set(item.conflicts));
  const tally = tallyVote(votes, state.rules, participation.present + participation.represented, castingSeat);
  const castingVoterId = tally.decidedBy === 'casting_vote_of_mayor' && castingSeat ? item.votes[castingSeat]?.castBy : undefined;
  // A window cannot hold a second vote: an item not adopted with enough participation is deferred.
  const itemStatus = participation.reached && tally.outcome === 'adopted' ? 'decided' : 'deferred';
  return { ...tally, quorum: participation, ...(castingVoterId ? { castingVoterId } : {}), itemStatus, closedAt };
}
