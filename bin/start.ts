// `npm start`: the whole system on one machine with nothing installed but Node. Embedded
// PostgreSQL and Temporal unless DATABASE_URL / TEMPORAL_ADDRESS name external ones.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { issueLocalToken, type LocalTokenClaims } from '../api/auth.ts';
import type { BrowserSignIn } from '../api/routes/browser-session.ts';
import { applyMigrations } from '../prisma/migrations.ts';
import { demoCommitteeId, demoMembers, seedDemoCommittee } from '../prisma/seed.ts';
import { loadConfig } from './config.ts';
import { startTracing } from './tracing.ts';
import { startEmbeddedPostgres, startEmbeddedTemporal, startMailCatcher } from './embedded.ts';
import { describeExecutable, temporalExecutable } from './temporal-server.ts';
import { createDatabase, createLogger, createVerifier, installWorkerRuntime, localSecret, portIsFree, runProcess, startApi, startWorker } from './wiring.ts';

/** The Core metrics exporter of `npm start` when TEMPORAL_METRICS_ADDRESS is unset. */
const defaultTemporalMetrics = { host: '127.0.0.1', port: 9464 };

runProcess(async (onStop) => {
  const startedAt = performance.now();
  const loaded = loadConfig();
  const logger = createLogger(loaded);
  // Before the API and the worker are built: their libraries are instrumented as they load.
  const tracing = startTracing('caleol');
  if (tracing) onStop(() => tracing.shutdown());
  // One process runs API and worker: its /metrics carries the SDK's metrics too, unless the port is taken.
  const config = loaded.temporalMetricsAddress || !(await portIsFree(defaultTemporalMetrics.host, defaultTemporalMetrics.port))
    ? loaded
    : { ...loaded, temporalMetricsAddress: `${defaultTemporalMetrics.host}:${defaultTemporalMetrics.port}` };
  installWorkerRuntime(config, logger);
  // Shared by the worker (activity attempts, failures) and the API, which serves them at /metrics.
  const metricsRegistry = new Registry();

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const postgres = await startEmbeddedPostgres(join(config.dataDir, 'pgdata'), config.embeddedPostgresPort);
    onStop(() => postgres.stop());
    databaseUrl = postgres.url;
    logger.info({ port: config.embeddedPostgresPort }, 'embedded PostgreSQL (PGlite) started');
  }

  let temporalAddress = config.temporalAddress;
  let temporalUi: string | undefined;
  if (!temporalAddress) {
    logger.info({ executable: describeExecutable(temporalExecutable('cli')) }, 'starting the Temporal dev server');
    const temporal = await startEmbeddedTemporal({
      dbFile: join(config.dataDir, 'temporal.db'),
      port: config.embeddedTemporalPort,
      uiPort: config.embeddedTemporalUiPort,
    });
    onStop(() => temporal.stop());
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
  }

  // Without SMTP_URL the mail is really sent, to a catcher that keeps it for the user to read.
  let mail = config.mail;
  let outbox: string | undefined;
  if (!mail) {
    outbox = join(config.dataDir, 'outbox');
    const catcher = await startMailCatcher(outbox, config.embeddedSmtpPort);
    onStop(() => catcher.stop());
    mail = { smtpUrl: catcher.url, from: 'Secrétariat CALEOL démo <caleol@localhost>', opsEmail: 'ops@localhost' };
  }

  const migrations = await applyMigrations(databaseUrl);
  logger.info({ applied: migrations.applied }, 'database migrated');
  // The embedded PostgreSQL runs every connection's messages through one session: one connection.
  const db = createDatabase(databaseUrl, { maxConnections: config.databaseUrl ? 10 : 1 });
  onStop(() => db.$disconnect());
  const seeded = await seedDemoCommittee(db);

  const secret = localSecret(config);
  const verifier = createVerifier(config.auth, secret);
  const wired = { ...config, databaseUrl, temporalAddress, mail };
  const worker = await startWorker(wired, db, metricsRegistry, tracing);
  onStop(() => worker.stop());

  const tokens: Record<string, string> = {};
  let browserSignIn: BrowserSignIn | undefined;
  if (secret) {
    const users: Array<[string, LocalTokenClaims]> = [
      ['secretary', { subject: 'secretary@demo', roles: ['secretary'], name: 'Secrétariat CALEOL' }],
      ['auditor', { subject: 'auditor@demo', roles: ['auditor'], name: 'Audit interne' }],
      ['ops', { subject: 'ops@demo', roles: ['ops'], name: 'Exploitation' }],
    ];
    const chair = demoMembers.find((m) => m.chair);
    if (chair) users.push(['chair', { subject: chair.id, roles: ['member', 'chair'], memberId: chair.id, name: chair.name }]);
    for (const m of demoMembers) users.push([m.name, { subject: m.id, roles: m.chair ? ['member', 'chair'] : ['member'], memberId: m.id, name: m.name }]);
    for (const [name, claims] of users) tokens[name] = await issueLocalToken(secret, claims);
    writeFileSync(join(config.dataDir, 'dev-tokens.json'), `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
    // The browser's "choose a demo user" sign-in: each person once (the chair is listed as a member).
    browserSignIn = {
      demoUsers: users.filter(([name]) => name !== 'chair').map(([name, claims]) => ({ id: claims.subject, label: claims.name ?? name, claims })),
      issue: (claims, lifetimeSeconds) => issueLocalToken(secret, claims, `${lifetimeSeconds}s`),
      secureCookie: config.publicUrl.startsWith('https:'),
    };
  }

  // Tokens are written before the API answers, so whoever waits for /ready finds them.
  const api = await startApi(wired, db, verifier, logger, metricsRegistry, { outboxDir: outbox, browserSignIn, temporalUiUrl: temporalUi, tracing });
  onStop(() => api.stop());

  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const lines = [
    '',
    `CALEOL engine ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    `  Application  ${base}/  (open it in a browser; sign in as a demo user)`,
    `  API          ${base}`,
    `  API docs     ${base}/docs`,
    `  Metrics      ${base}/metrics${config.temporalMetricsAddress ? ` (with Temporal SDK metrics from ${config.temporalMetricsAddress})` : ''}`,
    `  Temporal UI  ${temporalUi ?? config.temporalUiUrl ?? `(external Temporal at ${temporalAddress})`}`,
    `  Database     ${config.databaseUrl ? 'external PostgreSQL' : `embedded PGlite on 127.0.0.1:${config.embeddedPostgresPort}`}`,
    `  Mail         ${outbox ? `kept in ${outbox} (one .eml file per message sent), listed at ${base}/outbox` : 'sent through SMTP_URL'}`,
    `  Demo committee ${demoCommitteeId}${seeded ? ' (created)' : ''}`,
  ];
  if (secret) {
    lines.push(`  Tokens       ${join(config.dataDir, 'dev-tokens.json')}`);
    // Printed for a person at a terminal only: a log collector keeps no token.
    if (process.stdout.isTTY) for (const name of ['secretary', 'chair', 'auditor', 'ops']) lines.push(`    ${name.padEnd(10)} ${tokens[name]}`);
  }
  lines.push('Press Ctrl-C to stop.', '');
  if (process.stdout.isTTY) process.stdout.write(lines.join('\n'));
  else logger.info({ application: `${base}/`, api: base, temporalUi: temporalUi ?? config.temporalUiUrl, tokensFile: secret ? join(config.dataDir, 'dev-tokens.json') : undefined }, lines[1]!);
});
