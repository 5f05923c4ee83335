// The Zoom client as the session activities use it. Refusals that a retry cannot change become
// non-retryable failures, so a wrong credential stops at once instead of retrying forever.
import { ApplicationFailure } from '@temporalio/common';
import { ZoomClient, ZoomError, ZoomNotFoundError, type ZoomSettings } from './client.ts';
import type { ZoomMeetings, ZoomParticipantReport } from './meetings.ts';

async function mapped<T>(call: () => Promise<T>, notFoundIsRetryable = false): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ZoomError && !error.retryable && !(notFoundIsRetryable && error instanceof ZoomNotFoundError)) {
      throw ApplicationFailure.create({ type: error.name, message: error.message, nonRetryable: true, details: [{ status: error.status, code: error.code }] });
    }
    throw error;
  }
}

export function zoomMeetings(settings: ZoomSettings, client = new ZoomClient(settings)): ZoomMeetings {
  return {
    createMeeting: ({ topic, startTime, durationMinutes, timeZone }) => mapped(async () => {
      const meeting = await client.createMeeting({
        topic,
        type: 2,
        start_time: startTime.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        duration: durationMinutes,
        timezone: timeZone,
        settings: { approval_type: 0, registration_type: 1, registrants_email_notification: false, registrants_confirmation_email: false, join_before_host: false, waiting_room: false },
      });
      return { id: meeting.id, uuid: meeting.uuid };
    }),
    addRegistrant: (meetingId, r) => mapped(async () => {
      const registrant = await client.addRegistrant(meetingId, { email: r.email, first_name: r.firstName, last_name: r.lastName });
      return { registrantId: registrant.registrant_id, joinUrl: registrant.join_url };
    }),
    endMeeting: (meetingId) => mapped(async () => {
      try {
        await client.endMeeting(meetingId);
      } catch (error) {
        // A meeting that is not running (never started, already ended) has nothing to end.
        if (error instanceof ZoomError && (error.status === 400 || error.status === 404)) return;
        throw error;
      }
    }),
    // Right after the end the report may not exist yet: "not found" is worth retrying here.
    pastParticipants: (meetingId) => mapped(async () => {
      const rows: ZoomParticipantReport[] = [];
      for await (const p of client.listPastParticipants(meetingId)) {
        rows.push({
          userId: p.user_id || `${p.id}:${p.join_time ?? ''}`,
          registrantId: p.registrant_id || undefined,
          email: p.user_email || undefined,
          name: p.name,
          joinTime: p.join_time ?? '',
          leaveTime: p.leave_time || undefined,
        });
      }
      return rows;
    }, true),
  };
}
