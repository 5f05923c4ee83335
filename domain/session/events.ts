// What happened in a session: every change of its state is one of these events, and they are
// the audit trail's vocabulary (each is stored as one audit event of the same type). An event
// that moves the session to another phase names it.
import type { CandidateDecision, MinutesSigner, OccupancyOpinion, QuorumSnapshot, VoteChoice } from '../rules/index.ts';
import type { SessionMode, SessionPhase } from './phases-and-modes.ts';
import type {
  AdjournmentCause,
  AgendaItemState,
  AttendanceHow,
  ConvocationChannel,
  DeferralCause,
  MeetingEvent,
  ParticipantSession,
  PdfSignatureRecord,
  PublishedItem,
  VoteRecord,
  VoteResult,
} from './state.ts';

export type SessionEventBody =
  | { type: 'session_scheduled'; phase: SessionPhase; scheduledStart: string; mode: SessionMode; reconvenedFrom?: string | undefined }
  | { type: 'agenda_item_added'; item: PublishedItem; reason?: string | undefined; published: boolean }
  | { type: 'agenda_item_removed'; itemId: string; reason?: string | undefined; published: boolean }
  | { type: 'agenda_published'; phase: SessionPhase; sequence: number; items: PublishedItem[]; urgencyReason?: string | undefined }
  /** A change to a published agenda: the new version, which every member is sent. */
  | { type: 'agenda_amended'; sequence: number; items: PublishedItem[]; reason: string }
  | {
    type: 'convocations_sent';
    sequence: number;
    meeting?: { id: number; uuid: string } | undefined;
    delivered: Array<{ memberId: string; at: string }>;
    failed: Array<{ memberId: string; reason: string; retryAt: string }>;
  }
  | { type: 'convocation_delivered'; memberId: string; channel: ConvocationChannel; deliveredAt: string; reason: string }
  | { type: 'session_cancelled'; phase: SessionPhase; reason: string }
  | { type: 'cancellation_sent'; emailed: number; failed: number }
  | { type: 'proxy_registered'; principalId: string; holderId: string; quorum: QuorumSnapshot }
  | { type: 'proxy_revoked'; principalId: string; holderId: string; quorum: QuorumSnapshot }
  | { type: 'conflict_declared'; itemId: string; memberId: string; quorum: QuorumSnapshot }
  | { type: 'session_opened'; phase: SessionPhase; quorum: QuorumSnapshot; unconvened?: { memberIds: string[]; reason: string } | undefined }
  | { type: 'attendance_recorded'; memberId: string; present: boolean; how: AttendanceHow; quorum: QuorumSnapshot }
  /** The first moment the committee could lawfully deliberate: open, with quorum (or without, when reconvened so). */
  | { type: 'deliberations_started'; phase: SessionPhase; quorum: QuorumSnapshot }
  | { type: 'meeting_event'; event: MeetingEvent }
  | { type: 'participant_mapped'; participantKey: string; memberId: string; quorum: QuorumSnapshot }
  | { type: 'attendance_reconciled'; report: ParticipantSession[]; changed: string[]; quorum: QuorumSnapshot }
  | { type: 'attendance_not_reconciled'; reason: string }
  | { type: 'vote_opened'; itemId: string; quorum: QuorumSnapshot; proposal?: CandidateDecision[] | undefined; opinion?: OccupancyOpinion | undefined; warnings: string[] }
  | { type: 'vote_cast'; itemId: string; memberId: string; castBy: string; choice: VoteChoice }
  | { type: 'vote_closed'; itemId: string; result: VoteResult; votes: Record<string, VoteRecord>; decisions: CandidateDecision[]; opinion?: OccupancyOpinion | undefined }
  | { type: 'item_deferred'; itemId: string; cause: DeferralCause; reason?: string | undefined; decisions: CandidateDecision[] }
  | {
    type: 'session_adjourned';
    phase: SessionPhase;
    cause: AdjournmentCause;
    quorum: QuorumSnapshot;
    gracePeriodMinutes: number;
    reconvenedSessionId: string;
    /** The undecided items, as the reconvened session takes them over (new ids). */
    carried: AgendaItemState[];
  }
  | { type: 'session_reconvened'; reconvenedSessionId: string; scheduledStart: string; items: string[] }
  | { type: 'session_closed'; phase: SessionPhase }
  | { type: 'minutes_drafted'; phase: SessionPhase; version: number; sha256: string }
  | { type: 'minutes_amendment_requested'; version: number; reason: string; text: string }
  | { type: 'minutes_amended'; phase: SessionPhase; version: number; sha256: string; previousVersion: number; reason: string }
  | {
    type: 'minutes_signed';
    phase: SessionPhase;
    version: number;
    sha256: string;
    memberId: string;
    role: MinutesSigner;
    signature?: string | undefined;
    keyFingerprint?: string | undefined;
    pdf?: PdfSignatureRecord | undefined;
  }
  | { type: 'signature_reminder_sent'; version: number; missing: MinutesSigner[]; reminder: number; emailed: number }
  | { type: 'signatures_overdue'; version: number; missing: MinutesSigner[]; draftedAt: string; escalatedTo: number }
  | { type: 'applicants_notified'; phase: SessionPhase; notifiedAt: string; letters: number; emailed: number; minutesToPrefect: number }
  | { type: 'offers_started'; items: string[] }
  | { type: 'session_completed'; phase: SessionPhase }
  // a written session
  | { type: 'window_opened'; phase: SessionPhase; closesAt: string }
  | { type: 'message_posted'; itemId: string; text: string }
  | { type: 'referral_requested'; itemId: string; memberId: string; reason: string; requests: number; required: number }
  | { type: 'window_extended'; from: string; to: string; reason: string }
  | { type: 'voters_reminded'; hoursBefore: number; closesAt: string; memberIds: string[]; emailed: number }
  | { type: 'window_closed'; early: boolean; closesAt: string };

/** Every event carries its place in the session (seq), its time (workflow time) and who caused it. */
export type SessionEvent = { seq: number; at: string; actor: string } & SessionEventBody;

export type SessionEventType = SessionEvent['type'];
export type EventOf<T extends SessionEventType> = Extract<SessionEvent, { type: T }>;

export function eventOf<T extends SessionEventType>(events: readonly SessionEvent[], type: T): EventOf<T> | undefined {
  return events.find((e): e is EventOf<T> => e.type === type);
}
