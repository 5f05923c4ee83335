// Stores session events: each one's audit event (of the same type) and what it changes in the
// tables others read (agenda, ballots, decisions, signatures, phase), in one transaction. An
// event whose audit event is already stored was committed before: it is skipped, which makes
// the activity safe to retry.
import { appendAuditEvents, lockCommitteeChain, type NewAuditEvent } from '../../prisma/audit-trail.ts';
import type { Database, Prisma } from '../../prisma/database.ts';
import type { CandidateDecision } from '../../domain/rules/index.ts';
import type { EventOf, PublishedItem, SessionEvent, SessionPhase } from '../../domain/session/index.ts';

type Tx = Parameters<Parameters<Database['$transaction']>[0]>[0];

export function eventDedupeKey(sessionId: string, seq: number): string {
  return `session:${sessionId}:step:${seq}`;
}

export async function recordSessionEvents(db: Database, sessionId: string, committeeId: string, events: SessionEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const keys = events.map((e) => eventDedupeKey(sessionId, e.seq));
  return db.$transaction(async (tx) => {
    // Two runs of one session (a reset, a retry racing its timed-out attempt) see each other's events.
    await lockCommitteeChain(tx, committeeId);
    const stored = await tx.$queryRaw<Array<{ dedupe_key: string }>>`SELECT dedupe_key FROM audit_event WHERE dedupe_key = ANY(${keys}::text[])`;
    const done = new Set(stored.map((e) => e.dedupe_key));
    const audit: NewAuditEvent[] = [];
    // Ballots in a row are stored in one statement, before the next event of another kind.
    let ballots: Ballot[] = [];
    for (const event of events) {
      const dedupeKey = eventDedupeKey(sessionId, event.seq);
      if (done.has(dedupeKey)) continue;
      if (event.type === 'vote_cast') {
        ballots.push(event);
      } else {
        await storeBallots(tx, ballots.splice(0));
        await applyProjection(tx, sessionId, event);
      }
      const { seq, at, actor, type, ...payload } = event;
      audit.push({ committeeId, sessionId, type, actor, payload: { seq, ...payload } as Prisma.InputJsonObject, dedupeKey, occurredAt: new Date(at) });
    }
    await storeBallots(tx, ballots);
    await appendAuditEvents(tx, audit);
    return audit.length;
  });
}

type Ballot = EventOf<'vote_cast'>;

/** Each member's last ballot of the batch (a vote changed twice in it counts once), upserted together. */
async function storeBallots(tx: Tx, ballots: Ballot[]): Promise<void> {
  if (ballots.length === 0) return;
  const last = [...new Map(ballots.map((v) => [`${v.itemId}:${v.memberId}`, v])).values()];
  await tx.$executeRaw`
    INSERT INTO vote (agenda_item_id, member_id, cast_by_id, choice, cast_at)
    SELECT * FROM unnest(
      ${last.map((v) => v.itemId)}::uuid[], ${last.map((v) => v.memberId)}::uuid[], ${last.map((v) => v.castBy)}::uuid[],
      ${last.map((v) => v.choice)}::vote_choice[], ${last.map((v) => v.at)}::timestamptz[])
    ON CONFLICT (agenda_item_id, member_id)
    DO UPDATE SET cast_by_id = EXCLUDED.cast_by_id, choice = EXCLUDED.choice, cast_at = EXCLUDED.cast_at`;
}

async function setPhase(tx: Tx, sessionId: string, phase: SessionPhase): Promise<void> {
  await tx.session.update({ where: { id: sessionId }, data: { phase } });
}

async function upsertItem(tx: Tx, sessionId: string, item: PublishedItem): Promise<void> {
  const data = { position: item.position, kind: item.kind, exception: item.exception ?? null };
  await tx.agendaItem.upsert({
    where: { id: item.id },
    create: { id: item.id, sessionId, dwellingId: item.dwellingId, ...data },
    update: data,
  });
  await tx.agendaCandidate.deleteMany({ where: { agendaItemId: item.id } });
  await tx.agendaCandidate.createMany({
    data: item.candidates.map((c) => ({ agendaItemId: item.id, applicationId: c.applicationId, rank: c.rank })),
  });
}

/** The item's decisions, one per candidate, in one statement (a vote's close, at the peak ten a second). */
async function upsertDecisions(tx: Tx, sessionId: string, itemId: string, decisions: CandidateDecision[], tally: Prisma.InputJsonObject, decidedAt: Date): Promise<void> {
  if (decisions.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO decision (id, session_id, agenda_item_id, application_id, type, rank, condition_document, condition_deadline, reasons, tally, decided_at)
    SELECT d.id, ${sessionId}::uuid, ${itemId}::uuid, d.application_id, d.type, d.rank, d.condition_document, d.condition_deadline, d.reasons,
      ${JSON.stringify(tally)}::jsonb, ${decidedAt.toISOString()}::timestamptz
    FROM unnest(
      ${decisions.map(() => crypto.randomUUID())}::uuid[], ${decisions.map((d) => d.applicationId)}::uuid[],
      ${decisions.map((d) => d.type)}::decision_type[], ${decisions.map((d) => d.rank ?? null)}::int[],
      ${decisions.map((d) => d.conditionDocument ?? null)}::text[], ${decisions.map((d) => d.conditionDeadline ?? null)}::date[],
      ${decisions.map((d) => d.reasons ?? null)}::text[]
    ) AS d (id, application_id, type, rank, condition_document, condition_deadline, reasons)
    ON CONFLICT (agenda_item_id, application_id) DO UPDATE SET
      type = EXCLUDED.type, rank = EXCLUDED.rank, condition_document = EXCLUDED.condition_document,
      condition_deadline = EXCLUDED.condition_deadline, reasons = EXCLUDED.reasons, tally = EXCLUDED.tally, decided_at = EXCLUDED.decided_at`;
}

async function applyProjection(tx: Tx, sessionId: string, event: SessionEvent): Promise<void> {
  switch (event.type) {
    case 'agenda_published':
      for (const item of event.items) await upsertItem(tx, sessionId, item);
      return setPhase(tx, sessionId, event.phase);
    case 'agenda_item_added':
      // Before publication the agenda is a draft, stored when published.
      if (event.published) await upsertItem(tx, sessionId, event.item);
      return;
    case 'agenda_item_removed':
      if (event.published) await tx.agendaItem.update({ where: { id: event.itemId }, data: { removedAt: new Date(event.at) } });
      return;
    case 'agenda_amended':
      // The positions after a removal.
      for (const item of event.items) await tx.agendaItem.updateMany({ where: { id: item.id }, data: { position: item.position } });
      return;
    case 'vote_closed': {
      const tally = { outcome: event.result.outcome, decidedBy: event.result.decidedBy, counts: event.result.counts, quorum: event.result.quorum, castingVoterId: event.result.castingVoterId ?? null } as unknown as Prisma.InputJsonObject;
      const decidedAt = new Date(event.result.closedAt);
      await upsertDecisions(tx, sessionId, event.itemId, event.decisions, tally, decidedAt);
      if (event.opinion) {
        const data = { situation: event.opinion.situation, suitableDwelling: event.opinion.suitableDwelling, advice: event.opinion.advice ?? null, tally, decidedAt };
        await tx.occupancyOpinion.upsert({ where: { agendaItemId: event.itemId }, create: { agendaItemId: event.itemId, ...data }, update: data });
      }
      if (event.result.itemStatus !== 'decided') {
        // A vote that decided nothing: the next vote starts from no ballots.
        await tx.vote.deleteMany({ where: { agendaItemId: event.itemId } });
      }
      return;
    }
    case 'item_deferred': {
      await tx.agendaItem.update({ where: { id: event.itemId }, data: { deferralReason: event.reason ?? event.cause, referred: event.cause === 'referral' } });
      const tally = { outcome: 'deferred', cause: event.cause, reason: event.reason ?? null, referral: event.cause === 'referral' } as Prisma.InputJsonObject;
      await upsertDecisions(tx, sessionId, event.itemId, event.decisions, tally, new Date(event.at));
      return;
    }
    case 'minutes_signed': {
      const minutes = await tx.minutes.findUniqueOrThrow({ where: { sessionId_version: { sessionId, version: event.version } } });
      await tx.minutesSignature.upsert({
        where: { minutesId_role: { minutesId: minutes.id, role: event.role } },
        create: {
          minutesId: minutes.id, role: event.role, signer: event.memberId, sha256: event.sha256,
          signature: event.signature ?? null, keyFingerprint: event.keyFingerprint ?? null, signedAt: new Date(event.at),
          ...(event.pdf
            ? { pdfSha256: event.pdf.sha256, certificateSha256: event.pdf.certificateSha256, signerName: event.pdf.signerName, timestampedAt: new Date(event.pdf.timestampedAt) }
            : {}),
        },
        update: {},
      });
      if (event.phase === 'signed') await tx.minutes.update({ where: { id: minutes.id }, data: { status: 'signed' } });
      return setPhase(tx, sessionId, event.phase);
    }
    case 'window_extended':
      // The row keeps the close the window has now: the stuck-session checks count from it.
      await tx.session.update({ where: { id: sessionId }, data: { windowClosesAt: new Date(event.to) } });
      return;
    case 'minutes_amended':
      // The new version is stored by the drafting activity; the ones before it no longer stand.
      await tx.minutes.updateMany({ where: { sessionId, version: { lt: event.version } }, data: { status: 'superseded' } });
      return;
    case 'session_cancelled':
      // Items carried from written sessions wait for the next live session again.
      await tx.agendaItem.updateMany({ where: { carriedToSessionId: sessionId }, data: { carriedToSessionId: null } });
      return setPhase(tx, sessionId, event.phase);
    case 'session_scheduled':
    case 'window_opened':
    case 'session_opened':
    case 'deliberations_started':
    case 'session_adjourned':
    case 'session_closed':
    case 'minutes_drafted':
    case 'applicants_notified':
    case 'session_completed':
      return setPhase(tx, sessionId, event.phase);
    case 'vote_cast': // stored by storeBallots, with the ballots next to it
    case 'convocations_sent': // the convocation rows are written by the activity that sends them
    case 'convocation_delivered':
    case 'cancellation_sent':
    case 'attendance_recorded':
    case 'proxy_registered':
    case 'proxy_revoked':
    case 'conflict_declared':
    case 'vote_opened':
    case 'session_reconvened':
    case 'meeting_event':
    case 'attendance_reconciled':
    case 'attendance_not_reconciled':
    case 'participant_mapped':
    case 'minutes_amendment_requested':
    case 'signature_reminder_sent':
    case 'signatures_overdue':
    case 'offers_started':
    case 'window_closed':
    case 'message_posted':
    case 'referral_requested':
    case 'voters_reminded':
      return;
    default: {
      // Every event type is handled above: a new one fails to compile here until its projection is written.
      const unhandled: never = event;
      throw new Error(`no projection for event ${(unhandled as SessionEvent).type}`);
    }
  }
}
