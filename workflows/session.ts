// The committee session workflow: the source of truth for a session in progress. Handlers
// check and change state synchronously; every step they take is queued and persisted in order
// by the main loop (projection and audit event in one transaction), so a vote is acknowledged
// without waiting for the database, and nothing acknowledged is lost.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { SessionActivities } from '../activities/session-activities.ts';
import * as m from './messages.ts';
import type {
  AgendaItemState,
  RefusalDetails,
  SessionInput,
  SessionPhase,
  SessionState,
  SessionStep,
  VoteResult,
} from './messages.ts';
import {
  agendaItemProblems,
  castingVoter,
  computeQuorum,
  proposalProblems,
  sessionRoster,
  tallyVote,
  votingRoster,
  type QuorumSnapshot,
  type VoteChoice,
} from './rules/index.ts';
import { lastProgressKey, sessionPhaseKey } from './search-attributes.ts';

// Persistence must eventually succeed: retry without limit, and let ops see the retries.
const store = proxyActivities<SessionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

type StepBody = SessionStep extends infer S ? (S extends SessionStep ? Omit<S, 'seq' | 'at' | 'actor'> : never) : never;

function refuse(type: string, rule: string, message: string, problems?: RefusalDetails['problems']): never {
  const details: RefusalDetails = { rule, ...(problems ? { problems } : {}) };
  throw ApplicationFailure.create({ type, message, details: [details], nonRetryable: true });
}

function nowIso(): string {
  return new Date().toISOString();
}

export async function sessionWorkflow(input: SessionInput): Promise<SessionState> {
  const members = new Map(input.members.map((mb) => [mb.id, mb]));
  const chair = input.members.find((mb) => mb.chair);
  const state: SessionState = {
    sessionId: input.sessionId,
    committeeId: input.committeeId,
    rulesVersion: input.rulesVersion,
    mode: input.mode,
    videoProvider: 'manual',
    phase: 'draft',
    scheduledStart: input.scheduledStart,
    members: input.members,
    agenda: [],
    attendance: {},
    proxies: {},
    quorum: emptyQuorum(),
    lastProgressAt: nowIso(),
  };
  const pending: SessionStep[] = [];
  let seq = 0;
  let openingQuorum: QuorumSnapshot | undefined;
  let closedAt = '';

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

  function proxies(): Map<string, string> {
    return new Map(Object.entries(state.proxies));
  }

  function sessionQuorum(): QuorumSnapshot {
    return computeQuorum(sessionRoster(input.members), present(), proxies(), input.rules);
  }

  function itemRoster(item: AgendaItemState) {
    return votingRoster(input.members, item.place, new Set(item.conflicts));
  }

  function itemQuorum(item: AgendaItemState): QuorumSnapshot {
    return computeQuorum(itemRoster(item), present(), proxies(), input.rules);
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
      setPhase('deliberating');
      record('system', { type: 'quorum_reached', phase: state.phase, quorum: state.quorum });
    }
  }

  // --- agenda ---------------------------------------------------------------------------
  setHandler(m.addAgendaItem, (req: m.AddAgendaItem) => {
    const item: AgendaItemState = {
      id: req.itemId,
      position: state.agenda.length + 1,
      dwellingId: req.dwellingId,
      place: req.place,
      candidates: [...req.candidates].sort((a, b) => a.rank - b.rank),
      exception: req.exception,
      status: 'pending',
      conflicts: [],
      votes: {},
      decisions: [],
    };
    state.agenda.push(item);
    record(req.actor, { type: 'agenda_item_added', item: { id: item.id, dwellingId: item.dwellingId, candidates: item.candidates } });
    return item;
  }, {
    validator: (req: m.AddAgendaItem) => {
      requirePhase(['draft'], 'add an agenda item');
      if (state.agenda.some((i) => i.id === req.itemId)) {
        refuse(m.refusalTypes.conflict, 'agenda_item_unique', `agenda item ${req.itemId} is already on the agenda`);
      }
      if (state.agenda.some((i) => i.dwellingId === req.dwellingId)) {
        refuse(m.refusalTypes.conflict, 'dwelling_once_per_agenda', 'this dwelling is already on the agenda');
      }
      const ranks = req.candidates.map((c) => c.rank);
      const ids = req.candidates.map((c) => c.applicationId);
      if (new Set(ranks).size !== ranks.length || new Set(ids).size !== ids.length) {
        refuse(m.refusalTypes.ruleViolation, 'candidates_distinct', 'each candidate appears once, with a rank of their own');
      }
      const problems = agendaItemProblems(req.candidates.length, req.exception);
      if (problems[0]) refuse(m.refusalTypes.ruleViolation, problems[0].rule, problems[0].message, problems);
    },
  });

  setHandler(m.removeAgendaItem, (req: m.RemoveAgendaItem) => {
    state.agenda = state.agenda.filter((i) => i.id !== req.itemId);
    state.agenda.forEach((i, idx) => { i.position = idx + 1; });
    record(req.actor, { type: 'agenda_item_removed', itemId: req.itemId });
  }, {
    validator: (req: m.RemoveAgendaItem) => {
      requirePhase(['draft'], 'remove an agenda item');
      findItem(req.itemId);
    },
  });

  setHandler(m.publishAgenda, (req: m.ActorOnly) => {
    setPhase('convened');
    record(req.actor, {
      type: 'agenda_published',
      phase: state.phase,
      items: state.agenda.map((i) => ({ id: i.id, position: i.position, dwellingId: i.dwellingId, exception: i.exception, candidates: i.candidates })),
    });
    return state.phase;
  }, {
    validator: (_req: m.ActorOnly) => {
      requirePhase(['draft'], 'publish the agenda');
      if (state.agenda.length === 0) refuse(m.refusalTypes.ruleViolation, 'agenda_not_empty', 'an agenda without items cannot be published');
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
  }, { validator: (_req: m.ActorOnly) => requirePhase(['convened'], 'open the session') });

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
    item.status = 'voting';
    item.proposal = req.proposal;
    item.votes = {};
    state.openVote = { itemId: item.id, openedAt: nowIso(), quorum, counts: { for: 0, against: 0, abstain: 0 }, votesCast: 0 };
    record(req.actor, { type: 'vote_opened', itemId: item.id, quorum, proposal: req.proposal });
    return quorum;
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
    if (state.openVote) {
      const choices: VoteChoice[] = Object.values(item.votes).map((v) => v.choice);
      state.openVote.counts = { for: 0, against: 0, abstain: 0 };
      for (const c of choices) state.openVote.counts[c]++;
      state.openVote.votesCast = choices.length;
    }
    record(req.actor, { type: 'vote_cast', itemId: item.id, memberId: req.memberId, castBy: req.actor, choice: req.choice });
    return state.openVote?.counts ?? { for: 0, against: 0, abstain: 0 };
  }, {
    validator: (req: m.CastVote) => {
      if (state.openVote?.itemId !== req.itemId) refuse(m.refusalTypes.conflict, 'vote_open', `no vote is open on item ${req.itemId}`);
      const item = findItem(req.itemId);
      if (!itemRoster(item).some((mb) => mb.id === req.memberId)) {
        refuse(m.refusalTypes.forbidden, 'voting_roster', 'this member does not vote on this item');
      }
      if (req.actor !== req.memberId && state.proxies[req.memberId] !== req.actor) {
        refuse(m.refusalTypes.forbidden, 'vote_in_person_or_by_proxy', 'a member votes for themself, or for a principal whose proxy they hold');
      }
      if (!present().has(req.actor)) refuse(m.refusalTypes.forbidden, 'voter_present', 'only a member recorded as present may vote');
    },
  });

  setHandler(m.closeVote, (req: m.CloseVote) => {
    const item = findItem(req.itemId);
    const roster = itemRoster(item);
    const quorum = itemQuorum(item);
    const votes = new Map(Object.entries(item.votes).map(([id, v]) => [id, v.choice] as const));
    const mayor = castingVoter(roster, item.place);
    const mayorVotes = mayor !== undefined && present().has(mayor.id) ? mayor.id : undefined;
    const tally = tallyVote(votes, input.rules, quorum.present + quorum.represented, mayorVotes);
    const result: VoteResult = { ...tally, quorum, castingVoterId: tally.decidedBy === 'casting_vote_of_mayor' ? mayorVotes : undefined, closedAt: nowIso() };
    item.result = result;
    if (tally.outcome === 'adopted') {
      item.status = 'decided';
      item.decisions = item.proposal ?? [];
    } else {
      item.status = 'deferred';
      const reasons = tally.outcome === 'rejected'
        ? 'the proposal was rejected by the committee; the item returns to a later session'
        : 'tie without the casting vote of the mayor of the commune; the item returns to a later session';
      item.decisions = item.candidates.map((c) => ({ applicationId: c.applicationId, type: 'deferred', reasons }));
    }
    state.openVote = undefined;
    record(req.actor, { type: 'vote_closed', itemId: item.id, result, votes: item.votes, decisions: item.decisions });
    return result;
  }, {
    validator: (req: m.CloseVote) => {
      if (state.openVote?.itemId !== req.itemId) refuse(m.refusalTypes.conflict, 'vote_open', `no vote is open on item ${req.itemId}`);
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
      const undecided = state.agenda.filter((i) => i.status !== 'decided' && i.status !== 'deferred');
      if (undecided.length > 0) {
        refuse(m.refusalTypes.ruleViolation, 'every_item_decided_or_deferred', `${undecided.length} agenda item(s) are neither decided nor deferred`);
      }
    },
  });

  setHandler(m.signMinutes, (req: m.SignMinutes) => {
    const minutes = state.minutes!;
    const signedAt = nowIso();
    minutes.signatures.push({ memberId: req.actor, role: 'chair', signedAt });
    minutes.status = 'signed';
    setPhase('signed');
    record(req.actor, { type: 'minutes_signed', phase: state.phase, version: minutes.version, sha256: minutes.sha256, memberId: req.actor, role: 'chair' });
    return state.phase;
  }, {
    validator: (req: m.SignMinutes) => {
      requirePhase(['minutes_drafted'], 'sign the minutes');
      if (chair === undefined || req.actor !== chair.id) refuse(m.refusalTypes.forbidden, 'chair_signs_minutes', 'the minutes are signed by the chair of the committee');
      if (req.sha256 !== state.minutes?.sha256) {
        refuse(m.refusalTypes.conflict, 'sign_current_minutes', 'the signature is over another version of the minutes');
      }
    },
  });

  setHandler(m.getSessionState, () => state);

  // --- main loop: persist steps in order, draft the minutes, finish -------------------------
  record('system', { type: 'session_scheduled', phase: state.phase });
  upsertSearchAttributes([{ key: sessionPhaseKey, value: state.phase }, { key: lastProgressKey, value: new Date() }]);

  for (;;) {
    await condition(() => pending.length > 0 || (state.phase === 'closed' && !state.minutes) || state.phase === 'signed');
    if (pending.length > 0) {
      await store.recordSessionSteps(input.sessionId, input.committeeId, pending.splice(0));
      continue;
    }
    if (state.phase === 'closed') {
      const drafted = await store.draftMinutes({
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
      });
      state.minutes = { status: 'drafted', version: drafted.version, sha256: drafted.sha256, signatures: [] };
      setPhase('minutes_drafted');
      record('system', { type: 'minutes_drafted', phase: state.phase, version: drafted.version, sha256: drafted.sha256 });
      continue;
    }
    // Signed: notifications to applicants come with the offers; the session is complete.
    setPhase('completed');
    record('system', { type: 'session_completed', phase: state.phase });
    await condition(allHandlersFinished);
    await store.recordSessionSteps(input.sessionId, input.committeeId, pending.splice(0));
    return state;
  }
}

function emptyQuorum(): QuorumSnapshot {
  return { rosterSize: 0, present: 0, represented: 0, required: 0, reached: false };
}
