// What routes and plugins share: the app's type, the dependencies routes get, and the policy a
// route declares on its `config` (who may call it without a token, its rate class, how retried
// copies of it are handled, what it counts), read by the plugins rather than keyed by URL.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Principal } from './auth.ts';
import type { ServiceDeps } from './services/deps.ts';

/** The rate classes of plugins/rate-limits.ts; a write route without one is in `write`. */
export type RateClass = 'vote' | 'signing' | 'ops' | 'audit' | 'webhook' | 'write' | 'none';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal | undefined;
    /** `recordAfter`: nothing reserved, the answer is recorded once sent (plugins/idempotency.ts). */
    idempotency?: { key: string; hash: string; recordAfter?: boolean } | undefined;
  }
  interface FastifyContextConfig {
    /** Needs no bearer token (/health, /ready, /metrics, the signed Zoom webhook). */
    public?: boolean;
    /** Which limit counts this route; by default writes are `write` and reads are not limited. */
    rateClass?: RateClass;
    /** The route's only effect is a Temporal update whose id derives from the Idempotency-Key. */
    appliedOnceByUpdateId?: boolean;
    /** Each 200 answer counts one vote in caleol_votes_cast_total. */
    countsVote?: boolean;
  }
}

export type App = FastifyInstance<any, any, any, FastifyBaseLogger, TypeBoxTypeProvider>;

/** What routes are built with: the use cases' dependencies. */
export type RouteContext = ServiceDeps;

/** Route config of a write whose only effect is a keyed session update (plugins/idempotency.ts). */
export const updateOnly = { appliedOnceByUpdateId: true } as const;
