// The state of a session: a plain value (JSON), folded from its events by `evolve`.
import {
  completeRules,
  type CandidateDecision,
  type CandidateShortfallException,
  type CommitteeRules,
  type DecidingRule,
  type DwellingPlace,
  type JoinSession,
  type MinutesSigner,
  type OccupancyOpinion,
  type QuorumSnapshot,
  type SessionMember,
  type TallyOutcome,
  type VoteChoice,
  type VoteCounts,
} from '../rules/index.ts';
import type { SessionMode, SessionPhase, VideoProvider } from './phases-and-modes.ts';

export interface AgendaCandidate {
  applicationId: string;
  rank: number;
}

export type AgendaItemStatus = 'pending' | 'voting' | 'decided' | 'deferred';
export type AgendaItemKind = 'allocation' | 'occupancy_review';

/** An agenda item as the convocations list it. */
export interface PublishedItem {
  id: string;
  kind: AgendaItemKind;
  position: number;
  dwellingId: string;
  place: DwellingPlace;
  /** Allocation: the ranked candidates. Occupancy review: the tenant household's file. */
  candidates: AgendaCandidate[];
  exception?: CandidateShortfallException | undefined;
  /** An item a written session referred to a live sitting: that session, and the reasons given. */
  referredFrom?: { sessionId: string; reason: string } | undefined;
}

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

/** Why an item leaves the sitting undecided: deferred by the secretary, referred by a member, or a tie. */
export const deferralCauses = [
  'deferral', 'referral', 'tie_without_mayor',
  // a written session's item at its close: too few of the roster voted, the proposal was not
  // adopted, or no proposal was put to the members
  'participation_not_reached', 'proposal_rejected', 'no_proposal',
] as const;
export type DeferralCause = (typeof deferralCauses)[number];

export interface Deferral {
  cause: DeferralCause;
  /** The reason given (none for a tie: the rule is the reason). */
  reason?: string | undefined;
  by: string;
}

export interface AgendaItemState extends PublishedItem {
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
  deferral?: Deferral | undefined;
  /** Written sessions: the ballots cast for each seat (changes of mind included), the debate, the referral requests. */
  ballots?: Record<string, number> | undefined;
  debate?: DebateMessage[] | undefined;
  referralRequests?: ReferralRequest[] | undefined;
}

/** A message of a written session's debate on an item, as posted. */
export interface DebateMessage {
  seq: number;
  by: string;
  at: string;
  text: string;
}

/** A voting member's request that an item go to a live sitting. */
export interface ReferralRequest {
  memberId: string;
  at: string;
  reason: string;
}

/** A written session's window: when it opens and closes, and what changed it. */
export interface WrittenWindow {
  opensAt: string;
  closesAt: string;
  openedAt?: string | undefined;
  closedAt?: string | undefined;
  /** Closed before its time, every member of every roster having voted. */
  early?: boolean | undefined;
  extension?: { from: string; to: string; reason: string; by: string; at: string } | undefined;
  /** The reminders sent: hours before the close they were for, and that close. */
  reminders: Array<{ hoursBefore: number; closesAt: string; at: string; memberIds: string[]; emailed: number }>;
}

export type AttendanceHow = 'manual' | 'zoom';

export interface AttendanceRecord {
  present: boolean;
  since: string;
  how: AttendanceHow;
}

/** An arrival or a departure, as the minutes list them. */
export interface AttendanceChange {
  memberId: string;
  present: boolean;
  at: string;
  how: AttendanceHow;
}

export type ParticipantSession = JoinSession;

/** A Zoom webhook event relayed by the API, the participant already matched to a member or not. */
export interface MeetingEvent {
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

export interface MeetingState {
  id: number;
  uuid: string;
  startedAt?: string | undefined;
  endedAt?: string | undefined;
  reconciledAt?: string | undefined;
}

/** How a member was convened, or why they are not yet. */
export type ConvocationChannel = 'email' | 'hand_delivery' | 'registered_letter';

export interface MemberConvocation {
  /** When the member received their convocation (the first agenda published); absent: not convened. */
  deliveredAt?: string | undefined;
  channel?: ConvocationChannel | undefined;
  /** The reason the secretary gave for a delivery recorded by hand. */
  recordedReason?: string | undefined;
  /** The latest version of the agenda the member was sent (0: none). */
  sequence: number;
  /** The last failure to send, and when the next attempt is due. */
  failure?: { reason: string; at: string; attempts: number; retryAt: string } | undefined;
}

/** The agenda as sent to the members: version 1 at publication, one more at each change. */
export interface PublishedAgenda {
  sequence: number;
  at: string;
  items: PublishedItem[];
  urgencyReason?: string | undefined;
}

export interface MinutesSignature {
  memberId: string;
  role: MinutesSigner;
  signedAt: string;
  keyFingerprint?: string | undefined;
  /** The PDF signature (PAdES) it made, when it made one. */
  pdf?: PdfSignatureRecord | undefined;
}

/** A PDF signature (PAdES B-T) as the record keeps it: the revision it made and who and when. */
export interface PdfSignatureRecord {
  /** SHA-256 of the PDF it was added to, and of the PDF it made. */
  baseSha256: string;
  sha256: string;
  /** The signer as their certificate names them, and the certificate's SHA-256. */
  signerName: string;
  certificateSha256: string;
  /** The time the timestamp authority certified. */
  timestampedAt: string;
}

/** A correction of the minutes: it makes a new version, whose signatures start afresh. */
export interface MinutesAmendment {
  version: number;
  at: string;
  by: string;
  reason: string;
  text: string;
}

export interface MinutesState {
  status: 'drafted' | 'signed';
  version: number;
  sha256: string;
  /** When the first version was drafted: signature reminders count from it. */
  firstDraftedAt: string;
  signatures: MinutesSignature[];
  amendments?: MinutesAmendment[] | undefined;
  /** While an amendment is being drafted into a new version, nothing can be signed. */
  redrafting?: boolean | undefined;
  /** SHA-256 of the PDF with this version's signatures so far: the next signature adds its revision to it. */
  pdfHead?: string | undefined;
}

/** The sitting as it happened: what the minutes state beside the convened time. */
export interface Sitting {
  openedAt?: string | undefined;
  /** The first moment the committee could lawfully deliberate, and the quorum then. */
  deliberationsStartedAt?: string | undefined;
  deliberationsQuorum?: QuorumSnapshot | undefined;
  closedAt?: string | undefined;
  /** Members not convened when the session opened, and the reason the secretary gave. */
  unconvened?: { memberIds: string[]; reason: string } | undefined;
}

export type AdjournmentCause = 'no_quorum' | 'members_not_convened';

export interface SessionState {
  sessionId: string;
  committeeId: string;
  rulesVersion: number;
  rules: CommitteeRules;
  mode: SessionMode;
  videoProvider: VideoProvider;
  timeZone: string;
  place?: string | undefined;
  scheduledStart: string;
  members: SessionMember[];
  phase: SessionPhase;
  agenda: AgendaItemState[];
  published?: PublishedAgenda | undefined;
  convocations: Record<string, MemberConvocation>;
  attendance: Record<string, AttendanceRecord>;
  attendanceLog: AttendanceChange[];
  proxies: Record<string, string>;
  /** Quorum now over the members who vote on every item. */
  quorum: QuorumSnapshot;
  sitting: Sitting;
  openVote?: {
    itemId: string; openedAt: string; quorum: QuorumSnapshot; counts: VoteCounts; votesCast: number;
    /** Ballots cast for each seat in this vote, changes of mind included (absent in runs recorded before). */
    ballots?: Record<string, number> | undefined;
  } | undefined;
  meeting?: MeetingState | undefined;
  participants: ParticipantSession[];
  /** Join sessions the secretary matched to members by hand. */
  participantMappings: Record<string, string>;
  /** Keys of the meeting events applied: a duplicate delivery changes nothing. */
  meetingEventKeys: Record<string, true>;
  minutes?: MinutesState | undefined;
  signatureChase: { reminders: number; escalated: boolean };
  notifiedAt?: string | undefined;
  offersStarted?: string[] | undefined;
  withoutQuorum: boolean;
  reconvenedFrom?: string | undefined;
  adjournment?: { at: string; cause: AdjournmentCause; reconvenedSessionId: string; carried: AgendaItemState[] } | undefined;
  /** The session that takes over the agenda after a carence. */
  reconvenedAs?: string | undefined;
  cancellation?: { at: string; by: string; reason: string; notified: boolean } | undefined;
  /** A written session's window. */
  window?: WrittenWindow | undefined;
  /** The sequence number of the last event. */
  seq: number;
  lastProgressAt: string;
}

/** What a session is started with: the committee's members and pinned rules, when and how it sits. */
export interface SessionInput {
  sessionId: string;
  committeeId: string;
  rulesVersion: number;
  rules: CommitteeRules;
  members: SessionMember[];
  /** The convened time (ISO 8601, UTC): what the convocations state; a written session's opening. */
  scheduledStart: string;
  mode: SessionMode;
  /** A written session's close (ISO 8601, UTC). */
  closesAt?: string | undefined;
  /** Zoom when the deployment has Zoom credentials and the session is remote or mixed. */
  videoProvider: VideoProvider;
  /** The committee's time zone, in which dates are printed and offer deadlines counted. */
  timeZone: string;
  /** The room of an in-person or mixed sitting, as the convocation states it. */
  place?: string | undefined;
  /** A session reconvened after a carence: the adjourned session, and the agenda it carries over. */
  reconvenedFrom?: string | undefined;
  agenda?: AgendaItemState[] | undefined;
  /** Deliberates without quorum (a session reconvened after a carence, when the rules say so). */
  withoutQuorum?: boolean | undefined;
  /** Items written sessions referred to a live sitting, put on this session's draft agenda. */
  referred?: PublishedItem[] | undefined;
}

export function emptyQuorum(): QuorumSnapshot {
  return { rosterSize: 0, present: 0, represented: 0, required: 0, reached: false };
}

/** The state before the first event: nothing is recorded yet. */
export function initialState(input: SessionInput): SessionState {
  return {
    sessionId: input.sessionId,
    committeeId: input.committeeId,
    rulesVersion: input.rulesVersion,
    // Rules stored before a rule existed lack it: the legal default applies.
    rules: completeRules(input.rules),
    mode: input.mode,
    videoProvider: input.videoProvider,
    timeZone: input.timeZone,
    ...(input.place ? { place: input.place } : {}),
    scheduledStart: input.scheduledStart,
    members: input.members,
    phase: 'draft',
    agenda: [],
    convocations: {},
    attendance: {},
    attendanceLog: [],
    proxies: {},
    quorum: emptyQuorum(),
    sitting: {},
    participants: [],
    participantMappings: {},
    meetingEventKeys: {},
    signatureChase: { reminders: 0, escalated: false },
    withoutQuorum: input.withoutQuorum ?? false,
    ...(input.reconvenedFrom ? { reconvenedFrom: input.reconvenedFrom } : {}),
    ...(input.mode === 'written' && input.closesAt ? { window: { opensAt: input.scheduledStart, closesAt: input.closesAt, reminders: [] } } : {}),
    seq: 0,
    lastProgressAt: input.scheduledStart,
  };
}
