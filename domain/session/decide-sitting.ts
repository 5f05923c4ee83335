// The sitting: proxies, conflicts of interest, the opening at the convened time with every member
// convened, attendance (by hand and from the meeting), the start of deliberations with quorum, the
// carence at the end of the grace period, and the closing.
import { gracePeriodEnd, isDeliberative, openingTimeProblems, proxyProblems } from '../rules/index.ts';
import type { CommandOf } from './commands.ts';
import { unconvenedMembers } from './convocation-status.ts';
import {
  accept, beforeClosing, findItem, finishedItem, isDecision, nothing, phaseRefusal, refuse, sittingPhases,
  type Decision, type DecisionContext,
} from './decision.ts';
import type { SessionEvent } from './events.ts';
import { evolve, evolveAll } from './evolve.ts';
import { firstProblem } from './refusal.ts';
import { itemQuorum, presenceFromMeeting, sessionQuorum } from './seats.ts';
import type { AgendaItemState, AttendanceHow, SessionState } from './state.ts';

/** The start of deliberations, when the state after `events` is open with quorum for the first time. */
function deliberationsIfReached(ctx: DecisionContext, events: SessionEvent[]): SessionEvent[] {
  const after = evolveAll(ctx.state, events);
  if (after.phase !== 'open' || after.sitting.deliberationsStartedAt) return events;
  const quorum = sessionQuorum(after);
  if (!quorum.reached) return events;
  return [...events, ctx.emit({ type: 'deliberations_started', phase: 'deliberating', quorum }, 'system')];
}

/** Each change of presence with the quorum it leaves, in order. */
function attendancePlan(from: SessionState, changes: ReadonlyMap<string, boolean>, how: AttendanceHow, at: string) {
  let state = from;
  return [...changes].map(([memberId, present]) => {
    state = { ...state, attendance: { ...state.attendance, [memberId]: { present, since: at, how } } };
    return { type: 'attendance_recorded' as const, memberId, present, how, quorum: sessionQuorum(state) };
  });
}

/** One attendance event per member whose presence changes. */
function attendanceEvents(ctx: DecisionContext, from: SessionState, changes: ReadonlyMap<string, boolean>, how: AttendanceHow, actor: string): SessionEvent[] {
  return attendancePlan(from, changes, how, ctx.at).map((body) => ctx.emit(body, actor));
}

export function registerProxy(ctx: DecisionContext<CommandOf<'register_proxy'>>): Decision {
  const { state, command, emit } = ctx;
  const wrongPhase = phaseRefusal(state, beforeClosing, 'register a proxy');
  if (wrongPhase) return wrongPhase;
  const problem = firstProblem('rule_violation', proxyProblems(
    state.members, new Map(Object.entries(state.proxies)), command.principalId, command.holderId, state.rules.proxiesPerHolder, (m) => isDeliberative(m.role),
  ));
  if (problem) return { refusal: problem };
  const quorum = sessionQuorum({ ...state, proxies: { ...state.proxies, [command.principalId]: command.holderId } });
  return accept(deliberationsIfReached(ctx, [emit({ type: 'proxy_registered', principalId: command.principalId, holderId: command.holderId, quorum })]));
}

export function revokeProxy({ state, command, emit }: DecisionContext<CommandOf<'revoke_proxy'>>): Decision {
  const wrongPhase = phaseRefusal(state, beforeClosing, 'revoke a proxy');
  if (wrongPhase) return wrongPhase;
  const holderId = state.proxies[command.principalId];
  if (holderId === undefined) return refuse('not_found', 'proxy_exists', 'this member has given no proxy');
  const proxies = { ...state.proxies };
  delete proxies[command.principalId];
  return accept([emit({ type: 'proxy_revoked', principalId: command.principalId, holderId, quorum: sessionQuorum({ ...state, proxies }) })]);
}

export function declareConflict({ state, command, emit }: DecisionContext<CommandOf<'declare_conflict'>>): Decision {
  const wrongPhase = phaseRefusal(state, beforeClosing, 'declare a conflict of interest');
  if (wrongPhase) return wrongPhase;
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (!state.members.some((m) => m.id === command.memberId)) return refuse('not_found', 'member_convened', `member ${command.memberId} is not convened to this session`);
  if (item.status !== 'pending') return refuse('conflict', 'conflict_before_vote', 'a conflict of interest is declared before the vote on the item opens');
  if (item.conflicts.includes(command.memberId)) return refuse('conflict', 'conflict_declared_once', 'this conflict is already recorded');
  const quorum = itemQuorum(state, { place: item.place, conflicts: [...item.conflicts, command.memberId] });
  return accept([emit({ type: 'conflict_declared', itemId: item.id, memberId: command.memberId, quorum })]);
}

export function openSession(ctx: DecisionContext<CommandOf<'open_session'>>): Decision {
  const { state, command, now, emit } = ctx;
  const wrongPhase = phaseRefusal(state, ['convened'], 'open the session');
  if (wrongPhase) return wrongPhase;
  if (state.mode !== 'in_person' && !state.rules.remoteSessionsAllowed) {
    return refuse('rule_violation', 'remote_sessions_allowed', 'the committee\'s internal rules do not provide for remote sessions');
  }
  const early = firstProblem('rule_violation', openingTimeProblems(new Date(now), new Date(state.scheduledStart), state.rules));
  if (early) return { refusal: early };
  if (!state.withoutQuorum && now >= gracePeriodEnd(new Date(state.scheduledStart), state.rules).getTime()) {
    return refuse('rule_violation', 'sitting_within_grace_period', `the sitting opens within ${state.rules.quorum.gracePeriodMinutes} minutes of its convened time; after that the session is adjourned for want of quorum`);
  }
  const unconvened = unconvenedMembers(state);
  const reason = command.unconvenedReason?.trim();
  if (unconvened.length > 0) {
    const problems = unconvened.map((u) => ({
      field: u.memberId, rule: u.status === 'late' ? 'notice_period' : 'members_convened',
      message: u.status === 'late' ? `member ${u.memberId} was convened after the notice period began` : `member ${u.memberId} has not received their convocation`,
    }));
    if (!state.rules.unconvenedOpeningAllowed) {
      return refuse('rule_violation', 'members_convened', `${unconvened.length} member(s) are not lawfully convened: send their convocation again or record its delivery`, problems);
    }
    if (!reason) return refuse('rule_violation', 'unconvened_opening_needs_reason', `${unconvened.length} member(s) are not lawfully convened: the opening states why it goes ahead`, problems);
  }
  const opened = emit({
    type: 'session_opened', phase: 'open', quorum: sessionQuorum(state),
    ...(unconvened.length > 0 ? { unconvened: { memberIds: unconvened.map((u) => u.memberId), reason: reason! } } : {}),
  });
  return accept(deliberationsIfReached(ctx, [opened]));
}

export function recordAttendance(ctx: DecisionContext<CommandOf<'record_attendance'>>): Decision {
  const { state, command } = ctx;
  const wrongPhase = phaseRefusal(state, sittingPhases, 'record attendance');
  if (wrongPhase) return wrongPhase;
  if (!state.members.some((m) => m.id === command.memberId)) return refuse('not_found', 'member_convened', `member ${command.memberId} is not convened to this session`);
  const current = state.attendance[command.memberId];
  // The same attendance again changes nothing (a repeated request is not a second arrival).
  if (current && current.present === command.present && current.how === 'manual') return nothing;
  if (!current && !command.present) return nothing;
  return accept(deliberationsIfReached(ctx, attendanceEvents(ctx, state, new Map([[command.memberId, command.present]]), 'manual', command.actor)));
}

/** The meeting's events, at least once and in any order: each applied once, by Zoom's own times. */
export function recordMeetingEvent(ctx: DecisionContext<CommandOf<'record_meeting_event'>>): Decision {
  const { state, command, emit } = ctx;
  if (state.videoProvider !== 'zoom' || state.meetingEventKeys[command.event.key]) return nothing;
  const recorded = emit({ type: 'meeting_event', event: command.event });
  if (!sittingPhases.includes(state.phase)) return accept([recorded]);
  const after = evolve(state, recorded);
  return accept(deliberationsIfReached(ctx, [recorded, ...attendanceEvents(ctx, after, presenceFromMeeting(after), 'zoom', command.actor)]));
}

export function mapParticipant(ctx: DecisionContext<CommandOf<'map_participant'>>): Decision {
  const { state, command, emit } = ctx;
  const wrongPhase = phaseRefusal(state, sittingPhases, 'match a meeting participant to a member');
  if (wrongPhase) return wrongPhase;
  if (!state.members.some((m) => m.id === command.memberId)) return refuse('not_found', 'member_convened', `member ${command.memberId} is not convened to this session`);
  const participant = state.participants.find((p) => p.key === command.participantKey);
  if (!participant) return refuse('not_found', 'participant_in_meeting', `no one joined the meeting as ${command.participantKey}`);
  if (participant.memberId) return refuse('conflict', 'participant_unmatched', 'this participant is already recognised as a member');
  const mapping: SessionState = {
    ...state,
    participantMappings: { ...state.participantMappings, [command.participantKey]: command.memberId },
    participants: state.participants.map((p) => (p.key === command.participantKey ? { ...p, memberId: command.memberId } : p)),
  };
  const plan = attendancePlan(mapping, presenceFromMeeting(mapping), 'zoom', ctx.at);
  const quorum = plan.at(-1)?.quorum ?? sessionQuorum(mapping);
  // The mapping is recorded first: attendance follows from it.
  const mapped = emit({ type: 'participant_mapped', participantKey: command.participantKey, memberId: command.memberId, quorum });
  return accept(deliberationsIfReached(ctx, [mapped, ...plan.map((body) => emit(body))]));
}

/** The meeting's participant report, which replaces what its deliveries said. */
export function recordAttendanceReport(ctx: DecisionContext<CommandOf<'record_attendance_report'>>): Decision {
  const { state, command, emit } = ctx;
  if (!state.meeting || state.meeting.reconciledAt) return nothing;
  if (!command.report) return accept([emit({ type: 'attendance_not_reconciled', reason: command.failure ?? 'no participant report from the video provider' })]);
  const reported: SessionState = { ...state, participants: command.report };
  const changes = sittingPhases.includes(state.phase) ? presenceFromMeeting(reported) : new Map<string, boolean>();
  const plan = attendancePlan(reported, changes, 'zoom', ctx.at);
  const quorum = plan.at(-1)?.quorum ?? sessionQuorum(reported);
  const attendance = plan.map((body) => emit(body, 'zoom-report'));
  return accept(deliberationsIfReached(ctx, [...attendance, emit({ type: 'attendance_reconciled', report: command.report, changed: [...changes.keys()], quorum })]));
}

/** The grace period after the convened time is over: without deliberations, a carence. */
export function endGracePeriod({ state, command, now, emit }: DecisionContext<CommandOf<'end_grace_period'>>): Decision {
  if (!['convened', 'open'].includes(state.phase) || state.sitting.deliberationsStartedAt || state.withoutQuorum) return nothing;
  if (now < gracePeriodEnd(new Date(state.scheduledStart), state.rules).getTime()) return nothing;
  const cause = state.phase === 'convened' && unconvenedMembers(state).length > 0 ? 'members_not_convened' : 'no_quorum';
  const undecided = state.agenda.filter((i) => !finishedItem(i));
  const carried = undecided.map((i, idx): AgendaItemState => ({
    id: command.carriedItemIds[idx] ?? i.id, kind: i.kind, position: idx + 1, dwellingId: i.dwellingId, place: i.place, candidates: i.candidates,
    ...(i.exception ? { exception: i.exception } : {}), status: 'pending', conflicts: [], votes: {}, results: [], decisions: [],
  }));
  return accept([emit({
    type: 'session_adjourned', phase: 'adjourned', cause, quorum: sessionQuorum(state), gracePeriodMinutes: state.rules.quorum.gracePeriodMinutes,
    reconvenedSessionId: command.reconvenedSessionId, carried,
  })]);
}

export function recordReconvened({ state, command, emit }: DecisionContext<CommandOf<'record_reconvened'>>): Decision {
  if (!state.adjournment || state.reconvenedAs) return nothing;
  return accept([emit({
    type: 'session_reconvened', reconvenedSessionId: state.adjournment.reconvenedSessionId, scheduledStart: command.scheduledStart,
    items: state.adjournment.carried.map((i) => i.id),
  })]);
}

export function closeSession({ state, emit }: DecisionContext<CommandOf<'close_session'>>): Decision {
  const wrongPhase = phaseRefusal(state, ['open', 'deliberating'], 'close the session');
  if (wrongPhase) return wrongPhase;
  if (state.openVote) return refuse('conflict', 'one_vote_at_a_time', `the vote on item ${state.openVote.itemId} is still open`);
  const undecided = state.agenda.filter((i) => !finishedItem(i));
  if (undecided.length > 0) {
    return refuse('rule_violation', 'every_item_decided_or_deferred', `${undecided.length} agenda item(s) are neither decided nor deferred`);
  }
  return accept([emit({ type: 'session_closed', phase: 'closed' })]);
}
