// The bench's command line.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  sessions: number;
  items: number;
  voters: number;
  concurrency: number;
  /** Vote-phase requests per second, sent open loop; none: closed loop at `concurrency`. */
  rate: number | undefined;
  committees: number;
  json: string | undefined;
  idempotencyKeys: boolean;
  probeVotes: number;
  baselineUpdates: number;
  baselineSequential: number;
  baselineConcurrency: number;
  keep: boolean;
  /** Where the worker and the API write V8 CPU profiles (`node --cpu-prof`); none: not profiled. */
  cpuProfileDir: string | undefined;
  /** Worker processes on the one task queue. */
  workers: number;
  /** API processes; the bench's requests go to each in turn, as a load balancer would send them. */
  apis: number;
  /** Open loop only: each step of the saturation searches is held this long (0: no floor search). */
  saturationSeconds: number;
  /** Open loop only: the first offered rate of both saturation searches (default: `rate`). */
  saturationFrom: number | undefined;
  /** Open loop only: at most this many vote phases after the first, from `saturationFrom` up by half each, on items of their own. */
  voteSaturationSteps: number;
  /** The dev server keeps its state in this SQLite file instead of memory. */
  temporalDbFile: string | undefined;
  /** Dynamic configuration the dev server takes at start, `key=value` each. */
  temporalConfig: string[];
}

export const usage = `npm run bench -- [options]

  --sessions <n>             concurrent sessions (default 20)
  --items <n>                agenda items (dwellings, three candidates each) per session (default 5)
  --voters <n>               voting members per session, 1 to 9 (default 9)
  --concurrency <n>          HTTP requests in flight at most (default 64)
  --rate <n>                 open loop: the vote phase sends n requests a second (opens, votes, closes, in the
                             order the sessions make them) whatever the answers, up to 4,096 in flight; the
                             setup stays at --concurrency (default: closed loop, --concurrency in flight)
  --committees <n>           committees the sessions are spread over (default: one per session)
  --idempotency-keys <y|n>   votes carry an Idempotency-Key header, as a client that retries would (default y)
  --probe-votes <n>          the isolated probe, one request at a time on an idle system: n GET /health, n votes
                             with an Idempotency-Key and n without (default 200)
  --baseline-updates <n>     Temporal updates of the concurrent baseline (default 2000)
  --baseline-sequential <n>  Temporal updates of the one-at-a-time baseline (default 300)
  --baseline-concurrency <n> updates in flight in the concurrent baseline (default: the vote phase's, min(concurrency, sessions × voters))
  --workers <n>              worker processes polling the one task queue (default 1)
  --apis <n>                 API processes, the requests spread over them in turn (default 1)
  --saturation-seconds <n>   with --rate: search the fair floor's saturation throughput, each offered rate held n
                             seconds, from --saturation-from up by half each step (default 0: no search)
  --saturation-from <n>      the first offered rate of both saturation searches (default: --rate)
  --vote-saturation-steps <n> with --rate and --saturation-seconds: the votes' saturation throughput, up to n more
                             vote phases from --saturation-from up by half each step, each held about
                             --saturation-seconds on an item of its own (set up with the rest) of as many sessions as
                             that takes, until one is not sustained (default 0)
  --temporal-db <file>       the dev server persists to this SQLite file (default: in memory; TEMPORAL_ADDRESS: unused)
  --temporal-config <k=v>    a dynamic configuration setting of the dev server, given at its start (repeatable),
                             e.g. history.cacheMaxSize=4096 (TEMPORAL_ADDRESS: refused, configure that server)
  --json <file>              write the results as JSON
  --keep                     keep the working folder (bundles, child logs)
  --cpu-prof <dir>           profile the worker and the API (node --cpu-prof): a .cpuprofile per process and thread
                             in <dir>, written when they stop; open them in Chrome DevTools or speedscope
  --help

Environment: DATABASE_URL (an admin URL: the bench creates and drops its own database; unset:
embedded PostgreSQL), TEMPORAL_ADDRESS (an existing Temporal; unset: a dev server in memory),
TEMPORAL_CLI_PATH (the temporal binary of the dev server).`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      sessions: { type: 'string' },
      items: { type: 'string' },
      voters: { type: 'string' },
      concurrency: { type: 'string' },
      rate: { type: 'string' },
      committees: { type: 'string' },
      json: { type: 'string' },
      'idempotency-keys': { type: 'string' },
      'probe-votes': { type: 'string' },
      'baseline-updates': { type: 'string' },
      'baseline-sequential': { type: 'string' },
      'baseline-concurrency': { type: 'string' },
      keep: { type: 'boolean' },
      'cpu-prof': { type: 'string' },
      workers: { type: 'string' },
      apis: { type: 'string' },
      'saturation-seconds': { type: 'string' },
      'saturation-from': { type: 'string' },
      'vote-saturation-steps': { type: 'string' },
      'temporal-db': { type: 'string' },
      'temporal-config': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const integer = (name: keyof typeof values, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${String(raw)}"`);
    return value;
  };
  const sessions = integer('sessions', 20, 1);
  const voters = integer('voters', 9, 1, 9);
  const concurrency = integer('concurrency', 64, 1, 10_000);
  const keys = values['idempotency-keys'] ?? 'y';
  for (const name of ['vote-saturation-steps', 'saturation-seconds', 'saturation-from'] as const) {
    if (values[name] !== undefined && values.rate === undefined) throw new UsageError(`--${name} needs --rate (an open loop)`);
  }
  if (values['vote-saturation-steps'] !== undefined && values['saturation-seconds'] === undefined) throw new UsageError('--vote-saturation-steps needs --saturation-seconds (how long each offered rate is held)');
  const temporalConfig = values['temporal-config'] ?? [];
  for (const setting of temporalConfig) {
    if (!/^[A-Za-z][\w.]*=\S+$/.test(setting)) throw new UsageError(`--temporal-config must be key=value (a dynamic configuration key of the server), got "${setting}"`);
  }
  if (temporalConfig.length > 0 && process.env.TEMPORAL_ADDRESS) throw new UsageError('--temporal-config configures the dev server the bench starts; with TEMPORAL_ADDRESS, configure that server instead');
  if (!['y', 'yes', 'n', 'no'].includes(keys)) throw new UsageError(`--idempotency-keys must be y or n, got "${keys}"`);
  return {
    sessions,
    items: integer('items', 5, 1, 150),
    voters,
    concurrency,
    rate: values.rate === undefined ? undefined : integer('rate', 0, 1, 100_000),
    committees: integer('committees', sessions, 1, sessions),
    json: values.json,
    idempotencyKeys: keys.startsWith('y'),
    probeVotes: integer('probe-votes', 200, 0, 900),
    baselineUpdates: integer('baseline-updates', 2000, 0),
    baselineSequential: integer('baseline-sequential', 300, 0, 1500),
    baselineConcurrency: integer('baseline-concurrency', Math.min(concurrency, sessions * voters), 1, 10_000),
    keep: values.keep ?? false,
    cpuProfileDir: values['cpu-prof'],
    workers: integer('workers', 1, 1, 8),
    apis: integer('apis', 1, 1, 8),
    saturationSeconds: integer('saturation-seconds', 0, 0, 600),
    saturationFrom: values['saturation-from'] === undefined ? undefined : integer('saturation-from', 0, 1, 100_000),
    voteSaturationSteps: integer('vote-saturation-steps', 0, 0, 6),
    temporalDbFile: values['temporal-db'],
    temporalConfig,
  };
}
