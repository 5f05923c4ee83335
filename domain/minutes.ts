// The minutes (procès-verbal) as a projection of what the session recorded: `minutesFacts` takes
// them from the session's state (itself the fold of its events), and `minutesDocument` names the
// people, dwellings and applications from reference data. The document is what the PDF, the
// per-candidate extracts and the verification work on (formatVersion 2), as it reads back from JSON.
import {
  isDeliberative,
  type CandidateShortfallException,
  type DecidingRule,
  type DecisionType,
  type MemberRole,
  type MinutesSigner,
  type OccupancyOpinion,
  type QuorumSnapshot,
  type SessionMember,
  type TallyOutcome,
  type VoteCounts,
} from './rules/index.ts';
import type { SessionMode, VideoProvider } from './session/phases-and-modes.ts';
import type {
  AgendaItemKind,
  AgendaItemState,
  AgendaItemStatus,
  AttendanceChange,
  AttendanceHow,
  AttendanceRecord,
  ConvocationChannel,
  DeferralCause,
  MinutesAmendment,
  ParticipantSession,
  SessionState,
  Sitting,
  WrittenWindow,
} from './session/state.ts';
import { writtenItemParticipation } from './session/written-tally.ts';

// --- what the session recorded ------------------------------------------------------------------

/** What the minutes are drafted from: the session's recorded facts, by id. */
export interface MinutesFacts {
  sessionId: string;
  committeeId: string;
  version: number;
  mode: SessionMode;
  videoProvider: VideoProvider;
  place?: string | undefined;
  scheduledStart: string;
  sitting: Sitting;
  convocation: {
    publishedAt?: string | undefined;
    agendaVersion: number;
    urgencyReason?: string | undefined;
    deliveries: Array<{ memberId: string; deliveredAt?: string | undefined; channel?: ConvocationChannel | undefined; recordedReason?: string | undefined }>;
  };
  members: SessionMember[];
  attendance: Record<string, AttendanceRecord>;
  attendanceLog: AttendanceChange[];
  proxies: Record<string, string>;
  agenda: AgendaItemState[];
  withoutQuorum: boolean;
  reconvenedFrom?: string | undefined;
  signers: MinutesSigner[];
  participants: ParticipantSession[];
  amendments?: MinutesAmendment[] | undefined;
  /** A written session: its window, and each item's participation at the close, by item id. */
  written?: { window: WrittenWindow; minimumParticipation: number; participation: Record<string, QuorumSnapshot> } | undefined;
}

export function minutesFacts(state: SessionState, version: number): MinutesFacts {
  return {
    sessionId: state.sessionId,
    committeeId: state.committeeId,
    version,
    mode: state.mode,
    videoProvider: state.videoProvider,
    ...(state.place ? { place: state.place } : {}),
    scheduledStart: state.scheduledStart,
    sitting: state.sitting,
    convocation: {
      publishedAt: state.published?.at,
      agendaVersion: state.published?.sequence ?? 0,
      urgencyReason: state.published?.urgencyReason,
      deliveries: state.members.filter((m) => m.role !== 'staff').map((m) => {
        const c = state.convocations[m.id];
        return { memberId: m.id, deliveredAt: c?.deliveredAt, channel: c?.channel, recordedReason: c?.recordedReason };
      }),
    },
    members: state.members,
    attendance: state.attendance,
    attendanceLog: state.attendanceLog,
    proxies: state.proxies,
    agenda: state.agenda,
    withoutQuorum: state.withoutQuorum,
    reconvenedFrom: state.reconvenedFrom,
    signers: state.rules.minutesSigners,
    participants: state.participants,
    ...(state.minutes?.amendments?.length ? { amendments: state.minutes.amendments } : {}),
    ...(state.mode === 'written' && state.window
      ? {
        written: {
          window: state.window,
          minimumParticipation: state.rules.writtenSessions.minimumParticipation,
          participation: Object.fromEntries(state.agenda.map((i) => [i.id, i.results.at(-1)?.quorum ?? writtenItemParticipation(state, i)])),
        },
      }
      : {}),
  };
}

// --- the document -------------------------------------------------------------------------------

/** A member as the minutes name them; `role` is 'unknown' for an id missing from the roster. */
export interface MinutesPerson {
  memberId: string;
  name: string;
  role: MemberRole | 'unknown';
}

export interface MinutesPresentMember extends MinutesPerson {
  /** `written`: took part in a written session (voted or posted). */
  how: AttendanceHow | 'written';
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
  closedAt: string;
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
  deferral: { cause: DeferralCause; reason: string | null; referral: boolean } | null;
  decisions: MinutesDecision[];
  opinion: OccupancyOpinion | null;
  /** A written session: who took part and when, the debate, the referral requests. */
  written?: MinutesWrittenItem | undefined;
  /** An item a written session referred to this live sitting. */
  referredFrom?: { sessionId: string; reason: string } | undefined;
}

/** A seat's last ballot in a written session: who cast it and when (not how: the counts say that). */
export interface MinutesWrittenBallot {
  seat: MinutesPerson;
  castBy: MinutesPerson;
  at: string;
  byProxy: boolean;
}

export interface MinutesWrittenItem {
  /** Seats of the roster that voted against the share required. */
  participation: QuorumSnapshot;
  ballots: MinutesWrittenBallot[];
  debate: Array<{ at: string; by: { id: string; name: string }; text: string }>;
  /** In a candidate's extract the debate is withheld (it may speak of other candidates): how many messages. */
  debateWithheld?: number | undefined;
  referralRequests: Array<{ member: MinutesPerson; at: string; reason: string }>;
}

/** A written session's window as it ran. */
export interface MinutesWindow {
  opensAt: string;
  closesAt: string;
  openedAt: string | null;
  closedAt: string | null;
  early: boolean;
  extension: { from: string; to: string; reason: string; by: { id: string; name: string }; at: string } | null;
  reminders: Array<{ hoursBefore: number; at: string; members: number; emailed: number }>;
  minimumParticipation: number;
}

export interface MinutesSession {
  id: string;
  mode: SessionMode;
  means: string;
  place: string | null;
  /** The convened time. */
  scheduledStart: string;
  /** When the sitting actually opened, began to deliberate and closed. */
  openedAt: string | null;
  deliberationsStartedAt: string | null;
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

export interface MinutesConvocation {
  publishedAt: string | null;
  /** 1, plus one for each change to the published agenda. */
  agendaVersion: number;
  urgencyReason: string | null;
  /** Convocations delivered otherwise than by e-mail, as the secretary recorded them. */
  recordedDeliveries: Array<{ member: MinutesPerson; channel: ConvocationChannel; deliveredAt: string; reason: string }>;
  /** Members not convened when the sitting opened, and why it went ahead. */
  unconvened: { members: MinutesPerson[]; reason: string } | null;
}

export interface MinutesMembers {
  convened: MinutesPerson[];
  present: MinutesPresentMember[];
  represented: MinutesRepresentedMember[];
  absent: MinutesPerson[];
  consultative: MinutesPerson[];
}

export interface MinutesAttendanceChange {
  member: MinutesPerson;
  present: boolean;
  at: string;
  how: AttendanceHow;
}

export interface MinutesDocument {
  document: 'caleol_minutes';
  formatVersion: 2;
  committee: MinutesCommittee;
  session: MinutesSession;
  convocation: MinutesConvocation;
  members: MinutesMembers;
  /** Every arrival and departure, with its time. */
  attendance: MinutesAttendanceChange[];
  meeting: MinutesMeeting;
  /** The quorum when the committee began to deliberate; null if it never could. */
  quorumAtDeliberations: QuorumSnapshot | null;
  items: MinutesItem[];
  signers: MinutesSigner[];
  /** A written session's window (absent for a live sitting). */
  window?: MinutesWindow;
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

// --- the projection -----------------------------------------------------------------------------

/** Reference data the minutes name things by, loaded by id. */
export interface MinutesReferences {
  committee: MinutesCommittee;
  memberNames: ReadonlyMap<string, string>;
  dwellings: ReadonlyMap<string, MinutesDwelling>;
  applicationNumbers: ReadonlyMap<string, string>;
}

/** A secretary acts as `staff:<subject>`: the minutes name them by their capacity. */
function staffName(actor: string): string {
  return actor.startsWith('staff:') ? `le secrétariat (${actor.slice('staff:'.length)})` : actor;
}

export function minutesDocument(facts: MinutesFacts, refs: MinutesReferences): MinutesDocument {
  const person = (id: string): MinutesPerson => ({ memberId: id, name: refs.memberNames.get(id) ?? id, role: facts.members.find((m) => m.id === id)?.role ?? 'unknown' });
  const byName = (id: string) => ({ id, name: refs.memberNames.get(id) ?? staffName(id) });
  // In a written session, taking part is casting a ballot or posting to the debate.
  const tookPart = new Set(facts.agenda.flatMap((i) => [...Object.values(i.votes).map((v) => v.castBy), ...(i.debate ?? []).map((d) => d.by)]));
  const written = facts.written;
  const isPresent = (id: string) => (written ? tookPart.has(id) : facts.attendance[id]?.present === true);
  const present = facts.members.filter((m) => isPresent(m.id));
  // In a written session a member is represented when their proxy holder voted for their seat.
  const votedByProxy = new Set(facts.agenda.flatMap((i) => Object.entries(i.votes).filter(([seat, v]) => v.castBy !== seat && facts.proxies[seat] === v.castBy).map(([seat]) => seat)));
  const isRepresented = (id: string) => (written ? votedByProxy.has(id) : facts.proxies[id] !== undefined);
  const represented = facts.members.filter((m) => !isPresent(m.id) && isRepresented(m.id));
  const absent = facts.members.filter((m) => !isPresent(m.id) && !isRepresented(m.id));
  const applicationNumber = (id: string) => refs.applicationNumbers.get(id) ?? id;
  const unconvened = facts.sitting.unconvened;

  return {
    document: 'caleol_minutes',
    formatVersion: 2,
    committee: refs.committee,
    session: {
      id: facts.sessionId,
      mode: facts.mode,
      means: written ? 'written deliberation online; participation from the ballots and the debate' : facts.videoProvider === 'zoom' ? 'Zoom videoconference; attendance from the meeting' : 'attendance recorded by the secretary',
      place: facts.place ?? null,
      scheduledStart: facts.scheduledStart,
      openedAt: facts.sitting.openedAt ?? null,
      deliberationsStartedAt: facts.sitting.deliberationsStartedAt ?? null,
      closedAt: facts.sitting.closedAt ?? '',
      reconvenedFrom: facts.reconvenedFrom ?? null,
      withoutQuorum: facts.withoutQuorum,
    },
    convocation: {
      publishedAt: facts.convocation.publishedAt ?? null,
      agendaVersion: facts.convocation.agendaVersion,
      urgencyReason: facts.convocation.urgencyReason ?? null,
      recordedDeliveries: facts.convocation.deliveries.flatMap((d) => (d.channel && d.channel !== 'email' && d.deliveredAt
        ? [{ member: person(d.memberId), channel: d.channel, deliveredAt: d.deliveredAt, reason: d.recordedReason ?? '' }]
        : [])),
      unconvened: unconvened ? { members: unconvened.memberIds.map(person), reason: unconvened.reason } : null,
    },
    members: {
      convened: facts.members.filter((m) => m.role !== 'staff').map((m) => person(m.id)),
      present: present.filter((m) => isDeliberative(m.role)).map((m) => ({
        ...person(m.id),
        how: written ? 'written' as const : facts.attendance[m.id]?.how ?? 'manual',
        ...(m.substituteFor ? { standingInFor: person(m.substituteFor) } : {}),
      })),
      represented: represented.map((m) => ({ ...person(m.id), by: person(facts.proxies[m.id]!) })),
      absent: absent.filter((m) => isDeliberative(m.role)).map((m) => person(m.id)),
      consultative: present.filter((m) => !isDeliberative(m.role)).map((m) => person(m.id)),
    },
    attendance: facts.attendanceLog.map((a) => ({ member: person(a.memberId), present: a.present, at: a.at, how: a.how })),
    meeting: facts.videoProvider === 'zoom'
      ? {
        provider: 'zoom',
        joinSessions: facts.participants.map((p) => ({
          ...(p.memberId ? { member: person(p.memberId) } : { guest: p.guestName ?? 'unknown' }),
          joinedAt: p.joinedAt ?? null,
          leftAt: p.leftAt ?? null,
        })),
      }
      : { provider: 'manual' },
    quorumAtDeliberations: facts.sitting.deliberationsQuorum ?? null,
    items: facts.agenda.map((item) => ({
      position: item.position,
      kind: item.kind,
      dwelling: refs.dwellings.get(item.dwellingId) ?? { reference: item.dwellingId },
      candidatesExamined: item.candidates.map((c) => ({ applicationNumber: applicationNumber(c.applicationId), rank: c.rank })),
      candidateCheck: item.kind === 'allocation' ? { count: item.candidates.length, exception: item.exception ?? null } : null,
      recused: item.conflicts.map(person),
      votes: item.results.map((r) => ({
        counts: r.counts, outcome: r.outcome, decidedBy: r.decidedBy, castingVote: r.castingVoterId ? person(r.castingVoterId) : null, quorum: r.quorum, closedAt: r.closedAt,
      })),
      status: item.status,
      deferral: item.deferral ? { cause: item.deferral.cause, reason: item.deferral.reason ?? null, referral: item.deferral.cause === 'referral' } : null,
      decisions: item.decisions.map((dec) => ({
        applicationNumber: applicationNumber(dec.applicationId),
        type: dec.type,
        rank: dec.rank ?? null,
        conditionDocument: dec.conditionDocument ?? null,
        conditionDeadline: dec.conditionDeadline ?? null,
        reasons: dec.reasons ?? null,
      })),
      opinion: item.opinion ?? null,
      ...(item.referredFrom ? { referredFrom: item.referredFrom } : {}),
      ...(written
        ? {
          written: {
            participation: written.participation[item.id] ?? { rosterSize: 0, present: 0, represented: 0, required: 0, reached: false },
            ballots: Object.entries(item.votes).sort(([, a], [, b]) => a.castAt.localeCompare(b.castAt)).map(([seat, v]) => ({
              seat: person(seat), castBy: person(v.castBy), at: v.castAt,
              byProxy: v.castBy !== seat && facts.members.find((m) => m.id === v.castBy)?.substituteFor !== seat,
            })),
            debate: (item.debate ?? []).map((d) => ({ at: d.at, by: byName(d.by), text: d.text })),
            referralRequests: (item.referralRequests ?? []).map((r) => ({ member: person(r.memberId), at: r.at, reason: r.reason })),
          },
        }
        : {}),
    })),
    signers: facts.signers,
    ...(written
      ? {
        window: {
          opensAt: written.window.opensAt,
          closesAt: written.window.closesAt,
          openedAt: written.window.openedAt ?? null,
          closedAt: written.window.closedAt ?? null,
          early: written.window.early ?? false,
          extension: written.window.extension
            ? { from: written.window.extension.from, to: written.window.extension.to, reason: written.window.extension.reason, by: byName(written.window.extension.by), at: written.window.extension.at }
            : null,
          reminders: written.window.reminders.map((r) => ({ hoursBefore: r.hoursBefore, at: r.at, members: r.memberIds.length, emailed: r.emailed })),
          minimumParticipation: written.minimumParticipation,
        },
      }
      : {}),
    // Absent before the first amendment, so an unamended version keeps its bytes.
    ...(facts.amendments?.length
      ? {
        version: facts.version,
        amendments: facts.amendments.map((a) => ({ version: a.version, at: a.at, by: byName(a.by), reason: a.reason, text: a.text })),
      }
      : {}),
  };
}
