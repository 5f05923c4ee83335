// Activities of the offer workflow. Each writes its row and its audit event in one transaction,
// keyed by the offer (or the agenda item) and the step: a retried activity writes nothing twice.
import { appendAuditEvent, lockCommitteeChain } from '../prisma/audit-trail.ts';
import type { Database, Prisma } from '../prisma/database.ts';
import type { OfferContext, OfferNotice, OfferRecord } from '../workflows/offer-messages.ts';
import { notifyOfferedCandidate } from './notify/applicant-notices.ts';
import type { Mailer } from './notify/mailer.ts';

type Tx = Parameters<Parameters<Database['$transaction']>[0]>[0];

export interface OfferActivityDeps {
  db: Database;
  mailer?: Mailer | undefined;
}

export interface DwellingToReallocate extends OfferContext {
  dwellingId: string;
  at: string;
  reason: string;
}

export function offerDedupeKey(offerId: string, step: string): string {
  return `offer:${offerId}:${step}`;
}

export function reallocationDedupeKey(agendaItemId: string): string {
  return `offers:${agendaItemId}:no_one_left`;
}

/** Runs `write` and records the audit event, unless an event with the key is already stored. */
async function once(db: Database, dedupeKey: string, event: { committeeId: string; sessionId: string; type: string; actor: string; payload: Prisma.InputJsonObject; at: string }, write: (tx: Tx) => Promise<unknown>): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockCommitteeChain(tx, event.committeeId);
    const stored = await tx.auditEvent.findUnique({ where: { dedupeKey }, select: { id: true } });
    if (stored) return false;
    await write(tx);
    await appendAuditEvent(tx, { committeeId: event.committeeId, sessionId: event.sessionId, type: event.type, actor: event.actor, payload: event.payload, dedupeKey, occurredAt: new Date(event.at) });
    return true;
  });
}

function offerPayload(context: OfferContext, offer: OfferRecord): Prisma.InputJsonObject {
  return {
    offerId: offer.offerId, agendaItemId: context.agendaItemId, applicationId: offer.applicationId, rank: offer.rank,
    offeredAt: offer.offeredAt, deadline: offer.deadline, status: offer.status,
    ...(offer.answeredAt ? { answeredAt: offer.answeredAt } : {}), ...(offer.reason ? { reason: offer.reason } : {}),
  };
}

export function createOfferActivities({ db, mailer }: OfferActivityDeps) {
  return {
    /** The next ranked candidate is told the dwelling is offered to them; returns when. */
    async notifyOffer(notice: OfferNotice): Promise<string> {
      return notifyOfferedCandidate({ db, mailer }, notice);
    },

    /** The offer made to a candidate, with its deadline. */
    async recordOffer(context: OfferContext, offer: OfferRecord): Promise<boolean> {
      return once(db, offerDedupeKey(offer.offerId, 'offered'), {
        ...context, type: 'offer_made', actor: 'system', payload: offerPayload(context, offer), at: offer.offeredAt,
      }, (tx) => tx.offer.upsert({
        where: { id: offer.offerId },
        create: {
          id: offer.offerId, sessionId: context.sessionId, agendaItemId: context.agendaItemId, applicationId: offer.applicationId,
          rank: offer.rank, offeredAt: new Date(offer.offeredAt), deadline: new Date(offer.deadline), status: 'offered',
        },
        update: {},
      }));
    },

    /** The candidate's answer: accepted, declined, or expired (silence is refusal). */
    async recordOfferAnswer(context: OfferContext, offer: OfferRecord): Promise<boolean> {
      if (offer.status === 'offered') throw new Error(`offer ${offer.offerId} has no answer to record`);
      return once(db, offerDedupeKey(offer.offerId, offer.status), {
        ...context, type: `offer_${offer.status}`, actor: offer.answeredBy ?? 'system', payload: offerPayload(context, offer), at: offer.answeredAt ?? offer.deadline,
      }, (tx) => tx.offer.update({
        where: { id: offer.offerId },
        data: { status: offer.status, answeredAt: offer.answeredAt ? new Date(offer.answeredAt) : null, reason: offer.reason ?? null },
      }));
    },

    /** No ranked candidate is left: the dwelling goes back to a future agenda. */
    async markDwellingForFutureAgenda(dwelling: DwellingToReallocate): Promise<boolean> {
      return once(db, reallocationDedupeKey(dwelling.agendaItemId), {
        committeeId: dwelling.committeeId, sessionId: dwelling.sessionId, type: 'dwelling_to_reallocate', actor: 'system',
        payload: { agendaItemId: dwelling.agendaItemId, dwellingId: dwelling.dwellingId, reason: dwelling.reason }, at: dwelling.at,
      }, (tx) => tx.dwellingToReallocate.upsert({
        where: { agendaItemId: dwelling.agendaItemId },
        create: {
          agendaItemId: dwelling.agendaItemId, sessionId: dwelling.sessionId, committeeId: dwelling.committeeId,
          dwellingId: dwelling.dwellingId, reason: dwelling.reason, markedAt: new Date(dwelling.at),
        },
        update: {},
      }));
    },
  };
}

export type OfferActivities = ReturnType<typeof createOfferActivities>;
