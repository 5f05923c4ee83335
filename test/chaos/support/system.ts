// The whole system as separate processes, as deployed: a Temporal dev server persisted to a
// SQLite file, the worker (`bin/worker.ts`) and the API (`bin/api.ts`), each one a child process
// that a test can SIGKILL and start again on the same port, against the chaos run's PostgreSQL.
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { inject } from 'vitest';
import { issueLocalToken, type LocalTokenClaims } from '../../../api/auth.ts';
import { temporalExecutable } from '../../../bin/temporal-server.ts';
import { searchAttributeRegistrations } from '../../../workflows/search-attributes.ts';
import { freePort } from '../../support/ports.ts';
import { ChildService, eventually } from './processes.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const chaosSecret = 'chaos-secret-for-local-tokens-0123456789abcdef';

export interface ZoomEnvironment {
  accountId: string;
  clientId: string;
  clientSecret: string;
  webhookSecretToken: string;
  apiBaseUrl: string;
  oauthBaseUrl: string;
}

export interface SystemOptions {
  /** With Zoom: the worker creates meetings there and the API takes its webhooks. */
  zoom?: ZoomEnvironment | undefined;
}

export class ChaosSystem {
  readonly temporal: ChildService;
  readonly worker: ChildService;
  readonly api: ChildService;
  readonly base: string;
  readonly temporalAddress: string;
  readonly databaseUrl = inject('chaosDatabaseUrl');

  private constructor(readonly name: string, ports: { api: number; temporal: number }, dataDir: string, options: SystemOptions, private readonly mail: SmtpSink) {
    this.base = `http://127.0.0.1:${ports.api}`;
    this.temporalAddress = `127.0.0.1:${ports.temporal}`;
    const executable = temporalExecutable('cli');
    if (executable.type !== 'existing-path') throw new Error('the chaos suite needs the temporal CLI on PATH or in TEMPORAL_CLI_PATH');
    this.temporal = new ChildService('temporal', executable.path, [
      'server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(ports.temporal),
      '--db-filename', join(dataDir, 'temporal.db'), '--log-level', 'error',
      ...Object.entries(searchAttributeRegistrations).flatMap(([key, type]) => ['--search-attribute', `${key}=${type}`]),
    ], process.env);
    const env = childEnvironment({
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_TASK_QUEUE: `chaos-${name}-${randomUUID()}`,
      WORKFLOW_BUNDLE_PATH: inject('chaosBundlePath'),
      PORT: String(ports.api),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      AUTH_MODE: 'local',
      AUTH_LOCAL_SECRET: chaosSecret,
      LOG_LEVEL: 'info',
      // Members are convened only once their convocation is delivered.
      SMTP_URL: mail.url,
      ...(options.zoom ? {
        ZOOM_ACCOUNT_ID: options.zoom.accountId, ZOOM_CLIENT_ID: options.zoom.clientId, ZOOM_CLIENT_SECRET: options.zoom.clientSecret,
        ZOOM_WEBHOOK_SECRET_TOKEN: options.zoom.webhookSecretToken, ZOOM_API_BASE_URL: options.zoom.apiBaseUrl, ZOOM_OAUTH_BASE_URL: options.zoom.oauthBaseUrl,
      } : {}),
    });
    const node = (entry: string): [string, string[]] => [process.execPath, ['--import', 'tsx', join(repoRoot, entry)]];
    this.worker = new ChildService('worker', ...node('bin/worker.ts'), env, repoRoot);
    this.api = new ChildService('api', ...node('bin/api.ts'), env, repoRoot);
  }

  static async start(name: string, options: SystemOptions = {}): Promise<ChaosSystem> {
    const dataDir = join(inject('chaosWorkdir'), `${name}-${randomUUID()}`);
    mkdirSync(dataDir, { recursive: true });
    const system = new ChaosSystem(name, { api: await freePort(), temporal: await freePort() }, dataDir, options, await startSmtpSink());
    await system.startTemporal();
    await Promise.all([system.startWorker(), system.startApi()]);
    return system;
  }

  async startTemporal(): Promise<void> {
    await this.temporal.start(async () => {
      await eventually(async () => {
        const connection = await Connection.connect({ address: this.temporalAddress, connectTimeout: 1_000 });
        try {
          await connection.workflowService.describeNamespace({ namespace: 'default' });
          return true;
        } finally {
          await connection.close();
        }
      }, Boolean, 60_000, 'the Temporal dev server answers');
    });
  }

  async startWorker(): Promise<void> {
    await this.worker.start((worker) => worker.waitForLine(/worker running/, 90_000).then(() => undefined));
  }

  async startApi(): Promise<void> {
    await this.api.start(async () => {
      await eventually(async () => (await fetch(`${this.base}/ready`, { signal: AbortSignal.timeout(5_000) })).status, (status) => status === 200, 90_000, 'the API is ready');
    });
  }

  /** A token for `claims`, signed with the secret the API checks. */
  token(claims: LocalTokenClaims): Promise<string> {
    return issueLocalToken(chaosSecret, claims, '3h');
  }

  /** Exits of the worker, the API or Temporal that no test asked for. */
  unexpectedExits(): string[] {
    return [...this.temporal.unexpectedExits, ...this.worker.unexpectedExits, ...this.api.unexpectedExits];
  }

  logs(lines = 40): string {
    return [this.temporal, this.worker, this.api].map((s) => `=== ${s.name}\n${s.tail(lines)}`).join('\n');
  }

  async close(): Promise<void> {
    await this.api.stop();
    await this.worker.stop();
    await this.temporal.stop();
    await this.mail.close();
  }
}

/** The environment of the worker and the API: only what this system sets, no stray configuration. */
function childEnvironment(values: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(ZOOM_|SMTP_|MAIL_|OPS_|AUTH_|TEMPORAL_|EMBEDDED_|DATABASE_URL$|PORT$|HOST$|DATA_DIR$|WORKFLOW_BUNDLE_PATH$|LOG_LEVEL$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...values };
}
