// Persists session steps: each one's projection and its audit event, in one transaction.
// A step whose audit event is already stored was committed before: it is skipped, which makes
// the activity safe to retry.
import type { Database, Prisma } from '../../prisma/database.ts';
import type { SessionPhase, SessionStep } from '../../workflows/messages.ts';

type Tx = Parameters<Parameters<Database['$transaction']>[0]>[0];

export function stepDedupeKey(sessionId: string, seq: number): string {
  return `session:${sessionId}:step:${seq}`;
}

export async function recordSessionSteps(db: Database, sessionId: string, committeeId: string, steps: SessionStep[]): Promise<number> {
  if (steps.length === 0) return 0;
  const keys = steps.map((s) => stepDedupeKey(sessionId, s.seq));
  return db.$transaction(async (tx) => {
    const stored = await tx.auditEvent.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } });
    const done = new Set(stored.map((e) => e.dedupeKey));
    let applied = 0;
    for (const step of steps) {
      const dedupeKey = stepDedupeKey(sessionId, step.seq);
      if (done.has(dedupeKey)) continue;
      await applyProjection(tx, sessionId, step);
      const { seq, at, actor, type, ...payload } = step;
      await tx.auditEvent.create({
        data: { committeeId, sessionId, type, actor, payload: { seq, ...payload } as Prisma.InputJsonObject, dedupeKey, occurredAt: new Date(at) },
      });
      applied++;
    }
    return applied;
  });
}

async function setPhase(tx: Tx, sessionId: string, phase: SessionPhase): Promise<void> {
  await tx.session.update({ where: { id: sessionId }, data: { phase } });
}

async function applyProjection(tx: Tx, sessionId: string, step: SessionStep): Promise<void> {
  switch (step.type) {
    case 'agenda_published':
      for (const item of step.items) {
        await tx.agendaItem.upsert({
          where: { id: item.id },
          create: { id: item.id, sessionId, dwellingId: item.dwellingId, position: item.position, exception: item.exception ?? null },
          update: { position: item.position, exception: item.exception ?? null },
        });
        await tx.agendaCandidate.deleteMany({ where: { agendaItemId: item.id } });
        await tx.agendaCandidate.createMany({
          data: item.candidates.map((c) => ({ agendaItemId: item.id, applicationId: c.applicationId, rank: c.rank })),
        });
      }
      return setPhase(tx, sessionId, step.phase);
    case 'vote_cast':
      await tx.vote.upsert({
        where: { agendaItemId_memberId: { agendaItemId: step.itemId, memberId: step.memberId } },
        create: { agendaItemId: step.itemId, memberId: step.memberId, castById: step.castBy, choice: step.choice, castAt: new Date(step.at) },
        update: { castById: step.castBy, choice: step.choice, castAt: new Date(step.at) },
      });
      return;
    case 'vote_closed': {
      const tally = { outcome: step.result.outcome, decidedBy: step.result.decidedBy, counts: step.result.counts, quorum: step.result.quorum, castingVoterId: step.result.castingVoterId ?? null } as unknown as Prisma.InputJsonObject;
      for (const d of step.decisions) {
        const data = {
          type: d.type,
          rank: d.rank ?? null,
          conditionDocument: d.conditionDocument ?? null,
          conditionDeadline: d.conditionDeadline ? new Date(`${d.conditionDeadline}T00:00:00Z`) : null,
          reasons: d.reasons ?? null,
          tally,
          decidedAt: new Date(step.result.closedAt),
        };
        await tx.decision.upsert({
          where: { agendaItemId_applicationId: { agendaItemId: step.itemId, applicationId: d.applicationId } },
          create: { id: crypto.randomUUID(), sessionId, agendaItemId: step.itemId, applicationId: d.applicationId, ...data },
          update: data,
        });
      }
      return;
    }
    case 'minutes_signed': {
      const minutes = await tx.minutes.update({ where: { sessionId_version: { sessionId, version: step.version } }, data: { status: 'signed' } });
      await tx.minutesSignature.upsert({
        where: { minutesId_memberId: { minutesId: minutes.id, memberId: step.memberId } },
        create: { minutesId: minutes.id, memberId: step.memberId, role: step.role, sha256: step.sha256, signedAt: new Date(step.at) },
        update: {},
      });
      return setPhase(tx, sessionId, step.phase);
    }
    case 'session_scheduled':
    case 'session_opened':
    case 'quorum_reached':
    case 'session_closed':
    case 'minutes_drafted':
    case 'session_completed':
      return setPhase(tx, sessionId, step.phase);
    case 'agenda_item_added':
    case 'agenda_item_removed':
    case 'attendance_recorded':
    case 'vote_opened':
      return;
  }
}
