// Folds one event into the session's state. Nothing is decided here: every fact comes from the
// event (its time, the quorum it recorded, the result of a tally); only what follows from the
// fact alone is computed (the counts of the ballots cast so far).
import { applyParticipantEvent, closeOpenSessions, countVotes } from '../rules/index.ts';
import type { SessionEvent } from './events.ts';
import type { AgendaItemState, MemberConvocation, ParticipantSession, PublishedItem, SessionState } from './state.ts';

function withItem(state: SessionState, itemId: string, change: (item: AgendaItemState) => AgendaItemState): SessionState {
  return { ...state, agenda: state.agenda.map((i) => (i.id === itemId ? change(i) : i)) };
}

function withConvocation(state: SessionState, memberId: string, change: (c: MemberConvocation) => MemberConvocation): SessionState {
  const current = state.convocations[memberId] ?? { sequence: 0 };
  return { ...state, convocations: { ...state.convocations, [memberId]: change(current) } };
}

function withMappings(state: SessionState, sessions: ParticipantSession[]): ParticipantSession[] {
  return sessions.map((p) => {
    const memberId = state.participantMappings[p.key];
    return memberId && !p.memberId ? { ...p, memberId } : p;
  });
}

/** A written item's ballots are counted per seat and per person casting them: a proxy holder's changes of mind never use up the member's own. */
export const ballotKey = (seat: string, castBy: string) => `${seat}:${castBy}`;

function newItem(item: PublishedItem): AgendaItemState {
  return { ...item, status: 'pending', conflicts: [], votes: {}, results: [], decisions: [] };
}

export function evolve(state: SessionState, event: SessionEvent): SessionState {
  const s: SessionState = { ...state, seq: event.seq, lastProgressAt: event.at, ...('phase' in event ? { phase: event.phase } : {}) };
  switch (event.type) {
    case 'session_scheduled':
      return s;
    case 'agenda_item_added':
      return { ...s, agenda: [...s.agenda, newItem(event.item)] };
    case 'agenda_item_removed':
      return { ...s, agenda: s.agenda.filter((i) => i.id !== event.itemId).map((i, idx) => ({ ...i, position: idx + 1 })) };
    case 'agenda_published': {
      // A reconvened session is published at its start with the items it carries over.
      const agenda = s.agenda.length > 0 ? s.agenda : event.items.map(newItem);
      return { ...s, agenda, published: { sequence: event.sequence, at: event.at, items: event.items, urgencyReason: event.urgencyReason } };
    }
    case 'agenda_amended':
      return { ...s, published: { ...s.published!, sequence: event.sequence, items: event.items } };
    case 'convocations_sent': {
      let next: SessionState = event.meeting && !s.meeting ? { ...s, meeting: { id: event.meeting.id, uuid: event.meeting.uuid } } : s;
      for (const d of event.delivered) {
        next = withConvocation(next, d.memberId, (c) => ({
          ...c, sequence: Math.max(c.sequence, event.sequence), failure: undefined,
          ...(c.deliveredAt ? {} : { deliveredAt: d.at, channel: 'email' as const }),
        }));
      }
      for (const f of event.failed) {
        next = withConvocation(next, f.memberId, (c) => ({
          ...c, failure: { reason: f.reason, at: event.at, attempts: (c.failure?.attempts ?? 0) + 1, retryAt: f.retryAt },
        }));
      }
      return next;
    }
    case 'convocation_delivered':
      return withConvocation(s, event.memberId, (c) => ({
        ...c, deliveredAt: c.deliveredAt ?? event.deliveredAt, channel: c.channel ?? event.channel, recordedReason: event.reason,
        sequence: Math.max(c.sequence, s.published?.sequence ?? 0), failure: undefined,
      }));
    case 'session_cancelled':
      return { ...s, cancellation: { at: event.at, by: event.actor, reason: event.reason, notified: false } };
    case 'cancellation_sent':
      return { ...s, cancellation: { ...s.cancellation!, notified: true } };
    case 'proxy_registered':
      return { ...s, proxies: { ...s.proxies, [event.principalId]: event.holderId }, quorum: event.quorum };
    case 'proxy_revoked': {
      const proxies = { ...s.proxies };
      delete proxies[event.principalId];
      return { ...s, proxies, quorum: event.quorum };
    }
    case 'conflict_declared':
      return withItem(s, event.itemId, (i) => ({ ...i, conflicts: [...i.conflicts, event.memberId] }));
    case 'session_opened':
      return { ...s, quorum: event.quorum, sitting: { ...s.sitting, openedAt: event.at, ...(event.unconvened ? { unconvened: event.unconvened } : {}) } };
    case 'attendance_recorded':
      return {
        ...s,
        attendance: { ...s.attendance, [event.memberId]: { present: event.present, since: event.at, how: event.how } },
        attendanceLog: [...s.attendanceLog, { memberId: event.memberId, present: event.present, at: event.at, how: event.how }],
        quorum: event.quorum,
      };
    case 'deliberations_started':
      return { ...s, quorum: event.quorum, sitting: { ...s.sitting, deliberationsStartedAt: event.at, deliberationsQuorum: event.quorum } };
    case 'meeting_event': {
      const e = event.event;
      let next: SessionState = { ...s, meetingEventKeys: { ...s.meetingEventKeys, [e.key]: true } };
      if (e.kind === 'meeting_started' && next.meeting) next = { ...next, meeting: { ...next.meeting, startedAt: next.meeting.startedAt ?? e.at } };
      if (e.kind === 'meeting_ended' && next.meeting) {
        next = { ...next, meeting: { ...next.meeting, endedAt: next.meeting.endedAt ?? e.at }, participants: closeOpenSessions(next.participants, e.at) };
      }
      if ((e.kind === 'participant_joined' || e.kind === 'participant_left') && e.participantKey) {
        let participants = withMappings(next, applyParticipantEvent(next.participants, { kind: e.kind, participantKey: e.participantKey, at: e.at, memberId: e.memberId, guestName: e.guestName }));
        if (next.meeting?.endedAt) participants = closeOpenSessions(participants, next.meeting.endedAt);
        next = { ...next, participants };
      }
      return next;
    }
    case 'participant_mapped': {
      const next = { ...s, participantMappings: { ...s.participantMappings, [event.participantKey]: event.memberId }, quorum: event.quorum };
      return { ...next, participants: withMappings(next, next.participants) };
    }
    case 'attendance_reconciled':
      return { ...s, participants: withMappings(s, event.report), quorum: event.quorum, meeting: s.meeting ? { ...s.meeting, reconciledAt: event.at } : s.meeting };
    case 'attendance_not_reconciled':
      return { ...s, meeting: s.meeting ? { ...s.meeting, reconciledAt: event.at } : s.meeting };
    case 'vote_opened':
      // A written session's items are all put to the vote in the window, each on its own.
      if (s.mode === 'written') return withItem(s, event.itemId, (i) => ({ ...i, status: 'voting', proposal: event.proposal, proposedOpinion: event.opinion, votes: {}, ballots: {} }));
      return {
        ...withItem(s, event.itemId, (i) => ({ ...i, status: 'voting', proposal: event.proposal, proposedOpinion: event.opinion, votes: {} })),
        openVote: { itemId: event.itemId, openedAt: event.at, quorum: event.quorum, counts: { for: 0, against: 0, abstain: 0 }, votesCast: 0, ballots: {} },
      };
    case 'vote_cast': {
      const next = withItem(s, event.itemId, (i) => ({
        ...i, votes: { ...i.votes, [event.memberId]: { choice: event.choice, castBy: event.castBy, castAt: event.at } },
        ...(s.mode === 'written' ? { ballots: { ...i.ballots, [ballotKey(event.memberId, event.castBy)]: (i.ballots?.[ballotKey(event.memberId, event.castBy)] ?? 0) + 1 } } : {}),
      }));
      const votes = Object.values(next.agenda.find((i) => i.id === event.itemId)?.votes ?? {});
      const open = next.openVote;
      const ballots = { ...open?.ballots, [event.memberId]: (open?.ballots?.[event.memberId] ?? 0) + 1 };
      return { ...next, openVote: open && { ...open, counts: countVotes(votes.map((v) => v.choice)), votesCast: votes.length, ballots } };
    }
    case 'vote_closed':
      return {
        ...withItem(s, event.itemId, (i) => ({
          ...i,
          results: [...i.results, event.result],
          status: event.result.itemStatus === 'decided' ? 'decided' : 'pending',
          ...(event.result.itemStatus === 'decided' ? { decisions: event.decisions, opinion: event.opinion } : {}),
        })),
        openVote: undefined,
      };
    case 'item_deferred':
      return {
        ...withItem(s, event.itemId, (i) => ({
          ...i, status: 'deferred', decisions: event.decisions,
          deferral: { cause: event.cause, by: event.actor, ...(event.reason ? { reason: event.reason } : {}) },
        })),
        openVote: s.openVote?.itemId === event.itemId ? undefined : s.openVote,
      };
    case 'session_adjourned':
      return { ...s, adjournment: { at: event.at, cause: event.cause, reconvenedSessionId: event.reconvenedSessionId, carried: event.carried } };
    case 'session_reconvened':
      return { ...s, reconvenedAs: event.reconvenedSessionId };
    case 'session_closed':
      return { ...s, sitting: { ...s.sitting, closedAt: event.at } };
    case 'minutes_drafted':
      return { ...s, minutes: { status: 'drafted', version: event.version, sha256: event.sha256, firstDraftedAt: event.at, signatures: [] } };
    case 'minutes_amendment_requested': {
      const minutes = s.minutes!;
      return {
        ...s,
        minutes: { ...minutes, redrafting: true, amendments: [...(minutes.amendments ?? []), { version: event.version, at: event.at, by: event.actor, reason: event.reason, text: event.text }] },
      };
    }
    case 'minutes_amended':
      return { ...s, minutes: { ...s.minutes!, status: 'drafted', version: event.version, sha256: event.sha256, signatures: [], redrafting: false, pdfHead: undefined } };
    case 'minutes_signed': {
      const minutes = s.minutes!;
      const signatures = [...minutes.signatures, {
        memberId: event.memberId, role: event.role, signedAt: event.at,
        ...(event.keyFingerprint ? { keyFingerprint: event.keyFingerprint } : {}),
        ...(event.pdf ? { pdf: event.pdf } : {}),
      }];
      return {
        ...s,
        minutes: { ...minutes, signatures, status: event.phase === 'signed' ? 'signed' : minutes.status, ...(event.pdf ? { pdfHead: event.pdf.sha256 } : {}) },
      };
    }
    case 'signature_reminder_sent':
      return { ...s, signatureChase: { ...s.signatureChase, reminders: event.reminder } };
    case 'signatures_overdue':
      return { ...s, signatureChase: { ...s.signatureChase, escalated: true } };
    case 'applicants_notified':
      return { ...s, notifiedAt: event.notifiedAt };
    case 'offers_started':
      return { ...s, offersStarted: event.items };
    case 'session_completed':
      return s;
    case 'window_opened':
      return {
        ...s, window: { ...s.window!, openedAt: event.at, closesAt: event.closesAt },
        sitting: { ...s.sitting, openedAt: event.at, deliberationsStartedAt: event.at },
      };
    case 'message_posted':
      return withItem(s, event.itemId, (i) => ({ ...i, debate: [...(i.debate ?? []), { seq: event.seq, by: event.actor, at: event.at, text: event.text }] }));
    case 'referral_requested':
      return withItem(s, event.itemId, (i) => ({ ...i, referralRequests: [...(i.referralRequests ?? []), { memberId: event.memberId, at: event.at, reason: event.reason }] }));
    case 'window_extended':
      return { ...s, window: { ...s.window!, closesAt: event.to, extension: { from: event.from, to: event.to, reason: event.reason, by: event.actor, at: event.at } } };
    case 'voters_reminded':
      return {
        ...s,
        window: { ...s.window!, reminders: [...s.window!.reminders, { hoursBefore: event.hoursBefore, closesAt: event.closesAt, at: event.at, memberIds: event.memberIds, emailed: event.emailed }] },
      };
    case 'window_closed':
      return { ...s, window: { ...s.window!, closedAt: event.at, early: event.early } };
  }
}

/** The state after a sequence of events. */
export function evolveAll(state: SessionState, events: readonly SessionEvent[]): SessionState {
  return events.reduce(evolve, state);
}
