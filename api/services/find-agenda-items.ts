// The auditor's search: where a dwelling, or an applicant's file, came before the committee,
// and what was decided. It reads the agenda's projection (an index); each session's own record
// (timeline, replay, export) is what states what happened.
import type { Database } from '../../prisma/database.ts';
import { ProblemError } from '../problems.ts';

export interface AgendaSearch {
  committeeId: string;
  dwellingReference?: string | undefined;
  applicationNumber?: string | undefined;
  limit: number;
}

export async function findAgendaItems(db: Database, search: AgendaSearch) {
  const { committeeId, dwellingReference, applicationNumber } = search;
  if (!dwellingReference && !applicationNumber) {
    throw new ProblemError({
      status: 400, code: 'search_criterion', title: 'Bad request', rule: 'search_criterion',
      detail: 'give a dwelling reference, an application number, or both',
    });
  }
  const insensitive = (value: string) => ({ equals: value.trim(), mode: 'insensitive' as const });
  const [dwellings, applications] = await Promise.all([
    dwellingReference ? db.dwelling.findMany({ where: { committeeId, reference: insensitive(dwellingReference) }, select: { id: true } }) : undefined,
    applicationNumber ? db.application.findMany({ where: { committeeId, applicationNumber: insensitive(applicationNumber) }, select: { id: true } }) : undefined,
  ]);
  const items = await db.agendaItem.findMany({
    where: {
      session: { committeeId },
      ...(dwellings ? { dwellingId: { in: dwellings.map((d) => d.id) } } : {}),
      ...(applications ? { candidates: { some: { applicationId: { in: applications.map((a) => a.id) } } } } : {}),
    },
    include: {
      session: { select: { scheduledStart: true, phase: true } },
      candidates: { orderBy: { rank: 'asc' } },
      decisions: { select: { applicationId: true, type: true, rank: true, decidedAt: true } },
    },
    orderBy: [{ session: { scheduledStart: 'desc' } }, { position: 'asc' }],
    take: search.limit,
  });
  const [dwellingRows, applicationRows] = await Promise.all([
    db.dwelling.findMany({ where: { id: { in: items.map((i) => i.dwellingId) } }, select: { id: true, reference: true, commune: true } }),
    db.application.findMany({ where: { id: { in: items.flatMap((i) => i.candidates.map((c) => c.applicationId)) } }, select: { id: true, applicationNumber: true } }),
  ]);
  const dwellingOf = new Map(dwellingRows.map((d) => [d.id, d]));
  const numberOf = new Map(applicationRows.map((a) => [a.id, a.applicationNumber]));
  return {
    items: items.map((item) => ({
      sessionId: item.sessionId,
      scheduledStart: item.session.scheduledStart.toISOString(),
      phase: item.session.phase,
      agendaItemId: item.id,
      position: item.position,
      dwellingReference: dwellingOf.get(item.dwellingId)?.reference ?? '',
      commune: dwellingOf.get(item.dwellingId)?.commune ?? '',
      status: item.removedAt ? 'removed' as const : item.decisions.length > 0 ? 'decided' as const : item.referred ? 'referred' as const : item.deferralReason ? 'deferred' as const : 'pending' as const,
      candidates: item.candidates.map((c) => {
        const decision = item.decisions.find((d) => d.applicationId === c.applicationId);
        return {
          applicationNumber: numberOf.get(c.applicationId) ?? '',
          rank: c.rank,
          ...(decision ? { decision: { type: decision.type, ...(decision.rank ? { rank: decision.rank } : {}), decidedAt: decision.decidedAt.toISOString() } } : {}),
        };
      }),
    })),
  };
}
