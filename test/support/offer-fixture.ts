// A dwelling as the signed minutes leave it: a committee, a session, an agenda item with three
// candidates attributed in rank order, and the signed minutes. Offer workflows notify each next
// candidate from these rows.
import type { Client } from '@temporalio/client';
import { offerWorkflowId, offerWorkflowType } from '../../workflows/ids.ts';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../prisma/database.ts';
import type { OfferInput } from '../../workflows/offer-messages.ts';
import { seedCommittee } from './time-skipping.ts';

export async function seedAttributedDwelling(db: Database, options: { notifiedAt: Date; responseDays?: number; name?: string }): Promise<OfferInput> {
  const committee = await seedCommittee(db, options.name ?? 'Offers');
  const sessionId = randomUUID();
  const agendaItemId = randomUUID();
  await db.session.create({
    data: { id: sessionId, committeeId: committee.committeeId, rulesVersion: 1, scheduledStart: new Date(options.notifiedAt.getTime() - 86_400_000), mode: 'remote', phase: 'notified', workflowId: `session-${sessionId}` },
  });
  await db.agendaItem.create({ data: { id: agendaItemId, sessionId, dwellingId: committee.dwellingId, position: 1 } });
  await db.agendaCandidate.createMany({ data: committee.applicationIds.map((applicationId, i) => ({ agendaItemId, applicationId, rank: i + 1 })) });
  await db.decision.createMany({
    data: committee.applicationIds.map((applicationId, i) => ({
      id: randomUUID(), sessionId, agendaItemId, applicationId, type: 'ranked_attribution' as const, rank: i + 1, tally: {}, decidedAt: options.notifiedAt,
    })),
  });
  await db.minutes.create({ data: { id: randomUUID(), sessionId, version: 1, document: {}, sha256: 'a'.repeat(64), status: 'signed' } });
  return {
    sessionId,
    committeeId: committee.committeeId,
    agendaItemId,
    dwellingId: committee.dwellingId,
    candidates: committee.applicationIds.map((applicationId, i) => ({ applicationId, rank: i + 1 })),
    notifiedAt: options.notifiedAt.toISOString(),
    responseDays: options.responseDays ?? 10,
    timeZone: 'Europe/Paris',
  };
}

/**
 * Starts the offer workflow of a decided dwelling as the signed session does (`offer-<session>-<item>`),
 * or finds it running: the id is the business key.
 */
export async function startOfferWorkflow(client: Client, taskQueue: string, input: OfferInput): Promise<{ workflowId: string; running: boolean }> {
  const workflowId = offerWorkflowId(input.sessionId, input.agendaItemId);
  await client.workflow.start(offerWorkflowType, { workflowId, taskQueue, args: [input], workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE' });
  return { workflowId, running: true };
}
