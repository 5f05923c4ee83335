// The fair floor: bare Temporal updates in the shape of the vote phase. As many live trivial
// workflows as sessions, each holding a state of a session's size, and updates offered in an
// open loop at the vote phase's rate and in its shape (per workflow an opening, the voters' nine
// at once, a close, item after item), so that the two latency distributions are compared at the
// same offered load, the same number of live workflows and the same queueing on each. Optionally
// the floor's saturation throughput: rising offered rates, each held for a while, the highest one
// sustained.
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
  /** Of those, the ones driven in the vote phase's shape: the sessions that voted. */
  shaped: number;
  /** The vote phase's rounds (agenda items) and ballots per round (voters). */
  items: number;
  voters: number;
  /** Updates a second, offered whatever the answers. */
  rate: number;
  /** Saturation: each step's duration; none: no saturation search. */
  saturationStepSeconds?: number | undefined;
  /** Saturation: the first offered rate (default `rate`). */
  saturationFrom?: number | undefined;
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

/**
 * A saturation step at `rate` held about `seconds`, in the vote phase's shape: on as few of the
 * `available` sessions (or workflows) as that takes, each doing `rounds` items of `voters` + 2
 * requests; every one of them, and more rounds, when one round of all is not enough.
 */
export function saturationStep(rate: number, seconds: number, available: number, voters: number): { sessions: number; rounds: number } {
  const requests = rate * seconds;
  const perRound = voters + 2;
  const sessions = Math.max(1, Math.min(available, Math.ceil(requests / perRound)));
  return { sessions, rounds: Math.max(1, Math.round(requests / (sessions * perRound))) };
}

/** The offered rate of a saturation search's next step: half as much again. */
export function nextSaturationRate(rate: number): number {
  return Math.round(rate * 1.5);
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

  /**
   * The vote phase's shape at `rate` a second: on each of the first `shaped` workflows at once, `rounds` times, one
   * update (the vote's opening), then `voters` at once (the ballots), then one (the close), each leaving at its pacer
   * slot in the order they are made, whatever the answers.
   */
  const offer = async (rate: number, rounds: number, shaped = options.shaped): Promise<OfferedLoad> => {
    const pacer = new Pacer(rate);
    const latencies: number[] = [];
    let failures = 0;
    const send = async (handle: WorkflowHandle<typeof baselineWorkflow>): Promise<void> => {
      await pacer.slot();
      const sent = performance.now();
      try {
        await handle.executeUpdate(bump, { args: [1] });
        latencies.push(performance.now() - sent);
      } catch (error) {
        failures++;
        if (failureSamples.length < 5) failureSamples.push(error instanceof Error ? error.message : String(error));
      }
    };
    const t0 = performance.now();
    await Promise.all(handles.slice(0, shaped).map(async (handle) => {
      for (let round = 0; round < rounds; round++) {
        await send(handle);
        await Promise.all(Array.from({ length: options.voters }, () => send(handle)));
        await send(handle);
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    return { ...summarize(latencies), offeredPerSecond: rate, achievedPerSecond: Math.round((latencies.length / seconds) * 10) / 10, failures };
  };
  const perRound = Math.max(1, Math.min(options.shaped, options.workflows)) * (options.voters + 2);

  try {
    for (let i = 0; i < options.workflows; i++) {
      handles.push(await client.workflow.start(baselineWorkflow, { taskQueue, workflowId: `${taskQueue}-${i}`, args: [padding] }));
      if (i % 100 === 99) options.onProgress?.(`fair floor: ${i + 1}/${options.workflows} workflows started`);
    }
    // Each one's first task run and cached, as the sessions' are by the time they vote.
    for (let i = 0; i < handles.length; i += 50) await Promise.all(handles.slice(i, i + 50).map((h) => h.executeUpdate(bump, { args: [0] }).catch(() => undefined)));
    options.onProgress?.(`fair floor: ${options.items * perRound} updates at ${options.rate}/s over ${handles.length} workflows`);
    const atRate = await offer(options.rate, options.items);

    let saturation: FairFloorResult['saturation'];
    if (options.saturationStepSeconds) {
      const steps: OfferedLoad[] = [];
      let sustainedPerSecond = 0;
      for (let rate = options.saturationFrom ?? options.rate; ; rate = nextSaturationRate(rate)) {
        options.onProgress?.(`fair floor saturation: ${rate}/s for ${options.saturationStepSeconds} s`);
        const { sessions, rounds } = saturationStep(rate, options.saturationStepSeconds, Math.min(options.shaped, handles.length), options.voters);
        const step = await offer(rate, rounds, sessions);
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
