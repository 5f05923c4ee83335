// The baseline: bare Temporal update round trips (client → server → worker → server → client)
// on a trivial workflow, on the same server as the sessions. The worker runs in the bench
// process on a task queue of its own; the client is @temporalio/client, as in the API.
import { randomUUID } from 'node:crypto';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { baselineWorkflow, bump, finish } from './baseline-workflow.ts';
import { summarize, type LatencySummary } from './stats.ts';

/** Temporal refuses an 11th update in flight on one workflow, and more than 2,000 in all. */
const inFlightPerWorkflow = 9;
const updatesPerWorkflow = 1_500;

export interface BaselineOptions {
  address: string;
  namespace: string;
  bundlePath: string;
  sequential: number;
  updates: number;
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BaselineResult {
  sequential: LatencySummary;
  concurrent: LatencySummary & { concurrency: number; workflows: number; updatesPerSecond: number };
  failures: number;
  failureSamples: string[];
  durationMs: number;
}

export async function runBaseline(options: BaselineOptions): Promise<BaselineResult> {
  const started = performance.now();
  const taskQueue = `bench-baseline-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address: options.address });
  const connection = await Connection.connect({ address: options.address });
  const client = new Client({ connection, namespace: options.namespace });
  const worker = await Worker.create({ connection: nativeConnection, namespace: options.namespace, taskQueue, workflowBundle: { codePath: options.bundlePath } });
  const running = worker.run();
  const handles: Array<WorkflowHandle<typeof baselineWorkflow>> = [];
  const failureSamples: string[] = [];
  let failures = 0;
  let done = 0;
  const total = options.sequential + options.updates;

  const timed = async (handle: WorkflowHandle<typeof baselineWorkflow>, into: number[] | undefined) => {
    const t0 = performance.now();
    try {
      await handle.executeUpdate(bump, { args: [1] });
      into?.push(performance.now() - t0);
    } catch (error) {
      failures++;
      if (failureSamples.length < 5) failureSamples.push(error instanceof Error ? error.message : String(error));
    }
    if (into) options.onProgress?.(++done, total);
  };
  const startWorkflow = async () => {
    const handle = await client.workflow.start(baselineWorkflow, { taskQueue, workflowId: `${taskQueue}-${handles.length}` });
    handles.push(handle);
    return handle;
  };

  try {
    // One at a time: the round trip itself, with nothing else in flight.
    const sequential: number[] = [];
    const alone = await startWorkflow();
    for (let i = 0; i < 20; i++) await timed(alone, undefined); // warm-up: first task, cache, connections
    for (let i = 0; i < options.sequential; i++) await timed(alone, sequential);

    // Several at once, as many as the votes had in flight, at most nine per workflow as a session's voters.
    const workflows = Math.max(1, Math.ceil(options.concurrency / inFlightPerWorkflow), Math.ceil(options.updates / updatesPerWorkflow));
    const targets: Array<WorkflowHandle<typeof baselineWorkflow>> = [];
    for (let i = 0; i < workflows; i++) targets.push(await startWorkflow());
    await Promise.all(targets.map(async (handle) => {
      for (let i = 0; i < 3; i++) await timed(handle, undefined);
    }));
    const concurrent: number[] = [];
    let issued = 0;
    const concurrentStart = performance.now();
    await Promise.all(Array.from({ length: options.concurrency }, async (_, loop) => {
      const handle = targets[loop % workflows]!;
      while (issued < options.updates) {
        issued++;
        await timed(handle, concurrent);
      }
    }));
    const concurrentMs = performance.now() - concurrentStart;
    return {
      sequential: summarize(sequential),
      concurrent: {
        ...summarize(concurrent),
        concurrency: options.concurrency,
        workflows,
        updatesPerSecond: Math.round((concurrent.length / (concurrentMs / 1000)) * 10) / 10,
      },
      failures,
      failureSamples,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await Promise.all(handles.map(async (handle) => {
      await handle.signal(finish).catch(() => undefined);
      await Promise.race([handle.result().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    }));
    worker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
    await nativeConnection.close();
  }
}
