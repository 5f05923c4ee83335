// What makes an agenda item lawful (CCH R441-3).

export const minimumCandidates = 3;

/** Recorded reasons for which fewer than three candidates is lawful. */
export type CandidateShortfallException =
  | 'insufficient_candidates'
  | 'dalo_designation'
  | 'financing_d331_25_1';

export const candidateShortfallExceptions: readonly CandidateShortfallException[] = [
  'insufficient_candidates',
  'dalo_designation',
  'financing_d331_25_1',
];

export interface AgendaProblem {
  rule: string;
  message: string;
}

export function agendaItemProblems(candidateCount: number, exception: CandidateShortfallException | undefined): AgendaProblem[] {
  if (candidateCount === 0) {
    return [{ rule: 'item_needs_candidates', message: 'an allocation item lists at least one candidate' }];
  }
  if (candidateCount < minimumCandidates && exception === undefined) {
    return [{
      rule: 'three_candidates_per_dwelling',
      message: `an allocation item lists at least ${minimumCandidates} candidates unless an exception is recorded (${candidateShortfallExceptions.join(', ')})`,
    }];
  }
  return [];
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Convocations go out at least `noticePeriodDays` before the session; inside that period only
 * with an urgency reason, where the rules allow it.
 */
export function convocationProblems(
  publishedAt: Date,
  scheduledStart: Date,
  rules: { noticePeriodDays: number; urgentConvocationAllowed: boolean },
  urgencyReason: string | undefined,
): AgendaProblem[] {
  const latest = scheduledStart.getTime() - rules.noticePeriodDays * dayMs;
  if (publishedAt.getTime() <= latest) return [];
  if (urgencyReason?.trim()) {
    if (rules.urgentConvocationAllowed) return [];
    return [{ rule: 'notice_period', message: `the committee's rules allow no urgent convocation: the agenda is published at least ${rules.noticePeriodDays} days before the session` }];
  }
  return [{
    rule: 'notice_period',
    message: `the agenda is published at least ${rules.noticePeriodDays} days before the session${rules.urgentConvocationAllowed ? ', or with the reason for the urgency' : ''}`,
  }];
}

/** Once the agenda is published, every change states its reason. */
export function agendaChangeProblems(published: boolean, reason: string | undefined): AgendaProblem[] {
  if (published && !reason?.trim()) {
    return [{ rule: 'published_agenda_change_needs_reason', message: 'the agenda is published: a change states its reason' }];
  }
  return [];
}
