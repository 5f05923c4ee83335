// Rate limits on what a stolen token or a runaway script could repeat: casting votes, signing
// minutes and registering signer keys, ops actions, replays and exports, the Zoom webhook (by
// client IP, it has no token) and every other write (POST, PUT, PATCH, DELETE) at a generous level,
// each route declaring its class on its config (`rateClass`). Counted per route class and per token subject (else client IP) in this process's memory, after authentication
// and before validation and Idempotency-Key (a refused request reserves no key). A request over
// the limit is answered 429 problem+json with Retry-After. Reads, /health, /ready and /metrics
// are never limited.
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { App, RateClass } from '../context.ts';
import { ProblemError } from '../problems.ts';

export interface RateLimitSettings {
  /** Votes per window and per subject; the other classes scale from it (see `share` below). */
  max: number;
  windowMs: number;
}

/**
 * A committee votes once per member and item: 600 votes a minute per token (one every 100 ms)
 * leaves a long agenda or a benchmark far below it, and stops a loop in seconds. The secretary's
 * token drives every session of a deployment: its writes get five times that.
 */
export const defaultRateLimit: RateLimitSettings = { max: 600, windowMs: 60_000 };

interface RouteClass {
  name: Exclude<RateClass, 'none'>;
  /** Share of `max` this class allows per window. */
  share: number;
  /** Who is counted: the token's subject, or the client's address for the unauthenticated webhook. */
  by: 'subject' | 'ip';
}

const classes: Record<Exclude<RateClass, 'none'>, RouteClass> = {
  vote: { name: 'vote', share: 1, by: 'subject' },
  signing: { name: 'signing', share: 0.1, by: 'subject' },
  ops: { name: 'ops', share: 0.1, by: 'subject' },
  audit: { name: 'audit', share: 0.1, by: 'subject' },
  webhook: { name: 'webhook', share: 5, by: 'ip' },
  write: { name: 'write', share: 5, by: 'subject' },
};
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The limit class a route declares (`config.rateClass`), else `write` for writes; undefined: not limited. */
export function rateLimitClass(method: string, declared: RateClass | undefined): RouteClass | undefined {
  if (declared === 'none') return undefined;
  if (declared) return classes[declared];
  return writeMethods.has(method.toUpperCase()) ? classes.write : undefined;
}

const limitOf = (settings: RateLimitSettings, routeClass: RouteClass) => Math.max(1, Math.floor(settings.max * routeClass.share));
const classOf = (request: FastifyRequest) => rateLimitClass(request.method, request.routeOptions.config.rateClass);

export async function registerRateLimits(app: App, settings: RateLimitSettings | false | undefined): Promise<void> {
  if (settings === false) return;
  const limits = settings ?? defaultRateLimit;

  // Each limited route documents its 429 (the route's own schema object is replaced, not shared ones).
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = route.schema as { response?: Record<string | number, unknown> } | undefined;
    const declared = (route.config as { rateClass?: RateClass } | undefined)?.rateClass;
    if (!schema?.response || !methods.some((method) => rateLimitClass(method, declared))) return;
    route.schema = { ...schema, response: { ...schema.response, 429: { $ref: 'Problem#' } } };
  });

  await app.register(rateLimit, {
    global: true,
    // After the bearer token is verified (onRequest), before validation and Idempotency-Key.
    hook: 'preValidation',
    timeWindow: limits.windowMs,
    max: (request) => {
      const routeClass = classOf(request);
      return routeClass ? limitOf(limits, routeClass) : Number.MAX_SAFE_INTEGER;
    },
    keyGenerator: (request) => {
      const routeClass = classOf(request);
      if (!routeClass) return 'unlimited';
      const subject = routeClass.by === 'subject' ? request.principal?.subject : undefined;
      return `${routeClass.name}:${subject !== undefined ? `sub:${subject}` : `ip:${request.ip}`}`;
    },
    allowList: (request) => classOf(request) === undefined,
    errorResponseBuilder: (_request, context) => new ProblemError({
      status: 429,
      code: 'rate_limited',
      title: 'Too many requests',
      detail: `at most ${context.max} such requests per ${Math.round(limits.windowMs / 1000)} s; retry in ${context.after}`,
    }),
  });
}
