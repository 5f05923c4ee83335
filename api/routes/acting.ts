// What the routes share: the problem responses they document, who acts on a request, and the
// update id that makes a retried request apply once.
import type { FastifyRequest } from 'fastify';
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

export function actingLookups(db: Database) {
  return {
    async sessionRow(id: string) {
      const session = await db.session.findUnique({ where: { id } });
      if (!session) throw notFound('session', id);
      return session;
    },

    /** The committee member a principal is: from the token, or by e-mail for an identity provider's token. */
    async actingMember(principal: Principal, committeeId: string): Promise<string> {
      const member = principal.memberId
        ? await db.member.findFirst({ where: { id: principal.memberId, committeeId, active: true } })
        : principal.email
          ? await db.member.findFirst({ where: { email: principal.email, committeeId, active: true } })
          : null;
      if (!member) throw forbidden('the token does not name an active member of this session\'s committee', 'acting_member');
      return member.id;
    },
  };
}
