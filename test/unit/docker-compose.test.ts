// docker-compose.yml, the Keycloak realm of its `keycloak` profile, the Dockerfile and the Helm
// chart's environment, checked without Docker: the stack's shape, start order, pinned images,
// health checks, and that each container's environment is one the application accepts.
// (`docker-compose config` and `helm lint`/`kubeconform` run in deploy/check-deploy.sh.)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { oidcTokenVerifier, roles as apiRoles, staffRoles } from '../../api/auth.ts';
import { ConfigError, configVariables, loadConfig } from '../../bin/config.ts';

type Scalar = string | number | boolean | null;

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, Scalar> | string[];
  ports?: Array<string | number | { target: number; published?: string | number; host_ip?: string }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean; start_period?: string };
  restart?: string;
  profiles?: string[];
  volumes?: string[];
  networks?: string[] | Record<string, { aliases?: string[] } | null>;
}

interface ComposeFile {
  services: Record<string, Service>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const composeSource = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const dockerfilePath = join(root, 'Dockerfile');
const realmPath = join(root, 'deploy/keycloak/caleol-realm.json');
const deployReadme = readFileSync(join(root, 'deploy/README.md'), 'utf8');

/** Variables compose would take from the shell or .env; only what has no default is needed. */
const requiredHostEnv = { AUTH_LOCAL_SECRET: 'a-local-trial-secret-of-40-characters-xx' };

const appServices = ['api', 'worker', 'migrate', 'temporal-setup'];
/** The one-shot jobs: they exit when done, and what needs them waits for their success. */
const jobs = ['temporal-schema', 'temporal-namespace', 'temporal-setup', 'migrate'];
/** Variables set on app containers that the application itself does not read. */
const documentedExtras = new Set(['NODE_ENV']);

// --- compose's variable substitution: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $VAR, $$ ---

const substitution = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

function interpolate(text: string, hostEnv: Record<string, string | undefined>): string {
  return text.replace(substitution, (match, braced: string | undefined, operator: string | undefined, argument: string | undefined, bare: string | undefined) => {
    if (match === '$$') return '$';
    const name = (braced ?? bare) as string;
    const value = hostEnv[name];
    const missing = operator?.startsWith(':') ? value === undefined || value === '' : value === undefined;
    if (operator?.endsWith('-')) return missing ? (argument ?? '') : (value as string);
    if (operator?.endsWith('?')) {
      if (missing) throw new Error(`required variable ${name} is missing a value: ${argument ?? ''}`);
      return value as string;
    }
    return value ?? '';
  });
}

function interpolateAll(node: unknown, hostEnv: Record<string, string | undefined>): unknown {
  if (typeof node === 'string') return interpolate(node, hostEnv);
  if (Array.isArray(node)) return node.map((item) => interpolateAll(item, hostEnv));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateAll(value, hostEnv)]));
  }
  return node;
}

/**
 * The compose file as `docker compose` sees it with the given shell variables (merge keys on, as
 * compose does), keeping the services of the active profiles only (`COMPOSE_PROFILES` or `--profile`).
 */
function loadCompose(hostEnv: Record<string, string | undefined> = requiredHostEnv, activeProfiles: string[] = []): ComposeFile {
  const compose = interpolateAll(parse(composeSource, { merge: true }), hostEnv) as ComposeFile;
  const active = (svc: Service) => !svc.profiles?.length || svc.profiles.some((p) => activeProfiles.includes(p));
  return { ...compose, services: Object.fromEntries(Object.entries(compose.services).filter(([, svc]) => active(svc))) };
}

function service(compose: ComposeFile, name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`no service ${name} in docker-compose.yml`);
  return found;
}

function environment(svc: Service): Record<string, string | undefined> {
  const env = svc.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => {
      const at = entry.indexOf('=');
      return at < 0 ? [entry, undefined] : [entry.slice(0, at), entry.slice(at + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === null ? undefined : String(value)]));
}

function dependencies(svc: Service): Record<string, string> {
  const deps = svc.depends_on ?? [];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, dep]) => [name, dep.condition ?? 'service_started']));
}

interface PortMapping { hostIp?: string | undefined; published?: number | undefined; target: number }

function ports(svc: Service): PortMapping[] {
  return (svc.ports ?? []).map((port) => {
    if (typeof port === 'object') return { hostIp: port.host_ip, published: port.published === undefined ? undefined : Number(port.published), target: port.target };
    const parts = String(port).replace(/\/(tcp|udp)$/, '').split(':');
    const target = Number(parts.pop());
    const published = parts.length > 0 ? Number(parts.pop()) : undefined;
    return { hostIp: parts.pop(), published, target };
  });
}

function argv(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : value.split(/\s+/).filter(Boolean);
}

/** The shell script a job runs with `entrypoint: ["/bin/sh", "-c"]`. */
function script(svc: Service): string {
  expect(argv(svc.entrypoint)).toEqual(['/bin/sh', '-c']);
  const command = argv(svc.command);
  expect(command).toHaveLength(1);
  return command[0] ?? '';
}

function healthcheckCommand(svc: Service): string[] {
  const check = svc.healthcheck;
  expect(check?.disable).not.toBe(true);
  const command = argv(check?.test);
  expect(['CMD', 'CMD-SHELL']).toContain(command[0]);
  return command.slice(1);
}

/** `name:tag` of an image reference, ignoring a registry port and a digest. */
function imageTag(reference: string): string | undefined {
  const withoutDigest = reference.split('@')[0] ?? '';
  const lastPart = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  return colon < 0 ? undefined : lastPart.slice(colon + 1);
}

/** A release number (major.minor at least), optionally with a variant suffix such as -bookworm-slim. */
const exactTag = /^v?\d+\.\d+(\.\d+)?(-[a-z0-9][a-z0-9.-]*)?$/;

/** Runs a health check's command line (with its address moved to a test server) and gives its exit code. */
function run(command: string[], timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0] ?? '', command.slice(1), { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const { server, port } = await listen(() => undefined);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// --- the Keycloak realm ---

interface RealmMapper { name: string; protocolMapper: string; config: Record<string, string> }
interface RealmUser {
  username: string; email: string; emailVerified: boolean; firstName: string; lastName: string; enabled: boolean;
  realmRoles: string[]; attributes?: Record<string, string[]>; credentials: Array<{ type: string; value: string; temporary: boolean }>;
}
interface Realm {
  realm: string;
  accessTokenLifespan: number;
  roles: { realm: Array<{ name: string }> };
  clients: Array<{
    clientId: string; publicClient: boolean; secret?: string; standardFlowEnabled: boolean; implicitFlowEnabled: boolean;
    redirectUris: string[]; attributes: Record<string, string>; protocolMappers: RealmMapper[];
  }>;
  users: RealmUser[];
  components: Record<string, Array<{ providerId: string; config: Record<string, string[]> }>>;
}

const realm = JSON.parse(readFileSync(realmPath, 'utf8')) as Realm;

/** The `KEY=value` lines of deploy/README.md's block for the keycloak profile (what a user puts in .env). */
function keycloakEnvFromReadme(): Record<string, string> {
  const block = /```(?:sh|bash|dotenv|ini)?\n((?:[A-Z_]+=.*\n)*AUTH_MODE=oidc\n(?:[A-Z_]+=.*\n)*)```/.exec(deployReadme);
  expect(block, 'deploy/README.md has a block of KEY=value lines with AUTH_MODE=oidc').not.toBeNull();
  return Object.fromEntries((block?.[1] ?? '').trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('docker-compose.yml', () => {
  it('defines the database, Temporal (schema job, server, namespace job), its UI, the application jobs, the worker and the api', () => {
    expect(Object.keys(loadCompose().services).sort()).toEqual(
      ['api', 'migrate', 'postgres', 'temporal', 'temporal-namespace', 'temporal-schema', 'temporal-setup', 'temporal-ui', 'worker'],
    );
  });

  it('adds Keycloak with the keycloak profile only', () => {
    expect(loadCompose().services.keycloak).toBeUndefined();
    expect(Object.keys(loadCompose(requiredHostEnv, ['keycloak']).services)).toContain('keycloak');
    expect(service(loadCompose(requiredHostEnv, ['keycloak']), 'keycloak').profiles).toEqual(['keycloak']);
  });

  it('pins every pulled image to a release tag, never latest or an implicit tag, and runs Temporal on its supported images', () => {
    const compose = loadCompose(requiredHostEnv, ['keycloak']);
    const pulled = Object.entries(compose.services).filter(([, svc]) => svc.build === undefined);
    expect(pulled.map(([name]) => name).sort()).toEqual(['keycloak', 'postgres', 'temporal', 'temporal-namespace', 'temporal-schema', 'temporal-ui']);
    for (const [name, svc] of pulled) {
      const tag = imageTag(svc.image ?? '');
      expect(tag, `${name}: ${svc.image ?? 'no image'}`).toMatch(exactTag);
    }
    expect(service(compose, 'postgres').image).toMatch(/^postgres:15\./);
    // temporalio/auto-setup is deprecated: the server image plus admin-tools jobs, of one release.
    const server = service(compose, 'temporal').image ?? '';
    expect(server).toMatch(/^temporalio\/server:1\.\d+\.\d+$/);
    for (const job of ['temporal-schema', 'temporal-namespace']) expect(service(compose, job).image, job).toBe(server.replace('temporalio/server', 'temporalio/admin-tools'));
    expect(service(compose, 'temporal-ui').image).toMatch(/^temporalio\/ui:/);
    expect(service(compose, 'keycloak').image).toMatch(/^quay\.io\/keycloak\/keycloak:\d+\.\d+\.\d+$/);
    expect(composeSource).not.toContain('auto-setup:');
  });

  it('builds every application service from the repository Dockerfile as one shared image', () => {
    const compose = loadCompose();
    const images = new Set<string | undefined>();
    for (const name of appServices) {
      const svc = service(compose, name);
      const build = typeof svc.build === 'string' ? { context: svc.build } : svc.build;
      expect(build, name).toBeDefined();
      expect(join(root, build?.context ?? '.', build?.dockerfile ?? 'Dockerfile'), name).toBe(dockerfilePath);
      images.add(svc.image);
    }
    expect(existsSync(dockerfilePath)).toBe(true);
    expect(images.size, 'one image name, so compose builds it once and every process runs the same code').toBe(1);
  });

  it('publishes the api on 3000, and Temporal, its UI and Keycloak on the loopback interface only; PostgreSQL stays internal', () => {
    const compose = loadCompose(requiredHostEnv, ['keycloak']);
    const published = (name: string) => ports(service(compose, name)).map(({ published: p, target }) => `${p}:${target}`);
    expect(published('api')).toEqual(['3000:3000']);
    expect(published('temporal')).toEqual(['7233:7233']);
    expect(published('temporal-ui')).toEqual(['8080:8080']);
    expect(published('keycloak')).toEqual(['8180:8180']);
    for (const name of ['temporal', 'temporal-ui', 'keycloak']) expect(ports(service(compose, name))[0]?.hostIp, name).toBe('127.0.0.1');
    expect(ports(service(compose, 'postgres'))).toEqual([]);
    expect(environment(service(compose, 'api')).PORT).toBe('3000');
  });

  it('health-checks every long-running service, and never restarts the one-shot jobs', () => {
    const compose = loadCompose(requiredHostEnv, ['keycloak']);
    for (const [name, svc] of Object.entries(compose.services)) {
      if (jobs.includes(name)) {
        expect(svc.restart, name).toBe('no');
        continue;
      }
      expect(svc.restart, name).toBe('unless-stopped');
      expect(healthcheckCommand(svc).length, `${name} has a health check`).toBeGreaterThan(0);
    }
  });

  it('health-checks postgres over TCP, Temporal on its frontend port, the UI and Keycloak on their health routes, the api on /health and the worker on its metrics', () => {
    const compose = loadCompose(requiredHostEnv, ['keycloak']);
    const test = (name: string) => healthcheckCommand(service(compose, name)).join(' ');
    expect(test('postgres')).toMatch(/^pg_isready .*-h 127\.0\.0\.1/);
    expect(test('temporal')).toBe('nc -z 127.0.0.1 7233');
    expect(test('temporal-ui')).toContain('http://127.0.0.1:8080/healthz');
    expect(test('keycloak')).toContain('/dev/tcp/127.0.0.1/9000');
    expect(test('keycloak')).toContain('/health/ready');
    expect(environment(service(compose, 'keycloak')).KC_HEALTH_ENABLED).toBe('true');
    const api = test('api');
    expect(api).toContain(`http://127.0.0.1:${environment(service(compose, 'api')).PORT}/health`);
    expect(api).toMatch(/^node -e /);
    const worker = test('worker');
    const metricsPort = (environment(service(compose, 'worker')).TEMPORAL_METRICS_ADDRESS ?? '').split(':').pop();
    expect(worker).toContain(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(worker).toMatch(/^node -e /);
  });

  describe('health check commands, run against local stand-ins', () => {
    let metrics: { server: Server; port: number };
    let health: { server: Server; port: number };
    let metricsBody = '';
    let healthStatus = 200;
    beforeAll(async () => {
      metrics = await listen((request, response) => {
        response.writeHead(request.url === '/metrics' ? 200 : 404, { 'content-type': 'text/plain' }).end(metricsBody);
      });
      health = await listen((request, response) => {
        const ok = request.url === '/health' || request.url === '/health/ready';
        response.writeHead(ok ? healthStatus : 404, { 'content-type': 'application/json' }).end(healthStatus === 200 ? '{"status": "UP", "checks": []}' : '{"status": "DOWN"}');
      });
    });
    afterAll(async () => {
      await new Promise((resolve) => metrics.server.close(resolve));
      await new Promise((resolve) => health.server.close(resolve));
    });
    const moved = (name: string, from: string, to: string) => {
      const command = healthcheckCommand(service(loadCompose(requiredHostEnv, ['keycloak']), name)).map((arg) => arg.replace(from, to));
      expect(command.join(' ')).toContain(to);
      return command;
    };

    it('the worker is healthy only when its metrics exporter answers with the worker\'s pollers', async () => {
      const command = () => moved('worker', '127.0.0.1:9464', `127.0.0.1:${metrics.port}`);
      metricsBody = '# TYPE temporal_num_pollers gauge\ntemporal_num_pollers{poller_type="workflow_task",task_queue="caleol-sessions"} 2\n';
      expect(await run(command())).toBe(0);
      // The exporter runs as soon as the SDK runtime is installed, before the worker connects.
      metricsBody = '# TYPE temporal_request_total counter\n';
      expect(await run(command())).toBe(1);
      expect(await run(moved('worker', '127.0.0.1:9464', `127.0.0.1:${await closedPort()}`))).toBe(1);
    });

    it('the api is healthy when /health answers 200', async () => {
      healthStatus = 200;
      expect(await run(moved('api', '127.0.0.1:3000', `127.0.0.1:${health.port}`))).toBe(0);
      healthStatus = 503;
      expect(await run(moved('api', '127.0.0.1:3000', `127.0.0.1:${health.port}`))).toBe(1);
      expect(await run(moved('api', '127.0.0.1:3000', `127.0.0.1:${await closedPort()}`))).toBe(1);
    });

    it('Keycloak is healthy when its readiness route says UP', async () => {
      healthStatus = 200;
      expect(await run(moved('keycloak', '127.0.0.1/9000', `127.0.0.1/${health.port}`))).toBe(0);
      healthStatus = 503;
      expect(await run(moved('keycloak', '127.0.0.1/9000', `127.0.0.1/${health.port}`))).not.toBe(0);
      expect(await run(moved('keycloak', '127.0.0.1/9000', `127.0.0.1/${await closedPort()}`))).not.toBe(0);
    });
  });

  it('starts each service only once what it needs is healthy or has finished', () => {
    const compose = loadCompose(requiredHostEnv, ['keycloak']);
    const order = Object.fromEntries(Object.keys(compose.services).map((name) => [name, dependencies(service(compose, name))]));
    expect(order).toEqual({
      postgres: {},
      // Temporal's databases and schemas before the server, its namespace once it answers.
      'temporal-schema': { postgres: 'service_healthy' },
      temporal: { postgres: 'service_healthy', 'temporal-schema': 'service_completed_successfully' },
      'temporal-namespace': { temporal: 'service_healthy' },
      'temporal-ui': { temporal: 'service_healthy' },
      'temporal-setup': { 'temporal-namespace': 'service_completed_successfully' },
      migrate: { postgres: 'service_healthy' },
      worker: { migrate: 'service_completed_successfully', 'temporal-setup': 'service_completed_successfully', temporal: 'service_healthy' },
      // The api starts workflows with the search attributes temporal-setup registers.
      api: { migrate: 'service_completed_successfully', 'temporal-setup': 'service_completed_successfully', temporal: 'service_healthy' },
      // The api discovers the provider when a token or a sign-in first needs it: no start dependency.
      keycloak: {},
    });
  });

  it('waits on health only for services that have a health check, and on completion only for the one-shot jobs', () => {
    const compose = loadCompose(requiredHostEnv, ['keycloak']);
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const [dependency, condition] of Object.entries(dependencies(svc))) {
        if (condition === 'service_healthy') expect(service(compose, dependency).healthcheck?.test, `${name} waits for ${dependency} to be healthy`).toBeDefined();
        if (condition === 'service_completed_successfully') expect(jobs, `${name} waits for ${dependency} to finish`).toContain(dependency);
      }
    }
    // Every job is waited for by someone (else a failure would go unnoticed).
    const awaited = new Set(Object.values(compose.services).flatMap((svc) => Object.entries(dependencies(svc)).filter(([, c]) => c === 'service_completed_successfully').map(([d]) => d)));
    expect([...awaited].sort()).toEqual([...jobs].sort());
  });

  it('creates and upgrades both Temporal databases with temporal-sql-tool before the server starts', () => {
    const compose = loadCompose();
    const setup = script(service(compose, 'temporal-schema'));
    expect(setup).toMatch(/^set -eu/);
    for (const step of ['create', 'setup-schema -v 0.0', 'update-schema -d']) expect(setup).toContain(step);
    expect(setup).toContain('temporal-sql-tool --plugin postgres12 --ep postgres -p 5432 -u caleol --db $db');
    expect(setup).toContain('for pair in temporal:temporal temporal_visibility:visibility');
    expect(setup).toContain('/etc/temporal/schema/postgresql/v12');
  });

  it('gives the server its dynamic configuration and makes it listen beyond its own loopback', () => {
    const temporal = service(loadCompose(), 'temporal');
    const env = environment(temporal);
    expect(env.BIND_ON_IP).toBe('0.0.0.0');
    expect(env.DB).toBe('postgres12');
    const start = script(temporal);
    expect(start).toContain(`cat > ${env.DYNAMIC_CONFIG_FILE_PATH} <<'EOF'`);
    expect(start).toMatch(/exec \/etc\/temporal\/entrypoint\.sh\s*$/);
    const dynamicConfig = parse(/<<'EOF'\n([\s\S]*?)\nEOF/.exec(start)?.[1] ?? '') as Record<string, Array<{ value: unknown }>>;
    expect(dynamicConfig['limit.maxIDLength']?.[0]?.value).toBe(255);
  });

  it('sets on application containers only variables the application reads', () => {
    const compose = loadCompose();
    for (const name of appServices) {
      const unknown = Object.keys(environment(service(compose, name))).filter((key) => !(key in configVariables) && !documentedExtras.has(key));
      expect(unknown, name).toEqual([]);
    }
  });

  it('gives the api a configuration the application accepts, listening on all interfaces with a local secret', () => {
    const config = loadConfig(environment(service(loadCompose(), 'api')));
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeDefined();
    expect(config.temporalAddress).toBe('temporal:7233');
    expect(config.auth).toEqual({ mode: 'local', secret: requiredHostEnv.AUTH_LOCAL_SECRET });
    expect(config.temporalUiUrl).toBe('http://localhost:8080');
    expect(config.temporalCodecCorsOrigins).toEqual(['http://localhost:8080']);
  });

  it('gives the worker, the migration and the search-attribute job what their entry points require', () => {
    const compose = loadCompose();
    const worker = loadConfig(environment(service(compose, 'worker')));
    expect(worker.databaseUrl).toBeDefined();
    expect(worker.temporalAddress).toBe('temporal:7233');
    expect(worker.temporalMetricsAddress).toBe('0.0.0.0:9464');
    // The api reads the worker's exporter, on the port the worker binds.
    expect(loadConfig(environment(service(compose, 'api'))).temporalMetricsAddress).toBe(`worker:${worker.temporalMetricsAddress?.split(':')[1]}`);
    expect(loadConfig(environment(service(compose, 'migrate'))).databaseUrl).toBeDefined();
    expect(loadConfig(environment(service(compose, 'temporal-setup'))).temporalAddress).toBe('temporal:7233');
  });

  it('passes the api environment through the same validation as the application, so a short secret is refused', () => {
    const env = environment(service(loadCompose({ AUTH_LOCAL_SECRET: 'too-short' }), 'api'));
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });

  it('refuses to start without AUTH_LOCAL_SECRET rather than falling back to a known secret', () => {
    expect(() => loadCompose({})).toThrow(/AUTH_LOCAL_SECRET/);
  });

  it('takes the authentication mode and every OIDC setting from the environment', () => {
    const api = environment(service(loadCompose(), 'api'));
    expect(api.AUTH_MODE).toBe('local');
    const oidcVariables = Object.keys(configVariables).filter((name) => name.startsWith('AUTH_OIDC_') || name === 'AUTH_MAX_TOKEN_LIFETIME_SECONDS');
    for (const name of oidcVariables) expect(composeSource, name).toContain(`${name}: \${${name}:-}`);
    const invalid = environment(service(loadCompose({ ...requiredHostEnv, AUTH_MODE: 'oidc' }), 'api'));
    expect(() => loadConfig(invalid)).toThrow(/AUTH_OIDC_ISSUER is required/);
  });

  // With the defaults and with every overridable value changed, the containers must still agree.
  describe.each<[string, Record<string, string | undefined>]>([
    ['the defaults', requiredHostEnv],
    ['overridden values', { ...requiredHostEnv, POSTGRES_PASSWORD: 's3cret', TEMPORAL_NAMESPACE: 'caleol', TEMPORAL_TASK_QUEUE: 'caleol-test', LOG_LEVEL: 'debug' }],
  ])('with %s', (_label, hostEnv) => {
    it('points every application container and Temporal at the compose PostgreSQL server with its credentials', () => {
      const compose = loadCompose(hostEnv);
      const postgres = environment(service(compose, 'postgres'));
      const temporal = environment(service(compose, 'temporal'));
      for (const name of ['api', 'worker', 'migrate']) {
        const url = new URL(environment(service(compose, name)).DATABASE_URL ?? '');
        expect({ host: url.hostname, port: url.port, user: url.username, password: decodeURIComponent(url.password), database: url.pathname.slice(1) }, name).toEqual({
          host: 'postgres',
          port: '5432',
          user: postgres.POSTGRES_USER,
          password: postgres.POSTGRES_PASSWORD,
          database: postgres.POSTGRES_DB,
        });
      }
      expect(postgres.POSTGRES_DB).toBe('caleol');
      // Temporal keeps its own databases on the same server, with the same credentials.
      expect({ seeds: temporal.POSTGRES_SEEDS, port: temporal.DB_PORT, user: temporal.POSTGRES_USER, password: temporal.POSTGRES_PWD }).toEqual({
        seeds: 'postgres',
        port: '5432',
        user: postgres.POSTGRES_USER,
        password: postgres.POSTGRES_PASSWORD,
      });
      const schema = service(compose, 'temporal-schema');
      expect(environment(schema).SQL_PASSWORD).toBe(postgres.POSTGRES_PASSWORD);
      expect(script(schema)).toContain(`--ep ${temporal.POSTGRES_SEEDS} -p ${temporal.DB_PORT} -u ${postgres.POSTGRES_USER} `);
    });

    it('uses one Temporal namespace and task queue across the namespace job, the setup job, the worker and the api', () => {
      const compose = loadCompose(hostEnv);
      const namespace = hostEnv.TEMPORAL_NAMESPACE ?? 'default';
      const register = script(service(compose, 'temporal-namespace'));
      expect(register).toContain(`temporal operator namespace describe --namespace "${namespace}"`);
      expect(register).toContain(`temporal operator namespace create --namespace "${namespace}"`);
      expect(register).toContain('temporal operator cluster health');
      for (const name of ['temporal-setup', 'worker', 'api']) {
        expect(loadConfig(environment(service(compose, name))).temporalNamespace, name).toBe(namespace);
      }
      const worker = loadConfig(environment(service(compose, 'worker')));
      const api = loadConfig(environment(service(compose, 'api')));
      expect(api.taskQueue).toBe(worker.taskQueue);
      expect(worker.taskQueue).toBe(hostEnv.TEMPORAL_TASK_QUEUE ?? 'caleol-sessions');
      expect(worker.logLevel).toBe(hostEnv.LOG_LEVEL ?? 'info');
    });
  });
});

describe('the keycloak profile', () => {
  const compose = loadCompose(requiredHostEnv, ['keycloak']);
  const keycloak = service(compose, 'keycloak');
  const kc = environment(keycloak);
  const readmeEnv = keycloakEnvFromReadme();
  const client = realm.clients.find((c) => c.clientId === readmeEnv.AUTH_OIDC_CLIENT_ID);

  it('starts Keycloak in development mode importing the repository\'s realm', () => {
    expect(argv(keycloak.command)).toEqual(['start-dev', '--import-realm']);
    expect(keycloak.volumes).toContain('./deploy/keycloak/caleol-realm.json:/opt/keycloak/data/import/caleol-realm.json:ro');
    expect(existsSync(realmPath)).toBe(true);
    expect(readdirSync(join(root, 'deploy/keycloak')).filter((f) => f.endsWith('.json'))).toEqual(['caleol-realm.json']);
  });

  it('answers on one address for the browser and for the containers, so its tokens have one issuer', () => {
    const hostname = new URL(kc.KC_HOSTNAME ?? '');
    expect(hostname.hostname).toMatch(/\.localhost$/);
    // Inside the network the name is an alias of the container, which listens on the published port.
    const networks = keycloak.networks as Record<string, { aliases?: string[] }>;
    expect(networks.default?.aliases).toContain(hostname.hostname);
    expect(kc.KC_HTTP_PORT).toBe(hostname.port);
    expect(ports(keycloak)[0]).toEqual({ hostIp: '127.0.0.1', published: Number(hostname.port), target: Number(hostname.port) });
    expect(readmeEnv.AUTH_OIDC_ISSUER).toBe(`${hostname.origin}/realms/${realm.realm}`);
  });

  it('gives the api, with the values deploy/README.md lists, a configuration the application accepts', () => {
    const config = loadConfig(environment(service(loadCompose({ ...requiredHostEnv, ...readmeEnv }, ['keycloak']), 'api')));
    expect(config.auth).toEqual({
      mode: 'oidc', issuer: readmeEnv.AUTH_OIDC_ISSUER, audience: readmeEnv.AUTH_OIDC_AUDIENCE, jwksUrl: undefined, rolesClaim: 'roles',
      client: { id: 'caleol-web', secret: client?.secret, scopes: 'openid profile email' },
    });
    expect(Object.keys(readmeEnv).filter((name) => !(name in configVariables))).toEqual([]);
  });

  it('registers the web application as a confidential client of the code flow with PKCE, returning to the api\'s /auth/callback', () => {
    expect(client).toBeDefined();
    expect(client?.publicClient).toBe(false);
    expect(client?.secret).toBe(readmeEnv.AUTH_OIDC_CLIENT_SECRET);
    expect(client?.standardFlowEnabled).toBe(true);
    expect(client?.implicitFlowEnabled).toBe(false);
    expect(client?.attributes['pkce.code.challenge.method']).toBe('S256');
    const publicUrl = environment(service(compose, 'api')).PUBLIC_URL ?? '';
    expect(client?.redirectUris).toEqual([`${publicUrl}/auth/callback`]);
  });

  it('puts in the tokens the claims the api reads: audience, roles, committees', () => {
    const mapper = (kind: string) => client?.protocolMappers.find((m) => m.protocolMapper === kind)?.config;
    expect(mapper('oidc-audience-mapper')).toMatchObject({ 'included.custom.audience': readmeEnv.AUTH_OIDC_AUDIENCE, 'access.token.claim': 'true' });
    expect(mapper('oidc-usermodel-realm-role-mapper')).toMatchObject({ 'claim.name': 'roles', multivalued: 'true', 'access.token.claim': 'true', 'id.token.claim': 'true' });
    expect(mapper('oidc-usermodel-attribute-mapper')).toMatchObject({ 'user.attribute': 'committees', 'claim.name': 'committees', multivalued: 'true', 'access.token.claim': 'true' });
    // Keycloak keeps only the user attributes its user profile declares.
    const profile = JSON.parse(realm.components['org.keycloak.userprofile.UserProfileProvider']?.[0]?.config['kc.user.profile.config']?.[0] ?? '{}') as { attributes: Array<{ name: string; multivalued: boolean; permissions: { edit: string[] } }> };
    expect(profile.attributes.map((a) => a.name)).toEqual(['username', 'email', 'firstName', 'lastName', 'committees']);
    expect(profile.attributes.find((a) => a.name === 'committees')).toMatchObject({ multivalued: true, permissions: { edit: ['admin'] } });
    // The api keeps the token as the browser's session: it must live less than the api allows.
    expect(realm.accessTokenLifespan).toBeLessThanOrEqual(loadConfig({ AUTH_MODE: 'oidc', AUTH_OIDC_ISSUER: 'https://idp.example', AUTH_OIDC_AUDIENCE: 'x' }).auth.maxLifetimeSeconds ?? 86400);
  });

  it('has demo users for every role, with verified e-mails, and staff scoped to every committee', () => {
    expect(realm.roles.realm.map((r) => r.name).sort()).toEqual([...apiRoles].sort());
    for (const role of apiRoles) expect(realm.users.some((u) => u.realmRoles.includes(role)), role).toBe(true);
    for (const user of realm.users) {
      expect(user.enabled && user.emailVerified, user.username).toBe(true);
      expect(user.firstName && user.lastName && user.email, user.username).toBeTruthy();
      expect(user.credentials[0]?.temporary, user.username).toBe(false);
      const staff = user.realmRoles.some((r) => staffRoles.includes(r as (typeof staffRoles)[number]));
      expect(user.attributes?.committees, user.username).toEqual(staff ? ['*'] : undefined);
    }
    expect(deployReadme).toContain(realm.users[0]?.credentials[0]?.value ?? 'no password');
  });

  describe('a token as Keycloak issues it for a demo user', () => {
    let jwks: { server: Server; port: number };
    let privateKey: CryptoKey;
    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      privateKey = pair.privateKey;
      const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'demo', alg: 'RS256', use: 'sig' };
      jwks = await listen((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })));
    });
    afterAll(async () => {
      await new Promise((resolve) => jwks.server.close(resolve));
    });

    /** The access token's claims that the realm's mappers and Keycloak's default scopes (profile, email) make. */
    async function accessToken(user: RealmUser): Promise<string> {
      return new SignJWT({
        typ: 'Bearer', azp: client?.clientId, email: user.email, email_verified: user.emailVerified, name: `${user.firstName} ${user.lastName}`,
        preferred_username: user.username, roles: [...user.realmRoles, 'offline_access'], ...(user.attributes?.committees ? { committees: user.attributes.committees } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'demo', typ: 'JWT' })
        .setIssuer(readmeEnv.AUTH_OIDC_ISSUER ?? '')
        .setAudience([readmeEnv.AUTH_OIDC_AUDIENCE ?? '', 'account'])
        .setSubject(crypto.randomUUID())
        .setIssuedAt()
        .setExpirationTime(`${realm.accessTokenLifespan}s`)
        .sign(privateKey);
    }

    it('is accepted by the api\'s OIDC verifier with the roles, committees, e-mail and name the api needs', async () => {
      const config = loadConfig({ ...readmeEnv, AUTH_OIDC_JWKS_URL: `http://127.0.0.1:${jwks.port}/certs` });
      if (config.auth.mode !== 'oidc') throw new Error('oidc expected');
      const verifier = oidcTokenVerifier(config.auth);
      for (const user of realm.users) {
        const principal = await verifier.verify(await accessToken(user));
        expect(principal.roles.sort(), user.username).toEqual([...user.realmRoles].sort());
        expect(principal.committees, user.username).toEqual(user.attributes?.committees ?? []);
        expect(principal.email, user.username).toBe(user.email);
        expect(principal.name, user.username).toBe(`${user.firstName} ${user.lastName}`);
      }
    });
  });
});

describe('Dockerfile', () => {
  const instructions = dockerfileInstructions(readFileSync(dockerfilePath, 'utf8'));
  const last = (keyword: string) => instructions.filter((i) => i.keyword === keyword).at(-1);

  it('runs entry points that exist in the repository, by default the api', () => {
    const cmd = last('CMD');
    expect(cmd).toBeDefined();
    const commandLine = [...execForm(last('ENTRYPOINT')?.args ?? '[]'), ...execForm(cmd?.args ?? '[]')];
    expect(scriptsIn(commandLine)).toEqual(['bin/api.ts']);
    for (const script of scriptsIn(commandLine)) expect(existsSync(join(root, script)), script).toBe(true);
  });

  it('is the image whose compose commands name existing scripts, run by node with tsx', () => {
    const compose = loadCompose();
    const expected: Record<string, string> = { api: 'bin/api.ts', worker: 'bin/worker.ts', migrate: 'bin/migrate.ts', 'temporal-setup': 'bin/register-search-attributes.ts' };
    for (const name of appServices) {
      const commandLine = argv(service(compose, name).command);
      expect(commandLine, name).toEqual(['node', '--import', 'tsx', expected[name]]);
      expect(existsSync(join(root, expected[name] ?? '')), expected[name]).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    // The image installs production dependencies only: what runs the scripts must be among them.
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(expect.arrayContaining(['tsx', 'prisma', '@prisma/client']));
  });

  it('builds from pinned Node images of a supported LTS (22 or later, even major)', () => {
    const images = baseImages(instructions);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image).toMatch(/^node:/);
      const tag = imageTag(image) ?? '';
      expect(tag, image).toMatch(/^\d+\.\d+\.\d+-[a-z]+(-slim)?$/);
      const major = Number(tag.split('.')[0]);
      expect(major >= 22 && major % 2 === 0, `${image} is an LTS line from 22 on`).toBe(true);
    }
  });

  it('generates the Prisma client offline and runs as the unprivileged node user in production mode', () => {
    const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((run) => /npm ci\b/.test(run))).toBe(true);
    expect(runs.some((run) => /PRISMA_SCHEMA_ENGINE_BINARY=\S+ npx prisma generate/.test(run))).toBe(true);
    expect(last('USER')?.args).toBe('node');
    expect(instructions.some((i) => i.keyword === 'ENV' && /\bNODE_ENV=production\b/.test(i.args))).toBe(true);
    expect(instructions.some((i) => i.keyword === 'ENV' && /\bHOST=0\.0\.0\.0\b/.test(i.args))).toBe(true);
  });

  it('bundles the workflows once at build, with the repository\'s command, for the worker and the API to load', () => {
    const bundling = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args.match(/^node --import tsx (bin\/bundle-workflows\.ts) --out (\S+)$/)).find(Boolean);
    expect(bundling, 'RUN node --import tsx bin/bundle-workflows.ts --out <file>').toBeTruthy();
    expect(existsSync(join(root, bundling![1]!))).toBe(true);
    expect(instructions.some((i) => i.keyword === 'ENV' && i.args === `WORKFLOW_BUNDLE_PATH=${bundling![2]}`)).toBe(true);
  });

  it('keeps the host dependencies, generated client and secrets out of the build context but not the sources', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'generated', '.env']));
    for (const source of ['bin', 'api', 'activities', 'workflows', 'prisma', 'package.json', 'package-lock.json', 'prisma.config.ts', 'tsconfig.json']) {
      expect(ignored, source).not.toContain(source);
    }
  });
});

describe('the Helm chart', () => {
  const chart = join(root, 'deploy/helm/caleol');
  const templates = readdirSync(join(chart, 'templates')).filter((f) => f.endsWith('.yaml') || f.endsWith('.tpl'));
  const source = templates.map((f) => readFileSync(join(chart, 'templates', f), 'utf8')).join('\n');

  it('sets only variables the application reads', () => {
    // Env entries (`name: X`, also inside `{ name: X, ... }`) and ConfigMap keys (`X: {{ ... }}`).
    const names = new Set([
      ...[...source.matchAll(/\bname:\s*([A-Z][A-Z0-9_]+)\b/g)].map((m) => m[1] ?? ''),
      ...[...source.matchAll(/^\s*([A-Z][A-Z0-9_]+):\s/gm)].map((m) => m[1] ?? ''),
      ...[...source.matchAll(/list ((?:"[A-Z][A-Z0-9_]+"\s*)+)/g)].flatMap((m) => (m[1] ?? '').match(/[A-Z][A-Z0-9_]+/g) ?? []),
    ]);
    for (const name of ['HOST', 'PORT', 'TEMPORAL_METRICS_ADDRESS', 'DATABASE_URL', 'ZOOM_CLIENT_SECRET', 'AUTH_OIDC_ISSUER']) expect(names, name).toContain(name);
    const unknown = [...names].filter((name) => !(name in configVariables) && !documentedExtras.has(name));
    expect(unknown).toEqual([]);
    expect(names.size).toBeGreaterThan(10);
  });

  it('runs the image\'s commands, as compose does', () => {
    for (const script of ['bin/api.ts', 'bin/worker.ts']) expect(source, script).toContain(`["node", "--import", "tsx", "${script}"]`);
    // The hook Jobs, from one template.
    expect(source).toContain('command: ["node", "--import", "tsx", "{{ $job.script }}"]');
    for (const script of ['bin/migrate.ts', 'bin/register-search-attributes.ts']) expect(source, script).toContain(`"script" "${script}"`);
  });
});

// --- the Dockerfile, as instructions ---

interface Instruction { keyword: string; args: string }

function dockerfileInstructions(source: string): Instruction[] {
  const joined = source.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n').replace(/\\\n/g, ' ');
  return joined.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const space = line.search(/\s/);
    return { keyword: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
  });
}

/** The exec form (`["node", "..."]`) of CMD/ENTRYPOINT, or the shell form split on spaces. */
function execForm(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
}

function baseImages(instructions: Instruction[]): string[] {
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const images: string[] = [];
  for (const { keyword, args: rest } of instructions) {
    if (keyword === 'ARG') {
      const [name, value] = rest.split('=');
      if (name && value !== undefined) args.set(name, value);
    }
    if (keyword === 'FROM') {
      const [reference = '', as, stage] = rest.replace(/--platform=\S+\s+/, '').split(/\s+/);
      const resolved = reference.replace(/\$\{?(\w+)\}?/g, (_, name: string) => args.get(name) ?? '');
      if (!stages.has(resolved)) images.push(resolved);
      if (as?.toUpperCase() === 'AS' && stage) stages.add(stage);
    }
  }
  return images;
}

/** Files named on a command line (`bin/api.ts`), relative to the image's working directory. */
function scriptsIn(commandLine: string[]): string[] {
  return commandLine.filter((arg) => /^[\w./-]+\.(ts|js|mjs|cjs)$/.test(arg));
}
