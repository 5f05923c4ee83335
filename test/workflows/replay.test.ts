// Recorded histories of released workflow versions must replay with the current code: a
// change that would break running sessions fails here (use `patched` for such changes).
import { readdir, readFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { workflowCodeBundledAtStart } from '../../workflows/workflow-code.ts';
import { testDataConverter } from '../support/payload-keys.ts';

const historiesDir = new URL('../histories/', import.meta.url);
const files = (await readdir(historiesDir)).filter((f) => f.endsWith('.json')).sort();

async function history(file: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(file, historiesDir), 'utf8')) as unknown;
}

describe('recorded session histories', () => {
  it('are kept in the repository', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays with the current workflow code', async (file) => {
    await expect(
      // Histories recorded since payloads are encrypted need the test runs' key; the earlier ones are in clear.
      Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: testDataConverter }, await history(file), file),
    ).resolves.toBeUndefined();
  });

  // Tracing is turned on and off by configuration, under running sessions: the code of a worker
  // with tracing on (bundling at start, as `npm start` does) replays what was recorded with it off
  // (these histories were), as the pre-built bundle above does. One bundling for all of them.
  it('replay with the workflows as a worker bundles them at start, tracing on or off', async () => {
    const histories = await Promise.all(files.map(async (file) => ({ workflowId: file, history: await history(file) })));
    const results: Array<{ file: string; error: string | undefined }> = [];
    for await (const result of Worker.runReplayHistories({ ...workflowCodeBundledAtStart, dataConverter: testDataConverter }, histories)) {
      results.push({ file: result.workflowId, error: result.error?.message });
    }
    expect(results).toEqual(files.map((file) => ({ file, error: undefined })));
  });
});
