// A written proxy: the secretary records it for any member, a member gives it for their own seat.
import type { Principal } from '../auth.ts';
import { registerProxy as update } from '../../workflows/session-messages.ts';
import { actingLookups, secretaryOrSelf } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export async function registerProxy({ db, sessions }: ServiceDeps, principal: Principal, sessionId: string, body: { principalId: string; holderId: string }, updateId?: string) {
  const session = await actingLookups(db).sessionRow(sessionId);
  const { actor } = await secretaryOrSelf(db, principal, session.committeeId, body.principalId, { detail: 'a member gives a proxy for their own seat only', rule: 'proxy_from_principal' });
  return sessions.update(session.id, update, [{ actor, ...body }], updateId);
}
