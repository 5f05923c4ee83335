// The offer of a decided dwelling to its ranked candidates (CCH R441-3 b, R441-10). Each
// candidate in rank order gets an offer with a deadline of at least ten days; an acceptance ends
// the workflow; a refusal, or silence until the deadline, passes the dwelling to the next
// candidate, whose deadline counts from their own notification; with no one left, the dwelling
// is marked for a future agenda. Every step is persisted by an idempotent activity.
import { allHandlersFinished, condition, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { OfferActivities } from '../activities/offers.ts';
import * as o from './offer-messages.ts';
import type { OfferContext, OfferInput, OfferRecord, OfferState } from './offer-messages.ts';
import { refuse } from './refusals.ts';
import { offerDeadline } from '../domain/rules/index.ts';

// Persistence must eventually succeed: retry without limit, and let ops see the retries.
const store = proxyActivities<OfferActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});


export async function offerWorkflow(input: OfferInput): Promise<OfferState> {
  const state: OfferState = {
    sessionId: input.sessionId,
    committeeId: input.committeeId,
    agendaItemId: input.agendaItemId,
    dwellingId: input.dwellingId,
    responseDays: input.responseDays,
    timeZone: input.timeZone,
    outcome: 'offering',
    offers: [],
  };
  const context: OfferContext = { sessionId: input.sessionId, committeeId: input.committeeId, agendaItemId: input.agendaItemId };

  /** The offer an answer is for, if it may still be answered; refuses with the rule otherwise. */
  function answerable(req: o.AnswerOffer): OfferRecord {
    const offer = state.offers.find((x) => x.offerId === req.offerId);
    if (!offer) refuse('not_found', 'offer_exists', `offer ${req.offerId} was not made for this dwelling`);
    if (offer.status === 'expired' || (offer.status === 'offered' && Date.now() >= Date.parse(offer.deadline))) {
      refuse('rule_violation', 'offer_answer_within_deadline', `the deadline of offer ${offer.offerId} passed at ${offer.deadline}: silence is refusal (CCH R441-10)`);
    }
    if (offer.status !== 'offered') refuse('conflict', 'offer_answered_once', `offer ${offer.offerId} was already ${offer.status}`);
    return offer;
  }

  function answer(req: o.AnswerOffer, status: 'accepted' | 'declined'): OfferRecord {
    const offer = answerable(req);
    offer.status = status;
    offer.answeredAt = new Date().toISOString();
    offer.answeredBy = req.actor;
    offer.reason = req.reason;
    return offer;
  }

  setHandler(o.acceptOffer, (req: o.AnswerOffer) => answer(req, 'accepted'), { validator: (req: o.AnswerOffer) => { answerable(req); } });
  setHandler(o.declineOffer, (req: o.AnswerOffer) => answer(req, 'declined'), { validator: (req: o.AnswerOffer) => { answerable(req); } });
  setHandler(o.getOfferState, () => state);

  const ranked = [...input.candidates].sort((a, b) => a.rank - b.rank);
  for (const [index, candidate] of ranked.entries()) {
    // The first candidate was notified with the decision; each next one when the offer passes on.
    const offeredAt = index === 0
      ? input.notifiedAt
      : await store.notifyOffer({ ...context, dwellingId: input.dwellingId, applicationId: candidate.applicationId, rank: candidate.rank, responseDays: input.responseDays, timeZone: input.timeZone, at: new Date().toISOString() });
    const offer: OfferRecord = {
      offerId: uuid4(),
      applicationId: candidate.applicationId,
      rank: candidate.rank,
      offeredAt,
      deadline: offerDeadline(new Date(offeredAt), input.responseDays, input.timeZone).toISOString(),
      status: 'offered',
    };
    state.offers.push(offer);
    state.currentOfferId = offer.offerId;
    await store.recordOffer(context, { ...offer });

    // A zero timeout would wait forever: an overdue deadline still gets a (1 ms) timer.
    const answered = await condition(() => offer.status !== 'offered', Math.max(1, Date.parse(offer.deadline) - Date.now()));
    if (!answered && offer.status === 'offered') {
      offer.status = 'expired';
      offer.answeredAt = offer.deadline;
      offer.answeredBy = 'system';
      offer.reason = 'no answer within the deadline: silence is refusal (CCH R441-10)';
    }
    state.currentOfferId = undefined;
    await store.recordOfferAnswer(context, { ...offer });
    if (offer.status === 'accepted') {
      state.outcome = 'accepted';
      break;
    }
  }

  if (state.outcome !== 'accepted') {
    state.outcome = 'no_one_left';
    await store.markDwellingForFutureAgenda({ ...context, dwellingId: input.dwellingId, at: new Date().toISOString(), reason: o.noOneLeftReason });
  }
  await condition(allHandlersFinished);
  return state;
}
