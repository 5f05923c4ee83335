// Who acts on a request: a committee member (from the token, checked against the committee) or
// staff (as their account); and the update id that makes a retried request apply once.
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { mandateCoversEveryDwelling, type MemberRole } from '../../domain/rules/index.ts';
import type { Database } from '../../prisma/database.ts';
import { staffRoles, type Principal } from '../auth.ts';
import { idempotencyKeyOf } from '../plugins/idempotency.ts';
import { forbidden, notFound } from '../problems.ts';

/** A stable update id for a retried request, so Temporal applies it once. */
export function updateIdFor(request: FastifyRequest, action: string): string | undefined {
  const key = idempotencyKeyOf(request);
  return key && request.principal ? `${action}:${request.principal.subject}:${key}` : undefined;
}

/** The secretary and other staff act as their account, not as a committee member. */
export const staffActor = (principal: Principal) => `staff:${principal.subject}`;

/**
 * How long an acting member stays known without asking the database again. This process forgets
 * them at once when a member is changed through it; another API process within this delay. A
 * vote's right is checked again by the session workflow (roster and attendance).
 */
const memberCacheMs = 30_000;
const cachedLookups = 10_000;

interface LookupCaches {
  /** A session's committee never changes: kept for as long as it is used. */
  committeeOfSession: LRUCache<string, string>;
  activeMembers: LRUCache<string, ActingMember>;
}

// Shared by every route of an app (one database client per app).
const cachesByDatabase = new WeakMap<Database, LookupCaches>();

function cachesOf(db: Database): LookupCaches {
  let caches = cachesByDatabase.get(db);
  if (!caches) {
    caches = {
      committeeOfSession: new LRUCache({ max: cachedLookups }),
      activeMembers: new LRUCache({ max: cachedLookups, ttl: memberCacheMs }),
    };
    cachesByDatabase.set(db, caches);
  }
  return caches;
}

/** The committee member a principal is, and whether they chair the committee. */
export interface ActingMember {
  id: string;
  chair: boolean;
  role: MemberRole;
}

/** After a member is changed (made inactive, another e-mail): no acting member is taken from memory. */
export function forgetActingMembers(db: Database): void {
  cachesOf(db).activeMembers.clear();
}

export function actingLookups(db: Database) {
  const { committeeOfSession, activeMembers } = cachesOf(db);

  /** The committee member a principal is (from the token, or by e-mail for an identity provider's token), if any. */
  async function memberOf(principal: Principal, committeeId: string): Promise<ActingMember | undefined> {
    const key = `${committeeId} ${principal.memberId ? `id:${principal.memberId}` : `email:${principal.email ?? ''}`}`;
    const known = activeMembers.get(key);
    if (known) return known;
    const select = { id: true, chair: true, role: true } as const;
    const member = principal.memberId
      ? await db.member.findFirst({ where: { id: principal.memberId, committeeId, active: true }, select })
      : principal.email
        ? await db.member.findFirst({ where: { email: principal.email, committeeId, active: true }, select })
        : null;
    if (member) activeMembers.set(key, member);
    return member ?? undefined;
  }

  return {
    async sessionRow(id: string) {
      const session = await db.session.findUnique({ where: { id } });
      if (!session) throw notFound('session', id);
      committeeOfSession.set(id, session.committeeId);
      return session;
    },

    /** The session's id and committee, from memory after the first time (the vote's hot path). */
    async sessionCommittee(id: string): Promise<{ id: string; committeeId: string }> {
      const known = committeeOfSession.get(id);
      if (known) return { id, committeeId: known };
      const session = await db.session.findUnique({ where: { id }, select: { committeeId: true } });
      if (!session) throw notFound('session', id);
      committeeOfSession.set(id, session.committeeId);
      return { id, committeeId: session.committeeId };
    },

    memberOf,

    /** The member a principal acts as in this committee; 403 if they are none of its active members. */
    async actingMember(principal: Principal, committeeId: string): Promise<string> {
      const member = await memberOf(principal, committeeId);
      if (!member) throw forbidden('the token does not name an active member of this session\'s committee', 'acting_member');
      return member.id;
    },
  };
}

/**
 * Who acts, and for which member: the secretary for anyone; a member for their own seat only
 * (`memberId` defaults to themself).
 */
export async function secretaryOrSelf(
  db: Database, principal: Principal, committeeId: string, memberId: string | undefined, refusal: { detail: string; rule: string },
): Promise<{ actor: string; memberId: string | undefined }> {
  if (principal.roles.includes('secretary')) return { actor: staffActor(principal), memberId };
  const actor = await actingLookups(db).actingMember(principal, committeeId);
  if (memberId !== undefined && memberId !== actor) throw forbidden(refusal.detail, refusal.rule);
  return { actor, memberId: actor };
}

/**
 * The minutes as a whole are for the committee's staff and the members whose mandate covers every
 * dwelling; a mayor, an EPCI president or a réservataire reads the items of their own territory
 * or contingent in the session's state instead.
 */
export async function requireWholeRecordReader(db: Database, principal: Principal, committeeId: string): Promise<void> {
  if (principal.roles.some((r) => staffRoles.includes(r))) return;
  const member = await actingLookups(db).memberOf(principal, committeeId);
  if (!member || !mandateCoversEveryDwelling(member.role)) {
    throw forbidden('the minutes cover every dwelling of the session: a mandate limited to a territory or a contingent reads its own items in the session\'s state', 'minutes_whole_mandate');
  }
}
