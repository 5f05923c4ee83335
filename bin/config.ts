// Configuration from environment variables, checked once at start with one clear message per
// wrong value.
import { resolve } from 'node:path';

export type AuthConfig =
  | { mode: 'local'; secret?: string | undefined; maxLifetimeSeconds?: number | undefined }
  | {
    mode: 'oidc'; issuer: string; audience: string; jwksUrl?: string | undefined; rolesClaim: string;
    memberClaim?: string | undefined; maxLifetimeSeconds?: number | undefined;
    /** The web application's client at the provider: the browser signs in only with one. */
    client?: { id: string; secret?: string | undefined; scopes: string } | undefined;
  };

export interface ZoomConfig {
  accountId: string;
  clientId: string;
  clientSecret: string;
  webhookSecretToken: string;
  apiBaseUrl?: string | undefined;
  oauthBaseUrl?: string | undefined;
}

export interface MailConfig {
  /** smtp://user:pass@host:port or smtps://… */
  smtpUrl: string;
  opsEmail?: string | undefined;
  from: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Absent: `npm start` runs an embedded PostgreSQL. */
  databaseUrl?: string | undefined;
  /** Absent: `npm start` runs a Temporal dev server. */
  temporalAddress?: string | undefined;
  temporalNamespace: string;
  /** The Temporal UI's address, linked from the ops page (the embedded one's under npm start). */
  temporalUiUrl?: string | undefined;
  taskQueue: string;
  embeddedPostgresPort: number;
  embeddedTemporalPort: number;
  embeddedTemporalUiPort: number;
  workflowBundlePath?: string | undefined;
  /** Threads the worker runs workflow tasks on (the Temporal SDK's `workflowThreadPoolSize`). */
  workflowThreads: number;
  /** Sessions the worker keeps in memory at most (the SDK's `maxCachedWorkflows`); default: the SDK's, from the heap's size. */
  workflowCacheSize?: number | undefined;
  /** host:port of the Temporal SDK's Prometheus exporter: the worker binds it, the API's /metrics appends it. */
  temporalMetricsAddress?: string | undefined;
  logLevel: string;
  auth: AuthConfig;
  /** The Ed25519 private key (PKCS#8 PEM file) that signs the audit checkpoints; default: one made under the data folder. */
  auditCheckpointKeyFile?: string | undefined;
  /** Earlier checkpoint keys' public PEM files, still verified. */
  auditCheckpointPublicKeyFiles: string[];
  /** The keys of Temporal payloads (`id:base64,…`, the first encrypting); default: one made under the data folder. */
  temporalCodecKeys?: string | undefined;
  /** Origins (the Temporal UI's) allowed to call the codec endpoint from a browser. */
  temporalCodecCorsOrigins: string[];
  /** Absent: sessions use manual attendance. */
  zoom?: ZoomConfig | undefined;
  /** Absent: `npm start` runs a mail catcher; a worker alone sends nothing (deliveries are recorded by hand). */
  mail?: MailConfig | undefined;
  /** The port of the embedded mail catcher, used without SMTP_URL. */
  embeddedSmtpPort: number;
  /** Where users reach the application (convocations give it for consulting the files). */
  publicUrl: string;
  /** PDF signatures: signers' PKCS#12 files and trust anchors, the timestamp authority; unset: the embedded authority. */
  signing: {
    pkcs12Dir?: string | undefined;
    pkcs12Passphrase?: string | undefined;
    trustAnchorFiles: string[];
    timestampAuthorityUrl?: string | undefined;
    timestampAuthorityAuthorization?: string | undefined;
    organisation?: string | undefined;
  };
  /** Votes per minute per token subject, the other limits scaled from it (api/rate-limits.ts); 0: no limits; absent: the default. */
  rateLimitPerMinute?: number | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The variables the application reads, with what each is for (README, docker-compose test). */
export const configVariables = {
  PORT: 'HTTP port of the API (default 3000)',
  HOST: 'interface the API listens on (default 127.0.0.1)',
  DATA_DIR: 'where the embedded services keep their data (default .data)',
  DATABASE_URL: 'PostgreSQL connection URL; unset: embedded PostgreSQL',
  TEMPORAL_ADDRESS: 'Temporal frontend host:port; unset: embedded Temporal dev server',
  TEMPORAL_NAMESPACE: 'Temporal namespace (default "default")',
  TEMPORAL_UI_URL: 'address of the Temporal UI, linked from the ops page (default under npm start: the embedded UI)',
  TEMPORAL_TASK_QUEUE: 'task queue of the session workflows (default caleol-sessions)',
  TEMPORAL_CLI_PATH: 'the temporal CLI binary for the embedded dev server (default: temporal on PATH)',
  TEMPORAL_TEST_SERVER_PATH: 'the time-skipping test server binary for tests (default: temporal-test-server on PATH)',
  EMBEDDED_POSTGRES_PORT: 'port of the embedded PostgreSQL (default 5433)',
  EMBEDDED_TEMPORAL_PORT: 'port of the embedded Temporal dev server (default 7233; UI on 8233)',
  EMBEDDED_SMTP_PORT: 'port of the embedded mail catcher, used without SMTP_URL (default 2525)',
  TEMPORAL_METRICS_ADDRESS: 'host:port where the worker serves the Temporal SDK\'s Prometheus metrics, appended to the API\'s GET /metrics (default: none; npm start uses 127.0.0.1:9464 when free)',
  WORKFLOW_BUNDLE_PATH: 'a pre-built workflow bundle for the worker, from npm run build:workflows (default: bundle at start)',
  WORKFLOW_THREADS: 'threads the worker runs workflow tasks on, 1 to 16 (default 1; 2 shortens the tasks\' wait while the machine has CPU to spare, and costs throughput at its limit)',
  WORKFLOW_CACHE_SIZE: 'sessions the worker keeps in memory at most, 2 to 100000 (default: the Temporal SDK\'s, from the heap\'s size); past it, a session\'s next task replays its history',
  LOG_LEVEL: 'fatal, error, warn, info, debug or trace (default info)',
  AUTH_MODE: 'local (tokens signed by AUTH_LOCAL_SECRET) or oidc (default local)',
  AUTH_LOCAL_SECRET: 'HS256 secret of local tokens, at least 32 characters; npm start creates one under DATA_DIR',
  AUTH_OIDC_ISSUER: 'OpenID Connect issuer URL (oidc mode)',
  AUTH_OIDC_AUDIENCE: 'expected audience of OIDC tokens (oidc mode)',
  AUTH_OIDC_JWKS_URL: 'JWKS URL (oidc mode; default: discovered from the issuer)',
  AUTH_OIDC_ROLES_CLAIM: 'claim holding the roles (oidc mode; default roles)',
  AUDIT_CHECKPOINT_KEY_FILE: 'Ed25519 private key (PKCS#8 PEM) signing the audit checkpoints, kept off the database server (default: made once under DATA_DIR)',
  AUDIT_CHECKPOINT_PUBLIC_KEYS: 'comma-separated public key PEM files of earlier checkpoint keys, still verified',
  TEMPORAL_CODEC_CORS_ORIGINS: 'comma-separated origins of the Temporal UI that may call POST /codec/decode from a browser (default: the embedded UI, http://localhost:8233)',
  TEMPORAL_CODEC_KEYS: 'keys encrypting Temporal payloads, id:base64 (32 bytes) comma-separated, the first encrypting; the same in every API and worker (default: made once under DATA_DIR)',
  AUTH_OIDC_CLIENT_ID: 'the web application\'s client id at the provider (oidc mode): the browser signs in at PUBLIC_URL/auth/sign-in, returning to PUBLIC_URL/auth/callback',
  AUTH_OIDC_CLIENT_SECRET: 'its secret, for a confidential client (oidc mode; unset: a public client, PKCE alone)',
  AUTH_OIDC_SCOPES: 'scopes asked at sign-in (oidc mode; default "openid profile email"; add the API\'s scope, e.g. api://caleol-engine/.default, for an access token of AUTH_OIDC_AUDIENCE)',
  AUTH_OIDC_MEMBER_CLAIM: 'claim holding a member\'s e-mail (oidc mode; default email, taken only when email_verified is true)',
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: 'longest lifetime (exp - iat) of a token, in seconds (default 2678400 local, 86400 oidc)',
  ZOOM_ACCOUNT_ID: 'Zoom Server-to-Server OAuth account id; with the three below, sessions meet on Zoom',
  ZOOM_CLIENT_ID: 'Zoom Server-to-Server OAuth client id',
  ZOOM_CLIENT_SECRET: 'Zoom Server-to-Server OAuth client secret',
  ZOOM_WEBHOOK_SECRET_TOKEN: 'secret token of the Zoom app\'s webhook subscription (signature checks)',
  ZOOM_API_BASE_URL: 'Zoom REST API base (default https://api.zoom.us/v2)',
  ZOOM_OAUTH_BASE_URL: 'Zoom OAuth base (default https://zoom.us)',
  SMTP_URL: 'SMTP server for convocations, e.g. smtp://user:pass@mail.example:587; unset: npm start keeps mail under DATA_DIR/outbox',
  SIGNING_PKCS12_DIR: 'folder of the signers\' PKCS#12 certificates (<member id>.p12, staff_<subject>.p12); unset: the embedded signing authority under DATA_DIR/signing',
  SIGNING_PKCS12_PASSPHRASE: 'passphrase of the PKCS#12 files',
  SIGNING_TRUST_ANCHORS: 'comma-separated PEM files of the roots that verify the signers\' certificates',
  SIGNING_ORGANISATION: 'name of the embedded signing authority (default "CALEOL")',
  TIMESTAMP_AUTHORITY_URL: 'RFC 3161 timestamp authority for PDF signatures; unset: an embedded one on loopback',
  TIMESTAMP_AUTHORITY_AUTHORIZATION: 'Authorization header sent to the timestamp authority, if it asks for one',
  PUBLIC_URL: 'address at which users reach the application, given in convocations (default http://localhost:PORT)',
  MAIL_FROM: 'sender of convocations, letters and reminders (default "CALEOL <caleol@localhost>")',
  OPS_EMAIL: 'where unsigned minutes are escalated after the rules\' delay; unset: only recorded',
  RATE_LIMIT_PER_MINUTE: 'votes per minute per token subject (default 600); other writes get five times it, signatures, signer keys, ops actions, replays and exports a tenth, the Zoom webhook five times per client IP; reads are not limited; 0 turns the limits off',
} as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const port = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      problems.push(`${name} must be a port number between 1 and 65535, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = env[name];
    if (!raw) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
    } catch {
      problems.push(`${name} must be a URL, got "${raw}"`);
    }
    return raw;
  };

  const databaseUrl = url('DATABASE_URL', ['postgresql:', 'postgres:']);
  const hostPort = (name: string): string | undefined => {
    const raw = env[name] || undefined;
    if (raw) {
      const match = /^(?:[\w.-]+|\[[0-9a-fA-F:.]+\]):(\d+)$/.exec(raw);
      const portNumber = match ? Number(match[1]) : 0;
      if (!match || portNumber < 1 || portNumber > 65535) problems.push(`${name} must be host:port, got "${raw}"`);
    }
    return raw;
  };
  const temporalAddress = hostPort('TEMPORAL_ADDRESS');
  const temporalMetricsAddress = hostPort('TEMPORAL_METRICS_ADDRESS');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`);

  let auth: AuthConfig;
  const mode = env.AUTH_MODE || 'local';
  const lifetimeRaw = env.AUTH_MAX_TOKEN_LIFETIME_SECONDS || undefined;
  const maxLifetimeSeconds = lifetimeRaw === undefined ? undefined : Number(lifetimeRaw);
  if (maxLifetimeSeconds !== undefined && (!Number.isInteger(maxLifetimeSeconds) || maxLifetimeSeconds < 60 || maxLifetimeSeconds > 366 * 24 * 3600)) {
    problems.push(`AUTH_MAX_TOKEN_LIFETIME_SECONDS must be a number of seconds between 60 and a year, got "${lifetimeRaw}"`);
  }
  const lifetime = maxLifetimeSeconds !== undefined && Number.isInteger(maxLifetimeSeconds) ? { maxLifetimeSeconds } : {};
  if (mode === 'local') {
    const secret = env.AUTH_LOCAL_SECRET || undefined;
    if (secret !== undefined && secret.length < 32) problems.push('AUTH_LOCAL_SECRET must be at least 32 characters');
    auth = { mode, secret, ...lifetime };
  } else if (mode === 'oidc') {
    const issuer = url('AUTH_OIDC_ISSUER', ['https:', 'http:']);
    const audience = env.AUTH_OIDC_AUDIENCE;
    if (!issuer) problems.push('AUTH_OIDC_ISSUER is required when AUTH_MODE=oidc');
    if (!audience) problems.push('AUTH_OIDC_AUDIENCE is required when AUTH_MODE=oidc');
    auth = {
      mode, issuer: issuer ?? '', audience: audience ?? '', jwksUrl: url('AUTH_OIDC_JWKS_URL', ['https:', 'http:']), rolesClaim: env.AUTH_OIDC_ROLES_CLAIM || 'roles',
      ...(env.AUTH_OIDC_MEMBER_CLAIM ? { memberClaim: env.AUTH_OIDC_MEMBER_CLAIM } : {}), ...lifetime,
      ...(env.AUTH_OIDC_CLIENT_ID ? {
        client: { id: env.AUTH_OIDC_CLIENT_ID, secret: env.AUTH_OIDC_CLIENT_SECRET || undefined, scopes: env.AUTH_OIDC_SCOPES || 'openid profile email' },
      } : {}),
    };
  } else {
    problems.push(`AUTH_MODE must be local or oidc, got "${mode}"`);
    auth = { mode: 'local' };
  }

  const zoomVariables = ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET', 'ZOOM_WEBHOOK_SECRET_TOKEN'] as const;
  const zoomSet = zoomVariables.filter((name) => env[name]);
  let zoom: ZoomConfig | undefined;
  if (zoomSet.length === zoomVariables.length) {
    zoom = {
      accountId: env.ZOOM_ACCOUNT_ID!, clientId: env.ZOOM_CLIENT_ID!, clientSecret: env.ZOOM_CLIENT_SECRET!, webhookSecretToken: env.ZOOM_WEBHOOK_SECRET_TOKEN!,
      apiBaseUrl: url('ZOOM_API_BASE_URL', ['https:', 'http:']), oauthBaseUrl: url('ZOOM_OAUTH_BASE_URL', ['https:', 'http:']),
    };
  } else if (zoomSet.length > 0) {
    problems.push(`Zoom needs ${zoomVariables.join(', ')} together; missing ${zoomVariables.filter((name) => !env[name]).join(', ')}`);
  }
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const mail = smtpUrl ? { smtpUrl, from: env.MAIL_FROM || 'CALEOL <caleol@localhost>', opsEmail: env.OPS_EMAIL || undefined } : undefined;

  const rateLimitRaw = env.RATE_LIMIT_PER_MINUTE || undefined;
  const rateLimitPerMinute = rateLimitRaw === undefined ? undefined : Number(rateLimitRaw);
  if (rateLimitRaw !== undefined && !(/^\d+$/.test(rateLimitRaw) && rateLimitPerMinute! <= 1_000_000)) {
    problems.push(`RATE_LIMIT_PER_MINUTE must be a whole number from 0 to 1000000, got "${rateLimitRaw}"`);
  }

  const workflowThreadsRaw = env.WORKFLOW_THREADS || undefined;
  const workflowThreads = workflowThreadsRaw === undefined ? 1 : Number(workflowThreadsRaw);
  if (!(/^\d+$/.test(workflowThreadsRaw ?? '1') && workflowThreads >= 1 && workflowThreads <= 16)) {
    problems.push(`WORKFLOW_THREADS must be a whole number from 1 to 16, got "${workflowThreadsRaw}"`);
  }

  const workflowCacheRaw = env.WORKFLOW_CACHE_SIZE || undefined;
  const workflowCacheSize = workflowCacheRaw === undefined ? undefined : Number(workflowCacheRaw);
  if (workflowCacheRaw !== undefined && !(/^\d+$/.test(workflowCacheRaw) && workflowCacheSize! >= 2 && workflowCacheSize! <= 100_000)) {
    problems.push(`WORKFLOW_CACHE_SIZE must be a whole number from 2 to 100000, got "${workflowCacheRaw}"`);
  }

  const temporalPort = port('EMBEDDED_TEMPORAL_PORT', 7233);
  const httpPort = port('PORT', 3000);
  const config: Config = {
    port: httpPort,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || '.data'),
    databaseUrl,
    temporalAddress,
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    temporalUiUrl: url('TEMPORAL_UI_URL', ['https:', 'http:']),
    taskQueue: env.TEMPORAL_TASK_QUEUE || 'caleol-sessions',
    embeddedPostgresPort: port('EMBEDDED_POSTGRES_PORT', 5433),
    embeddedSmtpPort: port('EMBEDDED_SMTP_PORT', 2525),
    embeddedTemporalPort: temporalPort,
    embeddedTemporalUiPort: temporalPort + 1000 > 65535 ? temporalPort - 1000 : temporalPort + 1000,
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH || undefined,
    workflowThreads,
    ...(workflowCacheSize !== undefined ? { workflowCacheSize } : {}),
    temporalMetricsAddress,
    logLevel,
    auth,
    ...(env.AUDIT_CHECKPOINT_KEY_FILE ? { auditCheckpointKeyFile: resolve(env.AUDIT_CHECKPOINT_KEY_FILE) } : {}),
    ...(env.TEMPORAL_CODEC_KEYS ? { temporalCodecKeys: env.TEMPORAL_CODEC_KEYS } : {}),
    temporalCodecCorsOrigins: (env.TEMPORAL_CODEC_CORS_ORIGINS || 'http://localhost:8233').split(',').map((o) => o.trim()).filter(Boolean),
    auditCheckpointPublicKeyFiles: (env.AUDIT_CHECKPOINT_PUBLIC_KEYS ?? '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => resolve(f)),
    zoom,
    mail,
    rateLimitPerMinute,
    publicUrl: url('PUBLIC_URL', ['https:', 'http:']) ?? `http://localhost:${httpPort}`,
    signing: {
      pkcs12Dir: env.SIGNING_PKCS12_DIR ? resolve(env.SIGNING_PKCS12_DIR) : undefined,
      pkcs12Passphrase: env.SIGNING_PKCS12_PASSPHRASE || undefined,
      trustAnchorFiles: (env.SIGNING_TRUST_ANCHORS ?? '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => resolve(f)),
      timestampAuthorityUrl: url('TIMESTAMP_AUTHORITY_URL', ['https:', 'http:']),
      timestampAuthorityAuthorization: env.TIMESTAMP_AUTHORITY_AUTHORIZATION || undefined,
      organisation: env.SIGNING_ORGANISATION || undefined,
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
