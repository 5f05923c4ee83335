// `npm start` as a user runs it: embedded PostgreSQL and Temporal under a data folder. Stopped in
// the middle of a session and started again, the session goes on from where it was. Started the
// second time with an OTLP endpoint (tracing turned on under a running session, which replays with
// the same workflow code), a vote makes one trace from the API to the database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCommitteeId, demoMembers } from '../../prisma/seed.ts';
import { eventually } from '../support/harness.ts';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.ts';
import { freePort } from '../support/ports.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'caleol-start-'));
const ports = { api: await freePort(), postgres: await freePort(), temporal: await freePort(), smtp: await freePort(), sdkMetrics: await freePort() };
const base = `http://127.0.0.1:${ports.api}`;
let child: ChildProcess | undefined;
let otlp: OtlpReceiver;
/** Everything the processes wrote, stdout and stderr. */
const output: string[] = [];

function start(extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(ports.api), EMBEDDED_POSTGRES_PORT: String(ports.postgres), EMBEDDED_TEMPORAL_PORT: String(ports.temporal), EMBEDDED_SMTP_PORT: String(ports.smtp), TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${ports.sdkMetrics}`, LOG_LEVEL: 'warn', ...extraEnv };
  delete env.SMTP_URL;
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  delete env.AUTH_LOCAL_SECRET;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bin/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  proc.stderr?.on('data', (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    process.stderr.write(chunk);
  });
  return proc;
}

async function stop(proc: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  proc.kill('SIGINT');
  return exited;
}

async function ready(): Promise<void> {
  await eventually(async () => {
    try {
      return (await fetch(`${base}/ready`)).status;
    } catch {
      return 0;
    }
  }, (status) => status === 200, 120_000);
}

afterAll(async () => {
  if (child && child.exitCode === null) await stop(child);
  // After the process: it sends its last spans as it stops.
  await otlp?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('keeps a session in progress across a stop and a start', { timeout: 300_000 }, async () => {
    child = start();
    await ready();
    const tokens = JSON.parse(await readFile(join(dataDir, 'dev-tokens.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(tokens)).toEqual(expect.arrayContaining(['secretary', 'chair', 'auditor', 'ops', ...demoMembers.map((m) => m.name)]));
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const secretary = tokens.secretary!;

    // As the README walks through it: the demo rules need no notice; the sitting opens at its convened time.
    // Ten members convened one after another, each e-mail with its PDF: time enough before the sitting.
    const convenedAt = Math.ceil(Date.now() / 1000) * 1000 + 15_000;
    const scheduled = await call('POST', `/committees/${demoCommitteeId}/sessions`, secretary, { scheduledStart: new Date(convenedAt).toISOString() });
    expect(scheduled.status).toBe(201);
    const sessionId = scheduled.body.id as string;
    const item = await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, {
      dwelling: { reference: 'RESTART-1', address: '3 place du Marché', commune: 'Villeneuve', type: 'T2', surfaceM2: 45, rentCents: 39_000, financing: 'PLAI' },
      candidates: [1, 2, 3].map((rank) => ({ applicationNumber: `RESTART-${rank}`, householdSummary: 'Ménage', rank })),
    });
    expect(item.status).toBe(201);
    expect((await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary)).body).toEqual({ phase: 'convened' });
    // The embedded mail catcher receives the convocations: every member is convened.
    await eventually(async () => (await call('GET', `/sessions/${sessionId}`, secretary)).body, (s) => Object.values(s.convocations as Record<string, { status: string }>).every((c) => c.status === 'convened'), 20_000);
    const sitting = await eventually(() => call('POST', `/sessions/${sessionId}/open`, secretary), (res) => res.status === 200, 20_000);
    expect(Date.now()).toBeGreaterThanOrEqual(convenedAt);
    expect(sitting.body).toEqual({ phase: 'open' });
    expect((await readdir(join(dataDir, 'outbox'))).filter((f) => f.endsWith('.eml')).length).toBeGreaterThanOrEqual(demoMembers.length);
    for (const m of demoMembers.slice(0, 5)) {
      expect((await call('POST', `/sessions/${sessionId}/attendance`, secretary, { memberId: m.id, present: true })).status).toBe(200);
    }
    const before = await call('GET', `/sessions/${sessionId}`, secretary);
    expect(before.body.phase).toBe('deliberating');

    expect(await stop(child)).toBe(0);
    otlp = await startOtlpReceiver();
    output.length = 0;
    child = start({ LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '200' });
    await ready();
    // The tokens stay valid: the signing secret is kept in the data folder.
    const after = await call('GET', `/sessions/${sessionId}`, secretary);
    // What the restarted processes logged, should the session not answer.
    expect(after.status, `${JSON.stringify(after.body)}\n${output.join('').slice(-20_000)}`).toBe(200);
    expect(after.body.phase).toBe('deliberating');
    expect(after.body.quorum).toEqual(before.body.quorum);
    expect(after.body.agenda).toEqual(before.body.agenda);

    // …and goes on: a vote opens, is cast and closes.
    const [first, second, third] = (after.body.agenda[0].candidates as Array<{ applicationId: string }>).map((c) => c.applicationId);
    const opened = await call('POST', `/sessions/${sessionId}/agenda-items/${item.body.id}/vote/open`, secretary, {
      proposal: [
        { applicationId: first, type: 'attribution' },
        { applicationId: second, type: 'ranked_attribution', rank: 2 },
        { applicationId: third, type: 'ranked_attribution', rank: 3 },
      ],
    });
    expect(opened.status).toBe(200);
    const chairVote = await call('POST', `/sessions/${sessionId}/agenda-items/${item.body.id}/votes`, tokens.chair!, { choice: 'for' });
    expect(chairVote.body).toEqual({ counts: { for: 1, against: 0, abstain: 0 } });
    const closed = await call('POST', `/sessions/${sessionId}/agenda-items/${item.body.id}/vote/close`, secretary);
    expect(closed.body).toMatchObject({ outcome: 'adopted' });
    // The committee was seeded once, not twice.
    expect((await call('GET', '/committees', secretary)).body).toHaveLength(1);

    // The live /metrics, ours and the Temporal SDK's, as Prometheus' own linter reads it.
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^temporal_request_total\b/m);
    expect(metrics).toMatch(/^temporal_workflow_task_execution_latency_seconds_bucket\b/m);
    const lint = spawnSync('promtool', ['check', 'metrics'], { input: metrics, encoding: 'utf8' });
    expect(lint.error, 'promtool (Debian: apt-get install prometheus) runs').toBeUndefined();
    expect({ status: lint.status, problems: `${lint.stdout}${lint.stderr}` }).toEqual({ status: 0, problems: '' });

    // The chair's vote as one trace: the API's request and its database query, the Temporal update
    // from the client to the workflow, and the activity that stored its step (in a batch with the
    // vote's opening: the activity's own span is linked, its queries under the batch's first request).
    const route = '/sessions/:id/agenda-items/:itemId/votes';
    const complete = (spans: ReceivedSpan[]) => ['StartWorkflowUpdate:castVote', 'store session steps', 'prisma:client:operation'].every((name) => spans.some((s) => s.name === name));
    const voteTrace = await eventually(async () => {
      const request = otlp.spans.find((s) => s.attributes['http.route'] === route && s.attributes['http.request.method'] === 'POST');
      return request ? otlp.spans.filter((s) => s.traceId === request.traceId) : [];
    }, complete, 30_000).catch(() => {
      throw new Error(`no complete trace of the vote among: ${[...new Set(otlp.spans.map((s) => s.name))].join(', ')}`);
    });
    expect(new Set(voteTrace.map((s) => s.service))).toEqual(new Set(['caleol']));
    // One tree: every span's parent is in the trace, but the request's own.
    const ids = new Set(voteTrace.map((s) => s.spanId));
    expect(voteTrace.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId)).map((s) => s.attributes['http.route'] ?? s.name)).toEqual([route]);
    const stored = voteTrace.find((s) => s.name === 'store session steps')!;
    expect(stored.attributes['caleol.session_id']).toBe(sessionId);
    const activity = otlp.spans.find((s) => s.spanId === stored.links[0]?.spanId);
    expect(activity?.name).toBe('RunActivity:recordSessionEvents');

    // The second run's logs: JSON lines only, with their service, the request and session ids and
    // the trace id; no token, no task token, no member's name or address, no household summary.
    const lines = output.join('').split('\n').filter((line) => line.trim() !== '');
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return { unparsed: line };
      }
    });
    // Ours name their service; the others are the embedded Temporal dev server's own: its banner
    // once at start, and its JSON lines at level ERROR (pino's levels are numbers, the server's words).
    const devServer = (l: Record<string, unknown>) => ('unparsed' in l && /^Temporal (CLI|Server|Persistence|UI|Metrics)\b/.test(String(l.unparsed)))
      || (typeof l.level === 'string' && typeof l.time === 'string' && !('service' in l));
    expect(parsed.filter((l) => typeof l.service !== 'string' && !devServer(l))).toEqual([]);
    const voteRequest = parsed.find((l) => (l.req as { url?: string } | undefined)?.url?.endsWith('/votes'));
    expect(voteRequest?.reqId).toEqual(expect.any(String));
    const voteCompleted = parsed.find((l) => l.reqId === voteRequest!.reqId && l.msg === 'request completed');
    expect(voteCompleted).toMatchObject({ sessionId, traceId: voteTrace[0]!.traceId });
    const forbidden = [
      ...Object.values(tokens), 'taskToken', 'Bearer', 'authorization',
      ...demoMembers.flatMap((m) => [m.name, m.email]), 'Ménage',
    ];
    const text = lines.join('\n');
    expect(forbidden.filter((word) => text.includes(word))).toEqual([]);
  });
});
