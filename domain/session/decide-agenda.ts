// The agenda and the convocation: items added and removed, the agenda published and amended, each
// member convened (by e-mail, or by hand with a reason), and a session cancelled before it sits.
import {
  agendaChangeProblems,
  agendaItemProblems,
  convocationProblems,
  convocationRetryDelayMs,
} from '../rules/index.ts';
import type { CommandOf } from './commands.ts';
import { accept, beforeClosing, findItem, isDecision, nothing, phaseRefusal, refuse, type Decision, type DecisionContext } from './decision.ts';
import { firstProblem } from './refusal.ts';
import { convenedMembers } from './seats.ts';
import type { AgendaItemState, PublishedItem, SessionState } from './state.ts';

export function publishedItem(i: PublishedItem): PublishedItem {
  return {
    id: i.id, kind: i.kind, position: i.position, dwellingId: i.dwellingId, place: i.place, candidates: i.candidates,
    ...(i.exception ? { exception: i.exception } : {}), ...(i.referredFrom ? { referredFrom: i.referredFrom } : {}),
  };
}

const isPublished = (state: SessionState) => state.published !== undefined;
const latest = (a: string | undefined, b: string) => (a !== undefined && a > b ? a : b);

export function startSession({ state, command, emit }: DecisionContext<CommandOf<'start_session'>>): Decision {
  if (state.seq > 0) return nothing;
  const scheduled = emit({ type: 'session_scheduled', phase: 'draft', scheduledStart: state.scheduledStart, mode: state.mode, reconvenedFrom: state.reconvenedFrom });
  // Items a written session referred to a live sitting open this one's draft agenda.
  const referred = (command.referred ?? []).map((item, index) => emit({
    type: 'agenda_item_added', item: { ...publishedItem(item), position: index + 1 }, reason: item.referredFrom?.reason, published: false,
  }));
  if (!command.agenda?.length) return accept([scheduled, ...referred]);
  return accept([scheduled, emit({ type: 'agenda_published', phase: 'convened', sequence: 1, items: command.agenda.map(publishedItem) })]);
}

export function addAgendaItem({ state, command, emit }: DecisionContext<CommandOf<'add_agenda_item'>>): Decision {
  const wrongPhase = phaseRefusal(state, beforeClosing, 'add an agenda item');
  if (wrongPhase) return wrongPhase;
  const change = firstProblem('rule_violation', agendaChangeProblems(isPublished(state), command.reason));
  if (change) return { refusal: change };
  if (state.agenda.some((i) => i.id === command.itemId)) return refuse('conflict', 'agenda_item_unique', `agenda item ${command.itemId} is already on the agenda`);
  if (state.agenda.some((i) => i.dwellingId === command.dwellingId && i.kind === command.kind)) {
    return refuse('conflict', 'dwelling_once_per_agenda', 'this dwelling is already on the agenda');
  }
  const ranks = command.candidates.map((c) => c.rank);
  const ids = command.candidates.map((c) => c.applicationId);
  if (new Set(ranks).size !== ranks.length || new Set(ids).size !== ids.length) {
    return refuse('rule_violation', 'candidates_distinct', 'each candidate appears once, with a rank of their own');
  }
  if (command.kind === 'occupancy_review') {
    if (command.candidates.length !== 1) return refuse('rule_violation', 'review_one_household', 'an occupancy review examines one tenant household');
  } else {
    const problem = firstProblem('rule_violation', agendaItemProblems(command.candidates.length, command.exception));
    if (problem) return { refusal: problem };
  }
  const item: PublishedItem = {
    id: command.itemId, kind: command.kind, position: state.agenda.length + 1, dwellingId: command.dwellingId, place: command.place,
    candidates: [...command.candidates].sort((a, b) => a.rank - b.rank), ...(command.exception ? { exception: command.exception } : {}),
  };
  const added = emit({ type: 'agenda_item_added', item, reason: command.reason, published: isPublished(state) });
  if (!state.published) return accept([added]);
  const items = [...state.agenda.map(publishedItem), item];
  return accept([added, emit({ type: 'agenda_amended', sequence: state.published.sequence + 1, items, reason: command.reason!.trim() })]);
}

export function removeAgendaItem({ state, command, emit }: DecisionContext<CommandOf<'remove_agenda_item'>>): Decision {
  const wrongPhase = phaseRefusal(state, beforeClosing, 'remove an agenda item');
  if (wrongPhase) return wrongPhase;
  const item = findItem(state, command.itemId);
  if (isDecision(item)) return item;
  if (item.status !== 'pending') return refuse('conflict', 'item_not_yet_examined', `item ${item.id} is already ${item.status}`);
  const change = firstProblem('rule_violation', agendaChangeProblems(isPublished(state), command.reason));
  if (change) return { refusal: change };
  const removed = emit({ type: 'agenda_item_removed', itemId: item.id, reason: command.reason, published: isPublished(state) });
  if (!state.published) return accept([removed]);
  const items = state.agenda.filter((i) => i.id !== item.id).map((i, idx) => ({ ...publishedItem(i), position: idx + 1 }));
  return accept([removed, emit({ type: 'agenda_amended', sequence: state.published.sequence + 1, items, reason: command.reason!.trim() })]);
}

export function publishAgenda({ state, command, now, emit }: DecisionContext<CommandOf<'publish_agenda'>>): Decision {
  const wrongPhase = phaseRefusal(state, ['draft'], 'publish the agenda');
  if (wrongPhase) return wrongPhase;
  if (state.agenda.length === 0) return refuse('rule_violation', 'agenda_not_empty', 'an agenda without items cannot be published');
  const start = new Date(state.scheduledStart);
  if (now >= start.getTime()) return refuse('rule_violation', 'convocation_before_sitting', 'the convened time has passed: schedule another session');
  // The notice is checked again at the opening against each member's actual delivery.
  const notice = firstProblem('rule_violation', convocationProblems(new Date(now), start, state.rules, command.urgencyReason));
  if (notice) return { refusal: notice };
  const urgencyReason = command.urgencyReason?.trim() || undefined;
  return accept([emit({ type: 'agenda_published', phase: 'convened', sequence: 1, items: state.agenda.map(publishedItem), urgencyReason })]);
}

/** The convocation activity's report: who received the agenda, who did not and when to try again. */
export function recordConvocations({ command, at, now, state, emit }: DecisionContext<CommandOf<'record_convocations'>>): Decision {
  const failed = command.failed.map((f) => {
    const attempts = (state.convocations[f.memberId]?.failure?.attempts ?? 0) + 1;
    return { ...f, retryAt: new Date(now + convocationRetryDelayMs(attempts)).toISOString() };
  });
  return accept([emit({
    type: 'convocations_sent', sequence: command.sequence, meeting: command.meeting,
    // Delivered between the publication and now, whatever the clock of the machine that sent it.
    delivered: command.delivered.map((d) => ({ memberId: d.memberId, at: latest(state.published?.at, d.at > at ? at : d.at) })), failed,
  })]);
}

export function recordConvocationDelivery({ state, command, now, emit }: DecisionContext<CommandOf<'record_convocation_delivery'>>): Decision {
  const wrongPhase = phaseRefusal(state, ['convened'], 'record the delivery of a convocation');
  if (wrongPhase) return wrongPhase;
  if (!convenedMembers(state).some((m) => m.id === command.memberId)) {
    return refuse('not_found', 'delivery_of_member', `member ${command.memberId} is not convened to this session`);
  }
  if (!command.reason.trim()) return refuse('rule_violation', 'delivery_needs_reason', 'a delivery recorded by hand states how and why');
  const deliveredAt = Date.parse(command.deliveredAt);
  if (Number.isNaN(deliveredAt) || deliveredAt > now || deliveredAt < Date.parse(state.published!.at)) {
    return refuse('rule_violation', 'delivery_not_in_future', 'a delivery is recorded once made: after the agenda was published and not later than now');
  }
  return accept([emit({ type: 'convocation_delivered', memberId: command.memberId, channel: command.channel, deliveredAt: new Date(deliveredAt).toISOString(), reason: command.reason.trim() })]);
}

export function cancelSession({ state, command, emit }: DecisionContext<CommandOf<'cancel_session'>>): Decision {
  const wrongPhase = phaseRefusal(state, ['draft', 'convened'], 'cancel the session');
  if (wrongPhase) return refuse('conflict', 'cancellation_before_opening', `a session is cancelled before it opens; it is ${state.phase}`);
  if (!command.reason.trim()) return refuse('rule_violation', 'cancellation_needs_reason', 'a cancellation states its reason');
  return accept([emit({ type: 'session_cancelled', phase: 'cancelled', reason: command.reason.trim() })]);
}

export function recordCancellationNotified({ state, command, emit }: DecisionContext<CommandOf<'record_cancellation_notified'>>): Decision {
  if (!state.cancellation || state.cancellation.notified) return nothing;
  return accept([emit({ type: 'cancellation_sent', emailed: command.emailed, failed: command.failed })]);
}
