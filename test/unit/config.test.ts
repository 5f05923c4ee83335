// Configuration from the environment: defaults, every wrong value reported at once by name, and
// where the Temporal binaries are taken from.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../../bin/config.ts';
import { findOnPath, temporalExecutable } from '../../bin/temporal-server.ts';

/** The problems a configuration is refused with (fails when it is accepted). */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const error = caught as ConfigError;
  for (const problem of error.problems) expect(error.message).toContain(problem);
  return error.problems;
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const expected: Config = {
      port: 3000,
      publicUrl: 'http://localhost:3000',
      signing: { trustAnchorFiles: [] },
      host: '127.0.0.1',
      dataDir: resolve('.data'),
      databaseUrl: undefined,
      temporalAddress: undefined,
      temporalNamespace: 'default',
      taskQueue: 'caleol-sessions',
      embeddedPostgresPort: 5433,
      embeddedSmtpPort: 2525,
      embeddedTemporalPort: 7233,
      embeddedTemporalUiPort: 8233,
      workflowBundlePath: undefined,
      workflowThreads: 1,
      logLevel: 'info',
      auth: { mode: 'local', secret: undefined },
      auditCheckpointPublicKeyFiles: [],
      temporalCodecCorsOrigins: ['http://localhost:8233'],
    };
    expect(loadConfig({})).toEqual(expected);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', TEMPORAL_ADDRESS: '', LOG_LEVEL: '', AUTH_MODE: '', AUTH_LOCAL_SECRET: '' })).toEqual(loadConfig({}));
  });

  it('does not read process.env when given an environment', () => {
    vi.stubEnv('PORT', 'not-a-port');
    try {
      expect(loadConfig({}).port).toBe(3000);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('reports every wrong value at once, each naming its variable', () => {
    const problems = problemsOf({
      PORT: '70000',
      DATABASE_URL: 'mysql://root@db:3306/caleol',
      TEMPORAL_ADDRESS: 'temporal',
      LOG_LEVEL: 'verbose',
      AUTH_LOCAL_SECRET: 'too-short',
      EMBEDDED_POSTGRES_PORT: 'abc',
    });
    expect(problems).toHaveLength(6);
    for (const [name, value] of [['PORT', '70000'], ['DATABASE_URL', 'mysql:'], ['TEMPORAL_ADDRESS', 'temporal'], ['LOG_LEVEL', 'verbose'], ['EMBEDDED_POSTGRES_PORT', 'abc']]) {
      expect(problems.filter((p) => p.startsWith(`${name} `) && p.includes(value!)), name).toHaveLength(1);
    }
    expect(problems.filter((p) => p.startsWith('AUTH_LOCAL_SECRET ') && p.includes('32'))).toHaveLength(1);
  });

  it.each(['0', '17', '-1', '1.5', 'two'])('refuses WORKFLOW_THREADS=%j', (value) => {
    expect(problemsOf({ WORKFLOW_THREADS: value })).toEqual([expect.stringMatching(/^WORKFLOW_THREADS must .*1 to 16/)]);
  });

  it.each(['0', '1', '100001', '-5', '2.5', 'many'])('refuses WORKFLOW_CACHE_SIZE=%j', (value) => {
    expect(problemsOf({ WORKFLOW_CACHE_SIZE: value })).toEqual([expect.stringMatching(/^WORKFLOW_CACHE_SIZE must .*2 to 100000/)]);
  });

  it.each(['0', '65536', '-1', '80.5', '3000abc', ' '])('refuses PORT=%j', (value) => {
    expect(problemsOf({ PORT: value })).toEqual([expect.stringMatching(/^PORT /)]);
  });

  it('refuses a DATABASE_URL that is not a URL', () => {
    expect(problemsOf({ DATABASE_URL: 'localhost:5432/caleol' })).toEqual([expect.stringMatching(/^DATABASE_URL must/)]);
  });

  it('accepts both postgresql: and postgres: database URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/caleol' }).databaseUrl).toBe('postgresql://u:p@db:5432/caleol');
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/caleol' }).databaseUrl).toBe('postgres://u:p@db/caleol');
  });

  it.each(['temporal', 'temporal:', ':7233', 'http://temporal:7233', 'temporal:port'])('refuses TEMPORAL_ADDRESS=%j', (value) => {
    expect(problemsOf({ TEMPORAL_ADDRESS: value })).toEqual([expect.stringMatching(/^TEMPORAL_ADDRESS /)]);
  });

  it('refuses a TEMPORAL_ADDRESS whose port is out of range', () => {
    expect(problemsOf({ TEMPORAL_ADDRESS: 'temporal:70000' })).toEqual([expect.stringMatching(/^TEMPORAL_ADDRESS /)]);
  });

  it('accepts a TEMPORAL_ADDRESS with an IPv6 literal host', () => {
    expect(loadConfig({ TEMPORAL_ADDRESS: '[::1]:7233' }).temporalAddress).toBe('[::1]:7233');
  });

  it('refuses an unknown LOG_LEVEL and an unknown AUTH_MODE together', () => {
    const problems = problemsOf({ LOG_LEVEL: 'loud', AUTH_MODE: 'ldap' });
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^LOG_LEVEL .*"loud"/), expect.stringMatching(/^AUTH_MODE .*"ldap"/)]));
  });

  it('accepts a local secret of 32 characters and refuses one of 31', () => {
    expect(loadConfig({ AUTH_LOCAL_SECRET: 'x'.repeat(32) }).auth).toEqual({ mode: 'local', secret: 'x'.repeat(32) });
    expect(problemsOf({ AUTH_LOCAL_SECRET: 'x'.repeat(31) })).toEqual([expect.stringMatching(/^AUTH_LOCAL_SECRET /)]);
  });

  it('requires the issuer and the audience with AUTH_MODE=oidc, both reported', () => {
    const problems = problemsOf({ AUTH_MODE: 'oidc', PORT: 'eighty' });
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^AUTH_OIDC_ISSUER is required/),
      expect.stringMatching(/^AUTH_OIDC_AUDIENCE is required/),
      expect.stringMatching(/^PORT /),
    ]));
  });

  it('refuses OIDC URLs that are not http(s)', () => {
    const problems = problemsOf({ AUTH_MODE: 'oidc', AUTH_OIDC_ISSUER: 'ftp://idp.example/', AUTH_OIDC_AUDIENCE: 'api://caleol', AUTH_OIDC_JWKS_URL: 'not a url' });
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^AUTH_OIDC_ISSUER /), expect.stringMatching(/^AUTH_OIDC_JWKS_URL /)]));
  });

  it('reads a full OIDC configuration on real services', () => {
    const tenant = '3f1c6b9e-0d2a-4c55-9a3e-7b8d2e4f6a10';
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/caleol',
      DATABASE_URL: 'postgresql://caleol:secret@postgres:5432/caleol',
      TEMPORAL_ADDRESS: 'temporal-frontend.internal:7233',
      TEMPORAL_NAMESPACE: 'caleol-prod',
      TEMPORAL_TASK_QUEUE: 'sessions-prod',
      EMBEDDED_POSTGRES_PORT: '15433',
      EMBEDDED_TEMPORAL_PORT: '65000',
      WORKFLOW_BUNDLE_PATH: '/app/workflow-bundle.js',
      WORKFLOW_THREADS: '4',
      WORKFLOW_CACHE_SIZE: '1200',
      LOG_LEVEL: 'warn',
      AUTH_MODE: 'oidc',
      AUTH_OIDC_ISSUER: `https://login.microsoftonline.com/${tenant}/v2.0`,
      AUTH_OIDC_AUDIENCE: 'api://caleol-engine',
      AUTH_OIDC_JWKS_URL: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
      AUTH_OIDC_ROLES_CLAIM: 'app_roles',
      AUTH_LOCAL_SECRET: 'short',
      PUBLIC_URL: 'https://caleol.habitat.example',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/caleol',
      databaseUrl: 'postgresql://caleol:secret@postgres:5432/caleol',
      temporalAddress: 'temporal-frontend.internal:7233',
      temporalNamespace: 'caleol-prod',
      taskQueue: 'sessions-prod',
      embeddedPostgresPort: 15433,
      embeddedSmtpPort: 2525,
      embeddedTemporalPort: 65000,
      // Port + 1000 would be out of range: the UI goes below instead.
      embeddedTemporalUiPort: 64000,
      workflowBundlePath: '/app/workflow-bundle.js',
      workflowThreads: 4,
      workflowCacheSize: 1200,
      logLevel: 'warn',
      auth: {
        mode: 'oidc',
        issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
        audience: 'api://caleol-engine',
        jwksUrl: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
        rolesClaim: 'app_roles',
      },
      auditCheckpointPublicKeyFiles: [],
      temporalCodecCorsOrigins: ['http://localhost:8233'],
      publicUrl: 'https://caleol.habitat.example',
      signing: { trustAnchorFiles: [] },
    } satisfies Config);
  });

  it('defaults the OIDC roles claim to roles and leaves the JWKS URL to discovery', () => {
    const config = loadConfig({ AUTH_MODE: 'oidc', AUTH_OIDC_ISSUER: 'https://idp.example/tenant/v2.0', AUTH_OIDC_AUDIENCE: 'api://caleol' });
    expect(config.auth).toEqual({ mode: 'oidc', issuer: 'https://idp.example/tenant/v2.0', audience: 'api://caleol', jwksUrl: undefined, rolesClaim: 'roles' });
  });
});

describe('temporalExecutable', () => {
  let root: string;
  let configured: string;
  let notExecutable: string;
  let pathDir: string;
  let emptyDir: string;
  let shadowDir: string;

  async function script(path: string, mode: number): Promise<string> {
    await writeFile(path, '#!/bin/sh\nexit 0\n');
    await chmod(path, mode);
    return path;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'caleol-temporal-bin-'));
    for (const dir of ['configured', 'on-path', 'empty', 'shadow']) await mkdir(join(root, dir));
    configured = await script(join(root, 'configured', 'my-temporal'), 0o755);
    notExecutable = await script(join(root, 'configured', 'not-executable'), 0o644);
    pathDir = join(root, 'on-path');
    await script(join(pathDir, 'temporal'), 0o755);
    await script(join(pathDir, 'temporal-test-server'), 0o755);
    emptyDir = join(root, 'empty');
    // A `temporal` that cannot be run, earlier on PATH: it is skipped.
    shadowDir = join(root, 'shadow');
    await script(join(shadowDir, 'temporal'), 0o644);
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('takes the binary named by the environment variable first, even with one on PATH', () => {
    expect(temporalExecutable('cli', { TEMPORAL_CLI_PATH: configured, PATH: pathDir })).toEqual({ type: 'existing-path', path: configured });
    expect(temporalExecutable('testServer', { TEMPORAL_TEST_SERVER_PATH: configured, PATH: pathDir })).toEqual({ type: 'existing-path', path: configured });
  });

  it('refuses an environment variable naming a file that is not executable', () => {
    expect(() => temporalExecutable('cli', { TEMPORAL_CLI_PATH: notExecutable, PATH: pathDir })).toThrow(/TEMPORAL_CLI_PATH=.*not-executable.* is not an executable file/);
  });

  it('refuses an environment variable naming a file that does not exist', () => {
    expect(() => temporalExecutable('testServer', { TEMPORAL_TEST_SERVER_PATH: join(root, 'missing'), PATH: pathDir })).toThrow(/TEMPORAL_TEST_SERVER_PATH=/);
  });

  it('refuses an environment variable naming a directory', () => {
    expect(() => temporalExecutable('cli', { TEMPORAL_CLI_PATH: pathDir, PATH: emptyDir })).toThrow(/TEMPORAL_CLI_PATH=/);
  });

  it('finds the binary on PATH, skipping directories where it is missing or not executable', () => {
    const path = [emptyDir, shadowDir, pathDir].join(delimiter);
    expect(temporalExecutable('cli', { PATH: path })).toEqual({ type: 'existing-path', path: join(pathDir, 'temporal') });
    expect(temporalExecutable('testServer', { PATH: path })).toEqual({ type: 'existing-path', path: join(pathDir, 'temporal-test-server') });
    expect(findOnPath('temporal', `${delimiter}${pathDir}${delimiter}`)).toBe(join(pathDir, 'temporal'));
  });

  it('falls back to the SDK\'s download when neither the variable nor PATH has the binary', () => {
    expect(temporalExecutable('cli', { PATH: [emptyDir, shadowDir].join(delimiter) })).toEqual({ type: 'cached-download' });
    expect(temporalExecutable('testServer', { PATH: emptyDir })).toEqual({ type: 'cached-download' });
  });

  it('looks only at the given environment, not at the process\'s PATH', () => {
    vi.stubEnv('PATH', pathDir);
    expect(temporalExecutable('cli', {})).toEqual({ type: 'cached-download' });
  });
});
