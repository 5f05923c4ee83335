// Child processes the chaos tests start, kill and restart: the worker, the API and the Temporal
// dev server. Their output is kept (the last lines) and shown when something goes wrong.
import { spawn, type ChildProcess } from 'node:child_process';

const keptLines = 400;
const children = new Set<ChildProcess>();

// Whatever happens to the test process, no child outlives it.
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

export class ChildService {
  readonly lines: string[] = [];
  /** Exits that nobody asked for, with their code or signal. */
  readonly unexpectedExits: string[] = [];
  #child: ChildProcess | undefined;
  #expectingExit = false;
  #generation = 0;

  constructor(readonly name: string, private readonly command: string, private readonly args: string[], private readonly env: NodeJS.ProcessEnv, private readonly cwd?: string) {}

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  get running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Starts the process; `ready` resolves once it is usable. */
  async start(ready: (service: ChildService) => Promise<void>): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const generation = ++this.#generation;
    this.#expectingExit = false;
    const child = spawn(this.command, this.args, { env: this.env, cwd: this.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    children.add(child);
    this.#log(`--- ${this.name} #${generation} started (pid ${child.pid})`);
    const take = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.#log(line);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.once('exit', (code, signal) => {
      children.delete(child);
      const how = signal ? `signal ${signal}` : `code ${code}`;
      this.#log(`--- ${this.name} #${generation} exited (${how})`);
      if (!this.#expectingExit && generation === this.#generation) this.unexpectedExits.push(`${this.name} #${generation}: ${how}`);
    });
    await ready(this);
  }

  /** Kills the process with `signal` and waits for it to be gone. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    this.#expectingExit = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await withTimeout(exited, 30_000, `${this.name} did not exit on ${signal}`).catch(async (error: unknown) => {
      child.kill('SIGKILL');
      await exited;
      throw error;
    });
  }

  /** Stops gracefully (SIGTERM), killing after a bound. */
  async stop(): Promise<void> {
    await this.kill('SIGTERM').catch(() => undefined);
  }

  /** Resolves when a line of output matches `pattern` (seen since the current start). */
  async waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    const startedMarker = `--- ${this.name} #${this.#generation} started`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const since = this.lines.findLastIndex((l) => l.startsWith(startedMarker));
      const found = this.lines.slice(since).find((l) => pattern.test(l));
      if (found) return found;
      if (!this.running) throw new Error(`${this.name} exited before printing ${pattern}:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.tail()}`);
      await delay(50);
    }
  }

  tail(count = 60): string {
    return this.lines.slice(-count).join('\n');
  }

  #log(line: string): void {
    this.lines.push(`${new Date().toISOString()} ${line}`);
    if (this.lines.length > keptLines) this.lines.splice(0, this.lines.length - keptLines);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `read` until `accept` holds, at most `timeoutMs`; fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} not met within ${timeoutMs} ms; last value: ${JSON.stringify(last, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}${lastError ? `; last error: ${String(lastError)}` : ''}`);
    }
    await delay(100);
  }
}
