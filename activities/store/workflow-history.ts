// Keeps a session workflow's Temporal history in PostgreSQL: Temporal deletes histories after the
// namespace's retention period, and the legal record must be replayable years later.
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { sha256Hex } from '../../documents/canonical-json.ts';
import type { Database } from '../../prisma/database.ts';

/**
 * Stores the history of a run of `workflowId`: a finished run's whole, or the current run's as it
 * stands (the workflow calls this as its last step, so all but its closing events). Returns the
 * number of events kept, or 0 without a client.
 */
export async function archiveWorkflowHistory(db: Database, temporal: Client | undefined, workflowId: string, sessionId: string, runId?: string): Promise<number> {
  if (!temporal) return 0;
  const run = runId ?? (await temporal.workflow.getHandle(workflowId).describe()).runId;
  const history = await temporal.workflow.getHandle(workflowId, run).fetchHistory();
  const json = historyToJSON(history);
  const events = history.events?.length ?? 0;
  const row = { workflowId, sessionId, history: json, sha256: sha256Hex(json), events, archivedAt: new Date() };
  await db.workflowHistory.upsert({ where: { runId: run }, create: { runId: run, ...row }, update: row });
  return events;
}
