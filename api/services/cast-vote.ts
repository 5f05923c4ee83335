// A member votes on the open item, for themself or for a principal whose proxy they hold; the
// session checks the roster, the attendance and the proxy.
import type { VoteChoice } from '../../domain/rules/index.ts';
import type { Principal } from '../auth.ts';
import { castVote as update } from '../../workflows/session-messages.ts';
import { actingLookups } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export async function castVote({ db, sessions }: ServiceDeps, principal: Principal, sessionId: string, itemId: string, body: { choice: VoteChoice; memberId?: string | undefined }, updateId?: string) {
  const { sessionCommittee, actingMember } = actingLookups(db);
  // The vote's hot path: the session's committee and the acting member come from memory after the first vote.
  const session = await sessionCommittee(sessionId);
  const actor = await actingMember(principal, session.committeeId);
  return sessions.update(session.id, update, [{ actor, itemId, memberId: body.memberId ?? actor, choice: body.choice }], updateId);
}
