// What can be asked of a session. People's commands come as workflow updates (the API sets
// `actor` from the bearer token: a member id or `staff:<subject>`, never from a request body);
// the meeting's events come as signals; the workflow itself reports the results of its side
// effects and the end of its timers, as `system`.
import type { CandidateDecision, CandidateShortfallException, DwellingPlace, MinutesSigner, OccupancyOpinion, VoteChoice } from '../rules/index.ts';
import type { AgendaCandidate, AgendaItemKind, ConvocationChannel, MeetingEvent, ParticipantSession, PdfSignatureRecord, PublishedItem } from './state.ts';

interface By { actor: string }

// --- people -------------------------------------------------------------------------------------
export interface AddAgendaItem extends By {
  itemId: string;
  kind: AgendaItemKind;
  dwellingId: string;
  place: DwellingPlace;
  candidates: AgendaCandidate[];
  exception?: CandidateShortfallException | undefined;
  /** Required once the agenda is published. */
  reason?: string | undefined;
}
export interface RemoveAgendaItem extends By { itemId: string; reason?: string | undefined }
export interface PublishAgenda extends By { urgencyReason?: string | undefined }
export interface RecordConvocationDelivery extends By {
  memberId: string;
  channel: Exclude<ConvocationChannel, 'email'>;
  /** When the member received it (ISO 8601); not after now. */
  deliveredAt: string;
  reason: string;
}
export interface CancelSession extends By { reason: string }
export interface RegisterProxy extends By { principalId: string; holderId: string }
export interface RevokeProxy extends By { principalId: string }
export interface DeclareConflict extends By { itemId: string; memberId: string }
export interface OpenSession extends By {
  /** Opening while a member is not convened, where the rules allow it: the reason the minutes print. */
  unconvenedReason?: string | undefined;
}
export interface RecordAttendance extends By { memberId: string; present: boolean }
export interface MapParticipant extends By { participantKey: string; memberId: string }
export interface OpenVote extends By { itemId: string; proposal?: CandidateDecision[] | undefined; opinion?: OccupancyOpinion | undefined }
export interface CastVote extends By { itemId: string; memberId: string; choice: VoteChoice }
export interface CloseVote extends By { itemId: string }
export interface DeferItem extends By { itemId: string; reason: string }
export type CloseSession = By;
/**
 * `signature` is the signer's Ed25519 signature of the hash with the registered key
 * `keyFingerprint`; the API verifies it before sending the command (the workflow cannot).
 */
export interface SignMinutes extends By { role: MinutesSigner; sha256: string; signature?: string | undefined; keyFingerprint?: string | undefined; pdf?: PdfSignatureRecord | undefined }
export interface AmendMinutes extends By { reason: string; text: string }
export interface PostMessage extends By { itemId: string; text: string }
export interface ExtendWindow extends By { closesAt: string; reason: string }
export interface VotersReminded { hoursBefore: number; closesAt: string; memberIds: string[]; emailed: number }

// --- the results of the session's side effects, and its timers ----------------------------------
export interface ConvocationsResult {
  sequence: number;
  meeting?: { id: number; uuid: string } | undefined;
  delivered: Array<{ memberId: string; at: string }>;
  failed: Array<{ memberId: string; reason: string }>;
}
export interface AttendanceReport {
  /** The meeting's participant report; absent when the video provider gave none. */
  report?: ParticipantSession[] | undefined;
  failure?: string | undefined;
}

export type SessionCommand =
  /** A reconvened session starts with the agenda it carries over, published. */
  | ({ type: 'start_session'; agenda?: PublishedItem[] | undefined; referred?: PublishedItem[] | undefined } & By)
  | ({ type: 'add_agenda_item' } & AddAgendaItem)
  | ({ type: 'remove_agenda_item' } & RemoveAgendaItem)
  | ({ type: 'publish_agenda' } & PublishAgenda)
  | ({ type: 'record_convocation_delivery' } & RecordConvocationDelivery)
  | ({ type: 'cancel_session' } & CancelSession)
  | ({ type: 'register_proxy' } & RegisterProxy)
  | ({ type: 'revoke_proxy' } & RevokeProxy)
  | ({ type: 'declare_conflict' } & DeclareConflict)
  | ({ type: 'open_session' } & OpenSession)
  | ({ type: 'record_attendance' } & RecordAttendance)
  | ({ type: 'map_participant' } & MapParticipant)
  | ({ type: 'record_meeting_event'; event: MeetingEvent } & By)
  | ({ type: 'open_vote' } & OpenVote)
  | ({ type: 'cast_vote' } & CastVote)
  | ({ type: 'close_vote' } & CloseVote)
  | ({ type: 'refer_item' } & DeferItem)
  | ({ type: 'defer_item' } & DeferItem)
  | ({ type: 'close_session' } & CloseSession)
  | ({ type: 'sign_minutes' } & SignMinutes)
  | ({ type: 'amend_minutes' } & AmendMinutes)
  | ({ type: 'post_message' } & PostMessage)
  | ({ type: 'extend_window' } & ExtendWindow)
  | ({ type: 'open_window' } & By)
  | ({ type: 'close_window' } & By)
  | ({ type: 'record_voters_reminded' } & VotersReminded & By)
  | ({ type: 'record_convocations' } & ConvocationsResult & By)
  | ({ type: 'end_grace_period'; reconvenedSessionId: string; carriedItemIds: string[] } & By)
  | ({ type: 'record_reconvened'; scheduledStart: string } & By)
  | ({ type: 'record_attendance_report' } & AttendanceReport & By)
  | ({ type: 'record_minutes_drafted'; version: number; sha256: string } & By)
  | ({ type: 'record_signature_reminder'; reminder: number; emailed: number } & By)
  | ({ type: 'record_signatures_escalated'; escalatedTo: number } & By)
  | ({ type: 'record_applicants_notified'; notifiedAt: string; letters: number; emailed: number; minutesToPrefect: number } & By)
  | ({ type: 'record_offers_started'; items: string[] } & By)
  | ({ type: 'record_cancellation_notified'; emailed: number; failed: number } & By);

export type SessionCommandType = SessionCommand['type'];
export type CommandOf<T extends SessionCommandType> = Extract<SessionCommand, { type: T }>;

/** The actor of the workflow's own commands. */
export const systemActor = 'system';
