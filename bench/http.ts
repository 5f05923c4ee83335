// A small HTTP client for the API: keep-alive connections, JSON bodies, and the time from
// sending the request to the end of the answer.
import { Agent, request } from 'node:http';

export interface HttpAnswer {
  /** 0 when no answer came (connection refused or reset, timeout). */
  status: number;
  body: unknown;
  ms: number;
  error?: string;
}

export class ApiClient {
  private readonly agent: Agent;
  private readonly urls: URL[];
  private next = 0;

  /** With several addresses (API processes), each request goes to the next, as a load balancer sends them. */
  constructor(baseUrls: string | readonly string[], maxSockets: number, private readonly timeoutMs = 120_000) {
    this.urls = (typeof baseUrls === 'string' ? [baseUrls] : baseUrls).map((u) => new URL(u));
    this.agent = new Agent({ keepAlive: true, maxSockets: maxSockets * this.urls.length, maxFreeSockets: maxSockets * this.urls.length });
  }

  call(method: 'GET' | 'POST', path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const url = this.urls[this.next++ % this.urls.length]!;
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve) => {
      const started = performance.now();
      let settled = false;
      const done = (answer: Omit<HttpAnswer, 'ms'>) => {
        if (settled) return;
        settled = true;
        resolve({ ...answer, ms: performance.now() - started });
      };
      const req = request({
        agent: this.agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...headers,
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => done({ status: 0, body: undefined, error: error.message }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text.length > 0) {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          done({ status: res.statusCode ?? 0, body: parsed });
        });
      });
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (error) => done({ status: 0, body: undefined, error: error.message }));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** What to say about a refused or failed request: status, code, rule and detail of a problem. */
export function describeFailure(answer: HttpAnswer): string {
  if (answer.status === 0) return `no answer: ${answer.error ?? 'unknown error'}`;
  const problem = answer.body as { code?: string; rule?: string; detail?: string; message?: string } | string | undefined;
  if (typeof problem === 'string') return `${answer.status} ${problem.slice(0, 200)}`;
  return `${answer.status} ${[problem?.code, problem?.rule, problem?.detail ?? problem?.message].filter(Boolean).join(' ')}`.slice(0, 300);
}
