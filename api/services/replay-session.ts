// An auditor's re-check of a session: its workflow history (live from Temporal, or the copy kept
// in PostgreSQL once Temporal has deleted it) replayed with the current workflow code, and every
// vote's tally recomputed from the recorded votes with the rules the session pinned, compared
// with the recorded result and the stored decisions.
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter, type DataConverter, type Payload } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { canonicalJson } from '../../documents/canonical-json.ts';
import type { CandidateDecision } from '../../domain/rules/index.ts';
import { initialState, recheckTallies, type SessionEvent, type SessionInput } from '../../domain/session/index.ts';
import type { Database } from '../../prisma/database.ts';
import { sessionWorkflowId } from '../../workflows/ids.ts';
import { workflowCodeBundledAtStart } from '../../workflows/workflow-code.ts';

export interface RunHistory {
  runId: string;
  /** The run's history as Temporal's JSON, exactly as fetched or stored. */
  json: string;
  events: number;
}

export interface HistorySource {
  workflowId: string;
  source: 'live' | 'archived';
  /** Every run of the workflow, first to last: a session continues as new when its history grows long. */
  runs: RunHistory[];
}

export interface ReplayOutcome {
  ok: boolean;
  /** The determinism violation or other failure, as the replayer reports it. */
  error?: { name: string; message: string } | undefined;
}

export interface VoteRecheck {
  itemId: string;
  closedAt: string;
  votes: number;
  recorded: { outcome: string; decidedBy: string; counts: Record<string, number> };
  recomputed: { outcome: string; decidedBy: string; counts: Record<string, number> };
  tallyMatches: boolean;
  /** For an adopted proposal: whether the stored decisions are the ones voted. */
  decisionsMatch?: boolean | undefined;
}

export interface SessionReplayReport {
  sessionId: string;
  workflowId: string;
  history: { source: 'live' | 'archived'; runs: number; events: number };
  replay: ReplayOutcome;
  rulesVersion: number;
  votes: VoteRecheck[];
  /** The trail's steps of the session against the steps the workflow recorded in its history. */
  trail: TrailCheck;
  ok: boolean;
}

export interface TrailCheck {
  /** Steps the workflow recorded (its history), and stored in the trail. */
  recorded: number;
  stored: number;
  problems: string[];
}

export class NoHistoryError extends Error {
  override readonly name = 'NoHistoryError';
}

/** The session's runs from Temporal (from the last back to the first), or the archived copies when Temporal no longer has them. */
export async function sessionHistory(db: Database, client: Client, sessionId: string): Promise<HistorySource> {
  const workflowId = sessionWorkflowId(sessionId);
  try {
    const runs: RunHistory[] = [];
    let runId = (await client.workflow.getHandle(workflowId).describe()).runId;
    for (;;) {
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      runs.unshift({ runId, json: historyToJSON(history), events: history.events?.length ?? 0 });
      const previous = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
      if (!previous) break;
      runId = previous;
    }
    return { workflowId, source: 'live', runs };
  } catch (error) {
    if ((error as { name?: string }).name !== 'WorkflowNotFoundError' && !/not found/i.test((error as Error).message)) throw error;
  }
  const archived = await db.workflowHistory.findMany({ where: { workflowId }, orderBy: { archivedAt: 'asc' } });
  if (archived.length === 0) throw new NoHistoryError(`the history of ${workflowId} is neither in Temporal nor archived`);
  return { workflowId, source: 'archived', runs: archived.map((a) => ({ runId: a.runId, json: a.history, events: a.events })) };
}

/** Replays every run of a history with the given workflow bundle (or the current code, bundled on the spot). */
export async function replayHistory(history: Pick<HistorySource, 'workflowId' | 'runs'>, workflowBundlePath?: string, dataConverter: DataConverter = {}): Promise<ReplayOutcome> {
  for (const run of history.runs) {
    try {
      const code = workflowBundlePath ? { workflowBundle: { codePath: workflowBundlePath } } : workflowCodeBundledAtStart;
      await Worker.runReplayHistory({ ...code, dataConverter }, JSON.parse(run.json) as unknown, history.workflowId);
    } catch (error) {
      const e = error as Error;
      return { ok: false, error: { name: e.name, message: `run ${run.runId}: ${e.message}` } };
    }
  }
  return { ok: true };
}

type JsonPayload = { metadata?: Record<string, string>; data?: string };

async function decodedPayload(recorded: JsonPayload, dataConverter: DataConverter): Promise<Payload> {
  let payload: Payload = {
    metadata: Object.fromEntries(Object.entries(recorded.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(recorded.data ?? '', 'base64'),
  };
  for (const codec of [...(dataConverter.payloadCodecs ?? [])].reverse()) [payload] = await codec.decode([payload]) as [Payload];
  return payload;
}

/**
 * The steps the session's workflow handed to PostgreSQL, by seq, as its history records them (the
 * arguments of each `recordSessionEvents` activity, in every run): what the trail must hold.
 */
export async function recordedSteps(runs: readonly RunHistory[], dataConverter: DataConverter = {}): Promise<Map<number, SessionEvent>> {
  const steps = new Map<number, SessionEvent>();
  for (const run of runs) {
    const history = JSON.parse(run.json) as { events?: Array<{ activityTaskScheduledEventAttributes?: { activityType?: { name?: string }; input?: { payloads?: JsonPayload[] } } }> };
    for (const event of history.events ?? []) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      const events = scheduled?.activityType?.name === 'recordSessionEvents' ? scheduled.input?.payloads?.[2] : undefined;
      if (!events) continue;
      for (const step of defaultPayloadConverter.fromPayload<SessionEvent[]>(await decodedPayload(events, dataConverter))) steps.set(step.seq, step);
    }
  }
  return steps;
}

/** Every step recorded by the workflow is in the trail as recorded, and the trail holds no other. */
export function trailAgainstHistory(recorded: ReadonlyMap<number, SessionEvent>, stored: ReadonlyMap<number, SessionEvent>): TrailCheck {
  const problems: string[] = [];
  for (const [seq, step] of recorded) {
    const row = stored.get(seq);
    if (!row) problems.push(`step ${seq} (${step.type}) is in the workflow's history but not in the trail: deleted`);
    else if (canonicalJson(row) !== canonicalJson(step)) problems.push(`step ${seq} (${step.type}) in the trail is not the one the workflow recorded: changed`);
  }
  for (const [seq, row] of stored) {
    if (!recorded.has(seq)) problems.push(`step ${seq} (${row.type}) in the trail was never recorded by the workflow: inserted`);
  }
  return { recorded: recorded.size, stored: stored.size, problems };
}

/** The input the session's workflow started with, as its history records it (decrypted with the codec). */
export async function sessionInputOf(historyJson: string, dataConverter: DataConverter = {}): Promise<SessionInput | undefined> {
  const history = JSON.parse(historyJson) as { events?: Array<{ workflowExecutionStartedEventAttributes?: { input?: { payloads?: JsonPayload[] } } }> };
  const recorded = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!recorded?.data) return undefined;
  return defaultPayloadConverter.fromPayload<SessionInput>(await decodedPayload(recorded, dataConverter));
}

/** A stored audit event of a session as the session event it records. */
export function recordedEvent(row: { type: string; actor: string; occurredAt: Date | string; payload: unknown }): SessionEvent {
  const at = typeof row.occurredAt === 'string' ? row.occurredAt : row.occurredAt.toISOString();
  return { ...(row.payload as object), type: row.type, actor: row.actor, at } as SessionEvent;
}

function sameDecisions(voted: CandidateDecision[], stored: Array<{ applicationId: string; type: string; rank: number | null; reasons: string | null; conditionDocument: string | null }>): boolean {
  const key = (d: { applicationId: string; type: string; rank?: number | null | undefined; reasons?: string | null | undefined; conditionDocument?: string | null | undefined }) =>
    JSON.stringify([d.applicationId, d.type, d.rank ?? null, d.reasons ?? null, d.conditionDocument ?? null]);
  return JSON.stringify(voted.map(key).sort()) === JSON.stringify(stored.map(key).sort());
}

const brief = (r: { outcome: string; decidedBy: string; counts: object }) => ({ outcome: r.outcome, decidedBy: r.decidedBy, counts: { ...r.counts } as Record<string, number> });

/** Every vote tallied again by the decider from the session's recorded events, folded from its input. */
export function recheckVotesOf(input: SessionInput, events: SessionEvent[], storedDecisions: (itemId: string) => Parameters<typeof sameDecisions>[1] | undefined): VoteRecheck[] {
  return recheckTallies(initialState(input), events).map((r) => {
    const recorded = brief(r.recorded);
    const recomputed = brief(r.recomputed);
    const stored = storedDecisions(r.itemId);
    return {
      itemId: r.itemId, closedAt: r.closedAt, votes: r.ballots, recorded, recomputed,
      tallyMatches: canonicalJson(recorded) === canonicalJson(recomputed),
      decisionsMatch: r.recorded.outcome === 'adopted' && r.proposal && stored ? sameDecisions(r.proposal, stored) : undefined,
    };
  });
}

/** Every vote of the session tallied again from its recorded events with the pinned rules. */
export async function recheckVotes(db: Database, sessionId: string, input: SessionInput): Promise<{ rulesVersion: number; votes: VoteRecheck[]; steps: Map<number, SessionEvent> }> {
  const [rows, items] = await Promise.all([
    db.auditEvent.findMany({ where: { sessionId, dedupeKey: { startsWith: `session:${sessionId}:step:` } }, orderBy: { id: 'asc' } }),
    db.agendaItem.findMany({ where: { sessionId }, include: { decisions: true } }),
  ]);
  const decisions = new Map(items.map((i) => [i.id, i.decisions]));
  const events = rows.map(recordedEvent);
  return { rulesVersion: input.rulesVersion, votes: recheckVotesOf(input, events, (itemId) => decisions.get(itemId)), steps: new Map(events.map((e) => [e.seq, e])) };
}

export async function replaySession(deps: { db: Database; temporal: Client; workflowBundlePath?: string | undefined; dataConverter?: DataConverter | undefined }, sessionId: string): Promise<SessionReplayReport> {
  const history = await sessionHistory(deps.db, deps.temporal, sessionId);
  // Every run starts with the session's input (and the next ones with the state carried over).
  const input = history.runs[0] ? await sessionInputOf(history.runs[0].json, deps.dataConverter) : undefined;
  if (!input) throw new NoHistoryError(`the history of session ${sessionId} does not record its input`);
  const [replay, recheck, recorded] = await Promise.all([
    replayHistory(history, deps.workflowBundlePath, deps.dataConverter), recheckVotes(deps.db, sessionId, input), recordedSteps(history.runs, deps.dataConverter),
  ]);
  const trail = trailAgainstHistory(recorded, recheck.steps);
  return {
    sessionId,
    workflowId: history.workflowId,
    history: { source: history.source, runs: history.runs.length, events: history.runs.reduce((n, r) => n + r.events, 0) },
    replay,
    rulesVersion: recheck.rulesVersion,
    votes: recheck.votes,
    trail,
    ok: replay.ok && recheck.votes.every((v) => v.tallyMatches && v.decisionsMatch !== false) && trail.problems.length === 0,
  };
}
