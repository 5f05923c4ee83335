// The shape every process-kill test shares: a session with many voters, the votes cast
// concurrently over HTTP, a fault injected once a third (and again at two thirds) of them are
// acknowledged, then the counts asserted and the session taken to its minutes.
import { expect } from 'vitest';
import { HttpClient } from './http.ts';
import {
  castVotes, convenedSession, expectedOutcome, expectVotesInState, expectVotesPersisted, finishSession, openVote, openWithEveryonePresent,
  retrySummary, seconds, votePlan,
} from './scenario.ts';
import type { ChaosSystem } from './system.ts';

export interface Fault {
  /** What is done at a third (and at two thirds) of the acknowledged votes; `http` is the voters' client. */
  inject: (system: ChaosSystem, context: { http: HttpClient; at: '1/3' | '2/3' }) => Promise<void>;
  /** Inject it a second time at two thirds. */
  twice?: boolean;
}

export async function votesUnderChaos(system: ChaosSystem, label: string, fault: Fault): Promise<string> {
  const http = new HttpClient(system.base);
  const started = Date.now();
  const s = await convenedSession(system, http, label, { extraBoardMembers: 18 });
  await openWithEveryonePresent(http, s);
  const [item] = s.items as [typeof s.items[0]];
  await openVote(http, s, item);
  const plan = votePlan(s.voters);
  const { counts, voteEvents } = expectedOutcome(plan);

  const faultTimes: string[] = [];
  let chaos = Promise.resolve();
  // A fault that cannot be injected (or recovered from) fails the test at once.
  let failChaos: (error: unknown) => void = () => undefined;
  const chaosFailed = new Promise<never>((_, reject) => { failChaos = reject; });
  const inject = (at: '1/3' | '2/3') => {
    chaos = chaos.then(async () => {
      const t0 = Date.now();
      await fault.inject(system, { http, at });
      faultTimes.push(`at ${at}: ${seconds(Date.now() - t0)} s`);
    }).catch((error: unknown) => failChaos(error));
  };
  const votingStarted = Date.now();
  const acks = await Promise.race([castVotes(http, s, item, plan, {
    concurrency: 6,
    onAcknowledged: (n, total) => {
      if (n === Math.ceil(total / 3)) inject('1/3');
      if (fault.twice && n === Math.ceil((2 * total) / 3)) inject('2/3');
    },
  }), chaosFailed]);
  await Promise.race([chaos, chaosFailed]);
  const votingMs = Date.now() - votingStarted;

  // Every planned vote was acknowledged (HTTP 200), with counts that never exceed the voters.
  const refused = acks.filter((a) => !a.answer.acknowledged);
  expect(refused.map((a) => `${a.member.name} ${a.choice}: ${a.answer.status} ${JSON.stringify(a.answer.body)} (${a.answer.failures.join(', ')})`)).toEqual([]);
  expect(acks).toHaveLength(voteEvents);
  for (const a of acks) {
    expect(a.answer.status).toBe(200);
    const { for: f, against, abstain } = a.answer.body.counts;
    expect(f + against + abstain).toBeLessThanOrEqual(s.voters.length);
  }
  expect(faultTimes.length, 'the fault was injected during the votes').toBe(fault.twice ? 2 : 1);

  // In the workflow state: each voter once, with their last choice.
  await expectVotesInState(http, s, item, plan);
  // The session goes on to its minutes.
  const drafted = await finishSession(http, s, counts);
  expect(drafted.agenda.every((i) => i.status === 'decided')).toBe(true);
  // In PostgreSQL: the vote rows, one vote_cast event per acknowledged vote, the steps gapless.
  const steps = await expectVotesPersisted(system, s, item, plan, 'minutes_drafted');
  for (const type of ['vote_closed', 'vote_opened']) expect(steps.filter((r) => r.type === type), type).toHaveLength(2);
  for (const type of ['session_closed', 'minutes_drafted', 'session_opened']) expect(steps.filter((r) => r.type === type), type).toHaveLength(1);
  expect(steps.filter((r) => r.type === 'attendance_recorded')).toHaveLength(s.voters.length);

  expect(system.unexpectedExits()).toEqual([]);
  const retries = retrySummary(acks);
  const summary = `${label}: ${s.voters.length} voters, ${voteEvents} votes acknowledged in ${seconds(votingMs)} s (fault ${faultTimes.join(', ')}); `
    + `${retries.retried} votes retried, slowest ${seconds(retries.maxMs)} s, failed attempts ${JSON.stringify(retries.failures)}; whole test ${seconds(Date.now() - started)} s`;
  console.log(summary);
  return summary;
}
