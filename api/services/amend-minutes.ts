// The secretary or the chair amends unsigned minutes: a new version is drafted with the correction.
import { amendMinutes as update } from '../../workflows/session-messages.ts';
import type { Principal } from '../auth.ts';
import { actingLookups, staffActor } from './acting.ts';
import type { ServiceDeps } from './deps.ts';
import { minutesVersion } from './verify-minutes.ts';

export async function amendMinutes({ db, sessions }: ServiceDeps, principal: Principal, sessionId: string, body: { reason: string; text: string }, updateId?: string) {
  const { sessionRow, actingMember } = actingLookups(db);
  const session = await sessionRow(sessionId);
  const actor = principal.roles.includes('secretary') ? staffActor(principal) : await actingMember(principal, session.committeeId);
  const amended = await sessions.update(session.id, update, [{ actor, reason: body.reason, text: body.text }], updateId);
  return minutesVersion(db, session.id, amended.version);
}
