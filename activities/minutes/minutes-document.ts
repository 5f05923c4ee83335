// The minutes (procès-verbal) of the session's recorded facts, naming people, dwellings and
// applications from reference data; drafting twice gives the same bytes.
import { minutesDocument, type MinutesDocument, type MinutesFacts } from '../../domain/minutes.ts';
import type { Database } from '../../prisma/database.ts';

export async function buildMinutesDocument(db: Database, facts: MinutesFacts): Promise<MinutesDocument> {
  const [committee, members, dwellings, applications] = await Promise.all([
    db.committee.findUniqueOrThrow({ where: { id: facts.committeeId } }),
    db.member.findMany({ where: { id: { in: facts.members.map((m) => m.id) } } }),
    db.dwelling.findMany({ where: { id: { in: facts.agenda.map((i) => i.dwellingId) } } }),
    db.application.findMany({ where: { id: { in: facts.agenda.flatMap((i) => i.candidates.map((c) => c.applicationId)) } } }),
  ]);
  return minutesDocument(facts, {
    committee: { id: committee.id, name: committee.name, landlord: committee.landlord, timeZone: committee.timeZone },
    memberNames: new Map(members.map((m) => [m.id, m.name])),
    dwellings: new Map(dwellings.map((d) => [d.id, {
      reference: d.reference, address: d.address, commune: d.commune, type: d.type, surfaceM2: d.surfaceM2.toString(), rentCents: d.rentCents, financing: d.financing, contingent: d.contingent,
    }])),
    applicationNumbers: new Map(applications.map((a) => [a.id, a.applicationNumber])),
  });
}
