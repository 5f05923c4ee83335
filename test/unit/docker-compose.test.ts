// docker-compose.yml and the Dockerfile, checked without Docker: the stack's shape, start order,
// pinned images, and that each container's environment is one the application accepts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
}

interface ComposeFile {
  services: Record<string, Service>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const composeSource = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const dockerfilePath = join(root, 'Dockerfile');

/** Variables compose would take from the shell or .env; only what has no default is needed. */
const requiredHostEnv = { AUTH_LOCAL_SECRET: 'a-local-trial-secret-of-40-characters-xx' };

const appServices = ['api', 'worker', 'migrate', 'temporal-setup'];
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

/** The compose file as `docker compose` sees it with the given shell variables (merge keys on, as compose does). */
function loadCompose(hostEnv: Record<string, string | undefined> = requiredHostEnv): ComposeFile {
  return interpolateAll(parse(composeSource, { merge: true }), hostEnv) as ComposeFile;
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

/** `name:tag` of an image reference, ignoring a registry port and a digest. */
function imageTag(reference: string): string | undefined {
  const withoutDigest = reference.split('@')[0] ?? '';
  const lastPart = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  return colon < 0 ? undefined : lastPart.slice(colon + 1);
}

/** A release number (major.minor at least), optionally with a variant suffix such as -bookworm-slim. */
const exactTag = /^v?\d+\.\d+(\.\d+)?(-[a-z0-9][a-z0-9.-]*)?$/;

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

describe('docker-compose.yml', () => {
  it('defines the database, Temporal, its UI, the two setup jobs, the worker and the api', () => {
    expect(Object.keys(loadCompose().services).sort()).toEqual(['api', 'migrate', 'postgres', 'temporal', 'temporal-setup', 'temporal-ui', 'worker']);
  });

  it('pins every pulled image to a release tag, never latest or an implicit tag', () => {
    const compose = loadCompose();
    const pulled = Object.entries(compose.services).filter(([, svc]) => svc.build === undefined);
    expect(pulled.map(([name]) => name).sort()).toEqual(['postgres', 'temporal', 'temporal-ui']);
    for (const [name, svc] of pulled) {
      const tag = imageTag(svc.image ?? '');
      expect(tag, `${name}: ${svc.image ?? 'no image'}`).toMatch(exactTag);
    }
    expect(service(compose, 'postgres').image).toMatch(/^postgres:15\./);
    expect(service(compose, 'temporal').image).toMatch(/^temporalio\/auto-setup:/);
    expect(service(compose, 'temporal-ui').image).toMatch(/^temporalio\/ui:/);
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

  it('publishes the api on 3000, Temporal on 7233 and its UI on 8080, and keeps PostgreSQL internal', () => {
    const compose = loadCompose();
    const published = (name: string) => ports(service(compose, name)).map(({ published: p, target }) => `${p}:${target}`);
    expect(published('api')).toEqual(['3000:3000']);
    expect(published('temporal')).toEqual(['7233:7233']);
    expect(published('temporal-ui')).toEqual(['8080:8080']);
    expect(ports(service(compose, 'postgres'))).toEqual([]);
    expect(environment(service(compose, 'api')).PORT).toBe('3000');
  });

  it('exposes the UI, which has no login, on the loopback interface only', () => {
    const [ui] = ports(service(loadCompose(), 'temporal-ui'));
    expect(ui?.hostIp).toBe('127.0.0.1');
  });

  it('health-checks postgres over TCP, temporal through its CLI, and the api on /health of its own port', () => {
    const compose = loadCompose();
    const test = (name: string) => {
      const check = service(compose, name).healthcheck;
      expect(check?.disable, name).not.toBe(true);
      const command = argv(check?.test);
      expect(['CMD', 'CMD-SHELL'], name).toContain(command[0]);
      return command.slice(1).join(' ');
    };
    expect(test('postgres')).toMatch(/^pg_isready .*-h 127\.0\.0\.1/);
    expect(test('temporal')).toMatch(/^temporal operator .*--address temporal:7233/);
    const api = test('api');
    expect(api).toContain(`http://127.0.0.1:${environment(service(compose, 'api')).PORT}/health`);
    expect(api).toMatch(/^node -e /);
  });

  it('starts each service only once what it needs is healthy or has finished', () => {
    const compose = loadCompose();
    const order = Object.fromEntries(Object.keys(compose.services).map((name) => [name, dependencies(service(compose, name))]));
    expect(order).toEqual({
      postgres: {},
      temporal: { postgres: 'service_healthy' },
      'temporal-ui': { temporal: 'service_healthy' },
      'temporal-setup': { temporal: 'service_healthy' },
      migrate: { postgres: 'service_healthy' },
      worker: { migrate: 'service_completed_successfully', 'temporal-setup': 'service_completed_successfully', temporal: 'service_healthy' },
      // The api starts workflows with the search attributes temporal-setup registers.
      api: { migrate: 'service_completed_successfully', 'temporal-setup': 'service_completed_successfully', temporal: 'service_healthy' },
    });
  });

  it('waits on health only for services that have a health check, and never restarts the one-shot jobs', () => {
    const compose = loadCompose();
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const [dependency, condition] of Object.entries(dependencies(svc))) {
        if (condition === 'service_healthy') expect(service(compose, dependency).healthcheck?.test, `${name} waits for ${dependency} to be healthy`).toBeDefined();
      }
    }
    expect(service(compose, 'migrate').restart).toBe('no');
    expect(service(compose, 'temporal-setup').restart).toBe('no');
    expect(service(compose, 'api').restart).toBe('unless-stopped');
    expect(service(compose, 'worker').restart).toBe('unless-stopped');
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
  });

  it('gives the worker, the migration and the search-attribute job what their entry points require', () => {
    const compose = loadCompose();
    const worker = loadConfig(environment(service(compose, 'worker')));
    expect(worker.databaseUrl).toBeDefined();
    expect(worker.temporalAddress).toBe('temporal:7233');
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

  // With the defaults and with every overridable value changed, the containers must still agree.
  describe.each<[string, Record<string, string | undefined>]>([
    ['the defaults', requiredHostEnv],
    ['overridden values', { ...requiredHostEnv, POSTGRES_PASSWORD: 's3cret', TEMPORAL_NAMESPACE: 'caleol', TEMPORAL_TASK_QUEUE: 'caleol-test', LOG_LEVEL: 'debug' }],
  ])('with %s', (_label, hostEnv) => {
    it('points every application container at the compose PostgreSQL database with its credentials', () => {
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
      expect({ seeds: temporal.POSTGRES_SEEDS, user: temporal.POSTGRES_USER, password: temporal.POSTGRES_PWD }).toEqual({
        seeds: 'postgres',
        user: postgres.POSTGRES_USER,
        password: postgres.POSTGRES_PASSWORD,
      });
    });

    it('uses one Temporal namespace and task queue across Temporal, its health check, the setup job, the worker and the api', () => {
      const compose = loadCompose(hostEnv);
      const namespace = environment(service(compose, 'temporal')).DEFAULT_NAMESPACE;
      expect(namespace).toBe(hostEnv.TEMPORAL_NAMESPACE ?? 'default');
      const healthcheck = argv(service(compose, 'temporal').healthcheck?.test);
      expect(healthcheck[healthcheck.indexOf('--namespace') + 1]).toBe(namespace);
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

  it('builds from pinned Node images of the version the project supports', () => {
    const images = baseImages(instructions);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image).toMatch(/^node:/);
      const tag = imageTag(image) ?? '';
      expect(tag, image).toMatch(exactTag);
      const [major = 0, minor = 0] = tag.split(/[.-]/).map(Number);
      expect(major > 20 || (major === 20 && minor >= 19), `${image} satisfies engines.node >=20.19`).toBe(true);
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

  it('keeps the host dependencies, generated client and secrets out of the build context but not the sources', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'generated', '.env']));
    for (const source of ['bin', 'api', 'activities', 'workflows', 'prisma', 'package.json', 'package-lock.json', 'prisma.config.ts', 'tsconfig.json']) {
      expect(ignored, source).not.toContain(source);
    }
  });
});
