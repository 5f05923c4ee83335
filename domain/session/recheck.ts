// A decision re-derived from the record: the session's recorded events folded again from its
// input, and each vote's tally computed anew from the ballots, the attendance and the pinned
// rules as they stood when the vote closed, to set beside the tally the session recorded.
import type { CandidateDecision } from '../rules/index.ts';
import { tallyOf } from './decide-votes.ts';
import type { SessionEvent } from './events.ts';
import { evolve } from './evolve.ts';
import type { SessionState, VoteResult } from './state.ts';

export interface TallyRecheck {
  itemId: string;
  closedAt: string;
  ballots: number;
  recorded: VoteResult;
  recomputed: VoteResult;
  /** The proposal the vote was on, as the record has it. */
  proposal?: CandidateDecision[] | undefined;
}

export function recheckTallies(initial: SessionState, events: readonly SessionEvent[]): TallyRecheck[] {
  const rechecks: TallyRecheck[] = [];
  let state = initial;
  for (const event of events) {
    if (event.type === 'vote_closed') {
      const item = state.agenda.find((i) => i.id === event.itemId);
      if (item) {
        rechecks.push({
          itemId: item.id, closedAt: event.result.closedAt, ballots: Object.keys(item.votes).length, recorded: event.result,
          recomputed: tallyOf(state, item, event.result.closedAt), proposal: item.proposal,
        });
      }
    }
    state = evolve(state, event);
  }
  return rechecks;
}
