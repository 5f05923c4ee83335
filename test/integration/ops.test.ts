// Ops on the running workflows, end to end on the dev server: a Zoom outage makes the
// convocation activity retry, ops sees it in /ops/stuck with Zoom's message, retries it once
// Zoom is back and sees the session convened; the actions are refused to other roles, need a
// reason, apply to running workflows only, and are recorded in the audit trail.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoomMeetings } from '../../activities/zoom/zoom-meetings.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { apiClient, expectStatus, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';
import { startZoomEmulator, type ZoomEmulator } from '../support/zoom-emulator.ts';

interface StuckEntry {
  workflowId: string;
  runId: string;
  temporalUiUrl?: string;
  sessionId: string | null;
  committeeId: string | null;
  phase: string | null;
  kind: string;
  since: string;
  detail: string;
  suggestedAction: { action: string | null; text: string };
  activity?: { activityType: string; attempt: number; lastFailure: string | null; nextAttemptAt: string | null };
}
interface StuckList { stuck: StuckEntry[]; examined: number }
interface WorkflowList {
  workflows: Array<{ workflowId: string; type: string; status: string; phase: string | null; committeeId: string | null; scheduledStart: string | null; lastProgressAt: string | null; startTime: string }>;
  counts: { sessionsByPhase: Record<string, number>; runningSessions: number; runningOffers: number };
}

const zoomOutage = 'Zoom is down for maintenance (ops test)';
let zoom: ZoomEmulator;
let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;
let ops: string;
let auditor: string;
let member: string;

beforeAll(async () => {
  zoom = await startZoomEmulator({ webhookSecretToken: 'ops-webhook-secret', accountId: 'acct-ops', clientId: 'client-ops', clientSecret: 'secret-ops', retryDelaysMs: [50, 100, 200] });
  h = await startHarness('ops', { zoom: zoomMeetings(zoom.clientSettings()), temporalUiUrl: 'http://temporal-ui.test:8233/' });
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@ops', roles: ['secretary'] });
  ops = await h.token({ subject: 'ops@ops', roles: ['ops'] });
  auditor = await h.token({ subject: 'auditor@ops', roles: ['auditor'] });
  member = await h.token({ subject: 'member@ops', roles: ['member'] });
});
afterAll(async () => {
  await h?.close();
  await zoom?.close();
});

/** A committee of its own and a draft session with one agenda item. */
async function draftSession(mode: 'remote' | 'in_person' = 'remote') {
  const suffix = ` ops ${randomUUID().slice(0, 8)}`;
  const committee = expectStatus<{ id: string }>(await call('POST', '/committees', secretary, committeeInput(suffix)), 201);
  const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(10), mode }), 201);
  expectStatus(await call('POST', `/sessions/${session.id}/agenda-items`, secretary, agendaItemInput(`OPS-${randomUUID().slice(0, 6)}`)), 201);
  return { committee, session, workflowId: `session-${session.id}`, base: `/sessions/${session.id}` };
}

const stuckOf = async (committeeId: string) =>
  expectStatus<StuckList>(await call('GET', `/ops/stuck?taskQueue=${h.taskQueue}&committeeId=${committeeId}`, ops), 200);
const act = (workflowId: string, body: unknown, token = ops, headers: Record<string, string> = {}) =>
  call('POST', `/ops/workflows/${workflowId}/actions`, token, body, headers);
const opsEvents = (sessionId: string) => h.db.auditEvent.findMany({ where: { sessionId, type: 'ops_action' }, orderBy: { id: 'asc' } });

describe('a Zoom outage seen and handled by ops', () => {
  it('lists the retrying convocation with Zoom\'s message, retries it once Zoom is back, and the session is convened', { timeout: 120_000 }, async () => {
    const { committee, session, workflowId, base } = await draftSession('remote');
    zoom.addFault({ match: { method: 'POST', path: '/v2/users/*/meetings' }, times: Infinity, respond: { status: 503, body: { code: 503, message: zoomOutage } } });
    expectStatus(await call('POST', `${base}/agenda/publish`, secretary), 200);

    const stuck = await eventually(() => stuckOf(committee.id), (s) => s.stuck.some((e) => e.workflowId === workflowId && e.kind === 'activity_retrying'), 30_000);
    const entry = stuck.stuck.find((e) => e.workflowId === workflowId && e.kind === 'activity_retrying')!;
    expect(entry).toMatchObject({ sessionId: session.id, committeeId: committee.id, phase: 'convened', suggestedAction: { action: 'retry' } });
    expect(entry.detail).toContain(zoomOutage);
    expect(entry.activity).toMatchObject({ activityType: 'conveneMembers' });
    expect(entry.activity!.attempt).toBeGreaterThanOrEqual(2);
    expect(entry.activity!.lastFailure).toContain(zoomOutage);
    expect(Date.parse(entry.since)).toBeLessThanOrEqual(Date.now());
    expect(entry.temporalUiUrl).toBe(`http://temporal-ui.test:8233/namespaces/default/workflows/${workflowId}/${entry.runId}/history`);
    // Auditors read the diagnosis too.
    expect(expectStatus<StuckList>(await call('GET', `/ops/stuck?taskQueue=${h.taskQueue}&committeeId=${committee.id}`, auditor), 200).stuck.length).toBeGreaterThan(0);

    // Zoom is back: retry now rather than wait for the next attempt (up to a minute away).
    zoom.clearFaults();
    const retried = expectStatus<{ action: string; result: { activities: string[]; activityTypes: string[] } }>(
      await act(workflowId, { action: 'retry', reason: 'Zoom outage over (status page)' }), 200);
    expect(retried.result.activityTypes).toEqual(['conveneMembers']);

    const convened = await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.meeting !== undefined, 30_000);
    expect(convened.phase).toBe('convened');
    expect(zoom.meeting(convened.meeting!.id)).toBeDefined();
    await eventually(() => stuckOf(committee.id), (s) => !s.stuck.some((e) => e.workflowId === workflowId), 30_000);

    const events = await opsEvents(session.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ committeeId: committee.id, actor: 'staff:ops@ops', payload: { workflowId, action: 'retry', reason: 'Zoom outage over (status page)' } });

    // The listing by phase and committee, with the counts in the committee's scope.
    const list = await eventually(
      async () => expectStatus<WorkflowList>(await call('GET', `/ops/workflows?phase=convened&committeeId=${committee.id}`, ops), 200),
      (l) => l.workflows.some((w) => w.workflowId === workflowId) && l.counts.sessionsByPhase.convened === 1,
    );
    expect(list.workflows).toHaveLength(1);
    expect(list.workflows[0]).toMatchObject({ workflowId, type: 'session', status: 'RUNNING', phase: 'convened', committeeId: committee.id });
    expect(list.workflows[0]!.scheduledStart).not.toBeNull();
    expect(list.workflows[0]!.lastProgressAt).not.toBeNull();
    expect(list.counts).toMatchObject({ sessionsByPhase: { convened: 1 }, runningSessions: 1, runningOffers: 0 });
    // Nothing of this committee is in draft; nothing has been idle for a day.
    expect(expectStatus<WorkflowList>(await call('GET', `/ops/workflows?phase=draft&committeeId=${committee.id}`, auditor), 200).workflows).toHaveLength(0);
    expect(expectStatus<WorkflowList>(await call('GET', `/ops/workflows?committeeId=${committee.id}&olderThanHours=24`, ops), 200).workflows).toHaveLength(0);
  });
});

describe('the service\'s health as ops reads it', () => {
  it('names the database, Temporal and the workers polling the task queue, for ops and auditors only', async () => {
    const health = await eventually(async () => expectStatus<{ database: string; temporal: string; namespace: string; taskQueue: { name: string; workflowPollers: unknown[]; activityPollers: unknown[] }; temporalUiUrl?: string }>(
      await call('GET', '/ops/health', ops), 200), (x) => x.taskQueue.workflowPollers.length > 0 && x.taskQueue.activityPollers.length > 0);
    expect(health).toMatchObject({ database: 'up', temporal: 'up', namespace: 'default', taskQueue: { name: h.taskQueue }, temporalUiUrl: 'http://temporal-ui.test:8233/' });
    expect(health.taskQueue.workflowPollers[0]).toEqual({ identity: expect.any(String), lastAccessTime: expect.stringMatching(/^\d{4}-/) });
    expect((await call('GET', '/ops/health', auditor)).statusCode).toBe(200);
    for (const token of [secretary, member]) expect((await call('GET', '/ops/health', token)).statusCode).toBe(403);
  });
});

describe('ops actions', () => {
  it('are for ops only, need a reason, and name workflows that exist', async () => {
    const { workflowId } = await draftSession('in_person');
    for (const token of [secretary, member]) {
      expectStatus(await call('GET', '/ops/workflows', token), 403);
      expectStatus(await call('GET', '/ops/stuck', token), 403);
      expectStatus(await act(workflowId, { action: 'terminate', reason: 'not mine to do' }, token), 403);
    }
    expectStatus(await call('GET', `/ops/workflows?taskQueue=${h.taskQueue}`, auditor), 200);
    expectStatus(await act(workflowId, { action: 'terminate', reason: 'auditors only read' }, auditor), 403);

    expect(expectStatus(await act(workflowId, { action: 'terminate' }), 400)).toMatchObject({ code: 'invalid_request' });
    expectStatus(await act(workflowId, { action: 'terminate', reason: '' }), 400);
    expectStatus(await act(workflowId, { action: 'terminate', reason: '   ' }), 400);
    expectStatus(await act(workflowId, { action: 'restart', reason: 'no such action' }), 400);
    expectStatus(await call('GET', '/ops/workflows?limit=many', ops), 400);
    expectStatus(await call('GET', '/ops/workflows?phase=sleeping', ops), 400);

    expectStatus(await act(`session-${randomUUID()}`, { action: 'terminate', reason: 'typo' }), 404);
    expectStatus(await act(`offer-${randomUUID()}-${randomUUID()}`, { action: 'cancel', reason: 'typo' }), 404);
    expectStatus(await act('not-a-workflow', { action: 'terminate', reason: 'typo' }), 404);
    // A running workflow with no retrying activity has nothing to retry.
    expect(expectStatus(await act(workflowId, { action: 'retry', reason: 'just in case' }), 409)).toMatchObject({ code: 'nothing_to_retry' });
  });

  it('terminate a running workflow once, with an audit event, and refuse a closed one', async () => {
    const { session, workflowId } = await draftSession('in_person');
    const answer = expectStatus<{ result: { status: string } }>(await act(workflowId, { action: 'terminate', reason: 'test session created by mistake' }, ops, { 'idempotency-key': `terminate-${session.id}` }), 200);
    expect(answer.result.status).toBe('TERMINATED');
    expect((await h.client.workflow.getHandle(workflowId).describe()).status.name).toBe('TERMINATED');
    // The same request again is answered as the first time and recorded once.
    const replay = await act(workflowId, { action: 'terminate', reason: 'test session created by mistake' }, ops, { 'idempotency-key': `terminate-${session.id}` });
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const events = await opsEvents(session.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'ops_action', actor: 'staff:ops@ops', payload: { workflowId, action: 'terminate', reason: 'test session created by mistake', result: { status: 'TERMINATED' } } });

    expect(expectStatus(await act(workflowId, { action: 'terminate', reason: 'again' }), 409)).toMatchObject({ code: 'workflow_closed' });
    expectStatus(await act(workflowId, { action: 'reset', reason: 'again' }), 409);
    expect(await opsEvents(session.id)).toHaveLength(1);
  });

  it('reset a running session to its last completed workflow task: a new run with the same state', async () => {
    const { session, workflowId, base } = await draftSession('in_person');
    const before = expectStatus<SessionState>(await call('GET', base, secretary), 200);
    const oldRunId = (await h.client.workflow.getHandle(workflowId).describe()).runId;
    const answer = expectStatus<{ result: { runId: string; previousRunId: string } }>(await act(workflowId, { action: 'reset', reason: 'replay after a worker fix' }), 200);
    expect(answer.result.previousRunId).toBe(oldRunId);
    expect(answer.result.runId).toBeTruthy();
    expect(answer.result.runId).not.toBe(oldRunId);

    const description = await h.client.workflow.getHandle(workflowId).describe();
    expect(description.runId).toBe(answer.result.runId);
    expect(description.status.name).toBe('RUNNING');
    const after = expectStatus<SessionState>(await call('GET', base, secretary), 200);
    expect(after.phase).toBe(before.phase);
    expect(after.agenda).toEqual(before.agenda);
    expect(after.members).toEqual(before.members);
    // It goes on from there: the agenda can still be published.
    expectStatus(await call('POST', `${base}/agenda/publish`, secretary), 200);
    await untilConvened(call, `${base}`, secretary);
    expect(expectStatus<SessionState>(await call('GET', base, secretary), 200).phase).toBe('convened');
    expect((await opsEvents(session.id)).map((e) => (e.payload as { action: string }).action)).toEqual(['reset']);
  });

  it('cancel a running session', async () => {
    const { session, workflowId } = await draftSession('in_person');
    expect(expectStatus<{ result: { cancelRequested: boolean } }>(await act(workflowId, { action: 'cancel', reason: 'session withdrawn' }), 200).result.cancelRequested).toBe(true);
    await eventually(async () => (await h.client.workflow.getHandle(workflowId).describe()).status.name, (s) => s === 'CANCELLED');
    expect((await opsEvents(session.id)).map((e) => (e.payload as { action: string }).action)).toEqual(['cancel']);
    expect(expectStatus(await act(workflowId, { action: 'cancel', reason: 'again' }), 409)).toMatchObject({ code: 'workflow_closed' });
  });
});
