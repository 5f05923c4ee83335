// What ops sees of the running workflows and what it may do to them: visibility listings and
// counts, a diagnosis of stuck workflows from `describe()`, and the terminate / cancel / reset /
// retry-activity actions. The routes (routes/ops.ts) check roles and record the audit event.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, type Client, type WorkflowExecutionDescription, type WorkflowExecutionInfo } from '@temporalio/client';
import type { TypedSearchAttributes } from '@temporalio/common';
import { optionalTsToDate } from '@temporalio/common/lib/time.js';
import proto from '@temporalio/proto';
import type { Database } from '../../prisma/database.ts';
import { completeRules, type CommitteeRules } from '../../domain/rules/index.ts';
import { sessionPhases, type SessionPhase } from '../../domain/session/index.ts';
import { offerWorkflowType, sessionWorkflowType } from '../../workflows/ids.ts';
import { committeeIdKey, lastProgressKey, scheduledStartKey, sessionPhaseKey } from '../../workflows/search-attributes.ts';
import { conflict, notFound } from '../problems.ts';

// CommonJS package: its namespaces are reachable through the default export only.
const { EventType } = proto.temporal.api.enums.v1;
const grpc = { notFound: 5, failedPrecondition: 9, permissionDenied: 7, unimplemented: 12, invalidArgument: 3 } as const;

export type WorkflowKind = 'session' | 'offer';
export const opsActions = ['retry', 'cancel', 'terminate', 'reset'] as const;
export type OpsAction = (typeof opsActions)[number];

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const minuteMs = 60_000;

/**
 * How long a session may stay in a phase, counted from CaleolLastProgressAt (set at each phase
 * change), before it is reported as making no progress. Draft and convened sessions wait for
 * their scheduled start plus the quorum grace period instead; minutes_drafted waits for people
 * (the signers) up to the rules' signatureEscalationDays.
 */
export const expectedPhaseDurationMs: Readonly<Partial<Record<SessionPhase, number>>> = {
  open: 6 * hourMs,
  deliberating: 6 * hourMs,
  closed: 1 * hourMs,
  signed: 1 * hourMs,
  notified: 1 * hourMs,
  completed: 1 * hourMs,
  adjourned: 1 * hourMs,
  cancelled: 1 * hourMs,
};

// ---- workflow ids ----------------------------------------------------------------------------

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const sessionIdPattern = new RegExp(`^session-(${uuid})$`, 'i');
const offerIdPattern = new RegExp(`^offer-(${uuid})-(${uuid})$`, 'i');

export interface ParsedWorkflowId {
  kind: WorkflowKind;
  sessionId: string;
  agendaItemId?: string | undefined;
}

/** `session-<sessionId>` or `offer-<sessionId>-<agendaItemId>`; anything else is not ours. */
export function parseWorkflowId(workflowId: string): ParsedWorkflowId | undefined {
  const session = sessionIdPattern.exec(workflowId);
  if (session?.[1]) return { kind: 'session', sessionId: session[1].toLowerCase() };
  const offer = offerIdPattern.exec(workflowId);
  if (offer?.[1] && offer[2]) return { kind: 'offer', sessionId: offer[1].toLowerCase(), agendaItemId: offer[2].toLowerCase() };
  return undefined;
}

// ---- listing ---------------------------------------------------------------------------------

export interface ListFilters {
  types: WorkflowKind[];
  phase?: SessionPhase | undefined;
  committeeId?: string | undefined;
  taskQueue?: string | undefined;
  /** Sessions: CaleolLastProgressAt before now − hours; offers (no progress attribute): StartTime. */
  olderThanHours?: number | undefined;
  status: 'running' | 'all';
}

export interface ListedWorkflow {
  workflowId: string;
  runId: string;
  type: WorkflowKind;
  workflowType: string;
  status: string;
  taskQueue: string;
  sessionId: string | null;
  phase: string | null;
  committeeId: string | null;
  scheduledStart: string | null;
  lastProgressAt: string | null;
  startTime: string;
  closeTime: string | null;
}

/** Values are validated by the route's schema (uuids, phases, task queue names); quoted all the same. */
const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const isoOf = (date: Date) => date.toISOString();

function scopeClauses(type: WorkflowKind, filters: Pick<ListFilters, 'taskQueue' | 'status'>): string[] {
  const clauses = [`WorkflowType = ${quote(type === 'session' ? sessionWorkflowType : offerWorkflowType)}`];
  if (filters.status === 'running') clauses.push(`ExecutionStatus = 'Running'`);
  if (filters.taskQueue) clauses.push(`TaskQueue = ${quote(filters.taskQueue)}`);
  return clauses;
}

/** The session workflows' visibility query for the filters. */
export function sessionQuery(filters: Omit<ListFilters, 'types'>, now = new Date()): string {
  const clauses = scopeClauses('session', filters);
  if (filters.phase) clauses.push(`${sessionPhaseKey.name} = ${quote(filters.phase)}`);
  if (filters.committeeId) clauses.push(`${committeeIdKey.name} = ${quote(filters.committeeId)}`);
  if (filters.olderThanHours !== undefined) {
    clauses.push(`${lastProgressKey.name} < ${quote(isoOf(new Date(now.getTime() - filters.olderThanHours * hourMs)))}`);
  }
  return clauses.join(' AND ');
}

/**
 * Offer workflows carry no search attributes: a committee is matched by the workflow ids of its
 * sessions' offers (`offer-<sessionId>-…`, its most recent 100 sessions); age is by StartTime.
 * Returns undefined when no offer can match (a phase asked for, or a committee without sessions).
 */
export async function offerQuery(db: Database, filters: Omit<ListFilters, 'types'>, now = new Date()): Promise<string | undefined> {
  if (filters.phase) return undefined;
  const clauses = scopeClauses('offer', filters);
  if (filters.committeeId) {
    const sessions = await db.session.findMany({
      where: { committeeId: filters.committeeId }, select: { id: true }, orderBy: { scheduledStart: 'desc' }, take: 100,
    });
    if (sessions.length === 0) return undefined;
    clauses.push(`(${sessions.map((s) => `WorkflowId STARTS_WITH ${quote(`offer-${s.id}-`)}`).join(' OR ')})`);
  }
  if (filters.olderThanHours !== undefined) {
    clauses.push(`StartTime < ${quote(isoOf(new Date(now.getTime() - filters.olderThanHours * hourMs)))}`);
  }
  return clauses.join(' AND ');
}

async function listExecutions(client: Client, query: string, max: number): Promise<{ items: WorkflowExecutionInfo[]; truncated: boolean }> {
  const items: WorkflowExecutionInfo[] = [];
  for await (const execution of client.workflow.list({ query, pageSize: Math.min(max + 1, 1000) })) {
    if (items.length >= max) return { items, truncated: true };
    items.push(execution);
  }
  return { items, truncated: false };
}

function attributes(sa: TypedSearchAttributes) {
  const date = (value: Date | undefined) => (value ? value.toISOString() : null);
  return {
    phase: sa.get(sessionPhaseKey) ?? null,
    committeeId: sa.get(committeeIdKey) ?? null,
    scheduledStart: date(sa.get(scheduledStartKey)),
    lastProgressAt: date(sa.get(lastProgressKey)),
  };
}

function listed(execution: WorkflowExecutionInfo, committees: Map<string, string>): ListedWorkflow {
  const parsed = parseWorkflowId(execution.workflowId);
  const type: WorkflowKind = execution.type === offerWorkflowType ? 'offer' : 'session';
  const sa = attributes(execution.typedSearchAttributes);
  const sessionId = parsed?.sessionId ?? null;
  return {
    workflowId: execution.workflowId,
    runId: execution.runId,
    type,
    workflowType: execution.type,
    status: execution.status.name,
    taskQueue: execution.taskQueue,
    sessionId,
    phase: type === 'session' ? sa.phase : null,
    committeeId: sa.committeeId ?? (sessionId ? committees.get(sessionId) ?? null : null),
    scheduledStart: sa.scheduledStart,
    lastProgressAt: sa.lastProgressAt,
    startTime: execution.startTime.toISOString(),
    closeTime: execution.closeTime?.toISOString() ?? null,
  };
}

/** Offers name no committee in Temporal: it comes from their session's row. */
async function committeesOfSessions(db: Database, sessionIds: string[]): Promise<Map<string, string>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db.session.findMany({ where: { id: { in: [...new Set(sessionIds)] } }, select: { id: true, committeeId: true } });
  return new Map(rows.map((r) => [r.id, r.committeeId]));
}

export async function listWorkflows(client: Client, db: Database, filters: ListFilters, limit: number, now = new Date()) {
  const queries: { session?: string; offer?: string } = {};
  if (filters.types.includes('session')) queries.session = sessionQuery(filters, now);
  if (filters.types.includes('offer')) {
    const query = await offerQuery(db, filters, now);
    if (query) queries.offer = query;
  }
  const [sessions, offers] = await Promise.all([
    queries.session ? listExecutions(client, queries.session, limit) : { items: [], truncated: false },
    queries.offer ? listExecutions(client, queries.offer, limit) : { items: [], truncated: false },
  ]);
  const committees = await committeesOfSessions(db, offers.items.flatMap((o) => parseWorkflowId(o.workflowId)?.sessionId ?? []));
  const all = [...sessions.items, ...offers.items]
    .sort((a, b) => b.startTime.getTime() - a.startTime.getTime())
    .map((e) => listed(e, committees));
  return {
    workflows: all.slice(0, limit),
    truncated: sessions.truncated || offers.truncated || all.length > limit,
    queries,
  };
}

/** Running sessions per phase (one count per phase) and running offers, in the same scope. */
export async function runningCounts(client: Client, db: Database, scope: Pick<ListFilters, 'committeeId' | 'taskQueue'>) {
  const base = { ...scope, status: 'running' as const };
  const offers = await offerQuery(db, base);
  const [perPhase, runningOffers] = await Promise.all([
    Promise.all(sessionPhases.map(async (phase) => [phase, (await client.workflow.count(sessionQuery({ ...base, phase }))).count] as const)),
    offers ? client.workflow.count(offers).then((c) => c.count) : Promise.resolve(0),
  ]);
  const sessionsByPhase = Object.fromEntries(perPhase.filter(([, n]) => n > 0));
  return { sessionsByPhase, runningSessions: perPhase.reduce((sum, [, n]) => sum + n, 0), runningOffers };
}

// ---- diagnosis -------------------------------------------------------------------------------

export const stuckKinds = ['workflow_task_failing', 'activity_retrying', 'no_progress', 'waiting_on_people'] as const;
export type StuckKind = (typeof stuckKinds)[number];
const severityOf: Record<StuckKind, 'critical' | 'high' | 'medium' | 'low'> = {
  workflow_task_failing: 'critical',
  activity_retrying: 'high',
  no_progress: 'medium',
  waiting_on_people: 'low',
};

export interface StuckEntry {
  workflowId: string;
  runId: string;
  type: WorkflowKind;
  sessionId: string | null;
  committeeId: string | null;
  phase: string | null;
  kind: StuckKind;
  severity: 'critical' | 'high' | 'medium' | 'low';
  /** When the situation began, as far as Temporal tells. */
  since: string;
  detail: string;
  suggestedAction: { action: OpsAction | null; text: string };
  activity?: { activityId: string; activityType: string; attempt: number; maximumAttempts: number; lastFailure: string | null; nextAttemptAt: string | null } | undefined;
  workflowTaskAttempt?: number | undefined;
}

interface SessionFacts {
  committeeId: string;
  scheduledStart: Date;
  /** A written session's close, as the row keeps it (an extension included). */
  windowClosesAt: Date | null;
  rules: CommitteeRules;
}

/** The pinned rules of each session (committee_rules at session.rulesVersion), defaults when absent. */
async function sessionFacts(db: Database, sessionIds: string[]): Promise<Map<string, SessionFacts>> {
  if (sessionIds.length === 0) return new Map();
  const sessions = await db.session.findMany({
    where: { id: { in: [...new Set(sessionIds)] } }, select: { id: true, committeeId: true, scheduledStart: true, rulesVersion: true, windowClosesAt: true },
  });
  const pairs = [...new Map(sessions.map((s) => [`${s.committeeId}:${s.rulesVersion}`, { committeeId: s.committeeId, version: s.rulesVersion }])).values()];
  const rules = pairs.length === 0 ? [] : await db.committeeRules.findMany({ where: { OR: pairs } });
  const byKey = new Map(rules.map((r) => [`${r.committeeId}:${r.version}`, r.rules]));
  return new Map(sessions.map((s) => [s.id, {
    committeeId: s.committeeId,
    scheduledStart: s.scheduledStart,
    windowClosesAt: s.windowClosesAt,
    rules: completeRules(byKey.get(`${s.committeeId}:${s.rulesVersion}`) as Partial<CommitteeRules> | undefined),
  }]));
}

/** Runs `fn` over `items`, at most `concurrency` at a time. */
async function mapBounded<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

/** Walks the history newest first, at most `maxEvents`, until `found` returns a value. */
async function findInHistoryReverse<T>(client: Client, workflowId: string, runId: string, maxEvents: number, found: (e: HistoryEvent) => T | undefined): Promise<T | undefined> {
  let nextPageToken: Uint8Array | undefined;
  let seen = 0;
  do {
    const page = await client.workflowService.getWorkflowExecutionHistoryReverse({
      namespace: client.options.namespace, execution: { workflowId, runId }, maximumPageSize: 200, nextPageToken: nextPageToken ?? null,
    });
    for (const event of page.history?.events ?? []) {
      const value = found(event);
      if (value !== undefined) return value;
      if (++seen >= maxEvents) return undefined;
    }
    nextPageToken = page.nextPageToken && page.nextPageToken.length > 0 ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return undefined;
}

const dateOf = (ts: Parameters<typeof optionalTsToDate>[0]) => optionalTsToDate(ts);
const durationText = (ms: number) => (ms >= 2 * dayMs ? `${Math.round(ms / dayMs)} days` : ms >= 2 * hourMs ? `${Math.round(ms / hourMs)} h` : `${Math.round(ms / minuteMs)} min`);

async function diagnose(client: Client, description: WorkflowExecutionDescription, facts: Map<string, SessionFacts>, committees: Map<string, string>, now: Date): Promise<StuckEntry[]> {
  const { workflowId, runId } = description;
  const parsed = parseWorkflowId(workflowId);
  const type: WorkflowKind = description.type === offerWorkflowType ? 'offer' : 'session';
  const sa = attributes(description.typedSearchAttributes);
  const sessionId = parsed?.sessionId ?? null;
  const session = sessionId ? facts.get(sessionId) : undefined;
  const phase = type === 'session' ? sa.phase : null;
  const base = {
    workflowId, runId, type, sessionId, phase,
    committeeId: sa.committeeId ?? session?.committeeId ?? (sessionId ? committees.get(sessionId) ?? null : null),
  };
  const entries: StuckEntry[] = [];
  const add = (kind: StuckKind, since: Date, detail: string, suggestedAction: StuckEntry['suggestedAction'], extra: Partial<StuckEntry> = {}) =>
    entries.push({ ...base, kind, severity: severityOf[kind], since: since.toISOString(), detail, suggestedAction, ...extra });

  const raw = description.raw;
  const task = raw.pendingWorkflowTask;
  if (task && (task.attempt ?? 0) > 1) {
    const failure = await findInHistoryReverse(client, workflowId, runId, 1000, (e) =>
      e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED ? e.workflowTaskFailedEventAttributes?.failure?.message ?? '' : undefined);
    add('workflow_task_failing', dateOf(task.originalScheduledTime) ?? dateOf(task.scheduledTime) ?? now,
      `workflow task attempt ${task.attempt}${failure ? `: ${failure}` : ''}`,
      { action: 'reset', text: 'The workflow code fails on this history (a bug, non-determinism or an oversized payload): deploy a fix, then reset to the last good point if it does not recover' },
      { workflowTaskAttempt: task.attempt ?? 0 });
  }

  for (const activity of raw.pendingActivities ?? []) {
    if ((activity.attempt ?? 0) < 2) continue;
    const activityId = activity.activityId ?? '';
    const scheduledAt = await findInHistoryReverse(client, workflowId, runId, 2000, (e) =>
      e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED && e.activityTaskScheduledEventAttributes?.activityId === activityId ? dateOf(e.eventTime) : undefined);
    const lastFailure = activity.lastFailure?.message ?? null;
    const nextAttemptAt = dateOf(activity.nextAttemptScheduleTime)?.toISOString() ?? null;
    const activityType = activity.activityType?.name ?? 'unknown';
    add('activity_retrying', scheduledAt ?? dateOf(activity.scheduledTime) ?? now,
      `${activityType} attempt ${activity.attempt}${lastFailure ? `: ${lastFailure}` : ''}${nextAttemptAt ? ` (next attempt ${nextAttemptAt})` : ''}`,
      { action: 'retry', text: `Fix what ${activityType} fails on, then retry it now (it also retries on its own, at most a minute apart for persistence)` },
      { activity: { activityId, activityType, attempt: activity.attempt ?? 0, maximumAttempts: activity.maximumAttempts ?? 0, lastFailure, nextAttemptAt } });
  }

  if (type === 'session' && phase) {
    const lastProgress = sa.lastProgressAt ? new Date(sa.lastProgressAt) : description.startTime;
    const rules = session?.rules ?? completeRules(undefined);
    const scheduledStart = sa.scheduledStart ? new Date(sa.scheduledStart) : session?.scheduledStart;
    const graceDeadline = scheduledStart ? new Date(scheduledStart.getTime() + rules.quorum.gracePeriodMinutes * minuteMs) : undefined;
    // A written session deliberates until its window closes: it is late only past that close.
    const windowClose = phase === 'deliberating' ? session?.windowClosesAt ?? undefined : undefined;
    const expected = windowClose ? Math.max(expectedPhaseDurationMs.closed!, windowClose.getTime() + expectedPhaseDurationMs.closed! - lastProgress.getTime()) : expectedPhaseDurationMs[phase as SessionPhase];
    if (phase === 'draft' && graceDeadline && now > graceDeadline) {
      add('no_progress', lastProgress,
        `still a draft ${durationText(now.getTime() - scheduledStart!.getTime())} after its scheduled start (${scheduledStart!.toISOString()}): the agenda was never published`,
        { action: null, text: 'Ask the secretary to publish the agenda or cancel the session; cancel or terminate the workflow only if the session is abandoned' });
    } else if ((phase === 'convened' || phase === 'open') && graceDeadline && now > graceDeadline) {
      add('waiting_on_people', graceDeadline,
        `no quorum ${durationText(now.getTime() - scheduledStart!.getTime())} after the scheduled start (grace period ${rules.quorum.gracePeriodMinutes} min): the session is still ${phase}`,
        { action: null, text: 'Members have not joined (or the session was never opened): contact the secretary; a session with the grace-period rule adjourns on its own, so if it has not, check the worker' });
    } else if (phase === 'minutes_drafted' && now.getTime() - lastProgress.getTime() > rules.signatureEscalationDays * dayMs) {
      add('waiting_on_people', lastProgress,
        `minutes drafted ${lastProgress.toISOString()} and still unsigned after ${durationText(now.getTime() - lastProgress.getTime())} (escalation after ${rules.signatureEscalationDays} days)`,
        { action: null, text: 'The signers are reminded and ops was e-mailed: get the minutes signed (or amended)' });
    } else if (expected !== undefined && now.getTime() - lastProgress.getTime() > expected) {
      add('no_progress', lastProgress,
        `${phase} since ${lastProgress.toISOString()} (${durationText(now.getTime() - lastProgress.getTime())}; expected at most ${durationText(expected)})`,
        { action: 'reset', text: `Check that a worker polls task queue ${description.taskQueue} and where the workflow waits (__stack_trace query); reset to the last good point if it is blocked` });
    }
  }
  return entries;
}

const kindOrder = new Map(stuckKinds.map((k, i) => [k, i]));

export async function findStuck(client: Client, db: Database, scope: Pick<ListFilters, 'types' | 'committeeId' | 'taskQueue'>, limit: number, now = new Date()) {
  const filters = { ...scope, status: 'running' as const };
  const listing = await listWorkflows(client, db, filters, limit, now);
  const sessionIds = listing.workflows.flatMap((w) => (w.sessionId ? [w.sessionId] : []));
  const [facts, committees] = await Promise.all([sessionFacts(db, sessionIds), committeesOfSessions(db, sessionIds)]);
  const found = await mapBounded(listing.workflows, 8, async (w) => {
    try {
      const description = await client.workflow.getHandle(w.workflowId, w.runId).describe();
      if (description.status.name !== 'RUNNING') return [];
      return await diagnose(client, description, facts, committees, now);
    } catch (error) {
      // Closed or deleted since the listing: nothing to report.
      if (error instanceof WorkflowNotFoundError) return [];
      throw error;
    }
  });
  const stuck = found.flat().sort((a, b) => (kindOrder.get(a.kind)! - kindOrder.get(b.kind)!) || a.since.localeCompare(b.since));
  return { stuck, examined: listing.workflows.length, truncated: listing.truncated };
}

// ---- actions ---------------------------------------------------------------------------------

export interface ActionTarget {
  workflowId: string;
  runId: string;
  description: WorkflowExecutionDescription;
}

/** The running workflow an action applies to: 404 when unknown, 409 when closed. */
export async function runningTarget(client: Client, workflowId: string): Promise<ActionTarget> {
  let description: WorkflowExecutionDescription;
  try {
    description = await client.workflow.getHandle(workflowId).describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notFound('workflow', workflowId);
    throw error;
  }
  if (description.status.name !== 'RUNNING') {
    throw conflict('workflow_closed', `workflow ${workflowId} is ${description.status.name}: actions apply to running workflows only`);
  }
  return { workflowId, runId: description.runId, description };
}

const grpcCode = (error: unknown) => (error as { code?: unknown }).code;
const grpcMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A workflow that closed (or vanished) between the check and the action. */
function closedMeanwhile(error: unknown, workflowId: string): unknown {
  if (error instanceof WorkflowNotFoundError || grpcCode(error) === grpc.notFound) {
    return conflict('workflow_closed', `workflow ${workflowId} closed before the action could apply`);
  }
  return error;
}

export type ActionResult = Record<string, string | number | boolean | string[] | null>;

export async function terminateWorkflow(client: Client, target: ActionTarget, reason: string): Promise<ActionResult> {
  await client.workflow.getHandle(target.workflowId, target.runId).terminate(reason).catch((error: unknown) => {
    throw closedMeanwhile(error, target.workflowId);
  });
  return { runId: target.runId, status: 'TERMINATED' };
}

export async function cancelWorkflow(client: Client, target: ActionTarget): Promise<ActionResult> {
  await client.workflow.getHandle(target.workflowId, target.runId).cancel().catch((error: unknown) => {
    throw closedMeanwhile(error, target.workflowId);
  });
  return { runId: target.runId, cancelRequested: true };
}

/** Resets to the last WORKFLOW_TASK_COMPLETED event: a new run replays up to there and goes on. */
export async function resetWorkflow(client: Client, target: ActionTarget, reason: string, requestId: string): Promise<ActionResult> {
  const point = await findInHistoryReverse(client, target.workflowId, target.runId, Number.MAX_SAFE_INTEGER, (e) =>
    e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED ? e.eventId ?? undefined : undefined);
  if (point === undefined) {
    throw conflict('no_reset_point', `workflow ${target.workflowId} has no completed workflow task to reset to`);
  }
  try {
    const response = await client.workflowService.resetWorkflowExecution({
      namespace: client.options.namespace,
      workflowExecution: { workflowId: target.workflowId, runId: target.runId },
      reason,
      workflowTaskFinishEventId: point,
      requestId,
      identity: client.options.identity,
    });
    return { previousRunId: target.runId, runId: response.runId ?? '', resetToEventId: Number(point) };
  } catch (error) {
    if (grpcCode(error) === grpc.invalidArgument || grpcCode(error) === grpc.failedPrecondition) {
      throw conflict('reset_refused', `Temporal refused to reset ${target.workflowId}: ${grpcMessage(error)}`);
    }
    throw closedMeanwhile(error, target.workflowId);
  }
}

/**
 * Makes the workflow's retrying activities (attempt ≥ 2) try again now, with their attempt count
 * reset: ResetActivityExecution, or the older ResetActivity on servers without it. A server with
 * neither (or with the activity API disabled) gets a 409 that suggests a reset instead.
 */
export async function retryActivities(client: Client, target: ActionTarget, requestId: string): Promise<ActionResult> {
  const retrying = (target.description.raw.pendingActivities ?? []).filter((a) => (a.attempt ?? 0) >= 2);
  if (retrying.length === 0) {
    throw conflict('nothing_to_retry', `workflow ${target.workflowId} has no retrying activity (none is pending with attempt 2 or more)`);
  }
  const namespace = client.options.namespace;
  const identity = client.options.identity;
  const reset: string[] = [];
  for (const activity of retrying) {
    const activityId = activity.activityId ?? '';
    try {
      try {
        await client.workflowService.resetActivityExecution({
          namespace, workflowId: target.workflowId, runId: target.runId, activityId, identity,
          resourceId: `workflow:${target.workflowId}`, requestId: `${requestId}:${activityId}`,
        });
      } catch (error) {
        if (grpcCode(error) !== grpc.unimplemented) throw error;
        await client.workflowService.resetActivity({ namespace, execution: { workflowId: target.workflowId, runId: target.runId }, identity, id: activityId });
      }
    } catch (error) {
      const code = grpcCode(error);
      if (code === grpc.unimplemented || code === grpc.permissionDenied || (code === grpc.failedPrecondition && /disabled|not enabled|not allowed|not supported/i.test(grpcMessage(error)))) {
        throw conflict('retry_unsupported',
          `this Temporal server does not support resetting an activity (${grpcMessage(error)}): use the action 'reset' to rerun the workflow from its last completed workflow task, or wait for the next automatic attempt`);
      }
      if (code === grpc.notFound) {
        // The activity finished meanwhile: nothing left to retry for it.
        continue;
      }
      throw error;
    }
    reset.push(activityId);
  }
  if (reset.length === 0) {
    throw conflict('nothing_to_retry', `the retrying activities of workflow ${target.workflowId} finished before they could be retried`);
  }
  return { runId: target.runId, activities: reset, activityTypes: retrying.map((a) => a.activityType?.name ?? 'unknown') };
}

export function newRequestId(): string {
  return randomUUID();
}
