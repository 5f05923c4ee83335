// Whether each member was lawfully convened: their convocation delivered, with the notice the
// rules require counted from that delivery (any notice with a published urgency reason).
import { convenedInTime } from '../rules/index.ts';
import { convenedMembers } from './seats.ts';
import type { SessionState } from './state.ts';

export type ConvocationStatus = 'convened' | 'late' | 'not_convened';

export function convocationStatus(state: SessionState, memberId: string): ConvocationStatus {
  const deliveredAt = state.convocations[memberId]?.deliveredAt;
  if (!deliveredAt) return 'not_convened';
  return convenedInTime(new Date(deliveredAt), new Date(state.scheduledStart), state.rules, state.published?.urgencyReason) ? 'convened' : 'late';
}

/** The members not lawfully convened, each with why. */
export function unconvenedMembers(state: SessionState): Array<{ memberId: string; status: Exclude<ConvocationStatus, 'convened'> }> {
  return convenedMembers(state).flatMap((m) => {
    const status = convocationStatus(state, m.id);
    return status === 'convened' ? [] : [{ memberId: m.id, status }];
  });
}
