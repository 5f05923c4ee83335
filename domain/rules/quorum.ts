import type { CommitteeRules } from './committee-rules.ts';
import type { SessionMember } from './members.ts';

export interface QuorumSnapshot {
  rosterSize: number;
  present: number;
  represented: number;
  required: number;
  reached: boolean;
}

/**
 * Quorum over a roster: seats occupied plus seats represented by a proxy holder present in
 * person must reach the threshold. `proxies` maps a principal to their holder; `peoplePresent`
 * is who attends (by default the occupied seats themselves).
 */
export function computeQuorum(
  roster: readonly SessionMember[],
  present: ReadonlySet<string>,
  proxies: ReadonlyMap<string, string>,
  rules: Pick<CommitteeRules, 'quorum'>,
  withoutQuorum = false,
  peoplePresent: ReadonlySet<string> = present,
): QuorumSnapshot {
  let presentCount = 0;
  let represented = 0;
  for (const m of roster) {
    if (present.has(m.id)) presentCount++;
    else {
      const holder = proxies.get(m.id);
      if (holder !== undefined && peoplePresent.has(holder)) represented++;
    }
  }
  const required = withoutQuorum ? 0 : Math.ceil(roster.length * rules.quorum.threshold);
  return {
    rosterSize: roster.length,
    present: presentCount,
    represented,
    required,
    reached: presentCount + represented >= required && (withoutQuorum || roster.length > 0),
  };
}

/**
 * A remote deliberation is valid only if enough of the voting members take part in person
 * (ordonnance 2014-1329: at least half); proxies do not count here.
 */
export function remoteParticipationReached(snapshot: QuorumSnapshot, minimumShare: number): boolean {
  return snapshot.present >= Math.ceil(snapshot.rosterSize * minimumShare);
}

/**
 * Participation in a written item: the seats of its roster with a ballot (cast by the member, their
 * substitute, or their proxy holder) against the share the rules require.
 */
export function writtenParticipation(rosterSize: number, votedInPerson: number, votedByProxy: number, minimumShare: number): QuorumSnapshot {
  const required = Math.ceil(rosterSize * minimumShare);
  return {
    rosterSize, present: votedInPerson, represented: votedByProxy, required,
    reached: rosterSize > 0 && votedInPerson + votedByProxy >= required,
  };
}
