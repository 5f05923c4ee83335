// Keeps a session workflow's Temporal history in PostgreSQL: Temporal deletes histories after the
// namespace's retention period, and the legal record must be replayable years later.
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { sha256Hex } from '../../documents/canonical-json.ts';
import type { Database } from '../../prisma/database.ts';

/**
 * Stores the history of `workflowId` as it stands (the workflow calls this as its last step, so
 * all but its closing events). Returns the number of events kept, or 0 without a client.
 */
export async function archiveWorkflowHistory(db: Database, temporal: Client | undefined, workflowId: string, sessionId: string): Promise<number> {
  if (!temporal) return 0;
  const handle = temporal.workflow.getHandle(workflowId);
  const [description, history] = await Promise.all([handle.describe(), handle.fetchHistory()]);
  const json = historyToJSON(history);
  const events = history.events?.length ?? 0;
  const row = { runId: description.runId, sessionId, history: json, sha256: sha256Hex(json), events, archivedAt: new Date() };
  await db.workflowHistory.upsert({ where: { workflowId }, create: { workflowId, ...row }, update: row });
  return events;
}
