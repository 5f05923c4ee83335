// What the bench runs against: PostgreSQL (a fresh database on DATABASE_URL's server, or the
// embedded one), a Temporal dev server, the workflow bundles, and the worker and the API as
// child processes started as in production (bin/worker.ts, bin/api.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import pg from 'pg';
import { startEmbeddedTemporal } from '../bin/embedded.ts';
import { registerSearchAttributes } from '../bin/search-attribute-registration.ts';
import { describeExecutable, temporalExecutable } from '../bin/temporal-server.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const orphanGuard = fileURLToPath(new URL('./orphan-guard.mjs', import.meta.url));
export const baselineWorkflowPath = fileURLToPath(new URL('./baseline-workflow.ts', import.meta.url));

export interface Stoppable {
  stop(): Promise<void>;
}

// --- child processes ---

export interface Child extends Stoppable {
  name: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<string>;
  exitedEarly(): string | undefined;
  /** The last lines of its log. */
  tail(lines?: number): string;
}

/** `node --import tsx <script>`: the same entry points as `npm run start:worker` / `start:api`. */
export function startChild(name: string, script: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, nodeArgs: string[] = []): Child {
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', '--import', orphanGuard, script, ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exitStatus: string | undefined;
  let stopping = false;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitStatus = signal ? `signal ${signal}` : `code ${code}`;
      resolve(exitStatus);
    });
  });
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  const handle: Child = {
    name,
    pid: child.pid,
    logFile,
    exited,
    exitedEarly: () => (stopping ? undefined : exitStatus),
    tail(lines = 20) {
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
    async stop() {
      stopping = true;
      if (exitStatus === undefined) {
        child.kill('SIGTERM');
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
        if ((await Promise.race([exited, timeout])) === 'timeout') {
          child.kill('SIGKILL');
          await exited;
        }
      }
      log.end();
    },
  };
  return handle;
}

// --- PostgreSQL ---

export interface BenchDatabase extends Stoppable {
  kind: 'external' | 'embedded';
  url: string;
  name?: string | undefined;
  /** The embedded server's process. */
  child?: Child | undefined;
}

/** DATABASE_URL: a fresh database on that server, dropped at the end. Unset: the embedded PostgreSQL. */
export async function startDatabase(workdir: string, port: () => Promise<number>): Promise<BenchDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const name = `caleol_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      kind: 'external',
      url: url.toString(),
      name,
      async stop() {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const child = startChild('postgres', fileURLToPath(new URL('./embedded-postgres.ts', import.meta.url)), [join(workdir, 'pgdata'), String(await port())], childEnv({}), join(workdir, 'postgres.log'));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the embedded PostgreSQL did not start within 120 s:\n${child.tail()}`)), 120_000);
    const poll = setInterval(() => {
      const ready = /^ready (\S+)$/m.exec(child.tail(5));
      const early = child.exitedEarly();
      if (ready || early) {
        clearInterval(poll);
        clearTimeout(timer);
        if (ready) resolve(ready[1]!);
        else reject(new Error(`the embedded PostgreSQL stopped (${early}):\n${child.tail()}`));
      }
    }, 100);
  });
  return { kind: 'embedded', url, child, stop: () => child.stop() };
}

// --- Temporal ---

export interface BenchTemporal extends Stoppable {
  kind: 'external' | 'dev-server';
  address: string;
  persistence?: 'in-memory' | 'sqlite-file';
  executable?: string | undefined;
}

/**
 * TEMPORAL_ADDRESS, or a dev server kept in memory (or in `dbFile`), with the session workflows'
 * search attributes and the dynamic configuration given.
 */
export async function startTemporal(dbFile?: string, dynamicConfig: string[] = []): Promise<BenchTemporal> {
  const external = process.env.TEMPORAL_ADDRESS;
  if (external) return { kind: 'external', address: external, stop: async () => undefined };
  const executable = describeExecutable(temporalExecutable('cli'));
  const server = await startEmbeddedTemporal({ ...(dbFile ? { dbFile } : {}), dynamicConfig });
  return { kind: 'dev-server', address: server.address, executable, persistence: dbFile ? 'sqlite-file' : 'in-memory', stop: () => server.stop() };
}

export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  return registerSearchAttributes(connection, namespace);
}

// --- readiness ---

export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, children: Child[] = []): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    for (const child of children) {
      const early = child.exitedEarly();
      if (early) throw new Error(`${child.name} stopped (${early}) while waiting for ${what}:\n${child.tail()}`);
    }
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s${lastError ? ` (${lastError})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const { TaskQueueType } = proto.temporal.api.enums.v1;

/** Whether a worker polls the task queue for workflow tasks. */
export async function hasWorkflowPollers(client: Client, namespace: string, taskQueue: string): Promise<boolean> {
  const answer = await client.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return (answer.pollers?.length ?? 0) > 0;
}

/** The environment of a child: the bench's, without what would wire it elsewhere (mail, Zoom, metrics). */
export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(ZOOM_|SMTP_|MAIL_|OPS_EMAIL|AUTH_OIDC_|TEMPORAL_METRICS_ADDRESS|WORKFLOW_BUNDLE_PATH|TEMPORAL_TASK_QUEUE|TEMPORAL_NAMESPACE|PORT$|HOST$)/.test(name)) delete env[name];
  }
  return { ...env, ...vars };
}

/** A TCP port free on loopback right now (the test suite's helper). */
export { freePort } from '../test/support/ports.ts';

/**
 * The server processes of the bench's own database on an external PostgreSQL on this machine
 * (its backends, from pg_stat_activity), refreshed every second, for their CPU time.
 */
export class DatabaseBackends {
  pids: number[] = [];
  /** Backends running a statement or inside a transaction, summed over the samples taken while counting. */
  private busySum = 0;
  private busyMax = 0;
  private totalSum = 0;
  private samples = 0;
  private counting = false;
  private timer: NodeJS.Timeout | undefined;
  private client: pg.Client | undefined;

  constructor(private readonly database: BenchDatabase) {}

  async start(): Promise<void> {
    if (this.database.kind !== 'external' || !this.database.name) return;
    this.client = new pg.Client({ connectionString: this.database.url });
    await this.client.connect();
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), 1_000);
    this.timer.unref();
  }

  private async refresh(): Promise<void> {
    try {
      const { rows } = await this.client!.query<{ pid: number; state: string | null }>('SELECT pid, state FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [this.database.name]);
      this.pids = rows.map((r) => r.pid);
      if (this.counting) {
        const busy = rows.filter((r) => r.state !== null && r.state !== 'idle').length;
        this.busySum += busy;
        this.busyMax = Math.max(this.busyMax, busy);
        this.totalSum += rows.length;
        this.samples++;
      }
    } catch {
      // The database is going away: keep the last list.
    }
  }

  /** From now on, count the connections each second (the vote phase). */
  count(on: boolean): void {
    this.counting = on;
  }

  /** Connections of the API's and the worker's pools, and how many were busy (a statement or a transaction running), over the counted samples. */
  connections(): { connectionsMean: number; busyMean: number; busyMax: number; samples: number } | null {
    if (this.samples === 0) return null;
    return { connectionsMean: Math.round((this.totalSum / this.samples) * 10) / 10, busyMean: Math.round((this.busySum / this.samples) * 10) / 10, busyMax: this.busyMax, samples: this.samples };
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.client?.end().catch(() => undefined);
  }
}
