// A conflict of interest on an item, declared by the member (or recorded by the secretary): the
// member is out of the item's roster and vote.
import type { Principal } from '../auth.ts';
import { declareConflict as update } from '../../workflows/session-messages.ts';
import { ProblemError } from '../problems.ts';
import { actingLookups, secretaryOrSelf } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export async function declareConflict({ db, sessions }: ServiceDeps, principal: Principal, sessionId: string, itemId: string, wanted: string | undefined, updateId?: string) {
  const session = await actingLookups(db).sessionRow(sessionId);
  const { actor, memberId } = await secretaryOrSelf(db, principal, session.committeeId, wanted, { detail: 'a member declares their own conflicts of interest', rule: 'conflict_declared_by_member' });
  if (!memberId) throw new ProblemError({ status: 400, code: 'invalid_request', title: 'Invalid request', detail: 'memberId names the member with the conflict of interest' });
  return sessions.update(session.id, update, [{ actor, itemId, memberId }], updateId);
}
