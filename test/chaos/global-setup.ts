// Once per chaos run: a database of its own on the PostgreSQL named by DATABASE_URL (an admin
// URL), migrated, and the workflow bundle built once for every worker process the tests start.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../prisma/migrations.ts';
import { temporalExecutable } from '../../bin/temporal-server.ts';
import { writeWorkflowBundle } from '../../bin/workflow-bundle.ts';
import { createScratchDatabase } from '../support/scratch-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chaosDatabaseUrl: string;
    chaosBundlePath: string;
    chaosWorkdir: string;
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('the chaos suite needs DATABASE_URL: an admin URL of a PostgreSQL server (it creates and drops a database of its own)');
  if (temporalExecutable('cli').type !== 'existing-path') throw new Error('the chaos suite needs the temporal CLI on PATH or in TEMPORAL_CLI_PATH');
  const workdir = await mkdtemp(join(tmpdir(), 'caleol-chaos-'));
  const scratch = await createScratchDatabase(adminUrl, 'caleol_chaos');
  const url = new URL(scratch.url);
  const bundlePath = join(workdir, 'workflow-bundle.js');
  await Promise.all([writeWorkflowBundle(bundlePath), applyMigrations(url.toString())]);

  project.provide('chaosDatabaseUrl', url.toString());
  project.provide('chaosBundlePath', bundlePath);
  project.provide('chaosWorkdir', workdir);

  return async () => {
    await scratch.drop();
    await rm(workdir, { recursive: true, force: true });
  };
}

