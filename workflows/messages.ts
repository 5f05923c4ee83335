// Signals, updates and queries of the session workflow, and the shapes they carry. Shared by
// the workflow, the API (which sends them) and the activities (which persist their effects).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CandidateDecision,
  OccupancyOpinion,
  CandidateShortfallException,
  CommitteeRules,
  DecidingRule,
  DwellingPlace,
  MinutesSigner,
  QuorumSnapshot,
  SessionMember,
  TallyOutcome,
  VoteChoice,
  VoteCounts,
} from '../domain/rules/index.ts';

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
export type VideoProvider = 'manual' | 'zoom';

export interface SessionInput {
  sessionId: string;
  committeeId: string;
  rulesVersion: number;
  rules: CommitteeRules;
  members: SessionMember[];
  scheduledStart: string;
  mode: SessionMode;
  /** A session reconvened after a carence: the adjourned session, and the agenda it carries over. */
  reconvenedFrom?: string | undefined;
  agenda?: AgendaItemState[] | undefined;
  /** Deliberates without quorum (a reconvened session, when the rules say so). */
  withoutQuorum?: boolean | undefined;
  /** Zoom when the deployment has Zoom credentials; manual attendance otherwise (and for older sessions). */
  videoProvider?: VideoProvider | undefined;
  /** The committee's time zone, in which offer deadlines are counted (Europe/Paris by default). */
  timeZone?: string | undefined;
}

export interface AgendaCandidate {
  applicationId: string;
  rank: number;
}

export type AgendaItemStatus = 'pending' | 'voting' | 'decided' | 'deferred';
export type AgendaItemKind = 'allocation' | 'occupancy_review';

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
  /** What follows for the item: decided, back to a new vote, or deferred. */
  itemStatus: AgendaItemStatus;
  closedAt: string;
}

export interface AgendaItemState {
  id: string;
  kind: AgendaItemKind;
  position: number;
  dwellingId: string;
  place: DwellingPlace;
  /** Allocation: the ranked candidates. Occupancy review: the tenant household's file. */
  candidates: AgendaCandidate[];
  exception?: CandidateShortfallException | undefined;
  status: AgendaItemStatus;
  conflicts: string[];
  proposal?: CandidateDecision[] | undefined;
  proposedOpinion?: OccupancyOpinion | undefined;
  votes: Record<string, VoteRecord>;
  /** Every vote held on the item, the last one deciding. */
  results: VoteResult[];
  /** The decisions that stand for this item once it is decided or deferred. */
  decisions: CandidateDecision[];
  opinion?: OccupancyOpinion | undefined;
  deferral?: { reason: string; by: string; referral: boolean } | undefined;
}

export interface AttendanceRecord {
  present: boolean;
  since: string;
  how: 'manual' | 'zoom';
}

/** One join session of one participant in the meeting (Zoom's user_id), a member's or a guest's. */
export interface ParticipantSession {
  key: string;
  memberId?: string | undefined;
  /** Guests only: the name they showed, for the minutes. Members are named from the roster. */
  guestName?: string | undefined;
  joinedAt?: string | undefined;
  leftAt?: string | undefined;
}

/** A Zoom webhook event relayed by the API, the participant already matched to a member or not. */
export interface ZoomEvent {
  /** Content key: a duplicate delivery carries the same key. */
  key: string;
  kind: 'meeting_started' | 'meeting_ended' | 'participant_joined' | 'participant_left';
  meetingUuid: string;
  /** When it happened, by Zoom's clock (join_time, leave_time, start_time, end_time). */
  at: string;
  participantKey?: string | undefined;
  memberId?: string | undefined;
  guestName?: string | undefined;
}

export interface MinutesState {
  status: 'drafted' | 'signed';
  version: number;
  sha256: string;
  signatures: Array<{ memberId: string; role: MinutesSigner; signedAt: string; keyFingerprint?: string | undefined }>;
  /** Corrections made after the first draft, each of which made a new version. */
  amendments?: MinutesAmendment[] | undefined;
  /** While an amendment is being drafted into a new version, nothing can be signed. */
  redrafting?: boolean | undefined;
}

/** A correction of the minutes: it makes a new version, whose signatures start afresh. */
export interface MinutesAmendment {
  version: number;
  at: string;
  by: string;
  reason: string;
  text: string;
}

export interface SessionState {
  sessionId: string;
  committeeId: string;
  rulesVersion: number;
  mode: SessionMode;
  videoProvider: VideoProvider;
  meeting?: { id: number; uuid: string; startedAt?: string | undefined; endedAt?: string | undefined; reconciledAt?: string | undefined } | undefined;
  participants: ParticipantSession[];
  /** Join sessions the secretary matched to members by hand. */
  participantMappings: Record<string, string>;
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
  withoutQuorum: boolean;
  reconvenedFrom?: string | undefined;
  /** The session that takes over the agenda after a carence. */
  reconvenedAs?: string | undefined;
  lastProgressAt: string;
}

// Update arguments: `actor` is who asks (a member id or `staff:<subject>`), set by the API from
// the bearer token, never from the request body.
export interface AddAgendaItem {
  actor: string;
  itemId: string;
  kind: AgendaItemKind;
  dwellingId: string;
  place: DwellingPlace;
  candidates: AgendaCandidate[];
  exception?: CandidateShortfallException | undefined;
  /** Required once the agenda is published. */
  reason?: string | undefined;
}
export interface RemoveAgendaItem { actor: string; itemId: string; reason?: string | undefined }
export interface ActorOnly { actor: string }
export interface PublishAgenda { actor: string; urgencyReason?: string | undefined }
export interface RegisterProxy { actor: string; principalId: string; holderId: string }
export interface RevokeProxy { actor: string; principalId: string }
export interface DeclareConflict { actor: string; itemId: string; memberId: string }
export interface RecordAttendance { actor: string; memberId: string; present: boolean }
export interface OpenVote { actor: string; itemId: string; proposal?: CandidateDecision[] | undefined; opinion?: OccupancyOpinion | undefined }
export interface OpenVoteAnswer { quorum: QuorumSnapshot; warnings: string[] }
export interface CastVote { actor: string; itemId: string; memberId: string; choice: VoteChoice }
export interface CloseVote { actor: string; itemId: string }
export interface DeferItem { actor: string; itemId: string; reason: string }
/**
 * `signature` is the signer's Ed25519 signature of the hash with the registered key
 * `keyFingerprint`; the API verifies it before sending the update (the workflow cannot).
 */
export interface SignMinutes { actor: string; role: MinutesSigner; sha256: string; signature?: string | undefined; keyFingerprint?: string | undefined }
export interface AmendMinutes { actor: string; reason: string; text: string }
/** The secretary says who a guest of the meeting is (a member who joined without their link). */
export interface MapParticipant { actor: string; participantKey: string; memberId: string }

export const addAgendaItem = defineUpdate<AgendaItemState, [AddAgendaItem]>('addAgendaItem');
export const removeAgendaItem = defineUpdate<void, [RemoveAgendaItem]>('removeAgendaItem');
export const publishAgenda = defineUpdate<SessionPhase, [PublishAgenda]>('publishAgenda');
export const registerProxy = defineUpdate<Record<string, string>, [RegisterProxy]>('registerProxy');
export const revokeProxy = defineUpdate<Record<string, string>, [RevokeProxy]>('revokeProxy');
export const declareConflict = defineUpdate<QuorumSnapshot, [DeclareConflict]>('declareConflict');
export const openSession = defineUpdate<SessionPhase, [ActorOnly]>('openSession');
export const recordAttendance = defineUpdate<QuorumSnapshot, [RecordAttendance]>('recordAttendance');
export const openVote = defineUpdate<OpenVoteAnswer, [OpenVote]>('openVote');
export const castVote = defineUpdate<VoteCounts, [CastVote]>('castVote');
export const closeVote = defineUpdate<VoteResult, [CloseVote]>('closeVote');
export const referItem = defineUpdate<AgendaItemState, [DeferItem]>('referItem');
export const deferItem = defineUpdate<AgendaItemState, [DeferItem]>('deferItem');
export const closeSession = defineUpdate<SessionPhase, [ActorOnly]>('closeSession');
export const signMinutes = defineUpdate<SessionPhase, [SignMinutes]>('signMinutes');
export const amendMinutes = defineUpdate<MinutesState, [AmendMinutes]>('amendMinutes');
export const mapParticipant = defineUpdate<QuorumSnapshot, [MapParticipant]>('mapParticipant');

export const getSessionState = defineQuery<SessionState>('getSessionState');
export const zoomEvent = defineSignal<[ZoomEvent]>('zoomEvent');

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

/** A published agenda item as persisted. */
export interface PublishedItem {
  id: string;
  kind: AgendaItemKind;
  position: number;
  dwellingId: string;
  exception?: string | undefined;
  candidates: AgendaCandidate[];
}

/** A step of the session persisted as a projection and one audit event, in one transaction. */
export type SessionStep = { seq: number; at: string; actor: string } & (
  | { type: 'session_scheduled'; phase: SessionPhase; reconvenedFrom?: string | undefined }
  | { type: 'agenda_item_added'; item: PublishedItem; reason?: string | undefined; published: boolean }
  | { type: 'agenda_item_removed'; itemId: string; reason?: string | undefined; published: boolean }
  | { type: 'agenda_published'; phase: SessionPhase; items: PublishedItem[]; urgencyReason?: string | undefined }
  | { type: 'proxy_registered'; principalId: string; holderId: string }
  | { type: 'proxy_revoked'; principalId: string; holderId: string }
  | { type: 'conflict_declared'; itemId: string; memberId: string }
  | { type: 'session_opened'; phase: SessionPhase; quorum: QuorumSnapshot }
  | { type: 'attendance_recorded'; memberId: string; present: boolean; quorum: QuorumSnapshot; how?: 'manual' | 'zoom' | undefined }
  | { type: 'members_convened'; meetingId?: number | undefined; convened: number; emailed: number }
  | { type: 'meeting_event'; event: ZoomEvent }
  | { type: 'attendance_reconciled'; participants: number; changed: string[]; quorum: QuorumSnapshot }
  | { type: 'attendance_not_reconciled'; reason: string }
  | { type: 'participant_mapped'; participantKey: string; memberId: string; quorum: QuorumSnapshot }
  | { type: 'quorum_reached'; phase: SessionPhase; quorum: QuorumSnapshot }
  | { type: 'vote_opened'; itemId: string; quorum: QuorumSnapshot; proposal?: CandidateDecision[] | undefined; opinion?: OccupancyOpinion | undefined; warnings: string[] }
  | { type: 'vote_cast'; itemId: string; memberId: string; castBy: string; choice: VoteChoice }
  | { type: 'vote_closed'; itemId: string; result: VoteResult; votes: Record<string, VoteRecord>; decisions: CandidateDecision[]; opinion?: OccupancyOpinion | undefined }
  | { type: 'item_deferred'; itemId: string; reason: string; referral: boolean; decisions: CandidateDecision[] }
  | { type: 'session_adjourned'; phase: SessionPhase; quorum: QuorumSnapshot; reason: string }
  | { type: 'session_reconvened'; reconvenedSessionId: string; scheduledStart: string; items: string[] }
  | { type: 'session_closed'; phase: SessionPhase }
  | { type: 'minutes_drafted'; phase: SessionPhase; version: number; sha256: string }
  | { type: 'minutes_signed'; phase: SessionPhase; version: number; sha256: string; memberId: string; role: MinutesSigner; signature?: string | undefined; keyFingerprint?: string | undefined }
  | { type: 'minutes_amended'; phase: SessionPhase; version: number; sha256: string; previousVersion: number; reason: string }
  | { type: 'signature_reminder_sent'; version: number; missing: MinutesSigner[]; reminder: number; emailed: number }
  | { type: 'signatures_overdue'; version: number; missing: MinutesSigner[]; draftedAt: string; escalatedTo: number }
  | { type: 'applicants_notified'; phase: SessionPhase; notifiedAt: string; letters: number; emailed: number; minutesToPrefect: number }
  | { type: 'offers_started'; phase: SessionPhase; items: string[] }
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
  withoutQuorum: boolean;
  reconvenedFrom?: string | undefined;
  signers: MinutesSigner[];
  videoProvider?: VideoProvider | undefined;
  participants?: ParticipantSession[] | undefined;
  /** The version to draft: 1, then one more for each amendment (absent in earlier histories: 1). */
  version?: number | undefined;
  amendments?: MinutesAmendment[] | undefined;
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
  responseDays: number;
  timeZone: string;
  /** The workflow's time: the notification date, unless a retry finds letters already stored. */
  at?: string | undefined;
  items: Array<Pick<AgendaItemState, 'id' | 'kind' | 'dwellingId' | 'status' | 'candidates' | 'decisions' | 'deferral'>>;
}

/** The session row of a session reconvened after a carence, created before its workflow starts. */
export interface ReconvenedSession {
  sessionId: string;
  committeeId: string;
  reconvenedFrom: string;
  rulesVersion: number;
  scheduledStart: string;
  mode: SessionMode;
}
