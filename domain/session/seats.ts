// The session's rosters and quorums, computed from its state through the pure rules.
import {
  computeQuorum,
  membersInMeeting,
  occupiedSeats,
  sessionRoster,
  votingRoster,
  type QuorumSnapshot,
  type SessionMember,
} from '../rules/index.ts';
import type { AgendaItemState, SessionState } from './state.ts';

/** Members present now. */
export function presentMembers(state: Pick<SessionState, 'attendance'>): Set<string> {
  return new Set(Object.entries(state.attendance).filter(([, a]) => a.present).map(([id]) => id));
}

function quorumOver(state: SessionState, roster: SessionMember[], conflicts: ReadonlySet<string> = new Set()): QuorumSnapshot {
  const here = presentMembers(state);
  const seats = occupiedSeats(state.members, here, conflicts);
  return computeQuorum(roster, seats, new Map(Object.entries(state.proxies)), state.rules, state.withoutQuorum, here);
}

/** Quorum over the seats that vote on every item: the board's six and the prefect. */
export function sessionQuorum(state: SessionState): QuorumSnapshot {
  return quorumOver(state, sessionRoster(state.members));
}

export function itemRoster(state: SessionState, item: Pick<AgendaItemState, 'place' | 'conflicts'>): SessionMember[] {
  return votingRoster(state.members, item.place, new Set(item.conflicts));
}

export function itemQuorum(state: SessionState, item: Pick<AgendaItemState, 'place' | 'conflicts'>): QuorumSnapshot {
  return quorumOver(state, itemRoster(state, item), new Set(item.conflicts));
}

/** Members the session convenes: everyone but staff. */
export function convenedMembers(state: Pick<SessionState, 'members'>): SessionMember[] {
  return state.members.filter((m) => m.role !== 'staff');
}

/**
 * Who the meeting says is present, for the members it knows; a member whose attendance the
 * secretary recorded by hand and whom the meeting never saw keeps it.
 */
export function presenceFromMeeting(state: SessionState): Map<string, boolean> {
  const inMeeting = membersInMeeting(state.participants);
  const presence = new Map<string, boolean>();
  for (const member of state.members) {
    const zoomKnows = state.participants.some((p) => p.memberId === member.id);
    if (!zoomKnows && state.attendance[member.id]?.how === 'manual') continue;
    const was = state.attendance[member.id]?.present ?? false;
    if (was !== inMeeting.has(member.id)) presence.set(member.id, inMeeting.has(member.id));
  }
  return presence;
}
