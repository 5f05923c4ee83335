// The API's side of Temporal: starting session workflows, sending their updates and reading
// their state. Refused updates become problem details naming the rule that refused them.
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import { getSessionState, refusalTypes, type RefusalDetails, type SessionInput, type SessionState } from '../workflows/messages.ts';
import { committeeIdKey, lastProgressKey, scheduledStartKey, sessionPhaseKey } from '../workflows/search-attributes.ts';
import { notFound, ProblemError } from './problem.ts';

export const sessionWorkflowType = 'sessionWorkflow';

export function sessionWorkflowId(sessionId: string): string {
  return `session-${sessionId}`;
}

const statusByRefusal: Record<string, { status: number; code: string; title: string }> = {
  [refusalTypes.conflict]: { status: 409, code: 'session_conflict', title: 'Not allowed in the session\'s current state' },
  [refusalTypes.ruleViolation]: { status: 422, code: 'rule_violation', title: 'Refused by a rule' },
  [refusalTypes.notFound]: { status: 404, code: 'not_found', title: 'Not found' },
  [refusalTypes.forbidden]: { status: 403, code: 'forbidden', title: 'Forbidden' },
};

export class SessionClient {
  constructor(private readonly client: Client, private readonly taskQueue: string) {}

  /** Starts the session's workflow, or finds it already running: the id is the business key. */
  async start(input: SessionInput): Promise<void> {
    await this.client.workflow.start(sessionWorkflowType, {
      workflowId: sessionWorkflowId(input.sessionId),
      taskQueue: this.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: committeeIdKey, value: input.committeeId },
        { key: sessionPhaseKey, value: 'draft' },
        { key: scheduledStartKey, value: new Date(input.scheduledStart) },
        { key: lastProgressKey, value: new Date() },
      ],
    }).catch((error: unknown) => {
      // The session ran already and has finished: it is never run twice.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    });
  }

  async state(sessionId: string): Promise<SessionState> {
    try {
      return await this.client.workflow.getHandle(sessionWorkflowId(sessionId)).query(getSessionState);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound('session', sessionId);
      throw error;
    }
  }

  /** Sends an update and waits for its result; `updateId` makes a retried request apply once. */
  async update<Ret, Args extends [unknown, ...unknown[]]>(
    sessionId: string,
    definition: UpdateDefinition<Ret, Args>,
    args: Args,
    updateId?: string,
  ): Promise<Ret> {
    const handle = this.client.workflow.getHandle(sessionWorkflowId(sessionId));
    try {
      return await handle.executeUpdate(definition, { args, ...(updateId ? { updateId } : {}) });
    } catch (error) {
      throw toProblem(error, sessionId);
    }
  }
}

function toProblem(error: unknown, sessionId: string): unknown {
  if (error instanceof WorkflowNotFoundError) return notFound('session', sessionId);
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    const mapped = statusByRefusal[failure.type ?? ''];
    if (mapped) {
      const details = failure.details?.[0] as RefusalDetails | undefined;
      return new ProblemError({
        ...mapped,
        detail: failure.message,
        rule: details?.rule,
        ...(details?.problems ? { problems: details.problems } : {}),
      });
    }
  }
  // An update sent to a workflow that has finished.
  if (error instanceof Error && /workflow execution already completed/i.test(error.message)) {
    return new ProblemError({ status: 409, code: 'session_finished', title: 'Session finished', detail: `session ${sessionId} has finished and accepts no more changes` });
  }
  return error;
}
