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
