// Signals, updates and queries of the session workflow, and the shapes they carry. Shared by
// the workflow, the API (which sends them) and the activities (which persist their effects).
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  CandidateDecision,
  CandidateShortfallException,
  CommitteeRules,
  DecidingRule,
  DwellingPlace,
  QuorumSnapshot,
  SessionMember,
  TallyOutcome,
  VoteChoice,
  VoteCounts,
} from './rules/index.ts';

export type SessionPhase =
  | 'draft'
  | 'convened'
  | 'open'
  | 'deliberating'
  | 'closed'
  | 'minutes_drafted'
  | 'signed'
  | 'notified'
  | 'completed'
  | 'adjourned'
  | 'cancelled';

export type SessionMode = 'remote' | 'in_person' | 'mixed';

export interface SessionInput {
  sessionId: string;
  committeeId: string;
  rulesVersion: number;
  rules: CommitteeRules;
  members: SessionMember[];
  scheduledStart: string;
  mode: SessionMode;
}

export interface AgendaCandidate {
  applicationId: string;
  rank: number;
}

export type AgendaItemStatus = 'pending' | 'voting' | 'decided' | 'deferred';

export interface VoteRecord {
  choice: VoteChoice;
  castBy: string;
  castAt: string;
}

export interface VoteResult {
  outcome: TallyOutcome;
  decidedBy: DecidingRule;
  counts: VoteCounts;
  quorum: QuorumSnapshot;
  castingVoterId?: string | undefined;
  closedAt: string;
}

export interface AgendaItemState {
  id: string;
  position: number;
  dwellingId: string;
  place: DwellingPlace;
  candidates: AgendaCandidate[];
  exception?: CandidateShortfallException | undefined;
  status: AgendaItemStatus;
  conflicts: string[];
  proposal?: CandidateDecision[] | undefined;
  votes: Record<string, VoteRecord>;
  result?: VoteResult | undefined;
  /** The decisions that stand for this item once it is decided or deferred. */
  decisions: CandidateDecision[];
}

export interface AttendanceRecord {
  present: boolean;
  since: string;
  how: 'manual';
}

export interface MinutesState {
  status: 'drafted' | 'signed';
  version: number;
  sha256: string;
  signatures: Array<{ memberId: string; role: 'chair' | 'secretary'; signedAt: string }>;
}

export interface SessionState {
  sessionId: string;
  committeeId: string;
  rulesVersion: number;
  mode: SessionMode;
  videoProvider: 'manual';
  phase: SessionPhase;
  scheduledStart: string;
  members: SessionMember[];
  agenda: AgendaItemState[];
  attendance: Record<string, AttendanceRecord>;
  proxies: Record<string, string>;
  /** Quorum now over the members who vote on every item. */
  quorum: QuorumSnapshot;
  openVote?: { itemId: string; openedAt: string; quorum: QuorumSnapshot; counts: VoteCounts; votesCast: number } | undefined;
  minutes?: MinutesState | undefined;
  lastProgressAt: string;
}

// Update arguments: `actor` is who asks (a member id or a staff subject), set by the API from
// the bearer token, never from the request body.
export interface AddAgendaItem {
  actor: string;
  itemId: string;
  dwellingId: string;
  place: DwellingPlace;
  candidates: AgendaCandidate[];
  exception?: CandidateShortfallException | undefined;
}
export interface RemoveAgendaItem { actor: string; itemId: string }
export interface ActorOnly { actor: string }
export interface RecordAttendance { actor: string; memberId: string; present: boolean }
export interface OpenVote { actor: string; itemId: string; proposal: CandidateDecision[] }
export interface CastVote { actor: string; itemId: string; memberId: string; choice: VoteChoice }
export interface CloseVote { actor: string; itemId: string }
export interface SignMinutes { actor: string; sha256: string }

export const addAgendaItem = defineUpdate<AgendaItemState, [AddAgendaItem]>('addAgendaItem');
export const removeAgendaItem = defineUpdate<void, [RemoveAgendaItem]>('removeAgendaItem');
export const publishAgenda = defineUpdate<SessionPhase, [ActorOnly]>('publishAgenda');
export const openSession = defineUpdate<SessionPhase, [ActorOnly]>('openSession');
export const recordAttendance = defineUpdate<QuorumSnapshot, [RecordAttendance]>('recordAttendance');
export const openVote = defineUpdate<QuorumSnapshot, [OpenVote]>('openVote');
export const castVote = defineUpdate<VoteCounts, [CastVote]>('castVote');
export const closeVote = defineUpdate<VoteResult, [CloseVote]>('closeVote');
export const closeSession = defineUpdate<SessionPhase, [ActorOnly]>('closeSession');
export const signMinutes = defineUpdate<SessionPhase, [SignMinutes]>('signMinutes');

export const getSessionState = defineQuery<SessionState>('getSessionState');

/** Failure types of refused updates; the API maps them to HTTP statuses. */
export const refusalTypes = {
  /** The request is well-formed but the session is not in a state that allows it. */
  conflict: 'SessionConflict',
  /** The request breaks a rule of law or of the committee's internal rules. */
  ruleViolation: 'RuleViolation',
  /** An id in the request names nothing in this session. */
  notFound: 'NotFoundInSession',
  /** The actor may not do this. */
  forbidden: 'ActorForbidden',
} as const;

export interface RefusalDetails {
  rule: string;
  problems?: Array<{ field?: string; rule: string; message: string }>;
}

/** A step of the session persisted as a projection and one audit event, in one transaction. */
export type SessionStep = { seq: number; at: string; actor: string } & (
  | { type: 'session_scheduled'; phase: SessionPhase }
  | { type: 'agenda_item_added'; item: { id: string; dwellingId: string; candidates: AgendaCandidate[] } }
  | { type: 'agenda_item_removed'; itemId: string }
  | { type: 'agenda_published'; phase: SessionPhase; items: Array<{ id: string; position: number; dwellingId: string; exception?: string | undefined; candidates: AgendaCandidate[] }> }
  | { type: 'session_opened'; phase: SessionPhase; quorum: QuorumSnapshot }
  | { type: 'attendance_recorded'; memberId: string; present: boolean; quorum: QuorumSnapshot }
  | { type: 'quorum_reached'; phase: SessionPhase; quorum: QuorumSnapshot }
  | { type: 'vote_opened'; itemId: string; quorum: QuorumSnapshot; proposal: CandidateDecision[] }
  | { type: 'vote_cast'; itemId: string; memberId: string; castBy: string; choice: VoteChoice }
  | { type: 'vote_closed'; itemId: string; result: VoteResult; votes: Record<string, VoteRecord>; decisions: CandidateDecision[] }
  | { type: 'session_closed'; phase: SessionPhase }
  | { type: 'minutes_drafted'; phase: SessionPhase; version: number; sha256: string }
  | { type: 'minutes_signed'; phase: SessionPhase; version: number; sha256: string; memberId: string; role: 'chair' | 'secretary' }
  | { type: 'session_completed'; phase: SessionPhase }
);

export type SessionStepType = SessionStep['type'];

/** What the minutes are drafted from: the session's recorded facts, by id. */
export interface MinutesFacts {
  sessionId: string;
  committeeId: string;
  mode: SessionMode;
  scheduledStart: string;
  closedAt: string;
  members: SessionMember[];
  attendance: Record<string, AttendanceRecord>;
  proxies: Record<string, string>;
  openingQuorum?: QuorumSnapshot | undefined;
  agenda: AgendaItemState[];
}
