// Activities of the session workflow. Each is idempotent: steps are keyed by session and
// sequence number, minutes by session and version.
import type { Database } from '../prisma/database.ts';
import type { MinutesFacts, ParticipantSession, ReconvenedSession, SessionStep } from '../workflows/messages.ts';
import { conveneMembers, type ConvocationResult } from './convocations.ts';
import { endSessionMeeting, reportedAttendance } from './meeting-attendance.ts';
import type { Mailer } from './notify/mailer.ts';
import type { ZoomMeetings } from './zoom/meetings.ts';
import { buildMinutesDocument, canonicalJson, sha256Hex } from './minutes/minutes-document.ts';
import { recordSessionSteps } from './store/session-steps.ts';

export interface SessionActivityDeps {
  db: Database;
  zoom?: ZoomMeetings | undefined;
  mailer?: Mailer | undefined;
  organizer?: { name: string; email: string } | undefined;
}

export function createSessionActivities({ db, zoom, mailer, organizer }: SessionActivityDeps) {
  return {
    async conveneMembers(sessionId: string): Promise<ConvocationResult> {
      return conveneMembers({ db, zoom, mailer, organizer: organizer ?? { name: 'CALEOL', email: 'caleol@localhost' } }, sessionId);
    },

    async endMeeting(sessionId: string): Promise<void> {
      await endSessionMeeting(db, zoom, sessionId);
    },

    async reconcileAttendance(sessionId: string): Promise<ParticipantSession[] | undefined> {
      return reportedAttendance(db, zoom, sessionId);
    },

    async recordSessionSteps(sessionId: string, committeeId: string, steps: SessionStep[]): Promise<number> {
      return recordSessionSteps(db, sessionId, committeeId, steps);
    },

    async draftMinutes(facts: MinutesFacts): Promise<{ version: number; sha256: string }> {
      const document = await buildMinutesDocument(db, facts);
      const sha256 = sha256Hex(canonicalJson(document));
      const version = 1;
      await db.minutes.upsert({
        where: { sessionId_version: { sessionId: facts.sessionId, version } },
        create: { id: crypto.randomUUID(), sessionId: facts.sessionId, version, document: document as object, sha256 },
        update: {},
      });
      return { version, sha256 };
    },

    /** The session row of a reconvened session; its workflow is started by the adjourned one. */
    async createReconvenedSession(session: ReconvenedSession): Promise<void> {
      const adjourned = await db.session.findUniqueOrThrow({ where: { id: session.reconvenedFrom } });
      await db.session.upsert({
        where: { id: session.sessionId },
        create: {
          id: session.sessionId,
          committeeId: session.committeeId,
          rulesVersion: session.rulesVersion,
          scheduledStart: new Date(session.scheduledStart),
          mode: session.mode,
          phase: 'convened',
          workflowId: `session-${session.sessionId}`,
          reconvenedFromId: session.reconvenedFrom,
          videoProvider: adjourned.videoProvider,
        },
        update: {},
      });
    },
  };
}

export type SessionActivities = ReturnType<typeof createSessionActivities>;
