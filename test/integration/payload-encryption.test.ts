// Personal data never sits in clear in Temporal: the decision reasons of a proposal, carried by the
// session's updates and state, are encrypted in its history; the engine's own replay still reads
// them, and the Temporal UI's codec endpoint decodes them for ops and auditors only.
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, expectStatus, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;
let sessionId: string;
const secretReason = `Ressources insuffisantes au regard du loyer résiduel ${randomUUID()}`;

beforeAll(async () => {
  h = await startHarness('payload-encryption');
  call = apiClient(h);
  const secretary = await h.token({ subject: 'secretary@encryption', roles: ['secretary'] });
  const committee = expectStatus<{ id: string; members: Array<{ id: string; role: string }> }>(await call('POST', '/committees', secretary, committeeInput(` encryption ${randomUUID()}`)), 201);
  const voters = committee.members.filter((m) => ['board_member', 'prefect', 'mayor', 'epci_president'].includes(m.role));
  sessionId = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(10), mode: 'remote' }), 201).id;
  const base = `/sessions/${sessionId}`;
  const item = expectStatus<{ id: string; candidates: Array<{ applicationId: string }> }>(await call('POST', `${base}/agenda-items`, secretary, agendaItemInput('ENC-1')), 201);
  expectStatus(await call('POST', `${base}/agenda/publish`, secretary), 200);
  await untilConvened(call, base, secretary);
  expectStatus(await call('POST', `${base}/open`, secretary), 200);
  for (const m of voters) expectStatus(await call('POST', `${base}/attendance`, secretary, { memberId: m.id, present: true }), 200);
  const [first, second, third] = item.candidates as [{ applicationId: string }, { applicationId: string }, { applicationId: string }];
  expectStatus(await call('POST', `${base}/agenda-items/${item.id}/vote/open`, secretary, {
    proposal: [
      { applicationId: first.applicationId, type: 'ranked_attribution', rank: 1 },
      { applicationId: second.applicationId, type: 'ranked_attribution', rank: 2 },
      { applicationId: third.applicationId, type: 'non_attribution', reasons: secretReason },
    ],
  }), 200);
});
afterAll(async () => h?.close());

describe('Temporal payloads', () => {
  it('are encrypted in the session\'s history, which a client without the key cannot read', async () => {
    const plainClient = new Client({ connection: h.client.connection, namespace: 'default' });
    const history = await plainClient.workflow.getHandle(`session-${sessionId}`).fetchHistory();
    const json = historyToJSON(history);
    expect(json).toContain('YmluYXJ5L2VuY3J5cHRlZA'); // "binary/encrypted", base64
    const decoded = (value: string) => Buffer.from(value, 'base64').toString('utf8');
    const payloads = [...json.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)].map((m) => decoded(m[1]!));
    expect(payloads.some((p) => p.includes('Ressources insuffisantes'))).toBe(false);
    expect(json).not.toContain('Ressources insuffisantes');
    // The engine's own client reads the state, reasons included.
    const state = await h.client.workflow.getHandle(`session-${sessionId}`).query<{ agenda: Array<{ proposal?: Array<{ reasons?: string }> }> }>('getSessionState');
    expect(state.agenda[0]!.proposal!.map((d) => d.reasons)).toContain(secretReason);
  });

  it('are decoded by the codec endpoint for ops and auditors, and for no one else', async () => {
    const plainClient = new Client({ connection: h.client.connection, namespace: 'default' });
    const history = await plainClient.workflow.getHandle(`session-${sessionId}`).fetchHistory();
    const update = history.events!.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'openVote')!;
    const payload = update.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.input!.args!.payloads![0]!;
    const body = {
      payloads: [{
        metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
        data: Buffer.from(payload.data!).toString('base64'),
      }],
    };
    for (const roles of [['ops'], ['auditor']] as const) {
      const token = await h.token({ subject: `${roles[0]}@encryption`, roles: [...roles] });
      const res = await h.app.inject({ method: 'POST', url: '/codec/decode', payload: body, headers: { authorization: `Bearer ${token}`, origin: 'http://localhost:8233', 'x-namespace': 'default' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('http://localhost:8233');
      expect(Buffer.from(res.json<{ payloads: Array<{ data: string }> }>().payloads[0]!.data, 'base64').toString('utf8')).toContain(secretReason);
    }
    for (const roles of [['secretary'], ['member']] as const) {
      const token = await h.token({ subject: `${roles[0]}-x@encryption`, roles: [...roles] });
      const res = await h.app.inject({ method: 'POST', url: '/codec/decode', payload: body, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(403);
    }
    // The UI's preflight from its own origin is answered; from another, not.
    const preflight = (origin: string) => h.app.inject({ method: 'OPTIONS', url: '/codec/decode', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('http://localhost:8233')).statusCode).toBe(204);
    expect((await preflight('https://evil.example')).statusCode).toBe(403);
  });

  it('still replay with the current code, the tallies re-checked from the decrypted input', async () => {
    const auditor = await h.token({ subject: 'auditor-replay@encryption', roles: ['auditor'] });
    const report = expectStatus<{ replay: { ok: boolean } }>(await call('POST', `/sessions/${sessionId}/replay`, auditor), 200);
    expect(report.replay).toEqual({ ok: true });
  });
});
