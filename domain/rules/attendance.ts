// Attendance from the meeting's own events: each participant join session (Zoom's user_id) has a
// join and a leave time, applied by the event's time whatever the order of arrival. A member is
// present while at least one of their sessions is open.

export interface JoinSession {
  key: string;
  memberId?: string | undefined;
  guestName?: string | undefined;
  joinedAt?: string | undefined;
  leftAt?: string | undefined;
}

export interface MeetingParticipantEvent {
  kind: 'participant_joined' | 'participant_left';
  participantKey: string;
  at: string;
  memberId?: string | undefined;
  guestName?: string | undefined;
}

/** Applies a join or leave to the sessions; a leave that arrives first opens a closed session. */
export function applyParticipantEvent(sessions: readonly JoinSession[], event: MeetingParticipantEvent): JoinSession[] {
  const existing = sessions.find((s) => s.key === event.participantKey);
  const base: JoinSession = existing ?? { key: event.participantKey, memberId: event.memberId, guestName: event.memberId ? undefined : event.guestName };
  const updated: JoinSession = event.kind === 'participant_joined'
    ? { ...base, joinedAt: earliest(base.joinedAt, event.at) }
    : { ...base, leftAt: latest(base.leftAt, event.at) };
  return existing ? sessions.map((s) => (s === existing ? updated : s)) : [...sessions, updated];
}

/** The meeting ended: every session still open closes at its end. */
export function closeOpenSessions(sessions: readonly JoinSession[], endedAt: string): JoinSession[] {
  return sessions.map((s) => (s.joinedAt && !s.leftAt ? { ...s, leftAt: endedAt } : s));
}

export function isOpen(s: JoinSession): boolean {
  return s.joinedAt !== undefined && s.leftAt === undefined;
}

/** Members with an open session; guests never count. */
export function membersInMeeting(sessions: readonly JoinSession[]): Set<string> {
  return new Set(sessions.filter((s) => s.memberId !== undefined && isOpen(s)).map((s) => s.memberId!));
}

function earliest(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}

function latest(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}
