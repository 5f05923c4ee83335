// How the processes are put together from configuration: shared by the all-in-one start and
// the separate api and worker entries.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, makeTelemetryFilterString, type LogLevel } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { smtpMailer } from '../activities/notify/mailer.ts';
import { createWorker } from '../activities/worker.ts';
import { zoomMeetings } from '../activities/zoom/zoom-meetings.ts';
import { documentSigning } from './document-signing.ts';
import { buildApp } from '../api/app.ts';
import type { BrowserSignIn } from '../api/routes/browser-session.ts';
import { oidcSignIn } from '../api/services/oidc-sign-in.ts';
import { defaultMaxTokenLifetimeSeconds, localTokenVerifier, oidcTokenVerifier, type TokenVerifier } from '../api/auth.ts';
import { checkpointKeys, checkpointSigner, type CheckpointSigner } from '../documents/audit-checkpoints.ts';
import { encryptingDataConverter, newCodecKey, parseCodecKeys, type CodecKey } from '../documents/payload-codec.ts';
import { generateSignerKeyPair } from '../documents/signatures.ts';
import { checkpointMovedChains } from '../prisma/audit-trail.ts';
import { createDatabase, type Database } from '../prisma/database.ts';
import type { AuthConfig, Config } from './config.ts';
import type { Tracing } from './tracing.ts';
import { createLogger as createJsonLogger, temporalLogger } from './logging.ts';
import { stopRenderingThreads } from '../documents/render-threads.ts';

export function createVerifier(auth: AuthConfig, localSecret: string | undefined): TokenVerifier {
  if (auth.mode === 'oidc') return oidcTokenVerifier(auth);
  if (!localSecret) throw new Error('AUTH_LOCAL_SECRET is required with AUTH_MODE=local');
  return localTokenVerifier(localSecret, auth.maxLifetimeSeconds);
}

/** A file's content, made by `make` the first time; several processes starting at once agree on it. */
function fileMadeOnce(file: string, make: () => string): string {
  if (!existsSync(file)) {
    mkdirSync(join(file, '..'), { recursive: true });
    try {
      writeFileSync(file, make(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** The keys of Temporal payloads: configured (the same in every process), or made once under the data folder. */
export function payloadCodecKeys(config: Config): CodecKey[] {
  return parseCodecKeys(config.temporalCodecKeys ?? fileMadeOnce(join(config.dataDir, 'temporal-codec-keys'), () => newCodecKey('k1')));
}

/** The local signing secret: configured, or created once under the data folder. */
export function localSecret(config: Config): string | undefined {
  if (config.auth.mode !== 'local') return undefined;
  if (config.auth.secret) return config.auth.secret;
  const file = join(config.dataDir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * The key that signs the audit chain's checkpoints: configured (a file the database server does
 * not hold), or created once under the data folder. The verifying keys are its public key and any
 * earlier ones listed in AUDIT_CHECKPOINT_PUBLIC_KEYS (rotation).
 */
export function auditCheckpointKeys(config: Config): { signer: CheckpointSigner; verifying: Map<string, string> } {
  const file = config.auditCheckpointKeyFile ?? join(config.dataDir, 'audit-checkpoint-key.pem');
  if (config.auditCheckpointKeyFile && !existsSync(file)) throw new Error(`AUDIT_CHECKPOINT_KEY_FILE ${file} does not exist`);
  const signer = checkpointSigner(fileMadeOnce(file, () => generateSignerKeyPair().privateKeyPem));
  const earlier = config.auditCheckpointPublicKeyFiles.map((f) => readFileSync(f, 'utf8'));
  return { signer, verifying: checkpointKeys([signer.publicKeyPem, ...earlier]) };
}

/** Signs every moved chain head at this interval, besides the session milestones. */
const checkpointEveryMs = 60_000;

/** The process's JSON logger (bin/logging.ts), named after the service it runs. */
export function createLogger(config: Config, service = 'caleol'): Logger {
  return createJsonLogger(config.logLevel, service);
}

/** The SDK's Prometheus names as `promtool check metrics` accepts them. */
export const prometheusNaming = { countersTotalSuffix: true, unitSuffix: true, useSecondsForDurations: true } as const;

export function installWorkerRuntime(config: Config, logger: Logger): void {
  const level = (['error', 'warn', 'info', 'debug', 'trace'].includes(config.logLevel) ? config.logLevel.toUpperCase() : 'WARN') as LogLevel;
  // The SDK's info lines (each worker start and poll) are noise next to ours.
  const sdkLevel = level === 'INFO' ? 'WARN' : level;
  const temporal = temporalLogger(logger);
  Runtime.install({
    logger: new DefaultLogger(sdkLevel, (entry) => temporal.log(entry.level, entry.message, entry.meta)),
    telemetryOptions: {
      // Core's own lines (Rust) come through the same logger.
      logging: { filter: makeTelemetryFilterString({ core: sdkLevel }), forward: {} },
      // Core serves the SDK's own metrics (polls, task latencies, slots) at http://<address>/metrics,
      // named as Prometheus expects: counters end in _total, durations in seconds and say so.
      ...(config.temporalMetricsAddress ? { metrics: { prometheus: { bindAddress: config.temporalMetricsAddress, ...prometheusNaming } } } : {}),
    },
  });
}

/** Whether a TCP port can be bound on `host` now: Core fails to start on a busy exporter address. */
export function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Where to scrape the Core exporter bound at `address`: a wildcard bind is reached on loopback. */
export function temporalMetricsUrl(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const url = new URL(`http://${address}/metrics`);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  else if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.toString();
}

export async function startWorker(config: Config & { databaseUrl: string; temporalAddress: string }, db: Database, metricsRegistry?: Registry, tracing?: Tracing) {
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const clientConnection = await Connection.connect({ address: config.temporalAddress });
  const mailer = config.mail ? smtpMailer(config.mail.smtpUrl, config.mail.from) : undefined;
  const checkpointSignerOfWorker = auditCheckpointKeys(config).signer;
  const dataConverter = encryptingDataConverter(payloadCodecKeys(config));
  const worker = await createWorker({
    connection, namespace: config.temporalNamespace, taskQueue: config.taskQueue, db, workflowBundlePath: config.workflowBundlePath, workflowThreads: config.workflowThreads, workflowCacheSize: config.workflowCacheSize,
    zoom: config.zoom ? zoomMeetings({ accountId: config.zoom.accountId, clientId: config.zoom.clientId, clientSecret: config.zoom.clientSecret, apiBaseUrl: config.zoom.apiBaseUrl, oauthBaseUrl: config.zoom.oauthBaseUrl }) : undefined,
    mailer,
    organizer: organizerOf(config),
    applicationUrl: config.publicUrl,
    opsEmail: config.mail?.opsEmail,
    temporal: new Client({ connection: clientConnection, namespace: config.temporalNamespace, dataConverter, interceptors: { workflow: tracing?.clientInterceptors ?? [] } }),
    metricsRegistry,
    tracing,
    checkpointSigner: checkpointSignerOfWorker,
    dataConverter,
  });
  const running = worker.run();
  const sweep = setInterval(() => void checkpointMovedChains(db, checkpointSignerOfWorker).catch(() => undefined), checkpointEveryMs);
  sweep.unref();
  return {
    worker,
    running,
    async stop() {
      clearInterval(sweep);
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      await clientConnection.close();
      mailer?.close();
      await stopRenderingThreads();
    },
  };
}

/** The sender of convocations, as `Name <address>` in MAIL_FROM. */
function organizerOf(config: Config): { name: string; email: string } {
  const from = config.mail?.from ?? 'CALEOL <caleol@localhost>';
  const match = /^\s*"?([^"<]*)"?\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1]!.trim() || 'CALEOL', email: match[2]! } : { name: 'CALEOL', email: from.trim() };
}

/** The browser's sign-in at the identity provider, when the web application has a client there. */
function browserOidcSignIn(config: Config, verifier: TokenVerifier) {
  if (config.auth.mode !== 'oidc' || !config.auth.client) return undefined;
  const redirectUri = `${config.publicUrl.replace(/\/$/, '')}/auth/callback`;
  const { id, secret, scopes } = config.auth.client;
  return { redirectUri, signIn: oidcSignIn({ issuer: config.auth.issuer, clientId: id, clientSecret: secret, redirectUri, scopes }, verifier) };
}

/** Where `npm run build:web` puts the web application (served under /app/). */
export const webAppDir = fileURLToPath(new URL('../web/dist', import.meta.url));

export async function startApi(
  config: Config & { databaseUrl: string; temporalAddress: string }, db: Database, verifier: TokenVerifier, logger: ReturnType<typeof createLogger>,
  metricsRegistry?: Registry,
  embedded: { outboxDir?: string | undefined; browserSignIn?: BrowserSignIn | undefined; temporalUiUrl?: string | undefined; tracing?: Tracing | undefined } = {},
) {
  const connection = await Connection.connect({ address: config.temporalAddress });
  const dataConverter = encryptingDataConverter(payloadCodecKeys(config));
  const temporal = new Client({ connection, namespace: config.temporalNamespace, dataConverter, interceptors: { workflow: embedded.tracing?.clientInterceptors ?? [] } });
  const signing = await documentSigning({ dataDir: config.dataDir, ...config.signing });
  const app = await buildApp({
    instrumentation: embedded.tracing?.fastifyPlugin,
    documentSigning: signing.signing,
    outboxDir: embedded.outboxDir,
    webAppDir,
    oidcSignIn: browserOidcSignIn(config, verifier),
    browserSignIn: embedded.browserSignIn,
    dataConverter, codecCorsOrigins: config.temporalCodecCorsOrigins,
    db, temporal, taskQueue: config.taskQueue, verifier, logger,
    temporalUiUrl: config.temporalUiUrl ?? embedded.temporalUiUrl,
    publicUrl: config.publicUrl,
    openIdConnectUrl: config.auth.mode === 'oidc' ? `${config.auth.issuer.replace(/\/$/, '')}/.well-known/openid-configuration` : undefined,
    videoProvider: config.zoom ? 'zoom' : 'manual', zoomWebhookSecret: config.zoom?.webhookSecretToken,
    metricsRegistry, temporalMetricsUrl: temporalMetricsUrl(config.temporalMetricsAddress),
    workflowBundlePath: config.workflowBundlePath,
    maxTokenLifetimeSeconds: config.auth.maxLifetimeSeconds ?? defaultMaxTokenLifetimeSeconds[config.auth.mode],
    checkpointKeys: auditCheckpointKeys(config).verifying,
    rateLimit: config.rateLimitPerMinute === undefined ? undefined : config.rateLimitPerMinute === 0 ? false : { max: config.rateLimitPerMinute, windowMs: 60_000 },
  });
  const address = await app.listen({ port: config.port, host: config.host });
  return {
    app,
    address,
    async stop() {
      await app.close();
      await connection.close();
      await signing.stop();
    },
  };
}

export { createDatabase };

/** Runs `main`, stopping cleanly on SIGINT/SIGTERM and exiting non-zero on failure. */
export function runProcess(main: (onStop: (stop: () => Promise<void>) => void) => Promise<void>): void {
  const stops: Array<() => Promise<void>> = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => console.error('while stopping:', error));
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  main((stop) => stops.push(stop)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof Error && error.name !== 'ConfigError' && error.stack) console.error(error.stack);
    void stopAll(1);
  });
}
