// Updates and query of the offer workflow, and the shapes they carry. Shared by the workflow,
// the API (which sends the applicant's answer) and the activities (which persist each step).
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export interface OfferCandidate {
  applicationId: string;
  rank: number;
}

export interface OfferInput {
  sessionId: string;
  committeeId: string;
  agendaItemId: string;
  dwellingId: string;
  /** The ranked candidates the committee attributed the dwelling to, best first. */
  candidates: OfferCandidate[];
  /** When the first-ranked candidate was notified: their deadline counts from the day after. */
  notifiedAt: string;
  /** The committee's rules' `offerResponseDays` (R441-10: at least ten). */
  responseDays: number;
  /** The committee's time zone, in which days are counted. */
  timeZone: string;
}

export type OfferStatus = 'offered' | 'accepted' | 'declined' | 'expired';

/** The next ranked candidate, told that the dwelling is now offered to them. */
export interface OfferNotice extends OfferContext {
  dwellingId: string;
  applicationId: string;
  rank: number;
  responseDays: number;
  timeZone: string;
  /** The workflow's time when the offer passes on: the notification date, unless a retry finds one stored. */
  at: string;
}

export interface OfferRecord {
  /** The Offer row's id, chosen by the workflow. */
  offerId: string;
  applicationId: string;
  rank: number;
  offeredAt: string;
  deadline: string;
  status: OfferStatus;
  answeredAt?: string | undefined;
  /** Who recorded the answer (`staff:<subject>`), or `system` for silence. */
  answeredBy?: string | undefined;
  reason?: string | undefined;
}

/** `offering` while a candidate may still answer; then accepted, or no one left (a future agenda). */
export type OfferOutcome = 'offering' | 'accepted' | 'no_one_left';

export interface OfferState {
  sessionId: string;
  committeeId: string;
  agendaItemId: string;
  dwellingId: string;
  responseDays: number;
  timeZone: string;
  outcome: OfferOutcome;
  /** The offer awaiting an answer, if any. */
  currentOfferId?: string | undefined;
  /** Every offer made so far, in rank order. */
  offers: OfferRecord[];
}

/** The applicant's answer, recorded by the secretary; `actor` is set by the API from the token. */
export interface AnswerOffer {
  actor: string;
  offerId: string;
  reason?: string | undefined;
}

export const acceptOffer = defineUpdate<OfferRecord, [AnswerOffer]>('acceptOffer');
export const declineOffer = defineUpdate<OfferRecord, [AnswerOffer]>('declineOffer');
export const getOfferState = defineQuery<OfferState>('getOfferState');

/** Where an offer's steps belong, for their rows and audit events. */
export interface OfferContext {
  sessionId: string;
  committeeId: string;
  agendaItemId: string;
}

/** Why a dwelling goes back to a future agenda. */
export const noOneLeftReason = 'every ranked candidate refused the offer or let its deadline pass';
