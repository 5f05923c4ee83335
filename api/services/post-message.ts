// A message in a written session's debate on an item: from a member who may attend the item (as
// their seat), or from the secretariat presenting it.
import type { Principal } from '../auth.ts';
import { staffRoles } from '../auth.ts';
import { postMessage as update } from '../../workflows/session-messages.ts';
import { actingLookups, staffActor } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export async function postMessage({ db, sessions }: ServiceDeps, principal: Principal, sessionId: string, itemId: string, text: string, updateId?: string) {
  const { sessionRow, actingMember } = actingLookups(db);
  const session = await sessionRow(sessionId);
  const actor = principal.roles.some((r) => staffRoles.includes(r)) ? staffActor(principal) : await actingMember(principal, session.committeeId);
  return sessions.update(session.id, update, [{ actor, itemId, text }], updateId);
}
