// Injected faults of the emulator (zoom-api.md §7.5, project-defined): rules matched on the
// request, each firing a number of times, and the presets the contract names. Bodies and
// headers follow Zoom's shapes (§1.4, §3) so the client under test sees what Zoom would send.

export interface FaultAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FaultRule {
  /** Method and path glob (`*` = one path segment, `**` = anything); default: every `/v2/` call. */
  match?: { method?: string; path?: string };
  /** How many matching requests it affects; default 1 (Infinity for all). */
  times?: number;
  /** Answer this instead of the real handler (computed at request time). */
  respond?: FaultAnswer | ((now: number) => FaultAnswer);
  /** Answer late (after this delay, then normally unless `respond` is set). */
  delayMs?: number;
  /** Close the socket without an answer. */
  dropConnection?: boolean;
  /** Treat the presented token as expired: 401 {"code":124,"message":"Access token is expired."}. */
  expireToken?: boolean;
}

/** The simple fault controls of `setFaults()`. */
export interface SimpleFaults {
  /** The next `count` API calls get 429 with this Retry-After (Zoom sends a date; `seconds` is the HTTP alternative). */
  rateLimit?: { count: number; retryAfterSeconds: number; format?: 'http-date' | 'seconds'; kind?: 'qps' | 'daily' };
  /** The next `count` API calls get this 5xx (default 500). */
  serverError?: { count: number; status?: number };
  /** Every token issued so far is expired now (the next call with it gets 401/124). */
  expireTokens?: boolean;
}

export type FaultPreset =
  | 'rate_limit_qps'
  | 'rate_limit_daily'
  | 'server_error_500'
  | 'token_expired'
  | 'missing_scope'
  | 'slow_response'
  | 'drop_connection'
  | 'oauth_invalid_client';

export const QPS_MESSAGE = 'You have reached the maximum per-second rate limit for this API. Try again later.';
export const DAILY_MESSAGE = 'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.';

/** A rule with its remaining count. */
export interface ActiveFault {
  rule: FaultRule;
  remaining: number;
}

export function matches(rule: FaultRule, method: string, path: string): boolean {
  const match = rule.match ?? {};
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  return globToRegExp(match.path ?? '/v2/**').test(path);
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** IMF-fixdate (RFC 7231), Zoom's Retry-After form. Truncated to the second. */
export function imfFixdate(ms: number): string {
  return new Date(ms).toUTCString();
}

export function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

export function rateLimitAnswer(now: number, options: { retryAfterSeconds?: number; format?: 'http-date' | 'seconds'; kind?: 'qps' | 'daily' } = {}): FaultAnswer {
  const daily = options.kind === 'daily';
  const retryAt = daily ? nextUtcMidnight(now) : now + (options.retryAfterSeconds ?? 1) * 1000;
  const retryAfter = options.format === 'seconds' ? String(Math.ceil((retryAt - now) / 1000)) : imfFixdate(retryAt);
  return {
    status: 429,
    headers: {
      'Retry-After': retryAfter,
      'X-RateLimit-Type': daily ? 'Daily-limit' : 'QPS',
      'X-RateLimit-Category': 'Medium',
      'X-RateLimit-Limit': daily ? '2000' : '20',
      'X-RateLimit-Remaining': '0',
    },
    body: { code: 429, message: daily ? DAILY_MESSAGE : QPS_MESSAGE },
  };
}

export function serverErrorAnswer(status = 500): FaultAnswer {
  return { status, body: { code: status, message: 'Internal server error.' } };
}

export function simpleFaultRules(faults: SimpleFaults): FaultRule[] {
  const rules: FaultRule[] = [];
  const { rateLimit, serverError } = faults;
  if (rateLimit && rateLimit.count > 0) {
    rules.push({ times: rateLimit.count, respond: (now) => rateLimitAnswer(now, rateLimit) });
  }
  if (serverError && serverError.count > 0) {
    rules.push({ times: serverError.count, respond: serverErrorAnswer(serverError.status) });
  }
  return rules;
}

export interface PresetRequest {
  preset: FaultPreset;
  times?: number;
  match?: FaultRule['match'];
  delayMs?: number;
  retryAfterSeconds?: number;
  scope?: string;
}

export function presetRule(request: PresetRequest): FaultRule {
  const base = { times: request.times ?? 1, ...(request.match ? { match: request.match } : {}) };
  switch (request.preset) {
    case 'rate_limit_qps':
      return { ...base, respond: (now) => rateLimitAnswer(now, { retryAfterSeconds: request.retryAfterSeconds ?? 1 }) };
    case 'rate_limit_daily':
      return { ...base, respond: (now) => rateLimitAnswer(now, { kind: 'daily' }) };
    case 'server_error_500':
      return { ...base, respond: serverErrorAnswer(500) };
    case 'token_expired':
      return { ...base, expireToken: true };
    case 'missing_scope':
      return {
        ...base,
        respond: { status: 400, body: { code: 4711, message: `Invalid access token, does not contain scopes:[${request.scope ?? 'meeting:write:meeting:admin'}].` } },
      };
    case 'slow_response':
      return { ...base, delayMs: request.delayMs ?? 5000 };
    case 'drop_connection':
      return { ...base, dropConnection: true };
    case 'oauth_invalid_client':
      return {
        ...base,
        match: request.match ?? { method: 'POST', path: '/oauth/token' },
        respond: { status: 400, body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } },
      };
  }
}
