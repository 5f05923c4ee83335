// deploy/prometheus and deploy/grafana, checked without a Prometheus or a Grafana: the rules and
// the scrape configuration as promtool reads them, the rules' own unit tests, the dashboard's
// panels and queries, and that every metric they name is one this project (or the Temporal SDK,
// named as bin/wiring.ts asks) exposes.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const prometheusDir = join(root, 'deploy/prometheus');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The caleol_* metrics the API and the worker define, with their type: the README's table. */
const caleolMetrics: Record<string, 'counter' | 'gauge' | 'histogram'> = {
  caleol_http_request_duration_seconds: 'histogram',
  caleol_votes_cast_total: 'counter',
  caleol_sessions: 'gauge',
  caleol_decisions: 'gauge',
  caleol_stuck_sessions: 'gauge',
  caleol_convocations_failed: 'gauge',
  caleol_offers_awaiting_answer: 'gauge',
  caleol_offers_deadline_due: 'gauge',
  caleol_offers_past_deadline: 'gauge',
  caleol_activity_attempts_total: 'counter',
  caleol_activity_failures_total: 'counter',
};
const metricSources = ['api/plugins/metrics.ts', 'activities/metrics.ts'];

/**
 * The Temporal SDK metrics the rules and the dashboard may name, as its Core exporter serves them
 * with Prometheus naming (counters end in _total, durations in seconds).
 */
const temporalMetrics: Record<string, 'counter' | 'gauge' | 'histogram'> = {
  temporal_num_pollers: 'gauge',
  temporal_worker_task_slots_available: 'gauge',
  temporal_worker_task_slots_used: 'gauge',
  temporal_sticky_cache_size: 'gauge',
  temporal_workflow_task_schedule_to_start_latency_seconds: 'histogram',
  temporal_workflow_task_execution_latency_seconds: 'histogram',
  temporal_activity_schedule_to_start_latency_seconds: 'histogram',
  temporal_activity_execution_latency_seconds: 'histogram',
  temporal_request_total: 'counter',
  temporal_request_failure_total: 'counter',
  temporal_request_latency_seconds: 'histogram',
  temporal_long_request_total: 'counter',
  temporal_long_request_failure_total: 'counter',
  temporal_activity_execution_failed_total: 'counter',
  temporal_workflow_failed_total: 'counter',
  temporal_workflow_completed_total: 'counter',
};

const histogramSeries = ['_bucket', '_sum', '_count'];

/** Whether a series name belongs to one of the metrics: the metric itself or a histogram's series. */
function known(name: string, metrics: Record<string, string>): boolean {
  if (metrics[name] && metrics[name] !== 'histogram') return true;
  const suffix = histogramSeries.find((s) => name.endsWith(s));
  return suffix !== undefined && metrics[name.slice(0, -suffix.length)] === 'histogram';
}

function namesIn(text: string, prefix: string): string[] {
  return [...new Set([...text.matchAll(new RegExp(`\\b${prefix}_[a-z0-9_]+`, 'g'))].map((m) => m[0]))].sort();
}

function expectPromtoolSuccess(result: SpawnSyncReturns<string>): void {
  expect(result.error, 'promtool (Debian: apt-get install prometheus) runs').toBeUndefined();
  expect({ status: result.status, output: `${result.stdout}${result.stderr}` }).toMatchObject({ status: 0 });
}

const promtool = (...args: string[]) => spawnSync('promtool', args, { cwd: prometheusDir, encoding: 'utf8' });

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RuleFile {
  groups: Array<{ name: string; rules: Rule[] }>;
}

interface Target {
  expr?: string;
  refId?: string;
  datasource?: { type?: string; uid?: string };
}
interface Panel {
  id: number;
  type: string;
  title?: string;
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  panels?: Panel[];
  gridPos: { h: number; w: number; x: number; y: number };
}
interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query?: string }> };
}

const alertsSource = read('deploy/prometheus/alerts.yml');
const alertsTestSource = read('deploy/prometheus/alerts.test.yml');
const rules = parse(alertsSource) as RuleFile;
const alerts = rules.groups.flatMap((g) => g.rules);
const config = parse(read('deploy/prometheus/prometheus.yml')) as { rule_files: string[]; scrape_configs: Array<{ job_name: string }> };
const dashboardSource = read('deploy/grafana/dashboard.json');
const dashboard = JSON.parse(dashboardSource) as Dashboard;
const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== 'row');
const dashboardExprs = panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ''));

describe('the Prometheus rules and configuration', () => {
  it('pass promtool check rules, check config and the rules\' unit tests', () => {
    expectPromtoolSuccess(promtool('check', 'rules', 'alerts.yml'));
    expectPromtoolSuccess(promtool('check', 'config', 'prometheus.yml'));
    expectPromtoolSuccess(promtool('test', 'rules', 'alerts.test.yml'));
    expect(config.rule_files).toEqual(['alerts.yml']);
  });

  it('give every alert a unique name, a severity, a summary, a description and a runbook', () => {
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((r) => r.alert)).size).toBe(alerts.length);
    for (const rule of alerts) {
      expect(rule.alert, JSON.stringify(rule)).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(['critical', 'warning'], rule.alert).toContain(rule.labels?.severity);
      for (const key of ['summary', 'description', 'runbook']) expect(rule.annotations?.[key]?.trim(), `${rule.alert}: ${key}`).toBeTruthy();
    }
  });

  it('alert on what issue 17 asks for', () => {
    const exprOf = (name: string) => alerts.find((r) => r.alert === name)?.expr ?? '';
    expect(exprOf('CaleolApiDown')).toContain('up{job="caleol-api"}');
    expect(exprOf('CaleolHighErrorRate')).toContain('status_code=~"5.."');
    expect(exprOf('CaleolVoteLatencyHigh')).toContain('route="/sessions/:id/agenda-items/:itemId/votes"');
    expect(exprOf('CaleolStuckSessions')).toContain('caleol_stuck_sessions');
    expect(alerts.find((r) => r.alert === 'CaleolStuckSessions')?.for).toBe('15m');
    expect(exprOf('CaleolConvocationsFailed')).toContain('caleol_convocations_failed');
    expect(exprOf('CaleolOffersPastDeadline')).toContain('caleol_offers_past_deadline');
    expect(exprOf('CaleolActivityFailureRatioHigh')).toMatch(/caleol_activity_failures_total[\s\S]*caleol_activity_attempts_total/);
    expect(exprOf('TemporalWorkflowTaskScheduleToStartHigh')).toContain('temporal_workflow_task_schedule_to_start_latency_seconds_bucket');
    expect(exprOf('TemporalRequestFailures')).toContain('temporal_request_failure_total');
    expect(exprOf('TemporalWorkerTaskSlotsExhausted')).toContain('temporal_worker_task_slots_available');
    expect(exprOf('TemporalWorkerNoPollers')).toContain('temporal_num_pollers');
  });

  it('select only jobs the scrape configuration defines and routes the API registers', () => {
    const jobs = config.scrape_configs.map((s) => s.job_name);
    for (const job of new Set([...alertsSource.matchAll(/job="([^"]+)"/g)].map((m) => m[1]!))) expect(jobs, job).toContain(job);
    const routeSources = readdirSync(join(root, 'api/routes')).filter((f) => f.endsWith('.ts')).map((f) => read(`api/routes/${f}`)).join('\n');
    const routes = new Set([...`${alertsSource}\n${dashboardSource}`.matchAll(/route=\\?"([^"\\]+)\\?"/g)].map((m) => m[1]!));
    expect(routes.size).toBeGreaterThan(0);
    for (const route of routes) expect(routeSources, route).toMatch(new RegExp(`app\\.(get|post|put|patch|delete)\\('${route.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'`));
  });
});

describe('the Grafana dashboard', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'dashboard-rules-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('has a title and a query on every panel, from the templated Prometheus data source', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.uid).toBeTruthy();
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: 'DS_PROMETHEUS', type: 'datasource', query: 'prometheus' }));
    expect(panels.length).toBeGreaterThan(0);
    expect(new Set(dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]).map((p) => p.id)).size).toBe(dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]).length);
    for (const panel of panels) {
      expect(panel.title?.trim(), `panel ${panel.id}`).toBeTruthy();
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${DS_PROMETHEUS}' });
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets!) {
        expect(target.expr?.trim(), `${panel.title} ${target.refId}`).toBeTruthy();
        expect(target.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${DS_PROMETHEUS}' });
      }
    }
  });

  it('lays its panels out without overlap', () => {
    const cells = new Map<string, string>();
    for (const panel of dashboard.panels) {
      const { h, w, x, y } = panel.gridPos;
      expect(x + w, panel.title).toBeLessThanOrEqual(24);
      for (let i = x; i < x + w; i++) {
        for (let j = y; j < y + h; j++) {
          expect(cells.get(`${i},${j}`), `${panel.title} overlaps`).toBeUndefined();
          cells.set(`${i},${j}`, panel.title ?? '');
        }
      }
    }
  });

  it('queries in valid PromQL (promtool reads them as recording rules)', () => {
    const asRules = {
      groups: [{
        name: 'dashboard',
        rules: dashboardExprs.map((expr, i) => ({ record: `dashboard:query_${i}`, expr: expr.replaceAll('$__rate_interval', '5m').replaceAll('$__interval', '1m') })),
      }],
    };
    const file = join(scratch, 'dashboard-rules.yml');
    writeFileSync(file, stringify(asRules));
    expectPromtoolSuccess(promtool('check', 'rules', file));
  });

  it('charts every caleol_* metric, and the panels issue 17 asks for', () => {
    const text = dashboardExprs.join('\n');
    for (const name of Object.keys(caleolMetrics)) expect(text, name).toContain(name);
    for (const name of ['temporal_workflow_task_schedule_to_start_latency_seconds_bucket', 'temporal_worker_task_slots_available', 'temporal_num_pollers']) expect(text).toContain(name);
  });
});

describe('the metrics named in deploy/', () => {
  const sources = metricSources.map((path) => read(path)).join('\n');
  // What Prometheus evaluates: the rules' expressions, the series their tests feed, the panels' queries.
  const testSeries = (parse(alertsTestSource) as { tests: Array<{ input_series?: Array<{ series: string }> }> }).tests.flatMap((t) => (t.input_series ?? []).map((i) => i.series));
  const queries = [...alerts.map((r) => r.expr), ...testSeries, ...dashboardExprs].join('\n');
  const everything = `${alertsSource}\n${alertsTestSource}\n${dashboardSource}`;
  const defined = new Map([...sources.matchAll(/new (Counter|Gauge|Histogram)\(\{\s*name: '([a-z0-9_]+)'/g)].map((m) => [m[2]!, m[1]!.toLowerCase()]));

  it('list exactly the caleol_* metrics the source defines, with their type', () => {
    expect(Object.fromEntries([...defined].sort())).toEqual(Object.fromEntries(Object.entries(caleolMetrics).sort()));
    for (const name of Object.keys(caleolMetrics)) expect(sources, name).toContain(`name: '${name}'`);
  });

  it('are caleol_* metrics this project exposes (a histogram by its _bucket, _sum and _count series)', () => {
    const queried = namesIn(queries, 'caleol');
    expect(queried.length).toBeGreaterThan(0);
    expect(queried.filter((name) => !known(name, caleolMetrics))).toEqual([]);
    // Prose (annotations, panel descriptions) may also name a histogram itself.
    expect(namesIn(everything, 'caleol').filter((name) => !known(name, caleolMetrics) && !caleolMetrics[name])).toEqual([]);
  });

  it('are temporal_* metrics the SDK exposes under the Prometheus naming the worker sets', () => {
    expect(read('bin/wiring.ts')).toMatch(/prometheusNaming = \{ countersTotalSuffix: true, unitSuffix: true, useSecondsForDurations: true \}/);
    const queried = namesIn(queries, 'temporal');
    expect(queried.length).toBeGreaterThan(0);
    expect(queried.filter((name) => !known(name, temporalMetrics))).toEqual([]);
    expect(namesIn(everything, 'temporal').filter((name) => !known(name, temporalMetrics) && !temporalMetrics[name])).toEqual([]);
  });
});
