// The minutes (procès-verbal) document, built only from the session's recorded facts and
// reference data, so drafting twice gives the same bytes.
import type { Database } from '../../prisma/database.ts';
import type { AgendaItemState, MinutesFacts } from '../../workflows/messages.ts';
import type { MinutesDocument, MinutesPerson } from '../../documents/minutes-types.ts';
import { isDeliberative } from '../../domain/rules/index.ts';

export async function buildMinutesDocument(db: Database, facts: MinutesFacts): Promise<MinutesDocument> {
  const [committee, members, dwellings, applications] = await Promise.all([
    db.committee.findUniqueOrThrow({ where: { id: facts.committeeId } }),
    db.member.findMany({ where: { id: { in: facts.members.map((m) => m.id) } } }),
    db.dwelling.findMany({ where: { id: { in: facts.agenda.map((i) => i.dwellingId) } } }),
    db.application.findMany({ where: { id: { in: facts.agenda.flatMap((i) => i.candidates.map((c) => c.applicationId)) } } }),
  ]);
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const dwelling = new Map(dwellings.map((d) => [d.id, d]));
  const applicationNumber = new Map(applications.map((a) => [a.id, a.applicationNumber]));
  const person = (id: string): MinutesPerson => ({ memberId: id, name: memberName.get(id) ?? id, role: facts.members.find((m) => m.id === id)?.role ?? 'unknown' });

  const present = facts.members.filter((m) => facts.attendance[m.id]?.present);
  const represented = facts.members.filter((m) => !facts.attendance[m.id]?.present && facts.proxies[m.id] !== undefined);
  const absent = facts.members.filter((m) => !facts.attendance[m.id]?.present && facts.proxies[m.id] === undefined);

  const voteOf = (r: AgendaItemState['results'][number]) => ({
    counts: r.counts,
    outcome: r.outcome,
    decidedBy: r.decidedBy,
    castingVote: r.castingVoterId ? person(r.castingVoterId) : null,
    quorum: r.quorum,
  });

  return {
    document: 'caleol_minutes',
    formatVersion: 1,
    committee: { id: committee.id, name: committee.name, landlord: committee.landlord, timeZone: committee.timeZone },
    session: {
      id: facts.sessionId,
      mode: facts.mode,
      means: facts.videoProvider === 'zoom' ? 'Zoom videoconference; attendance from the meeting' : 'attendance recorded by the secretary',
      scheduledStart: facts.scheduledStart,
      closedAt: facts.closedAt,
      reconvenedFrom: facts.reconvenedFrom ?? null,
      withoutQuorum: facts.withoutQuorum,
    },
    members: {
      convened: facts.members.map((m) => person(m.id)),
      present: present.filter((m) => isDeliberative(m.role)).map((m) => ({
        ...person(m.id),
        how: facts.attendance[m.id]?.how ?? 'manual',
        ...(m.substituteFor ? { standingInFor: person(m.substituteFor) } : {}),
      })),
      represented: represented.map((m) => ({ ...person(m.id), by: person(facts.proxies[m.id]!) })),
      absent: absent.filter((m) => isDeliberative(m.role)).map((m) => person(m.id)),
      consultative: present.filter((m) => !isDeliberative(m.role)).map((m) => person(m.id)),
    },
    meeting: facts.videoProvider === 'zoom'
      ? {
        provider: 'zoom',
        joinSessions: (facts.participants ?? []).map((p) => ({
          ...(p.memberId ? { member: person(p.memberId) } : { guest: p.guestName ?? 'unknown' }),
          joinedAt: p.joinedAt ?? null,
          leftAt: p.leftAt ?? null,
        })),
      }
      : { provider: 'manual' },
    quorumAtOpening: facts.openingQuorum ?? null,
    items: facts.agenda.map((item) => {
      const d = dwelling.get(item.dwellingId);
      return {
        position: item.position,
        kind: item.kind,
        dwelling: d
          ? { reference: d.reference, address: d.address, commune: d.commune, type: d.type, surfaceM2: d.surfaceM2.toString(), rentCents: d.rentCents, financing: d.financing, contingent: d.contingent }
          : { reference: item.dwellingId },
        candidatesExamined: item.candidates.map((c) => ({ applicationNumber: applicationNumber.get(c.applicationId) ?? c.applicationId, rank: c.rank })),
        candidateCheck: item.kind === 'allocation' ? { count: item.candidates.length, exception: item.exception ?? null } : null,
        recused: item.conflicts.map(person),
        votes: item.results.map(voteOf),
        status: item.status,
        deferral: item.deferral ? { reason: item.deferral.reason, referral: item.deferral.referral } : null,
        decisions: item.decisions.map((dec) => ({
          applicationNumber: applicationNumber.get(dec.applicationId) ?? dec.applicationId,
          type: dec.type,
          rank: dec.rank ?? null,
          conditionDocument: dec.conditionDocument ?? null,
          conditionDeadline: dec.conditionDeadline ?? null,
          reasons: dec.reasons ?? null,
        })),
        opinion: item.opinion ?? null,
      };
    }),
    signers: facts.signers,
    // Absent before the first amendment, so an unamended version keeps its bytes.
    ...(facts.amendments?.length
      ? {
        version: facts.version ?? facts.amendments.length + 1,
        amendments: facts.amendments.map((a) => ({ version: a.version, at: a.at, by: { id: a.by, name: memberName.get(a.by) ?? staffName(a.by) }, reason: a.reason, text: a.text })),
      }
      : {}),
  };
}

/** A secretary acts as `staff:<subject>`: the minutes name them by their capacity. */
function staffName(actor: string): string {
  return actor.startsWith('staff:') ? `le secrétariat (${actor.slice('staff:'.length)})` : actor;
}
