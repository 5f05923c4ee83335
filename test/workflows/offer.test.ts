// The offer workflow on the time-skipping test server, with the real activities against the test
// database: the ten-day window (R441-10), silence as refusal, the cascade down a three-candidate
// ranking to "no one left", an acceptance stopping it, and late or repeated answers refused.
// As in test/support/time-skipping.ts, only `skipTo` moves the server's clock, and handles come
// from a plain client (waiting through `env.client` would let the server skip to any timer).
import { randomUUID } from 'node:crypto';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createOfferActivities } from '../../activities/offers.ts';
import { temporalExecutable } from '../../bin/temporal-server.ts';
import type { Database } from '../../prisma/database.ts';
import { testDatabase } from '../support/database.ts';
import { eventually } from '../support/harness.ts';
import { offerWorkflowId } from '../../workflows/ids.ts';
import { refusalFailureTypes } from '../../workflows/refusals.ts';
import {
  acceptOffer,
  declineOffer,
  getOfferState,
  type OfferInput,
  type OfferState,
} from '../../workflows/offer-messages.ts';
import type { offerWorkflow } from '../../workflows/offer.ts';
import { offerDeadline } from '../../domain/rules/index.ts';
import { replayAndKeep } from '../support/histories.ts';
import { seedAttributedDwelling } from '../support/offer-fixture.ts';
import { minuteMs, refusalOf } from '../support/time-skipping.ts';

type OfferHandle = WorkflowHandle<typeof offerWorkflow>;
const secretary = 'staff:secretary';

let env: TestWorkflowEnvironment;
let db: Database;
let client: Client;
let worker: Worker;
let running: Promise<void>;
let taskQueue: string;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: temporalExecutable('testServer') } });
  db = testDatabase();
  taskQueue = `offer-${randomUUID()}`;
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createOfferActivities({ db }),
  });
  running = worker.run();
  client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await db?.$disconnect();
  await env?.teardown();
});

async function now(): Promise<number> {
  return env.currentTimeMs();
}

async function skipTo(at: number): Promise<void> {
  const current = await now();
  if (at > current) await env.sleep(at - current);
}

/** Starts the offers of a dwelling with three ranked candidates, notified now (server clock). */
async function startOffers(responseDays = 10): Promise<{ input: OfferInput; handle: OfferHandle }> {
  const input = await seedAttributedDwelling(db, { notifiedAt: new Date(await now()), responseDays });
  // Given out of order: the workflow offers by rank.
  const [first, second, third] = input.candidates as [OfferInput['candidates'][number], OfferInput['candidates'][number], OfferInput['candidates'][number]];
  input.candidates = [second, first, third];
  const handle = await client.workflow.start<typeof offerWorkflow>('offerWorkflow', {
    taskQueue,
    workflowId: offerWorkflowId(input.sessionId, input.agendaItemId),
    args: [input],
  });
  return { input, handle };
}

/** Polls the workflow's state (real time) until `accept` holds. */
async function stateWhen(handle: OfferHandle, accept: (s: OfferState) => boolean, withinMs = 10_000): Promise<OfferState> {
  const until = Date.now() + withinMs;
  for (;;) {
    const state = await handle.query(getOfferState);
    if (accept(state)) return state;
    if (Date.now() > until) throw new Error(`offer state not reached within ${withinMs} ms: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const offered = (count: number) => (s: OfferState) => s.offers.length === count && s.offers[count - 1]?.status === 'offered';

async function result(handle: OfferHandle, withinMs = 10_000): Promise<OfferState> {
  return client.connection.withDeadline(Date.now() + withinMs, () => handle.result());
}

async function auditTypes(sessionId: string): Promise<string[]> {
  const events = await db.auditEvent.findMany({ where: { sessionId }, orderBy: { id: 'asc' } });
  return events.map((e) => e.type);
}

describe('the ten-day window', () => {
  it('is open one minute before the deadline and expired right after it; the next candidate gets the dwelling from their own notification', async () => {
    const { input, handle } = await startOffers();
    const first = (await stateWhen(handle, offered(1))).offers[0]!;
    expect(first.rank).toBe(1);
    expect(first.applicationId).toBe(input.candidates[1]!.applicationId);
    expect(first.offeredAt).toBe(input.notifiedAt);
    const deadline = Date.parse(first.deadline);
    expect(deadline).toBe(offerDeadline(new Date(input.notifiedAt), 10, 'Europe/Paris').getTime());
    expect(deadline - Date.parse(input.notifiedAt)).toBeGreaterThan(10 * 24 * 60 * minuteMs);

    await skipTo(deadline - minuteMs);
    const stillOpen = await handle.query(getOfferState);
    expect(stillOpen).toMatchObject({ outcome: 'offering', currentOfferId: first.offerId });
    expect(stillOpen.offers).toHaveLength(1);
    expect(stillOpen.offers[0]!.status).toBe('offered');

    await skipTo(deadline + 1000);
    const passed = await stateWhen(handle, offered(2));
    expect(passed.offers[0]).toMatchObject({ status: 'expired', answeredAt: first.deadline, answeredBy: 'system' });
    const second = passed.offers[1]!;
    expect(second).toMatchObject({ rank: 2, applicationId: input.candidates[0]!.applicationId });
    expect(Date.parse(second.offeredAt)).toBeGreaterThanOrEqual(deadline);
    expect(second.deadline).toBe(offerDeadline(new Date(second.offeredAt), 10, 'Europe/Paris').toISOString());

    // The workflow answers with the next offer as soon as it is made; its row is stored by the activity after it.
    const rows = await eventually(() => db.offer.findMany({ where: { agendaItemId: input.agendaItemId }, orderBy: { rank: 'asc' } }), (r) => r.length === 2);
    expect(rows.map((r) => [r.id, r.rank, r.status, r.deadline.toISOString()])).toEqual([
      [first.offerId, 1, 'expired', first.deadline],
      [second.offerId, 2, 'offered', second.deadline],
    ]);

    // A late answer is refused with the rule, and changes nothing.
    const late = await refusalOf(handle.executeUpdate(acceptOffer, { args: [{ actor: secretary, offerId: first.offerId }] }));
    expect(late).toMatchObject({ type: refusalFailureTypes.rule_violation, rule: 'offer_answer_within_deadline' });
    expect((await handle.query(getOfferState)).offers[0]!.status).toBe('expired');
  });
});

describe('the cascade down the ranking', () => {
  it('takes silence as refusal, candidate after candidate, and marks the dwelling for a future agenda when no one is left', async () => {
    const { input, handle } = await startOffers();
    for (let n = 1; n <= 3; n++) {
      const state = await stateWhen(handle, offered(n));
      await skipTo(Date.parse(state.offers[n - 1]!.deadline) + 1000);
    }
    const final = await result(handle);
    expect(final.outcome).toBe('no_one_left');
    await replayAndKeep(handle, 'offer-no-one-left');
    expect(final.currentOfferId).toBeUndefined();
    expect(final.offers.map((x) => [x.rank, x.status])).toEqual([[1, 'expired'], [2, 'expired'], [3, 'expired']]);
    for (const [i, x] of final.offers.entries()) {
      const previous = final.offers[i - 1];
      if (previous) expect(Date.parse(x.offeredAt)).toBeGreaterThanOrEqual(Date.parse(previous.deadline));
    }

    const marked = await db.dwellingToReallocate.findUniqueOrThrow({ where: { agendaItemId: input.agendaItemId } });
    expect(marked).toMatchObject({ sessionId: input.sessionId, committeeId: input.committeeId, dwellingId: input.dwellingId });
    expect(await auditTypes(input.sessionId)).toEqual([
      'offer_made', 'offer_expired', 'offer_made', 'offer_expired', 'offer_made', 'offer_expired', 'dwelling_to_reallocate',
    ]);
  });

  it('passes a declined offer on at once, and a silent one at its deadline, down to no one left', async () => {
    const { input, handle } = await startOffers(12);
    const first = (await stateWhen(handle, offered(1))).offers[0]!;
    const declined = await handle.executeUpdate(declineOffer, { args: [{ actor: secretary, offerId: first.offerId, reason: 'logement trop éloigné du travail' }] });
    expect(declined).toMatchObject({ status: 'declined', answeredBy: secretary, reason: 'logement trop éloigné du travail' });

    // The second candidate's deadline counts from their own notification, made on the refusal.
    const second = (await stateWhen(handle, offered(2))).offers[1]!;
    expect(Date.parse(second.offeredAt)).toBeGreaterThanOrEqual(Date.parse(declined.answeredAt!));
    expect(second.deadline).toBe(offerDeadline(new Date(second.offeredAt), 12, 'Europe/Paris').toISOString());

    // A second answer to the declined offer is refused.
    expect(await refusalOf(handle.executeUpdate(acceptOffer, { args: [{ actor: secretary, offerId: first.offerId }] })))
      .toMatchObject({ type: refusalFailureTypes.conflict, rule: 'offer_answered_once' });
    expect(await refusalOf(handle.executeUpdate(acceptOffer, { args: [{ actor: secretary, offerId: randomUUID() }] })))
      .toMatchObject({ type: refusalFailureTypes.not_found, rule: 'offer_exists' });

    await skipTo(Date.parse(second.deadline) + 1000);
    const third = (await stateWhen(handle, offered(3))).offers[2]!;
    await handle.executeUpdate(declineOffer, { args: [{ actor: secretary, offerId: third.offerId }] });

    const final = await result(handle);
    expect(final.outcome).toBe('no_one_left');
    expect(final.offers.map((x) => x.status)).toEqual(['declined', 'expired', 'declined']);
    const rows = await db.offer.findMany({ where: { agendaItemId: input.agendaItemId }, orderBy: { rank: 'asc' } });
    expect(rows.map((r) => [r.rank, r.status, r.reason])).toEqual([
      [1, 'declined', 'logement trop éloigné du travail'],
      [2, 'expired', 'no answer within the deadline: silence is refusal (CCH R441-10)'],
      [3, 'declined', null],
    ]);
    expect(await db.dwellingToReallocate.count({ where: { agendaItemId: input.agendaItemId } })).toBe(1);
  });

  it('stops at an acceptance one minute before the deadline: the next candidates get no offer', async () => {
    const { input, handle } = await startOffers();
    const first = (await stateWhen(handle, offered(1))).offers[0]!;
    await handle.executeUpdate(declineOffer, { args: [{ actor: secretary, offerId: first.offerId }] });
    const second = (await stateWhen(handle, offered(2))).offers[1]!;
    await skipTo(Date.parse(second.deadline) - minuteMs);
    const accepted = await handle.executeUpdate(acceptOffer, { args: [{ actor: secretary, offerId: second.offerId }] });
    expect(accepted).toMatchObject({ status: 'accepted', rank: 2 });

    const final = await result(handle);
    expect(final.outcome).toBe('accepted');
    expect(final.offers.map((x) => [x.rank, x.status])).toEqual([[1, 'declined'], [2, 'accepted']]);
    const rows = await db.offer.findMany({ where: { agendaItemId: input.agendaItemId }, orderBy: { rank: 'asc' } });
    expect(rows.map((r) => [r.rank, r.status])).toEqual([[1, 'declined'], [2, 'accepted']]);
    expect(rows[1]!.answeredAt!.getTime()).toBeLessThan(Date.parse(second.deadline));
    expect(await db.dwellingToReallocate.count({ where: { agendaItemId: input.agendaItemId } })).toBe(0);
    expect(await auditTypes(input.sessionId)).toEqual(['offer_made', 'offer_declined', 'offer_made', 'offer_accepted']);
  });
});
