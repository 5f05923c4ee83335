// Activities of the session workflow. Each is idempotent: events are keyed by session and
// sequence number, minutes by session and version, messages by their recipient.
import type { MinutesFacts } from '../domain/minutes.ts';
import type { ConvocationsResult } from '../domain/session/commands.ts';
import type { ApplicantNotice, CancellationNotice, ConvocationRequest, ReconvenedSession, SignatureReminder, VotersReminder } from '../domain/session/reactions.ts';
import type { ParticipantSession, SessionEvent } from '../domain/session/index.ts';
import type { Database } from '../prisma/database.ts';
import { sessionWorkflowId } from '../workflows/ids.ts';
import { conveneMembers, notifyCancellation } from './convocations.ts';
import { endSessionMeeting, reportedAttendance } from './meeting-attendance.ts';
import { notifyApplicants, type ApplicantNoticeResult } from './notify/applicant-notices.ts';
import type { Mailer } from './notify/mailer.ts';
import { escalateUnsignedMinutes, remindSigners } from './notify/signature-reminders.ts';
import { remindWrittenVoters } from './notify/vote-reminders.ts';
import type { ZoomMeetings } from './zoom/meetings.ts';
import { bytesSha256, canonicalJson, sha256Hex } from '../documents/canonical-json.ts';
import { renderMinutesPdf } from '../documents/minutes-pdf.ts';
import { buildMinutesDocument } from './minutes/minutes-document.ts';
import { recordSessionEvents } from './store/session-events.ts';
import { inRequestTraces } from './request-traces.ts';
import type { TraceCarrier } from '../workflows/request-trace.ts';
import { archiveWorkflowHistory } from './store/workflow-history.ts';
import type { CheckpointSigner } from '../documents/audit-checkpoints.ts';
import { checkpointChain } from '../prisma/audit-trail.ts';
import { heartbeat } from '@temporalio/activity';
import type { Client } from '@temporalio/client';

export interface SessionActivityDeps {
  db: Database;
  zoom?: ZoomMeetings | undefined;
  mailer?: Mailer | undefined;
  organizer?: { name: string; email: string } | undefined;
  /** The web application's address, which convocations give for consulting the files. */
  applicationUrl?: string | undefined;
  opsEmail?: string | undefined;
  /** To read the session's own history when it ends; without it nothing is archived. */
  temporal?: Client | undefined;
  /** Signs the audit chain's head at the session's milestones; without it, no checkpoint. */
  checkpointSigner?: CheckpointSigner | undefined;
}

/** The steps after which the committee's chain head is signed at once. */
const checkpointedSteps: ReadonlySet<string> = new Set(['vote_closed', 'session_closed', 'minutes_signed', 'session_adjourned', 'session_cancelled', 'applicants_notified']);

const defaultOrganizer = { name: 'CALEOL', email: 'caleol@localhost' };

export function createSessionActivities({ db, zoom, mailer, organizer = defaultOrganizer, applicationUrl, opsEmail, temporal, checkpointSigner }: SessionActivityDeps) {
  return {
    /** Keeps a run's history (the current run's, or a finished one's), for the record to be replayable after Temporal deletes it. */
    async archiveHistory(sessionId: string, runId?: string): Promise<number> {
      return archiveWorkflowHistory(db, temporal, sessionWorkflowId(sessionId), sessionId, runId);
    },

    /** Sends the agenda's version to the members named; reports who received it and who did not. */
    async conveneMembers(request: ConvocationRequest): Promise<ConvocationsResult> {
      return conveneMembers({ db, zoom, mailer, organizer, applicationUrl, memberStarting: () => heartbeat() }, request);
    },

    async notifyCancellation(notice: CancellationNotice): Promise<{ emailed: number; failed: number }> {
      return notifyCancellation({ db, zoom, mailer, organizer }, notice);
    },

    async endMeeting(sessionId: string): Promise<void> {
      await endSessionMeeting(db, zoom, sessionId);
    },

    async reconcileAttendance(sessionId: string): Promise<ParticipantSession[] | undefined> {
      return reportedAttendance(db, zoom, sessionId);
    },

    /** `traces`: with tracing on, the requests whose steps these are; each of their traces shows the store. */
    async recordSessionEvents(sessionId: string, committeeId: string, events: SessionEvent[], traces: TraceCarrier[] = []): Promise<number> {
      return inRequestTraces('store session steps', traces, { 'caleol.session_id': sessionId, 'caleol.steps': events.length }, async () => {
        const stored = await recordSessionEvents(db, sessionId, committeeId, events);
        const milestone = events.findLast((e) => checkpointedSteps.has(e.type));
        if (checkpointSigner && milestone) await checkpointChain(db, checkpointSigner, committeeId, milestone.type, sessionId);
        return stored;
      });
    },

    async draftMinutes(facts: MinutesFacts): Promise<{ version: number; sha256: string }> {
      const document = await buildMinutesDocument(db, facts);
      const sha256 = sha256Hex(canonicalJson(document));
      const pdf = await renderMinutesPdf(document);
      const { version } = facts;
      await db.minutes.upsert({
        where: { sessionId_version: { sessionId: facts.sessionId, version } },
        create: { id: crypto.randomUUID(), sessionId: facts.sessionId, version, document: document as object, sha256, pdf: new Uint8Array(pdf), pdfSha256: bytesSha256(pdf) },
        update: {},
      });
      return { version, sha256 };
    },

    /** Reminds each missing signer of the minutes; returns how many were e-mailed. */
    /** E-mails the members who have not voted before a written session's close; how many were sent. */
    async remindWrittenVoters(reminder: VotersReminder): Promise<number> {
      return remindWrittenVoters({ db, mailer, applicationUrl }, reminder);
    },

    async remindSigners(reminder: SignatureReminder): Promise<number> {
      return remindSigners({ db, mailer, organizer, opsEmail }, reminder);
    },

    /** Tells ops the minutes are still unsigned after the rules' delay. */
    async escalateUnsignedMinutes(reminder: SignatureReminder): Promise<number> {
      return escalateUnsignedMinutes({ db, mailer, organizer, opsEmail }, reminder);
    },

    /** Letters to every examined applicant and the minutes to the prefect, once signed. */
    async notifyApplicants(notice: ApplicantNotice): Promise<ApplicantNoticeResult> {
      return notifyApplicants({ db, mailer }, notice);
    },

    /**
     * The session row of a reconvened session, at the first start from the wanted one that the
     * committee has free (a committee that sits weekly may already sit then). Returns that start;
     * its workflow is started by the adjourned one.
     */
    async createReconvenedSession(session: ReconvenedSession): Promise<{ scheduledStart: string }> {
      const existing = await db.session.findUnique({ where: { id: session.sessionId } });
      if (existing) return { scheduledStart: existing.scheduledStart.toISOString() };
      const adjourned = await db.session.findUniqueOrThrow({ where: { id: session.reconvenedFrom } });
      const wanted = Date.parse(session.scheduledStart);
      for (let hour = 0; hour < 7 * 24; hour++) {
        const scheduledStart = new Date(wanted + hour * 3_600_000);
        const taken = await db.session.findUnique({ where: { committeeId_scheduledStart: { committeeId: session.committeeId, scheduledStart } } });
        if (taken) continue;
        await db.session.create({
          data: {
            id: session.sessionId,
            committeeId: session.committeeId,
            rulesVersion: session.rulesVersion,
            scheduledStart,
            mode: session.mode,
            phase: 'convened',
            workflowId: sessionWorkflowId(session.sessionId),
            reconvenedFromId: session.reconvenedFrom,
            videoProvider: adjourned.videoProvider,
          },
        });
        return { scheduledStart: scheduledStart.toISOString() };
      }
      throw new Error(`the committee has no free hour in the week from ${session.scheduledStart} to reconvene`);
    },
  };
}

export type SessionActivities = ReturnType<typeof createSessionActivities>;
