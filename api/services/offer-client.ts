// The API's side of the offer workflows: sending the applicant's answer and reading the offers'
// state (the session workflow starts them). Refused answers become problem details
// naming the rule that refused them.
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { Refusal } from '../../domain/session/index.ts';
import { offerWorkflowId } from '../../workflows/ids.ts';
import { getOfferState, type AnswerOffer, type OfferRecord, type OfferState, type OfferStatus } from '../../workflows/offer-messages.ts';
import { refusalFailureTypes } from '../../workflows/refusals.ts';
import { ProblemError } from '../problems.ts';

const statusByRefusal: Record<string, { status: number; code: string; title: string }> = {
  [refusalFailureTypes.conflict]: { status: 409, code: 'offer_conflict', title: 'Not allowed in the offer\'s current state' },
  [refusalFailureTypes.rule_violation]: { status: 422, code: 'rule_violation', title: 'Refused by a rule' },
  [refusalFailureTypes.not_found]: { status: 404, code: 'not_found', title: 'Not found' },
  [refusalFailureTypes.forbidden]: { status: 403, code: 'forbidden', title: 'Forbidden' },
};

/** Where an Offer row's workflow is, and what the row says of the offer. */
export interface OfferRow {
  id: string;
  sessionId: string;
  agendaItemId: string;
  status: OfferStatus;
  deadline: Date;
}

/** The refusal of an answer to an offer that is no longer open, from what is recorded of it. */
export function closedOfferProblem(row: OfferRow): ProblemError {
  if (row.status === 'expired') {
    return new ProblemError({
      ...statusByRefusal[refusalFailureTypes.rule_violation]!,
      detail: `the deadline of offer ${row.id} passed at ${row.deadline.toISOString()}: silence is refusal (CCH R441-10)`,
      rule: 'offer_answer_within_deadline',
    });
  }
  return new ProblemError({ ...statusByRefusal[refusalFailureTypes.conflict]!, detail: `offer ${row.id} was already ${row.status}`, rule: 'offer_answered_once' });
}

/** Sends the applicant's answer to the offer's workflow; `updateId` makes a retried request apply once. */
export async function answerOffer(
  client: Client,
  row: OfferRow,
  definition: UpdateDefinition<OfferRecord, [AnswerOffer]>,
  answer: AnswerOffer,
  updateId?: string,
): Promise<OfferRecord> {
  const handle = client.workflow.getHandle(offerWorkflowId(row.sessionId, row.agendaItemId));
  try {
    return await handle.executeUpdate(definition, { args: [answer], ...(updateId ? { updateId } : {}) });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const mapped = statusByRefusal[error.cause.type ?? ''];
      if (mapped) {
        const details = error.cause.details?.[0] as Refusal | undefined;
        throw new ProblemError({ ...mapped, detail: error.cause.message, rule: details?.rule, article: details?.article });
      }
    }
    if (error instanceof WorkflowNotFoundError || (error instanceof Error && /workflow execution already completed/i.test(error.message))) {
      throw new ProblemError({ status: 409, code: 'offer_finished', title: 'Offers finished', detail: `the offers of this dwelling have finished and take no more answers`, rule: 'offer_answered_once' });
    }
    throw error;
  }
}

/** The live state of a dwelling's offers, or undefined when its workflow is unknown to Temporal. */
export async function offerState(client: Client, sessionId: string, agendaItemId: string): Promise<OfferState | undefined> {
  try {
    return await client.workflow.getHandle(offerWorkflowId(sessionId, agendaItemId)).query(getOfferState);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}
