// The embedded services of the zero-setup default: PostgreSQL as PGlite behind a wire-protocol
// server, a Temporal dev server and a mail catcher, all persisted under the data folder.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { SMTPServer } from 'smtp-server';
import { committeeIdKey, lastProgressKey, scheduledStartKey, sessionPhaseKey } from '../workflows/search-attributes.ts';
import { startPasswordGate } from './postgres-password-gate.ts';
import { temporalExecutable } from './temporal-server.ts';

export const searchAttributeKeys = [committeeIdKey, sessionPhaseKey, scheduledStartKey, lastProgressKey];

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite persisted in `dataDir`, reachable as PostgreSQL on 127.0.0.1:`port` as user postgres with
 * a password generated once (kept beside the data, readable by this account only): PGlite's own
 * server, which takes any password, listens on a Unix socket in a directory no other account
 * can open, behind a gate that asks for the password.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const passwordFile = `${dataDir}-password`;
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const socketDir = `${dataDir}-socket`;
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  chmodSync(socketDir, 0o700);
  const socketPath = join(socketDir, 'pg.sock');
  rmSync(socketPath, { force: true });
  const db = await PGlite.create(dataDir);
  // The server queues every connection's protocol messages onto the one PGlite session, so two
  // clients' queries can interleave: callers use a single connection (a pool of one). Several
  // connections are still accepted so that a short-lived one (migrations, psql) is not refused.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 64 });
  await server.start();
  const gate = await startPasswordGate(port, password, socketPath);
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await gate.stop();
      await server.stop();
      // PGlite's runtime, as it exits, sets the process's exit code to its own (0): a failing run
      // (a test run, a start that failed) would then exit 0.
      const exitCode = process.exitCode;
      await db.close();
      process.exitCode = exitCode;
    },
  };
}

export interface EmbeddedTemporal {
  address: string;
  uiUrl?: string | undefined;
  stop(): Promise<void>;
}

/**
 * A Temporal dev server with the project's search attributes, persisted to `dbFile` when given;
 * `dynamicConfig` holds server settings it takes at start (`key=value`, e.g. `history.cacheMaxSize=4096`).
 */
export async function startEmbeddedTemporal(options: { dbFile?: string; port?: number; uiPort?: number; dynamicConfig?: readonly string[] } = {}): Promise<EmbeddedTemporal> {
  if (options.dbFile) mkdirSync(join(options.dbFile, '..'), { recursive: true });
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: temporalExecutable('cli'),
      searchAttributes: searchAttributeKeys,
      ...(options.dbFile ? { dbFilename: options.dbFile } : {}),
      ...(options.port ? { port: options.port } : {}),
      ...(options.uiPort ? { ui: true, uiPort: options.uiPort } : {}),
      log: { format: 'json', level: 'error' },
      ...(options.dynamicConfig?.length ? { extraArgs: options.dynamicConfig.flatMap((setting) => ['--dynamic-config-value', setting]) } : {}),
    },
  });
  const address = env.address;
  return {
    address,
    uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : undefined,
    stop: () => env.teardown(),
  };
}

export interface EmbeddedMailCatcher {
  url: string;
  stop(): Promise<void>;
}

/**
 * An SMTP server on loopback that keeps every message it receives under `dir` (one .eml file
 * each), for the default without SMTP_URL: the convocations and letters are really sent, and a
 * new user can read what each member and applicant received.
 */
export async function startMailCatcher(dir: string, port: number): Promise<EmbeddedMailCatcher> {
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const name = `${new Date().toISOString().replaceAll(':', '-')}-${session.id}.eml`;
        writeFile(join(dir, name), Buffer.concat(chunks)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
