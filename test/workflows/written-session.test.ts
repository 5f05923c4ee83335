// A written session on the time-skipping server, with the real activities: the window opens and
// closes on its timers, members who have not voted are reminded before the close, the worker is
// restarted in the middle, the secretary extends the window, one item is referred to a live
// sitting, one lacks participation; and a window closed early once every seat voted.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCommitteeRules, defaultWrittenSessionRules, type CommitteeRules, type WrittenSessionRules } from '../../domain/rules/index.ts';
import type { MinutesDocument } from '../../domain/minutes.ts';
import type { SessionState } from '../../domain/session/index.ts';
import {
  addAgendaItem, castVote, closeSession, extendWindow, getSessionState, openVote, postMessage, publishAgenda, referItem,
} from '../../workflows/session-messages.ts';
import {
  allocationItem, hourMs, minuteMs, rankedProposal, refusalOf, seedCommittee, SessionLab, startAfter, startTimeSkipping, type CommitteeFixture, type SessionHandle,
} from '../support/time-skipping.ts';

const secretary = 'staff:secretary';
const persisted = { timeout: 15_000, interval: 50 };
let lab: SessionLab;

beforeAll(async () => {
  lab = await startTimeSkipping('written-session', { restartable: true });
});
afterAll(async () => {
  await lab?.close();
});

function writtenRules(changes: Partial<WrittenSessionRules> = {}): CommitteeRules {
  return {
    ...defaultCommitteeRules,
    writtenSessions: { ...defaultWrittenSessionRules, allowed: true, approval: { date: '2030-01-15', reference: 'CA 2030-04' }, ...changes },
  };
}

const stateOf = (handle: SessionHandle): Promise<SessionState> => handle.query(getSessionState);

/** Another dwelling of the committee with three applications: an item of its own. */
async function otherItem(c: CommitteeFixture, reference: string) {
  const dwellingId = randomUUID();
  const applicationIds = [randomUUID(), randomUUID(), randomUUID()] as CommitteeFixture['applicationIds'];
  await lab.db.dwelling.create({ data: { id: dwellingId, committeeId: c.committeeId, reference, address: '1 place de la Mairie', commune: c.place.commune, type: 'T2', surfaceM2: 45, rentCents: 41_000, financing: 'PLAI' } });
  await lab.db.application.createMany({ data: applicationIds.map((id, i) => ({ id, committeeId: c.committeeId, applicationNumber: `${reference}-${'ABC'[i]}`, householdSummary: `Ménage ${i + 1}` })) });
  return { ...c, dwellingId, applicationIds };
}

/** A written session convened six days ahead, each item's proposal put before the window opens. */
async function convenedWritten(name: string, hours: number, rules: CommitteeRules, items: CommitteeFixture[]) {
  const c = items[0]!;
  const opensAt = startAfter(await lab.now(), 6);
  const closesAt = opensAt + hours * hourMs;
  const { sessionId, handle } = await lab.start(c, { scheduledStart: opensAt, closesAt, mode: 'written', rules });
  const ids: string[] = [];
  for (const fixture of items) {
    const item = await handle.executeUpdate(addAgendaItem, { args: [allocationItem(fixture)] });
    await handle.executeUpdate(openVote, { args: [{ actor: secretary, itemId: item.id, proposal: rankedProposal(fixture) }] });
    ids.push(item.id);
  }
  expect(await handle.executeUpdate(publishAgenda, { args: [{ actor: secretary }] })).toBe('convened');
  await lab.convened(handle);
  return { c, sessionId, handle, opensAt, closesAt, ids, name };
}

const vote = (handle: SessionHandle, itemId: string, memberId: string, choice: 'for' | 'against' | 'abstain' = 'for') =>
  handle.executeUpdate(castVote, { args: [{ actor: memberId, itemId, memberId, choice }] });

describe('a written session on durable timers', () => {
  it('opens, reminds, survives a restart, is extended once and closes on time; each item as its participation and referrals decide', async () => {
    const first = await seedCommittee(lab.db, 'Written window');
    const second = await otherItem(first, 'VIL-0100');
    const third = await otherItem(first, 'VIL-0200');
    const s = await convenedWritten('window', 48, writtenRules({ reminderHoursBeforeClose: [24, 2] }), [first, second, third]);
    const [adopted, thin, referred] = s.ids as [string, string, string];
    const { c, handle } = s;

    // Before the opening nobody votes; at the opening time the window opens by itself.
    expect((await refusalOf(vote(handle, adopted, c.board[0]))).rule).toBe('session_phase');
    await lab.skipTo(s.opensAt);
    await expect.poll(async () => (await stateOf(handle)).phase, persisted).toBe('deliberating');

    await handle.executeUpdate(postMessage, { args: [{ actor: secretary, itemId: adopted, text: 'Le premier ménage est reconnu prioritaire DALO.' }] });
    await handle.executeUpdate(postMessage, { args: [{ actor: c.board[0], itemId: adopted, text: 'Favorable à la proposition.' }] });
    for (const memberId of c.board.slice(0, 5)) await vote(handle, adopted, memberId);
    await vote(handle, adopted, c.board[4], 'against');
    for (const memberId of c.board.slice(0, 2)) await vote(handle, thin, memberId);
    const request = await handle.executeUpdate(referItem, { args: [{ actor: c.board[2], itemId: referred, reason: 'le logement doit être visité avant de décider' }] });
    expect(request).toMatchObject({ status: 'deferred', deferral: { cause: 'referral' } });

    // A new worker half-way: the timers are the server's, the state is the workflow's history.
    await lab.restartWorker();

    const reminders = () => lab.mail.messages.filter((m) => m.subject?.startsWith('Rappel — séance écrite'));
    const before = reminders().length;
    await lab.skipTo(s.closesAt - 24 * hourMs + minuteMs);
    await expect.poll(async () => (await stateOf(handle)).window?.reminders.length, persisted).toBe(1);
    const first24 = (await stateOf(handle)).window!.reminders[0]!;
    // Everyone with a seat and an item left without their ballot; the board's first two voted on both.
    expect(first24).toMatchObject({ hoursBefore: 24, closesAt: new Date(s.closesAt).toISOString() });
    expect([...first24.memberIds].sort()).toEqual([...c.board.slice(2), c.prefect, c.mayor].sort());
    await expect.poll(() => reminders().length - before, persisted).toBe(6);

    const extended = await handle.executeUpdate(extendWindow, { args: [{ actor: secretary, closesAt: new Date(s.closesAt + 24 * hourMs).toISOString(), reason: 'pièces complémentaires reçues' }] });
    expect(extended).toMatchObject({ closesAt: new Date(s.closesAt + 24 * hourMs).toISOString(), extension: { reason: 'pièces complémentaires reçues' } });
    expect((await refusalOf(handle.executeUpdate(extendWindow, { args: [{ actor: secretary, closesAt: new Date(s.closesAt + 30 * hourMs).toISOString(), reason: 'encore' }] }))).rule).toBe('window_extended_once');

    // The first close has passed: the window is still open, and votes still count.
    await lab.skipTo(s.closesAt + minuteMs);
    expect((await stateOf(handle)).phase).toBe('deliberating');
    await vote(handle, thin, c.board[2]);
    const newClose = s.closesAt + 24 * hourMs;
    await lab.skipTo(newClose - 2 * hourMs + minuteMs);
    await expect.poll(async () => (await stateOf(handle)).window?.reminders.map((r) => `${r.hoursBefore}@${r.closesAt}`), persisted)
      .toEqual([`24@${new Date(s.closesAt).toISOString()}`, `24@${new Date(newClose).toISOString()}`, `2@${new Date(newClose).toISOString()}`]);

    await lab.skipTo(newClose);
    await expect.poll(async () => (await stateOf(handle)).phase, persisted).toBe('minutes_drafted');
    const state = await stateOf(handle);
    expect(state.window).toMatchObject({ early: false });
    // Closed by its timer: at the close, not before (the workflow's time, a moment after the timer).
    expect(Date.parse(state.window!.closedAt!) - newClose).toBeGreaterThanOrEqual(0);
    expect(Date.parse(state.window!.closedAt!) - newClose).toBeLessThan(minuteMs);
    const byId = new Map(state.agenda.map((i) => [i.id, i]));
    expect(byId.get(adopted)).toMatchObject({ status: 'decided', results: [{ outcome: 'adopted', counts: { for: 4, against: 1 }, quorum: { rosterSize: 8, present: 5, required: 4, reached: true } }] });
    expect(byId.get(thin)).toMatchObject({ status: 'deferred', deferral: { cause: 'participation_not_reached' }, results: [{ quorum: { present: 3, required: 4, reached: false } }] });
    expect(byId.get(referred)).toMatchObject({ status: 'deferred', deferral: { cause: 'referral', reason: 'le logement doit être visité avant de décider' } });

    // The record: the steps in the trail, the referred item marked for the next live sitting, the minutes with the debate.
    const steps = async () => (await lab.db.auditEvent.findMany({ where: { sessionId: s.sessionId }, orderBy: { id: 'asc' } })).map((e) => e.type);
    await expect.poll(async () => (await steps()).filter((t) => ['window_opened', 'message_posted', 'referral_requested', 'voters_reminded', 'window_extended', 'window_closed'].includes(t)), persisted)
      .toEqual(['window_opened', 'message_posted', 'message_posted', 'referral_requested', 'voters_reminded', 'window_extended', 'voters_reminded', 'voters_reminded', 'window_closed']);
    expect(await lab.db.agendaItem.findUnique({ where: { id: referred } })).toMatchObject({ referred: true, carriedToSessionId: null });
    const minutes = await lab.db.minutes.findFirstOrThrow({ where: { sessionId: s.sessionId } });
    const document = minutes.document as unknown as MinutesDocument;
    expect(document.window).toMatchObject({ opensAt: new Date(s.opensAt).toISOString(), closesAt: new Date(newClose).toISOString(), extension: { reason: 'pièces complémentaires reçues' } });
    expect(document.items[0]!.written!.debate.map((d) => d.text)).toEqual(['Le premier ménage est reconnu prioritaire DALO.', 'Favorable à la proposition.']);
    expect(document.items[1]!.written!.participation).toMatchObject({ present: 3, required: 4, reached: false });
  });

  it('closes early where the rules allow it, once every seat of the roster voted, and not before', async () => {
    const c = await seedCommittee(lab.db, 'Written early close');
    const s = await convenedWritten('early', 24, writtenRules({ earlyCloseAllowed: true }), [c]);
    const [itemId] = s.ids as [string];
    await lab.skipTo(s.opensAt);
    await expect.poll(async () => (await stateOf(s.handle)).phase, persisted).toBe('deliberating');
    const seats = [...c.board, c.prefect, c.mayor];
    for (const memberId of seats.slice(0, -1)) await vote(s.handle, itemId, memberId);
    expect((await refusalOf(s.handle.executeUpdate(closeSession, { args: [{ actor: secretary }] }))).rule).toBe('written_early_close_all_voted');
    await vote(s.handle, itemId, c.mayor, 'against');
    expect(await s.handle.executeUpdate(closeSession, { args: [{ actor: secretary }] })).toBe('closed');
    const state = await stateOf(s.handle);
    expect(state.window).toMatchObject({ early: true });
    expect(state.agenda[0]).toMatchObject({ status: 'decided', results: [{ counts: { for: 7, against: 1 }, quorum: { present: 8, reached: true } }] });
  });
});
