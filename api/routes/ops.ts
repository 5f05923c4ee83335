// What ops uses on the running workflows: a listing from Temporal's visibility with counts per
// phase, the stuck ones with their cause and a suggested action, and the actions themselves
// (retry an activity now, cancel, terminate, reset), each recorded in the audit trail.
import { optionalTsToDate } from '@temporalio/common/lib/time.js';
import { Type } from 'typebox';
import { appendAuditEvent } from '../../prisma/audit-trail.ts';
import { requireRole } from '../auth.ts';
import type { App, RouteContext } from '../context.ts';
import { idempotencyKeyOf } from '../plugins/idempotency.ts';
import {
  cancelWorkflow,
  findStuck,
  listWorkflows,
  newRequestId,
  opsActions,
  parseWorkflowId,
  resetWorkflow,
  retryActivities,
  runningCounts,
  runningTarget,
  stuckKinds,
  terminateWorkflow,
  type ActionResult,
  type WorkflowKind,
} from '../services/ops-client.ts';
import { notFound, ProblemError } from '../problems.ts';
import { DateTime, problemResponses as problems, SessionPhase, Uuid } from '../schemas.ts';
import { staffActor } from '../services/acting.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableDate = Nullable(DateTime);
const NullableText = Nullable(Type.String());

// Query strings are text (no coercion): numbers are declared as digit patterns and converted.
const Limit = Type.String({ pattern: '^[0-9]{1,3}$', description: 'Page size, 1 to 500 (default 100)' });
const WorkflowType = Type.Enum(['session', 'offer'], { description: 'session or offer workflows (default: both)' });
const TaskQueue = Type.String({ pattern: '^[A-Za-z0-9._:@/-]{1,200}$', description: 'Only workflows of this task queue' });

const ListQuery = Type.Object({
  type: Type.Optional(WorkflowType),
  phase: Type.Optional(Type.Union([SessionPhase], { description: 'Session phase (CaleolSessionPhase); sessions only' })),
  committeeId: Type.Optional(Uuid),
  taskQueue: Type.Optional(TaskQueue),
  olderThanHours: Type.Optional(Type.String({
    pattern: '^[0-9]{1,5}(\\.[0-9]{1,3})?$',
    description: 'Sessions whose last progress (CaleolLastProgressAt, set at each phase change) is older than this; offers, which have no progress attribute, by StartTime',
  })),
  status: Type.Optional(Type.Enum(['running', 'all'], { description: 'running (default) or all, closed ones included' })),
  limit: Type.Optional(Limit),
}, { additionalProperties: false });

const StuckQuery = Type.Object({
  type: Type.Optional(WorkflowType),
  committeeId: Type.Optional(Uuid),
  taskQueue: Type.Optional(TaskQueue),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: 'Running workflows examined per type, 1 to 500 (default 200)' })),
}, { additionalProperties: false });

const ListedWorkflow = Type.Object({
  workflowId: Type.String(),
  runId: Type.String(),
  type: WorkflowType,
  workflowType: Type.String(),
  status: Type.String({ description: 'RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, …' }),
  taskQueue: Type.String(),
  sessionId: Nullable(Uuid),
  phase: NullableText,
  committeeId: Nullable(Uuid),
  scheduledStart: NullableDate,
  lastProgressAt: NullableDate,
  startTime: DateTime,
  closeTime: NullableDate,
});

const WorkflowList = Type.Object({
  workflows: Type.Array(ListedWorkflow),
  truncated: Type.Boolean({ description: 'More workflows matched than the page holds' }),
  counts: Type.Object({
    sessionsByPhase: Type.Record(Type.String(), Type.Integer(), { description: 'Running sessions per phase (phases with none are left out), in the committee / task queue scope' }),
    runningSessions: Type.Integer(),
    runningOffers: Type.Integer(),
  }),
  queries: Type.Object({ session: Type.Optional(Type.String()), offer: Type.Optional(Type.String()) }, { description: 'The visibility queries used' }),
});

const OpsActionName = Type.Enum([...opsActions]);
const SuggestedAction = Type.Object({
  action: Nullable(OpsActionName),
  text: Type.String(),
});

const StuckEntry = Type.Object({
  workflowId: Type.String(),
  runId: Type.String(),
  type: WorkflowType,
  sessionId: Nullable(Uuid),
  committeeId: Nullable(Uuid),
  phase: NullableText,
  kind: Type.Enum([...stuckKinds]),
  severity: Type.Enum(['critical', 'high', 'medium', 'low']),
  since: DateTime,
  detail: Type.String(),
  suggestedAction: SuggestedAction,
  activity: Type.Optional(Type.Object({
    activityId: Type.String(),
    activityType: Type.String(),
    attempt: Type.Integer(),
    maximumAttempts: Type.Integer({ description: '0: unlimited' }),
    lastFailure: NullableText,
    nextAttemptAt: NullableDate,
  })),
  workflowTaskAttempt: Type.Optional(Type.Integer()),
  temporalUiUrl: Type.Optional(Type.String({ format: 'uri', description: 'The workflow\'s run in the Temporal UI, when the deployment names its address' })),
});

const StuckList = Type.Object({
  at: DateTime,
  stuck: Type.Array(StuckEntry, { description: 'By severity (workflow task failing, activity retrying, no progress, waiting on people), then oldest first' }),
  examined: Type.Integer({ description: 'Running workflows described' }),
  truncated: Type.Boolean({ description: 'More running workflows than examined' }),
});

const withLink = (url: string | undefined) => (url ? { temporalUiUrl: url } : {});

const Pollers = Type.Array(Type.Object({ identity: Type.String(), lastAccessTime: NullableDate }));
const OpsHealth = Type.Object({
  at: DateTime,
  database: Type.String({ description: 'up, or down with the reason' }),
  temporal: Type.String({ description: 'up, or down with the reason' }),
  namespace: Type.String(),
  taskQueue: Type.Object({
    name: Type.String(),
    workflowPollers: Pollers,
    activityPollers: Pollers,
  }, { description: 'The workers polling the sessions\' task queue (none: no worker is running)' }),
  temporalUiUrl: Type.Optional(Type.String({ format: 'uri' })),
});

export interface OpsSettings {
  /** The task queue the workers poll. */
  taskQueue: string;
  /** The Temporal UI's address, for links from the stuck list. */
  temporalUiUrl?: string | undefined;
}

const ActionInput = Type.Object({
  action: OpsActionName,
  reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', description: 'Why: recorded in the audit trail (and given to Temporal for terminate and reset)' }),
}, { additionalProperties: false });

const ActionAnswer = Type.Object({
  workflowId: Type.String(),
  action: OpsActionName,
  result: Type.Record(Type.String(), Type.Unknown()),
});

const RevocationInput = Type.Union([
  Type.Object({ tokenId: Type.String({ minLength: 1, maxLength: 200, description: 'The token\'s jti' }), reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
  Type.Object({
    subject: Type.String({ minLength: 1, maxLength: 200, description: 'Every token of this subject…' }),
    issuedBefore: Type.Optional(Type.String({ format: 'date-time', description: '…issued before this time (default: now)' })),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  }, { additionalProperties: false }),
]);
const Revocation = Type.Object({
  id: Uuid,
  tokenId: NullableText,
  subject: NullableText,
  issuedBefore: NullableDate,
  reason: Type.String(),
  revokedBy: Type.String(),
  revokedAt: DateTime,
  forgetAfter: Type.String({ format: 'date-time', description: 'When every token it names has expired anyway' }),
});
const revocationView = (r: { id: string; tokenId: string | null; subject: string | null; issuedBefore: Date | null; reason: string; revokedBy: string; revokedAt: Date; forgetAfter: Date }) => ({
  ...r, issuedBefore: r.issuedBefore?.toISOString() ?? null, revokedAt: r.revokedAt.toISOString(), forgetAfter: r.forgetAfter.toISOString(),
});

const typesOf = (type: WorkflowKind | undefined): WorkflowKind[] => (type ? [type] : ['session', 'offer']);
const clampLimit = (value: string | undefined, fallback: number) => Math.min(500, Math.max(1, value === undefined ? fallback : Number(value)));

export function registerOpsRoutes(app: App, { db, temporal, revocations }: RouteContext, settings: OpsSettings): void {
  const namespace = temporal.options.namespace;
  const uiLink = (workflowId: string, runId: string) => settings.temporalUiUrl
    ? `${settings.temporalUiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}/${encodeURIComponent(runId)}/history`
    : undefined;

  app.get('/ops/health', {
    config: { scope: 'deployment' },
    schema: {
      tags: ['ops'],
      summary: 'The health of the service as ops reads it: the database, Temporal, and the workers polling the task queue',
      response: { 200: OpsHealth, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'ops', 'auditor');
    const probe = (check: () => Promise<unknown>) => check().then(() => 'up', (error: unknown) => `down: ${error instanceof Error ? error.message : String(error)}`);
    const pollers = async (taskQueueType: 1 | 2) => {
      const answer = await temporal.workflowService.describeTaskQueue({ namespace, taskQueue: { name: settings.taskQueue }, taskQueueType });
      return (answer.pollers ?? []).map((p) => ({ identity: p.identity ?? '', lastAccessTime: optionalTsToDate(p.lastAccessTime)?.toISOString() ?? null }));
    };
    const [database, temporalStatus, workflowPollers, activityPollers] = await Promise.all([
      probe(() => db.$queryRaw`SELECT 1`),
      probe(() => temporal.workflowService.getSystemInfo({})),
      pollers(1).catch(() => []),
      pollers(2).catch(() => []),
    ]);
    return {
      at: new Date().toISOString(), database, temporal: temporalStatus, namespace,
      taskQueue: { name: settings.taskQueue, workflowPollers, activityPollers },
      ...(settings.temporalUiUrl ? { temporalUiUrl: settings.temporalUiUrl } : {}),
    };
  });

  app.post('/ops/token-revocations', {
    config: { scope: 'deployment', rateClass: 'ops' },
    schema: {
      tags: ['ops'],
      summary: 'Revoke a token before its expiry (by its jti), or every token of a subject issued before a time; effective at once on this API process, within 5 seconds on the others',
      body: RevocationInput, response: { 201: Revocation, ...problems },
    },
  }, async (request, reply) => {
    const principal = requireRole(request.principal, 'ops');
    const body = request.body;
    const issuedBefore = 'issuedBefore' in body && body.issuedBefore ? new Date(body.issuedBefore) : undefined;
    if (issuedBefore && (!Number.isFinite(issuedBefore.getTime()) || issuedBefore.getUTCFullYear() < 2000 || issuedBefore.getUTCFullYear() > 2100)) {
      throw new ProblemError({ status: 422, code: 'invalid_date', title: 'Unprocessable request', detail: 'issuedBefore is a time between the years 2000 and 2100', rule: 'date_in_range' });
    }
    const row = await revocations.revoke({
      ...('tokenId' in body ? { tokenId: body.tokenId } : { subject: body.subject, issuedBefore }),
      reason: body.reason, revokedBy: staffActor(principal),
    });
    request.log.info({ revocation: row.id }, 'token revoked');
    return reply.code(201).send(revocationView(row));
  });

  app.get('/ops/token-revocations', {
    config: { scope: 'deployment' },
    schema: { tags: ['ops'], summary: 'The revocations in force (tokens they name may not have expired yet)', response: { 200: Type.Array(Revocation), ...problems } },
  }, async (request) => {
    requireRole(request.principal, 'ops', 'auditor');
    return (await revocations.list()).map(revocationView);
  });

  app.get('/ops/workflows', {
    config: { scope: 'deployment' },
    schema: {
      tags: ['ops'],
      summary: 'Session and offer workflows from Temporal\'s visibility (eventually consistent), with running sessions counted per phase',
      querystring: ListQuery,
      response: { 200: WorkflowList, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'ops', 'auditor');
    const q = request.query;
    const filters = {
      types: typesOf(q.type),
      phase: q.phase,
      committeeId: q.committeeId,
      taskQueue: q.taskQueue,
      olderThanHours: q.olderThanHours === undefined ? undefined : Number(q.olderThanHours),
      status: q.status ?? 'running',
    };
    const [listing, counts] = await Promise.all([
      listWorkflows(temporal, db, filters, clampLimit(q.limit, 100)),
      runningCounts(temporal, db, { committeeId: q.committeeId, taskQueue: q.taskQueue }),
    ]);
    return { ...listing, counts };
  });

  app.get('/ops/stuck', {
    config: { scope: 'deployment' },
    schema: {
      tags: ['ops'],
      summary: 'Running workflows that look stuck: a failing workflow task, a retrying activity, no progress for longer than the phase takes, or people who have not acted',
      querystring: StuckQuery,
      response: { 200: StuckList, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'ops', 'auditor');
    const now = new Date();
    const q = request.query;
    const result = await findStuck(temporal, db, { types: typesOf(q.type), committeeId: q.committeeId, taskQueue: q.taskQueue }, clampLimit(q.limit, 200), now);
    return { at: now.toISOString(), ...result, stuck: result.stuck.map((entry) => ({ ...entry, ...withLink(uiLink(entry.workflowId, entry.runId)) })) };
  });

  app.post('/ops/workflows/:workflowId/actions', {
    config: { scope: 'deployment', rateClass: 'ops' },
    schema: {
      tags: ['ops'],
      summary: 'Act on a running session or offer workflow: retry its retrying activities now, cancel, terminate, or reset it to the last completed workflow task',
      params: Type.Object({ workflowId: Type.String({ minLength: 1, maxLength: 200 }) }),
      body: ActionInput,
      response: { 200: ActionAnswer, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'ops');
    const { workflowId } = request.params;
    const { action, reason } = request.body;
    const parsed = parseWorkflowId(workflowId);
    if (!parsed) throw notFound('workflow', workflowId);
    const session = await db.session.findUnique({ where: { id: parsed.sessionId }, select: { id: true, committeeId: true } });
    if (!session) throw notFound('workflow', workflowId);
    const target = await runningTarget(temporal, workflowId);

    const key = idempotencyKeyOf(request);
    const requestId = key ? `ops:${principal.subject}:${key}` : newRequestId();
    let result: ActionResult;
    switch (action) {
      case 'terminate': result = await terminateWorkflow(temporal, target, reason); break;
      case 'cancel': result = await cancelWorkflow(temporal, target); break;
      case 'reset': result = await resetWorkflow(temporal, target, reason, requestId); break;
      case 'retry': result = await retryActivities(temporal, target, requestId); break;
    }

    const dedupeKey = key ? `ops_action:${principal.subject}:${key}` : `ops_action:${request.id}`;
    await db.$transaction(async (tx) => {
      // A request retried after a server error with the same key was already recorded.
      if (await tx.auditEvent.findUnique({ where: { dedupeKey }, select: { id: true } })) return;
      await appendAuditEvent(tx, {
        committeeId: session.committeeId,
        sessionId: session.id,
        type: 'ops_action',
        actor: staffActor(principal),
        payload: { workflowId, action, reason, result },
        dedupeKey,
        occurredAt: new Date(),
      });
    });
    request.log.info({ workflowId, action, result }, 'ops action');
    return { workflowId, action, result };
  });
}
