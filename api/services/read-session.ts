// What a reader sees of a session in progress: staff, auditors and ops everything; a member only
// their own committee's sessions, and the items their mandate lets them see (a réservataire their
// contingent, a mayor or an EPCI president their territory). Each member's convocation says
// whether they were lawfully convened.
import { mayAttendItem } from '../../domain/rules/index.ts';
import { convenedMembers, convocationStatus, itemRoster, writtenItemParticipation, type SessionState } from '../../domain/session/index.ts';
import { staffRoles, type Principal } from '../auth.ts';
import { actingLookups } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export type SessionView = ReturnType<typeof wholeView>;

/** Who reads: staff (every item), or the member the principal is in the session's committee. */
export type SessionReader = { staff: true } | { staff: false; memberId: string };

function wholeView(state: SessionState) {
  const convocations = Object.fromEntries(convenedMembers(state).map((m) => {
    const c = state.convocations[m.id];
    return [m.id, { ...c, sequence: c?.sequence ?? 0, status: convocationStatus(state, m.id) }];
  }));
  // A written session's items: the seats that vote on each and its participation so far, as the close will count them.
  const agenda = state.mode !== 'written' ? state.agenda : state.agenda.map((item) => ({
    ...item, roster: itemRoster(state, item).map((m) => m.id), participation: writtenItemParticipation(state, item),
  }));
  return { ...state, agenda, convocations };
}

/** The reader of a session; a member of another committee is refused before anything is read. */
export async function sessionReader({ db }: ServiceDeps, principal: Principal, sessionId: string): Promise<SessionReader> {
  const { sessionCommittee, actingMember } = actingLookups(db);
  const { committeeId } = await sessionCommittee(sessionId);
  if (principal.roles.some((r) => staffRoles.includes(r))) return { staff: true };
  return { staff: false, memberId: await actingMember(principal, committeeId) };
}

/** The session as this reader may see it. */
export function sessionViewFor(state: SessionState, reader: SessionReader): SessionView {
  const view = wholeView(state);
  if (reader.staff) return view;
  const member = state.members.find((m) => m.id === reader.memberId);
  // A member who joined the committee after the session was scheduled sits on none of its items.
  if (!member) return { ...view, agenda: [] };
  const agenda = view.agenda.filter((item) => mayAttendItem(member, item.place));
  if (state.mode !== 'written') return { ...view, agenda };
  // While a written item is open to the vote (for days), a member sees only the ballots of the
  // seats they vote for, not how the others voted: the participation says how many did.
  const mine = new Set([member.id, ...(member.substituteFor ? [member.substituteFor] : []), ...Object.entries(state.proxies).filter(([, h]) => h === member.id).map(([p]) => p)]);
  return {
    ...view,
    agenda: agenda.map((item) => (item.status !== 'voting' ? item : {
      ...item,
      votes: Object.fromEntries(Object.entries(item.votes).filter(([seat]) => mine.has(seat))),
      ballots: Object.fromEntries(Object.entries(item.ballots ?? {}).filter(([key]) => mine.has(key.split(':')[0]!))),
    })),
  };
}

export async function readSession(deps: ServiceDeps, principal: Principal, sessionId: string): Promise<SessionView> {
  const reader = await sessionReader(deps, principal, sessionId);
  return sessionViewFor(await deps.sessions.state(sessionId), reader);
}
