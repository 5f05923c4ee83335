// What the routes share: the problem responses they document, who acts on a request, and the
// update id that makes a retried request apply once.
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../prisma/database.ts';
import type { Principal } from '../auth.ts';
import { idempotencyKeyOf } from '../idempotency.ts';
import { forbidden, notFound } from '../problem.ts';

export const problemResponses = {
  400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' },
  404: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' }, 422: { $ref: 'Problem#' },
};

/** A stable update id for a retried request, so Temporal applies it once. */
export function updateIdFor(request: FastifyRequest, action: string): string | undefined {
  const key = idempotencyKeyOf(request);
  return key && request.principal ? `${action}:${request.principal.subject}:${key}` : undefined;
}

/**
 * The route config of a write whose only effect is a session update sent with `updateIdFor`:
 * copies of one keyed request may run at once (Temporal applies the update once and gives each
 * the same result), so a retry need not wait for a copy that a crashed API left in progress.
 */
export const updateOnly = { appliedOnceByUpdateId: true } as const;

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
  activeMembers: LRUCache<string, string>;
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

/** After a member is changed (made inactive, another e-mail): no acting member is taken from memory. */
export function forgetActingMembers(db: Database): void {
  cachesOf(db).activeMembers.clear();
}

export function actingLookups(db: Database) {
  const { committeeOfSession, activeMembers } = cachesOf(db);

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

    /** The committee member a principal is: from the token, or by e-mail for an identity provider's token. */
    async actingMember(principal: Principal, committeeId: string): Promise<string> {
      const key = `${committeeId} ${principal.memberId ? `id:${principal.memberId}` : `email:${principal.email ?? ''}`}`;
      const known = activeMembers.get(key);
      if (known) return known;
      const member = principal.memberId
        ? await db.member.findFirst({ where: { id: principal.memberId, committeeId, active: true }, select: { id: true } })
        : principal.email
          ? await db.member.findFirst({ where: { email: principal.email, committeeId, active: true }, select: { id: true } })
          : null;
      if (!member) throw forbidden('the token does not name an active member of this session\'s committee', 'acting_member');
      activeMembers.set(key, member.id);
      return member.id;
    },
  };
}
