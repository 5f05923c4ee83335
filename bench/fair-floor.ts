// The fair floor: bare Temporal updates in the shape of the vote phase. As many live trivial
// workflows as sessions, each holding a state of a session's size, and updates offered in an
// open loop at the vote phase's rate, so that the two latency distributions are compared at the
// same offered load and the same number of live workflows. Optionally the floor's saturation
// throughput: rising offered rates, each held for a while, the highest one sustained.
import { randomUUID } from 'node:crypto';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { baselineWorkflow, bump, finish } from './baseline-workflow.ts';
import { Pacer, summarize, type LatencySummary } from './stats.ts';

export interface FairFloorOptions {
  address: string;
  namespace: string;
  bundlePath: string;
  /** Live workflows: the sessions' number. */
  workflows: number;
  /** Bytes of state each one holds: a session's state as its query answers it. */
  stateBytes: number;
  /** Updates a second, offered whatever the answers. */
  rate: number;
  updates: number;
  /** Saturation: each step's duration; none: no saturation search. */
  saturationStepSeconds?: number | undefined;
  onProgress?: (text: string) => void;
}

export interface OfferedLoad extends LatencySummary {
  offeredPerSecond: number;
  achievedPerSecond: number;
  failures: number;
}

export interface FairFloorResult {
  workflows: number;
  stateBytes: number;
  atRate: OfferedLoad;
  /** Each step of the saturation search, and the highest offered rate sustained (achieved ≥ 95 %, p99 < 1 s, no failure). */
  saturation?: { steps: OfferedLoad[]; sustainedPerSecond: number } | undefined;
  failureSamples: string[];
  durationMs: number;
}

/** A step is sustained when it keeps up with what was offered, without failures or runaway latency. */
export function sustained(step: OfferedLoad): boolean {
  return step.failures === 0 && step.achievedPerSecond >= 0.95 * step.offeredPerSecond && step.p99Ms < 1_000;
}

export async function runFairFloor(options: FairFloorOptions): Promise<FairFloorResult> {
  const started = performance.now();
  const taskQueue = `bench-fair-floor-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address: options.address });
  const connection = await Connection.connect({ address: options.address });
  const client = new Client({ connection, namespace: options.namespace });
  // The same cache as the session worker's default, so that as many workflows stay warm.
  const worker = await Worker.create({ connection: nativeConnection, namespace: options.namespace, taskQueue, workflowBundle: { codePath: options.bundlePath } });
  const running = worker.run();
  const handles: Array<WorkflowHandle<typeof baselineWorkflow>> = [];
  const failureSamples: string[] = [];
  const padding = 'x'.repeat(Math.max(0, options.stateBytes));

  /** `updates` updates offered at `rate` a second, round robin over the workflows. */
  const offer = async (rate: number, updates: number): Promise<OfferedLoad> => {
    const pacer = new Pacer(rate);
    const latencies: number[] = [];
    let failures = 0;
    const inFlight: Array<Promise<void>> = [];
    const t0 = performance.now();
    for (let i = 0; i < updates; i++) {
      await pacer.slot();
      const handle = handles[i % handles.length]!;
      inFlight.push((async () => {
        const sent = performance.now();
        try {
          await handle.executeUpdate(bump, { args: [1] });
          latencies.push(performance.now() - sent);
        } catch (error) {
          failures++;
          if (failureSamples.length < 5) failureSamples.push(error instanceof Error ? error.message : String(error));
        }
      })());
    }
    await Promise.all(inFlight);
    const seconds = (performance.now() - t0) / 1000;
    return { ...summarize(latencies), offeredPerSecond: rate, achievedPerSecond: Math.round((latencies.length / seconds) * 10) / 10, failures };
  };

  try {
    for (let i = 0; i < options.workflows; i++) {
      handles.push(await client.workflow.start(baselineWorkflow, { taskQueue, workflowId: `${taskQueue}-${i}`, args: [padding] }));
      if (i % 100 === 99) options.onProgress?.(`fair floor: ${i + 1}/${options.workflows} workflows started`);
    }
    // Each one's first task run and cached, as the sessions' are by the time they vote.
    for (let i = 0; i < handles.length; i += 50) await Promise.all(handles.slice(i, i + 50).map((h) => h.executeUpdate(bump, { args: [0] }).catch(() => undefined)));
    options.onProgress?.(`fair floor: ${options.updates} updates at ${options.rate}/s over ${handles.length} workflows`);
    const atRate = await offer(options.rate, options.updates);

    let saturation: FairFloorResult['saturation'];
    if (options.saturationStepSeconds) {
      const steps: OfferedLoad[] = [];
      let sustainedPerSecond = 0;
      for (let rate = options.rate; ; rate = Math.round(rate * 1.5)) {
        options.onProgress?.(`fair floor saturation: ${rate}/s for ${options.saturationStepSeconds} s`);
        const step = await offer(rate, Math.round(rate * options.saturationStepSeconds));
        steps.push(step);
        if (!sustained(step)) break;
        sustainedPerSecond = rate;
      }
      saturation = { steps, sustainedPerSecond };
    }
    return { workflows: handles.length, stateBytes: padding.length, atRate, saturation, failureSamples, durationMs: Math.round(performance.now() - started) };
  } finally {
    for (let i = 0; i < handles.length; i += 100) {
      await Promise.all(handles.slice(i, i + 100).map((h) => h.signal(finish).catch(() => undefined)));
    }
    worker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
    await nativeConnection.close();
  }
}
