// The meeting's participant report after it ends: the authoritative attendance, which repairs
// any webhook delivery that was lost or came in disorder.
import type { Database } from '../prisma/database.ts';
import type { ParticipantSession } from '../domain/session/index.ts';
import type { ZoomMeetings } from './zoom/meetings.ts';

export async function endSessionMeeting(db: Database, zoom: ZoomMeetings | undefined, sessionId: string): Promise<void> {
  const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
  if (session.videoProvider !== 'zoom' || session.zoomMeetingId === null || !zoom) return;
  await zoom.endMeeting(Number(session.zoomMeetingId));
}

/** Join sessions from Zoom's report, matched to members by registrant id, then by e-mail. */
export async function reportedAttendance(db: Database, zoom: ZoomMeetings | undefined, sessionId: string): Promise<ParticipantSession[] | undefined> {
  const session = await db.session.findUniqueOrThrow({ where: { id: sessionId }, include: { committee: { include: { members: true } }, convocations: true } });
  if (session.videoProvider !== 'zoom' || session.zoomMeetingId === null || !zoom) return undefined;
  const byRegistrant = new Map(session.convocations.filter((c) => c.registrantId).map((c) => [c.registrantId!, c.memberId]));
  const byEmail = new Map(session.committee.members.map((m) => [m.email.toLowerCase(), m.id]));
  const rows = await zoom.pastParticipants(Number(session.zoomMeetingId));
  return rows.map((row) => {
    const memberId = (row.registrantId ? byRegistrant.get(row.registrantId) : undefined) ?? (row.email ? byEmail.get(row.email.trim().toLowerCase()) : undefined);
    return { key: row.userId, memberId, guestName: memberId ? undefined : row.name, joinedAt: row.joinTime, leftAt: row.leaveTime };
  });
}
