// The Temporal worker: the session workflows' bundle and the activities on one task queue.
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Database } from '../prisma/database.ts';
import type { Mailer } from './notify/mailer.ts';
import { createOfferActivities } from './offers.ts';
import { createSessionActivities } from './session-activities.ts';
import type { ZoomMeetings } from './zoom/meetings.ts';

export const workflowsPath = new URL('../workflows/index.ts', import.meta.url).pathname;

export interface WorkerDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  /** A pre-built bundle (production, tests); without it the workflows are bundled at start. */
  workflowBundlePath?: string | undefined;
  zoom?: ZoomMeetings | undefined;
  mailer?: Mailer | undefined;
  organizer?: { name: string; email: string } | undefined;
  opsEmail?: string | undefined;
}

export async function createWorker(deps: WorkerDeps): Promise<Worker> {
  const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = deps.workflowBundlePath
    ? { workflowBundle: { codePath: deps.workflowBundlePath } }
    : { workflowsPath };
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue,
    activities: {
      ...createSessionActivities({ db: deps.db, zoom: deps.zoom, mailer: deps.mailer, organizer: deps.organizer, opsEmail: deps.opsEmail }),
      ...createOfferActivities({ db: deps.db, mailer: deps.mailer }),
    },
    ...workflows,
  });
}
