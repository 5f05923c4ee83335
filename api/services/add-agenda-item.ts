// The secretary puts a dwelling with its ranked candidates (or a tenant household to review) on
// the agenda: the reference rows the session names by id, then the session's own item. The rows
// are written in a transaction that commits only once the session has taken the item: a refused
// item leaves the files as they were.
import type { AgendaItemState } from '../../domain/session/index.ts';
import { addAgendaItem as addAgendaItemUpdate } from '../../workflows/session-messages.ts';
import type { Principal } from '../auth.ts';
import { ProblemError } from '../problems.ts';
import type { AgendaItemInput } from '../schemas.ts';
import { actingLookups, staffActor } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export async function addAgendaItem({ db, sessions }: ServiceDeps, principal: Principal, sessionId: string, body: AgendaItemInput, updateId?: string): Promise<AgendaItemState> {
  const session = await actingLookups(db).sessionRow(sessionId);
  const { dwelling, exception, reason } = body;
  const kind = body.kind ?? 'allocation';
  const files = kind === 'allocation'
    ? body.candidates?.map((c) => ({ number: c.applicationNumber, householdSummary: c.householdSummary, priority: c.priority, rank: c.rank, applicant: c.applicant }))
    : body.tenant && !body.candidates ? [{ number: body.tenant.fileNumber, householdSummary: body.tenant.householdSummary, priority: undefined, rank: 1, applicant: undefined }] : undefined;
  if (!files) {
    throw new ProblemError({
      status: 400, code: 'invalid_request', title: 'Invalid request',
      detail: kind === 'allocation' ? 'an allocation item lists its ranked candidates' : 'an occupancy review names the tenant household (tenant), not candidates',
    });
  }
  const committeeId = session.committeeId;
  const dwellingData = {
    address: dwelling.address, commune: dwelling.commune, epci: dwelling.epci ?? null, type: dwelling.type,
    surfaceM2: dwelling.surfaceM2, rentCents: dwelling.rentCents, financing: dwelling.financing, contingent: dwelling.contingent ?? null,
  };
  return db.$transaction(async (tx) => {
    const dwellingRow = await tx.dwelling.upsert({
      where: { committeeId_reference: { committeeId, reference: dwelling.reference } },
      create: { id: crypto.randomUUID(), committeeId, reference: dwelling.reference, ...dwellingData },
      update: dwellingData,
    });
    const candidates = [];
    for (const f of files) {
      // A contact given now replaces the one on file; none given keeps it.
      const contact = f.applicant ? { applicantName: f.applicant.name ?? null, email: f.applicant.email ?? null, postalAddress: f.applicant.postalAddress ?? null } : {};
      const data = { householdSummary: f.householdSummary, priority: f.priority ?? null, ...contact };
      const row = await tx.application.upsert({
        where: { committeeId_applicationNumber: { committeeId, applicationNumber: f.number } },
        create: { id: crypto.randomUUID(), committeeId, applicationNumber: f.number, ...data },
        update: data,
      });
      candidates.push({ applicationId: row.id, rank: f.rank });
    }
    return sessions.update(session.id, addAgendaItemUpdate, [{
      actor: staffActor(principal),
      itemId: crypto.randomUUID(),
      kind,
      dwellingId: dwellingRow.id,
      place: { commune: dwellingRow.commune, ...(dwellingRow.epci ? { epci: dwellingRow.epci } : {}), ...(dwellingRow.contingent ? { contingent: dwellingRow.contingent } : {}) },
      candidates,
      exception,
      reason,
    }], updateId);
  }, { timeout: 30_000 });
}
