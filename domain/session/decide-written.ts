// A written session (ordonnance 2014-1329 art. 3): the window opens and closes at its times; in
// it the members read each item's files, debate in writing and vote, changing their vote until
// the close; any voting member may ask that an item go to a live sitting. At the close each item
// is decided if enough of its roster voted and the proposal was adopted, or else deferred.
import { isDeliberative, localDate, mayAttendItem, windowExtensionProblems } from '../rules/index.ts';
import type { CommandOf, SessionCommand } from './commands.ts';
import { unconvenedMembers } from './convocation-status.ts';
import { deferral, proposalRefusal, proposalWarnings } from './decide-votes.ts';
import { accept, beforeClosing, findItem, finishedItem, isDecision, nothing, phaseRefusal, refuse, type Decision, type DecisionContext } from './decision.ts';
import type { SessionEvent } from './events.ts';
import { ballotKey } from './evolve.ts';
import { firstProblem } from './refusal.ts';
import { itemRoster } from './seats.ts';
import type { AgendaItemState, DeferralCause, SessionState } from './state.ts';
import { writtenItemParticipation, writtenTallyOf } from './written-tally.ts';

const messageMaxLength = 4_000;
/**
 * The whole debate of a session, in characters: the state carries it from run to run (Temporal
 * limits a payload to 2 MB), and about a hundred pages is more than any committee writes.
 */
const debateMaxCharacters = 200_000;
const debateMaxCharactersPerPerson = 20_000;

function windowOf(state: SessionState) {
  return state.window!;
}

/** The window is open now: opened, and before its close. */
function windowOpenRefusal(ctx: DecisionContext, action: string): Decision | undefined {
  const wrongPhase = phaseRefusal(ctx.state, ['deliberating'], action);
  if (wrongPhase) return wrongPhase;
  if (ctx.now >= Date.parse(windowOf(ctx.state).closesAt)) {
    return refuse('conflict', 'written_window_open', `the window closed at ${windowOf(ctx.state).closesAt}`);
  }
  return undefined;
}

/** A refusal for what only a live sitting does. */
export function liveOnly(action: string) {
  return () => refuse('conflict', 'live_sitting_only', `a written session does not ${action}: its window opens and closes at its times`);
}

/** A refusal for what only a written session does. */
export function writtenOnly(action: string) {
  return ({ state }: DecisionContext) => (state.mode === 'written' ? nothing : refuse('conflict', 'written_session_only', `only a written session can ${action}`));
}

/** A written session's agenda is fixed when its window opens: members must have the whole window to examine each item. */
export function beforeTheWindow<C extends SessionCommand>(decider: (ctx: DecisionContext<C>) => Decision) {
  return (ctx: DecisionContext<C>): Decision => (ctx.state.phase === 'deliberating'
    ? refuse('conflict', 'written_agenda_before_window', 'a written session\'s agenda changes before its window opens, not during it')
    : decider(ctx));
}

/** A deferral in the window: while it is open (at its close the ballots decide). */
export function inTheWindow<C extends SessionCommand>(decider: (ctx: DecisionContext<C>) => Decision, action: string) {
  return (ctx: DecisionContext<C>): Decision => (ctx.state.phase === 'deliberating' ? windowOpenRefusal(ctx, action) : undefined) ?? decider(ctx);
}

/** The opening time has come: the window opens if every member was lawfully convened; otherwise the session cannot sit. */
export function openWindow({ state, now, emit }: DecisionContext<CommandOf<'open_window'>>): Decision {
  if (state.mode !== 'written' || !['draft', 'convened'].includes(state.phase)) return nothing;
  const window = windowOf(state);
  if (now < Date.parse(window.opensAt)) return nothing;
  if (state.phase === 'draft') {
    return accept([emit({ type: 'session_cancelled', phase: 'cancelled', reason: 'the agenda was not published before the window opened' })]);
  }
  const unconvened = unconvenedMembers(state);
  if (unconvened.length > 0) {
    return accept([emit({
      type: 'session_cancelled', phase: 'cancelled',
      reason: `the window could not open: ${unconvened.length} member(s) not lawfully convened (${unconvened.map((u) => u.memberId).join(', ')})`,
    })]);
  }
  return accept([emit({ type: 'window_opened', phase: 'deliberating', closesAt: window.closesAt })]);
}

/** The items' tallies and deferrals, then the close: the end of the window or an early close. */
function closingEvents(ctx: DecisionContext, early: boolean): SessionEvent[] {
  const { state, at, emit } = ctx;
  const events: SessionEvent[] = [emit({ type: 'window_closed', early, closesAt: windowOf(state).closesAt }, early ? undefined : 'system')];
  for (const item of state.agenda.filter((i) => !finishedItem(i))) {
    if (item.status !== 'voting') {
      events.push(deferral(ctx, item, 'no_proposal', undefined, 'system'));
      continue;
    }
    const result = writtenTallyOf(state, item, at);
    const decided = result.itemStatus === 'decided';
    events.push(emit({
      type: 'vote_closed', itemId: item.id, result, votes: item.votes,
      decisions: decided ? item.proposal ?? [] : [], opinion: decided ? item.proposedOpinion : undefined,
    }, 'system'));
    if (!decided) {
      const cause: DeferralCause = !result.quorum.reached ? 'participation_not_reached' : result.decidedBy === 'tie_without_mayor' ? 'tie_without_mayor' : 'proposal_rejected';
      events.push(deferral(ctx, item, cause, undefined, 'system'));
    }
  }
  events.push(emit({ type: 'session_closed', phase: 'closed' }, early ? undefined : 'system'));
  return events;
}

/** The closing time has come. */
export function closeWindow(ctx: DecisionContext<CommandOf<'close_window'>>): Decision {
  const { state, now } = ctx;
  if (state.mode !== 'written' || state.phase !== 'deliberating' || now < Date.parse(windowOf(state).closesAt)) return nothing;
  return accept(closingEvents(ctx, false));
}

/** The seats of an item's roster that have not voted. */
function seatsWithoutBallot(state: SessionState, item: AgendaItemState) {
  return itemRoster(state, item).filter((seat) => !item.votes[seat.id]);
}

/** Closing before the time: only where the rules allow it, once every seat of every roster voted. */
export function closeWrittenSession(ctx: DecisionContext<CommandOf<'close_session'>>): Decision {
  const { state } = ctx;
  const notOpen = windowOpenRefusal(ctx, 'close the window');
  if (notOpen) return notOpen;
  if (!state.rules.writtenSessions.earlyCloseAllowed) {
    return refuse('rule_violation', 'written_early_close_allowed', `the window closes at ${windowOf(state).closesAt}: the internal rules do not provide for an early close`);
  }
  const remaining = state.agenda.filter((i) => !finishedItem(i));
  const unvoted = remaining.filter((i) => i.status !== 'voting' || seatsWithoutBallot(state, i).length > 0);
  if (unvoted.length > 0) {
    return refuse('rule_violation', 'written_early_close_all_voted', `the window closes early only once every member of every roster has voted: ${unvoted.length} item(s) are not fully voted`,
      unvoted.map((i) => ({ field: i.id, rule: 'written_early_close_all_voted', message: i.status !== 'voting' ? 'no proposal put to the vote' : `${seatsWithoutBallot(state, i).length} seat(s) without a ballot` })));
  }
  return accept(closingEvents(ctx, true));
}

/** The presenter's proposal for an item, before or during the window; each item is voted on its own. */
export function proposeInWriting(ctx: DecisionContext<CommandOf<'open_vote'>>): Decision {
  const { state, command, emit } = ctx;
  const wrongPhase = phaseRefusal(state, ['draft', 'convened', 'deliberating'], 'put a proposal to the vote');
  if (wrongPhase) return wrongPhase;
  if (state.phase === 'deliberating') {
    const closed = windowOpenRefusal(ctx, 'put a proposal to the vote');
    if (closed) return closed;
  }
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (item.status !== 'pending') return refuse('conflict', 'item_not_yet_decided', `item ${item.id} is already ${item.status}`);
  const refused = proposalRefusal(item, command, localDate(new Date(windowOf(state).closesAt), state.timeZone));
  if (refused) return refused;
  return accept([emit({
    type: 'vote_opened', itemId: item.id, quorum: writtenItemParticipation(state, item), proposal: command.proposal, opinion: command.opinion, warnings: proposalWarnings(command),
  })]);
}

/**
 * A ballot in the window: for the member's own seat, a titular's seat by their substitute (unless
 * the titular voted), or a principal's by their proxy holder (unless the principal or a substitute
 * voted). The last ballot before the close stands.
 */
export function castWrittenVote(ctx: DecisionContext<CommandOf<'cast_vote'>>): Decision {
  const { state, command, emit } = ctx;
  const notOpen = windowOpenRefusal(ctx, 'vote');
  if (notOpen) return notOpen;
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (item.status !== 'voting') return refuse('conflict', 'vote_open', `no proposal is put to the vote on item ${command.itemId}`);
  if (!itemRoster(state, item).some((m) => m.id === command.memberId)) return refuse('forbidden', 'voting_roster', 'this member does not vote on this item');
  if (item.conflicts.includes(command.actor)) return refuse('forbidden', 'conflict_of_interest', 'a member with a conflict of interest does not vote on the item');
  const earlier = item.votes[command.memberId];
  const byOccupant = (castBy: string) => castBy === command.memberId || state.members.find((m) => m.id === castBy)?.substituteFor === command.memberId;
  if (command.actor !== command.memberId) {
    const actor = state.members.find((m) => m.id === command.actor);
    if (actor?.substituteFor === command.memberId) {
      if (earlier?.castBy === command.memberId) return refuse('forbidden', 'vote_in_person_or_by_proxy', 'the titular member has voted for this seat');
    } else if (state.proxies[command.memberId] === command.actor) {
      if (earlier && byOccupant(earlier.castBy)) return refuse('forbidden', 'vote_in_person_or_by_proxy', 'the member or their substitute has voted for this seat');
    } else {
      return refuse('forbidden', 'vote_in_person_or_by_proxy', 'a member votes for their own seat, as its substitute, or for a principal whose proxy they hold');
    }
  }
  if (earlier?.choice === command.choice && earlier.castBy === command.actor) return nothing;
  if ((item.ballots?.[ballotKey(command.memberId, command.actor)] ?? 0) >= state.rules.ballotsPerSeat) {
    return refuse('rule_violation', 'ballots_per_seat', `this seat has cast its ${state.rules.ballotsPerSeat} ballots on this item: the last one stands`);
  }
  return accept([emit({ type: 'vote_cast', itemId: item.id, memberId: command.memberId, castBy: command.actor, choice: command.choice })]);
}

/** A message of the debate on an item, from a member who may attend it or from the secretariat. */
export function postMessage(ctx: DecisionContext<CommandOf<'post_message'>>): Decision {
  const { state, command, emit } = ctx;
  const notOpen = windowOpenRefusal(ctx, 'post to the debate');
  if (notOpen) return notOpen;
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (finishedItem(item)) return refuse('conflict', 'item_not_yet_decided', `item ${item.id} is already ${item.status}`);
  if (!command.actor.startsWith('staff:')) {
    const member = state.members.find((m) => m.id === command.actor);
    if (!member || member.role === 'staff' || !mayAttendItem(member, item.place)) return refuse('forbidden', 'debate_participant', 'only a member who may attend the item, or the secretariat, takes part in its debate');
    if (item.conflicts.includes(member.id)) return refuse('forbidden', 'conflict_of_interest', 'a member with a conflict of interest takes no part in the item');
  }
  const text = command.text.trim();
  if (text.length === 0 || text.length > messageMaxLength) return refuse('rule_violation', 'message_text', `a message has 1 to ${messageMaxLength} characters`);
  const messages = state.agenda.flatMap((i) => i.debate ?? []);
  const written = messages.reduce((n, m) => n + m.text.length, 0);
  const byActor = messages.filter((m) => m.by === command.actor).reduce((n, m) => n + m.text.length, 0);
  // A share each, so that no one person can use up the session's debate.
  if (byActor + text.length > debateMaxCharactersPerPerson) return refuse('rule_violation', 'debate_size', `one person writes at most ${debateMaxCharactersPerPerson} characters in a session's debate`);
  if (written + text.length > debateMaxCharacters) return refuse('rule_violation', 'debate_size', `the session's debate holds at most ${debateMaxCharacters} characters`);
  const posted = (item.debate ?? []).filter((m) => m.by === command.actor).length;
  if (posted >= state.rules.writtenSessions.messagesPerItem) {
    return refuse('rule_violation', 'messages_per_item', `${state.rules.writtenSessions.messagesPerItem} messages per person on one item`);
  }
  return accept([emit({ type: 'message_posted', itemId: item.id, text })]);
}

/** A voting member asks that the item go to a live sitting; with the rules' number of requests it leaves the window. */
export function requestReferral(ctx: DecisionContext<CommandOf<'refer_item'>>): Decision {
  const { state, command, emit } = ctx;
  const notOpen = windowOpenRefusal(ctx, 'refer an item to a live sitting');
  if (notOpen) return notOpen;
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (finishedItem(item)) return refuse('conflict', 'item_not_yet_decided', `item ${item.id} is already ${item.status}`);
  const substituteOf = state.members.find((m) => m.id === command.actor)?.substituteFor;
  if (!itemRoster(state, item).some((m) => m.id === command.actor || m.id === substituteOf)) {
    return refuse('forbidden', 'referral_by_voting_member', 'only a voting member of the item may refer it to a live sitting');
  }
  if (item.conflicts.includes(command.actor)) return refuse('forbidden', 'conflict_of_interest', 'a member with a conflict of interest takes no part in the item');
  const reason = command.reason.trim();
  if (!reason) return refuse('rule_violation', 'deferral_needs_reason', 'a referral states its reason');
  const requests = item.referralRequests ?? [];
  // One request per seat: a titular and their substitute ask once between them.
  const seatOf = (memberId: string) => state.members.find((m) => m.id === memberId)?.substituteFor ?? memberId;
  if (requests.some((r) => seatOf(r.memberId) === seatOf(command.actor))) return refuse('conflict', 'referral_requested_once', 'this seat has already asked for the item to be referred');
  const required = state.rules.writtenSessions.referralRequests;
  const requested = emit({ type: 'referral_requested', itemId: item.id, memberId: command.actor, reason, requests: requests.length + 1, required });
  if (requests.length + 1 < required) return accept([requested]);
  const reasons = [...requests.map((r) => r.reason), reason].join(' ; ');
  return accept([requested, deferral(ctx, item, 'referral', reasons, 'system')]);
}

/** The secretary extends the window once, with a reason, before it closes. */
export function extendWindow(ctx: DecisionContext<CommandOf<'extend_window'>>): Decision {
  const { state, command, now, emit } = ctx;
  if (state.mode !== 'written') return refuse('conflict', 'written_session_only', 'only a written session has a window to extend');
  const wrongPhase = phaseRefusal(state, ['convened', 'deliberating'], 'extend the window');
  if (wrongPhase) return wrongPhase;
  const window = windowOf(state);
  if (now >= Date.parse(window.closesAt)) return refuse('conflict', 'written_window_open', `the window closed at ${window.closesAt}`);
  if (window.extension) return refuse('conflict', 'window_extended_once', `the window was already extended, to ${window.extension.to}`);
  const reason = command.reason.trim();
  if (!reason) return refuse('rule_violation', 'extension_needs_reason', 'an extension states its reason');
  const to = new Date(command.closesAt);
  const problem = firstProblem('rule_violation', windowExtensionProblems(new Date(window.closesAt), to, state.rules));
  if (problem) return { refusal: problem };
  return accept([emit({ type: 'window_extended', from: window.closesAt, to: to.toISOString(), reason })]);
}

/** A conflict of interest in a written session: declared before the member votes on the item. */
export function declareWrittenConflict({ state, command, emit }: DecisionContext<CommandOf<'declare_conflict'>>): Decision {
  const wrongPhase = phaseRefusal(state, beforeClosing, 'declare a conflict of interest');
  if (wrongPhase) return wrongPhase;
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (!state.members.some((m) => m.id === command.memberId)) return refuse('not_found', 'member_convened', `member ${command.memberId} is not convened to this session`);
  if (finishedItem(item)) return refuse('conflict', 'item_not_yet_decided', `item ${item.id} is already ${item.status}`);
  if (item.votes[command.memberId] || Object.values(item.votes).some((v) => v.castBy === command.memberId)) {
    return refuse('conflict', 'conflict_before_vote', 'a conflict of interest is declared before the member votes on the item');
  }
  if (item.conflicts.includes(command.memberId)) return refuse('conflict', 'conflict_declared_once', 'this conflict is already recorded');
  const quorum = writtenItemParticipation(state, { ...item, conflicts: [...item.conflicts, command.memberId] });
  return accept([emit({ type: 'conflict_declared', itemId: item.id, memberId: command.memberId, quorum })]);
}

/** The members to remind: for each item put to the vote, the seats without a ballot (their proxy holder where they gave one). */
export function votersToRemind(state: SessionState): string[] {
  const ids = new Set<string>();
  for (const item of state.agenda.filter((i) => i.status === 'voting')) {
    for (const seat of seatsWithoutBallot(state, item)) ids.add(state.proxies[seat.id] ?? seat.id);
  }
  return state.members.filter((m) => ids.has(m.id) && isDeliberative(m.role)).map((m) => m.id);
}

export function recordVotersReminded({ state, command, emit }: DecisionContext<CommandOf<'record_voters_reminded'>>): Decision {
  const window = state.window;
  if (state.mode !== 'written' || !window || state.phase !== 'deliberating') return nothing;
  if (window.reminders.some((r) => r.hoursBefore === command.hoursBefore && r.closesAt === command.closesAt)) return nothing;
  return accept([emit({ type: 'voters_reminded', hoursBefore: command.hoursBefore, closesAt: command.closesAt, memberIds: command.memberIds, emailed: command.emailed })]);
}
