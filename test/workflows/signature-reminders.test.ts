// Chasing the signers of unsigned minutes on durable timers, on the time-skipping server with the
// real activities: a reminder every `signatureReminderDays` days counted from the first draft,
// one escalation at `signatureEscalationDays`, nothing more once the minutes are signed, and
// reminders that follow the minutes from one version to the next when they are amended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem, amendMinutes, closeSession, deferItem, getSessionState, openSession, publishAgenda, recordAttendance, signMinutes } from '../../workflows/session-messages.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { defaultCommitteeRules, type CommitteeRules } from '../../domain/rules/index.ts';
import {
  allocationItem,
  dayMs,
  minuteMs,
  refusalOf,
  seedCommittee,
  SessionLab,
  startAfter,
  startTimeSkipping,
  type CommitteeFixture,
  type SessionHandle,
} from '../support/time-skipping.ts';

const secretary = 'staff:secretary';
/** Real time allowed for the activities to persist what the workflow did. */
const persisted = { timeout: 15_000, interval: 50 };
let lab: SessionLab;

beforeAll(async () => {
  lab = await startTimeSkipping('signature-reminders');
});
afterAll(async () => {
  await lab?.close();
});

interface DraftedSession {
  c: CommitteeFixture;
  sessionId: string;
  handle: SessionHandle;
  /** When the first version of the minutes was drafted, on the server's clock. */
  draftedAt: number;
  sha256: string;
}

type ChaseStep = 'signature_reminder_sent' | 'signatures_overdue' | 'applicants_notified' | 'minutes_drafted' | 'minutes_amended' | 'minutes_signed';

async function stepsOf(sessionId: string, type: ChaseStep) {
  return lab.db.auditEvent.findMany({ where: { sessionId, type }, orderBy: { id: 'asc' } });
}

/** The session's steps of `type` once `count` of them are persisted (bounded, in real time). */
async function persistedSteps(sessionId: string, type: ChaseStep, count: number) {
  await expect.poll(async () => (await stepsOf(sessionId, type)).length, persisted).toBe(count);
  return stepsOf(sessionId, type);
}

async function stateOf(handle: SessionHandle): Promise<SessionState> {
  return handle.query(getSessionState);
}

/**
 * A session convened six days ahead, sat at its start with quorum, its only item deferred, and
 * closed: its workflow drafts version 1 of the minutes and waits for the chair's signature.
 */
async function draftedSession(name: string, rules?: CommitteeRules): Promise<DraftedSession> {
  const c = await seedCommittee(lab.db, name);
  const scheduledStart = startAfter(await lab.now(), 6);
  const { sessionId, handle } = await lab.start(c, { scheduledStart, mode: 'in_person', ...(rules ? { rules } : {}) });
  const item = await handle.executeUpdate(addAgendaItem, { args: [allocationItem(c)] });
  expect(await handle.executeUpdate(publishAgenda, { args: [{ actor: secretary }] })).toBe('convened');
  await lab.convened(handle);

  await lab.skipTo(scheduledStart);
  for (const memberId of [c.board[0], c.board[1], c.board[2], c.board[3]]) {
    await handle.executeUpdate(recordAttendance, { args: [{ actor: secretary, memberId, present: true }] });
  }
  expect(await handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('deliberating');
  await handle.executeUpdate(deferItem, { args: [{ actor: secretary, itemId: item.id, reason: 'the dwelling\'s diagnostics are missing' }] });
  expect(await handle.executeUpdate(closeSession, { args: [{ actor: secretary }] })).toBe('closed');

  await expect.poll(async () => (await stateOf(handle)).phase, persisted).toBe('minutes_drafted');
  const [drafted] = await persistedSteps(sessionId, 'minutes_drafted', 1);
  const state = await stateOf(handle);
  expect(state.minutes).toMatchObject({ status: 'drafted', version: 1, signatures: [] });
  expect(drafted!.payload).toMatchObject({ version: 1, sha256: state.minutes!.sha256 });
  return { c, sessionId, handle, draftedAt: drafted!.occurredAt.getTime(), sha256: state.minutes!.sha256 };
}

function withRules(changes: Partial<CommitteeRules>): CommitteeRules {
  return { ...defaultCommitteeRules, ...changes };
}

/** The days after the first draft at which each step occurred. */
function daysAfter(draftedAt: number, steps: Array<{ occurredAt: Date }>): number[] {
  return steps.map((s) => (s.occurredAt.getTime() - draftedAt) / dayMs);
}

/** Each step occurred on its due day (counted from the first draft), within a minute. */
function expectDue(draftedAt: number, steps: Array<{ occurredAt: Date }>, dueDays: number[]): void {
  const days = daysAfter(draftedAt, steps);
  expect(days).toHaveLength(dueDays.length);
  dueDays.forEach((due, i) => {
    expect(days[i]).toBeGreaterThanOrEqual(due);
    expect(days[i]).toBeLessThan(due + minuteMs / dayMs);
  });
}

async function expectStillAwaitingSignature(handle: SessionHandle): Promise<void> {
  expect((await handle.describe()).status.name).toBe('RUNNING');
  expect((await stateOf(handle)).phase).toBe('minutes_drafted');
}

describe('reminders to sign the minutes, with the default rules (every 3 days, escalation at 10)', () => {
  let session: DraftedSession | undefined;

  it('reminds the chair at days 3, 6, 9 and 12 and escalates once, at day 10', async () => {
    const s = await draftedSession('Reminders, default rules');
    session = s;
    const at = (days: number) => s.draftedAt + days * dayMs;

    await lab.skipTo(at(2.5));
    expect(await stepsOf(s.sessionId, 'signature_reminder_sent')).toHaveLength(0);
    expect(await stepsOf(s.sessionId, 'signatures_overdue')).toHaveLength(0);
    await expectStillAwaitingSignature(s.handle);

    await lab.skipTo(at(3.5));
    const first = await persistedSteps(s.sessionId, 'signature_reminder_sent', 1);
    expect(first[0]!.actor).toBe('system');
    expect(first[0]!.payload).toMatchObject({ reminder: 1, missing: ['chair'], version: 1 });
    expect(await stepsOf(s.sessionId, 'signatures_overdue')).toHaveLength(0);

    await lab.skipTo(at(6.5));
    const two = await persistedSteps(s.sessionId, 'signature_reminder_sent', 2);
    expect(two.map((e) => e.payload)).toMatchObject([{ reminder: 1 }, { reminder: 2, missing: ['chair'], version: 1 }]);
    expect(await stepsOf(s.sessionId, 'signatures_overdue')).toHaveLength(0);

    await lab.skipTo(at(10.5));
    const three = await persistedSteps(s.sessionId, 'signature_reminder_sent', 3);
    expect(three.map((e) => e.payload)).toMatchObject([{ reminder: 1 }, { reminder: 2 }, { reminder: 3, missing: ['chair'], version: 1 }]);
    const overdue = await persistedSteps(s.sessionId, 'signatures_overdue', 1);
    expect(overdue[0]!.payload).toMatchObject({ missing: ['chair'], version: 1, draftedAt: new Date(s.draftedAt).toISOString() });

    await lab.skipTo(at(13));
    const four = await persistedSteps(s.sessionId, 'signature_reminder_sent', 4);
    expect(four.map((e) => e.payload)).toMatchObject([{ reminder: 1 }, { reminder: 2 }, { reminder: 3 }, { reminder: 4, missing: ['chair'], version: 1 }]);
    expect(await stepsOf(s.sessionId, 'signatures_overdue')).toHaveLength(1);

    // Each one is due on its day counted from the first draft, the escalation after the third reminder.
    expectDue(s.draftedAt, four, [3, 6, 9, 12]);
    expectDue(s.draftedAt, overdue, [10]);
    expect(overdue[0]!.id).toBeGreaterThan(three[2]!.id);

    await expectStillAwaitingSignature(s.handle);
  });

  it('stops reminding once the chair signs, and the session goes on to notify the applicants', async () => {
    if (!session) throw new Error('the previous test did not draft its session');
    const s = session;
    const state = await stateOf(s.handle);
    expect(state.minutes).toMatchObject({ version: 1, sha256: s.sha256 });

    const phase = await s.handle.executeUpdate(signMinutes, { args: [{ actor: s.c.board[0], role: 'chair', sha256: state.minutes!.sha256 }] });
    expect(phase).toBe('signed');
    const result = await lab.result(s.handle);
    expect(result.phase).toBe('completed');
    expect((await s.handle.describe()).status.name).toBe('COMPLETED');
    const [notified] = await persistedSteps(s.sessionId, 'applicants_notified', 1);
    expect(notified!.payload).toMatchObject({ phase: 'notified' });
    expect(await persistedSteps(s.sessionId, 'minutes_signed', 1)).toHaveLength(1);
    expect(await lab.db.session.findUniqueOrThrow({ where: { id: s.sessionId } })).toMatchObject({ phase: 'completed' });

    const reminders = (await stepsOf(s.sessionId, 'signature_reminder_sent')).length;
    expect(reminders).toBe(4);
    await lab.skipTo(s.draftedAt + 22 * dayMs);
    expect(await stepsOf(s.sessionId, 'signature_reminder_sent')).toHaveLength(reminders);
    expect(await stepsOf(s.sessionId, 'signatures_overdue')).toHaveLength(1);
  });
});

describe('reminders to sign the minutes, with the committee\'s own delays', () => {
  it('reminds every 2 days and escalates at day 5 when the session\'s rules say so', async () => {
    const s = await draftedSession('Reminders, own delays', withRules({ signatureReminderDays: 2, signatureEscalationDays: 5 }));
    const at = (days: number) => s.draftedAt + days * dayMs;

    await lab.skipTo(at(1.5));
    expect(await stepsOf(s.sessionId, 'signature_reminder_sent')).toHaveLength(0);

    await lab.skipTo(at(2.5));
    expect((await persistedSteps(s.sessionId, 'signature_reminder_sent', 1))[0]!.payload).toMatchObject({ reminder: 1, missing: ['chair'], version: 1 });

    await lab.skipTo(at(4.5));
    await persistedSteps(s.sessionId, 'signature_reminder_sent', 2);
    expect(await stepsOf(s.sessionId, 'signatures_overdue')).toHaveLength(0);

    await lab.skipTo(at(5.5));
    const overdue = await persistedSteps(s.sessionId, 'signatures_overdue', 1);
    expect(overdue[0]!.payload).toMatchObject({ missing: ['chair'], version: 1 });
    const reminders = await persistedSteps(s.sessionId, 'signature_reminder_sent', 2);

    expectDue(s.draftedAt, reminders, [2, 4]);
    expectDue(s.draftedAt, overdue, [5]);

    await lab.skipTo(at(6.5));
    expect((await persistedSteps(s.sessionId, 'signature_reminder_sent', 3))[2]!.payload).toMatchObject({ reminder: 3 });
    expect(await stepsOf(s.sessionId, 'signatures_overdue')).toHaveLength(1);
    await expectStillAwaitingSignature(s.handle);
  });

  it('sends both the escalation and the reminder due on the same day', async () => {
    const s = await draftedSession('Reminders, escalation on a reminder day', withRules({ signatureReminderDays: 5, signatureEscalationDays: 10 }));
    const at = (days: number) => s.draftedAt + days * dayMs;

    await lab.skipTo(at(9.5));
    expect(await persistedSteps(s.sessionId, 'signature_reminder_sent', 1)).toHaveLength(1);
    expect(await stepsOf(s.sessionId, 'signatures_overdue')).toHaveLength(0);

    await lab.skipTo(at(10.5));
    const overdue = await persistedSteps(s.sessionId, 'signatures_overdue', 1);
    const reminders = await persistedSteps(s.sessionId, 'signature_reminder_sent', 2);
    expect(reminders[1]!.payload).toMatchObject({ reminder: 2, missing: ['chair'], version: 1 });
    expectDue(s.draftedAt, reminders, [5, 10]);
    expectDue(s.draftedAt, overdue, [10]);

    await lab.skipTo(at(14.5));
    expect(await persistedSteps(s.sessionId, 'signature_reminder_sent', 2)).toHaveLength(2);
    await lab.skipTo(at(15.5));
    expect((await persistedSteps(s.sessionId, 'signature_reminder_sent', 3))[2]!.payload).toMatchObject({ reminder: 3 });
    expect(await stepsOf(s.sessionId, 'signatures_overdue')).toHaveLength(1);
  });
});

describe('reminders to sign amended minutes', () => {
  it('names the new version in the reminders after an amendment, and refuses a signature of the old one', async () => {
    const s = await draftedSession('Reminders, amended minutes');
    const at = (days: number) => s.draftedAt + days * dayMs;

    await lab.skipTo(at(3.5));
    expect((await persistedSteps(s.sessionId, 'signature_reminder_sent', 1))[0]!.payload).toMatchObject({ reminder: 1, version: 1 });

    const amended = await s.handle.executeUpdate(amendMinutes, {
      args: [{ actor: secretary, reason: 'the deferral reason was misquoted', text: 'read: "the dwelling\'s energy diagnostics are missing"' }],
    });
    expect(amended).toMatchObject({ status: 'drafted', version: 2, signatures: [] });
    expect(amended.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(amended.sha256).not.toBe(s.sha256);
    expect(amended.redrafting).toBeFalsy();
    expect((await persistedSteps(s.sessionId, 'minutes_amended', 1))[0]!.payload).toMatchObject({ version: 2, previousVersion: 1, sha256: amended.sha256 });
    await expectStillAwaitingSignature(s.handle);

    // Still counted from the first draft: the next reminder is due at day 6, the second one.
    await lab.skipTo(at(5.5));
    expect(await stepsOf(s.sessionId, 'signature_reminder_sent')).toHaveLength(1);
    await lab.skipTo(at(6.5));
    const reminders = await persistedSteps(s.sessionId, 'signature_reminder_sent', 2);
    expect(reminders[1]!.payload).toMatchObject({ reminder: 2, missing: ['chair'], version: 2 });

    const refusal = await refusalOf(s.handle.executeUpdate(signMinutes, { args: [{ actor: s.c.board[0], role: 'chair', sha256: s.sha256 }] }));
    expect(refusal).toMatchObject({ type: 'SessionConflict', rule: 'sign_current_minutes' });
    expect(refusal.message).toMatch(/version 2/);
    await expectStillAwaitingSignature(s.handle);
    expect((await stateOf(s.handle)).minutes).toMatchObject({ version: 2, sha256: amended.sha256, signatures: [] });

    await lab.skipTo(at(10.5));
    const overdue = await persistedSteps(s.sessionId, 'signatures_overdue', 1);
    expect(overdue[0]!.payload).toMatchObject({ missing: ['chair'], version: 2 });
    expect((await persistedSteps(s.sessionId, 'signature_reminder_sent', 3))[2]!.payload).toMatchObject({ reminder: 3, version: 2 });

    expect(await s.handle.executeUpdate(signMinutes, { args: [{ actor: s.c.board[0], role: 'chair', sha256: amended.sha256 }] })).toBe('signed');
    expect((await lab.result(s.handle)).phase).toBe('completed');
    expect((await persistedSteps(s.sessionId, 'minutes_signed', 1))[0]!.payload).toMatchObject({ version: 2, sha256: amended.sha256 });
  });
});
