// The lifecycle of a committee session over days and minutes, on the time-skipping server with
// the real activities: the convocation notice period, the quorum grace period ending in a
// carence and a reconvened session, quorum lost and restored mid-session, and rules pinned on a
// session when it starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaItemState, SessionMode } from '../../domain/session/index.ts';
import {
  addAgendaItem,
  castVote,
  closeSession,
  closeVote,
  getSessionState,
  openSession,
  openVote,
  publishAgenda,
  recordAttendance,
} from '../../workflows/session-messages.ts';
import { defaultCommitteeRules, type CommitteeRules, type QuorumSnapshot } from '../../domain/rules/index.ts';
import {
  allocationItem,
  rankedProposal,
  dayMs,
  hourMs,
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
let lab: SessionLab;

beforeAll(async () => {
  lab = await startTimeSkipping('session-lifecycle');
});
afterAll(async () => {
  await lab?.close();
});

function withRules(changes: { quorum?: Partial<CommitteeRules['quorum']> } & Partial<Omit<CommitteeRules, 'quorum'>>): CommitteeRules {
  return { ...defaultCommitteeRules, ...changes, quorum: { ...defaultCommitteeRules.quorum, ...changes.quorum } };
}

async function attend(handle: SessionHandle, memberIds: readonly string[], present = true): Promise<QuorumSnapshot | undefined> {
  let quorum: QuorumSnapshot | undefined;
  for (const memberId of memberIds) {
    quorum = await handle.executeUpdate(recordAttendance, { args: [{ actor: secretary, memberId, present }] });
  }
  return quorum;
}

/** A session six days ahead of the server's clock, convened at once with the dwelling's item. */
async function convenedSession(c: CommitteeFixture, mode: SessionMode, pinned?: { rules: CommitteeRules; rulesVersion: number; startOffsetMs: number }) {
  const scheduledStart = startAfter(await lab.now(), 6, pinned?.startOffsetMs);
  const { sessionId, handle } = await lab.start(c, { scheduledStart, mode, ...(pinned ? { rules: pinned.rules, rulesVersion: pinned.rulesVersion } : {}) });
  const item = await handle.executeUpdate(addAgendaItem, { args: [allocationItem(c)] });
  expect(await handle.executeUpdate(publishAgenda, { args: [{ actor: secretary }] })).toBe('convened');
  await lab.convened(handle);
  return { sessionId, handle, item, scheduledStart };
}

/** A session opened at its start with two board members only, left to its grace period. */
async function openedWithoutQuorum(c: CommitteeFixture, mode: SessionMode) {
  const session = await convenedSession(c, mode);
  await lab.skipTo(session.scheduledStart);
  const quorum = await attend(session.handle, [c.board[0], c.board[1]]);
  expect(quorum).toMatchObject({ rosterSize: 7, present: 2, required: 4, reached: false });
  expect(await session.handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('open');
  return session;
}

describe('the convocation notice period', () => {
  it('refuses an agenda published four days before the session, unless an urgency reason is given', async () => {
    const c = await seedCommittee(lab.db, 'Notice, urgency allowed');
    const { handle } = await lab.start(c, { scheduledStart: startAfter(await lab.now(), 4) });
    await handle.executeUpdate(addAgendaItem, { args: [allocationItem(c)] });

    expect(await refusalOf(handle.executeUpdate(publishAgenda, { args: [{ actor: secretary }] }))).toMatchObject({ type: 'RuleViolation', rule: 'notice_period' });
    expect(await refusalOf(handle.executeUpdate(publishAgenda, { args: [{ actor: secretary, urgencyReason: '   ' }] }))).toMatchObject({ type: 'RuleViolation', rule: 'notice_period' });
    expect((await handle.query(getSessionState)).phase).toBe('draft');

    const phase = await handle.executeUpdate(publishAgenda, { args: [{ actor: secretary, urgencyReason: 'the dwelling is vacant and the DALO household is in an emergency shelter' }] });
    expect(phase).toBe('convened');
    expect((await handle.query(getSessionState)).phase).toBe('convened');
  });

  it('refuses an urgent convocation inside the notice period when the committee\'s rules allow none', async () => {
    const c = await seedCommittee(lab.db, 'Notice, no urgency');
    const rules = withRules({ urgentConvocationAllowed: false });
    const { handle } = await lab.start(c, { scheduledStart: startAfter(await lab.now(), 4), rules });
    await handle.executeUpdate(addAgendaItem, { args: [allocationItem(c)] });

    const refusal = await refusalOf(handle.executeUpdate(publishAgenda, { args: [{ actor: secretary, urgencyReason: 'the dwelling is vacant' }] }));
    expect(refusal).toMatchObject({ type: 'RuleViolation', rule: 'notice_period' });
    expect(refusal.message).toMatch(/no urgent convocation/);
    expect((await handle.query(getSessionState)).phase).toBe('draft');
  });

  it('accepts an agenda published six days before the session without any reason', async () => {
    const c = await seedCommittee(lab.db, 'Notice in time');
    const { handle } = await lab.start(c, { scheduledStart: startAfter(await lab.now(), 6) });
    await handle.executeUpdate(addAgendaItem, { args: [allocationItem(c)] });

    expect(await handle.executeUpdate(publishAgenda, { args: [{ actor: secretary }] })).toBe('convened');
  });
});

describe('the quorum grace period', () => {
  it('adjourns a session still without quorum 30 minutes after its start and reconvenes it 7 days later', async () => {
    const c = await seedCommittee(lab.db, 'Carence');
    const { sessionId, handle, scheduledStart } = await openedWithoutQuorum(c, 'in_person');
    const graceDeadline = scheduledStart + 30 * minuteMs;

    await lab.skipTo(graceDeadline - minuteMs);
    expect((await handle.query(getSessionState)).phase).toBe('open');

    await lab.skipTo(graceDeadline + minuteMs);
    const result = await lab.result(handle);
    expect(result.phase).toBe('adjourned');
    const state = await handle.query(getSessionState);
    expect(state.phase).toBe('adjourned');
    expect(state.reconvenedAs).toEqual(expect.any(String));
    expect((await handle.describe()).status.name).toBe('COMPLETED');

    const events = await lab.db.auditEvent.findMany({ where: { sessionId }, orderBy: { id: 'asc' } });
    const types = events.map((e) => e.type);
    expect(types).toContain('session_adjourned');
    expect(types).toContain('session_reconvened');
    expect(types.indexOf('session_adjourned')).toBeLessThan(types.indexOf('session_reconvened'));
    const adjourned = events.find((e) => e.type === 'session_adjourned')!;
    expect(adjourned.occurredAt.getTime()).toBeGreaterThanOrEqual(graceDeadline);
    expect(adjourned.payload).toMatchObject({ phase: 'adjourned', quorum: { present: 2, required: 4, reached: false } });
    expect(events.find((e) => e.type === 'session_reconvened')!.payload).toMatchObject({ reconvenedSessionId: state.reconvenedAs });

    expect(await lab.db.session.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ phase: 'adjourned' });
    const reconvened = await lab.db.session.findFirstOrThrow({ where: { reconvenedFromId: sessionId } });
    expect(reconvened).toMatchObject({ id: state.reconvenedAs, committeeId: c.committeeId, mode: 'in_person', rulesVersion: 1, workflowId: `session-${state.reconvenedAs}` });
    expect(reconvened.scheduledStart.getTime()).toBe(scheduledStart + 7 * dayMs);
  });

  it('does not adjourn a session whose quorum is reached within the grace period', async () => {
    const c = await seedCommittee(lab.db, 'Quorum in grace');
    const { handle, scheduledStart } = await openedWithoutQuorum(c, 'in_person');

    await lab.skipTo(scheduledStart + 20 * minuteMs);
    expect(await attend(handle, [c.board[2], c.prefect])).toMatchObject({ present: 4, required: 4, reached: true });
    expect((await handle.query(getSessionState)).phase).toBe('deliberating');

    await lab.skipTo(scheduledStart + 2 * hourMs);
    const state = await handle.query(getSessionState);
    expect(state.phase).toBe('deliberating');
    expect(state.reconvenedAs).toBeUndefined();
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const itemId = state.agenda[0]!.id;
    await handle.executeUpdate(openVote, { args: [{ actor: secretary, itemId, proposal: rankedProposal(c) }] });
    expect((await handle.query(getSessionState)).openVote?.itemId).toBe(itemId);
  });
});

describe('the session reconvened after a carence', () => {
  async function reconvenedAfterCarence(c: CommitteeFixture, mode: SessionMode) {
    const first = await openedWithoutQuorum(c, mode);
    await lab.skipTo(first.scheduledStart + 31 * minuteMs);
    const adjourned = await lab.result(first.handle);
    expect(adjourned.phase).toBe('adjourned');
    const reconvenedId = adjourned.reconvenedAs!;
    const handle = lab.session(reconvenedId);
    await lab.convened(handle);
    return { first, reconvenedId, handle };
  }

  function expectCarriedOver(carried: AgendaItemState[], original: AgendaItemState) {
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({
      kind: 'allocation',
      position: 1,
      dwellingId: original.dwellingId,
      place: original.place,
      candidates: original.candidates,
      status: 'pending',
      votes: {},
      results: [],
      decisions: [],
    });
    expect(carried[0]!.id).not.toBe(original.id);
  }

  it('runs convened on the undecided items and, in person, deliberates and votes without quorum', async () => {
    const c = await seedCommittee(lab.db, 'Reconvened in person');
    const { first, reconvenedId, handle } = await reconvenedAfterCarence(c, 'in_person');

    expect((await handle.describe()).status.name).toBe('RUNNING');
    const convened = await handle.query(getSessionState);
    expect(convened).toMatchObject({
      sessionId: reconvenedId,
      phase: 'convened',
      mode: 'in_person',
      withoutQuorum: true,
      reconvenedFrom: first.sessionId,
      scheduledStart: new Date(first.scheduledStart + 7 * dayMs).toISOString(),
    });
    expectCarriedOver(convened.agenda, first.item);

    await lab.skipTo(first.scheduledStart + 7 * dayMs);
    await attend(handle, [c.board[0], c.board[1]]);
    expect(await handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('deliberating');
    expect((await handle.query(getSessionState)).quorum).toMatchObject({ present: 2, required: 0, reached: true });

    const itemId = convened.agenda[0]!.id;
    const opened = await handle.executeUpdate(openVote, { args: [{ actor: secretary, itemId, proposal: rankedProposal(c) }] });
    expect(opened.quorum).toMatchObject({ rosterSize: 8, present: 2, required: 0, reached: true });
    for (const voter of [c.board[0], c.board[1]]) {
      await handle.executeUpdate(castVote, { args: [{ actor: voter, itemId, memberId: voter, choice: 'for' }] });
    }
    const result = await handle.executeUpdate(closeVote, { args: [{ actor: secretary, itemId }] });
    expect(result).toMatchObject({ outcome: 'adopted', itemStatus: 'decided', counts: { for: 2, against: 0, abstain: 0 } });
    expect(await handle.executeUpdate(closeSession, { args: [{ actor: secretary }] })).toBe('closed');
  });

  it('refuses a remote vote while fewer than half of the members take part, even without quorum', async () => {
    const c = await seedCommittee(lab.db, 'Reconvened remote');
    const { first, handle } = await reconvenedAfterCarence(c, 'remote');
    const convened = await handle.query(getSessionState);
    expect(convened).toMatchObject({ phase: 'convened', mode: 'remote', withoutQuorum: true });
    expectCarriedOver(convened.agenda, first.item);

    await lab.skipTo(first.scheduledStart + 7 * dayMs);
    await attend(handle, [c.board[0], c.board[1]]);
    expect(await handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('deliberating');
    const itemId = convened.agenda[0]!.id;
    const vote = () => handle.executeUpdate(openVote, { args: [{ actor: secretary, itemId, proposal: rankedProposal(c) }] });
    expect(await refusalOf(vote())).toMatchObject({ type: 'RuleViolation', rule: 'remote_half_participation' });

    await attend(handle, [c.board[2], c.prefect]);
    expect((await vote()).quorum).toMatchObject({ rosterSize: 8, present: 4 });
  });
});

describe('quorum during the sitting', () => {
  it('refuses to open a vote once members leave and quorum is lost, and opens it when a member comes back', async () => {
    const c = await seedCommittee(lab.db, 'Quorum lost');
    const { handle, item, scheduledStart } = await convenedSession(c, 'in_person');
    await lab.skipTo(scheduledStart);
    await attend(handle, [c.board[0], c.board[1], c.board[2], c.board[3], c.prefect, c.mayor]);
    expect(await handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('deliberating');

    await attend(handle, [c.prefect, c.board[3], c.mayor], false);
    const state = await handle.query(getSessionState);
    expect(state.phase).toBe('deliberating');
    expect(state.quorum).toMatchObject({ rosterSize: 7, present: 3, required: 4, reached: false });
    const vote = () => handle.executeUpdate(openVote, { args: [{ actor: secretary, itemId: item.id, proposal: rankedProposal(c) }] });
    const refusal = await refusalOf(vote());
    expect(refusal).toMatchObject({ type: 'RuleViolation', rule: 'quorum_before_each_vote' });
    expect(refusal.message).toMatch(/3 present or represented of 8, 4 required/);

    await attend(handle, [c.mayor]);
    expect((await vote()).quorum).toMatchObject({ rosterSize: 8, present: 4, required: 4, reached: true });
    expect((await handle.query(getSessionState)).openVote?.itemId).toBe(item.id);
  });
});

describe('the rules a session starts with', () => {
  it('keeps a running session on its rules when the committee adopts a higher quorum', async () => {
    const c = await seedCommittee(lab.db, 'Pinned rules');
    const before = withRules({ quorum: { threshold: 0.5 } });
    const after = withRules({ quorum: { threshold: 0.75 } });
    await lab.db.committeeRules.create({ data: { committeeId: c.committeeId, version: 1, rules: before as object } });
    const running = await convenedSession(c, 'in_person', { rules: before, rulesVersion: 1, startOffsetMs: 0 });
    await lab.db.committeeRules.create({ data: { committeeId: c.committeeId, version: 2, rules: after as object } });
    const later = await convenedSession(c, 'in_person', { rules: after, rulesVersion: 2, startOffsetMs: hourMs });
    const sameAttendance = [c.board[0], c.board[1], c.board[2], c.prefect, c.mayor];

    await lab.skipTo(running.scheduledStart);
    await attend(running.handle, sameAttendance);
    expect(await running.handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('deliberating');

    await lab.skipTo(later.scheduledStart);
    await attend(later.handle, sameAttendance);
    expect(await later.handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('open');
    expect((await later.handle.query(getSessionState)).quorum).toMatchObject({ rosterSize: 7, present: 4, required: 6, reached: false });
    expect(await refusalOf(later.handle.executeUpdate(openVote, { args: [{ actor: secretary, itemId: later.item.id, proposal: rankedProposal(c) }] })))
      .toMatchObject({ type: 'SessionConflict', rule: 'session_phase' });

    const opened = await running.handle.executeUpdate(openVote, { args: [{ actor: secretary, itemId: running.item.id, proposal: rankedProposal(c) }] });
    expect(opened.quorum).toMatchObject({ rosterSize: 8, present: 5, required: 4, reached: true });
    expect((await running.handle.query(getSessionState)).phase).toBe('deliberating');
  });
});

// Last in the file: with the bug below, the adjourned session retries its activity for ever, and
// every later time skip would replay those retries.
describe('a carence in a committee that meets every week', () => {
  it('reconvenes the session even when the committee\'s next session is already scheduled 7 days later', async () => {
    const c = await seedCommittee(lab.db, 'Weekly committee');
    const first = await convenedSession(c, 'in_person');
    const nextWeek = await lab.start(c, { scheduledStart: first.scheduledStart + 7 * dayMs, mode: 'in_person' });
    await lab.skipTo(first.scheduledStart);
    await attend(first.handle, [c.board[0]]);
    expect(await first.handle.executeUpdate(openSession, { args: [{ actor: secretary }] })).toBe('open');

    await lab.skipTo(first.scheduledStart + 31 * minuteMs);
    const adjourned = await lab.result(first.handle);
    expect(adjourned.phase).toBe('adjourned');
    expect(adjourned.reconvenedAs).toEqual(expect.any(String));
    expect(adjourned.reconvenedAs).not.toBe(nextWeek.sessionId);

    const reconvened = await lab.db.session.findUniqueOrThrow({ where: { id: adjourned.reconvenedAs! } });
    expect(reconvened.reconvenedFromId).toBe(first.sessionId);
    expect(reconvened.scheduledStart.getTime()).toBeGreaterThanOrEqual(first.scheduledStart + 7 * dayMs);
    expect(await lab.db.session.findUniqueOrThrow({ where: { id: nextWeek.sessionId } })).toMatchObject({ reconvenedFromId: null, phase: 'draft' });
    const state = await lab.session(adjourned.reconvenedAs!).query(getSessionState);
    expect(state).toMatchObject({ phase: 'convened', withoutQuorum: true, reconvenedFrom: first.sessionId });
    expect(state.agenda.map((i) => i.dwellingId)).toEqual([c.dwellingId]);
  });
});
