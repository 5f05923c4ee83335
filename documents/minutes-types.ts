// The shape of the minutes document that minutes-document.ts builds (formatVersion 1), as it
// reads back from JSON: what the PDF, the per-candidate extracts and the verification work on.
import type { AgendaItemKind, AgendaItemStatus, SessionMode } from '../workflows/messages.ts';
import type {
  CandidateShortfallException,
  DecidingRule,
  DecisionType,
  MemberRole,
  MinutesSigner,
  OccupancyOpinion,
  QuorumSnapshot,
  TallyOutcome,
  VoteCounts,
} from '../domain/rules/index.ts';

/** A member as the minutes name them; `role` is 'unknown' for an id missing from the roster. */
export interface MinutesPerson {
  memberId: string;
  name: string;
  role: MemberRole | 'unknown';
}

export interface MinutesPresentMember extends MinutesPerson {
  how: 'manual' | 'zoom';
  /** A substitute or representative sitting in a titular member's seat. */
  standingInFor?: MinutesPerson | undefined;
}

export interface MinutesRepresentedMember extends MinutesPerson {
  /** The proxy holder. */
  by: MinutesPerson;
}

export interface MinutesJoinSession {
  member?: MinutesPerson | undefined;
  /** A participant not matched to a member: the name they showed. */
  guest?: string | undefined;
  joinedAt: string | null;
  leftAt: string | null;
}

export type MinutesMeeting =
  | { provider: 'manual' }
  | { provider: 'zoom'; joinSessions: MinutesJoinSession[] };

export interface MinutesDwelling {
  reference: string;
  /** Absent when the dwelling row was not found: the minutes then carry its id as the reference. */
  address?: string | undefined;
  commune?: string | undefined;
  type?: string | undefined;
  /** A decimal as text ("68.5"), so the hash does not depend on float formatting. */
  surfaceM2?: string | undefined;
  rentCents?: number | undefined;
  financing?: string | undefined;
  contingent?: string | null | undefined;
}

export interface MinutesCandidate {
  applicationNumber: string;
  rank: number;
}

export interface MinutesVote {
  counts: VoteCounts;
  outcome: TallyOutcome;
  decidedBy: DecidingRule;
  castingVote: MinutesPerson | null;
  quorum: QuorumSnapshot;
}

export interface MinutesDecision {
  applicationNumber: string;
  type: DecisionType;
  rank: number | null;
  conditionDocument: string | null;
  /** YYYY-MM-DD. */
  conditionDeadline: string | null;
  reasons: string | null;
}

export interface MinutesItem {
  position: number;
  kind: AgendaItemKind;
  dwelling: MinutesDwelling;
  candidatesExamined: MinutesCandidate[];
  /** Allocation items only: how many candidates, and the recorded exception when fewer than three. */
  candidateCheck: { count: number; exception: CandidateShortfallException | null } | null;
  recused: MinutesPerson[];
  /** Every vote held on the item, the last one deciding. */
  votes: MinutesVote[];
  status: AgendaItemStatus;
  deferral: { reason: string; referral: boolean } | null;
  decisions: MinutesDecision[];
  opinion: OccupancyOpinion | null;
}

export interface MinutesSession {
  id: string;
  mode: SessionMode;
  means: string;
  scheduledStart: string;
  closedAt: string;
  reconvenedFrom: string | null;
  withoutQuorum: boolean;
}

export interface MinutesCommittee {
  id: string;
  name: string;
  landlord: string;
  timeZone: string;
}

export interface MinutesMembers {
  convened: MinutesPerson[];
  present: MinutesPresentMember[];
  represented: MinutesRepresentedMember[];
  absent: MinutesPerson[];
  consultative: MinutesPerson[];
}

export interface MinutesDocument {
  document: 'caleol_minutes';
  formatVersion: 1;
  committee: MinutesCommittee;
  session: MinutesSession;
  members: MinutesMembers;
  meeting: MinutesMeeting;
  quorumAtOpening: QuorumSnapshot | null;
  items: MinutesItem[];
  signers: MinutesSigner[];
  /** Present from the first amendment on: the version, and each correction that made one. */
  version?: number;
  amendments?: MinutesAmendmentEntry[];
}

/** A correction of the minutes after their first draft, as the new version records it. */
export interface MinutesAmendmentEntry {
  version: number;
  at: string;
  by: { id: string; name: string };
  reason: string;
  text: string;
}

/** In a candidate's extract, an item where the candidate does not appear: no data at all. */
export interface OtherDwellingItem {
  position: number;
  otherDwelling: true;
}

/**
 * The minutes as one examined applicant may obtain them: the session, the attendance and their
 * own items only, every other candidate's data removed. `sourceSha256` names the signed minutes
 * it was taken from.
 */
export interface CandidateExtractDocument extends Omit<MinutesDocument, 'document' | 'items'> {
  document: 'caleol_minutes_extract';
  extractFor: { applicationNumber: string };
  sourceSha256: string;
  items: Array<MinutesItem | OtherDwellingItem>;
}

export function isOtherDwellingItem(item: MinutesItem | OtherDwellingItem): item is OtherDwellingItem {
  return 'otherDwelling' in item;
}
