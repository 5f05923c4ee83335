// Every read and write is scoped to a committee before its route runs: staff (secretary, auditor,
// ops) to the committees their token names, anyone else to the committees they are an active
// member of. A principal who is both staff elsewhere and a member here acts here as a member only,
// and as chair only if they chair this committee. Each route declares how its committee is found
// (`scope` in its config); a route that declares none is refused at start-up.
import type { Database } from '../../prisma/database.ts';
import { allCommittees, staffRoles, type Principal } from '../auth.ts';
import type { App } from '../context.ts';
import { forbidden } from '../problems.ts';
import { actingLookups } from '../services/acting.ts';

/** Where a route's committee comes from; `deployment`: deployment-wide staff only; `listing`: the route filters by `readableCommittees`. */
export type CommitteeScope = 'committee' | 'session' | 'offer' | 'deployment' | 'listing';

declare module 'fastify' {
  interface FastifyContextConfig {
    scope?: CommitteeScope;
  }
}

/** Whether a staff principal's token covers this committee (any committee when `committeeId` is absent: deployment-wide). */
export function staffCovers(principal: Principal, committeeId?: string): boolean {
  if (!principal.roles.some((r) => staffRoles.includes(r))) return false;
  return principal.committees.includes(allCommittees) || (committeeId !== undefined && principal.committees.includes(committeeId));
}

/** The principal as it acts in this committee, or a 403 if it has no standing there. */
export async function principalInCommittee(db: Database, principal: Principal, committeeId: string): Promise<Principal> {
  if (staffCovers(principal, committeeId)) return principal;
  const asMember = principal.roles.filter((r) => !staffRoles.includes(r));
  const member = asMember.length > 0 ? await actingLookups(db).memberOf(principal, committeeId) : undefined;
  if (!member) throw forbidden('this committee is outside the scope of the token: neither its staff nor one of its active members', 'committee_scope');
  return { ...principal, roles: member.chair ? asMember : asMember.filter((r) => r !== 'chair') };
}

async function committeeOfOffer(db: Database, offerId: string): Promise<string | undefined> {
  const offer = await db.offer.findUnique({ where: { id: offerId }, select: { sessionId: true } });
  return offer ? (await actingLookups(db).sessionCommittee(offer.sessionId)).committeeId : undefined;
}

export function registerCommitteeScope(app: App, db: Database): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.public || route.config?.scope) return;
    throw new Error(`${String(route.method)} ${route.url} declares no committee scope`);
  });

  app.addHook('preHandler', async (request) => {
    const { scope } = request.routeOptions.config;
    const principal = request.principal;
    if (!scope || scope === 'listing' || !principal) return;
    if (scope === 'deployment') {
      // Anyone but staff is refused by the route's own roles.
      if (staffCovers(principal) || !principal.roles.some((r) => staffRoles.includes(r))) return;
      throw forbidden('this action is for the deployment\'s own staff, whose token covers every committee', 'committee_scope');
    }
    const id = (request.params as { id: string }).id;
    const committeeId = scope === 'committee' ? id
      : scope === 'session' ? await actingLookups(db).sessionCommittee(id).then((s) => s.committeeId, () => undefined)
        : await committeeOfOffer(db, id);
    // What does not exist is the route's to answer (after its own role check): 404.
    if (committeeId !== undefined) request.principal = await principalInCommittee(db, principal, committeeId);
  });
}
