// Persists session steps: each one's projection and its audit event, in one transaction.
// A step whose audit event is already stored was committed before: it is skipped, which makes
// the activity safe to retry.
import { appendAuditEvents, lockCommitteeChain, type NewAuditEvent } from '../../prisma/audit-trail.ts';
import type { Database, Prisma } from '../../prisma/database.ts';
import type { PublishedItem, SessionPhase, SessionStep } from '../../workflows/messages.ts';
import type { CandidateDecision } from '../../domain/rules/index.ts';

type Tx = Parameters<Parameters<Database['$transaction']>[0]>[0];

export function stepDedupeKey(sessionId: string, seq: number): string {
  return `session:${sessionId}:step:${seq}`;
}

export async function recordSessionSteps(db: Database, sessionId: string, committeeId: string, steps: SessionStep[]): Promise<number> {
  if (steps.length === 0) return 0;
  const keys = steps.map((s) => stepDedupeKey(sessionId, s.seq));
  return db.$transaction(async (tx) => {
    // Two runs of one session (a reset, a retry racing its timed-out attempt) see each other's steps.
    await lockCommitteeChain(tx, committeeId);
    const stored = await tx.auditEvent.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } });
    const done = new Set(stored.map((e) => e.dedupeKey));
    const events: NewAuditEvent[] = [];
    // Votes in a row are stored in one statement, before the next step of another kind.
    let votes: VoteCast[] = [];
    for (const step of steps) {
      const dedupeKey = stepDedupeKey(sessionId, step.seq);
      if (done.has(dedupeKey)) continue;
      if (step.type === 'vote_cast') {
        votes.push(step);
      } else {
        await storeVotes(tx, votes.splice(0));
        await applyProjection(tx, sessionId, step);
      }
      const { seq, at, actor, type, ...payload } = step;
      events.push({ committeeId, sessionId, type, actor, payload: { seq, ...payload } as Prisma.InputJsonObject, dedupeKey, occurredAt: new Date(at) });
    }
    await storeVotes(tx, votes);
    await appendAuditEvents(tx, events);
    return events.length;
  });
}

type VoteCast = Extract<SessionStep, { type: 'vote_cast' }>;

/** Each member's last vote of the run (a vote changed twice in it counts once), upserted together. */
async function storeVotes(tx: Tx, votes: VoteCast[]): Promise<void> {
  if (votes.length === 0) return;
  const last = [...new Map(votes.map((v) => [`${v.itemId}:${v.memberId}`, v])).values()];
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

async function upsertDecisions(tx: Tx, sessionId: string, itemId: string, decisions: CandidateDecision[], tally: Prisma.InputJsonObject, decidedAt: Date): Promise<void> {
  for (const d of decisions) {
    const data = {
      type: d.type,
      rank: d.rank ?? null,
      conditionDocument: d.conditionDocument ?? null,
      conditionDeadline: d.conditionDeadline ? new Date(`${d.conditionDeadline}T00:00:00Z`) : null,
      reasons: d.reasons ?? null,
      tally,
      decidedAt,
    };
    await tx.decision.upsert({
      where: { agendaItemId_applicationId: { agendaItemId: itemId, applicationId: d.applicationId } },
      create: { id: crypto.randomUUID(), sessionId, agendaItemId: itemId, applicationId: d.applicationId, ...data },
      update: data,
    });
  }
}

async function applyProjection(tx: Tx, sessionId: string, step: SessionStep): Promise<void> {
  switch (step.type) {
    case 'agenda_published':
      for (const item of step.items) await upsertItem(tx, sessionId, item);
      return setPhase(tx, sessionId, step.phase);
    case 'agenda_item_added':
      // Before publication the agenda is a draft, persisted when published.
      if (step.published) await upsertItem(tx, sessionId, step.item);
      return;
    case 'agenda_item_removed':
      if (step.published) await tx.agendaItem.update({ where: { id: step.itemId }, data: { removedAt: new Date(step.at) } });
      return;
    case 'vote_closed': {
      const tally = { outcome: step.result.outcome, decidedBy: step.result.decidedBy, counts: step.result.counts, quorum: step.result.quorum, castingVoterId: step.result.castingVoterId ?? null } as unknown as Prisma.InputJsonObject;
      const decidedAt = new Date(step.result.closedAt);
      await upsertDecisions(tx, sessionId, step.itemId, step.decisions, tally, decidedAt);
      if (step.opinion) {
        const data = { situation: step.opinion.situation, suitableDwelling: step.opinion.suitableDwelling, advice: step.opinion.advice ?? null, tally, decidedAt };
        await tx.occupancyOpinion.upsert({ where: { agendaItemId: step.itemId }, create: { agendaItemId: step.itemId, ...data }, update: data });
      }
      if (step.result.itemStatus !== 'decided') {
        // A vote that decided nothing: the next vote starts from no votes.
        await tx.vote.deleteMany({ where: { agendaItemId: step.itemId } });
      }
      return;
    }
    case 'item_deferred': {
      await tx.agendaItem.update({ where: { id: step.itemId }, data: { deferralReason: step.reason, referred: step.referral } });
      const tally = { outcome: 'deferred', reason: step.reason, referral: step.referral } as Prisma.InputJsonObject;
      await upsertDecisions(tx, sessionId, step.itemId, step.decisions, tally, new Date(step.at));
      return;
    }
    case 'minutes_signed': {
      const minutes = await tx.minutes.findUniqueOrThrow({ where: { sessionId_version: { sessionId, version: step.version } } });
      await tx.minutesSignature.upsert({
        where: { minutesId_role: { minutesId: minutes.id, role: step.role } },
        create: {
          minutesId: minutes.id, role: step.role, signer: step.memberId, sha256: step.sha256,
          signature: step.signature ?? null, keyFingerprint: step.keyFingerprint ?? null, signedAt: new Date(step.at),
        },
        update: {},
      });
      if (step.phase === 'signed') await tx.minutes.update({ where: { id: minutes.id }, data: { status: 'signed' } });
      return setPhase(tx, sessionId, step.phase);
    }
    case 'minutes_amended':
      // The new version is stored by the drafting activity; the ones before it no longer stand.
      await tx.minutes.updateMany({ where: { sessionId, version: { lt: step.version } }, data: { status: 'superseded' } });
      return;
    case 'applicants_notified':
      return setPhase(tx, sessionId, step.phase);
    case 'session_scheduled':
    case 'session_opened':
    case 'quorum_reached':
    case 'session_adjourned':
    case 'session_closed':
    case 'minutes_drafted':
    case 'offers_started':
    case 'session_completed':
      return setPhase(tx, sessionId, step.phase);
    case 'vote_cast': // stored by storeVotes, with the votes next to it
    case 'attendance_recorded':
    case 'proxy_registered':
    case 'proxy_revoked':
    case 'conflict_declared':
    case 'vote_opened':
    case 'session_reconvened':
    case 'members_convened':
    case 'meeting_event':
    case 'attendance_reconciled':
    case 'attendance_not_reconciled':
    case 'participant_mapped':
    case 'signature_reminder_sent':
    case 'signatures_overdue':
      return;
  }
}
