// A voting member refers an item to an in-person sitting: it is withdrawn from this one.
import type { Principal } from '../auth.ts';
import { referItem as update } from '../../workflows/session-messages.ts';
import { actingLookups } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export async function referItem({ db, sessions }: ServiceDeps, principal: Principal, sessionId: string, itemId: string, reason: string, updateId?: string) {
  const { sessionRow, actingMember } = actingLookups(db);
  const session = await sessionRow(sessionId);
  const actor = await actingMember(principal, session.committeeId);
  return sessions.update(session.id, update, [{ actor, itemId, reason }], updateId);
}
