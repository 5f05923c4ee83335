// Votes are stored in batches: a vote is durable once acknowledged (it is in the workflow's
// history), and waits at most `deferredStepsMaxWaitMs` to go to PostgreSQL with the steps after it.
// Read from the session's own history: which steps each session-steps activity carried, and when.
import { tsToMs } from '@temporalio/common/lib/time.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem, castVote, closeVote, openSession, openVote, publishAgenda, recordAttendance } from '../../workflows/session-messages.ts';
import type { SessionEvent } from '../../domain/session/index.ts';
import { deferredStepsMaxWaitMs } from '../../workflows/step-batching.ts';
import { replayAndKeep } from '../support/histories.ts';
import {
  allocationItem,
  rankedProposal,
  seedCommittee,
  SessionLab,
  startAfter,
  startTimeSkipping,
  type SessionHandle,
} from '../support/time-skipping.ts';

const secretary = 'staff:secretary';
const persisted = { timeout: 15_000, interval: 50 };
const waitingTypes = new Set(['vote_cast', 'vote_opened', 'attendance_recorded', 'meeting_event']);
let lab: SessionLab;

beforeAll(async () => {
  lab = await startTimeSkipping('step-batching');
});
afterAll(async () => {
  await lab?.close();
});

interface StoredBatch {
  scheduledAt: number;
  steps: SessionEvent[];
}

/** The session-steps activities of the session's history: when each was scheduled and what it carried. */
async function batchesOf(handle: SessionHandle): Promise<StoredBatch[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name !== 'recordSessionEvents') return [];
    const steps = JSON.parse(Buffer.from(scheduled.input!.payloads![2]!.data!).toString('utf8')) as SessionEvent[];
    return [{ scheduledAt: tsToMs(event.eventTime), steps }];
  });
}

/** Each batch went when a step that does not wait was queued, or once its first step had waited its longest. */
function expectBatchedByTheRule(batches: StoredBatch[]): void {
  for (const batch of batches) {
    const waitedItsLongest = batch.scheduledAt >= Date.parse(batch.steps[0]!.at) + deferredStepsMaxWaitMs;
    const carriesAStepThatDoesNotWait = batch.steps.some((s) => !waitingTypes.has(s.type));
    expect(carriesAStepThatDoesNotWait || waitedItsLongest, `batch of ${batch.steps.map((s) => s.type).join(', ')}`).toBe(true);
  }
}

async function deliberatingSession(name: string) {
  const c = await seedCommittee(lab.db, name);
  const scheduledStart = startAfter(await lab.now(), 6);
  const { sessionId, handle } = await lab.start(c, { scheduledStart, mode: 'in_person' });
  const item = await handle.executeUpdate(addAgendaItem, { args: [allocationItem(c)] });
  await handle.executeUpdate(publishAgenda, { args: [{ actor: secretary }] });
  await lab.convened(handle);
  await lab.skipTo(scheduledStart);
  const voters = [c.board[0], c.board[1], c.board[2], c.board[3], c.prefect];
  for (const memberId of voters) await handle.executeUpdate(recordAttendance, { args: [{ actor: secretary, memberId, present: true }] });
  await handle.executeUpdate(openSession, { args: [{ actor: secretary }] });
  return { c, sessionId, handle, itemId: item.id, voters };
}

describe('votes stored in batches', () => {
  it('stores the ballots of a vote once, with its close, in fewer activities than ballots', async () => {
    const { c, sessionId, handle, itemId, voters } = await deliberatingSession('Batched ballots');
    await handle.executeUpdate(openVote, { args: [{ actor: secretary, itemId, proposal: rankedProposal(c) }] });
    for (const memberId of voters) await handle.executeUpdate(castVote, { args: [{ actor: memberId, itemId, memberId, choice: 'for' }] });
    // One member changes their mind: the row keeps the last choice, the trail both.
    await handle.executeUpdate(castVote, { args: [{ actor: voters[4]!, itemId, memberId: voters[4]!, choice: 'against' }] });
    await handle.executeUpdate(closeVote, { args: [{ actor: secretary, itemId }] });

    await expect.poll(() => lab.db.decision.count({ where: { sessionId } }), persisted).toBe(3);
    const rows = await lab.db.vote.findMany({ where: { agendaItemId: itemId } });
    expect(rows.map((r) => [r.memberId, r.choice]).sort()).toEqual(voters.map((v, i) => [v, i === 4 ? 'against' : 'for']).sort());
    const events = await lab.db.auditEvent.findMany({ where: { sessionId, type: 'vote_cast' }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => (e.payload as { memberId: string }).memberId)).toEqual([...voters, voters[4]]);

    const batches = await batchesOf(handle);
    expectBatchedByTheRule(batches);
    const withBallots = batches.filter((b) => b.steps.some((s) => s.type === 'vote_cast'));
    expect(withBallots.length).toBeLessThan(voters.length + 1);
    expect(withBallots.flatMap((b) => b.steps.filter((s) => s.type === 'vote_cast'))).toHaveLength(voters.length + 1);
    // The close is stored with the ballots cast since the last batch, after them.
    const last = withBallots.at(-1)!.steps.map((s) => s.type);
    expect(last.at(-1)).toBe('vote_closed');
    expect(last.indexOf('vote_cast')).toBeGreaterThanOrEqual(0);
    // Every step is stored exactly once, in order.
    const seqs = batches.flatMap((b) => b.steps.map((s) => s.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('stores ballots of a vote still open once they have waited the longest allowed', async () => {
    const { c, sessionId, handle, itemId, voters } = await deliberatingSession('Ballots of an open vote');
    await handle.executeUpdate(openVote, { args: [{ actor: secretary, itemId, proposal: rankedProposal(c) }] });
    for (const memberId of voters.slice(0, 2)) await handle.executeUpdate(castVote, { args: [{ actor: memberId, itemId, memberId, choice: 'abstain' }] });

    await lab.skipTo((await lab.now()) + deferredStepsMaxWaitMs + 1_000);
    await expect.poll(() => lab.db.vote.count({ where: { agendaItemId: itemId } }), persisted).toBe(2);
    expect(await lab.db.auditEvent.count({ where: { sessionId, type: 'vote_cast' } })).toBe(2);
    const batches = await batchesOf(handle);
    expectBatchedByTheRule(batches);
    const withBallots = batches.filter((b) => b.steps.some((s) => s.type === 'vote_cast'));
    expect(withBallots.at(-1)!.steps.map((s) => s.type)).toEqual(['vote_opened', 'vote_cast', 'vote_cast']);
    expect(withBallots.at(-1)!.scheduledAt).toBeGreaterThanOrEqual(Date.parse(withBallots.at(-1)!.steps[0]!.at) + deferredStepsMaxWaitMs);
    await replayAndKeep(handle, 'session-votes-waiting');
  });
});
