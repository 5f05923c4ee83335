// One updating line on stderr while the bench runs (a line every ten seconds when stderr is
// not a terminal, so that a log stays readable).

export class Progress {
  private timer: NodeJS.Timeout | undefined;
  private readonly startedAt = performance.now();
  private lastPlainAt = 0;
  private lastLength = 0;
  private stopped = false;

  constructor(private readonly describe: () => string, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  start(): void {
    this.timer = setInterval(() => this.render(), this.stream.isTTY ? 250 : 1000);
    this.timer.unref();
  }

  /** A line that stays (a finished step), printed above the updating one. */
  note(line: string): void {
    if (this.stopped) return;
    this.clear();
    this.stream.write(`${line}\n`);
    this.render();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }

  private render(): void {
    const elapsed = ((performance.now() - this.startedAt) / 1000).toFixed(0).padStart(4);
    const line = `[${elapsed} s] ${this.describe()}`;
    if (this.stream.isTTY) {
      const width = this.stream.columns ?? 120;
      const shown = line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line;
      this.stream.write(`\r\x1b[2K${shown}`);
      this.lastLength = shown.length;
    } else if (performance.now() - this.lastPlainAt >= 10_000) {
      this.lastPlainAt = performance.now();
      this.stream.write(`${line}\n`);
    }
  }

  private clear(): void {
    if (this.stream.isTTY && this.lastLength > 0) this.stream.write('\r\x1b[2K');
    this.lastLength = 0;
  }
}
