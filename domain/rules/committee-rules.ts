// A committee's internal rules (règlement intérieur) as data. The law fixes some values; the
// RI chooses the rest. Every change is a new version; a session pins the version it started with.

import { defaultWrittenSessionRules, writtenRulesProblems, type WrittenSessionRules } from './written-sessions.ts';

export type MajorityBasis = 'votes_cast' | 'present_or_represented';
export type TieWithoutMayor = 'defer' | 'revote';
export type MinutesSigner = 'chair' | 'secretary';

export interface CommitteeRules {
  quorum: {
    /** Quorum holds when present-or-represented ≥ threshold × the item's voting roster. */
    threshold: number;
    /** Minutes after the scheduled start before a session without quorum is adjourned (carence). */
    gracePeriodMinutes: number;
    /** Whether the reconvened session after a carence deliberates without quorum. */
    reconvenedWithoutQuorum: boolean;
    /** Days between a carence and the reconvened session. */
    reconveneAfterDays: number;
  };
  proxiesPerHolder: number;
  /** How many ballots a member may cast for one seat in one vote, changes of mind included: a flood of ballots is refused. */
  ballotsPerSeat: number;
  /** Days between the delivery of a convocation and the sitting. */
  noticePeriodDays: number;
  /** How many minutes before its convened time the sitting may open (the law's default: none). */
  openingToleranceMinutes: number;
  /** Whether the sitting may open while a member is not convened, with the secretary's reason printed in the minutes. */
  unconvenedOpeningAllowed: boolean;
  /** Whether an agenda may be published inside the notice period, with a reason (urgency). */
  urgentConvocationAllowed: boolean;
  majority: {
    basis: MajorityBasis;
    /** Whether abstentions count as votes cast (then they weigh like votes against). */
    abstentionsCount: boolean;
  };
  /** A tie with no casting vote: the item is deferred, or voted again once and then deferred. */
  tieWithoutMayor: TieWithoutMayor;
  remoteSessionsAllowed: boolean;
  /** Share of the voting members that must take part in a remote deliberation (ordonnance 2014-1329: half). */
  remoteMinimumParticipation: number;
  minutesSigners: MinutesSigner[];
  /** Days an applicant has to answer an offer (R441-10: at least ten). */
  offerResponseDays: number;
  /** Days between reminders to the signers of unsigned minutes. */
  signatureReminderDays: number;
  /** Days after the minutes are drafted before unsigned minutes are escalated to ops. */
  signatureEscalationDays: number;
  /** Written sessions: whether the RI provides for them, and how they run. */
  writtenSessions: WrittenSessionRules;
  /** Who signs the decision and offer letters for the landlord; the committee's secretariat when unset. */
  letterSignatory?: { name: string; title: string } | undefined;
}

/** Legal defaults and the usual RI choices (domain rules, CCH R441-3, R441-9, R441-10). */
export const defaultCommitteeRules: CommitteeRules = {
  quorum: { threshold: 0.5, gracePeriodMinutes: 30, reconvenedWithoutQuorum: true, reconveneAfterDays: 7 },
  proxiesPerHolder: 1,
  ballotsPerSeat: 20,
  noticePeriodDays: 5,
  openingToleranceMinutes: 0,
  unconvenedOpeningAllowed: false,
  urgentConvocationAllowed: true,
  majority: { basis: 'votes_cast', abstentionsCount: false },
  tieWithoutMayor: 'defer',
  remoteSessionsAllowed: true,
  remoteMinimumParticipation: 0.5,
  minutesSigners: ['chair'],
  offerResponseDays: 10,
  signatureReminderDays: 3,
  signatureEscalationDays: 10,
  writtenSessions: defaultWrittenSessionRules,
};

export interface RulesProblem {
  field: string;
  rule: string;
  message: string;
}

/** What the law forbids an RI to choose; types and ranges are checked by the API's schema. */
export function committeeRulesProblems(rules: CommitteeRules): RulesProblem[] {
  const problems: RulesProblem[] = [];
  if (rules.offerResponseDays < 10) {
    problems.push({ field: 'offerResponseDays', rule: 'offer_at_least_ten_days', message: 'an applicant has at least ten days to answer an offer (CCH R441-10)' });
  }
  if (rules.remoteMinimumParticipation < 0.5) {
    problems.push({ field: 'remoteMinimumParticipation', rule: 'remote_half_participation', message: 'a remote deliberation needs at least half of the members taking part (ordonnance 2014-1329)' });
  }
  if (!rules.minutesSigners.includes('chair')) {
    problems.push({ field: 'minutesSigners', rule: 'chair_signs_minutes', message: 'the minutes are signed by the chair' });
  }
  if (new Set(rules.minutesSigners).size !== rules.minutesSigners.length) {
    problems.push({ field: 'minutesSigners', rule: 'signers_distinct', message: 'each signer is listed once' });
  }
  if (rules.quorum.threshold <= 0 || rules.quorum.threshold > 1) {
    problems.push({ field: 'quorum.threshold', rule: 'quorum_threshold_range', message: 'the quorum threshold is a share of the roster, above 0 and at most 1' });
  }
  problems.push(...writtenRulesProblems(rules.writtenSessions));
  return problems;
}

/** Rules as stored (possibly from an older version of this shape), completed with the defaults. */
export function completeRules(stored: Partial<CommitteeRules> | null | undefined): CommitteeRules {
  const s = stored ?? {};
  return {
    ...defaultCommitteeRules,
    ...s,
    quorum: { ...defaultCommitteeRules.quorum, ...s.quorum },
    majority: { ...defaultCommitteeRules.majority, ...s.majority },
    writtenSessions: { ...defaultCommitteeRules.writtenSessions, ...s.writtenSessions },
  };
}
