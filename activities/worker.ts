// The Temporal worker: the session workflows' bundle and the activities on one task queue.
import { NativeConnection, Worker, type ActivityInterceptorsFactory, type WorkerOptions } from '@temporalio/worker';
import type { Registry } from 'prom-client';
import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { Database } from '../prisma/database.ts';
import type { CheckpointSigner } from '../documents/audit-checkpoints.ts';
import { activityMetricsInterceptor } from './metrics.ts';
import type { Mailer } from './notify/mailer.ts';
import { createOfferActivities } from './offers.ts';
import { createSessionActivities } from './session-activities.ts';
import type { ZoomMeetings } from './zoom/meetings.ts';
import { workflowInterceptorModules, workflowsPath } from '../workflows/workflow-code.ts';

export interface WorkerDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  /** A pre-built bundle (production, tests); without it the workflows are bundled at start. */
  workflowBundlePath?: string | undefined;
  /**
   * Threads running workflow tasks (default 1, the SDK's). With one, a session's task waits while
   * another's runs: at 100 sessions voting on 2 cores, two threads cut the tasks' time by a third
   * and the votes' p95 by half; at 1,000 sessions, past the machine's limit, they sustained fewer
   * votes a second (69 against 74) with more CPU per vote (bench README).
   */
  workflowThreads?: number | undefined;
  /**
   * Sessions kept in memory at most (default: the SDK's, from the heap's size). The worker's
   * memory grows by a session's state and history for each one it keeps (bench README); one it
   * has let go replays its history on its next task.
   */
  workflowCacheSize?: number | undefined;
  zoom?: ZoomMeetings | undefined;
  mailer?: Mailer | undefined;
  organizer?: { name: string; email: string } | undefined;
  applicationUrl?: string | undefined;
  opsEmail?: string | undefined;
  /** A client of the same Temporal service, with which finished sessions archive their history. */
  temporal?: Client | undefined;
  /** Where activity attempts and failures are counted (Prometheus); none: not counted. */
  metricsRegistry?: Registry | undefined;
  /** Signs the audit chain's heads (a key the database does not hold); none: no checkpoint. */
  checkpointSigner?: CheckpointSigner | undefined;
  /** How payloads are encoded (encrypted) on their way to Temporal; the same as the clients'. */
  dataConverter?: DataConverter | undefined;
  /** OpenTelemetry's activity interceptors; none: no traces. */
  tracing?: { activityInterceptors: ActivityInterceptorsFactory[] } | undefined;
}

export async function createWorker(deps: WorkerDeps): Promise<Worker> {
  const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = deps.workflowBundlePath
    ? { workflowBundle: { codePath: deps.workflowBundlePath } }
    : { workflowsPath };
  return Worker.create({
    connection: deps.connection,
    ...(deps.workflowThreads ? { workflowThreadPoolSize: deps.workflowThreads } : {}),
    ...(deps.workflowCacheSize ? { maxCachedWorkflows: deps.workflowCacheSize } : {}),
    namespace: deps.namespace,
    taskQueue: deps.taskQueue,
    activities: {
      ...createSessionActivities({ db: deps.db, zoom: deps.zoom, mailer: deps.mailer, organizer: deps.organizer, applicationUrl: deps.applicationUrl, opsEmail: deps.opsEmail, temporal: deps.temporal, checkpointSigner: deps.checkpointSigner }),
      ...createOfferActivities({ db: deps.db, mailer: deps.mailer }),
    },
    ...(deps.dataConverter ? { dataConverter: deps.dataConverter } : {}),
    interceptors: {
      activity: [...(deps.tracing?.activityInterceptors ?? []), ...(deps.metricsRegistry ? [activityMetricsInterceptor(deps.metricsRegistry)] : [])],
      // Bundled with the workflows at start; a pre-built bundle is built with the same.
      workflowModules: [...workflowInterceptorModules],
    },
    ...workflows,
  });
}
