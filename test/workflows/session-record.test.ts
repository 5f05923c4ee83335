// What the record of a session states, on the time-skipping server with the real activities and
// a real SMTP server: the convocation lists the agenda as published whatever the timing, the
// sitting opens at its convened time only, and the minutes state the quorum when the committee
// began to deliberate and the times at which it actually sat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinutesDocument } from '../../domain/minutes.ts';
import { addAgendaItem, closeSession, deferItem, getSessionState, openSession, publishAgenda, recordAttendance } from '../../workflows/session-messages.ts';
import { allocationItem, minuteMs, refusalOf, seedCommittee, SessionLab, startAfter, startTimeSkipping } from '../support/time-skipping.ts';

const secretary = 'staff:secretary';
const persisted = { timeout: 15_000, interval: 50 };
let lab: SessionLab;

beforeAll(async () => {
  lab = await startTimeSkipping('session-record');
});
afterAll(async () => {
  await lab?.close();
});

describe('the convocation', () => {
  it('lists every item of the agenda as published, even when it is published right after its last item is added', async () => {
    const c = await seedCommittee(lab.db, 'Convocation agenda');
    const other = await lab.db.dwelling.create({
      data: { id: crypto.randomUUID(), committeeId: c.committeeId, reference: 'VIL-0777', address: '4 rue Haute', commune: 'Villeneuve', type: 'T2', surfaceM2: 41, rentCents: 40_000, financing: 'PLAI' },
    });
    const { sessionId, handle } = await lab.start(c, { scheduledStart: startAfter(await lab.now(), 6), mode: 'in_person' });
    await handle.executeUpdate(addAgendaItem, { args: [allocationItem(c)] });
    await handle.executeUpdate(addAgendaItem, { args: [{ ...allocationItem(c), dwellingId: other.id, exception: 'insufficient_candidates', candidates: [{ applicationId: c.applicationIds[0], rank: 1 }] }] });
    // No pause: the convocation must not depend on how soon the agenda reaches the database.
    await handle.executeUpdate(publishAgenda, { args: [{ actor: secretary }] });
    await lab.convened(handle);

    const mine = lab.mail.messages.filter((m) => m.messageId?.includes(sessionId));
    expect(mine).toHaveLength(c.members.length);
    for (const message of mine) {
      expect(message.text).toContain('1. Attribution — logement VIL-0042, T3, Villeneuve');
      expect(message.text).toContain('2. Attribution — logement VIL-0777, T2, Villeneuve');
    }
  });
});

describe('the sitting', () => {
  it('cannot open before its convened time, and opens at it', async () => {
    const c = await seedCommittee(lab.db, 'Sitting on time');
    const scheduledStart = startAfter(await lab.now(), 6);
    const { handle } = await lab.start(c, { scheduledStart, mode: 'in_person' });
    await handle.executeUpdate(addAgendaItem, { args: [allocationItem(c)] });
    await handle.executeUpdate(publishAgenda, { args: [{ actor: secretary }] });
    await lab.convened(handle);

    await lab.skipTo(scheduledStart - minuteMs);
    expect(await refusalOf(handle.executeUpdate(openSession, { args: [{ actor: secretary }] }))).toMatchObject({ type: 'RuleViolation', rule: 'sitting_at_convened_time' });
    expect((await handle.query(getSessionState)).phase).toBe('convened');
    await lab.skipTo(scheduledStart);
    expect(await handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('open');
  });
});

describe('the minutes', () => {
  it('state the quorum when deliberations began, every arrival, and the times the committee actually sat', async () => {
    const c = await seedCommittee(lab.db, 'Minutes of the record');
    const scheduledStart = startAfter(await lab.now(), 6);
    const { sessionId, handle } = await lab.start(c, { scheduledStart, mode: 'in_person' });
    const item = await handle.executeUpdate(addAgendaItem, { args: [allocationItem(c)] });
    await handle.executeUpdate(publishAgenda, { args: [{ actor: secretary }] });
    await lab.convened(handle);

    // Opened late (within the grace period), then attendance taken, as the README's walkthrough does.
    const openedAt = scheduledStart + 20 * minuteMs;
    await lab.skipTo(openedAt);
    expect(await handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('open');
    for (const memberId of [c.board[0], c.board[1], c.board[2], c.board[3]]) {
      await handle.executeUpdate(recordAttendance, { args: [{ actor: secretary, memberId, present: true }] });
    }
    await lab.skipTo(openedAt + 10 * minuteMs);
    await handle.executeUpdate(deferItem, { args: [{ actor: secretary, itemId: item.id, reason: 'diagnostics du logement manquants' }] });
    await handle.executeUpdate(closeSession, { args: [{ actor: secretary }] });

    await expect.poll(() => lab.db.minutes.count({ where: { sessionId } }), persisted).toBe(1);
    const minutes = await lab.db.minutes.findFirstOrThrow({ where: { sessionId } });
    const document = minutes.document as unknown as MinutesDocument;
    const state = await handle.query(getSessionState);
    expect(document.quorumAtDeliberations).toMatchObject({ rosterSize: 7, present: 4, required: 4, reached: true });
    expect(document.quorumAtDeliberations).toEqual(state.sitting.deliberationsQuorum);
    expect(document.session.scheduledStart).toBe(new Date(scheduledStart).toISOString());
    expect(Date.parse(document.session.openedAt!)).toBeGreaterThanOrEqual(openedAt);
    expect(document.session.openedAt).toBe(state.sitting.openedAt);
    expect(document.session.deliberationsStartedAt).toBe(state.sitting.deliberationsStartedAt);
    expect(document.session.closedAt).toBe(state.sitting.closedAt);
    expect(Date.parse(document.session.closedAt)).toBeGreaterThanOrEqual(openedAt + 10 * minuteMs);
    expect(document.attendance.map((a) => a.member.memberId)).toEqual([c.board[0], c.board[1], c.board[2], c.board[3]]);
    expect(document.attendance.map((a) => a.at)).toEqual(state.attendanceLog.map((a) => a.at));
  });
});
