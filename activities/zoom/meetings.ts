// What the session activities need of Zoom: the typed client satisfies it through an adapter,
// and so can a stand-in.
export interface ZoomMeetingRef {
  id: number;
  uuid: string;
}

export interface ZoomParticipantReport {
  /** One row per join session. */
  userId: string;
  registrantId?: string | undefined;
  email?: string | undefined;
  name: string;
  joinTime: string;
  leaveTime?: string | undefined;
}

export interface ZoomMeetings {
  createMeeting(input: { topic: string; startTime: Date; durationMinutes: number; timeZone: string }): Promise<ZoomMeetingRef>;
  addRegistrant(meetingId: number, registrant: { email: string; firstName: string; lastName: string }): Promise<{ registrantId: string; joinUrl: string }>;
  endMeeting(meetingId: number): Promise<void>;
  /** The latest instance's join sessions; by meeting id, since the instance UUID may differ from the created one. */
  pastParticipants(meetingId: number): Promise<ZoomParticipantReport[]>;
}
