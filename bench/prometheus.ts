// Prometheus text scraped before and after a phase: what happened in between, by histogram.

export type Scrape = Map<string, number>;

export async function scrape(url: string): Promise<Scrape | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return undefined;
    return parsePrometheus(await response.text());
  } catch {
    return undefined;
  }
}

/** `name{labels} value` lines; the key is the series as written (name and labels). */
export function parsePrometheus(text: string): Scrape {
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('#')) continue;
    const match = /^(\S+?(?:\{.*\})?)\s+(\S+)(?:\s+\d+)?$/.exec(line);
    if (match) series.set(match[1]!, Number(match[2]));
  }
  return series;
}

export interface HistogramDelta {
  count: number;
  /** Mean of what was observed between the two scrapes, in the histogram's own unit. */
  mean: number;
}

/** Sum and count added between two scrapes to the series of histogram `name` whose labels contain every `labels` pair. */
export function histogramDelta(before: Scrape | undefined, after: Scrape | undefined, name: string, labels: Record<string, string> = {}): HistogramDelta | undefined {
  if (!after) return undefined;
  const matches = (key: string) => Object.entries(labels).every(([label, value]) => key.includes(`${label}="${value}"`));
  const total = (suffix: string) => {
    let sum = 0;
    for (const [key, value] of after) {
      if ((key === `${name}${suffix}` || key.startsWith(`${name}${suffix}{`)) && matches(key)) sum += value - (before?.get(key) ?? 0);
    }
    return sum;
  };
  const count = total('_count');
  if (count === 0) return undefined;
  return { count, mean: total('_sum') / count };
}

/** Every histogram that moved between the two scrapes, by name, with its mean. */
export function movedHistograms(before: Scrape | undefined, after: Scrape | undefined, filter: (name: string) => boolean = () => true): Record<string, HistogramDelta> {
  const names = new Set<string>();
  for (const key of after?.keys() ?? []) {
    const match = /^([^{]+)_count(?:\{|$)/.exec(key);
    if (match && filter(match[1]!)) names.add(match[1]!);
  }
  const moved: Record<string, HistogramDelta> = {};
  for (const name of [...names].sort()) {
    const delta = histogramDelta(before, after, name);
    if (delta) moved[name] = { count: delta.count, mean: Math.round(delta.mean * 1000) / 1000 };
  }
  return moved;
}

/** Counters (and gauges) that changed between two scrapes, summed over their labels. */
export function movedCounters(before: Scrape | undefined, after: Scrape | undefined, filter: (name: string) => boolean): Record<string, number> {
  const moved: Record<string, number> = {};
  for (const [key, value] of after ?? []) {
    const name = key.replace(/\{.*$/, '');
    if (/_(bucket|sum|count)$/.test(name) || !filter(name)) continue;
    moved[name] = (moved[name] ?? 0) + value - (before?.get(key) ?? 0);
  }
  for (const name of Object.keys(moved)) if (moved[name] === 0) delete moved[name];
  return moved;
}
