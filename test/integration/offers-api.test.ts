// Offers through the API, on the Temporal dev server and PostgreSQL: the offer workflow started
// as the signed minutes will start it, the secretary recording the applicants'
// answers over HTTP, the rows and audit events, and refused answers as problem+json.
// The workflow is started as the signed session starts it (`startOfferWorkflow`).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerWorkflowId } from '../../workflows/ids.ts';
import { getOfferState, type OfferInput } from '../../workflows/offer-messages.ts';
import { offerDeadline } from '../../domain/rules/index.ts';
import { apiClient, expectStatus } from '../support/api-client.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';
import { seedAttributedDwelling, startOfferWorkflow as startOffers } from '../support/offer-fixture.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;
let auditor: string;
let member: string;

beforeAll(async () => {
  h = await startHarness('offers-api');
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@test', roles: ['secretary'] });
  auditor = await h.token({ subject: 'auditor@test', roles: ['auditor'] });
  member = await h.token({ subject: randomUUID(), memberId: randomUUID(), roles: ['member'] });
});
afterAll(async () => {
  await h?.close();
});

function offersInput(notifiedAt = new Date()): Promise<OfferInput> {
  return seedAttributedDwelling(h.db, { notifiedAt });
}

async function offerRow(agendaItemId: string, rank: number, status = 'offered') {
  return eventually(() => h.db.offer.findFirst({ where: { agendaItemId, rank } }), (row) => row?.status === status).then((row) => row!);
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }, status: number, rule: string) {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject({ status, rule });
}

describe('offers over HTTP', () => {
  it('records a refusal, passes the dwelling to the next candidate, records an acceptance and refuses a second answer', async () => {
    const input = await offersInput();
    const started = await startOffers(h.client, h.taskQueue, input);
    expect(started).toEqual({ workflowId: offerWorkflowId(input.sessionId, input.agendaItemId), running: true });
    // Starting again finds the running workflow.
    expect(await startOffers(h.client, h.taskQueue, input)).toEqual(started);

    const first = await offerRow(input.agendaItemId, 1);
    expect(first.applicationId).toBe(input.candidates[0]!.applicationId);
    expect(first.deadline.toISOString()).toBe(offerDeadline(new Date(input.notifiedAt), 10).toISOString());
    const read = expectStatus(await call('GET', `/offers/${first.id}`, auditor), 200);
    expect(read).toMatchObject({ id: first.id, workflowId: started.workflowId, rank: 1, status: 'offered', outcome: 'offering', deadline: first.deadline.toISOString() });

    // Only the secretary records answers; an auditor may read, and a token naming no member of the committee reaches nothing.
    expectProblem(await call('POST', `/offers/${first.id}/decline`, auditor, {}), 403, 'role_required');
    expectProblem(await call('POST', `/offers/${first.id}/decline`, member, {}), 403, 'committee_scope');
    expect((await call('POST', `/offers/${first.id}/accept`, secretary, { extra: true })).statusCode).toBe(400);

    const declined = expectStatus(await call('POST', `/offers/${first.id}/decline`, secretary, { reason: 'trop loin de l\'école' }), 200);
    expect(declined).toMatchObject({ id: first.id, status: 'declined', reason: 'trop loin de l\'école' });

    const second = await offerRow(input.agendaItemId, 2);
    expect((await h.db.offer.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('declined');
    expect(second.offeredAt.getTime()).toBeGreaterThanOrEqual(new Date(declined.answeredAt as string).getTime());
    expect(second.deadline.toISOString()).toBe(offerDeadline(second.offeredAt, 10).toISOString());

    // The declined offer takes no other answer.
    expectProblem(await call('POST', `/offers/${first.id}/accept`, secretary), 409, 'offer_answered_once');

    const accepted = expectStatus(await call('POST', `/offers/${second.id}/accept`, secretary), 200);
    expect(accepted).toMatchObject({ id: second.id, rank: 2, status: 'accepted' });
    const final = await h.client.workflow.getHandle(started.workflowId).result();
    expect(final).toMatchObject({ outcome: 'accepted' });

    const rows = await h.db.offer.findMany({ where: { agendaItemId: input.agendaItemId }, orderBy: { rank: 'asc' } });
    expect(rows.map((r) => [r.rank, r.status, r.reason])).toEqual([[1, 'declined', 'trop loin de l\'école'], [2, 'accepted', null]]);
    expect(rows.every((r) => r.sessionId === input.sessionId)).toBe(true);
    const events = await h.db.auditEvent.findMany({ where: { sessionId: input.sessionId }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['offer_made', 'system'], ['offer_declined', 'staff:secretary@test'], ['offer_made', 'system'], ['offer_accepted', 'staff:secretary@test'],
    ]);

    // A second answer to the accepted offer, once the workflow has finished.
    expectProblem(await call('POST', `/offers/${second.id}/decline`, secretary, { reason: 'changed their mind' }), 409, 'offer_answered_once');
    expect(expectStatus(await call('GET', `/offers/${second.id}`, secretary), 200)).toMatchObject({ status: 'accepted', outcome: 'accepted' });
    const missing = await call('GET', `/offers/${randomUUID()}`, secretary);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses an answer after the deadline with the rule: silence was refusal', async () => {
    // Notified a month ago: the first deadline has passed already.
    const input = await offersInput(new Date(Date.now() - 30 * 24 * 3_600_000));
    await startOffers(h.client, h.taskQueue, input);
    const first = await eventually(() => h.db.offer.findFirst({ where: { agendaItemId: input.agendaItemId, rank: 1 } }), (row) => row !== null).then((row) => row!);
    expect(first.deadline.getTime()).toBeLessThan(Date.now());

    const late = await call('POST', `/offers/${first.id}/accept`, secretary);
    expectProblem(late, 422, 'offer_answer_within_deadline');
    expect(late.json().detail).toMatch(/silence is refusal/);

    // The second candidate was offered the dwelling from now on.
    const second = await offerRow(input.agendaItemId, 2);
    expect((await h.db.offer.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('expired');
    expect(second.deadline.getTime()).toBeGreaterThan(Date.now() + 10 * 24 * 3_600_000 - 2 * 3_600_000);
    const state = await h.client.workflow.getHandle(offerWorkflowId(input.sessionId, input.agendaItemId)).query(getOfferState);
    expect(state).toMatchObject({ outcome: 'offering', currentOfferId: second.id });
    await h.client.workflow.getHandle(offerWorkflowId(input.sessionId, input.agendaItemId)).terminate('test finished');
  });

  it('lists a session\'s offers in rank order with their deadlines and answers, as the workflow holds them', async () => {
    const input = await offersInput();
    await startOffers(h.client, h.taskQueue, input);
    const first = await offerRow(input.agendaItemId, 1);
    const listed = expectStatus(await call('GET', `/sessions/${input.sessionId}/offers`, auditor), 200);
    expect(listed.offers).toEqual([expect.objectContaining({ id: first.id, rank: 1, status: 'offered', deadline: first.deadline.toISOString(), outcome: 'offering' })]);

    expectStatus(await call('POST', `/offers/${first.id}/decline`, secretary, { reason: 'logement trop petit' }), 200);
    const second = await offerRow(input.agendaItemId, 2);
    const after = expectStatus(await call('GET', `/sessions/${input.sessionId}/offers`, secretary), 200);
    expect(after.offers.map((o: { id: string; rank: number; status: string; reason?: string }) => [o.id, o.rank, o.status, o.reason])).toEqual([
      [first.id, 1, 'declined', 'logement trop petit'], [second.id, 2, 'offered', undefined],
    ]);

    expectProblem(await call('GET', `/sessions/${input.sessionId}/offers`, member), 403, 'committee_scope');
    expect((await call('GET', `/sessions/${randomUUID()}/offers`, secretary)).statusCode).toBe(404);
    await h.client.workflow.getHandle(offerWorkflowId(input.sessionId, input.agendaItemId)).terminate('test finished');
  });
});

describe('the search of where a dwelling or an application came before the committee', () => {
  it('finds the item by dwelling reference or application number, case ignored, with its decisions, within the committee', async () => {
    const input = await offersInput();
    const other = await offersInput();
    const search = (query: string, token = auditor) => call('GET', `/committees/${input.committeeId}/agenda-items?${query}`, token);

    const byDwelling = expectStatus(await search('dwellingReference=vil-0042'), 200);
    expect(byDwelling.items).toEqual([expect.objectContaining({
      sessionId: input.sessionId, agendaItemId: input.agendaItemId, position: 1, dwellingReference: 'VIL-0042', status: 'decided', phase: 'notified',
    })]);
    expect(byDwelling.items[0].candidates).toEqual(['A', 'B', 'C'].map((letter, i) => ({
      applicationNumber: `VIL-0042-${letter}`, rank: i + 1, decision: { type: 'ranked_attribution', rank: i + 1, decidedAt: input.notifiedAt },
    })));
    const byApplication = expectStatus(await search('applicationNumber=VIL-0042-b'), 200);
    expect(byApplication.items.map((i: { agendaItemId: string }) => i.agendaItemId)).toEqual([input.agendaItemId]);
    // Both criteria together narrow the search; another committee's item with the same reference is not found.
    expect(expectStatus(await search('dwellingReference=VIL-0042&applicationNumber=VIL-0042-Z'), 200).items).toEqual([]);
    expect(byDwelling.items.some((i: { sessionId: string }) => i.sessionId === other.sessionId)).toBe(false);

    expectProblem(await search(''), 400, 'search_criterion');
    expectProblem(await search('dwellingReference=VIL-0042', member), 403, 'committee_scope');
    const memberToken = await h.token({ subject: randomUUID(), roles: ['member'], memberId: randomUUID() });
    expect((await search('dwellingReference=VIL-0042', memberToken)).statusCode).toBe(403);
  });
});
