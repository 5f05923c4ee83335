// What a process tree costs, read from /proc (Linux): resident memory and CPU time.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children = new Set<number>();
  for (const task of tasks) {
    for (const child of (read(`/proc/${pid}/task/${task}/children`) ?? '').split(/\s+/).filter(Boolean)) children.add(Number(child));
  }
  return [...children];
}

/** The process and all its descendants. */
export function processTree(pid: number): number[] {
  const all: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (read(`/proc/${next}/stat`) === undefined) continue;
    all.push(next);
    queue.push(...childrenOf(next));
  }
  return all;
}

/** VmRSS in kB; 0 for a process that is gone. */
export function rssKb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(read(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) : 0;
}

/** User + system CPU seconds of one process; 0 for a process that is gone. */
export function cpuSeconds(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // Fields after the command (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export function commandOf(pid: number): string {
  return (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean).join(' ');
}

export interface TreeSample {
  rssMb: number;
  /** The root process alone. */
  mainRssMb: number;
  cpuSeconds: number;
  processes: number;
}

export function sampleTree(roots: readonly number[], withDescendants = true): TreeSample {
  let rss = 0;
  let mainRss = 0;
  let cpu = 0;
  let processes = 0;
  for (const root of roots) {
    for (const pid of withDescendants ? processTree(root) : [root]) {
      const kb = rssKb(pid);
      rss += kb;
      if (pid === root) mainRss += kb;
      cpu += cpuSeconds(pid);
      processes++;
    }
  }
  return { rssMb: rss / 1024, mainRssMb: mainRss / 1024, cpuSeconds: cpu, processes };
}

/**
 * Peak resident memory and CPU time of named process trees, phase by phase. Sampled on a
 * timer: a peak between two samples can be missed, so the interval is short.
 */
export class ResourceSampler {
  private readonly roots = new Map<string, { roots: () => number[]; withDescendants: boolean }>();
  private phase = 'startup';
  private readonly peaks = new Map<string, Map<string, { rssMb: number; mainRssMb: number }>>();
  private readonly cpuAtPhaseStart = new Map<string, number>();
  private readonly cpuByPhase = new Map<string, Map<string, number>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly last = new Map<string, TreeSample>();

  /** `roots` is asked each time: a tree's root may be known only later. */
  track(name: string, roots: () => number[], withDescendants = true): void {
    this.roots.set(name, { roots, withDescendants });
  }

  private sampleOf(name: string): TreeSample {
    const tracked = this.roots.get(name);
    return tracked ? sampleTree(tracked.roots(), tracked.withDescendants) : { rssMb: 0, mainRssMb: 0, cpuSeconds: 0, processes: 0 };
  }

  /** CPU seconds used so far by each tracked tree. */
  cpuNow(): Map<string, number> {
    return new Map([...this.roots.keys()].map((name) => [name, this.sampleOf(name).cpuSeconds]));
  }

  start(intervalMs = 200): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Ends the current phase (its CPU time is recorded) and starts the next. */
  enterPhase(phase: string): void {
    this.closePhase();
    this.phase = phase;
    for (const name of this.roots.keys()) this.cpuAtPhaseStart.set(name, this.sampleOf(name).cpuSeconds);
    this.sample();
  }

  stop(): void {
    this.sample();
    this.closePhase();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private closePhase(): void {
    if (this.cpuAtPhaseStart.size === 0) return;
    const used = new Map<string, number>();
    for (const name of this.roots.keys()) used.set(name, this.sampleOf(name).cpuSeconds - (this.cpuAtPhaseStart.get(name) ?? 0));
    this.cpuByPhase.set(this.phase, used);
    this.cpuAtPhaseStart.clear();
  }

  private sample(): void {
    let phasePeaks = this.peaks.get(this.phase);
    if (!phasePeaks) this.peaks.set(this.phase, (phasePeaks = new Map()));
    for (const name of this.roots.keys()) {
      const sample = this.sampleOf(name);
      if (sample.processes === 0) continue;
      this.last.set(name, sample);
      const peak = phasePeaks.get(name);
      phasePeaks.set(name, { rssMb: Math.max(peak?.rssMb ?? 0, sample.rssMb), mainRssMb: Math.max(peak?.mainRssMb ?? 0, sample.mainRssMb) });
    }
  }

  /** Peak RSS of `name`'s tree during `phase` (MB), or undefined when never sampled. */
  peak(name: string, phase: string): { rssMb: number; mainRssMb: number } | undefined {
    return this.peaks.get(phase)?.get(name);
  }

  /** The last sample of `name`'s tree. */
  latest(name: string): TreeSample | undefined {
    return this.last.get(name);
  }

  cpu(name: string, phase: string): number | undefined {
    return this.cpuByPhase.get(phase)?.get(name);
  }

  phases(): string[] {
    return [...this.peaks.keys()];
  }
}
