// The secretary puts a dwelling with its ranked candidates (or a tenant household to review) on
// the agenda: the reference rows the session names by id, then the session's own item. A refused
// item leaves the files as they were: the rows it would create are removed again, those it would
// rewrite are rewritten only once the session has taken it.
import type { AgendaItemState } from '../../domain/session/index.ts';
import type { Database } from '../../prisma/database.ts';
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
  // No transaction is held across the session's update (under load it would hold a connection, and the embedded
  // database whole, for the round trip): the files are made to exist first, rewritten only once the session has taken
  // the item, and those this request created are removed again if it refuses it.
  const claimed = await claimFiles(db, committeeId, { reference: dwelling.reference, ...dwellingData }, files);

  let item: AgendaItemState;
  try {
    item = await sessions.update(session.id, addAgendaItemUpdate, [{
      actor: staffActor(principal),
      itemId: crypto.randomUUID(),
      kind,
      dwellingId: claimed.dwelling.id,
      place: { commune: dwellingData.commune, ...(dwellingData.epci ? { epci: dwellingData.epci } : {}), ...(dwellingData.contingent ? { contingent: dwellingData.contingent } : {}) },
      candidates: files.map((f, i) => ({ applicationId: claimed.applications[i]!.id, rank: f.rank })),
      exception,
      reason,
    }], updateId);
  } catch (error) {
    // Refused: nothing of it stays. Unknown (Temporal unavailable): the item may have been taken, its files stay.
    if (error instanceof ProblemError && error.problem.status < 500) await releaseCreated(db, claimed);
    throw error;
  }
  await db.$transaction(async (tx) => {
    if (!claimed.dwelling.inserted) await tx.dwelling.update({ where: { id: claimed.dwelling.id }, data: dwellingData });
    for (const [i, f] of files.entries()) {
      if (claimed.applications[i]!.inserted) continue;
      // A contact given now replaces the one on file; none given keeps it.
      const contact = f.applicant ? { applicantName: f.applicant.name ?? null, email: f.applicant.email ?? null, postalAddress: f.applicant.postalAddress ?? null } : {};
      await tx.application.update({ where: { id: claimed.applications[i]!.id }, data: { householdSummary: f.householdSummary, priority: f.priority ?? null, ...contact } });
    }
  });
  return item;
}

/**
 * Makes the files exist without rewriting any: a dwelling or application already on file is only claimed (its row
 * version moves, its data stays), a new one is created with the data given.
 */
export async function claimFiles(db: Database, committeeId: string, dwellingData: DwellingFile, files: ApplicationFile[]): Promise<ClaimedFiles> {
  return db.$transaction(async (tx) => {
    const [dwellingRow] = await tx.$queryRaw<ClaimedRow[]>`
      INSERT INTO dwelling (id, committee_id, reference, address, commune, epci, type, surface_m2, rent_cents, financing, contingent)
      VALUES (${crypto.randomUUID()}::uuid, ${committeeId}::uuid, ${dwellingData.reference}, ${dwellingData.address}, ${dwellingData.commune}, ${dwellingData.epci},
        ${dwellingData.type}, ${dwellingData.surfaceM2}, ${dwellingData.rentCents}, ${dwellingData.financing}, ${dwellingData.contingent})
      ON CONFLICT (committee_id, reference) DO UPDATE SET reference = EXCLUDED.reference
      RETURNING id::text AS id, xmin::text AS version, (xmax = 0) AS inserted`;
    const applications: ClaimedRow[] = [];
    for (const f of files) {
      const [row] = await tx.$queryRaw<ClaimedRow[]>`
        INSERT INTO application (id, committee_id, application_number, household_summary, priority, applicant_name, email, postal_address)
        VALUES (${crypto.randomUUID()}::uuid, ${committeeId}::uuid, ${f.number}, ${f.householdSummary}, ${f.priority ?? null},
          ${f.applicant?.name ?? null}, ${f.applicant?.email ?? null}, ${f.applicant?.postalAddress ?? null})
        ON CONFLICT (committee_id, application_number) DO UPDATE SET application_number = EXCLUDED.application_number
        RETURNING id::text AS id, xmin::text AS version, (xmax = 0) AS inserted`;
      applications.push(row!);
    }
    return { dwelling: dwellingRow!, applications };
  });
}

interface DwellingFile {
  reference: string; address: string; commune: string; epci: string | null; type: string;
  surfaceM2: number; rentCents: number; financing: string; contingent: string | null;
}

interface ApplicationFile {
  number: string; householdSummary: string; priority?: string | undefined; applicant?: { name?: string | undefined; email?: string | undefined; postalAddress?: string | undefined } | undefined;
}

export interface ClaimedFiles {
  dwelling: ClaimedRow;
  applications: ClaimedRow[];
}

/** A file row this request found or created; its version (xmin) tells whether anyone has touched it since. */
interface ClaimedRow {
  id: string;
  version: string;
  inserted: boolean;
}

/**
 * Removes the rows the refused request created, unless another request has claimed them since (its claim rewrites
 * the row, so the version differs): a file another session took stays.
 */
export async function releaseCreated(db: Database, claimed: ClaimedFiles): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const row of claimed.applications.filter((r) => r.inserted)) await tx.$executeRaw`DELETE FROM application WHERE id = ${row.id}::uuid AND xmin::text = ${row.version}`;
    if (claimed.dwelling.inserted) {
      const row = claimed.dwelling;
      await tx.$executeRaw`DELETE FROM dwelling WHERE id = ${row.id}::uuid AND xmin::text = ${row.version}`;
    }
  });
}
