// Offers of decided dwellings to their ranked candidates: the secretary records the applicant's
// answer (accept or decline) within the deadline; anyone on staff reads an offer's state.
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { acceptOffer, declineOffer, type AnswerOffer, type OfferRecord, type OfferState } from '../../workflows/offer-messages.ts';
import { offerWorkflowId } from '../../workflows/ids.ts';
import { requireRole } from '../auth.ts';
import type { App, RouteContext } from '../context.ts';
import { notFound } from '../problems.ts';
import { DateTime, IdParams, problemResponses, Uuid } from '../schemas.ts';
import { staffActor, updateIdFor } from '../services/acting.ts';
import { answerOffer, closedOfferProblem, offerState } from '../services/offer-client.ts';

const problems = problemResponses;

const OfferStatus = Type.Enum(['offered', 'accepted', 'declined', 'expired']);
const OfferOutcome = Type.Enum(['offering', 'accepted', 'no_one_left']);

export const OfferAnswerInput = Type.Object({
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'What the applicant said, if anything' })),
}, { additionalProperties: false });
export type OfferAnswerInput = Static<typeof OfferAnswerInput>;

export const Offer = Type.Object({
  id: Uuid,
  workflowId: Type.String(),
  sessionId: Uuid,
  agendaItemId: Uuid,
  applicationId: Uuid,
  rank: Type.Integer(),
  offeredAt: DateTime,
  deadline: Type.String({ format: 'date-time', description: 'The instant the offer expires: 24:00 of the last day to answer (CCH R441-10)' }),
  status: OfferStatus,
  answeredAt: Type.Optional(DateTime),
  reason: Type.Optional(Type.String()),
  outcome: Type.Optional(Type.Union([OfferOutcome], { description: 'Where the dwelling\'s offers stand: offering, accepted, or no one left (a future agenda)' })),
});

interface OfferRowData {
  id: string;
  sessionId: string;
  agendaItemId: string;
  applicationId: string;
  rank: number;
  offeredAt: Date;
  deadline: Date;
  status: OfferRecord['status'];
  answeredAt: Date | null;
  reason: string | null;
}

/** The offer as the API shows it: the workflow's live record when there is one, else the row. */
function present(row: OfferRowData, live?: OfferRecord, state?: OfferState) {
  const status = live?.status ?? row.status;
  const answeredAt = live?.answeredAt ?? row.answeredAt?.toISOString();
  const reason = live?.reason ?? row.reason ?? undefined;
  return {
    id: row.id,
    workflowId: offerWorkflowId(row.sessionId, row.agendaItemId),
    sessionId: row.sessionId,
    agendaItemId: row.agendaItemId,
    applicationId: row.applicationId,
    rank: row.rank,
    offeredAt: row.offeredAt.toISOString(),
    deadline: row.deadline.toISOString(),
    status,
    ...(answeredAt ? { answeredAt } : {}),
    ...(reason ? { reason } : {}),
    ...(state ? { outcome: state.outcome } : {}),
  };
}

export function registerOfferRoutes(app: App, { db, temporal }: RouteContext): void {
  async function offerRow(id: string): Promise<OfferRowData> {
    const row = await db.offer.findUnique({ where: { id } });
    if (!row) throw notFound('offer', id);
    return row;
  }

  app.get('/sessions/:id/offers', {
    config: { scope: 'session' },
    schema: {
      tags: ['offers'],
      summary: 'The session\'s offers, dwelling by dwelling in rank order: each deadline and the applicant\'s answer',
      params: IdParams, response: { 200: Type.Object({ offers: Type.Array(Offer) }), ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'secretary', 'auditor', 'ops');
    const session = await db.session.findUnique({ where: { id: request.params.id }, select: { id: true } });
    if (!session) throw notFound('session', request.params.id);
    const rows = await db.offer.findMany({ where: { sessionId: session.id }, orderBy: [{ agendaItemId: 'asc' }, { rank: 'asc' }] });
    // Each dwelling's workflow holds what the rows may not have caught up with yet.
    const items = [...new Set(rows.map((r) => r.agendaItemId))];
    const states = new Map(await Promise.all(items.map(async (itemId) => [itemId, await offerState(temporal, session.id, itemId)] as const)));
    return {
      offers: rows.map((row) => {
        const state = states.get(row.agendaItemId);
        return present(row, state?.offers.find((x) => x.offerId === row.id), state);
      }),
    };
  });

  app.get('/offers/:id', {
    config: { scope: 'offer' },
    schema: { tags: ['offers'], summary: 'The state of an offer: its deadline, and the applicant\'s answer', params: IdParams, response: { 200: Offer, ...problems } },
  }, async (request) => {
    requireRole(request.principal, 'secretary', 'auditor', 'ops');
    const row = await offerRow(request.params.id);
    const state = await offerState(temporal, row.sessionId, row.agendaItemId);
    return present(row, state?.offers.find((x) => x.offerId === row.id), state);
  });

  const answerRoute = (action: 'accept' | 'decline', summary: string) =>
    app.post(`/offers/:id/${action}`, {
      config: { scope: 'offer' },
      schema: { tags: ['offers'], summary, params: IdParams, body: OfferAnswerInput, response: { 200: Offer, ...problems } },
    }, async (request: FastifyRequest<{ Params: Static<typeof IdParams>; Body: OfferAnswerInput }>) => {
      const principal = requireRole(request.principal, 'secretary');
      const row = await offerRow(request.params.id);
      if (row.status !== 'offered') throw closedOfferProblem(row);
      const answer: AnswerOffer = { actor: staffActor(principal), offerId: row.id, reason: request.body.reason };
      const record = await answerOffer(temporal, row, action === 'accept' ? acceptOffer : declineOffer, answer, updateIdFor(request, `offer-${action}`))
        .catch(async (error: unknown) => {
          // The workflow moved on before the row did (an expiry being persisted): say why from the row.
          const now = await db.offer.findUnique({ where: { id: row.id } });
          if (now && now.status !== 'offered') throw closedOfferProblem(now);
          throw error;
        });
      request.log.info({ workflowId: offerWorkflowId(row.sessionId, row.agendaItemId), offerId: row.id, status: record.status }, `offer ${action}ed`);
      return present(row, record);
    });
  answerRoute('accept', 'Record the applicant\'s acceptance of the offer (within its deadline)');
  answerRoute('decline', 'Record the applicant\'s refusal: the dwelling is offered to the next ranked candidate');
}
