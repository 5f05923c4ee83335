// A session whose convocations cannot be delivered (the mail server refuses connections), on the
// time-skipping server with the real activities: the members stay not convened, the engine tries
// again, the sitting cannot open, and the secretary's record of a delivery by hand convenes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem, getSessionState, openSession, publishAgenda, recordConvocationDelivery } from '../../workflows/session-messages.ts';
import { freePort } from '../support/ports.ts';
import { allocationItem, minuteMs, refusalOf, seedCommittee, SessionLab, startAfter, startTimeSkipping } from '../support/time-skipping.ts';

const secretary = 'staff:secretary';
const persisted = { timeout: 15_000, interval: 50 };
let lab: SessionLab;

beforeAll(async () => {
  // Nothing listens there: every e-mail is refused as by a mail server that is down.
  lab = await startTimeSkipping('convocation-failures', { smtpUrl: `smtp://127.0.0.1:${await freePort()}` });
});
afterAll(async () => {
  await lab?.close();
});

describe('convocations that cannot be delivered', () => {
  it('leave the members not convened, are tried again, keep the sitting from opening, and yield to a delivery recorded by hand', async () => {
    const c = await seedCommittee(lab.db, 'SMTP down');
    const scheduledStart = startAfter(await lab.now(), 6);
    const { sessionId, handle } = await lab.start(c, { scheduledStart, mode: 'in_person' });
    await handle.executeUpdate(addAgendaItem, { args: [allocationItem(c)] });
    await handle.executeUpdate(publishAgenda, { args: [{ actor: secretary }] });

    await expect.poll(async () => {
      const s = await handle.query(getSessionState);
      return c.members.every((m) => s.convocations[m.id]?.failure !== undefined);
    }, persisted).toBe(true);
    const failed = await handle.query(getSessionState);
    expect(c.members.every((m) => !failed.convocations[m.id]?.deliveredAt)).toBe(true);
    expect(failed.convocations[c.mayor]!.failure).toMatchObject({ attempts: 1, reason: expect.stringMatching(/ECONNREFUSED|connect/) });

    // A minute later the engine tries again, and records the second failure.
    await lab.skipTo((await lab.now()) + 2 * minuteMs);
    await expect.poll(async () => (await handle.query(getSessionState)).convocations[c.mayor]?.failure?.attempts, persisted).toBeGreaterThanOrEqual(2);

    await lab.skipTo(scheduledStart);
    const refusal = await refusalOf(handle.executeUpdate(openSession, { args: [{ actor: secretary }] }));
    expect(refusal).toMatchObject({ type: 'RuleViolation', rule: 'members_convened' });
    expect((await handle.query(getSessionState)).phase).toBe('convened');

    const deliveredAt = new Date(scheduledStart - 6 * 24 * 60 * minuteMs + 60 * minuteMs).toISOString();
    for (const m of c.members) {
      await handle.executeUpdate(recordConvocationDelivery, { args: [{ actor: secretary, memberId: m.id, channel: 'hand_delivery', deliveredAt, reason: 'convocation remise au siège, serveur de messagerie en panne' }] });
    }
    expect(await handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('open');
    await expect.poll(() => lab.db.auditEvent.count({ where: { sessionId, type: 'convocation_delivered' } }), persisted).toBe(c.members.length);
  });
});
