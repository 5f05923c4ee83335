// Who sits on a committee and with what voice (CCH L441-2, R441-9).

export const memberRoles = [
  'board_member',
  'board_substitute',
  'prefect',
  'epci_president',
  'mayor',
  'social_organisation',
  'reservataire',
  'social_services',
  'staff',
] as const;
export type MemberRole = (typeof memberRoles)[number];

/** What a session needs to know of a member: no contact data, no applicant data. */
export interface SessionMember {
  id: string;
  role: MemberRole;
  commune?: string | undefined;
  epci?: string | undefined;
  /** A substitute (suppléant) or representative stands in for this titular member's seat. */
  substituteFor?: string | undefined;
  /** Réservataires see and speak on their own contingent's dwellings only. */
  contingent?: string | undefined;
  chair: boolean;
}

/** Where a dwelling is and whose contingent it belongs to. */
export interface DwellingPlace {
  commune: string;
  epci?: string | undefined;
  contingent?: string | undefined;
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

function seatsOnDwelling(m: SessionMember, place: DwellingPlace): boolean {
  switch (m.role) {
    case 'board_member':
    case 'prefect':
      return true;
    case 'epci_president':
      return place.epci !== undefined && m.epci === place.epci;
    case 'mayor':
      return m.commune === place.commune;
    default:
      return false;
  }
}

/**
 * The seats that vote on one dwelling, each named by its titular member: the board's six, the
 * prefect, the EPCI president for dwellings in the EPCI, the mayor for the commune's dwellings.
 * A titular who declared a conflict of interest on the item loses the seat for that item.
 */
export function votingRoster(
  members: readonly SessionMember[],
  place: DwellingPlace,
  conflicts: ReadonlySet<string> = new Set(),
): SessionMember[] {
  return members.filter((m) => m.substituteFor === undefined && !conflicts.has(m.id) && seatsOnDwelling(m, place));
}

/** The seats that vote on every item whatever the dwelling: the basis of quorum at opening. */
export function sessionRoster(members: readonly SessionMember[]): SessionMember[] {
  return members.filter((m) => m.substituteFor === undefined && (m.role === 'board_member' || m.role === 'prefect'));
}

/**
 * Seats occupied now: the titular is present, or a substitute of theirs is (who has not
 * declared a conflict on the item).
 */
export function occupiedSeats(
  members: readonly SessionMember[],
  present: ReadonlySet<string>,
  conflicts: ReadonlySet<string> = new Set(),
): Set<string> {
  const seats = new Set<string>();
  for (const m of members) {
    if (!present.has(m.id) || conflicts.has(m.id)) continue;
    seats.add(m.substituteFor ?? m.id);
  }
  return seats;
}

/** Who speaks for a seat right now: the titular if present, else a present substitute. */
export function seatOccupant(
  members: readonly SessionMember[],
  seatId: string,
  present: ReadonlySet<string>,
  conflicts: ReadonlySet<string> = new Set(),
): string | undefined {
  if (present.has(seatId) && !conflicts.has(seatId)) return seatId;
  return members.find((m) => m.substituteFor === seatId && present.has(m.id) && !conflicts.has(m.id))?.id;
}

/** The mayor's seat of the dwelling's commune, which holds the casting vote on a tie. */
export function castingVoter(
  roster: readonly SessionMember[],
  place: DwellingPlace,
): SessionMember | undefined {
  return roster.find((m) => m.role === 'mayor' && m.commune === place.commune);
}

/**
 * Who may see and speak on an item: réservataires their own contingent's dwellings, mayors
 * their commune's, EPCI presidents their territory's (and so their representatives); the others
 * every item.
 */
/** Whether a member's mandate covers every dwelling: a réservataire, a mayor or an EPCI president sees only their own. */
export function mandateCoversEveryDwelling(role: MemberRole): boolean {
  return role !== 'reservataire' && role !== 'mayor' && role !== 'epci_president';
}

export function mayAttendItem(m: SessionMember, place: DwellingPlace): boolean {
  switch (m.role) {
    case 'reservataire':
      return m.contingent !== undefined && m.contingent === place.contingent;
    case 'mayor':
      return m.commune === place.commune;
    case 'epci_president':
      return place.epci !== undefined && m.epci === place.epci;
    default:
      return true;
  }
}
