// A small language for the session decider's specifications: given the commands a session has
// accepted (each at its own time), when one more command comes, then these events or this
// refusal. No Temporal, no database: milliseconds a case.
import { expect } from 'vitest';
import { defaultCommitteeRules, type CandidateDecision, type CommitteeRules, type SessionMember } from '../../domain/rules/index.ts';
import {
  decide,
  evolve,
  initialState,
  type Decision,
  type SessionCommand,
  type SessionEvent,
  type SessionInput,
  type SessionState,
} from '../../domain/session/index.ts';

export const minuteMs = 60_000;
export const dayMs = 24 * 60 * minuteMs;

/** The clock of the specifications: the decider takes time as an argument, so no case depends on today. */
export const t0 = Date.parse('2031-05-05T07:00:00.000Z');
/** The convened time: eight days after t0, a Tuesday at 10:00 in Paris. */
export const convenedAt = t0 + 8 * dayMs + 60 * minuteMs;

export const board = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'] as const;
export const prefect = 'prefect';
export const mayor = 'mayor-villeneuve';
export const association = 'association';
export const secretary = 'staff:secretary@oph';

export const members: SessionMember[] = [
  ...board.map((id, i): SessionMember => ({ id, role: 'board_member', chair: i === 0 })),
  { id: prefect, role: 'prefect', chair: false },
  { id: mayor, role: 'mayor', commune: 'Villeneuve', chair: false },
  { id: association, role: 'social_organisation', chair: false },
];
export const everyone = members.map((m) => m.id);
export const item = 'item-1';
export const candidates = ['app-a', 'app-b', 'app-c'] as const;

export function rules(changes: { quorum?: Partial<CommitteeRules['quorum']> } & Partial<Omit<CommitteeRules, 'quorum'>> = {}): CommitteeRules {
  return { ...defaultCommitteeRules, ...changes, quorum: { ...defaultCommitteeRules.quorum, ...changes.quorum } };
}

export function sessionInput(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    sessionId: 'session-1', committeeId: 'committee-1', rulesVersion: 1, rules: rules(), members,
    scheduledStart: new Date(convenedAt).toISOString(), mode: 'in_person', videoProvider: 'manual', timeZone: 'Europe/Paris', ...overrides,
  };
}

/** A command at a time: `at` defaults to t0. */
export interface Step { command: SessionCommand; at?: number }

// --- commands, as people and the workflow send them -------------------------------------------
export const start = (): Step => ({ command: { type: 'start_session', actor: 'system' } });
export const addItem = (id = item, count = 3, at?: number): Step => ({
  at,
  command: {
    type: 'add_agenda_item', actor: secretary, itemId: id, kind: 'allocation', dwellingId: `dwelling-${id}`, place: { commune: 'Villeneuve' },
    candidates: candidates.slice(0, count).map((applicationId, i) => ({ applicationId: `${id}-${applicationId}`, rank: i + 1 })),
  },
});
export const publish = (at = t0, urgencyReason?: string): Step => ({ at, command: { type: 'publish_agenda', actor: secretary, urgencyReason } });
export const delivered = (ids: readonly string[] = everyone, at = t0, sequence = 1): Step => ({
  at, command: { type: 'record_convocations', actor: 'system', sequence, delivered: ids.map((memberId) => ({ memberId, at: new Date(at).toISOString() })), failed: [] },
});
export const failed = (ids: readonly string[], at = t0, sequence = 1): Step => ({
  at, command: { type: 'record_convocations', actor: 'system', sequence, delivered: [], failed: ids.map((memberId) => ({ memberId, reason: 'SMTP 421' })) },
});
export const open = (at = convenedAt, unconvenedReason?: string): Step => ({ at, command: { type: 'open_session', actor: secretary, unconvenedReason } });
export const attend = (memberId: string, present = true, at = convenedAt): Step => ({ at, command: { type: 'record_attendance', actor: secretary, memberId, present } });
export const proxy = (principalId: string, holderId: string, at = convenedAt): Step => ({ at, command: { type: 'register_proxy', actor: secretary, principalId, holderId } });
export const ranked = (id = item): CandidateDecision[] => candidates.map((c, i) => ({ applicationId: `${id}-${c}`, type: 'ranked_attribution', rank: i + 1 }));
export const openVote = (proposal: CandidateDecision[] = ranked(), at = convenedAt, id = item): Step => ({ at, command: { type: 'open_vote', actor: secretary, itemId: id, proposal } });
export const vote = (actor: string, choice: 'for' | 'against' | 'abstain', memberId = actor, at = convenedAt, id = item): Step => ({ at, command: { type: 'cast_vote', actor, itemId: id, memberId, choice } });
export const closeVote = (at = convenedAt, id = item): Step => ({ at, command: { type: 'close_vote', actor: secretary, itemId: id } });
export const closeSession = (at = convenedAt): Step => ({ at, command: { type: 'close_session', actor: secretary } });

/** A session convened in time, every member convened by e-mail. */
export const convened = (): Step[] => [start(), addItem(), publish(), delivered()];
/** Opened at its convened time with the four board members and the mayor present. */
export const deliberating = (): Step[] => [...convened(), open(), ...['b1', 'b2', 'b3', 'b4', mayor].map((id) => attend(id))];

/** Applies each step, which must be accepted; returns the state and every event. */
export function given(steps: readonly Step[], input: SessionInput = sessionInput()): { state: SessionState; events: SessionEvent[] } {
  let state = initialState(input);
  const events: SessionEvent[] = [];
  for (const step of steps) {
    const decision = decide(state, step.command, step.at ?? t0);
    if (decision.refusal) throw new Error(`given: ${step.command.type} was refused by ${decision.refusal.rule}: ${decision.refusal.message}`);
    for (const e of decision.events) {
      state = evolve(state, e);
      events.push(e);
    }
  }
  return { state, events };
}

export function when(state: SessionState, step: Step): Decision {
  return decide(state, step.command, step.at ?? t0);
}

export function expectRefusal(decision: Decision, rule: string, article: RegExp | string): void {
  expect(decision.refusal, `accepted with ${JSON.stringify(decision.events?.map((e) => e.type))}`).toBeDefined();
  expect(decision.refusal!.rule).toBe(rule);
  expect(decision.refusal!.article).toMatch(article);
}

export function eventTypes(decision: Decision): string[] {
  expect(decision.refusal, decision.refusal?.message).toBeUndefined();
  return decision.events!.map((e) => e.type);
}
