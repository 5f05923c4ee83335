// The API's side of Temporal for sessions: starting their workflows, sending their updates and
// reading their state. A refused update becomes a problem naming the rule and its article.
import { randomUUID } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { Refusal, RefusalKind, SessionInput, SessionState } from '../../domain/session/index.ts';
import { sessionWorkflowId, sessionWorkflowType } from '../../workflows/ids.ts';
import { refusalFailureTypes, unchangedFailureType } from '../../workflows/refusals.ts';
import { committeeIdKey, lastProgressKey, scheduledStartKey, sessionPhaseKey } from '../../workflows/search-attributes.ts';
import { getSessionState } from '../../workflows/session-messages.ts';
import { notFound, ProblemError } from '../problems.ts';

const statusByKind: Record<RefusalKind, { status: number; code: string; title: string }> = {
  conflict: { status: 409, code: 'session_conflict', title: 'Not allowed in the session\'s current state' },
  rule_violation: { status: 422, code: 'rule_violation', title: 'Refused by a rule' },
  not_found: { status: 404, code: 'not_found', title: 'Not found' },
  forbidden: { status: 403, code: 'forbidden', title: 'Forbidden' },
};
/** gRPC INVALID_ARGUMENT and FAILED_PRECONDITION (google.rpc.Code 3, 9). */
const invalidArgument = 3;
const failedPrecondition = 9;

/**
 * Seen under load (200 sessions setting up at once): the server had completed an update and sent
 * it to the worker again; the worker's answer to the copy was refused ("invalid state transition
 * … while in state Completed") and the client's call failed with FAILED_PRECONDITION "unexpected
 * workflow task failure". A request the API built from its schema is never an invalid argument
 * otherwise: asked again under the same update id, the server answers with the outcome it has
 * (applied once).
 */
export function updateAlreadyCompleted(error: unknown): boolean {
  for (let e = error as { message?: unknown; cause?: unknown; code?: unknown } | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === invalidArgument) return true;
    if (e.code === failedPrecondition && typeof e.message === 'string' && /unexpected workflow task failure/i.test(e.message)) return true;
    if (typeof e.message === 'string' && /invalid state transition attempted for Update .*while in state Completed/i.test(e.message)) return true;
  }
  return false;
}

const kindByFailureType = new Map(Object.entries(refusalFailureTypes).map(([kind, type]) => [type, kind as RefusalKind]));

/** The problem a refused update answers with. */
export function refusalProblem(refusal: Pick<Refusal, 'kind' | 'rule' | 'article' | 'message' | 'problems'>): ProblemError {
  return new ProblemError({
    ...statusByKind[refusal.kind],
    detail: refusal.message,
    rule: refusal.rule,
    article: refusal.article,
    ...(refusal.problems ? { problems: refusal.problems } : {}),
  });
}

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
    // An id of our own even without a key (no ':' in it: the workflow does not keep it past a hand-over), so that a retry is the same update.
    const id = updateId ?? randomUUID();
    const send = () => handle.executeUpdate(definition, { args, updateId: id });
    try {
      try {
        return await send();
      } catch (error) {
        if (!updateAlreadyCompleted(error)) throw error;
        return await send();
      }
    } catch (error) {
      // Already so: the session answers as if applied, and nothing was recorded.
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === unchangedFailureType) {
        return error.cause.details?.[0] as Ret;
      }
      throw await this.toProblem(error, sessionId);
    }
  }

  private async toProblem(error: unknown, sessionId: string): Promise<unknown> {
    // Temporal says "not found" of a workflow that has finished as of one that never ran.
    if (error instanceof WorkflowNotFoundError) return (await this.finished(sessionId)) ?? notFound('session', sessionId);
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const kind = kindByFailureType.get(error.cause.type ?? '');
      const refusal = error.cause.details?.[0] as Refusal | undefined;
      if (kind) return refusalProblem({ kind, rule: refusal?.rule ?? 'unknown', article: refusal?.article ?? '', message: error.cause.message, problems: refusal?.problems });
    }
    if (error instanceof Error && /workflow execution already completed/i.test(error.message)) return (await this.finished(sessionId)) ?? error;
    return error;
  }

  /** The problem of a change sent to a session whose workflow has finished, naming the phase it ended in. */
  private async finished(sessionId: string): Promise<ProblemError | undefined> {
    const description = await this.client.workflow.getHandle(sessionWorkflowId(sessionId)).describe().catch(() => undefined);
    if (!description || description.status.name === 'RUNNING') return undefined;
    const phase = description.typedSearchAttributes.get(sessionPhaseKey);
    return new ProblemError({
      status: 409, code: 'session_finished', title: 'Session finished', rule: 'session_finished', ...(phase ? { phase } : {}),
      detail: `session ${sessionId} has finished${phase ? ` (${phase})` : ''} and accepts no more changes`,
    });
  }
}
