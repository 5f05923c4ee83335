// What the secretary's commands to a session share: the session must exist, and staff act as
// their account. Each use case is one of these, over its own update.
import type { UpdateDefinition } from '@temporalio/common';
import type { Principal } from '../auth.ts';
import { actingLookups, staffActor } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export type StaffCommand<Ret, Args> = (deps: ServiceDeps, principal: Principal, sessionId: string, args: Args, updateId?: string) => Promise<Ret>;

export function staffCommand<Ret, Args extends object>(definition: UpdateDefinition<Ret, [Args & { actor: string }]>): StaffCommand<Ret, Omit<Args, 'actor'>> {
  return async ({ db, sessions }, principal, sessionId, args, updateId) => {
    await actingLookups(db).sessionRow(sessionId);
    return sessions.update(sessionId, definition, [{ ...args, actor: staffActor(principal) } as Args & { actor: string }], updateId);
  };
}
