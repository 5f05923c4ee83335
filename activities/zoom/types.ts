// Shapes of the Zoom REST API as the contract gives them (zoom-api.md §1–§2): field names are
// Zoom's, in snake_case. Fields Zoom does not always send are optional; unknown extra fields
// are tolerated (responses are not validated beyond what the client needs).

/** `POST /oauth/token` answer (§1.2). No refresh token: a new one is requested instead. */
export interface ZoomTokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope?: string;
  /** Data-residency API host (e.g. https://api-eu.zoom.us), without `/v2`. */
  api_url?: string;
}

/** Meeting `settings` (the fields the committees use, §2.1). */
export interface MeetingSettings {
  host_video?: boolean;
  participant_video?: boolean;
  join_before_host?: boolean;
  jbh_time?: 0 | 5 | 10 | 15;
  mute_upon_entry?: boolean;
  audio?: 'both' | 'telephony' | 'voip' | 'thirdParty';
  auto_recording?: 'local' | 'cloud' | 'none';
  waiting_room?: boolean;
  waiting_room_options?: {
    mode: 'follow_setting' | 'custom';
    who_goes_to_waiting_room?: 'everyone' | 'users_not_in_account' | 'users_not_in_account_or_whitelisted_domains' | 'users_not_on_invite';
  };
  /** 0 registration with automatic approval (what we use), 1 manual approval, 2 no registration. */
  approval_type?: 0 | 1 | 2;
  registration_type?: 1 | 2 | 3;
  registrants_email_notification?: boolean;
  registrants_confirmation_email?: boolean;
  close_registration?: boolean;
  allow_multiple_devices?: boolean;
  meeting_authentication?: boolean;
  authentication_option?: string;
  authentication_domains?: string;
  authentication_exception?: Array<{ name: string; email: string }>;
  alternative_hosts?: string;
  email_in_attendee_report?: boolean;
  use_pmi?: boolean;
}

/** Body of `POST /users/{userId}/meetings`; any subset of it for `PATCH /meetings/{id}`. */
export interface CreateMeetingBody {
  topic: string;
  /** 1 instant, 2 scheduled (ours), 3 recurring without fixed time, 8 recurring, 10 screen share. */
  type?: 1 | 2 | 3 | 8 | 10;
  /** UTC with `Z` (`yyyy-MM-ddTHH:mm:ssZ`). */
  start_time?: string;
  /** Minutes; scheduling metadata only, Zoom does not end the meeting. */
  duration?: number;
  timezone?: string;
  /** Passcode: at most 10 characters of [a-zA-Z0-9@-_*]. */
  password?: string;
  default_password?: boolean;
  agenda?: string;
  schedule_for?: string;
  tracking_fields?: Array<{ field: string; value: string }>;
  settings?: MeetingSettings;
}

export type UpdateMeetingBody = Partial<CreateMeetingBody>;

/** A meeting as `POST /users/{id}/meetings` (201) and `GET /meetings/{id}` return it. */
export interface Meeting {
  /** Create-time UUID; live state keys on the instance UUID of `meeting.started` instead. */
  uuid: string;
  /** A number in REST (a string in some webhooks). */
  id: number;
  host_id: string;
  host_email?: string;
  topic: string;
  type: number;
  status?: 'waiting' | 'started' | (string & {});
  start_time?: string;
  duration?: number;
  timezone?: string;
  agenda?: string;
  created_at?: string;
  /** Embeds the host's ZAK: never log it. */
  start_url?: string;
  join_url: string;
  /** Present only when registration is enabled. */
  registration_url?: string;
  password?: string;
  h323_password?: string;
  pstn_password?: string;
  encrypted_password?: string;
  pre_schedule?: boolean;
  creation_source?: string;
  settings?: MeetingSettings;
  assistant_id?: string;
  tracking_fields?: Array<{ field: string; value: string; visible?: boolean }>;
}

/** Input of one registrant (§2.6). */
export interface RegistrantInput {
  email: string;
  first_name: string;
  last_name?: string;
  phone?: string;
  org?: string;
  job_title?: string;
  language?: string;
  comments?: string;
  custom_questions?: Array<{ title: string; value: string }>;
}

/** `POST /meetings/{id}/registrants` answer: `registrant_id` and the personal `join_url` (with `tk`). */
export interface Registrant {
  /** The meeting id. */
  id: number;
  registrant_id: string;
  join_url: string;
  start_time?: string;
  topic?: string;
  occurrences?: Array<{ occurrence_id: string; start_time: string; duration: number; status: string }>;
  /** Phone PIN identifying the registrant on dial-in. */
  participant_pin_code?: number;
}

/** One row of the `POST /meetings/{id}/batch_registrants` answer. */
export interface BatchRegistrant {
  email: string;
  registrant_id: string;
  join_url: string;
  participant_pin_code?: number;
}

export type RegistrantStatus = 'approved' | 'pending' | 'denied';

/** One row of `GET /meetings/{id}/registrants`: note `id`, not `registrant_id`. */
export interface RegistrantListItem {
  id: string;
  email: string;
  first_name: string;
  last_name?: string;
  status?: RegistrantStatus | (string & {});
  create_time?: string;
  join_url?: string;
  participant_pin_code?: number;
}

export interface RegistrantsPage {
  page_size: number;
  total_records: number;
  next_page_token?: string;
  page_count?: number;
  page_number?: number;
  registrants: RegistrantListItem[];
}

/** `GET /past_meetings/{idOrUuid}` (§2.7). */
export interface PastMeeting {
  id: number;
  uuid: string;
  duration?: number;
  start_time?: string;
  end_time?: string;
  host_id?: string;
  dept?: string;
  participants_count?: number;
  source?: string;
  topic?: string;
  total_minutes?: number;
  type?: number;
  user_email?: string;
  user_name?: string;
}

/** One join session in `GET /past_meetings/{uuid}/participants`: a rejoin is another row. */
export interface PastParticipant {
  /** Zoom user id when signed in, `""` for guests. */
  id: string;
  name: string;
  /** Per-session participant id; new on every rejoin. */
  user_id?: string;
  /** Set when the person joined through their personal registrant link; `""` otherwise. */
  registrant_id?: string;
  /** `""` for guests outside the account (email display rules). */
  user_email: string;
  join_time?: string;
  leave_time?: string;
  /** Seconds. */
  duration?: number;
  failover?: boolean;
  status?: 'in_meeting' | 'in_waiting_room' | (string & {});
  internal_user?: boolean;
}

export interface PastParticipantsPage {
  page_count?: number;
  page_size: number;
  total_records: number;
  next_page_token?: string;
  participants: PastParticipant[];
}

/** A REST error body: only `code` and `message` are guaranteed (§2). */
export interface ZoomErrorBody {
  code: number;
  message: string;
  errors?: Array<{ field: string; message: string }>;
}
