// Recorded histories of released workflow versions must replay with the current code: a
// change that would break running sessions fails here (use `patched` for such changes).
import { readdir, readFile } from 'node:fs/promises';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { workflowsPath } from '../../activities/worker.ts';
import { startTracing, type Tracing } from '../../bin/tracing.ts';
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

  // Tracing is turned on and off by configuration, under running sessions: the workflow code a
  // worker runs with it on must replay what was recorded with it off.
  describe('with tracing on', () => {
    let tracing: Tracing;
    let code: string;
    beforeAll(async () => {
      tracing = startTracing('replay-test', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })!;
      const quiet = { trace: () => undefined, debug: () => undefined, info: () => undefined, log: () => undefined, warn: () => undefined, error: (message: string) => console.error(message) };
      code = (await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules: tracing.workflowModules, logger: quiet })).code;
    }, 120_000);
    afterAll(() => tracing?.shutdown());

    it.each(files)('%s replays with the workflow code of a worker with tracing on', async (file) => {
      await expect(
        Worker.runReplayHistory({ workflowBundle: { code }, dataConverter: testDataConverter, sinks: tracing.sinks }, await history(file), file),
      ).resolves.toBeUndefined();
    });
  });
});
