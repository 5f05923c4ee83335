// The files of a session's items, as a member prepares the sitting: the dwelling and the
// candidates' applications (reference data, written when the item was added), for the items
// this reader may attend only (a mayor their commune's, a réservataire their contingent's).
import type { Principal } from '../auth.ts';
import type { ServiceDeps } from './deps.ts';
import { readSession } from './read-session.ts';

export async function sessionFiles(deps: ServiceDeps, principal: Principal, sessionId: string) {
  const view = await readSession(deps, principal, sessionId);
  // The state names each item's dwelling and candidates; their details are the rows the use case
  // wrote before the item reached the workflow (the agenda's own rows are projected later).
  const dwellings = new Map((await deps.db.dwelling.findMany({ where: { id: { in: view.agenda.map((i) => i.dwellingId) } } })).map((d) => [d.id, d]));
  const applications = new Map((await deps.db.application.findMany({
    where: { id: { in: view.agenda.flatMap((i) => i.candidates.map((c) => c.applicationId)) } },
    select: { id: true, applicationNumber: true, householdSummary: true, priority: true },
  })).map((a) => [a.id, a]));
  return {
    items: view.agenda.flatMap((item) => {
      const dwelling = dwellings.get(item.dwellingId);
      if (!dwelling) return [];
      return [{
        itemId: item.id,
        dwelling: {
          reference: dwelling.reference, address: dwelling.address, commune: dwelling.commune, type: dwelling.type,
          surfaceM2: Number(dwelling.surfaceM2), rentCents: dwelling.rentCents, financing: dwelling.financing,
          ...(dwelling.epci ? { epci: dwelling.epci } : {}), ...(dwelling.contingent ? { contingent: dwelling.contingent } : {}),
        },
        candidates: item.candidates.flatMap((c) => {
          const application = applications.get(c.applicationId);
          return application ? [{
            applicationId: c.applicationId, rank: c.rank, applicationNumber: application.applicationNumber,
            householdSummary: application.householdSummary, ...(application.priority ? { priority: application.priority } : {}),
          }] : [];
        }),
      }];
    }),
  };
}
