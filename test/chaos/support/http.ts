// HTTP as a real client does it over a flaky system: a request that failed (no connection, a
// timeout, a 5xx, or "still being processed") is sent again with the same Idempotency-Key until
// it is acknowledged or a bound is reached.
import { delay } from './processes.ts';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Delivered<T = any> extends Answer<T> {
  acknowledged: boolean;
  attempts: number;
  /** What each failed attempt got: a status and problem code, or the network error. */
  failures: string[];
  elapsedMs: number;
}

export class HttpClient {
  /** Every failed attempt of `post` so far, as in `Delivered.failures`: what a fault made clients see. */
  readonly failuresSeen: string[] = [];

  constructor(readonly base: string) {}

  /** One request, no retry. */
  async call<T = any>(method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<Answer<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: kept as text.
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /**
   * POST with an Idempotency-Key, retried with the same key on a network error, a timeout, a
   * 5xx or a 409 idempotency_key_in_progress, until answered otherwise or `boundMs` elapsed.
   */
  async post<T = any>(path: string, token: string, body: unknown, key: string, options: { boundMs?: number; requestTimeoutMs?: number } = {}): Promise<Delivered<T>> {
    const started = Date.now();
    const deadline = started + (options.boundMs ?? 180_000);
    const failures: string[] = [];
    let attempts = 0;
    for (;;) {
      attempts++;
      let retryAfterMs = Math.min(2_000, 100 * 2 ** Math.min(attempts - 1, 5)) * (0.5 + Math.random() / 2);
      try {
        const answer = await this.call<T>('POST', path, token, body ?? {}, { 'idempotency-key': key }, options.requestTimeoutMs ?? 30_000);
        const code = (answer.body as { code?: string } | undefined)?.code;
        const retryable = answer.status >= 500 || (answer.status === 409 && code === 'idempotency_key_in_progress');
        if (!retryable) return { ...answer, acknowledged: answer.status >= 200 && answer.status < 300, attempts, failures, elapsedMs: Date.now() - started };
        failures.push(`${answer.status}${code ? ` ${code}` : ''}`);
        this.failuresSeen.push(failures.at(-1)!);
        const retryAfter = Number(answer.headers.get('retry-after'));
        if (retryAfter > 0) retryAfterMs = retryAfter * 1_000;
      } catch (error) {
        failures.push(describeError(error));
        this.failuresSeen.push(failures.at(-1)!);
      }
      if (Date.now() + retryAfterMs > deadline) {
        return { status: 0, body: undefined as T, headers: new Headers(), acknowledged: false, attempts, failures, elapsedMs: Date.now() - started };
      }
      await delay(retryAfterMs);
    }
  }

  /** GET, retried like `post` until a 200. */
  async get<T = any>(path: string, token: string, boundMs = 120_000): Promise<T> {
    const deadline = Date.now() + boundMs;
    let last = '';
    for (;;) {
      try {
        const answer = await this.call<T>('GET', path, token);
        if (answer.status === 200) return answer.body;
        last = `${answer.status} ${JSON.stringify(answer.body)}`;
      } catch (error) {
        last = describeError(error);
      }
      if (Date.now() > deadline) throw new Error(`GET ${path} not answered within ${boundMs} ms: ${last}`);
      await delay(250);
    }
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? error.name;
}
