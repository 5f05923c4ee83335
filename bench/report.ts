// The results: the JSON document (--json) and the table on stdout.
import { sustained, type FairFloorResult } from './fair-floor.ts';
import type { HistogramDelta } from './prometheus.ts';
import type { LatencySummary } from './stats.ts';

export interface ProcessFigures {
  /** Peak resident memory of the process and its children during the vote phase, MB. */
  rssMb: number | null;
  /** The same, the main process alone. */
  mainRssMb: number | null;
  /** Peak while idle, after start and before the first session. */
  idleRssMb: number | null;
  /** Peak over the whole run. */
  peakRssMb: number | null;
  cpuSecondsVotePhase: number | null;
  cpuMsPerVote: number | null;
  pid?: number | undefined;
  /** External PostgreSQL: the bench database's connections during the vote phase, sampled each second. */
  connectionsVotePhase?: { connectionsMean: number; busyMean: number; busyMax: number; samples: number } | null;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  config: {
    sessions: number;
    items: number;
    voters: number;
    concurrency: number;
    /** Vote-phase requests per second, open loop; null: closed loop at `concurrency`. */
    rate: number | null;
    committees: number;
    idempotencyKeys: boolean;
    probeVotes: number;
    baselineUpdates: number;
    baselineSequential: number;
    baselineConcurrency: number;
    database: string;
    temporal: string;
    /** The dev server's dynamic configuration given at start (`--temporal-config`). */
    temporalDynamicConfig: string[];
    taskQueue: string;
    /** Worker and API processes (resources summed over each kind; SDK histograms of the first worker). */
    workers: number;
    apis: number;
  };
  machine: {
    cpus: number;
    cpuModel: string;
    memoryMb: number;
    node: string;
    platform: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  durationsMs: Record<string, number>;
  counts: Record<string, number>;
  errors: { total: number; byRoute: Record<string, { count: number; byStatus: Record<string, number>; samples: string[] }> };
  vote: LatencySummary & { votesInFlightMean: number; apiServerMeanMs: number | null };
  votesPerSecond: number;
  sessionStart: LatencySummary;
  requests: Record<string, LatencySummary>;
  isolatedVote: LatencySummary;
  isolated: { health: LatencySummary; voteWithKey: LatencySummary; voteWithoutKey: LatencySummary; apiServerMeanMs: number | null };
  baseline: {
    updateP50Ms: number;
    updateP95Ms: number;
    updateP99Ms: number;
    concurrency: number;
    workflows: number;
    updatesPerSecond: number;
    concurrent: LatencySummary;
    sequential: LatencySummary;
    failures: number;
    failureSamples: string[];
    /** CPU time per update during the baseline: the dev server's, and the bench process's (client and worker). */
    cpuMsPerUpdate: { temporal: number | null; benchProcess: number | null };
  };
  /** Open loop, --vote-saturation-steps: vote phases at rising rates (from --saturation-from), each step's sessions, and the highest sustained. */
  voteSaturation: FairFloorResult['saturation'] | null;
  /** Resident memory each live session adds: the vote phase's peak over idle, divided by the sessions (MB). */
  memoryPerSessionMb: { worker: number | null; api: number | null; temporal: number | null };
  /** Open loop only: the floor at the same offered rate and number of live workflows, the vote's p50 and p99 over it. */
  fairFloor: (FairFloorResult & { ratioP50: number | null; ratioP99: number | null; cpuMsPerUpdate: { temporal: number | null; benchProcess: number | null } }) | null;
  ratio: number | null;
  ratioIsolated: number | null;
  worker: ProcessFigures;
  api: ProcessFigures;
  temporal: ProcessFigures;
  postgres: ProcessFigures;
  bench: ProcessFigures;
  persistence: { votesStored: number | null; decisionsStored: number | null; caughtUpAfterLastVoteMs: number | null; quietAfterMs: number | null };
  temporalSdk: {
    worker: Record<string, HistogramDelta>;
    workerCounters: Record<string, number>;
    workerSetup: Record<string, HistogramDelta>;
    workerSetupCounters: Record<string, number>;
    workerIsolatedVotes: Record<string, HistogramDelta>;
    baselineWorker: Record<string, HistogramDelta>;
  };
}

const fixed = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));

/** A saturation search in one line: the highest rate sustained, then each step offered → achieved. */
function saturationText(saturation: NonNullable<FairFloorResult['saturation']>): string {
  const steps = saturation.steps.map((s) => `${s.offeredPerSecond}→${s.achievedPerSecond}/s p99 ${fixed(s.p99Ms)} ms${s.failures ? ` ${s.failures} failed` : ''}`);
  const last = saturation.steps.at(-1);
  // A search that ran out of steps before one failed has found a lower bound, not the saturation.
  const bound = last && sustained(last) ? 'at least ' : '';
  return `${bound}${saturation.sustainedPerSecond}/s sustained; steps: ${steps.join(', ')}`;
}

export function formatTable(report: BenchReport): string {
  const c = report.config;
  const lines: string[] = [];
  lines.push('');
  const load = c.rate ? `setup at HTTP concurrency ${c.concurrency}, votes open loop at ${c.rate} requests/s` : `HTTP concurrency ${c.concurrency}`;
  lines.push(`CALEOL bench: ${c.sessions} sessions × ${c.items} items × ${c.voters} voters, ${c.committees} committee(s), ${load}`);
  lines.push(`  PostgreSQL ${c.database}; Temporal ${c.temporal}${c.temporalDynamicConfig.length > 0 ? ` with ${c.temporalDynamicConfig.join(', ')}` : ''}; idempotency keys on votes: ${c.idempotencyKeys ? 'yes' : 'no'}; ${c.workers} worker process(es), ${c.apis} API process(es)`);
  const m = report.machine;
  lines.push(`  ${m.cpus} CPUs (${m.cpuModel}), ${Math.round(m.memoryMb / 1024)} GB, Node ${m.node}; load average ${m.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')} at start, ${m.loadAverageAtEnd.map((l) => l.toFixed(2)).join(' ')} at end`);
  lines.push('');

  const row = (label: string, s: LatencySummary | undefined) =>
    `  ${label.padEnd(50)}${String(s?.count ?? 0).padStart(7)}${fixed(s?.p50Ms).padStart(9)}${fixed(s?.p95Ms).padStart(9)}${fixed(s?.p99Ms).padStart(9)}${fixed(s?.maxMs).padStart(9)}`;
  lines.push(`  ${'latency, ms'.padEnd(50)}${'count'.padStart(7)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}`);
  lines.push(row('vote over HTTP, all sessions at once', report.vote));
  lines.push(row(`Temporal update alone, ${report.baseline.concurrency} in flight (baseline)`, report.baseline.concurrent));
  lines.push(row('Temporal update alone, one at a time', report.baseline.sequential));
  const floor = report.fairFloor;
  if (floor) lines.push(row(`Fair floor: ${floor.workflows} live workflows of ${floor.stateBytes} B, ${floor.atRate.offeredPerSecond}/s offered`, floor.atRate));
  lines.push(row('vote, one at a time, with Idempotency-Key', report.isolated.voteWithKey));
  lines.push(row('vote, one at a time, without Idempotency-Key', report.isolated.voteWithoutKey));
  lines.push(row('GET /health, one at a time (HTTP floor)', report.isolated.health));
  lines.push(row('session start (POST …/sessions → 201)', report.sessionStart));
  for (const [route, summary] of Object.entries(report.requests)) {
    if (route.endsWith('/votes') || route.endsWith('/sessions')) continue;
    lines.push(row(route, summary));
  }
  lines.push('');
  lines.push(`  votes per second           ${fixed(report.votesPerSecond)} over ${fixed((report.durationsMs.votePhase ?? Number.NaN) / 1000)} s (mean ${fixed(report.vote.votesInFlightMean)} votes in flight); baseline ${fixed(report.baseline.updatesPerSecond)} updates/s`);
  lines.push(`  ratio vote p50 / update p50  ${fixed(report.ratio, 2)} under load, ${fixed(report.ratioIsolated, 2)} one at a time`);
  if (floor) {
    lines.push(`  fair floor                 vote / floor: p50 ${fixed(floor.ratioP50, 2)}, p99 ${fixed(floor.ratioP99, 2)} at ${floor.atRate.offeredPerSecond}/s offered (floor achieved ${fixed(floor.atRate.achievedPerSecond)}/s)`);
    if (floor.saturation) {
      lines.push(`  fair floor saturation      ${saturationText(floor.saturation)}`);
    }
  }
  if (report.voteSaturation) lines.push(`  votes' saturation          ${saturationText(report.voteSaturation)}`);
  lines.push(`  API time per vote (mean)   ${fixed(report.vote.apiServerMeanMs)} ms under load, ${fixed(report.isolated.apiServerMeanMs)} ms one at a time (Fastify onRequest → reply; the rest is the client's side and the network)`);
  const p = report.persistence;
  lines.push(`  persistence                ${p.votesStored ?? '—'} votes and ${p.decisionsStored ?? '—'} decisions stored; all votes stored ${fixed(p.caughtUpAfterLastVoteMs === null ? null : p.caughtUpAfterLastVoteMs / 1000)} s after the vote phase ended`);
  lines.push('');

  const sdk = report.temporalSdk;
  const sdkRow = (label: string, metric: string) => {
    // The worker exports durations in seconds (`_seconds`), the bench's own runtime in milliseconds.
    const mean = (figures: Record<string, HistogramDelta>) => {
      const seconds = figures[`${metric}_seconds`];
      return seconds ? seconds.mean * 1000 : figures[metric]?.mean;
    };
    const cell = (figures: Record<string, HistogramDelta>) => fixed(mean(figures)).padStart(14);
    lines.push(`  ${label.padEnd(50)}${cell(sdk.workerSetup)}${cell(sdk.worker)}${cell(sdk.workerIsolatedVotes)}${cell(sdk.baselineWorker)}`);
  };
  lines.push(`  ${'Temporal SDK, worker side, mean ms'.padEnd(50)}${'setup'.padStart(14)}${'votes'.padStart(14)}${'one vote'.padStart(14)}${'baseline'.padStart(14)}`);
  sdkRow('workflow task: schedule to start', 'temporal_workflow_task_schedule_to_start_latency');
  sdkRow('workflow task: execution', 'temporal_workflow_task_execution_latency');
  sdkRow('activity (session steps stored): execution', 'temporal_activity_execution_latency');
  lines.push('');

  lines.push(`  ${'process'.padEnd(22)}${'RSS MB, vote phase'.padStart(20)}${'idle'.padStart(8)}${'run peak'.padStart(10)}${'CPU s, votes'.padStart(14)}${'CPU ms/vote'.padStart(13)}`);
  const proc = (label: string, f: ProcessFigures | null) => {
    if (!f) return;
    lines.push(`  ${label.padEnd(22)}${fixed(f.rssMb, 0).padStart(20)}${fixed(f.idleRssMb, 0).padStart(8)}${fixed(f.peakRssMb, 0).padStart(10)}${fixed(f.cpuSecondsVotePhase).padStart(14)}${fixed(f.cpuMsPerVote, 2).padStart(13)}`);
  };
  proc('worker', report.worker);
  proc('api', report.api);
  proc('temporal dev server', report.temporal);
  proc(report.postgres.rssMb === null ? 'postgres (backends)' : 'postgres (embedded)', report.postgres);
  const pool = report.postgres.connectionsVotePhase;
  if (pool) lines.push(`  PostgreSQL connections (API + worker pools, 10 each), vote phase: ${pool.connectionsMean} open, ${pool.busyMean} busy on average, ${pool.busyMax} at most`);
  proc('bench (HTTP client)', report.bench);
  const perSession = report.memoryPerSessionMb;
  lines.push(`  memory per live session    worker ${fixed(perSession.worker, 2)} MB, API ${fixed(perSession.api, 2)} MB, Temporal ${fixed(perSession.temporal, 2)} MB (vote phase peak over idle, ÷ ${report.config.sessions} sessions)`);
  lines.push(`  baseline, CPU ms per update: temporal dev server ${fixed(report.baseline.cpuMsPerUpdate.temporal, 2)}, bench process (client and worker) ${fixed(report.baseline.cpuMsPerUpdate.benchProcess, 2)}`);
  lines.push('');

  if (report.errors.total === 0) {
    lines.push('  errors                     none');
  } else {
    lines.push(`  errors                     ${report.errors.total}`);
    for (const [route, failure] of Object.entries(report.errors.byRoute)) {
      lines.push(`    ${route}: ${failure.count} (${Object.entries(failure.byStatus).map(([status, n]) => `${status === '0' ? 'no answer' : status} × ${n}`).join(', ')})`);
      for (const sample of failure.samples) lines.push(`      ${sample}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
