// One Temporal dev server and one database per test run, and the workflow bundle built once.
// With DATABASE_URL (an admin URL of a real PostgreSQL) each run creates and drops its own
// database; without it, an embedded PostgreSQL (PGlite) serves the run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, startEmbeddedTemporal } from '../../bin/embedded.ts';
import { writeWorkflowBundle } from '../../bin/workflow-bundle.ts';
import { applyMigrations } from '../../prisma/migrations.ts';
import { buildVeraPdf } from './pdf-validators.ts';
import { freePort } from './ports.ts';
import { createScratchDatabase } from './scratch-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseUrl: string;
    adminDatabaseUrl: string;
    workflowBundlePath: string;
    embeddedDatabase: boolean;
    /** Where the test run's signing authority keeps its keys (shared by every harness). */
    signingDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const workdir = await mkdtemp(join(tmpdir(), 'caleol-test-'));
  const stops: Array<() => Promise<unknown>> = [];

  const workflowBundlePath = join(workdir, 'workflow-bundle.js');
  const [temporal, database] = await Promise.all([
    startEmbeddedTemporal(),
    createTestDatabase(workdir),
    writeWorkflowBundle(workflowBundlePath),
    buildVeraPdf(),
  ]);
  stops.push(() => temporal.stop(), () => database.drop());
  await applyMigrations(database.url);

  project.provide('temporalAddress', temporal.address);
  project.provide('databaseUrl', database.url);
  project.provide('adminDatabaseUrl', database.adminUrl);
  project.provide('workflowBundlePath', workflowBundlePath);
  project.provide('embeddedDatabase', database.embedded);
  project.provide('signingDataDir', join(workdir, 'signing-data'));

  return async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
    await rm(workdir, { recursive: true, force: true });
  };
}

interface TestDatabase {
  embedded: boolean;
  url: string;
  adminUrl: string;
  drop(): Promise<void>;
}

async function createTestDatabase(workdir: string): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const postgres = await startEmbeddedPostgres(join(workdir, 'pgdata'), await freePort());
    return { embedded: true, url: postgres.url, adminUrl: postgres.url, drop: () => postgres.stop() };
  }
  const scratch = await createScratchDatabase(adminUrl, 'caleol_test');
  return { embedded: false, url: scratch.url, adminUrl, drop: scratch.drop };
}
