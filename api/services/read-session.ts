// What a reader sees of a session in progress: staff, auditors and ops everything; a member only
// their own committee's sessions, and the items their mandate lets them see (a réservataire their
// contingent, a mayor or an EPCI president their territory). Each member's convocation says
// whether they were lawfully convened.
import { mayAttendItem } from '../../domain/rules/index.ts';
import { convenedMembers, convocationStatus, type SessionState } from '../../domain/session/index.ts';
import type { Principal } from '../auth.ts';
import { actingLookups } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export type SessionView = ReturnType<typeof viewOf>;

function viewOf(state: SessionState) {
  const convocations = Object.fromEntries(convenedMembers(state).map((m) => {
    const c = state.convocations[m.id];
    return [m.id, { ...c, sequence: c?.sequence ?? 0, status: convocationStatus(state, m.id) }];
  }));
  return { ...state, convocations };
}

export async function readSession({ db, sessions }: ServiceDeps, principal: Principal, sessionId: string): Promise<SessionView> {
  const { sessionCommittee, actingMember } = actingLookups(db);
  const { committeeId } = await sessionCommittee(sessionId);
  const staff = principal.roles.some((r) => r === 'secretary' || r === 'auditor' || r === 'ops');
  // A member of another committee is refused before anything is read.
  const memberId = staff ? undefined : await actingMember(principal, committeeId);
  const state = await sessions.state(sessionId);
  const view = viewOf(state);
  if (!memberId) return view;
  const member = state.members.find((m) => m.id === memberId);
  // A member who joined the committee after the session was scheduled sits on none of its items.
  if (!member) return { ...view, agenda: [] };
  return { ...view, agenda: view.agenda.filter((item) => mayAttendItem(member, item.place)) };
}
