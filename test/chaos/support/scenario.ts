// A committee session driven over HTTP as the secretary and the members would, with the counts
// the chaos tests assert: every acknowledged vote in the workflow state, in the `vote` rows and
// once in the audit trail.
import pg from 'pg';
import { expect } from 'vitest';
import type { SessionState } from '../../../domain/session/index.ts';
import { agendaItemInput, committeeInput, startSoon } from '../../support/fixtures.ts';
import type { Delivered, HttpClient } from './http.ts';
import { eventually } from './processes.ts';
import type { ChaosSystem } from './system.ts';

export type Choice = 'for' | 'against' | 'abstain';

export interface Member { id: string; name: string; email: string; role: string; chair: boolean }
export interface Item { id: string; candidates: Array<{ applicationId: string }> }

export interface Session {
  label: string;
  committeeId: string;
  members: Member[];
  sessionId: string;
  path: string;
  secretary: string;
  items: Item[];
  tokens: Map<string, string>;
  /** The members who vote on the first item (the board, the prefect, the mayor, the EPCI president). */
  voters: Member[];
}

/** A member's votes on one item, cast one after the other, each with its own Idempotency-Key. */
export interface VotePlan { member: Member; choices: Choice[] }

export interface VoteAck { member: Member; choice: Choice; key: string; answer: Delivered<{ counts: Record<Choice, number> }> }

let keySequence = 0;
export function idempotencyKey(label: string): string {
  return `${label}-${process.pid}-${++keySequence}-${Date.now()}`;
}

/** Creates a committee with `extraBoardMembers` more board members than the usual six, and schedules a session with two dwellings. */
export async function convenedSession(system: ChaosSystem, http: HttpClient, label: string, options: { extraBoardMembers?: number; mode?: 'remote' | 'in_person' } = {}): Promise<Session> {
  const secretary = await system.token({ subject: `secretary@${label}`, roles: ['secretary'] });
  const input = committeeInput(` ${label}`);
  for (let i = 1; i <= (options.extraBoardMembers ?? 0); i++) {
    input.members!.push({ name: `Administrateur ${i}`, email: `admin${i}@${label}.test`, role: 'board_member' });
  }
  const created = await http.post<{ id: string; members: Member[] }>('/committees', secretary, input, idempotencyKey(label));
  expectAcknowledged(created, 'create the committee');
  const committee = created.body;
  const tokens = new Map<string, string>();
  for (const m of committee.members) tokens.set(m.id, await system.token({ subject: m.id, memberId: m.id, roles: m.chair ? ['member', 'chair'] : ['member'] }));
  const scheduled = await http.post<{ id: string }>(`/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(14), mode: options.mode ?? 'remote' }, idempotencyKey(label));
  expectAcknowledged(scheduled, 'schedule the session');
  const sessionId = scheduled.body.id;
  const path = `/sessions/${sessionId}`;
  const items: Item[] = [];
  for (const n of [1, 2]) {
    const added = await http.post<Item>(`${path}/agenda-items`, secretary, agendaItemInput(`${label.toUpperCase()}-${n}`), idempotencyKey(label));
    expectAcknowledged(added, `add agenda item ${n}`);
    items.push(added.body);
  }
  expect(expectAcknowledged(await http.post(`${path}/agenda/publish`, secretary, {}, idempotencyKey(label)), 'publish').body).toEqual({ phase: 'convened' });
  // The sitting opens once every member has received their convocation.
  await eventually(() => http.get<SessionState>(path, secretary), (s) => Object.values(s.convocations as unknown as Record<string, { status: string }>).every((c) => c.status === 'convened'), 30_000);
  const voters = committee.members.filter((m) => ['board_member', 'prefect', 'mayor', 'epci_president'].includes(m.role));
  return { label, committeeId: committee.id, members: committee.members, sessionId, path, secretary, items, tokens, voters };
}

/** Opens the session and records every voter present by hand. */
export async function openWithEveryonePresent(http: HttpClient, s: Session): Promise<void> {
  expect(expectAcknowledged(await http.post(`${s.path}/open`, s.secretary, {}, idempotencyKey(s.label)), 'open').body).toEqual({ phase: 'open' });
  for (const m of s.voters) expectAcknowledged(await http.post(`${s.path}/attendance`, s.secretary, { memberId: m.id, present: true }, idempotencyKey(s.label)), `attendance of ${m.name}`);
  const state = await http.get<SessionState>(s.path, s.secretary);
  expect(state.phase).toBe('deliberating');
}

export function proposalFor(item: Item) {
  return { proposal: item.candidates.map((c, i) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: i + 1 })) };
}

export async function openVote(http: HttpClient, s: Session, item: Item): Promise<void> {
  expectAcknowledged(await http.post(`${s.path}/agenda-items/${item.id}/vote/open`, s.secretary, proposalFor(item), idempotencyKey(s.label)), 'open the vote');
}

/**
 * Every voter votes; one in three first votes against and then changes to for (a second
 * acknowledged vote), so that the audit trail has more vote_cast events than there are voters.
 */
export function votePlan(voters: Member[]): VotePlan[] {
  return voters.map((member, i) => ({ member, choices: i % 3 === 0 ? ['against', 'for'] : i % 3 === 1 ? ['for'] : [i % 2 === 0 ? 'abstain' : 'for'] }));
}

/**
 * Casts the plan's votes over HTTP, `concurrency` voters at a time, each vote retried with its
 * own key until acknowledged; `onAcknowledged(count, total)` follows the progress (to kill
 * something at a third). Returns the acknowledgements, one per planned vote, in plan order.
 */
export async function castVotes(http: HttpClient, s: Session, item: Item, plan: VotePlan[], options: { concurrency: number; boundMs?: number; onAcknowledged?: (count: number, total: number) => void }): Promise<VoteAck[]> {
  const total = plan.reduce((n, p) => n + p.choices.length, 0);
  const acks: VoteAck[] = [];
  let acknowledged = 0;
  const queue = [...plan];
  const voter = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      for (const choice of next.choices) {
        const key = idempotencyKey(`${s.label}-vote`);
        const answer = await http.post<{ counts: Record<Choice, number> }>(`${s.path}/agenda-items/${item.id}/votes`, s.tokens.get(next.member.id)!, { choice }, key, { boundMs: options.boundMs ?? 240_000 });
        acks.push({ member: next.member, choice, key, answer });
        // A member's next vote goes only once this one is acknowledged, as a person would.
        if (!answer.acknowledged) break;
        options.onAcknowledged?.(++acknowledged, total);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, voter));
  return acks;
}

/** What the plan leaves: each voter's last choice and the counts. */
export function expectedOutcome(plan: VotePlan[]): { finalChoice: Map<string, Choice>; counts: Record<Choice, number>; voteEvents: number } {
  const finalChoice = new Map(plan.map((p) => [p.member.id, p.choices.at(-1)!]));
  const counts = { for: 0, against: 0, abstain: 0 };
  for (const c of finalChoice.values()) counts[c]++;
  return { finalChoice, counts, voteEvents: plan.reduce((n, p) => n + p.choices.length, 0) };
}

export function expectAcknowledged<T>(answer: Delivered<T>, what: string): Delivered<T> {
  expect(answer.acknowledged, `${what}: ${answer.status} ${JSON.stringify(answer.body)} after ${answer.attempts} attempts (${answer.failures.join(', ')})`).toBe(true);
  return answer;
}

/** The votes of the item in the workflow state (GET /sessions/{id}) are exactly the plan's. */
export async function expectVotesInState(http: HttpClient, s: Session, item: Item, plan: VotePlan[]): Promise<SessionState> {
  const { finalChoice, counts } = expectedOutcome(plan);
  const state = await http.get<SessionState>(s.path, s.secretary);
  const votes = state.agenda.find((i) => i.id === item.id)!.votes;
  expect(Object.keys(votes).sort()).toEqual([...finalChoice.keys()].sort());
  for (const [memberId, choice] of finalChoice) expect(votes[memberId]?.choice, memberId).toBe(choice);
  expect(state.openVote).toMatchObject({ itemId: item.id, counts, votesCast: finalChoice.size });
  return state;
}

export async function withDatabase<T>(system: ChaosSystem, fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: system.databaseUrl });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

export interface StoredStep { seq: number; type: string; payload: Record<string, any>; dedupeKey: string }

/** The session's steps as the worker persisted them, in order. */
export function storedSteps(db: pg.Client, sessionId: string): Promise<StoredStep[]> {
  return db.query<{ seq: number; type: string; payload: Record<string, any>; dedupe_key: string }>(
    `SELECT (payload->>'seq')::int AS seq, type, payload, dedupe_key FROM audit_event
      WHERE session_id = $1 AND dedupe_key LIKE $2 ORDER BY (payload->>'seq')::int, id`, [sessionId, `session:${sessionId}:step:%`],
  ).then((r) => r.rows.map((row) => ({ seq: row.seq, type: row.type, payload: row.payload, dedupeKey: row.dedupe_key })));
}

/**
 * Once persisted: one `vote` row per voter with their last choice, and one `vote_cast` audit
 * event per acknowledged vote, in each member's order; the session's steps numbered 1..n with no
 * gap and no repeat.
 */
export async function expectVotesPersisted(system: ChaosSystem, s: Session, item: Item, plan: VotePlan[], untilStep: string): Promise<StoredStep[]> {
  const { finalChoice, voteEvents } = expectedOutcome(plan);
  return withDatabase(system, async (db) => {
    const steps = await eventually(() => storedSteps(db, s.sessionId), (rows) => rows.some((r) => r.type === untilStep), 120_000, `the ${untilStep} step persisted`);
    expect(steps.map((r) => r.seq)).toEqual(steps.map((_, i) => i + 1));
    const cast = steps.filter((r) => r.type === 'vote_cast' && r.payload.itemId === item.id);
    expect(cast).toHaveLength(voteEvents);
    for (const p of plan) {
      expect(cast.filter((r) => r.payload.memberId === p.member.id).map((r) => r.payload.choice), p.member.name).toEqual(p.choices);
    }
    const rows = await db.query<{ member_id: string; choice: Choice }>('SELECT member_id, choice FROM vote WHERE agenda_item_id = $1', [item.id]);
    expect(rows.rows).toHaveLength(finalChoice.size);
    for (const row of rows.rows) expect(row.choice, row.member_id).toBe(finalChoice.get(row.member_id));
    return steps;
  });
}

/**
 * The session goes on: the vote closes with the expected counts, the second dwelling is voted
 * on by three members, the session closes and its minutes are drafted.
 */
export async function finishSession(http: HttpClient, s: Session, counts: Record<Choice, number>): Promise<SessionState> {
  const [first, second] = s.items as [Item, Item];
  const closed = expectAcknowledged(await http.post(`${s.path}/agenda-items/${first.id}/vote/close`, s.secretary, {}, idempotencyKey(s.label)), 'close the first vote');
  expect(closed.body).toMatchObject({ counts });
  await openVote(http, s, second);
  for (const m of s.voters.slice(0, 3)) {
    expectAcknowledged(await http.post(`${s.path}/agenda-items/${second.id}/votes`, s.tokens.get(m.id)!, { choice: 'for' }, idempotencyKey(s.label)), `vote of ${m.name} on the second item`);
  }
  expect(expectAcknowledged(await http.post(`${s.path}/agenda-items/${second.id}/vote/close`, s.secretary, {}, idempotencyKey(s.label)), 'close the second vote').body)
    .toMatchObject({ counts: { for: 3, against: 0, abstain: 0 } });
  expect(expectAcknowledged(await http.post(`${s.path}/close`, s.secretary, {}, idempotencyKey(s.label)), 'close the session').body).toEqual({ phase: 'closed' });
  return eventually(() => http.get<SessionState>(s.path, s.secretary), (state) => state.phase === 'minutes_drafted', 120_000, 'minutes drafted');
}

/** Milliseconds → seconds with one decimal, for the log of a run. */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** One line per retried vote: how long it took and what the failed attempts got. */
export function retrySummary(acks: VoteAck[]): { retried: number; maxMs: number; failures: Record<string, number> } {
  const failures: Record<string, number> = {};
  for (const a of acks) for (const f of a.answer.failures) failures[f] = (failures[f] ?? 0) + 1;
  return { retried: acks.filter((a) => a.answer.attempts > 1).length, maxMs: Math.max(...acks.map((a) => a.answer.elapsedMs)), failures };
}
