// The session decider: what a command causes, by the law and the committee's rules, or why not.
// Pure and deterministic: the same state, command and time give the same events.
import type { SessionCommand } from './commands.ts';
import {
  addAgendaItem, cancelSession, publishAgenda, recordCancellationNotified, recordConvocationDelivery, recordConvocations,
  removeAgendaItem, startSession,
} from './decide-agenda.ts';
import {
  amendMinutes, recordApplicantsNotified, recordMinutesDrafted, recordOffersStarted, recordSignatureReminder, recordSignaturesEscalated, signMinutes,
} from './decide-minutes.ts';
import {
  closeSession, declareConflict, endGracePeriod, mapParticipant, openSession, recordAttendance, recordAttendanceReport, recordMeetingEvent,
  recordReconvened, registerProxy, revokeProxy,
} from './decide-sitting.ts';
import { castVote, closeVote, deferItem, openVote, referItem } from './decide-votes.ts';
import {
  beforeTheWindow, castWrittenVote, closeWindow, inTheWindow, closeWrittenSession, declareWrittenConflict, extendWindow, liveOnly, openWindow, postMessage, proposeInWriting,
  recordVotersReminded, requestReferral, writtenOnly,
} from './decide-written.ts';
import { contextOf, nothing, refuse, type Decision, type DecisionContext } from './decision.ts';
import { finishedPhases } from './phases-and-modes.ts';
import type { SessionState } from './state.ts';

type Deciders = { [T in SessionCommand['type']]: (ctx: DecisionContext<Extract<SessionCommand, { type: T }>>) => Decision };

const deciders: Deciders = {
  start_session: startSession,
  add_agenda_item: addAgendaItem,
  remove_agenda_item: removeAgendaItem,
  publish_agenda: publishAgenda,
  record_convocation_delivery: recordConvocationDelivery,
  cancel_session: cancelSession,
  register_proxy: registerProxy,
  revoke_proxy: revokeProxy,
  declare_conflict: declareConflict,
  open_session: openSession,
  record_attendance: recordAttendance,
  map_participant: mapParticipant,
  record_meeting_event: recordMeetingEvent,
  open_vote: openVote,
  cast_vote: castVote,
  close_vote: closeVote,
  refer_item: referItem,
  defer_item: deferItem,
  close_session: closeSession,
  sign_minutes: signMinutes,
  amend_minutes: amendMinutes,
  record_convocations: recordConvocations,
  end_grace_period: endGracePeriod,
  record_reconvened: recordReconvened,
  record_attendance_report: recordAttendanceReport,
  record_minutes_drafted: recordMinutesDrafted,
  record_signature_reminder: recordSignatureReminder,
  record_signatures_escalated: recordSignaturesEscalated,
  record_applicants_notified: recordApplicantsNotified,
  record_offers_started: recordOffersStarted,
  record_cancellation_notified: recordCancellationNotified,
  post_message: writtenOnly('hold a written debate'),
  extend_window: extendWindow,
  open_window: openWindow,
  close_window: closeWindow,
  record_voters_reminded: recordVotersReminded,
};

/** A written session's own way with the commands that a live sitting handles otherwise. */
const writtenDeciders: Partial<Deciders> = {
  open_session: liveOnly('open by hand'),
  end_grace_period: () => nothing,
  add_agenda_item: beforeTheWindow(addAgendaItem),
  remove_agenda_item: beforeTheWindow(removeAgendaItem),
  defer_item: inTheWindow(deferItem, 'defer an item'),
  record_attendance: liveOnly('record attendance'),
  map_participant: liveOnly('have a meeting'),
  close_vote: liveOnly('close a vote by hand'),
  open_vote: proposeInWriting,
  cast_vote: castWrittenVote,
  refer_item: requestReferral,
  declare_conflict: declareWrittenConflict,
  close_session: closeWrittenSession,
  post_message: postMessage,
};

/** Commands people send (updates); the others are the workflow's own reports and timers. */
const peoplesCommands: ReadonlySet<SessionCommand['type']> = new Set([
  'add_agenda_item', 'remove_agenda_item', 'publish_agenda', 'record_convocation_delivery', 'cancel_session', 'register_proxy', 'revoke_proxy',
  'declare_conflict', 'open_session', 'record_attendance', 'map_participant', 'open_vote', 'cast_vote', 'close_vote', 'refer_item', 'defer_item',
  'close_session', 'sign_minutes', 'amend_minutes', 'post_message', 'extend_window',
]);

export function isPeoplesCommand(type: SessionCommand['type']): boolean {
  return peoplesCommands.has(type);
}

/** The events `command` causes at `now` (ms since the epoch, workflow time), or the refusal naming its rule. */
export function decide(state: SessionState, command: SessionCommand, now: number): Decision {
  if (peoplesCommands.has(command.type) && finishedPhases.has(state.phase)) {
    return refuse('conflict', 'session_finished', `the session is ${state.phase} and accepts no more changes`);
  }
  const decider = ((state.mode === 'written' ? writtenDeciders[command.type] : undefined) ?? deciders[command.type]) as (ctx: DecisionContext) => Decision;
  return decider(contextOf(state, command, now));
}
