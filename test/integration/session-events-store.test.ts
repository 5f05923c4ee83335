// The activity that stores a session's events, run again over events it already stored (a retry
// after a timeout, a reset replaying the run): each event is written once, its projections once,
// and the chain stays whole.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSessionEvents } from '../../activities/store/session-events.ts';
import { decide, evolve, initialState, type SessionCommand, type SessionEvent } from '../../domain/session/index.ts';
import { verifyAuditTrail } from '../../prisma/audit-trail.ts';
import type { Database } from '../../prisma/database.ts';
import { testDatabase } from '../support/database.ts';
import { rankedProposal, seedCommittee, type CommitteeFixture } from '../support/time-skipping.ts';
import { defaultCommitteeRules } from '../../domain/rules/index.ts';

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await db?.$disconnect();
});

const dayMs = 24 * 60 * 60 * 1000;

/** The events of a session through a decided vote, as the decider makes them. */
function sessionEvents(c: CommitteeFixture, sessionId: string, itemId: string, now: number): SessionEvent[] {
  const scheduledStart = now + 8 * dayMs;
  let state = initialState({
    sessionId, committeeId: c.committeeId, rulesVersion: 1, rules: defaultCommitteeRules, members: c.members,
    scheduledStart: new Date(scheduledStart).toISOString(), mode: 'in_person', videoProvider: 'manual', timeZone: 'Europe/Paris',
  });
  const secretary = 'staff:secretary';
  const steps: Array<[SessionCommand, number]> = [
    [{ type: 'start_session', actor: 'system' }, now],
    [{ type: 'add_agenda_item', actor: secretary, itemId, kind: 'allocation', dwellingId: c.dwellingId, place: c.place, candidates: c.applicationIds.map((applicationId, i) => ({ applicationId, rank: i + 1 })) }, now],
    [{ type: 'publish_agenda', actor: secretary }, now],
    [{ type: 'record_convocations', actor: 'system', sequence: 1, delivered: c.members.map((m) => ({ memberId: m.id, at: new Date(now).toISOString() })), failed: [] }, now],
    [{ type: 'open_session', actor: secretary }, scheduledStart],
    ...[c.board[0], c.board[1], c.board[2], c.board[3]].map((memberId): [SessionCommand, number] => [{ type: 'record_attendance', actor: secretary, memberId, present: true }, scheduledStart]),
    [{ type: 'open_vote', actor: secretary, itemId, proposal: rankedProposal(c) }, scheduledStart],
    ...[c.board[0], c.board[1], c.board[2]].map((memberId): [SessionCommand, number] => [{ type: 'cast_vote', actor: memberId, itemId, memberId, choice: 'for' }, scheduledStart]),
    [{ type: 'close_vote', actor: secretary, itemId }, scheduledStart],
  ];
  const events: SessionEvent[] = [];
  for (const [command, at] of steps) {
    const decision = decide(state, command, at);
    if (decision.refusal) throw new Error(`${command.type}: ${decision.refusal.message}`);
    for (const e of decision.events) {
      state = evolve(state, e);
      events.push(e);
    }
  }
  return events;
}

describe('storing session events again', () => {
  it('writes each event, ballot and decision once, and keeps the chain whole', async () => {
    const c = await seedCommittee(db, 'Events stored twice');
    const sessionId = randomUUID();
    const itemId = randomUUID();
    const now = Date.now();
    await db.session.create({ data: { id: sessionId, committeeId: c.committeeId, rulesVersion: 1, scheduledStart: new Date(now + 8 * dayMs), mode: 'in_person', workflowId: `session-${sessionId}` } });
    const events = sessionEvents(c, sessionId, itemId, now);
    const half = Math.floor(events.length / 2);

    expect(await recordSessionEvents(db, sessionId, c.committeeId, events.slice(0, half))).toBe(half);
    // A retry of the first batch, then a batch that overlaps it: only the new events are written.
    expect(await recordSessionEvents(db, sessionId, c.committeeId, events.slice(0, half))).toBe(0);
    expect(await recordSessionEvents(db, sessionId, c.committeeId, events)).toBe(events.length - half);
    expect(await recordSessionEvents(db, sessionId, c.committeeId, events)).toBe(0);

    const stored = await db.auditEvent.findMany({ where: { sessionId }, orderBy: { id: 'asc' } });
    expect(stored.map((e) => e.type)).toEqual(events.map((e) => e.type));
    expect(await db.vote.count({ where: { agendaItemId: itemId } })).toBe(3);
    expect(await db.decision.count({ where: { agendaItemId: itemId } })).toBe(3);
    expect(await db.agendaCandidate.count({ where: { agendaItemId: itemId } })).toBe(3);
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).phase).toBe('deliberating');
    const [chain] = await verifyAuditTrail(db, c.committeeId);
    expect(chain).toMatchObject({ ok: true, events: events.length });
  });
});
