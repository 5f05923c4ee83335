// Keeps the history of a finished workflow for the replay suite: run a test with
// RECORD_HISTORIES=<release tag> to add `test/histories/<name>-<tag>.json`.
import { writeFile } from 'node:fs/promises';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { testDataConverter } from './payload-keys.ts';

/** Replays the workflow's history with the current code, and keeps it when asked to. */
export async function replayAndKeep(handle: WorkflowHandle, name: string): Promise<void> {
  const history = await handle.fetchHistory();
  await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: testDataConverter }, history, handle.workflowId);
  const tag = process.env.RECORD_HISTORIES;
  if (tag) await writeFile(new URL(`../histories/${name}-${tag}.json`, import.meta.url), `${historyToJSON(history)}\n`);
}
