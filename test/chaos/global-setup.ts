// Once per chaos run: a database of its own on the PostgreSQL named by DATABASE_URL (an admin
// URL), migrated, and the workflow bundle built once for every worker process the tests start.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { workflowsPath } from '../../activities/worker.ts';
import { applyMigrations } from '../../prisma/migrations.ts';
import { temporalExecutable } from '../../bin/temporal-server.ts';

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
  const name = `caleol_chaos_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const [bundle] = await Promise.all([
    bundleWorkflowCode({ workflowsPath, logger: quietLogger }),
    applyMigrations(url.toString()),
  ]);
  const bundlePath = join(workdir, 'workflow-bundle.js');
  await writeFile(bundlePath, bundle.code);

  project.provide('chaosDatabaseUrl', url.toString());
  project.provide('chaosBundlePath', bundlePath);
  project.provide('chaosWorkdir', workdir);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
    await rm(workdir, { recursive: true, force: true });
  };
}

const quietLogger = {
  trace: () => undefined, debug: () => undefined, info: () => undefined, log: () => undefined,
  warn: (message: string) => console.warn(message), error: (message: string) => console.error(message),
};
