// The committee session workflow: the source of truth for a session in progress. Handlers
// check and change state synchronously; every step they take is queued and persisted in order
// by the main loop (projection and audit event in one transaction), so a vote is acknowledged
// without waiting for the database, and nothing acknowledged is lost.
import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import type { SessionActivities } from '../activities/session-activities.ts';
import * as m from './messages.ts';
import type {
  AgendaItemState,
  SessionInput,
  SessionPhase,
  SessionState,
  SessionStep,
  VoteResult,
} from './messages.ts';
import { offerWorkflow } from './offer.ts';
import { offerWorkflowId } from './offer-messages.ts';
import * as patches from './patches.ts';
import { refuse } from './refusal.ts';
import {
  agendaChangeProblems,
  agendaItemProblems,
  applyParticipantEvent,
  closeOpenSessions,
  membersInMeeting,
  castingVoteSeat,
  completeRules,
  computeQuorum,
  convocationProblems,
  isDeliberative,
  occupiedSeats,
  opinionProblems,
  proposalProblems,
  proxyProblems,
  reasonsLookLikeACode,
  remoteParticipationReached,
  seatOccupant,
  sessionRoster,
  tallyVote,
  votingRoster,
  type QuorumSnapshot,
  type VoteChoice,
} from '../domain/rules/index.ts';
import { committeeIdKey, lastProgressKey, scheduledStartKey, sessionPhaseKey } from './search-attributes.ts';
import { stepsDue, storeStepsBy } from './step-batching.ts';

// Persistence must eventually succeed: retry without limit, and let ops see the retries.
const store = proxyActivities<SessionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Zoom's participant report comes some time after the meeting ends, and never for a meeting
// that did not take place: retry for about half an hour, then do without it.
const meetingReport = proxyActivities<SessionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

type StepBody = SessionStep extends infer S ? (S extends SessionStep ? Omit<S, 'seq' | 'at' | 'actor'> : never) : never;

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
const finishedItem = (i: AgendaItemState) => i.status === 'decided' || i.status === 'deferred';


function nowIso(): string {
  return new Date().toISOString();
}

export async function sessionWorkflow(input: SessionInput): Promise<SessionState> {
  // Sessions started before a rule was added carry rules without it: the legal default applies.
  const rules = completeRules(input.rules);
  const members = new Map(input.members.map((mb) => [mb.id, mb]));
  const chair = input.members.find((mb) => mb.chair);
  const state: SessionState = {
    sessionId: input.sessionId,
    committeeId: input.committeeId,
    rulesVersion: input.rulesVersion,
    mode: input.mode,
    videoProvider: input.videoProvider ?? 'manual',
    participants: [],
    participantMappings: {},
    phase: input.agenda ? 'convened' : 'draft',
    scheduledStart: input.scheduledStart,
    members: input.members,
    agenda: input.agenda ?? [],
    attendance: {},
    proxies: {},
    quorum: emptyQuorum(),
    withoutQuorum: input.withoutQuorum ?? false,
    reconvenedFrom: input.reconvenedFrom,
    lastProgressAt: nowIso(),
  };
  const pending: SessionStep[] = [];
  let seq = 0;
  let openingQuorum: QuorumSnapshot | undefined;
  let quorumReached = state.withoutQuorum;
  let closedAt = '';
  let convened = false;
  let reconcileNeeded = false;
  let minutesDraftedAt = 0;
  let remindersSent = 0;
  let escalated = false;
  const seenEvents = new Set<string>();

  function record(actor: string, body: StepBody): void {
    const at = nowIso();
    state.lastProgressAt = at;
    pending.push({ ...body, seq: ++seq, at, actor } as SessionStep);
  }

  function setPhase(phase: SessionPhase): void {
    state.phase = phase;
    upsertSearchAttributes([
      { key: sessionPhaseKey, value: phase },
      { key: lastProgressKey, value: new Date() },
    ]);
  }

  function present(): Set<string> {
    return new Set(Object.entries(state.attendance).filter(([, a]) => a.present).map(([id]) => id));
  }

  function quorumOver(roster: ReturnType<typeof votingRoster>, conflicts: ReadonlySet<string> = new Set()): QuorumSnapshot {
    const here = present();
    const seats = occupiedSeats(input.members, here, conflicts);
    return computeQuorum(roster, seats, new Map(Object.entries(state.proxies)), rules, state.withoutQuorum, here);
  }

  function sessionQuorum(): QuorumSnapshot {
    return quorumOver(sessionRoster(input.members));
  }

  function itemRoster(item: AgendaItemState) {
    return votingRoster(input.members, item.place, new Set(item.conflicts));
  }

  function itemQuorum(item: AgendaItemState): QuorumSnapshot {
    return quorumOver(itemRoster(item), new Set(item.conflicts));
  }

  function findItem(itemId: string): AgendaItemState {
    const item = state.agenda.find((i) => i.id === itemId);
    if (!item) refuse(m.refusalTypes.notFound, 'agenda_item_exists', `agenda item ${itemId} is not on this session's agenda`);
    return item;
  }

  function requirePhase(allowed: SessionPhase[], action: string): void {
    if (!allowed.includes(state.phase)) {
      refuse(m.refusalTypes.conflict, 'session_phase', `cannot ${action} while the session is ${state.phase} (allowed: ${allowed.join(', ')})`);
    }
  }

  function refreshQuorum(): void {
    state.quorum = sessionQuorum();
    if (state.phase === 'open' && state.quorum.reached) {
      quorumReached = true;
      setPhase('deliberating');
      record('system', { type: 'quorum_reached', phase: state.phase, quorum: state.quorum });
    }
  }

  function published(): boolean {
    return state.phase !== 'draft';
  }

  function publishedItem(i: AgendaItemState): m.PublishedItem {
    return { id: i.id, kind: i.kind, position: i.position, dwellingId: i.dwellingId, exception: i.exception, candidates: i.candidates };
  }

  function defer(item: AgendaItemState, actor: string, reason: string, referral: boolean): void {
    if (state.openVote?.itemId === item.id) state.openVote = undefined;
    item.status = 'deferred';
    item.deferral = { reason, by: actor, referral };
    item.decisions = item.kind === 'allocation'
      ? item.candidates.map((c) => ({ applicationId: c.applicationId, type: 'deferred', reasons: reason }))
      : [];
    record(actor, { type: 'item_deferred', itemId: item.id, reason, referral, decisions: item.decisions });
  }

  // --- agenda ---------------------------------------------------------------------------
  setHandler(m.addAgendaItem, (req: m.AddAgendaItem) => {
    const item: AgendaItemState = {
      id: req.itemId,
      kind: req.kind,
      position: state.agenda.length + 1,
      dwellingId: req.dwellingId,
      place: req.place,
      candidates: [...req.candidates].sort((a, b) => a.rank - b.rank),
      exception: req.exception,
      status: 'pending',
      conflicts: [],
      votes: {},
      results: [],
      decisions: [],
    };
    state.agenda.push(item);
    record(req.actor, { type: 'agenda_item_added', item: publishedItem(item), reason: req.reason, published: published() });
    return item;
  }, {
    validator: (req: m.AddAgendaItem) => {
      requirePhase(['draft', 'convened', 'open', 'deliberating'], 'add an agenda item');
      const change = agendaChangeProblems(published(), req.reason);
      if (change[0]) refuse(m.refusalTypes.ruleViolation, change[0].rule, change[0].message);
      if (state.agenda.some((i) => i.id === req.itemId)) {
        refuse(m.refusalTypes.conflict, 'agenda_item_unique', `agenda item ${req.itemId} is already on the agenda`);
      }
      if (state.agenda.some((i) => i.dwellingId === req.dwellingId && i.kind === req.kind)) {
        refuse(m.refusalTypes.conflict, 'dwelling_once_per_agenda', 'this dwelling is already on the agenda');
      }
      const ranks = req.candidates.map((c) => c.rank);
      const ids = req.candidates.map((c) => c.applicationId);
      if (new Set(ranks).size !== ranks.length || new Set(ids).size !== ids.length) {
        refuse(m.refusalTypes.ruleViolation, 'candidates_distinct', 'each candidate appears once, with a rank of their own');
      }
      if (req.kind === 'occupancy_review') {
        if (req.candidates.length !== 1) refuse(m.refusalTypes.ruleViolation, 'review_one_household', 'an occupancy review examines one tenant household');
        return;
      }
      const problems = agendaItemProblems(req.candidates.length, req.exception);
      if (problems[0]) refuse(m.refusalTypes.ruleViolation, problems[0].rule, problems[0].message, problems);
    },
  });

  setHandler(m.removeAgendaItem, (req: m.RemoveAgendaItem) => {
    state.agenda = state.agenda.filter((i) => i.id !== req.itemId);
    state.agenda.forEach((i, idx) => { i.position = idx + 1; });
    record(req.actor, { type: 'agenda_item_removed', itemId: req.itemId, reason: req.reason, published: published() });
  }, {
    validator: (req: m.RemoveAgendaItem) => {
      requirePhase(['draft', 'convened', 'open', 'deliberating'], 'remove an agenda item');
      const item = findItem(req.itemId);
      if (item.status !== 'pending') refuse(m.refusalTypes.conflict, 'item_not_yet_examined', `item ${item.id} is already ${item.status}`);
      const change = agendaChangeProblems(published(), req.reason);
      if (change[0]) refuse(m.refusalTypes.ruleViolation, change[0].rule, change[0].message);
    },
  });

  setHandler(m.publishAgenda, (req: m.PublishAgenda) => {
    setPhase('convened');
    record(req.actor, { type: 'agenda_published', phase: state.phase, items: state.agenda.map(publishedItem), urgencyReason: req.urgencyReason });
    return state.phase;
  }, {
    validator: (req: m.PublishAgenda) => {
      requirePhase(['draft'], 'publish the agenda');
      if (state.agenda.length === 0) refuse(m.refusalTypes.ruleViolation, 'agenda_not_empty', 'an agenda without items cannot be published');
      const problems = convocationProblems(new Date(), new Date(input.scheduledStart), rules, req.urgencyReason);
      if (problems[0]) refuse(m.refusalTypes.ruleViolation, problems[0].rule, problems[0].message);
    },
  });

  // --- proxies and conflicts --------------------------------------------------------------
  setHandler(m.registerProxy, (req: m.RegisterProxy) => {
    state.proxies[req.principalId] = req.holderId;
    record(req.actor, { type: 'proxy_registered', principalId: req.principalId, holderId: req.holderId });
    refreshQuorum();
    return state.proxies;
  }, {
    validator: (req: m.RegisterProxy) => {
      requirePhase(['draft', 'convened', 'open', 'deliberating'], 'register a proxy');
      const problems = proxyProblems(input.members, new Map(Object.entries(state.proxies)), req.principalId, req.holderId, rules.proxiesPerHolder, (mb) => isDeliberative(mb.role));
      if (problems[0]) refuse(m.refusalTypes.ruleViolation, problems[0].rule, problems[0].message);
    },
  });

  setHandler(m.revokeProxy, (req: m.RevokeProxy) => {
    const holderId = state.proxies[req.principalId]!;
    delete state.proxies[req.principalId];
    record(req.actor, { type: 'proxy_revoked', principalId: req.principalId, holderId });
    state.quorum = sessionQuorum();
    return state.proxies;
  }, {
    validator: (req: m.RevokeProxy) => {
      requirePhase(['draft', 'convened', 'open', 'deliberating'], 'revoke a proxy');
      if (state.proxies[req.principalId] === undefined) refuse(m.refusalTypes.notFound, 'proxy_exists', 'this member has given no proxy');
    },
  });

  setHandler(m.declareConflict, (req: m.DeclareConflict) => {
    const item = findItem(req.itemId);
    item.conflicts.push(req.memberId);
    record(req.actor, { type: 'conflict_declared', itemId: item.id, memberId: req.memberId });
    return itemQuorum(item);
  }, {
    validator: (req: m.DeclareConflict) => {
      requirePhase(['draft', 'convened', 'open', 'deliberating'], 'declare a conflict of interest');
      const item = findItem(req.itemId);
      if (!members.has(req.memberId)) refuse(m.refusalTypes.notFound, 'member_convened', `member ${req.memberId} is not convened to this session`);
      if (item.status !== 'pending') refuse(m.refusalTypes.conflict, 'conflict_before_vote', 'a conflict of interest is declared before the vote on the item opens');
      if (item.conflicts.includes(req.memberId)) refuse(m.refusalTypes.conflict, 'conflict_declared_once', 'this conflict is already recorded');
    },
  });

  // --- sitting ----------------------------------------------------------------------------
  setHandler(m.openSession, (req: m.ActorOnly) => {
    setPhase('open');
    state.quorum = sessionQuorum();
    openingQuorum = state.quorum;
    record(req.actor, { type: 'session_opened', phase: state.phase, quorum: state.quorum });
    refreshQuorum();
    return state.phase;
  }, {
    validator: (_req: m.ActorOnly) => {
      requirePhase(['convened'], 'open the session');
      if (input.mode !== 'in_person' && !rules.remoteSessionsAllowed) {
        refuse(m.refusalTypes.ruleViolation, 'remote_sessions_allowed', 'the committee\'s internal rules do not provide for remote sessions');
      }
    },
  });

  setHandler(m.recordAttendance, (req: m.RecordAttendance) => {
    state.attendance[req.memberId] = { present: req.present, since: nowIso(), how: 'manual' };
    state.quorum = sessionQuorum();
    record(req.actor, { type: 'attendance_recorded', memberId: req.memberId, present: req.present, quorum: state.quorum });
    refreshQuorum();
    return state.quorum;
  }, {
    validator: (req: m.RecordAttendance) => {
      requirePhase(['convened', 'open', 'deliberating'], 'record attendance');
      if (!members.has(req.memberId)) refuse(m.refusalTypes.notFound, 'member_convened', `member ${req.memberId} is not convened to this session`);
    },
  });

  // --- votes ------------------------------------------------------------------------------
  setHandler(m.openVote, (req: m.OpenVote) => {
    const item = findItem(req.itemId);
    const quorum = itemQuorum(item);
    const warnings = (req.proposal ?? [])
      .filter((d) => reasonsLookLikeACode(d.reasons))
      .map((d) => `the reasons for application ${d.applicationId} look like a code only ("${d.reasons}"): state the facts and the legal grounds`);
    item.status = 'voting';
    item.proposal = req.proposal;
    item.proposedOpinion = req.opinion;
    item.votes = {};
    state.openVote = { itemId: item.id, openedAt: nowIso(), quorum, counts: { for: 0, against: 0, abstain: 0 }, votesCast: 0 };
    record(req.actor, { type: 'vote_opened', itemId: item.id, quorum, proposal: req.proposal, opinion: req.opinion, warnings });
    return { quorum, warnings };
  }, {
    validator: (req: m.OpenVote) => {
      requirePhase(['deliberating'], 'open a vote');
      if (state.openVote) refuse(m.refusalTypes.conflict, 'one_vote_at_a_time', `the vote on item ${state.openVote.itemId} is still open`);
      const item = findItem(req.itemId);
      if (item.status !== 'pending') refuse(m.refusalTypes.conflict, 'item_not_yet_decided', `item ${item.id} is already ${item.status}`);
      const quorum = itemQuorum(item);
      if (!quorum.reached) {
        refuse(m.refusalTypes.ruleViolation, 'quorum_before_each_vote', `quorum is not reached for this item: ${quorum.present + quorum.represented} present or represented of ${quorum.rosterSize}, ${quorum.required} required`);
      }
      if (input.mode !== 'in_person' && !remoteParticipationReached(quorum, rules.remoteMinimumParticipation)) {
        refuse(m.refusalTypes.ruleViolation, 'remote_half_participation', `a remote deliberation needs ${Math.ceil(quorum.rosterSize * rules.remoteMinimumParticipation)} of the ${quorum.rosterSize} voting members taking part; ${quorum.present} do`);
      }
      if (item.kind === 'occupancy_review') {
        if (!req.opinion || req.proposal) refuse(m.refusalTypes.ruleViolation, 'review_gives_opinion', 'an occupancy review is voted on an opinion, not on allocation decisions');
        const problems = opinionProblems(req.opinion);
        if (problems[0]) refuse(m.refusalTypes.ruleViolation, problems[0].rule, problems[0].message, problems);
        return;
      }
      if (!req.proposal || req.opinion) refuse(m.refusalTypes.ruleViolation, 'allocation_gives_decisions', 'an allocation item is voted on a decision per candidate');
      const problems = proposalProblems(item.candidates.map((c) => c.applicationId), req.proposal);
      if (problems[0]) refuse(m.refusalTypes.ruleViolation, problems[0].rule, problems[0].message, problems);
    },
  });

  setHandler(m.castVote, (req: m.CastVote) => {
    const item = findItem(req.itemId);
    const earlier = item.votes[req.memberId];
    // A repeated request (the same vote again) changes nothing and records nothing.
    if (earlier?.choice === req.choice && earlier.castBy === req.actor) return state.openVote!.counts;
    item.votes[req.memberId] = { choice: req.choice, castBy: req.actor, castAt: nowIso() };
    const choices: VoteChoice[] = Object.values(item.votes).map((v) => v.choice);
    const counts = { for: 0, against: 0, abstain: 0 };
    for (const c of choices) counts[c]++;
    state.openVote = { ...state.openVote!, counts, votesCast: choices.length };
    record(req.actor, { type: 'vote_cast', itemId: item.id, memberId: req.memberId, castBy: req.actor, choice: req.choice });
    return counts;
  }, {
    validator: (req: m.CastVote) => {
      if (state.openVote?.itemId !== req.itemId) refuse(m.refusalTypes.conflict, 'vote_open', `no vote is open on item ${req.itemId}`);
      const item = findItem(req.itemId);
      if (!itemRoster(item).some((mb) => mb.id === req.memberId)) {
        refuse(m.refusalTypes.forbidden, 'voting_roster', 'this member does not vote on this item');
      }
      const here = present();
      if (!here.has(req.actor)) refuse(m.refusalTypes.forbidden, 'voter_present', 'only a member recorded as present may vote');
      const occupant = seatOccupant(input.members, req.memberId, here, new Set(item.conflicts));
      if (occupant === req.actor) return;
      if (occupant !== undefined) {
        refuse(m.refusalTypes.forbidden, 'vote_in_person_or_by_proxy', 'this seat is occupied by a member present, who votes for it');
      }
      if (state.proxies[req.memberId] !== req.actor) {
        refuse(m.refusalTypes.forbidden, 'vote_in_person_or_by_proxy', 'a member votes for themself, or for a principal whose proxy they hold');
      }
      if (item.conflicts.includes(req.actor)) refuse(m.refusalTypes.forbidden, 'conflict_of_interest', 'a member with a conflict of interest does not vote on the item');
    },
  });

  setHandler(m.closeVote, (req: m.CloseVote) => {
    const item = findItem(req.itemId);
    const quorum = itemQuorum(item);
    const votes = new Map(Object.entries(item.votes).map(([id, v]) => [id, v.choice] as const));
    const castingSeat = castingVoteSeat(input.members, item.place, item.votes, new Set(item.conflicts));
    const tally = tallyVote(votes, rules, quorum.present + quorum.represented, castingSeat);
    const isTie = tally.decidedBy === 'tie_without_mayor';
    const revote = isTie && rules.tieWithoutMayor === 'revote' && item.results.filter((r) => r.decidedBy === 'tie_without_mayor').length === 0;
    const itemStatus = tally.outcome === 'adopted' ? 'decided' : isTie && !revote ? 'deferred' : 'pending';
    const result: VoteResult = { ...tally, quorum, castingVoterId: tally.decidedBy === 'casting_vote_of_mayor' && castingSeat ? item.votes[castingSeat]?.castBy : undefined, itemStatus, closedAt: nowIso() };
    item.results.push(result);
    state.openVote = undefined;
    item.status = 'pending';
    if (itemStatus === 'decided') {
      item.status = 'decided';
      item.decisions = item.proposal ?? [];
      item.opinion = item.proposedOpinion;
    }
    record(req.actor, { type: 'vote_closed', itemId: item.id, result, votes: item.votes, decisions: item.status === 'decided' ? item.decisions : [], opinion: item.opinion });
    if (itemStatus === 'deferred') {
      // Reasons go into the French minutes and letters as they are written here.
      defer(item, 'system', 'partage égal des voix sans voix prépondérante du maire de la commune : le point est reporté à une séance ultérieure', false);
    }
    return result;
  }, {
    validator: (req: m.CloseVote) => {
      if (state.openVote?.itemId !== req.itemId) refuse(m.refusalTypes.conflict, 'vote_open', `no vote is open on item ${req.itemId}`);
    },
  });

  setHandler(m.referItem, (req: m.DeferItem) => {
    const item = findItem(req.itemId);
    defer(item, req.actor, `renvoi à une séance en présence physique à la demande d’un membre votant : ${req.reason}`, true);
    return item;
  }, {
    validator: (req: m.DeferItem) => {
      requirePhase(['convened', 'open', 'deliberating'], 'refer an item to an in-person session');
      const item = findItem(req.itemId);
      if (finishedItem(item)) refuse(m.refusalTypes.conflict, 'item_not_yet_decided', `item ${item.id} is already ${item.status}`);
      if (!itemRoster(item).some((mb) => mb.id === req.actor || members.get(req.actor)?.substituteFor === mb.id)) {
        refuse(m.refusalTypes.forbidden, 'referral_by_voting_member', 'only a voting member of the item may refer it to an in-person session');
      }
    },
  });

  setHandler(m.deferItem, (req: m.DeferItem) => {
    const item = findItem(req.itemId);
    defer(item, req.actor, req.reason, false);
    return item;
  }, {
    validator: (req: m.DeferItem) => {
      requirePhase(['convened', 'open', 'deliberating'], 'defer an item');
      const item = findItem(req.itemId);
      if (finishedItem(item)) refuse(m.refusalTypes.conflict, 'item_not_yet_decided', `item ${item.id} is already ${item.status}`);
      if (!req.reason.trim()) refuse(m.refusalTypes.ruleViolation, 'deferral_needs_reason', 'a deferral states its reason');
    },
  });

  // --- closing and minutes ----------------------------------------------------------------
  setHandler(m.closeSession, (req: m.ActorOnly) => {
    setPhase('closed');
    closedAt = nowIso();
    record(req.actor, { type: 'session_closed', phase: state.phase });
    return state.phase;
  }, {
    validator: (_req: m.ActorOnly) => {
      requirePhase(['open', 'deliberating'], 'close the session');
      if (state.openVote) refuse(m.refusalTypes.conflict, 'one_vote_at_a_time', `the vote on item ${state.openVote.itemId} is still open`);
      const undecided = state.agenda.filter((i) => !finishedItem(i));
      if (undecided.length > 0) {
        refuse(m.refusalTypes.ruleViolation, 'every_item_decided_or_deferred', `${undecided.length} agenda item(s) are neither decided nor deferred`);
      }
    },
  });

  setHandler(m.signMinutes, (req: m.SignMinutes) => {
    const minutes = state.minutes!;
    const role = signerRole(req);
    minutes.signatures.push({ memberId: req.actor, role, signedAt: nowIso(), keyFingerprint: req.keyFingerprint });
    const complete = rules.minutesSigners.every((role) => minutes.signatures.some((s) => s.role === role));
    if (complete) {
      minutes.status = 'signed';
      setPhase('signed');
    }
    record(req.actor, {
      type: 'minutes_signed', phase: state.phase, version: minutes.version, sha256: minutes.sha256, memberId: req.actor, role,
      ...(req.signature ? { signature: req.signature, keyFingerprint: req.keyFingerprint } : {}),
    });
    return state.phase;
  }, {
    validator: (req: m.SignMinutes) => {
      const role = signerRole(req);
      requirePhase(['minutes_drafted'], 'sign the minutes');
      if (!rules.minutesSigners.includes(role)) refuse(m.refusalTypes.forbidden, 'minutes_signers', `the committee's rules do not have the ${role} sign the minutes`);
      if (role === 'chair' && (chair === undefined || req.actor !== chair.id)) refuse(m.refusalTypes.forbidden, 'chair_signs_minutes', 'the minutes are signed by the chair of the committee');
      if (state.minutes?.redrafting) refuse(m.refusalTypes.conflict, 'sign_current_minutes', 'the minutes are being amended: sign the new version once it is drafted');
      if (req.sha256 !== state.minutes?.sha256) {
        refuse(m.refusalTypes.conflict, 'sign_current_minutes', `the signature is over another version of the minutes: the current one is version ${state.minutes?.version ?? 0}`);
      }
      if (state.minutes.signatures.some((s) => s.role === role)) refuse(m.refusalTypes.conflict, 'sign_once', `the minutes already bear the ${role}'s signature`);
    },
  });

  // An amendment is drafted into a new version by the main loop; the update answers with it.
  setHandler(m.amendMinutes, async (req: m.AmendMinutes) => {
    const minutes = state.minutes!;
    const previous = minutes.version;
    minutes.redrafting = true;
    minutes.amendments = [...(minutes.amendments ?? []), { version: previous + 1, at: nowIso(), by: req.actor, reason: req.reason.trim(), text: req.text.trim() }];
    await condition(() => state.minutes!.version > previous);
    return state.minutes!;
  }, {
    validator: (req: m.AmendMinutes) => {
      requirePhase(['minutes_drafted'], 'amend the minutes');
      if (state.minutes?.redrafting) refuse(m.refusalTypes.conflict, 'one_amendment_at_a_time', 'an amendment is being drafted: amend the new version once it is drafted');
      if (!req.reason.trim()) refuse(m.refusalTypes.ruleViolation, 'amendment_needs_reason', 'an amendment states its reason');
      if (!req.text.trim()) refuse(m.refusalTypes.ruleViolation, 'amendment_needs_text', 'an amendment states the correction it makes');
    },
  });

  // --- the meeting's events, relayed from Zoom's webhooks (at least once, in any order) ----------
  function setPresence(memberId: string, present: boolean, since: string, actor: string): void {
    const current = state.attendance[memberId];
    if (current?.present === present) return;
    state.attendance[memberId] = { present, since, how: 'zoom' };
    state.quorum = sessionQuorum();
    record(actor, { type: 'attendance_recorded', memberId, present, quorum: state.quorum, how: 'zoom' });
  }

  function attendanceFromMeeting(actor: string): string[] {
    const inMeeting = membersInMeeting(state.participants);
    const changed: string[] = [];
    for (const member of input.members) {
      const wasPresent = state.attendance[member.id]?.present ?? false;
      const zoomKnows = state.participants.some((p) => p.memberId === member.id);
      if (!zoomKnows && state.attendance[member.id]?.how === 'manual') continue;
      if (wasPresent !== inMeeting.has(member.id)) {
        setPresence(member.id, inMeeting.has(member.id), nowIso(), actor);
        changed.push(member.id);
      }
    }
    refreshQuorum();
    return changed;
  }

  setHandler(m.zoomEvent, (event: m.ZoomEvent) => {
    if (state.videoProvider !== 'zoom' || seenEvents.has(event.key)) return;
    seenEvents.add(event.key);
    record('zoom', { type: 'meeting_event', event });
    if (event.kind === 'meeting_started' && state.meeting) state.meeting.startedAt ??= event.at;
    if (event.kind === 'meeting_ended' && state.meeting) {
      state.meeting.endedAt ??= event.at;
      state.participants = closeOpenSessions(state.participants, event.at);
      reconcileNeeded = true;
    }
    if ((event.kind === 'participant_joined' || event.kind === 'participant_left') && event.participantKey) {
      state.participants = withMappings(applyParticipantEvent(state.participants, { kind: event.kind, participantKey: event.participantKey, at: event.at, memberId: event.memberId, guestName: event.guestName }));
      if (state.meeting?.endedAt) state.participants = closeOpenSessions(state.participants, state.meeting.endedAt);
    }
    if (['open', 'deliberating', 'convened'].includes(state.phase)) attendanceFromMeeting('zoom');
  });

  function withMappings(sessions: m.ParticipantSession[]): m.ParticipantSession[] {
    return sessions.map((p) => {
      const memberId = state.participantMappings[p.key];
      return memberId && !p.memberId ? { key: p.key, memberId, joinedAt: p.joinedAt, leftAt: p.leftAt } : p;
    });
  }

  setHandler(m.mapParticipant, (req: m.MapParticipant) => {
    state.participantMappings[req.participantKey] = req.memberId;
    state.participants = withMappings(state.participants);
    attendanceFromMeeting(req.actor);
    record(req.actor, { type: 'participant_mapped', participantKey: req.participantKey, memberId: req.memberId, quorum: state.quorum });
    return state.quorum;
  }, {
    validator: (req: m.MapParticipant) => {
      requirePhase(['convened', 'open', 'deliberating'], 'match a meeting participant to a member');
      if (!members.has(req.memberId)) refuse(m.refusalTypes.notFound, 'member_convened', `member ${req.memberId} is not convened to this session`);
      const participant = state.participants.find((p) => p.key === req.participantKey);
      if (!participant) refuse(m.refusalTypes.notFound, 'participant_in_meeting', `no one joined the meeting as ${req.participantKey}`);
      if (participant.memberId) refuse(m.refusalTypes.conflict, 'participant_unmatched', 'this participant is already recognised as a member');
    },
  });

  setHandler(m.getSessionState, () => state);

  // --- carence: no quorum within the grace period --------------------------------------------
  async function adjourn(): Promise<void> {
    setPhase('adjourned');
    record('system', { type: 'session_adjourned', phase: state.phase, quorum: sessionQuorum(), reason: `no quorum ${rules.quorum.gracePeriodMinutes} minutes after the scheduled start` });
    const reconvenedId = uuid4();
    const wantedStart = new Date(Date.parse(input.scheduledStart) + rules.quorum.reconveneAfterDays * dayMs).toISOString();
    const carried = state.agenda.filter((i) => !finishedItem(i)).map((i, idx): AgendaItemState => ({
      ...i, id: uuid4(), position: idx + 1, status: 'pending', conflicts: [], votes: {}, results: [], decisions: [], proposal: undefined, proposedOpinion: undefined,
    }));
    await store.recordSessionSteps(input.sessionId, input.committeeId, pending.splice(0));
    const created = await store.createReconvenedSession({ sessionId: reconvenedId, committeeId: input.committeeId, reconvenedFrom: input.sessionId, rulesVersion: input.rulesVersion, scheduledStart: wantedStart, mode: input.mode });
    // Earlier versions of the activity returned nothing: the wanted start was the start.
    const scheduledStart = created?.scheduledStart ?? wantedStart;
    await startChild(sessionWorkflow, {
      workflowId: `session-${reconvenedId}`,
      args: [{ ...input, sessionId: reconvenedId, scheduledStart, reconvenedFrom: input.sessionId, agenda: carried, withoutQuorum: rules.quorum.reconvenedWithoutQuorum }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: [
        { key: committeeIdKey, value: input.committeeId },
        { key: sessionPhaseKey, value: 'convened' },
        { key: scheduledStartKey, value: new Date(scheduledStart) },
        { key: lastProgressKey, value: new Date() },
      ],
    });
    state.reconvenedAs = reconvenedId;
    record('system', { type: 'session_reconvened', reconvenedSessionId: reconvenedId, scheduledStart, items: carried.map((i) => i.id) });
  }

  async function reconcile(): Promise<void> {
    if (!state.meeting) return;
    state.meeting.reconciledAt = nowIso();
    let report: m.ParticipantSession[] | undefined;
    try {
      report = await meetingReport.reconcileAttendance(input.sessionId);
    } catch (error) {
      record('system', { type: 'attendance_not_reconciled', reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!report) {
      record('system', { type: 'attendance_not_reconciled', reason: 'no participant report from the video provider' });
      return;
    }
    state.participants = withMappings(report);
    const changed = ['open', 'deliberating', 'convened'].includes(state.phase) ? attendanceFromMeeting('zoom-report') : [];
    record('system', { type: 'attendance_reconciled', participants: report.length, changed, quorum: state.quorum });
  }

  // --- after the signature: each attributed dwelling is offered down its ranking ------------
  async function startOffers(notifiedAt: string): Promise<void> {
    const attributed = state.agenda.filter((item) => item.kind === 'allocation' && item.status === 'decided');
    const started: string[] = [];
    for (const item of attributed) {
      const candidates = item.decisions
        .filter((d) => d.type === 'attribution' || d.type === 'ranked_attribution' || d.type === 'conditional_attribution')
        .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
        .map((d, index) => ({ applicationId: d.applicationId, rank: d.rank ?? index + 1 }));
      if (candidates.length === 0) continue;
      await startChild(offerWorkflow, {
        workflowId: offerWorkflowId(input.sessionId, item.id),
        args: [{ sessionId: input.sessionId, committeeId: input.committeeId, agendaItemId: item.id, dwellingId: item.dwellingId, candidates, notifiedAt, responseDays: rules.offerResponseDays, timeZone: input.timeZone ?? 'Europe/Paris' }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      started.push(item.id);
    }
    setPhase('notified');
    record('system', { type: 'offers_started', phase: state.phase, items: started });
  }

  // --- the minutes: drafting, and chasing the signers on durable timers ---------------------
  function minutesFacts(version: number, amendments?: m.MinutesAmendment[]): m.MinutesFacts {
    return {
      sessionId: input.sessionId,
      committeeId: input.committeeId,
      mode: input.mode,
      scheduledStart: input.scheduledStart,
      closedAt,
      members: input.members,
      attendance: state.attendance,
      proxies: state.proxies,
      openingQuorum,
      agenda: state.agenda,
      withoutQuorum: state.withoutQuorum,
      reconvenedFrom: input.reconvenedFrom,
      signers: rules.minutesSigners,
      videoProvider: state.videoProvider,
      participants: state.participants,
      ...(amendments ? { version, amendments } : {}),
    };
  }

  /** When the next reminder, or the escalation, is due: counted from the first draft. */
  function nextSignatureChase(): number {
    const nextReminder = minutesDraftedAt + (remindersSent + 1) * rules.signatureReminderDays * dayMs;
    const escalation = minutesDraftedAt + rules.signatureEscalationDays * dayMs;
    return escalated ? nextReminder : Math.min(nextReminder, escalation);
  }

  async function chaseSignatures(): Promise<void> {
    const minutes = state.minutes!;
    const missing = rules.minutesSigners.filter((role) => !minutes.signatures.some((s) => s.role === role));
    const reminder: m.SignatureReminder = {
      sessionId: input.sessionId, committeeId: input.committeeId, version: minutes.version, sha256: minutes.sha256,
      missing, reminder: 0, draftedAt: new Date(minutesDraftedAt).toISOString(),
    };
    if (!escalated && Date.now() >= minutesDraftedAt + rules.signatureEscalationDays * dayMs) {
      escalated = true;
      const sent = await store.escalateUnsignedMinutes(reminder);
      record('system', { type: 'signatures_overdue', version: minutes.version, missing, draftedAt: reminder.draftedAt, escalatedTo: sent });
      return;
    }
    remindersSent += 1;
    const sent = await store.remindSigners({ ...reminder, reminder: remindersSent });
    record('system', { type: 'signature_reminder_sent', version: minutes.version, missing, reminder: remindersSent, emailed: sent });
  }

  // --- once signed: every examined applicant and the prefect are told ----------------------
  async function notifyExaminedApplicants(): Promise<string> {
    await store.recordSessionSteps(input.sessionId, input.committeeId, pending.splice(0));
    const minutes = state.minutes!;
    const notice = await store.notifyApplicants({
      sessionId: input.sessionId, committeeId: input.committeeId, minutesVersion: minutes.version, minutesSha256: minutes.sha256,
      responseDays: rules.offerResponseDays, timeZone: input.timeZone ?? 'Europe/Paris', at: nowIso(),
      items: state.agenda.map((i) => ({ id: i.id, kind: i.kind, dwellingId: i.dwellingId, status: i.status, candidates: i.candidates, decisions: i.decisions, deferral: i.deferral })),
    });
    setPhase('notified');
    record('system', { type: 'applicants_notified', phase: state.phase, notifiedAt: notice.notifiedAt, letters: notice.letters, emailed: notice.emailed, minutesToPrefect: notice.minutesToPrefect });
    return notice.notifiedAt;
  }

  // --- main loop: persist steps in order, watch the grace period, draft the minutes, finish ---
  record('system', { type: 'session_scheduled', phase: state.phase, reconvenedFrom: input.reconvenedFrom });
  if (input.agenda) record('system', { type: 'agenda_published', phase: state.phase, items: state.agenda.map(publishedItem) });
  upsertSearchAttributes([{ key: sessionPhaseKey, value: state.phase }, { key: lastProgressKey, value: new Date() }]);
  const watchGracePeriod = patched(patches.quorumGracePeriod);
  const conveneOnPublish = patched(patches.convocations);
  const chaseSigners = patched(patches.signatureReminders);
  const notifyApplicants = patched(patches.applicantNotifications);
  const conveneAfterPublishing = patched(patches.conveneBeforeLaterSteps);
  const batchSteps = patched(patches.votesStoredInBatches);
  const graceDeadline = Date.parse(input.scheduledStart) + rules.quorum.gracePeriodMinutes * minuteMs;

  for (;;) {
    const awaitingQuorum = watchGracePeriod && !quorumReached && (state.phase === 'convened' || state.phase === 'open');
    const awaitingSignatures = chaseSigners && state.phase === 'minutes_drafted' && !state.minutes?.redrafting;
    const mustConvene = () => conveneOnPublish && !convened && published() && state.phase !== 'adjourned';
    const otherWork = () => mustConvene() || reconcileNeeded || (state.phase === 'closed' && !state.minutes) || state.phase === 'signed'
      || (awaitingQuorum && quorumReached) || state.minutes?.redrafting === true;
    let woke = true;
    let graceOver: boolean;
    let chaseDue: boolean;
    if (batchSteps) {
      // Wake for work, for steps due, or when a first waiting step sets the deadline to store by.
      const plannedStoreBy = storeStepsBy(pending);
      const ready = () => otherWork() || stepsDue(pending, Date.now()) || storeStepsBy(pending) !== plannedStoreBy;
      const chaseAt = awaitingSignatures ? nextSignatureChase() : Infinity;
      const wakeAt = Math.min(awaitingQuorum ? graceDeadline : Infinity, chaseAt, typeof plannedStoreBy === 'number' ? plannedStoreBy : Infinity);
      if (wakeAt === Infinity) await condition(ready);
      else woke = await condition(ready, Math.max(1, wakeAt - Date.now()));
      graceOver = !woke && awaitingQuorum && Date.now() >= graceDeadline;
      chaseDue = !woke && awaitingSignatures && state.phase === 'minutes_drafted' && Date.now() >= chaseAt;
      if (woke && !otherWork() && !stepsDue(pending, Date.now())) continue;
    } else {
      const ready = () => pending.length > 0 || otherWork();
      if (awaitingQuorum) woke = await condition(ready, Math.max(0, graceDeadline - Date.now()));
      else if (awaitingSignatures) woke = await condition(ready, Math.max(1, nextSignatureChase() - Date.now()));
      else await condition(ready);
      graceOver = !woke && awaitingQuorum;
      chaseDue = !woke && state.phase === 'minutes_drafted';
    }
    if (graceOver && !quorumReached) {
      await adjourn();
      break;
    }
    if (pending.length > 0) {
      await store.recordSessionSteps(input.sessionId, input.committeeId, pending.splice(0));
      // Steps arriving while they were stored must not hold back the convocations.
      if (!(conveneAfterPublishing && mustConvene())) continue;
    }
    if (mustConvene()) {
      convened = true;
      const result = await store.conveneMembers(input.sessionId);
      if (result.meeting) state.meeting = { ...result.meeting, ...state.meeting };
      record('system', { type: 'members_convened', meetingId: result.meeting?.id, convened: result.convened, emailed: result.emailed });
      continue;
    }
    if (reconcileNeeded) {
      reconcileNeeded = false;
      await reconcile();
      continue;
    }
    if (state.phase === 'closed' && state.videoProvider === 'zoom' && state.meeting && !state.meeting.reconciledAt) {
      // The meeting ends with the session; its participant report completes the attendance.
      await store.endMeeting(input.sessionId);
      await reconcile();
      continue;
    }
    if (state.phase === 'closed') {
      const drafted = await store.draftMinutes(minutesFacts(1));
      state.minutes = { status: 'drafted', version: drafted.version, sha256: drafted.sha256, signatures: [] };
      minutesDraftedAt = Date.now();
      setPhase('minutes_drafted');
      record('system', { type: 'minutes_drafted', phase: state.phase, version: drafted.version, sha256: drafted.sha256 });
      continue;
    }
    if (state.minutes?.redrafting) {
      const previousVersion = state.minutes.version;
      const amendments = state.minutes.amendments ?? [];
      const drafted = await store.draftMinutes(minutesFacts(previousVersion + 1, amendments));
      state.minutes = { status: 'drafted', version: drafted.version, sha256: drafted.sha256, signatures: [], amendments };
      record(amendments.at(-1)!.by, { type: 'minutes_amended', phase: state.phase, version: drafted.version, sha256: drafted.sha256, previousVersion, reason: amendments.at(-1)!.reason });
      continue;
    }
    if (chaseDue) {
      await chaseSignatures();
      continue;
    }
    if (state.phase === 'signed') {
      const notifiedAt = notifyApplicants ? await notifyExaminedApplicants() : nowIso();
      if (patched(patches.offers)) await startOffers(notifiedAt);
      setPhase('completed');
      record('system', { type: 'session_completed', phase: state.phase });
      break;
    }
  }
  await condition(allHandlersFinished);
  await store.recordSessionSteps(input.sessionId, input.committeeId, pending.splice(0));
  if (patched(patches.historyArchive)) await store.archiveHistory(input.sessionId);
  return state;
}

/** Signatures sent before signers had roles were the chair's. */
function signerRole(req: m.SignMinutes): m.SignMinutes['role'] {
  return req.role ?? 'chair';
}

function emptyQuorum(): QuorumSnapshot {
  return { rosterSize: 0, present: 0, represented: 0, required: 0, reached: false };
}

