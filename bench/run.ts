// `npm run bench`: sessions voting over HTTP against a real Temporal dev server, PostgreSQL,
// the worker and the API (each a process of its own), and in the same run the baseline: a
// bare Temporal update round trip on a trivial workflow on the same server. See bench/README.md.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import pg from 'pg';
import { applyMigrations } from '../prisma/migrations.ts';
import { runBaseline, type BaselineResult } from './baseline.ts';
import { nextSaturationRate, runFairFloor, saturationStep, sustained, type FairFloorResult, type OfferedLoad } from './fair-floor.ts';
import { ApiClient } from './http.ts';
import {
  baselineWorkflowPath,
  childEnv,
  DatabaseBackends,
  ensureSearchAttributes,
  freePort,
  hasWorkflowPollers,
  repoRoot,
  startChild,
  startDatabase,
  startTemporal,
  waitFor,
  type BenchDatabase,
  type Child,
} from './infrastructure.ts';
import { startMailCatcher } from '../bin/embedded.ts';
import { writeWorkflowBundle } from '../bin/workflow-bundle.ts';
import { workflowBundleOptions } from '../workflows/workflow-code.ts';
import { parseOptions, usage, UsageError, type BenchOptions } from './options.ts';
import { childrenOf, commandOf, ResourceSampler } from './processes.ts';
import { histogramDelta, movedCounters, movedHistograms, scrape, type Scrape } from './prometheus.ts';
import { Progress } from './progress.ts';
import { formatTable, type BenchReport, type ProcessFigures } from './report.ts';
import { openLoopInFlight, Recorder, routes, Scenario, type VotePhase } from './scenario.ts';
import { jsonSafe, summarize } from './stats.ts';

const namespace = 'default';
const voteRoutePattern = '/sessions/:id/agenda-items/:itemId/votes';

const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
let cleaning: Promise<void> | undefined;
let progress: Progress | undefined;
/** The working folder (bundles, child logs) is kept with --keep and after a failure. */
let keepWorkdir = false;
/** Ctrl-C: what fails from now on is the stopping, not a finding. */
let interrupted = false;

/** Stops what was started, last first; once, whoever asks (end of run, failure, Ctrl-C). */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { name, stop } of stops.reverse()) {
      await stop().catch((error: unknown) => console.error(`while stopping ${name}:`, error instanceof Error ? error.message : error));
    }
  })();
  return cleaning;
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  // npm and tsx pass a terminal's Ctrl-C on as well: the same signal comes more than once.
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    progress?.stop();
    console.error(`\n${signal}: stopping the worker, the API, Temporal and PostgreSQL…`);
    void cleanUp().finally(() => process.exit(code));
  });
}

async function main(): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (options === 'help') {
    console.log(usage);
    return 0;
  }
  if (!existsSync(join(repoRoot, 'generated', 'prisma', 'client.ts'))) {
    console.error('the Prisma client is not generated: run `npm run generate` first');
    return 2;
  }
  const opts = options;
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const t0 = performance.now();
  const durations: Record<string, number> = {};
  const workdir = await mkdtemp(join(os.tmpdir(), 'caleol-bench-'));
  keepWorkdir = opts.keep;
  stops.push({ name: 'working folder', stop: async () => (keepWorkdir ? console.error(`working folder kept: ${workdir}`) : rm(workdir, { recursive: true, force: true })) });

  // The baseline's worker runs here: its Core runtime, quiet, with its metrics for comparison.
  const benchMetricsPort = await freePort();
  Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${benchMetricsPort}` } } } });

  const status = { text: 'starting PostgreSQL and Temporal, bundling the workflows' };
  progress = new Progress(() => status.text);
  progress.start();

  // --- infrastructure ---
  // Bundled once, so that a worker starts without bundling: the sessions' as every worker runs them, and the baseline's.
  const sessionBundle = join(workdir, 'session-workflows.js');
  const baselineBundle = join(workdir, 'baseline-workflow.js');
  const [database, temporal] = await Promise.all([
    startDatabase(workdir, freePort).then((db) => {
      stops.push({ name: 'PostgreSQL', stop: () => db.stop() });
      return db;
    }),
    startTemporal(opts.temporalDbFile, opts.temporalConfig).then((server) => {
      stops.push({ name: 'Temporal', stop: () => server.stop() });
      return server;
    }),
    writeWorkflowBundle(sessionBundle, workflowBundleOptions),
    writeWorkflowBundle(baselineBundle, { workflowsPath: baselineWorkflowPath }),
  ]);
  const migrations = await applyMigrations(database.url);
  const connection = await Connection.connect({ address: temporal.address });
  stops.push({ name: 'Temporal client', stop: () => connection.close() });
  const client = new Client({ connection, namespace });
  await ensureSearchAttributes(connection, namespace);
  progress.note(`PostgreSQL ${database.kind}${database.name ? ` (database ${database.name})` : ''}, ${migrations.applied.length} migrations applied; Temporal ${temporal.kind} at ${temporal.address}`);

  // Members are convened by e-mail before a sitting opens: a mail catcher takes the convocations.
  const mail = await startMailCatcher(join(workdir, 'outbox'), await freePort());
  stops.push({ name: 'mail catcher', stop: () => mail.stop() });

  // --- the worker and the API, as in production: two processes ---
  status.text = 'starting the worker and the API';
  const secret = randomBytes(24).toString('hex');
  const apiPorts = await Promise.all(Array.from({ length: opts.apis }, () => freePort()));
  const workerMetricsPorts = await Promise.all(Array.from({ length: opts.workers }, () => freePort()));
  const [apiPort] = apiPorts as [number];
  const [workerMetricsPort] = workerMetricsPorts as [number];
  const taskQueue = `caleol-bench-${randomUUID()}`;
  const env = childEnv({
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_BUNDLE_PATH: sessionBundle,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    AUTH_MODE: 'local',
    AUTH_LOCAL_SECRET: secret,
    LOG_LEVEL: 'warn',
    DATA_DIR: join(workdir, 'data'),
    SMTP_URL: mail.url,
    // One secretary's token drives every session here, which no real secretary does: the limits
    // stay on (their cost is measured) at a level the bench never reaches.
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  // One folder per process: Node names each profile after its pid and thread.
  const profile = (name: string) => (opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(opts.cpuProfileDir, name)}`] : []);
  // Several of each (--workers, --apis): the same task queue, the same database; the SDK's
  // figures below are the first worker's, the resources those of all of them together.
  const workers = workerMetricsPorts.map((port, i) => startChild(i === 0 ? 'worker' : `worker-${i + 1}`, 'bin/worker.ts', [], { ...env, TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${port}` }, join(workdir, i === 0 ? 'worker.log' : `worker-${i + 1}.log`), profile(i === 0 ? 'worker' : `worker-${i + 1}`)));
  const apis = apiPorts.map((port, i) => startChild(i === 0 ? 'api' : `api-${i + 1}`, 'bin/api.ts', [], { ...env, PORT: String(port) }, join(workdir, i === 0 ? 'api.log' : `api-${i + 1}.log`), profile(i === 0 ? 'api' : `api-${i + 1}`)));
  const [worker, api] = [workers[0]!, apis[0]!];
  for (const child of [...workers, ...apis]) stops.push({ name: child.name, stop: () => child.stop() });
  const children: Child[] = [...workers, ...apis, ...(database.child ? [database.child] : [])];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
  await Promise.all([
    ...apiUrls.map((url) => waitFor('the API\'s /ready', async () => ((await fetch(`${url}/ready`)).ok ? true : undefined), 180_000, children)),
    waitFor('the worker polling its task queue', async () => ((await hasWorkflowPollers(client, namespace, taskQueue)) ? true : undefined), 180_000, children),
  ]);
  durations.infrastructure = performance.now() - t0;
  progress.note(`${workers.length} worker(s) (pid ${workers.map((w) => w.pid).join(', ')}) and ${apis.length} API(s) (pid ${apis.map((a) => a.pid).join(', ')}, ${apiUrls.join(', ')}) ready in ${(durations.infrastructure / 1000).toFixed(1)} s`);

  // A child that dies mid-run would leave requests waiting: stop at once, with its last words.
  const watchdog = setInterval(() => {
    for (const child of children) {
      const early = child.exitedEarly();
      if (!early || interrupted) continue;
      progress?.stop();
      console.error(`\n${child.name} stopped (${early}); its log ends with:\n${child.tail()}`);
      keepWorkdir = true;
      void cleanUp().finally(() => process.exit(1));
    }
  }, 500);
  watchdog.unref();

  // --- resources, sampled all along ---
  const known = () => new Set(children.map((c) => c.pid));
  const sampler = new ResourceSampler();
  sampler.track('worker', () => workers.map((w) => w.pid));
  sampler.track('api', () => apis.map((a) => a.pid));
  const backends = new DatabaseBackends(database);
  await backends.start();
  stops.push({ name: 'database backends watch', stop: () => backends.stop() });
  if (database.child) sampler.track('postgres', () => [database.child!.pid]);
  else sampler.track('postgres', () => backends.pids, false);
  // The dev server: the bench's child (through the CLI's launcher, if any) that is not one of its own.
  if (temporal.kind === 'dev-server') sampler.track('temporal', () => childrenOf(process.pid).filter((pid) => !known().has(pid) && commandOf(pid).includes('temporal')));
  sampler.track('bench', () => [process.pid], false);
  sampler.start();
  sampler.enterPhase('idle');
  await new Promise((r) => setTimeout(r, 2_000));

  // --- setup: committees, sessions, agendas, convocation, opening, attendance ---
  const http = new ApiClient(apiUrls, Math.max(opts.concurrency, opts.rate ? openLoopInFlight : 0) + 16);
  stops.push({ name: 'HTTP client', stop: async () => http.close() });
  // The votes' saturation steps, planned before the setup, which sets up their items: each rate
  // held about --saturation-seconds on items of its own.
  const voteSteps: Array<{ rate: number; sessions: number; rounds: number; from: number }> = [];
  let stepRate = opts.saturationFrom ?? opts.rate ?? 0;
  let setUpExtraItems = 0;
  while (voteSteps.length < opts.voteSaturationSteps) {
    const shape = saturationStep(stepRate, opts.saturationSeconds, opts.sessions, opts.voters);
    voteSteps.push({ rate: stepRate, ...shape, from: opts.items + setUpExtraItems });
    setUpExtraItems += shape.rounds;
    stepRate = nextSaturationRate(stepRate);
  }
  const scenario = new Scenario(http, secret, {
    sessions: opts.sessions, items: opts.items, voters: opts.voters, committees: opts.committees,
    concurrency: opts.concurrency, rate: opts.rate, idempotencyKeys: opts.idempotencyKeys,
    extraItems: setUpExtraItems,
  });
  const counters = scenario.counters;
  const failures = () => scenario.recorder.totalFailures();
  status.text = '';
  let voteStart = 0;
  const describe = () => {
    if (counters.phase === 'setup') {
      // Per session: schedule, the items, publish, open, attendance of each voter.
      const setupRequests = opts.committees + opts.sessions * (3 + opts.items + setUpExtraItems + opts.voters);
      return `setup: committees ${counters.committees}/${opts.committees}, sessions scheduled ${counters.scheduled}/${opts.sessions}, ready ${counters.setUp}/${opts.sessions}, requests ${counters.answered}/${setupRequests} (${counters.inFlight} in flight, ${failures()} failed)`;
    }
    if (counters.phase === 'vote') {
      const seconds = (performance.now() - voteStart) / 1000;
      const mb = (name: string) => `${(sampler.latest(name)?.rssMb ?? 0).toFixed(0)} MB`;
      return `votes ${counters.votesOk}/${counters.votesExpected} (${counters.votesFailed} failed), items closed ${counters.itemsClosed}/${counters.setUp * opts.items}, ${(counters.votesOk / Math.max(seconds, 0.001)).toFixed(0)} votes/s, ${counters.inFlight} in flight; RSS worker ${mb('worker')}, API ${mb('api')}`;
    }
    return status.text;
  };
  progress.stop();
  progress = new Progress(describe);
  progress.start();

  const setupMetricsBefore = await scrape(`http://127.0.0.1:${workerMetricsPort}/metrics`);
  sampler.enterPhase('setup');
  const setupStart = performance.now();
  await scenario.setUp();
  durations.setup = performance.now() - setupStart;
  const sessionStart = summarize(scenario.recorder.latencies.get(routes.schedule) ?? []);
  const setupRoutes = [routes.committee, routes.agendaItem, routes.publish, routes.open, routes.attendance];
  const requests: Record<string, ReturnType<typeof summarize>> = {};
  for (const route of setupRoutes) requests[route] = summarize(scenario.recorder.latencies.get(route) ?? []);
  progress.note(`setup: ${counters.setUp}/${opts.sessions} sessions ready to vote in ${(durations.setup / 1000).toFixed(1)} s (session start p50 ${sessionStart.p50Ms} ms)`);

  // --- the vote phase: every session at once ---
  const metricsBefore = await scrapeBoth(apiUrl, workerMetricsPort);
  const setupMetricsAfter = metricsBefore.worker;
  sampler.enterPhase('vote');
  backends.count(true);
  voteStart = performance.now();
  const votePhase = await scenario.vote();
  backends.count(false);
  sampler.enterPhase('after-votes');
  const metricsAfter = await scrapeBoth(apiUrl, workerMetricsPort);
  durations.votePhase = votePhase.durationMs;
  const voteLatencies = [...(scenario.recorder.latencies.get(routes.vote) ?? [])];
  requests[routes.voteOpen] = summarize(scenario.recorder.latencies.get(routes.voteOpen) ?? []);
  requests[routes.voteClose] = summarize(scenario.recorder.latencies.get(routes.voteClose) ?? []);
  const votesPerSecond = Math.round((counters.votesOk / (votePhase.durationMs / 1000)) * 10) / 10;
  // The probe's session adds to the counters: the run's figures are those of now.
  const afterVotes = { ...counters };
  progress.note(`vote phase: ${counters.votesOk} votes in ${(votePhase.durationMs / 1000).toFixed(1)} s, ${votesPerSecond} votes/s, ${counters.votesFailed} failed`);

  // --- the workflows store their steps after answering: how long until every vote is stored ---
  status.text = 'waiting for the workflows to store every vote';
  counters.phase = 'drain';
  const persistence = await waitForPersistence(database, afterVotes.votesOk, afterVotes.itemsClosed * 3);
  const quietAfterMs = await waitForQuiet(sampler, ['worker', 'api', 'temporal', 'postgres'], 60_000);
  durations.quietAfterVotes = persistence.caughtUpAfterLastVoteMs ?? 0;

  // --- votes one at a time on an idle system ---
  status.text = `isolated requests, one at a time: ${opts.probeVotes} GET /health, ${2 * opts.probeVotes} votes`;
  sampler.enterPhase('probe');
  const probeStart = performance.now();
  const probeBefore = await scrapeBoth(apiUrl, workerMetricsPort);
  const isolated = await scenario.probe(opts.probeVotes);
  const probeAfter = await scrapeBoth(apiUrl, workerMetricsPort);
  durations.probe = performance.now() - probeStart;
  await waitForQuiet(sampler, ['worker', 'api', 'temporal', 'postgres'], 30_000);

  // --- open loop: the votes' saturation, vote phases at rising rates, each on items of its own ---
  let voteSaturation: FairFloorResult['saturation'];
  if (voteSteps.length > 0) {
    sampler.enterPhase('vote-saturation');
    const steps: Array<OfferedLoad & { sessions: number; errors: Record<string, unknown> }> = [];
    let sustainedPerSecond = 0;
    for (const [index, { rate, sessions, rounds, from }] of voteSteps.entries()) {
      status.text = `votes' saturation: ${rate} requests/s offered on ${sessions} sessions (step ${index + 1} of at most ${voteSteps.length})`;
      voteStart = performance.now();
      const recorder = new Recorder();
      const phase = await scenario.vote(rate, { from, count: rounds }, recorder, sessions);
      const load = {
        ...summarize(phase.latencies), offeredPerSecond: rate, failures: phase.failures, sessions: phase.sessions,
        achievedPerSecond: round((phase.requests - phase.failures) / (phase.durationMs / 1000), 1)!,
        errors: Object.fromEntries(recorder.failures),
      };
      steps.push(load);
      progress.note(`votes' saturation: ${rate}/s offered on ${phase.sessions} sessions, ${load.achievedPerSecond}/s achieved, vote p99 ${load.p99Ms} ms, ${load.failures} failed`);
      await waitForQuiet(sampler, ['worker', 'api', 'temporal', 'postgres'], 60_000);
      if (!sustained(load)) break;
      sustainedPerSecond = rate;
    }
    voteSaturation = { steps, sustainedPerSecond };
  }

  // --- the baseline: bare Temporal updates on the same server ---
  sampler.enterPhase('baseline');
  const baselineTotal = opts.baselineSequential + opts.baselineUpdates;
  status.text = `baseline: Temporal updates 0/${baselineTotal}`;
  const benchMetricsBefore = await scrape(`http://127.0.0.1:${benchMetricsPort}/metrics`);
  const baseline: BaselineResult = await runBaseline({
    address: temporal.address, namespace, bundlePath: baselineBundle,
    sequential: opts.baselineSequential, updates: opts.baselineUpdates, concurrency: opts.baselineConcurrency,
    onProgress: (done, total) => { status.text = `baseline: Temporal updates ${done}/${total}`; },
  });
  const benchMetricsAfter = await scrape(`http://127.0.0.1:${benchMetricsPort}/metrics`);
  durations.baseline = baseline.durationMs;

  // --- open loop: the fair floor, as many live workflows as sessions, at the vote phase's rate ---
  let fairFloor: FairFloorResult | undefined;
  if (opts.rate) {
    sampler.enterPhase('fair-floor');
    const stateBytes = await scenario.stateBytes();
    fairFloor = await runFairFloor({
      address: temporal.address, namespace, bundlePath: baselineBundle, workflows: opts.sessions, shaped: scenario.readySessions(), stateBytes, rate: opts.rate,
      items: opts.items, voters: opts.voters, saturationStepSeconds: opts.saturationSeconds || undefined, saturationFrom: opts.saturationFrom,
      onProgress: (text) => { status.text = text; },
    });
    durations.fairFloor = fairFloor.durationMs;
  }
  sampler.stop();
  progress.stop();

  // --- figures ---
  const vote = summarize(voteLatencies);
  const isolatedVote = summarize(opts.idempotencyKeys ? isolated.voteWithKey : isolated.voteWithoutKey);
  const votesCounted = afterVotes.votesOk;
  const figures = (name: string, withRss = true): ProcessFigures => {
    const phases = sampler.phases();
    const peakRun = Math.max(0, ...phases.map((phase) => sampler.peak(name, phase)?.rssMb ?? 0));
    const cpu = sampler.cpu(name, 'vote');
    return {
      rssMb: withRss ? round(sampler.peak(name, 'vote')?.rssMb) : null,
      mainRssMb: withRss ? round(sampler.peak(name, 'vote')?.mainRssMb) : null,
      idleRssMb: withRss ? round(sampler.peak(name, 'idle')?.rssMb) : null,
      peakRssMb: withRss ? round(peakRun) : null,
      cpuSecondsVotePhase: round(cpu, 2),
      cpuMsPerVote: cpu === undefined || votesCounted === 0 ? null : round((cpu * 1000) / votesCounted, 3),
    };
  };
  const perSession = (f: ProcessFigures) => (f.rssMb === null || f.idleRssMb === null ? null : round((f.rssMb - f.idleRssMb) / opts.sessions, 2));
  // Warm-up updates included: they are work done too.
  const baselineUpdatesDone = baseline.sequential.count + baseline.concurrent.count + 20 + 3 * baseline.concurrent.workflows;
  const perUpdate = (cpu: number | undefined) => (cpu === undefined || baselineUpdatesDone === 0 ? null : round((cpu * 1000) / baselineUpdatesDone, 3));
  const serverMean = (before: Scrape | undefined, after: Scrape | undefined) => {
    const delta = histogramDelta(before, after, 'caleol_http_request_duration_seconds', { route: voteRoutePattern, status_code: '200' });
    return delta ? round(delta.mean * 1000, 2) : null;
  };
  const errorsByRoute = Object.fromEntries(scenario.recorder.failures);
  const { concurrency: _concurrency, workflows: _workflows, updatesPerSecond: _rate, ...concurrentSummary } = baseline.concurrent;
  const errorTotal = scenario.recorder.totalFailures() + baseline.failures;
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    config: {
      sessions: opts.sessions, items: opts.items, voters: opts.voters, concurrency: opts.concurrency, rate: opts.rate ?? null, committees: opts.committees,
      idempotencyKeys: opts.idempotencyKeys, probeVotes: opts.probeVotes, baselineUpdates: opts.baselineUpdates,
      baselineSequential: opts.baselineSequential, baselineConcurrency: opts.baselineConcurrency,
      database: database.kind === 'external' ? 'external (DATABASE_URL, a fresh database)' : 'embedded (PGlite, own process)',
      temporal: temporal.kind === 'external' ? `external (${temporal.address})` : `dev server ${temporal.persistence === 'sqlite-file' ? 'on a SQLite file' : 'in memory'} (${temporal.executable ?? 'temporal'})`,
      temporalDynamicConfig: opts.temporalConfig,
      taskQueue,
      workers: opts.workers,
      apis: opts.apis,
    },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryMb: Math.round(os.totalmem() / 1024 / 1024),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart: loadAtStart.map((l) => round(l, 2)!),
      loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)!),
    },
    durationsMs: { ...Object.fromEntries(Object.entries(durations).map(([k, v]) => [k, Math.round(v)])), total: Math.round(performance.now() - t0) },
    counts: {
      committees: afterVotes.committees,
      sessionsScheduled: afterVotes.scheduled,
      sessionsReady: afterVotes.setUp,
      itemsClosed: afterVotes.itemsClosed,
      votesExpected: opts.sessions * opts.items * opts.voters,
      votesOk: afterVotes.votesOk,
      votesFailed: afterVotes.votesFailed + (opts.sessions - afterVotes.setUp) * opts.items * opts.voters,
      isolatedVotes: isolated.voteWithKey.length + isolated.voteWithoutKey.length,
      baselineUpdates: baseline.concurrent.count + baseline.sequential.count,
    },
    errors: { total: errorTotal, byRoute: errorsByRoute },
    vote: { ...vote, votesInFlightMean: round(votePhase.votesInFlightMean, 1)!, apiServerMeanMs: serverMean(metricsBefore.api, metricsAfter.api) },
    votesPerSecond,
    sessionStart,
    requests,
    isolatedVote,
    isolated: {
      health: summarize(isolated.health),
      voteWithKey: summarize(isolated.voteWithKey),
      voteWithoutKey: summarize(isolated.voteWithoutKey),
      apiServerMeanMs: serverMean(probeBefore.api, probeAfter.api),
    },
    baseline: {
      updateP50Ms: baseline.concurrent.p50Ms,
      updateP95Ms: baseline.concurrent.p95Ms,
      updateP99Ms: baseline.concurrent.p99Ms,
      concurrency: baseline.concurrent.concurrency,
      workflows: baseline.concurrent.workflows,
      updatesPerSecond: baseline.concurrent.updatesPerSecond,
      concurrent: concurrentSummary,
      sequential: baseline.sequential,
      failures: baseline.failures,
      failureSamples: baseline.failureSamples,
      cpuMsPerUpdate: {
        temporal: perUpdate(sampler.cpu('temporal', 'baseline')),
        benchProcess: perUpdate(sampler.cpu('bench', 'baseline')),
      },
    },
    fairFloor: fairFloor
      ? {
        ...fairFloor,
        ratioP50: ratioOf(vote.p50Ms, fairFloor.atRate.p50Ms),
        ratioP99: ratioOf(vote.p99Ms, fairFloor.atRate.p99Ms),
        cpuMsPerUpdate: { temporal: fairFloorCpu(sampler.cpu('temporal', 'fair-floor'), fairFloor), benchProcess: fairFloorCpu(sampler.cpu('bench', 'fair-floor'), fairFloor) },
      }
      : null,
    voteSaturation: voteSaturation ?? null,
    memoryPerSessionMb: { worker: perSession(figures('worker')), api: perSession(figures('api')), temporal: perSession(figures('temporal')) },
    ratio: ratioOf(vote.p50Ms, baseline.concurrent.p50Ms),
    ratioIsolated: ratioOf(isolatedVote.p50Ms, baseline.sequential.p50Ms),
    worker: { ...figures('worker'), pid: worker.pid },
    api: { ...figures('api'), pid: api.pid },
    temporal: figures('temporal'),
    // An external server's backends share its memory: their RSS would count it once per backend.
    postgres: database.child ? { ...figures('postgres'), pid: database.child.pid } : { ...figures('postgres', false), connectionsVotePhase: backends.connections() },
    bench: figures('bench'),
    persistence: { ...persistence, quietAfterMs },
    temporalSdk: {
      worker: movedHistograms(metricsBefore.worker, metricsAfter.worker, (name) => name.startsWith('temporal_')),
      workerCounters: movedCounters(metricsBefore.worker, metricsAfter.worker, (name) => /^temporal_(sticky_cache|workflow_task|activity_task|request_failure|long_request_failure|workflow_failed)/.test(name)),
      workerSetup: movedHistograms(setupMetricsBefore, setupMetricsAfter, (name) => name.startsWith('temporal_')),
      workerSetupCounters: movedCounters(setupMetricsBefore, setupMetricsAfter, (name) => /^temporal_(sticky_cache|workflow_task|activity_task|request_failure|long_request_failure|workflow_failed)/.test(name)),
      workerIsolatedVotes: movedHistograms(probeBefore.worker, probeAfter.worker, (name) => name.startsWith('temporal_')),
      baselineWorker: movedHistograms(benchMetricsBefore, benchMetricsAfter, (name) => name.startsWith('temporal_')),
    },
  };
  // A Temporal of one's own keeps what it is given: the sessions left open are ended.
  if (temporal.kind === 'external') {
    await Promise.all(scenario.sessionIds().map((id) => client.workflow.getHandle(`session-${id}`).terminate('end of the bench run').catch(() => undefined)));
  }

  process.stdout.write(formatTable(report));
  if (opts.json) {
    const file = resolve(process.env.INIT_CWD ?? process.cwd(), opts.json);
    await writeFile(file, `${JSON.stringify(jsonSafe(report), null, 2)}\n`);
    console.log(`  results written to ${file}\n`);
  }
  const voteFailures = report.counts.votesFailed!;
  if (errorTotal > 0 || voteFailures > 0) {
    console.error(`${errorTotal} requests or updates failed, ${voteFailures} votes not cast: see "errors" above`);
    keepWorkdir = true;
    return 1;
  }
  return 0;
}

/** CPU per update of the fair floor (its steps and its warm-up updates included). */
function fairFloorCpu(cpu: number | undefined, floor: FairFloorResult): number | null {
  const updates = floor.workflows + floor.atRate.count + floor.atRate.failures + (floor.saturation?.steps.reduce((n, s) => n + s.count + s.failures, 0) ?? 0);
  return cpu === undefined || updates === 0 ? null : round((cpu * 1000) / updates, 3);
}

function round(value: number | undefined | null, digits = 1): number | null {
  if (value === undefined || value === null || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function ratioOf(a: number, b: number): number | null {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? round(a / b, 2) : null;
}

async function scrapeBoth(apiUrl: string, workerMetricsPort: number): Promise<{ api: Scrape | undefined; worker: Scrape | undefined }> {
  const [api, worker] = await Promise.all([scrape(`${apiUrl}/metrics`), scrape(`http://127.0.0.1:${workerMetricsPort}/metrics`)]);
  return { api, worker };
}

/**
 * Polls the vote and decision tables until they hold every vote answered and every decision
 * taken: the workflows answer first and store their steps after, through an activity.
 */
async function waitForPersistence(database: BenchDatabase, votes: number, decisions: number): Promise<{ votesStored: number | null; decisionsStored: number | null; caughtUpAfterLastVoteMs: number | null }> {
  const started = performance.now();
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const count = async (table: 'vote' | 'decision') => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);
  try {
    let storedVotes = 0;
    let storedDecisions = 0;
    while (performance.now() - started < 300_000) {
      [storedVotes, storedDecisions] = [await count('vote'), await count('decision')];
      if (storedVotes >= votes && storedDecisions >= decisions) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const caughtUp = storedVotes >= votes && storedDecisions >= decisions;
    return { votesStored: storedVotes, decisionsStored: storedDecisions, caughtUpAfterLastVoteMs: caughtUp ? Math.round(performance.now() - started) : null };
  } finally {
    await db.end();
  }
}

/** Waits until the given processes together use less than a tenth of a CPU; returns how long that took. */
async function waitForQuiet(sampler: ResourceSampler, names: string[], maxMs: number): Promise<number> {
  const started = performance.now();
  const total = () => [...sampler.cpuNow()].filter(([name]) => names.includes(name)).reduce((sum, [, s]) => sum + s, 0);
  let previous = total();
  while (performance.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 500));
    const now = total();
    if (now - previous < 0.05) break;
    previous = now;
  }
  return Math.round(performance.now() - started);
}

main().then(
  async (code) => {
    if (interrupted) return;
    await cleanUp();
    process.exit(code);
  },
  async (error: unknown) => {
    if (interrupted) return;
    progress?.stop();
    keepWorkdir = true;
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanUp();
    process.exit(1);
  },
);
