// A proxy revoked: by the secretary, or by the member who gave it.
import type { Principal } from '../auth.ts';
import { revokeProxy as update } from '../../workflows/session-messages.ts';
import { actingLookups, secretaryOrSelf } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export async function revokeProxy({ db, sessions }: ServiceDeps, principal: Principal, sessionId: string, principalId: string, updateId?: string) {
  const session = await actingLookups(db).sessionRow(sessionId);
  const { actor } = await secretaryOrSelf(db, principal, session.committeeId, principalId, { detail: 'a member revokes their own proxy only', rule: 'proxy_from_principal' });
  return sessions.update(session.id, update, [{ actor, principalId }], updateId);
}
