// An auditor's re-check of a session: its workflow history (live from Temporal, or the copy kept
// in PostgreSQL once Temporal has deleted it) replayed with the current workflow code, and every
// vote's tally recomputed from the recorded votes with the rules the session pinned, compared
// with the recorded result and the stored decisions.
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { canonicalJson } from '../documents/canonical-json.ts';
import type { Database } from '../prisma/database.ts';
import type { SessionStep } from '../workflows/messages.ts';
import { castingVoteSeat, completeRules, tallyVote, type CandidateDecision, type CommitteeRules, type SessionMember, type VoteChoice } from '../domain/rules/index.ts';

const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface HistorySource {
  workflowId: string;
  source: 'live' | 'archived';
  /** The history as Temporal's JSON, exactly as fetched or stored. */
  json: string;
  events: number;
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
  history: { source: 'live' | 'archived'; events: number };
  replay: ReplayOutcome;
  rulesVersion: number;
  votes: VoteRecheck[];
  ok: boolean;
}

export class NoHistoryError extends Error {
  override readonly name = 'NoHistoryError';
}

/** The session's history from Temporal, or the archived copy when Temporal no longer has it. */
export async function sessionHistory(db: Database, client: Client, sessionId: string): Promise<HistorySource> {
  const workflowId = `session-${sessionId}`;
  try {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return { workflowId, source: 'live', json: historyToJSON(history), events: history.events?.length ?? 0 };
  } catch (error) {
    if ((error as { name?: string }).name !== 'WorkflowNotFoundError' && !/not found/i.test((error as Error).message)) throw error;
  }
  const archived = await db.workflowHistory.findUnique({ where: { workflowId } });
  if (!archived) throw new NoHistoryError(`the history of ${workflowId} is neither in Temporal nor archived`);
  return { workflowId, source: 'archived', json: archived.history, events: archived.events };
}

/** Replays a history with the given workflow bundle (or the current code, bundled on the spot). */
export async function replayHistory(history: HistorySource, workflowBundlePath?: string): Promise<ReplayOutcome> {
  const parsed = JSON.parse(history.json) as unknown;
  try {
    await Worker.runReplayHistory(workflowBundlePath ? { workflowBundle: { codePath: workflowBundlePath } } : { workflowsPath }, parsed, history.workflowId);
    return { ok: true };
  } catch (error) {
    const e = error as Error;
    return { ok: false, error: { name: e.name, message: e.message } };
  }
}

type VoteClosed = Extract<SessionStep, { type: 'vote_closed' }>;

function sameDecisions(voted: CandidateDecision[], stored: Array<{ applicationId: string; type: string; rank: number | null; reasons: string | null; conditionDocument: string | null }>): boolean {
  const key = (d: { applicationId: string; type: string; rank?: number | null | undefined; reasons?: string | null | undefined; conditionDocument?: string | null | undefined }) =>
    JSON.stringify([d.applicationId, d.type, d.rank ?? null, d.reasons ?? null, d.conditionDocument ?? null]);
  return JSON.stringify(voted.map(key).sort()) === JSON.stringify(stored.map(key).sort());
}

/** Every vote of the session tallied again from its recorded votes with the pinned rules. */
export async function recheckVotes(db: Database, sessionId: string): Promise<{ rulesVersion: number; votes: VoteRecheck[] }> {
  const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
  const [rulesRow, members, events] = await Promise.all([
    db.committeeRules.findUnique({ where: { committeeId_version: { committeeId: session.committeeId, version: session.rulesVersion } } }),
    db.member.findMany({ where: { committeeId: session.committeeId } }),
    db.auditEvent.findMany({ where: { sessionId, type: { in: ['vote_closed', 'conflict_declared'] } }, orderBy: { id: 'asc' } }),
  ]);
  const rules: CommitteeRules = completeRules(rulesRow?.rules as Partial<CommitteeRules> | undefined);
  const seats: SessionMember[] = members.map((m) => ({
    id: m.id, role: m.role, commune: m.commune ?? undefined, epci: m.epci ?? undefined, substituteFor: m.substituteFor ?? undefined, contingent: m.contingent ?? undefined, chair: m.chair,
  }));
  const items = await db.agendaItem.findMany({ where: { sessionId }, include: { decisions: true } });
  const dwellings = new Map((await db.dwelling.findMany({ where: { id: { in: items.map((i) => i.dwellingId) } } })).map((d) => [d.id, d]));
  const conflicts = new Map<string, Set<string>>();
  const votes: VoteRecheck[] = [];
  for (const event of events) {
    const step = event.payload as unknown as Omit<VoteClosed, 'type'> & { memberId?: string };
    if (event.type === 'conflict_declared') {
      const itemConflicts = conflicts.get(step.itemId) ?? new Set<string>();
      itemConflicts.add(step.memberId!);
      conflicts.set(step.itemId, itemConflicts);
      continue;
    }
    const item = items.find((i) => i.id === step.itemId);
    const dwelling = item ? dwellings.get(item.dwellingId) : undefined;
    const place = { commune: dwelling?.commune ?? '', epci: dwelling?.epci ?? undefined, contingent: dwelling?.contingent ?? undefined };
    const choices = new Map(Object.entries(step.votes).map(([id, v]) => [id, v.choice as VoteChoice] as const));
    const castingSeat = castingVoteSeat(seats, place, step.votes, conflicts.get(step.itemId) ?? new Set());
    const tally = tallyVote(choices, rules, step.result.quorum.present + step.result.quorum.represented, castingSeat);
    const recorded = { outcome: step.result.outcome, decidedBy: step.result.decidedBy, counts: { ...step.result.counts } };
    const recomputed = { outcome: tally.outcome, decidedBy: tally.decidedBy, counts: { ...tally.counts } };
    const adopted = step.result.outcome === 'adopted' && item?.kind === 'allocation';
    votes.push({
      itemId: step.itemId,
      closedAt: step.result.closedAt,
      votes: choices.size,
      recorded,
      recomputed,
      tallyMatches: canonicalJson(recorded) === canonicalJson(recomputed),
      decisionsMatch: adopted ? sameDecisions(step.decisions, item.decisions) : undefined,
    });
  }
  return { rulesVersion: session.rulesVersion, votes };
}

export async function replaySession(deps: { db: Database; temporal: Client; workflowBundlePath?: string | undefined }, sessionId: string): Promise<SessionReplayReport> {
  const history = await sessionHistory(deps.db, deps.temporal, sessionId);
  const [replay, recheck] = await Promise.all([replayHistory(history, deps.workflowBundlePath), recheckVotes(deps.db, sessionId)]);
  return {
    sessionId,
    workflowId: history.workflowId,
    history: { source: history.source, events: history.events },
    replay,
    rulesVersion: recheck.rulesVersion,
    votes: recheck.votes,
    ok: replay.ok && recheck.votes.every((v) => v.tallyMatches && v.decisionsMatch !== false),
  };
}
