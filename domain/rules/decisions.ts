// The decisions a committee may take on each candidate (CCH R441-3), plus deferral.

export const decisionTypes = ['attribution', 'ranked_attribution', 'conditional_attribution', 'non_attribution', 'rejection', 'deferred'] as const;
export type DecisionType = (typeof decisionTypes)[number];

export interface CandidateDecision {
  applicationId: string;
  type: DecisionType;
  rank?: number | undefined;
  /** Suspensive condition: the missing document and the date by which to supply it. */
  conditionDocument?: string | undefined;
  conditionDeadline?: string | undefined;
  reasons?: string | undefined;
}

export interface DecisionProblem {
  applicationId: string;
  field: string;
  rule: string;
  message: string;
}

const needsReasons: ReadonlySet<DecisionType> = new Set(['non_attribution', 'rejection', 'deferred']);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Problems that make a proposed decision unlawful; empty when it may be put to the vote. */
export function decisionProblems(d: CandidateDecision): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const add = (field: string, rule: string, message: string) =>
    problems.push({ applicationId: d.applicationId, field, rule, message });

  if (d.type === 'ranked_attribution' && (d.rank === undefined || d.rank < 1)) {
    add('rank', 'ranked_attribution_needs_rank', 'a ranked attribution states the rank (1 or more)');
  }
  if (d.type === 'conditional_attribution') {
    if (!d.conditionDocument?.trim()) {
      add('conditionDocument', 'suspensive_condition_needs_document', 'an attribution under a suspensive condition names the missing document');
    }
    if (!d.conditionDeadline || !isoDate.test(d.conditionDeadline)) {
      add('conditionDeadline', 'suspensive_condition_needs_deadline', 'an attribution under a suspensive condition states the deadline (YYYY-MM-DD) to supply the document');
    }
  }
  if (needsReasons.has(d.type) && !d.reasons?.trim()) {
    add('reasons', 'decision_needs_reasons', `a decision of type ${d.type} states its reasons in writing`);
  }
  return problems;
}

/** Problems with a proposal for a whole item: one decision per candidate, ranks distinct. */
export function proposalProblems(
  candidateIds: readonly string[],
  decisions: readonly CandidateDecision[],
): DecisionProblem[] {
  const problems = decisions.flatMap(decisionProblems);
  const proposed = new Set(decisions.map((d) => d.applicationId));
  for (const id of candidateIds) {
    if (!proposed.has(id)) {
      problems.push({ applicationId: id, field: 'decisions', rule: 'one_decision_per_candidate', message: 'the proposal has no decision for this candidate' });
    }
  }
  for (const d of decisions) {
    if (!candidateIds.includes(d.applicationId)) {
      problems.push({ applicationId: d.applicationId, field: 'decisions', rule: 'candidate_not_on_item', message: 'this application is not a candidate of the item' });
    }
  }
  if (proposed.size !== decisions.length) {
    problems.push({ applicationId: '', field: 'decisions', rule: 'one_decision_per_candidate', message: 'a candidate has more than one decision' });
  }
  const outright = decisions.filter((d) => (d.type === 'attribution' || d.type === 'conditional_attribution') && d.rank === undefined);
  if (outright.length > 1) {
    problems.push({ applicationId: '', field: 'decisions', rule: 'one_attribution_per_dwelling', message: 'a dwelling is attributed to one candidate; rank the others' });
  }
  const ranks = decisions.filter((d) => d.rank !== undefined).map((d) => d.rank);
  if (new Set(ranks).size !== ranks.length) {
    problems.push({ applicationId: '', field: 'rank', rule: 'ranks_distinct', message: 'two candidates have the same rank' });
  }
  return problems;
}

/** Reasons that are only a code ("DNA-04") are not reasons: courts annul such decisions. */
export function reasonsLookLikeACode(reasons: string | undefined): boolean {
  if (!reasons) return false;
  const text = reasons.trim();
  return text.split(/\s+/).length <= 2 && /^[A-Z0-9 _:.\-/]+$/.test(text);
}
