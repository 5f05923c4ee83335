// How a workflow refuses an update: a non-retryable ApplicationFailure naming the rule, which the
// API turns into a problem+json answer (a plain Error would fail the workflow task instead).
import { ApplicationFailure } from '@temporalio/workflow';
import type { RefusalDetails } from './messages.ts';

export function refuse(type: string, rule: string, message: string, problems?: RefusalDetails['problems']): never {
  const details: RefusalDetails = { rule, ...(problems ? { problems } : {}) };
  throw ApplicationFailure.create({ type, message, details: [details], nonRetryable: true });
}
