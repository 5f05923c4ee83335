// Recorded histories of released workflow versions must replay with the current code: a
// change that would break running sessions fails here (use `patched` for such changes).
import { readdir, readFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { testDataConverter } from '../support/payload-keys.ts';

const historiesDir = new URL('../histories/', import.meta.url);
const files = (await readdir(historiesDir)).filter((f) => f.endsWith('.json')).sort();

describe('recorded session histories', () => {
  it('are kept in the repository', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays with the current workflow code', async (file) => {
    const history = JSON.parse(await readFile(new URL(file, historiesDir), 'utf8')) as unknown;
    await expect(
      // Histories recorded since payloads are encrypted need the test runs' key; the earlier ones are in clear.
      Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: testDataConverter }, history, file),
    ).resolves.toBeUndefined();
  });
});
