// The committee session workflow: a durable shell around the session decider. Updates and
// signals become commands; `decide` accepts or refuses them, `evolve` applies their events, and
// the loop runs what the state awaits (`reactions`): side effects as activities, whose results
// come back as commands, and timers. Every event is stored, in order, by an idempotent activity.
// No rule of the law lives here.
import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { SessionActivities } from '../activities/session-activities.ts';
import {
  decide,
  evolve,
  initialState,
  isOver,
  itemQuorum,
  reactions,
  systemActor,
  type Decision,
  type Reaction,
  type SessionCommand,
  type SessionEvent,
  type SessionInput,
  type SessionState,
} from '../domain/session/index.ts';
import { countVotes } from '../domain/rules/index.ts';
import { eventOf } from '../domain/session/events.ts';
import { offerWorkflowId, sessionWorkflowId } from './ids.ts';
import { currentRequestTrace, inTraceOf, type TraceCarrier } from './request-trace.ts';
import { offerWorkflow } from './offer.ts';
import { refusalFailure, unchangedFailure } from './refusals.ts';
import { committeeIdKey, lastProgressKey, scheduledStartKey, sessionPhaseKey } from './search-attributes.ts';
import * as m from './session-messages.ts';
import { stepsDue, storeStepsBy } from './step-batching.ts';

// Persistence must eventually succeed: retry without limit, and let ops see the retries.
const store = proxyActivities<SessionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Convening renders and mails each member's convocation: minutes when hundreds of sessions are
// convened at once, so the activity says it is alive after each member instead of being given
// up (and started again from the top) after a fixed time.
const convening = proxyActivities<SessionActivities>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Zoom's participant report comes some time after the meeting ends, and never for a meeting
// that did not take place: retry for about half an hour, then do without it.
const meetingReport = proxyActivities<SessionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

type Command<T extends SessionCommand['type']> = Extract<SessionCommand, { type: T }>;
type Args<C> = Omit<C, 'type'>;

/** What a run of the session hands to the next one when it continues as new. */
export interface CarriedSession {
  state: SessionState;
  /** Events applied but not yet stored. */
  pending: SessionEvent[];
  /** The ids of the keyed updates applied lately: a request retried after the hand-over applies once. */
  appliedUpdateIds: string[];
}

// Temporal refuses any update past 2,000 in one run: a run hands over well before, whatever the
// number of ballots, attendances or retries people send.
const updatesPerRun = 1_000;
const appliedUpdateIdsKept = 1_000;

export async function sessionWorkflow(input: SessionInput, carried?: CarriedSession): Promise<SessionState> {
  let state = carried?.state ?? initialState(input);
  const pending: SessionEvent[] = [...(carried?.pending ?? [])];
  const appliedUpdateIds = [...(carried?.appliedUpdateIds ?? [])];
  const applied = new Set(appliedUpdateIds);
  let updatesApplied = 0;

  /** Keyed ids (an Idempotency-Key's) only: the SDK's random ids are never sent twice. */
  function rememberUpdate(): void {
    updatesApplied += 1;
    const id = currentUpdateInfo()?.id;
    if (!id?.includes(':') || applied.has(id)) return;
    applied.add(id);
    appliedUpdateIds.push(id);
    if (appliedUpdateIds.length > appliedUpdateIdsKept) applied.delete(appliedUpdateIds.shift()!);
  }

  // With tracing on: the requests whose steps wait to be stored (their traces get the store's span),
  // and the last request that changed the state (its trace gets the side effect that follows).
  const pendingTraces = new Map<string, TraceCarrier>();
  let causeTrace: TraceCarrier | undefined;

  function apply(events: readonly SessionEvent[]): void {
    const phase = state.phase;
    const trace = currentRequestTrace();
    if (trace && events.length > 0) {
      pendingTraces.set(trace.traceparent!, trace);
      causeTrace = trace;
    }
    for (const event of events) {
      state = evolve(state, event);
      pending.push(event);
    }
    if (state.phase !== phase) upsertSearchAttributes([{ key: sessionPhaseKey, value: state.phase }, { key: lastProgressKey, value: new Date() }]);
  }

  /** The workflow's own commands (results and timers) are never refused; a refusal changes nothing. */
  function run(command: SessionCommand): void {
    apply(decide(state, command, Date.now()).events ?? []);
  }

  // The validator's decision, which the handler that follows it in the same activation reuses.
  let validated: { state: SessionState; args: unknown; now: number; decision: Decision } | undefined;

  /** An update: its validator decides without changing anything, its handler applies the events. */
  function handle<T extends SessionCommand['type'], Ret>(
    definition: UpdateDefinition<Ret, [Args<Command<T>>]>, type: T, answer: (events: SessionEvent[], args: Args<Command<T>>) => Ret,
  ): void {
    const decision = (args: Args<Command<T>>): Decision => {
      const now = Date.now();
      if (validated?.state === state && validated.args === args && validated.now === now) return validated.decision;
      validated = { state, args, now, decision: decide(state, { ...args, type } as SessionCommand, now) };
      return validated.decision;
    };
    setHandler(definition, (args: Args<Command<T>>) => {
      const { events, refusal } = decision(args);
      if (refusal) throw refusalFailure(refusal);
      apply(events);
      rememberUpdate();
      return answer(events, args);
    }, {
      // A command that would change nothing (the same ballot again, a request retried after a
      // hand-over) is answered without becoming an update: no history, no count against the limit.
      validator: (args: Args<Command<T>>) => {
        const id = currentUpdateInfo()?.id;
        if (id && applied.has(id)) throw unchangedFailure(answer([], args));
        const { events, refusal } = decision(args);
        if (refusal) throw refusalFailure(refusal);
        if (events.length === 0) throw unchangedFailure(answer([], args));
      },
    });
  }

  const item = (itemId: string) => state.agenda.find((i) => i.id === itemId)!;
  handle(m.addAgendaItem, 'add_agenda_item', (_, a) => item(a.itemId));
  handle(m.removeAgendaItem, 'remove_agenda_item', () => undefined);
  handle(m.publishAgenda, 'publish_agenda', () => state.phase);
  handle(m.recordConvocationDelivery, 'record_convocation_delivery', (_, a) => state.convocations[a.memberId]!);
  handle(m.cancelSession, 'cancel_session', () => state.phase);
  handle(m.registerProxy, 'register_proxy', () => state.proxies);
  handle(m.revokeProxy, 'revoke_proxy', () => state.proxies);
  handle(m.declareConflict, 'declare_conflict', (events, a) => eventOf(events, 'conflict_declared')?.quorum ?? itemQuorum(state, item(a.itemId)));
  handle(m.openSession, 'open_session', () => state.phase);
  handle(m.recordAttendance, 'record_attendance', () => state.quorum);
  handle(m.mapParticipant, 'map_participant', () => state.quorum);
  handle(m.openVote, 'open_vote', (events, a) => {
    const opened = eventOf(events, 'vote_opened');
    return opened ? { quorum: opened.quorum, warnings: opened.warnings } : { quorum: state.openVote?.quorum ?? itemQuorum(state, item(a.itemId)), warnings: [] };
  });
  handle(m.castVote, 'cast_vote', (_, a) => state.openVote?.counts ?? countVotes(Object.values(item(a.itemId).votes).map((v) => v.choice)));
  handle(m.closeVote, 'close_vote', (events, a) => eventOf(events, 'vote_closed')?.result ?? item(a.itemId).results.at(-1)!);
  handle(m.referItem, 'refer_item', (_, a) => item(a.itemId));
  handle(m.deferItem, 'defer_item', (_, a) => item(a.itemId));
  handle(m.closeSession, 'close_session', () => state.phase);
  handle(m.signMinutes, 'sign_minutes', () => state.phase);
  // A request retried after a hand-over is answered with the message it posted then: the poster's last on the item.
  handle(m.postMessage, 'post_message', (events, a) => {
    const debate = item(a.itemId).debate ?? [];
    const posted = eventOf(events, 'message_posted');
    return (posted ? debate.find((d) => d.seq === posted.seq) : debate.filter((d) => d.by === a.actor).at(-1))!;
  });
  handle(m.extendWindow, 'extend_window', () => state.window!);
  // An amendment is drafted into a new version by the main loop; the update answers with it.
  setHandler(m.amendMinutes, async (args) => {
    const { events, refusal } = decide(state, { ...args, type: 'amend_minutes' }, Date.now());
    if (refusal) throw refusalFailure(refusal);
    apply(events);
    const version = eventOf(events, 'minutes_amendment_requested')!.version;
    await condition(() => (state.minutes?.version ?? 0) >= version);
    return state.minutes!;
  }, {
    validator: (args) => {
      const { refusal } = decide(state, { ...args, type: 'amend_minutes' }, Date.now());
      if (refusal) throw refusalFailure(refusal);
    },
  });
  setHandler(m.zoomEvent, (event) => run({ type: 'record_meeting_event', actor: 'zoom', event }));
  setHandler(m.getSessionState, () => state);

  async function storePending(): Promise<void> {
    if (pending.length === 0) return;
    const traces = [...pendingTraces.values()];
    pendingTraces.clear();
    const events = pending.splice(0);
    await (traces.length > 0
      ? store.recordSessionEvents(input.sessionId, input.committeeId, events, traces)
      : store.recordSessionEvents(input.sessionId, input.committeeId, events));
  }

  /** Runs one reaction; its result is the command that records it. */
  async function perform(reaction: Reaction): Promise<SessionCommand> {
    const by = { actor: systemActor };
    switch (reaction.type) {
      case 'convene':
        return { type: 'record_convocations', ...by, ...(await convening.conveneMembers(reaction.request)) };
      case 'end_grace_period':
        return { type: 'end_grace_period', ...by, reconvenedSessionId: uuid4(), carriedItemIds: state.agenda.map(() => uuid4()) };
      case 'reconvene': {
        const { scheduledStart } = await store.createReconvenedSession(reaction.session);
        await startChild(sessionWorkflow, {
          workflowId: sessionWorkflowId(reaction.session.sessionId),
          args: [{ ...reaction.input, scheduledStart }],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          typedSearchAttributes: [
            { key: committeeIdKey, value: input.committeeId },
            { key: sessionPhaseKey, value: 'convened' },
            { key: scheduledStartKey, value: new Date(scheduledStart) },
            { key: lastProgressKey, value: new Date() },
          ],
        });
        return { type: 'record_reconvened', ...by, scheduledStart };
      }
      case 'close_meeting':
        await store.endMeeting(input.sessionId);
        return reconcile();
      case 'reconcile_attendance':
        return reconcile();
      case 'draft_minutes':
        return { type: 'record_minutes_drafted', ...by, ...(await store.draftMinutes(reaction.facts)) };
      case 'remind_signers':
        return { type: 'record_signature_reminder', ...by, reminder: reaction.reminder.reminder, emailed: await store.remindSigners(reaction.reminder) };
      case 'escalate_unsigned_minutes':
        return { type: 'record_signatures_escalated', ...by, escalatedTo: await store.escalateUnsignedMinutes(reaction.reminder) };
      case 'notify_applicants':
        return { type: 'record_applicants_notified', ...by, ...(await store.notifyApplicants(reaction.notice)) };
      case 'start_offers': {
        const { plan } = reaction;
        for (const offer of plan.items) {
          await startChild(offerWorkflow, {
            workflowId: offerWorkflowId(input.sessionId, offer.agendaItemId),
            args: [{ sessionId: input.sessionId, committeeId: input.committeeId, ...offer, notifiedAt: plan.notifiedAt, responseDays: plan.responseDays, timeZone: plan.timeZone }],
            parentClosePolicy: ParentClosePolicy.ABANDON,
          });
        }
        return { type: 'record_offers_started', ...by, items: plan.items.map((i) => i.agendaItemId) };
      }
      case 'notify_cancellation':
        return { type: 'record_cancellation_notified', ...by, ...(await store.notifyCancellation(reaction.notice)) };
      case 'open_window':
        return { type: 'open_window', ...by };
      case 'close_window':
        return { type: 'close_window', ...by };
      case 'remind_voters': {
        const { reminder } = reaction;
        const emailed = reminder.memberIds.length > 0 ? await store.remindWrittenVoters(reminder) : 0;
        return { type: 'record_voters_reminded', ...by, hoursBefore: reminder.hoursBefore, closesAt: reminder.closesAt, memberIds: reminder.memberIds, emailed };
      }
    }
  }

  async function reconcile(): Promise<SessionCommand> {
    try {
      return { type: 'record_attendance_report', actor: systemActor, report: await meetingReport.reconcileAttendance(input.sessionId) };
    } catch (error) {
      return { type: 'record_attendance_report', actor: systemActor, failure: error instanceof Error ? error.message : String(error) };
    }
  }

  if (!carried) run({ type: 'start_session', actor: systemActor, agenda: input.agenda, ...(input.referred ? { referred: input.referred } : {}) });
  // The run before this one has finished: its whole history is kept, while this one goes on.
  const previousRun = workflowInfo().continuedFromExecutionRunId;
  const previousArchived = carried && previousRun ? store.archiveHistory(input.sessionId, previousRun) : undefined;
  let previousKept = previousArchived === undefined;
  void previousArchived?.then(() => { previousKept = true; });
  upsertSearchAttributes([{ key: sessionPhaseKey, value: state.phase }, { key: lastProgressKey, value: new Date() }]);

  /**
   * Whether this run should hand over now: Temporal suggests it (history length or size, updates)
   * or this run took its share of updates; and the run before it is kept, so that none is lost.
   */
  const handOverDue = () => (workflowInfo().continueAsNewSuggested || updatesApplied >= updatesPerRun) && allHandlersFinished() && previousKept;

  // What the loop would do now, recomputed only when the state changed: a ballot that changes
  // nothing of it wakes no one and arms no new timer.
  let planned: { state: SessionState; awaited: Reaction[] } | undefined;
  const awaitedNow = () => {
    if (planned?.state !== state) planned = { state, awaited: reactions(state) };
    return planned.awaited;
  };
  const planOf = () => {
    const awaited = awaitedNow();
    const due = awaited.some((r) => r.notBefore === undefined || r.notBefore <= Date.now());
    const storeBy = storeStepsBy(pending);
    const wakeAt = Math.min(...awaited.map((r) => r.notBefore ?? Infinity), typeof storeBy === 'number' ? storeBy : Infinity);
    return { key: `${due}|${isOver(state)}|${storeBy}|${wakeAt}|${handOverDue()}`, wakeAt };
  };

  for (;;) {
    const due = awaitedNow().find((r) => r.notBefore === undefined || r.notBefore <= Date.now());
    if (due) {
      // What a side effect reads must already be stored (the minutes' rows before their signatures).
      await storePending();
      run(await inTraceOf(causeTrace, () => perform(due)));
      continue;
    }
    if (isOver(state)) break;
    if (stepsDue(pending, Date.now())) {
      await storePending();
      continue;
    }
    // At once, whatever arrives: the state is a plain value, and the next run starts from it (with
    // the steps not yet stored, a bounded batch), under the same input.
    if (handOverDue()) return continueAsNew<typeof sessionWorkflow>(input, { state, pending, appliedUpdateIds });
    const { key, wakeAt } = planOf();
    if (wakeAt === Infinity) await condition(() => planOf().key !== key);
    else await condition(() => planOf().key !== key, Math.max(1, wakeAt - Date.now()));
  }
  await condition(allHandlersFinished);
  await storePending();
  await previousArchived;
  await store.archiveHistory(input.sessionId);
  return state;
}
