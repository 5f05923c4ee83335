// What the state awaits from the world: the side effects to run (convene, meet, draft, notify,
// offer) and the timers to wait for. Derived from the state alone, so a reaction interrupted by a
// crash or a new run is simply asked for again; each one's result comes back as a command.
import { gracePeriodEnd, reminderTimes, type MinutesSigner } from '../rules/index.ts';
import { votersToRemind } from './decide-written.ts';
import { missingSigners } from './decide-minutes.ts';
import type { SessionMode, VideoProvider } from './phases-and-modes.ts';
import { minutesFacts, type MinutesFacts } from '../minutes.ts';
import { convenedMembers } from './seats.ts';
import type { AgendaItemState, PublishedItem, SessionInput, SessionState } from './state.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** The members to send a version of the agenda to, with what the convocation states. */
export interface ConvocationRequest {
  sessionId: string;
  committeeId: string;
  sequence: number;
  memberIds: string[];
  agenda: PublishedItem[];
  scheduledStart: string;
  mode: SessionMode;
  videoProvider: VideoProvider;
  place?: string | undefined;
  timeZone: string;
  noticePeriodDays: number;
  urgencyReason?: string | undefined;
  /** When this version of the agenda was published (absent in histories recorded before it was handed over). */
  publishedAt?: string | undefined;
  /** A change to a published agenda: the reason, which the new convocation states. */
  amendmentReason?: string | undefined;
  /** A written session: when its window closes (it opens at `scheduledStart`). */
  closesAt?: string | undefined;
}

/** Members who have not voted on every item put to them, reminded before a written session's close. */
export interface VotersReminder {
  sessionId: string;
  committeeId: string;
  hoursBefore: number;
  closesAt: string;
  timeZone: string;
  memberIds: string[];
}

export interface CancellationNotice {
  sessionId: string;
  committeeId: string;
  scheduledStart: string;
  reason: string;
  memberIds: string[];
  /** The version of the invitation the members were sent: the cancellation follows it. */
  sequence: number;
}

/** The signers still missing, and what to tell them: for reminders and escalation to ops. */
export interface SignatureReminder {
  sessionId: string;
  committeeId: string;
  version: number;
  sha256: string;
  missing: MinutesSigner[];
  /** 1 for the first reminder; 0 for the escalation. */
  reminder: number;
  draftedAt: string;
}

/** Who is told of the signed minutes: every examined applicant, and the prefect. */
export interface ApplicantNotice {
  sessionId: string;
  committeeId: string;
  minutesVersion: number;
  minutesSha256: string;
  /** The PDF bearing every signature (absent when the signatures were not made in the PDF). */
  signedPdfSha256?: string | undefined;
  responseDays: number;
  timeZone: string;
  /** The workflow's time: the notification date, unless a retry finds letters already stored. */
  at: string;
  /** The day the committee sat (its opening), which the letters state. */
  sittingDate: string;
  items: Array<Pick<AgendaItemState, 'id' | 'kind' | 'dwellingId' | 'status' | 'candidates' | 'decisions' | 'deferral'>>;
}

/** Each attributed dwelling, offered down its ranking from the notification. */
export interface OfferPlan {
  notifiedAt: string;
  responseDays: number;
  timeZone: string;
  items: Array<{ agendaItemId: string; dwellingId: string; candidates: Array<{ applicationId: string; rank: number }> }>;
}

/** The session row of a session reconvened after a carence, and the input its workflow starts with. */
export interface ReconvenedSession {
  sessionId: string;
  committeeId: string;
  reconvenedFrom: string;
  rulesVersion: number;
  /** The wanted start; the activity takes the first hour the committee has free from it. */
  scheduledStart: string;
  mode: SessionMode;
}

export type Reaction = { notBefore?: number | undefined } & (
  | { type: 'convene'; request: ConvocationRequest }
  | { type: 'end_grace_period' }
  | { type: 'reconvene'; session: ReconvenedSession; input: SessionInput }
  | { type: 'close_meeting' }
  | { type: 'reconcile_attendance' }
  | { type: 'draft_minutes'; facts: MinutesFacts }
  | { type: 'remind_signers'; reminder: SignatureReminder }
  | { type: 'escalate_unsigned_minutes'; reminder: SignatureReminder }
  | { type: 'notify_applicants'; notice: ApplicantNotice }
  | { type: 'start_offers'; plan: OfferPlan }
  | { type: 'notify_cancellation'; notice: CancellationNotice }
  | { type: 'open_window' }
  | { type: 'close_window' }
  | { type: 'remind_voters'; reminder: VotersReminder }
);

function convocations(state: SessionState): Reaction[] {
  const published = state.published;
  if (state.phase !== 'convened' || !published) return [];
  const waiting = convenedMembers(state).filter((m) => (state.convocations[m.id]?.sequence ?? 0) < published.sequence);
  if (waiting.length === 0) return [];
  const failures = waiting.map((m) => state.convocations[m.id]?.failure);
  // Members never tried go at once; when every one waiting has failed, at the first retry due.
  const notBefore = failures.every((f) => f !== undefined) ? Math.min(...failures.map((f) => Date.parse(f!.retryAt))) : undefined;
  return [{
    type: 'convene',
    notBefore,
    request: {
      sessionId: state.sessionId, committeeId: state.committeeId, sequence: published.sequence, memberIds: waiting.map((m) => m.id),
      agenda: published.items, publishedAt: published.at, scheduledStart: state.scheduledStart, mode: state.mode, videoProvider: state.videoProvider,
      ...(state.place ? { place: state.place } : {}), timeZone: state.timeZone, noticePeriodDays: state.rules.noticePeriodDays,
      ...(published.urgencyReason ? { urgencyReason: published.urgencyReason } : {}),
      ...(state.window ? { closesAt: state.window.closesAt } : {}),
    },
  }];
}

/** A written session's timers: the opening, the reminders before the close, the close. */
function writtenWindow(state: SessionState): Reaction[] {
  const window = state.window;
  if (state.mode !== 'written' || !window) return [];
  if (state.phase === 'draft' || state.phase === 'convened') return [{ type: 'open_window', notBefore: Date.parse(window.opensAt) }];
  if (state.phase !== 'deliberating') return [];
  const closesAt = Date.parse(window.closesAt);
  // After an extension, only the reminders still to come before the new close.
  const from = window.extension && window.extension.at > (window.openedAt ?? window.opensAt) ? window.extension.at : window.openedAt ?? window.opensAt;
  const next = reminderTimes(new Date(from), new Date(closesAt), state.rules)
    .find((r) => !window.reminders.some((sent) => sent.hoursBefore === r.hoursBefore && sent.closesAt === window.closesAt));
  // The close first: when both are due (a worker that was down), no reminder follows the close.
  return [
    { type: 'close_window', notBefore: closesAt },
    ...(next
      ? [{
        type: 'remind_voters' as const, notBefore: next.at,
        reminder: { sessionId: state.sessionId, committeeId: state.committeeId, hoursBefore: next.hoursBefore, closesAt: window.closesAt, timeZone: state.timeZone, memberIds: votersToRemind(state) },
      }]
      : []),
  ];
}

function carence(state: SessionState): Reaction[] {
  if (state.mode !== 'written' && ['convened', 'open'].includes(state.phase) && !state.sitting.deliberationsStartedAt && !state.withoutQuorum) {
    return [{ type: 'end_grace_period', notBefore: gracePeriodEnd(new Date(state.scheduledStart), state.rules).getTime() }];
  }
  if (state.phase !== 'adjourned' || !state.adjournment || state.reconvenedAs) return [];
  const { adjournment } = state;
  const scheduledStart = new Date(Date.parse(state.scheduledStart) + state.rules.quorum.reconveneAfterDays * dayMs).toISOString();
  return [{
    type: 'reconvene',
    session: { sessionId: adjournment.reconvenedSessionId, committeeId: state.committeeId, reconvenedFrom: state.sessionId, rulesVersion: state.rulesVersion, scheduledStart, mode: state.mode },
    input: {
      sessionId: adjournment.reconvenedSessionId, committeeId: state.committeeId, rulesVersion: state.rulesVersion, rules: state.rules, members: state.members,
      scheduledStart, mode: state.mode, videoProvider: state.videoProvider, timeZone: state.timeZone, ...(state.place ? { place: state.place } : {}),
      reconvenedFrom: state.sessionId, agenda: adjournment.carried,
      // Reconvened for want of quorum, the committee may deliberate without it; never when members were not convened.
      withoutQuorum: adjournment.cause === 'no_quorum' && state.rules.quorum.reconvenedWithoutQuorum,
    },
  }];
}

function meeting(state: SessionState): Reaction[] {
  const m = state.meeting;
  if (state.videoProvider !== 'zoom' || !m || m.reconciledAt) return [];
  // The meeting ends with the session; its participant report completes the attendance.
  if (state.phase === 'closed') return [{ type: 'close_meeting' }];
  if (m.endedAt && ['convened', 'open', 'deliberating'].includes(state.phase)) return [{ type: 'reconcile_attendance' }];
  return [];
}

function minutes(state: SessionState): Reaction[] {
  const awaitingReport = state.videoProvider === 'zoom' && state.meeting !== undefined && !state.meeting.reconciledAt;
  if (state.phase === 'closed' && !state.minutes && !awaitingReport) return [{ type: 'draft_minutes', facts: minutesFacts(state, 1) }];
  const current = state.minutes;
  if (!current) return [];
  if (current.redrafting) return [{ type: 'draft_minutes', facts: minutesFacts(state, current.version + 1) }];
  if (state.phase !== 'minutes_drafted') return [];
  const drafted = Date.parse(current.firstDraftedAt);
  const { reminders, escalated } = state.signatureChase;
  const nextReminder = drafted + (reminders + 1) * state.rules.signatureReminderDays * dayMs;
  const escalation = drafted + state.rules.signatureEscalationDays * dayMs;
  const reminder = (n: number): SignatureReminder => ({
    sessionId: state.sessionId, committeeId: state.committeeId, version: current.version, sha256: current.sha256, missing: missingSigners(state),
    reminder: n, draftedAt: current.firstDraftedAt,
  });
  if (!escalated && escalation <= nextReminder) return [{ type: 'escalate_unsigned_minutes', notBefore: escalation, reminder: reminder(0) }];
  return [{ type: 'remind_signers', notBefore: nextReminder, reminder: reminder(reminders + 1) }];
}

function afterSignature(state: SessionState): Reaction[] {
  if (state.phase === 'signed' && !state.notifiedAt) {
    const minutesState = state.minutes!;
    return [{
      type: 'notify_applicants',
      notice: {
        sessionId: state.sessionId, committeeId: state.committeeId, minutesVersion: minutesState.version, minutesSha256: minutesState.sha256,
        ...(minutesState.pdfHead ? { signedPdfSha256: minutesState.pdfHead } : {}),
        responseDays: state.rules.offerResponseDays, timeZone: state.timeZone, at: state.lastProgressAt,
        // A written session decides at the close of its window; a live one on the day it sat.
        sittingDate: state.window?.closedAt ?? state.sitting.openedAt ?? state.scheduledStart,
        items: state.agenda.map((i) => ({ id: i.id, kind: i.kind, dwellingId: i.dwellingId, status: i.status, candidates: i.candidates, decisions: i.decisions, deferral: i.deferral })),
      },
    }];
  }
  if (state.phase !== 'notified' || !state.notifiedAt || state.offersStarted) return [];
  const items = state.agenda
    .filter((item) => item.kind === 'allocation' && item.status === 'decided')
    .map((item) => ({
      agendaItemId: item.id,
      dwellingId: item.dwellingId,
      candidates: item.decisions
        .filter((d) => d.type === 'attribution' || d.type === 'ranked_attribution' || d.type === 'conditional_attribution')
        .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
        .map((d, index) => ({ applicationId: d.applicationId, rank: d.rank ?? index + 1 })),
    }))
    .filter((item) => item.candidates.length > 0);
  return [{ type: 'start_offers', plan: { notifiedAt: state.notifiedAt, responseDays: state.rules.offerResponseDays, timeZone: state.timeZone, items } }];
}

function cancellation(state: SessionState): Reaction[] {
  const c = state.cancellation;
  if (state.phase !== 'cancelled' || !c || c.notified || !state.published) return [];
  const memberIds = convenedMembers(state).map((m) => m.id);
  return [{ type: 'notify_cancellation', notice: { sessionId: state.sessionId, committeeId: state.committeeId, scheduledStart: state.scheduledStart, reason: c.reason, memberIds, sequence: state.published.sequence } }];
}

/** Everything the state awaits, in the order to run it; `notBefore` marks a timer. */
export function reactions(state: SessionState): Reaction[] {
  return [...convocations(state), ...writtenWindow(state), ...carence(state), ...meeting(state), ...minutes(state), ...afterSignature(state), ...cancellation(state)];
}

/** Whether the session has nothing left to do: completed, reconvened after a carence, or cancelled and its members told. */
export function isOver(state: SessionState): boolean {
  if (state.phase === 'completed') return true;
  if (state.phase === 'adjourned') return state.reconvenedAs !== undefined;
  if (state.phase === 'cancelled') return !state.published || state.cancellation?.notified === true;
  return false;
}
