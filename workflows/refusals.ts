// How a workflow refuses an update: a non-retryable ApplicationFailure carrying the refusal (rule,
// article, message), which the API turns into a problem+json answer. A plain Error would fail
// the workflow task instead, which retries forever.
import { ApplicationFailure } from '@temporalio/workflow';
import { refusal, type Refusal, type RefusalKind } from '../domain/session/index.ts';

/** The failure type of each kind of refusal; the API maps them to HTTP statuses. */
export const refusalFailureTypes: Record<RefusalKind, string> = {
  conflict: 'SessionConflict',
  rule_violation: 'RuleViolation',
  not_found: 'NotFoundInSession',
  forbidden: 'ActorForbidden',
};

export function refusalFailure(refusal: Refusal): ApplicationFailure {
  return ApplicationFailure.create({ type: refusalFailureTypes[refusal.kind], message: refusal.message, details: [refusal], nonRetryable: true });
}

/** The failure type of a command that changes nothing: the API answers with the details' value, as if applied. */
export const unchangedFailureType = 'SessionUnchanged';

export function unchangedFailure(answer: unknown): ApplicationFailure {
  return ApplicationFailure.create({ type: unchangedFailureType, message: 'nothing to change: already so', details: [answer], nonRetryable: true });
}

export function refuse(kind: RefusalKind, rule: string, message: string): never {
  throw refusalFailure(refusal(kind, rule, message));
}
