// Votes: a proposal put to the vote with quorum, ballots from the item's roster only (in person or
// by proxy), the tally with the committee's majority and the mayor's casting vote, and items
// deferred or referred to an in-person sitting.
import {
  castingVoteSeat,
  localDate,
  opinionProblems,
  proposalProblems,
  reasonsLookLikeACode,
  remoteParticipationReached,
  seatOccupant,
  tallyVote,
  type CandidateDecision,
} from '../rules/index.ts';
import type { CommandOf } from './commands.ts';
import { accept, findItem, finishedItem, isDecision, nothing, phaseRefusal, refuse, sittingPhases, type Decision, type DecisionContext } from './decision.ts';
import type { SessionEvent } from './events.ts';
import { firstProblem } from './refusal.ts';
import { itemQuorum, itemRoster, presentMembers } from './seats.ts';
import type { AgendaItemState, DeferralCause, SessionState, VoteResult } from './state.ts';
import { writtenTallyOf } from './written-tally.ts';

export function openVote({ state, command, now, emit }: DecisionContext<CommandOf<'open_vote'>>): Decision {
  const wrongPhase = phaseRefusal(state, ['deliberating'], 'open a vote');
  if (wrongPhase) return wrongPhase;
  if (state.openVote) return refuse('conflict', 'one_vote_at_a_time', `the vote on item ${state.openVote.itemId} is still open`);
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (item.status !== 'pending') return refuse('conflict', 'item_not_yet_decided', `item ${item.id} is already ${item.status}`);
  const quorum = itemQuorum(state, item);
  if (!quorum.reached) {
    return refuse('rule_violation', 'quorum_before_each_vote', `quorum is not reached for this item: ${quorum.present + quorum.represented} present or represented of ${quorum.rosterSize}, ${quorum.required} required`);
  }
  if (state.mode !== 'in_person' && !remoteParticipationReached(quorum, state.rules.remoteMinimumParticipation)) {
    return refuse('rule_violation', 'remote_half_participation', `a remote deliberation needs ${Math.ceil(quorum.rosterSize * state.rules.remoteMinimumParticipation)} of the ${quorum.rosterSize} voting members taking part; ${quorum.present} do`);
  }
  const refused = proposalRefusal(item, command, localDate(new Date(now), state.timeZone));
  if (refused) return refused;
  return accept([emit({ type: 'vote_opened', itemId: item.id, quorum, proposal: command.proposal, opinion: command.opinion, warnings: proposalWarnings(command) })]);
}

/** What the item's kind requires of the proposal put to the vote; `sittingDay` is the day the committee decides. */
export function proposalRefusal(item: AgendaItemState, command: CommandOf<'open_vote'>, sittingDay: string): Decision | undefined {
  if (item.kind === 'occupancy_review') {
    if (!command.opinion || command.proposal) return refuse('rule_violation', 'review_gives_opinion', 'an occupancy review is voted on an opinion, not on allocation decisions');
    const problem = firstProblem('rule_violation', opinionProblems(command.opinion));
    return problem ? { refusal: problem } : undefined;
  }
  if (!command.proposal || command.opinion) return refuse('rule_violation', 'allocation_gives_decisions', 'an allocation item is voted on a decision per candidate');
  const problem = firstProblem('rule_violation', proposalProblems(item.candidates.map((c) => c.applicationId), command.proposal));
  if (problem) return { refusal: problem };
  const early = command.proposal.filter((d) => d.conditionDeadline !== undefined && d.conditionDeadline <= sittingDay);
  if (early.length > 0) {
    return refuse('rule_violation', 'condition_deadline_after_sitting', `a suspensive condition's deadline falls after the sitting (${sittingDay})`,
      early.map((d) => ({ field: 'conditionDeadline', rule: 'condition_deadline_after_sitting', message: `application ${d.applicationId}: ${d.conditionDeadline}` })));
  }
  return undefined;
}

export function proposalWarnings(command: CommandOf<'open_vote'>): string[] {
  return (command.proposal ?? [])
    .filter((d) => reasonsLookLikeACode(d.reasons))
    .map((d) => `the reasons for application ${d.applicationId} look like a code only ("${d.reasons}"): state the facts and the legal grounds`);
}

export function castVote({ state, command, emit }: DecisionContext<CommandOf<'cast_vote'>>): Decision {
  if (state.openVote?.itemId !== command.itemId) return refuse('conflict', 'vote_open', `no vote is open on item ${command.itemId}`);
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (!itemRoster(state, item).some((m) => m.id === command.memberId)) return refuse('forbidden', 'voting_roster', 'this member does not vote on this item');
  const here = presentMembers(state);
  if (!here.has(command.actor)) return refuse('forbidden', 'voter_present', 'only a member recorded as present may vote');
  const occupant = seatOccupant(state.members, command.memberId, here, new Set(item.conflicts));
  if (occupant !== command.actor) {
    if (occupant !== undefined) return refuse('forbidden', 'vote_in_person_or_by_proxy', 'this seat is occupied by a member present, who votes for it');
    if (state.proxies[command.memberId] !== command.actor) {
      return refuse('forbidden', 'vote_in_person_or_by_proxy', 'a member votes for themself, or for a principal whose proxy they hold');
    }
    if (item.conflicts.includes(command.actor)) return refuse('forbidden', 'conflict_of_interest', 'a member with a conflict of interest does not vote on the item');
  }
  const earlier = item.votes[command.memberId];
  // The same vote again changes nothing and records nothing.
  if (earlier?.choice === command.choice && earlier.castBy === command.actor) return nothing;
  const ballots = state.openVote.ballots?.[command.memberId] ?? 0;
  if (ballots >= state.rules.ballotsPerSeat) {
    return refuse('rule_violation', 'ballots_per_seat', `this seat has cast its ${state.rules.ballotsPerSeat} ballots in this vote: the last one stands`);
  }
  return accept([emit({ type: 'vote_cast', itemId: item.id, memberId: command.memberId, castBy: command.actor, choice: command.choice })]);
}

/** The decisions standing for an item that leaves the sitting undecided. */
function deferredDecisions(item: AgendaItemState, reason: string | undefined): CandidateDecision[] {
  if (item.kind !== 'allocation') return [];
  return item.candidates.map((c) => ({ applicationId: c.applicationId, type: 'deferred', ...(reason ? { reasons: reason } : {}) }));
}

export function deferral(ctx: DecisionContext, item: AgendaItemState, cause: DeferralCause, reason: string | undefined, actor?: string): SessionEvent {
  return ctx.emit({ type: 'item_deferred', itemId: item.id, cause, ...(reason ? { reason } : {}), decisions: deferredDecisions(item, reason) }, actor);
}

export function closeVote(ctx: DecisionContext<CommandOf<'close_vote'>>): Decision {
  const { state, command, at, emit } = ctx;
  if (state.openVote?.itemId !== command.itemId) return refuse('conflict', 'vote_open', `no vote is open on item ${command.itemId}`);
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  const result = tallyOf(state, item, at);
  const decided = result.itemStatus === 'decided';
  const closed = emit({
    type: 'vote_closed', itemId: item.id, result, votes: item.votes,
    decisions: decided ? item.proposal ?? [] : [], opinion: decided ? item.proposedOpinion : undefined,
  });
  if (result.itemStatus !== 'deferred') return accept([closed]);
  return accept([closed, deferral(ctx, item, 'tie_without_mayor', undefined, 'system')]);
}

/** The tally of an item's ballots with the pinned rules, and what follows for the item. */
export function tallyOf(state: SessionState, item: AgendaItemState, closedAt: string): VoteResult {
  if (state.mode === 'written') return writtenTallyOf(state, item, closedAt);
  const quorum = itemQuorum(state, item);
  const votes = new Map(Object.entries(item.votes).map(([id, v]) => [id, v.choice] as const));
  const castingSeat = castingVoteSeat(state.members, item.place, item.votes, new Set(item.conflicts));
  const tally = tallyVote(votes, state.rules, quorum.present + quorum.represented, castingSeat);
  const isTie = tally.decidedBy === 'tie_without_mayor';
  const revote = isTie && state.rules.tieWithoutMayor === 'revote' && !item.results.some((r) => r.decidedBy === 'tie_without_mayor');
  const itemStatus = tally.outcome === 'adopted' ? 'decided' : isTie && !revote ? 'deferred' : 'pending';
  const castingVoterId = tally.decidedBy === 'casting_vote_of_mayor' && castingSeat ? item.votes[castingSeat]?.castBy : undefined;
  return { ...tally, quorum, ...(castingVoterId ? { castingVoterId } : {}), itemStatus, closedAt };
}

export function referItem(ctx: DecisionContext<CommandOf<'refer_item'>>): Decision {
  const { state, command } = ctx;
  const wrongPhase = phaseRefusal(state, sittingPhases, 'refer an item to an in-person session');
  if (wrongPhase) return wrongPhase;
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (finishedItem(item)) return refuse('conflict', 'item_not_yet_decided', `item ${item.id} is already ${item.status}`);
  const substituteOf = state.members.find((m) => m.id === command.actor)?.substituteFor;
  if (!itemRoster(state, item).some((m) => m.id === command.actor || m.id === substituteOf)) {
    return refuse('forbidden', 'referral_by_voting_member', 'only a voting member of the item may refer it to an in-person session');
  }
  if (!command.reason.trim()) return refuse('rule_violation', 'deferral_needs_reason', 'a referral states its reason');
  return accept([deferral(ctx, item, 'referral', command.reason.trim())]);
}

export function deferItem(ctx: DecisionContext<CommandOf<'defer_item'>>): Decision {
  const { state, command } = ctx;
  const wrongPhase = phaseRefusal(state, sittingPhases, 'defer an item');
  if (wrongPhase) return wrongPhase;
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (finishedItem(item)) return refuse('conflict', 'item_not_yet_decided', `item ${item.id} is already ${item.status}`);
  if (!command.reason.trim()) return refuse('rule_violation', 'deferral_needs_reason', 'a deferral states its reason');
  return accept([deferral(ctx, item, 'deferral', command.reason.trim())]);
}
