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

/** The secretary and other staff act as their account, not as a committee member. */
export const staffActor = (principal: Principal) => `staff:${principal.subject}`;

/**
 * How long an acting member stays known without asking the database again. Members are made
 * inactive rarely and outside the API; a vote's right is checked again by the session workflow.
 */
const memberCacheMs = 30_000;
const cachedLookups = 10_000;

export function actingLookups(db: Database) {
  // A session's committee never changes: it is cached for as long as it is used.
  const committeeOfSession = new LRUCache<string, string>({ max: cachedLookups });
  const activeMembers = new LRUCache<string, string>({ max: cachedLookups, ttl: memberCacheMs });

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
