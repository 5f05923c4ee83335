// The shape every decider of a command shares: the events it causes, or the refusal naming the rule.
import type { SessionCommand } from './commands.ts';
import type { SessionEvent, SessionEventBody } from './events.ts';
import type { SessionPhase } from './phases-and-modes.ts';
import { refusal, type Refusal, type RefusalKind, type RefusalProblem } from './refusal.ts';
import type { AgendaItemState, SessionState } from './state.ts';

export type Decision = { events: SessionEvent[]; refusal?: undefined } | { refusal: Refusal; events?: undefined };

/** What a decider works with: the state, the command, the time, and a way to number its events. */
export interface DecisionContext<C extends SessionCommand = SessionCommand> {
  state: SessionState;
  command: C;
  /** Workflow time, in milliseconds since the epoch. */
  now: number;
  at: string;
  /** An event of this decision, numbered after the state's last one; `actor` defaults to the command's. */
  emit(body: SessionEventBody, actor?: string): SessionEvent;
}

export function contextOf<C extends SessionCommand>(state: SessionState, command: C, now: number): DecisionContext<C> {
  const at = new Date(now).toISOString();
  let seq = state.seq;
  return {
    state, command, now, at,
    emit: (body, actor = command.actor) => ({ ...body, seq: ++seq, at, actor }) as SessionEvent,
  };
}

export const accept = (events: SessionEvent[]): Decision => ({ events });
export const nothing: Decision = { events: [] };
export const refuse = (kind: RefusalKind, rule: string, message: string, problems?: RefusalProblem[]): Decision => ({ refusal: refusal(kind, rule, message, problems) });

/** A refusal when the session's phase does not allow the action. */
export function phaseRefusal(state: SessionState, allowed: readonly SessionPhase[], action: string): Decision | undefined {
  if (allowed.includes(state.phase)) return undefined;
  return refuse('conflict', 'session_phase', `cannot ${action} while the session is ${state.phase} (allowed: ${allowed.join(', ')})`);
}

export function findItem(state: SessionState, itemId: string): AgendaItemState | Decision {
  return state.agenda.find((i) => i.id === itemId) ?? refuse('not_found', 'agenda_item_exists', `agenda item ${itemId} is not on this session's agenda`);
}

export function isDecision(value: AgendaItemState | Decision): value is Decision {
  return 'events' in value || 'refusal' in value;
}

export const finishedItem = (i: Pick<AgendaItemState, 'status'>) => i.status === 'decided' || i.status === 'deferred';

/** Phases in which the sitting's business (agenda, proxies, attendance) may change. */
export const beforeClosing: readonly SessionPhase[] = ['draft', 'convened', 'open', 'deliberating'];
export const sittingPhases: readonly SessionPhase[] = ['convened', 'open', 'deliberating'];
