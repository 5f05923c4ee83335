// Who sits on a committee and with what voice (CCH L441-2, R441-9).

export type MemberRole =
  | 'board_member'
  | 'board_substitute'
  | 'prefect'
  | 'epci_president'
  | 'mayor'
  | 'social_organisation'
  | 'reservataire'
  | 'social_services'
  | 'staff';

/** What a session needs to know of a member: no contact data, no applicant data. */
export interface SessionMember {
  id: string;
  role: MemberRole;
  commune?: string | undefined;
  epci?: string | undefined;
  chair: boolean;
}

/** Where a dwelling is: decides whether its mayor and EPCI president vote on it. */
export interface DwellingPlace {
  commune: string;
  epci?: string | undefined;
}

const deliberativeRoles: ReadonlySet<MemberRole> = new Set([
  'board_member',
  'board_substitute',
  'prefect',
  'epci_president',
  'mayor',
]);

export function isDeliberative(role: MemberRole): boolean {
  return deliberativeRoles.has(role);
}

/**
 * The members who vote on one dwelling: the board's members, the prefect, the EPCI president
 * for dwellings in the EPCI, the mayor for the commune's dwellings, minus declared conflicts.
 */
export function votingRoster(
  members: readonly SessionMember[],
  place: DwellingPlace,
  conflicts: ReadonlySet<string> = new Set(),
): SessionMember[] {
  return members.filter((m) => {
    if (conflicts.has(m.id)) return false;
    switch (m.role) {
      case 'board_member':
      case 'board_substitute':
      case 'prefect':
        return true;
      case 'epci_president':
        return place.epci !== undefined && m.epci === place.epci;
      case 'mayor':
        return m.commune === place.commune;
      default:
        return false;
    }
  });
}

/** Members who vote on every item whatever the dwelling: the basis of quorum at opening. */
export function sessionRoster(members: readonly SessionMember[]): SessionMember[] {
  return members.filter(
    (m) => m.role === 'board_member' || m.role === 'board_substitute' || m.role === 'prefect',
  );
}

/** The mayor of the dwelling's commune, who holds the casting vote on a tie. */
export function castingVoter(
  roster: readonly SessionMember[],
  place: DwellingPlace,
): SessionMember | undefined {
  return roster.find((m) => m.role === 'mayor' && m.commune === place.commune);
}
