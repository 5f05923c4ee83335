// What a test file needs to run the real system: a worker on its own task queue, the API built
// around it (driven with inject), and tokens for each role.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { smtpMailer, type Mailer } from '../../activities/notify/mailer.ts';
import { createWorker } from '../../activities/worker.ts';
import type { ZoomMeetings } from '../../activities/zoom/meetings.ts';
import { buildApp, type App } from '../../api/app.ts';
import { documentSigning } from '../../bin/document-signing.ts';
import type { DemoUser } from '../../api/routes/browser-session.ts';
import { issueLocalToken, localTokenVerifier, type LocalTokenClaims } from '../../api/auth.ts';
import type { RateLimitSettings } from '../../api/plugins/rate-limits.ts';
import type { StreamLimits } from '../../api/services/session-streams.ts';
import { checkpointKeys, checkpointSigner } from '../../documents/audit-checkpoints.ts';
import { checkpointKeyPair } from './checkpoint-key.ts';
import { testDataConverter } from './payload-keys.ts';
import type { Database } from '../../prisma/database.ts';
import { testDatabase } from './database.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

export const testSecret = 'test-secret-for-local-tokens-0123456789';
export { checkpointKeyPair } from './checkpoint-key.ts';

export interface Harness {
  app: App;
  db: Database;
  client: Client;
  worker: Worker;
  taskQueue: string;
  /** The SMTP server the worker sends to when the test gives no mailer of its own. */
  mail?: SmtpSink | undefined;
  token(claims: LocalTokenClaims): Promise<string>;
  /** The roots that verify the PDF signatures the API makes (the test run's signing authority). */
  trustAnchorsPem: string[];
  /** Runs `fn` while the worker polls, then stops everything. */
  close(): Promise<void>;
}

export interface HarnessOptions {
  zoom?: ZoomMeetings | undefined;
  mailer?: Mailer | undefined;
  opsEmail?: string | undefined;
  zoomWebhookSecret?: string | undefined;
  /** The workflow code the API replays sessions with; default: the code the worker runs. */
  replayBundlePath?: string | undefined;
  /** The API's per-subject limits; default: the app's own. */
  rateLimit?: RateLimitSettings | false | undefined;
  /** Bounds on the live events streams; default: the app's own. */
  streamLimits?: Partial<StreamLimits> | undefined;
  /** The embedded mail catcher's folder, which GET /outbox lists. */
  outboxDir?: string | undefined;
  /** The browser's demo sign-in, offering these users. */
  demoUsers?: DemoUser[] | undefined;
  /** A built web application to serve under /app/. */
  webAppDir?: string | undefined;
  /** The Temporal UI's address, for the ops links. */
  temporalUiUrl?: string | undefined;
}

export async function startHarness(name: string, options: HarnessOptions = {}): Promise<Harness> {
  const taskQueue = `${name}-${randomUUID()}`;
  const db = testDatabase();
  const nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  const client = new Client({ connection, namespace: 'default', dataConverter: testDataConverter });
  // Members are convened only once their convocation is delivered: a real SMTP server receives them.
  const mail = options.mailer ? undefined : await startSmtpSink();
  const mailer = options.mailer ?? smtpMailer(mail!.url, 'Secrétariat CALEOL <caleol@oph.test>');
  const worker = await createWorker({
    connection: nativeConnection, namespace: 'default', taskQueue, db, workflowBundlePath: inject('workflowBundlePath'),
    zoom: options.zoom, mailer, organizer: { name: 'Secrétariat CALEOL', email: 'caleol@oph.test' },
    opsEmail: options.opsEmail, temporal: client, checkpointSigner: checkpointSigner(checkpointKeyPair.privateKeyPem), dataConverter: testDataConverter,
  });
  const running = worker.run();
  // The embedded signing authority, its timestamp authority served over HTTP as in production.
  const signing = await documentSigning({ dataDir: inject('signingDataDir'), organisation: 'OPH de test' });
  const app = await buildApp({
    documentSigning: signing.signing,
    outboxDir: options.outboxDir,
    webAppDir: options.webAppDir,
    temporalUiUrl: options.temporalUiUrl,
    browserSignIn: options.demoUsers
      ? { demoUsers: options.demoUsers, issue: (claims, seconds) => issueLocalToken(testSecret, claims, `${seconds}s`), secureCookie: false }
      : undefined,
    db, temporal: client, taskQueue, verifier: localTokenVerifier(testSecret),
    videoProvider: options.zoom ? 'zoom' : 'manual', zoomWebhookSecret: options.zoomWebhookSecret,
    workflowBundlePath: options.replayBundlePath ?? inject('workflowBundlePath'),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    streamLimits: options.streamLimits,
    checkpointKeys: checkpointKeys([checkpointKeyPair.publicKeyPem]),
    dataConverter: testDataConverter, codecCorsOrigins: ['http://localhost:8233'],
  });
  return {
    app, db, client, worker, taskQueue, mail, trustAnchorsPem: signing.signing.trustAnchorsPem,
    token: (claims) => issueLocalToken(testSecret, claims, '1h'),
    async close() {
      await app.close();
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
      await db.$disconnect();
      await signing.stop();
      if (mail) {
        mailer.close();
        await mail.close();
      }
    },
  };
}

/** Polls `read` until `accept` holds, at most `timeoutMs`; fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
