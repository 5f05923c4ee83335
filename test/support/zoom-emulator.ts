// A local Zoom for tests (zoom-api.md §7): Server-to-Server OAuth, the meetings, registrants
// and past-meeting REST API, meeting simulation that emits signed webhooks through a delivery
// engine with Zoom's retry schedule, seeded chaos, injected faults and a control API under
// /__emulator. In-memory, one Fastify app on 127.0.0.1 with a random port.
//
// Base URLs: the client's `oauthBaseUrl` is `emulator.url` (token at `${url}/oauth/token`) and
// its `apiBaseUrl` is `${emulator.url}/v2`; `emulator.clientSettings()` returns both with the
// credentials. The token's `api_url` is `emulator.url` too, so a client that honours it works.
import { timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DeliveryEngine, type DeliveryLogEntry, type EmittedEvent, type ValidationResult, type WebhookChaos } from './zoom-emulator/delivery.ts';
import {
  matches,
  presetRule,
  rateLimitAnswer,
  simpleFaultRules,
  type ActiveFault,
  type FaultPreset,
  type FaultRule,
  type PresetRequest,
  type SimpleFaults,
} from './zoom-emulator/faults.ts';
import { Ids, slashUuid } from './zoom-emulator/random.ts';

export type { DeliveryLogEntry, EmittedEvent, ValidationResult, WebhookChaos } from './zoom-emulator/delivery.ts';
export type { FaultPreset, FaultRule, SimpleFaults } from './zoom-emulator/faults.ts';

/** Zoom's retry waits after a failed delivery: 5, 20 and 60 minutes (§4.5). */
export const ZOOM_RETRY_DELAYS_MS: readonly number[] = [5 * 60_000, 20 * 60_000, 60 * 60_000];

/** The events a committee app subscribes to (§7.2); others are not emitted. */
export const DEFAULT_WEBHOOK_EVENTS: readonly string[] = [
  'meeting.started',
  'meeting.ended',
  'meeting.participant_joined',
  'meeting.participant_left',
  'meeting.participant_joined_waiting_room',
  'meeting.participant_admitted',
  'meeting.deleted',
  'recording.completed',
];

export interface EmulatorUser {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
}

export interface ZoomEmulatorOptions {
  webhookUrl?: string;
  webhookSecretToken: string;
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** Waits before retries 1–3; default Zoom's [5 min, 20 min, 60 min]. */
  retryDelaysMs?: number[];
  /** A delivery succeeds on 200/204 within this; default 3000 (Zoom's 3 s). */
  ackTimeoutMs?: number;
  /** `expires_in` of issued tokens; default 3599. */
  tokenTtlSeconds?: number;
  /** Seed of ids and chaos; default 1. Same seed, same run. */
  seed?: number;
  /** The account's host user (the meetings' owner). */
  host?: Partial<EmulatorUser>;
  /** Clock (ms since epoch) behind every Zoom timestamp; default Date.now. See advanceClock(). */
  now?: () => number;
  /** Deliver nothing until validateEndpoint() succeeded (Zoom since June 2025); default false. */
  requireValidation?: boolean;
  /** What `meeting.ended` and the hosts' `participant_left` come in; default ended first, as captured (§2.5). */
  endOrder?: 'ended-first' | 'lefts-first';
  envelopeKeyOrder?: 'event-first' | 'payload-first';
  /** Every n-th generated meeting UUID starts with "/" and contains "//" (§2.8); default 2; 0 never. */
  slashUuidEvery?: number;
  /** The first start of a meeting reuses its create-time uuid (UNCONFIRMED on Zoom); default true. */
  firstInstanceUsesCreateUuid?: boolean;
  /** Create/update meeting requests per user per UTC day (§3); default 100. */
  userDailyMeetingWrites?: number;
  /** Subscribed events; default DEFAULT_WEBHOOK_EVENTS. */
  webhookEvents?: string[];
  /** `registrant_id` of a non-registrant in participant_joined: null (default) or "" (§7.8). */
  joinRegistrantIdWhenAbsent?: null | '';
  /** Multiplies retry delays (§7.2); default 1. */
  timeScale?: number;
  /** Host timezone, used when a meeting gives none; default Europe/Paris. */
  hostTimezone?: string;
}

export type ZoomEmulatorConfigPatch = Partial<Omit<ZoomEmulatorOptions, 'accountId' | 'clientId' | 'clientSecret' | 'seed' | 'now' | 'host'>>;

export interface JoinOptions {
  name: string;
  /** Joined through their personal registrant link: `registrant_id` is set, email defaults to the registrant's. */
  registrantId?: string;
  /** Sent as given; "" models a guest hidden by the email display rules (the default for guests). */
  email?: string;
  /** Signed-in Zoom user id (`participant.id`, `participant_user_id`). */
  zoomUserId?: string;
  phone?: string;
  /** Goes to the waiting room first: `participant_joined_waiting_room`, then admit(). */
  viaWaitingRoom?: boolean;
  at?: Date;
}

export interface EmulatorSession {
  userId: string;
  participantUuid: string;
  name: string;
  email: string;
  registrantId?: string;
  zoomUserId?: string;
  phone?: string;
  waitingSince?: string;
  joinTime?: string;
  leaveTime?: string;
  leaveReason?: string;
}

export interface EmulatorInstance {
  uuid: string;
  startTime: string;
  endTime?: string;
  sessions: EmulatorSession[];
}

export interface EmulatorMeeting {
  id: number;
  /** Create-time uuid. */
  uuid: string;
  topic: string;
  type: number;
  status: 'waiting' | 'started' | 'deleted';
  hostId: string;
  startTime?: string;
  duration: number;
  timezone: string;
  password: string;
  settings: Record<string, unknown>;
  instances: EmulatorInstance[];
}

export interface EmulatorRegistrant {
  registrantId: string;
  email: string;
  firstName: string;
  lastName: string;
  status: 'approved' | 'pending' | 'denied';
  joinUrl: string;
  participantPinCode: number;
  createTime: string;
}

export interface RequestLogEntry {
  method: string;
  /** Raw path as received (still percent-encoded), without the query. */
  path: string;
  query: string;
  status: number;
  /** The bearer token's position in issue order (1 = first token), when one was presented. */
  tokenNumber?: number;
}

export interface ZoomEmulator {
  /** `http://127.0.0.1:{port}`: oauthBaseUrl = url, apiBaseUrl = `${url}/v2`. */
  readonly url: string;
  readonly accountId: string;
  readonly host: EmulatorUser;
  /** Settings for `new ZoomClient(...)` pointing at this emulator. */
  clientSettings(): { accountId: string; clientId: string; clientSecret: string; oauthBaseUrl: string; apiBaseUrl: string; hostUserId: string };
  setWebhookUrl(url: string | undefined): void;
  configure(patch: ZoomEmulatorConfigPatch): void;

  meetings(): EmulatorMeeting[];
  meeting(meetingId: number): EmulatorMeeting | undefined;
  registrants(meetingId: number): EmulatorRegistrant[];

  /** Host starts the meeting: a new instance (uuid forced or generated), `meeting.started`. */
  startMeeting(meetingId: number, options?: { uuid?: string; at?: Date }): Promise<{ uuid: string }>;
  /** Someone joins: `participant_joined` (or `participant_joined_waiting_room`). */
  join(meetingId: number, participant: JoinOptions): Promise<{ userId: string; participantUuid: string }>;
  /** The host admits someone from the waiting room: `participant_admitted` + `participant_joined`. */
  admit(meetingId: number, userId: string, at?: Date): Promise<void>;
  /** `participant_left`; the reason is the text after "Reason: ". */
  leave(meetingId: number, userId: string, at?: Date, reason?: string): Promise<void>;
  /** Leave, then join again with a new user_id and participant_uuid (same identity). */
  rejoin(meetingId: number, userId: string, at?: Date): Promise<{ userId: string; participantUuid: string }>;
  /** Host ends the meeting: `meeting.ended` and one `participant_left` per connected person. */
  endMeeting(meetingId: number, at?: Date): Promise<{ uuid: string }>;

  /** Sends `endpoint.url_validation` to the webhook URL and checks the answer (§4.3). */
  validateEndpoint(): Promise<ValidationResult>;
  readonly validated: boolean;
  /** Resolves when no delivery is pending (held events are released, retries waited for). */
  flush(): Promise<void>;
  readonly pendingDeliveries: number;
  /** Every attempt (and drop/skip) so far. */
  readonly deliveries: readonly DeliveryLogEntry[];
  /** Every event emitted, in emission order, with what chaos did to it. */
  readonly events: readonly EmittedEvent[];
  setChaos(chaos: WebhookChaos): void;

  /** Replaces the injected faults (expireTokens acts at once). */
  setFaults(faults: SimpleFaults): void;
  addFault(rule: FaultRule | PresetRequest): void;
  clearFaults(): void;

  /** Token requests that got a token. */
  readonly tokenRequests: number;
  /** REST and OAuth requests, in order. */
  readonly requests: readonly RequestLogEntry[];
  now(): number;
  advanceClock(ms: number): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startZoomEmulator(options: ZoomEmulatorOptions): Promise<ZoomEmulator> {
  const emulator = new Emulator(options);
  await emulator.listen();
  return emulator;
}

// ---- Implementation ---------------------------------------------------------------------

class EmulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface SessionRecord {
  userId: string;
  participantUuid: string;
  name: string;
  email: string;
  registrantId: string | undefined;
  zoomUserId: string | undefined;
  phone: string | undefined;
  waitingSince: number | undefined;
  joinTime: number | undefined;
  leaveTime: number | undefined;
  leaveReason: string | undefined;
}

interface InstanceRecord {
  uuid: string;
  startTime: number;
  endTime: number | undefined;
  sessions: SessionRecord[];
  nextUserId: number;
}

interface RegistrantRecord {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  status: 'approved' | 'pending' | 'denied';
  createTime: number;
  tk: string;
  pin: number;
}

interface MeetingRecord {
  id: number;
  uuid: string;
  hostId: string;
  topic: string;
  type: number;
  startTime: number | undefined;
  duration: number;
  timezone: string;
  agenda: string;
  password: string;
  encryptedPassword: string;
  createdAt: number;
  settings: Record<string, unknown>;
  status: 'waiting' | 'started' | 'deleted';
  registrationToken: string;
  zak: string;
  trackingFields: unknown;
  instances: InstanceRecord[];
  registrants: RegistrantRecord[];
}

interface TokenRecord {
  number: number;
  expiresAt: number;
  expired: boolean;
}

type Config = Required<Omit<ZoomEmulatorOptions, 'webhookUrl' | 'host' | 'now'>> & { webhookUrl: string | undefined };

const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
  host_video: false,
  participant_video: false,
  join_before_host: false,
  jbh_time: 0,
  mute_upon_entry: false,
  audio: 'both',
  auto_recording: 'none',
  waiting_room: false,
  approval_type: 2,
  registration_type: 1,
  registrants_email_notification: true,
  registrants_confirmation_email: true,
  allow_multiple_devices: false,
  meeting_authentication: false,
  use_pmi: false,
  alternative_hosts: '',
  close_registration: false,
};

const FIRST_USER_ID = 16778240;
const USER_ID_STEP = 1024;

class Emulator implements ZoomEmulator {
  url = '';
  readonly accountId: string;
  readonly host: EmulatorUser;

  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #clock: () => number;
  #clockOffset = 0;
  #config: Config;
  readonly #ids: Ids;
  readonly #app: FastifyInstance;
  readonly #delivery: DeliveryEngine;
  readonly #meetings = new Map<number, MeetingRecord>();
  readonly #tokens = new Map<string, TokenRecord>();
  #tokenRequests = 0;
  readonly #requests: RequestLogEntry[] = [];
  #faults: ActiveFault[] = [];
  readonly #pageTokens = new Map<string, { listing: string; offset: number }>();
  readonly #dailyWrites = new Map<string, number>();
  #uuidCount = 0;

  constructor(options: ZoomEmulatorOptions) {
    const seed = options.seed ?? 1;
    this.#ids = new Ids(seed);
    this.accountId = options.accountId;
    this.#clientId = options.clientId;
    this.#clientSecret = options.clientSecret;
    this.#clock = options.now ?? Date.now;
    this.host = {
      id: options.host?.id ?? this.#ids.base64url(16),
      email: options.host?.email ?? 'secretariat.caleol@bailleur.example',
      first_name: options.host?.first_name ?? 'Secrétariat',
      last_name: options.host?.last_name ?? 'CALEOL',
    };
    this.#config = {
      webhookUrl: options.webhookUrl,
      webhookSecretToken: options.webhookSecretToken,
      accountId: options.accountId,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      retryDelaysMs: options.retryDelaysMs ?? [...ZOOM_RETRY_DELAYS_MS],
      ackTimeoutMs: options.ackTimeoutMs ?? 3000,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3599,
      seed,
      requireValidation: options.requireValidation ?? false,
      endOrder: options.endOrder ?? 'ended-first',
      envelopeKeyOrder: options.envelopeKeyOrder ?? 'event-first',
      slashUuidEvery: options.slashUuidEvery ?? 2,
      firstInstanceUsesCreateUuid: options.firstInstanceUsesCreateUuid ?? true,
      userDailyMeetingWrites: options.userDailyMeetingWrites ?? 100,
      webhookEvents: options.webhookEvents ?? [...DEFAULT_WEBHOOK_EVENTS],
      joinRegistrantIdWhenAbsent: options.joinRegistrantIdWhenAbsent ?? null,
      timeScale: options.timeScale ?? 1,
      hostTimezone: options.hostTimezone ?? 'Europe/Paris',
    };
    this.#delivery = new DeliveryEngine(
      () => ({
        url: this.#config.webhookUrl,
        secretToken: this.#config.webhookSecretToken,
        clientId: this.#clientId,
        retryDelaysMs: this.#config.retryDelaysMs.map((ms) => ms * this.#config.timeScale),
        ackTimeoutMs: this.#config.ackTimeoutMs,
        requireValidation: this.#config.requireValidation,
        envelopeKeyOrder: this.#config.envelopeKeyOrder,
        legacyVerificationToken: undefined,
      }),
      () => this.now(),
      seed,
    );
    this.#app = Fastify({ logger: false });
    this.#routes();
  }

  async listen(): Promise<void> {
    await this.#app.listen({ host: '127.0.0.1', port: 0 });
    const address = this.#app.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('Zoom emulator: no address');
    this.url = `http://127.0.0.1:${address.port}`;
  }

  clientSettings() {
    return {
      accountId: this.accountId,
      clientId: this.#clientId,
      clientSecret: this.#clientSecret,
      oauthBaseUrl: this.url,
      apiBaseUrl: `${this.url}/v2`,
      hostUserId: this.host.email,
    };
  }

  setWebhookUrl(url: string | undefined): void {
    this.#config.webhookUrl = url;
    this.#delivery.validated = false;
  }

  configure(patch: ZoomEmulatorConfigPatch): void {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if ('webhookUrl' in defined && defined.webhookUrl !== this.#config.webhookUrl) this.#delivery.validated = false;
    this.#config = { ...this.#config, ...defined };
  }

  now(): number {
    return this.#clock() + this.#clockOffset;
  }

  advanceClock(ms: number): void {
    this.#clockOffset += ms;
  }

  get tokenRequests(): number {
    return this.#tokenRequests;
  }

  get requests(): readonly RequestLogEntry[] {
    return this.#requests;
  }

  get deliveries(): readonly DeliveryLogEntry[] {
    return this.#delivery.log;
  }

  get events(): readonly EmittedEvent[] {
    return this.#delivery.emitted;
  }

  get validated(): boolean {
    return this.#delivery.validated;
  }

  get pendingDeliveries(): number {
    return this.#delivery.pending;
  }

  flush(): Promise<void> {
    return this.#delivery.flush();
  }

  setChaos(chaos: WebhookChaos): void {
    this.#delivery.setChaos(chaos);
  }

  validateEndpoint(): Promise<ValidationResult> {
    return this.#delivery.validate();
  }

  setFaults(faults: SimpleFaults): void {
    this.#faults = simpleFaultRules(faults).map((rule) => ({ rule, remaining: rule.times ?? 1 }));
    if (faults.expireTokens) for (const token of this.#tokens.values()) token.expired = true;
  }

  addFault(rule: FaultRule | PresetRequest): void {
    const fault = 'preset' in rule ? presetRule(rule) : rule;
    this.#faults.push({ rule: fault, remaining: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.#faults = [];
  }

  reset(): void {
    this.#meetings.clear();
    this.#tokens.clear();
    this.#tokenRequests = 0;
    this.#requests.length = 0;
    this.#faults = [];
    this.#pageTokens.clear();
    this.#dailyWrites.clear();
    this.#delivery.reset();
  }

  async close(): Promise<void> {
    this.#delivery.close();
    await this.#app.close();
  }

  // ---- Inspection -------------------------------------------------------------------------

  meetings(): EmulatorMeeting[] {
    return [...this.#meetings.values()].map((m) => this.#meetingView(m));
  }

  meeting(meetingId: number): EmulatorMeeting | undefined {
    const m = this.#meetings.get(meetingId);
    return m && this.#meetingView(m);
  }

  registrants(meetingId: number): EmulatorRegistrant[] {
    const m = this.#meetings.get(meetingId);
    return (m?.registrants ?? []).map((r) => ({
      registrantId: r.id,
      email: r.email,
      firstName: r.firstName,
      lastName: r.lastName,
      status: r.status,
      joinUrl: this.#registrantJoinUrl(m as MeetingRecord, r),
      participantPinCode: r.pin,
      createTime: iso(r.createTime),
    }));
  }

  #meetingView(m: MeetingRecord): EmulatorMeeting {
    return structuredClone({
      id: m.id,
      uuid: m.uuid,
      topic: m.topic,
      type: m.type,
      status: m.status,
      hostId: m.hostId,
      ...(m.startTime === undefined ? {} : { startTime: iso(m.startTime) }),
      duration: m.duration,
      timezone: m.timezone,
      password: m.password,
      settings: m.settings,
      instances: m.instances.map((instance) => ({
        uuid: instance.uuid,
        startTime: iso(instance.startTime),
        ...(instance.endTime === undefined ? {} : { endTime: iso(instance.endTime) }),
        sessions: instance.sessions.map((s) => ({
          userId: s.userId,
          participantUuid: s.participantUuid,
          name: s.name,
          email: s.email,
          ...(s.registrantId === undefined ? {} : { registrantId: s.registrantId }),
          ...(s.zoomUserId === undefined ? {} : { zoomUserId: s.zoomUserId }),
          ...(s.phone === undefined ? {} : { phone: s.phone }),
          ...(s.waitingSince === undefined ? {} : { waitingSince: iso(s.waitingSince) }),
          ...(s.joinTime === undefined ? {} : { joinTime: iso(s.joinTime) }),
          ...(s.leaveTime === undefined ? {} : { leaveTime: iso(s.leaveTime) }),
          ...(s.leaveReason === undefined ? {} : { leaveReason: s.leaveReason }),
        })),
      })),
    });
  }

  // ---- Meeting simulation -------------------------------------------------------------------

  async startMeeting(meetingId: number, options: { uuid?: string; at?: Date } = {}): Promise<{ uuid: string }> {
    const m = this.#existing(meetingId);
    if (m.status === 'started') throw new EmulatorError(409, `Meeting ${meetingId} is already started.`);
    const at = this.#at(options.at);
    const uuid = options.uuid ?? (m.instances.length === 0 && this.#config.firstInstanceUsesCreateUuid ? m.uuid : this.#newUuid());
    if (this.#findInstance(uuid)) throw new EmulatorError(409, `Instance uuid ${uuid} already used.`);
    m.instances.push({ uuid, startTime: at, endTime: undefined, sessions: [], nextUserId: FIRST_USER_ID });
    m.status = 'started';
    this.#emit('meeting.started', this.#liveObject(m, this.#live(m)));
    return { uuid };
  }

  async join(meetingId: number, p: JoinOptions): Promise<{ userId: string; participantUuid: string }> {
    const m = this.#existing(meetingId);
    const instance = this.#live(m);
    if (!p.name) throw new EmulatorError(400, 'A participant needs a name.');
    const registrant = p.registrantId === undefined ? undefined : m.registrants.find((r) => r.id === p.registrantId);
    if (p.registrantId !== undefined && (!registrant || registrant.status !== 'approved')) {
      throw new EmulatorError(400, `No approved registrant ${p.registrantId} on meeting ${meetingId}.`);
    }
    const at = this.#at(p.at);
    const accountUser = p.zoomUserId !== undefined && p.zoomUserId === this.host.id ? this.host : undefined;
    const session: SessionRecord = {
      userId: String(instance.nextUserId),
      participantUuid: this.#ids.guid(),
      name: p.name,
      email: p.email ?? registrant?.email ?? accountUser?.email ?? '',
      registrantId: registrant?.id,
      zoomUserId: p.zoomUserId,
      phone: p.phone,
      waitingSince: p.viaWaitingRoom ? at : undefined,
      joinTime: p.viaWaitingRoom ? undefined : at,
      leaveTime: undefined,
      leaveReason: undefined,
    };
    instance.nextUserId += USER_ID_STEP;
    instance.sessions.push(session);
    if (p.viaWaitingRoom) {
      this.#emit('meeting.participant_joined_waiting_room', this.#liveObject(m, instance, { participant: this.#waitingParticipant(session, at) }));
    } else {
      this.#emit('meeting.participant_joined', this.#liveObject(m, instance, { participant: this.#joinedParticipant(session) }));
    }
    return { userId: session.userId, participantUuid: session.participantUuid };
  }

  async admit(meetingId: number, userId: string, at?: Date): Promise<void> {
    const m = this.#existing(meetingId);
    const instance = this.#live(m);
    const session = instance.sessions.find((s) => s.userId === userId);
    if (!session || session.waitingSince === undefined || session.joinTime !== undefined) {
      throw new EmulatorError(409, `Participant ${userId} is not in the waiting room.`);
    }
    const time = this.#at(at);
    session.joinTime = time;
    this.#emit('meeting.participant_admitted', this.#liveObject(m, instance, { participant: this.#waitingParticipant(session, time) }));
    this.#emit('meeting.participant_joined', this.#liveObject(m, instance, { participant: this.#joinedParticipant(session) }));
  }

  async leave(meetingId: number, userId: string, at?: Date, reason = 'left the meeting.'): Promise<void> {
    const m = this.#existing(meetingId);
    const instance = this.#live(m);
    const session = instance.sessions.find((s) => s.userId === userId);
    if (!session || session.leaveTime !== undefined) throw new EmulatorError(409, `Participant ${userId} is not in meeting ${meetingId}.`);
    this.#closeSession(session, this.#at(at), reason);
    if (session.joinTime !== undefined) this.#emit('meeting.participant_left', this.#liveObject(m, instance, { participant: this.#leftParticipant(session) }));
  }

  async rejoin(meetingId: number, userId: string, at?: Date): Promise<{ userId: string; participantUuid: string }> {
    const m = this.#existing(meetingId);
    const session = this.#live(m).sessions.find((s) => s.userId === userId);
    if (!session) throw new EmulatorError(409, `Participant ${userId} is not in meeting ${meetingId}.`);
    await this.leave(meetingId, userId, at, 'got disconnected.');
    return this.join(meetingId, {
      name: session.name,
      email: session.email,
      ...(session.registrantId === undefined ? {} : { registrantId: session.registrantId }),
      ...(session.zoomUserId === undefined ? {} : { zoomUserId: session.zoomUserId }),
      ...(session.phone === undefined ? {} : { phone: session.phone }),
      ...(at === undefined ? {} : { at }),
    });
  }

  async endMeeting(meetingId: number, at?: Date): Promise<{ uuid: string }> {
    const m = this.#existing(meetingId);
    return this.#end(m, this.#at(at));
  }

  #end(m: MeetingRecord, at: number): { uuid: string } {
    const instance = this.#live(m);
    instance.endTime = at;
    m.status = 'waiting';
    const lefts: Array<Record<string, unknown>> = [];
    for (const session of instance.sessions) {
      if (session.leaveTime !== undefined) continue;
      const wasIn = session.joinTime !== undefined;
      this.#closeSession(session, at, 'Host ended the meeting.');
      if (wasIn) lefts.push(this.#liveObject(m, instance, { participant: this.#leftParticipant(session) }));
    }
    const ended = this.#liveObject(m, instance, { end_time: iso(at) });
    if (this.#config.endOrder === 'lefts-first') for (const left of lefts) this.#emit('meeting.participant_left', left);
    this.#emit('meeting.ended', ended);
    if (this.#config.endOrder === 'ended-first') for (const left of lefts) this.#emit('meeting.participant_left', left);
    return { uuid: instance.uuid };
  }

  #closeSession(session: SessionRecord, at: number, reason: string): void {
    session.leaveTime = at;
    session.leaveReason = `${session.name} left the meeting.<br>Reason: ${reason}`;
  }

  #existing(meetingId: number): MeetingRecord {
    const m = this.#meetings.get(meetingId);
    if (!m || m.status === 'deleted') throw new EmulatorError(404, `Meeting ${meetingId} does not exist.`);
    return m;
  }

  #live(m: MeetingRecord): InstanceRecord {
    const instance = m.instances.at(-1);
    if (m.status !== 'started' || !instance || instance.endTime !== undefined) throw new EmulatorError(409, `Meeting ${m.id} is not in progress.`);
    return instance;
  }

  #at(at: Date | undefined): number {
    // Zoom's *_time fields have second precision.
    return Math.floor((at?.getTime() ?? this.now()) / 1000) * 1000;
  }

  #newUuid(): string {
    this.#uuidCount += 1;
    const uuid = this.#ids.meetingUuid();
    const every = this.#config.slashUuidEvery;
    return every > 0 && this.#uuidCount % every === 0 ? slashUuid(uuid) : uuid;
  }

  #findInstance(uuid: string): { meeting: MeetingRecord; instance: InstanceRecord } | undefined {
    for (const meeting of this.#meetings.values()) {
      const instance = meeting.instances.find((i) => i.uuid === uuid);
      if (instance) return { meeting, instance };
    }
    return undefined;
  }

  // ---- Webhook payloads (§4.3, §7.8) -------------------------------------------------------

  #emit(event: string, object: Record<string, unknown>, extra: Record<string, unknown> = {}): void {
    if (!this.#config.webhookEvents.includes(event)) return;
    this.#delivery.emit(event, { account_id: this.accountId, ...extra, object });
  }

  /** The meeting fields of meeting/participant events: `id` is a string there. */
  #liveObject(m: MeetingRecord, instance: InstanceRecord, more: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      id: String(m.id),
      uuid: instance.uuid,
      host_id: m.hostId,
      topic: m.topic,
      type: m.type,
      start_time: iso(instance.startTime),
      timezone: m.type === 1 ? '' : m.timezone,
      duration: m.duration,
      ...more,
    };
  }

  #joinedParticipant(s: SessionRecord): Record<string, unknown> {
    return {
      user_id: s.userId,
      user_name: s.name,
      id: s.zoomUserId ?? '',
      participant_uuid: s.participantUuid,
      join_time: iso(s.joinTime ?? this.now()),
      email: s.email,
      registrant_id: s.registrantId ?? this.#config.joinRegistrantIdWhenAbsent,
      participant_user_id: s.zoomUserId ?? '',
      ...(s.phone === undefined ? {} : { phone_number: s.phone }),
    };
  }

  #leftParticipant(s: SessionRecord): Record<string, unknown> {
    return {
      user_id: s.userId,
      user_name: s.name,
      id: s.zoomUserId ?? '',
      participant_uuid: s.participantUuid,
      leave_time: iso(s.leaveTime ?? this.now()),
      leave_reason: s.leaveReason ?? '',
      email: s.email,
      registrant_id: s.registrantId ?? '',
      participant_user_id: s.zoomUserId ?? '',
      ...(s.phone === undefined ? {} : { phone_number: s.phone }),
    };
  }

  #waitingParticipant(s: SessionRecord, at: number): Record<string, unknown> {
    return {
      user_id: s.userId,
      user_name: s.name,
      id: s.zoomUserId ?? '',
      participant_uuid: s.participantUuid,
      date_time: iso(at),
      email: s.email,
      registrant_id: s.registrantId ?? '',
      participant_user_id: s.zoomUserId ?? '',
      ...(s.phone === undefined ? {} : { phone_number: s.phone }),
    };
  }

  // ---- REST bodies ------------------------------------------------------------------------

  #meetingBody(m: MeetingRecord): Record<string, unknown> {
    const approval = m.settings.approval_type;
    return {
      uuid: m.uuid,
      id: m.id,
      host_id: m.hostId,
      host_email: this.host.email,
      topic: m.topic,
      type: m.type,
      status: m.status === 'started' ? 'started' : 'waiting',
      start_time: iso(m.startTime ?? m.createdAt),
      duration: m.duration,
      timezone: m.type === 1 ? '' : m.timezone,
      agenda: m.agenda,
      created_at: iso(m.createdAt),
      start_url: `${this.url}/s/${m.id}?zak=${m.zak}`,
      join_url: `${this.url}/j/${m.id}?pwd=${m.encryptedPassword}`,
      ...(approval === 0 || approval === 1 ? { registration_url: `${this.url}/meeting/register/${m.registrationToken}` } : {}),
      password: m.password,
      h323_password: digits(m.password),
      pstn_password: digits(m.password),
      encrypted_password: m.encryptedPassword,
      pre_schedule: false,
      ...(m.trackingFields === undefined ? {} : { tracking_fields: m.trackingFields }),
      creation_source: 'open_api',
      settings: { ...m.settings },
    };
  }

  #registrantJoinUrl(m: MeetingRecord, r: RegistrantRecord): string {
    return `${this.url}/w/${m.id}?tk=${r.tk}&pwd=${m.encryptedPassword}`;
  }

  #addRegistrant(m: MeetingRecord, input: Record<string, unknown>, autoApprove: boolean): RegistrantRecord {
    const email = str(input.email)?.trim() ?? '';
    const firstName = str(input.first_name) ?? '';
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || firstName === '') throw new RestError(400, 300, 'Validation Failed.');
    const existing = m.registrants.find((r) => r.email.toLowerCase() === email.toLowerCase());
    if (existing) {
      // Observed: registering the same e-mail again gives back the same registrant (§2.6, UNCONFIRMED).
      if (existing.status === 'denied') existing.status = 'approved';
      return existing;
    }
    const approved = m.settings.approval_type === 0 || autoApprove;
    const registrant: RegistrantRecord = {
      id: this.#ids.base64url(16),
      email,
      firstName,
      lastName: str(input.last_name) ?? '',
      status: approved ? 'approved' : 'pending',
      createTime: this.now(),
      tk: this.#ids.base64url(24),
      pin: this.#ids.int(100000, 999999),
    };
    m.registrants.push(registrant);
    return registrant;
  }

  #pastParticipantRows(instance: InstanceRecord, report: boolean, includeRegistrantId: boolean): Array<Record<string, unknown>> {
    return instance.sessions.map((s) => {
      const joined = s.joinTime ?? s.waitingSince ?? instance.startTime;
      const left = s.leaveTime ?? instance.endTime ?? joined;
      const row: Record<string, unknown> = {
        id: s.zoomUserId ?? '',
        name: s.name,
        user_id: s.userId,
        ...(report && !includeRegistrantId ? {} : { registrant_id: s.registrantId ?? '' }),
        user_email: s.email,
        join_time: iso(joined),
        leave_time: iso(left),
        duration: Math.max(0, Math.round((left - joined) / 1000)),
        failover: false,
        status: s.joinTime === undefined ? 'in_waiting_room' : 'in_meeting',
        internal_user: s.zoomUserId !== undefined && s.zoomUserId === this.host.id,
      };
      if (report) Object.assign(row, { customer_key: '', participant_user_id: s.zoomUserId ?? '', bo_mtg_id: '' });
      return row;
    });
  }

  /** A finished instance by numeric id (latest ended) or UUID; 404/3001 otherwise (§2.7). */
  #pastInstance(idOrUuid: string): { meeting: MeetingRecord; instance: InstanceRecord } {
    const notEnded = new RestError(404, 3001, 'Meeting ID is invalid or not end.');
    if (/^\d+$/.test(idOrUuid)) {
      const meeting = this.#meetings.get(Number(idOrUuid));
      const instance = meeting?.instances.filter((i) => i.endTime !== undefined).at(-1);
      if (!meeting || !instance) throw notEnded;
      return { meeting, instance };
    }
    const found = this.#findInstance(idOrUuid);
    if (!found || found.instance.endTime === undefined) throw notEnded;
    return found;
  }

  #page<T>(listing: string, rows: T[], query: Record<string, string | undefined>, defaultSize = 30) {
    const requested = Number(query.page_size ?? defaultSize);
    const pageSize = Number.isFinite(requested) && requested >= 1 ? Math.min(Math.floor(requested), 300) : defaultSize;
    let offset = 0;
    const token = query.next_page_token;
    if (token) {
      const known = this.#pageTokens.get(token);
      if (!known || known.listing !== listing) throw new RestError(400, 300, 'The next page token is invalid or expired.');
      offset = known.offset;
    }
    const page = rows.slice(offset, offset + pageSize);
    let next = '';
    if (offset + pageSize < rows.length) {
      next = this.#ids.base64url(24);
      this.#pageTokens.set(next, { listing, offset: offset + pageSize });
    }
    return {
      page_count: Math.ceil(rows.length / pageSize),
      page_size: pageSize,
      total_records: rows.length,
      next_page_token: next,
      page,
    };
  }

  #countWrite(userId: string): void {
    const day = new Date(this.now()).toISOString().slice(0, 10);
    const key = `${userId}:${day}`;
    const count = (this.#dailyWrites.get(key) ?? 0) + 1;
    this.#dailyWrites.set(key, count);
    if (count > this.#config.userDailyMeetingWrites) throw new RateLimited();
  }

  // ---- HTTP ---------------------------------------------------------------------------------

  #routes(): void {
    const app = this.#app;
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
    });

    app.setErrorHandler((error, _request, reply) => {
      if (error instanceof RestError) return reply.code(error.status).send({ code: error.code, message: error.message });
      if (error instanceof RateLimited) {
        const answer = rateLimitAnswer(this.now(), { kind: 'daily' });
        return reply.code(answer.status).headers(answer.headers ?? {}).send(answer.body);
      }
      if (error instanceof EmulatorError) return reply.code(error.status).send({ code: error.status, message: error.message });
      const status = statusOf(error);
      return reply.code(status).send({ code: status >= 500 ? status : 300, message: error instanceof Error ? error.message : String(error) });
    });
    app.setNotFoundHandler((request, reply) => reply.code(404).send({ code: 404, message: `No such endpoint: ${request.method} ${rawPath(request)}` }));

    // Zoom answers carry a tracking id (§2); logged per request for assertions.
    app.addHook('onSend', async (request, reply) => {
      if (!rawPath(request).startsWith('/__emulator')) reply.header('x-zm-trackingid', `v=2.0;clid=emu;rid=EMU_${this.#ids.bytes(12).toString('hex')}`);
    });
    app.addHook('onResponse', async (request, reply) => this.#logRequest(request, reply.statusCode));
    app.addHook('onRequest', async (request, reply) => this.#applyFault(request, reply));

    app.post('/oauth/token', async (request, reply) => this.#token(request, reply));

    void app.register(
      async (v2) => {
        v2.addHook('onRequest', async (request, reply) => this.#authenticate(request, reply));
        this.#restRoutes(v2);
      },
      { prefix: '/v2' },
    );
    void app.register(async (control) => this.#controlRoutes(control), { prefix: '/__emulator' });
  }

  #logRequest(request: FastifyRequest, status: number): void {
    const path = rawPath(request);
    if (path.startsWith('/__emulator')) return;
    const raw = request.raw.url ?? '';
    const q = raw.indexOf('?');
    const token = bearer(request);
    const tokenNumber = token === undefined ? undefined : this.#tokens.get(token)?.number;
    this.#requests.push({ method: request.method, path, query: q < 0 ? '' : raw.slice(q + 1), status, ...(tokenNumber === undefined ? {} : { tokenNumber }) });
  }

  async #applyFault(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const path = rawPath(request);
    if (path.startsWith('/__emulator')) return undefined;
    const fault = this.#faults.find((f) => f.remaining > 0 && matches(f.rule, request.method, path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    const { rule } = fault;
    if (rule.delayMs) await sleep(rule.delayMs);
    if (rule.dropConnection) {
      this.#requests.push({ method: request.method, path, query: '', status: 0 });
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (rule.expireToken) {
      const token = bearer(request);
      const record = token === undefined ? undefined : this.#tokens.get(token);
      if (record) record.expired = true;
      return reply.code(401).send({ code: 124, message: 'Access token is expired.' });
    }
    if (rule.respond) {
      const answer = typeof rule.respond === 'function' ? rule.respond(this.now()) : rule.respond;
      return reply
        .code(answer.status)
        .headers(answer.headers ?? {})
        .send(answer.body ?? '');
    }
    return undefined;
  }

  /** `POST /oauth/token` (§1.1, §1.4, §7.3): parameters in the query or a form body. */
  #token(request: FastifyRequest, reply: FastifyReply) {
    const params = { ...record(request.query), ...record(request.body) };
    const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '');
    const decoded = basic ? Buffer.from(basic[1] ?? '', 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const id = colon < 0 ? '' : decoded.slice(0, colon);
    const secret = colon < 0 ? '' : decoded.slice(colon + 1);
    if (!basic || !safeEqual(id, this.#clientId) || !safeEqual(secret, this.#clientSecret)) {
      return reply.code(400).send({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    }
    if (params.grant_type !== 'account_credentials') return reply.code(400).send({ reason: 'unsupported grant type', error: 'unsupported_grant_type' });
    if (params.account_id !== this.accountId) return reply.code(400).send({ reason: 'Invalid account_id', error: 'invalid_request' });
    this.#tokenRequests += 1;
    const accessToken = `emu.${this.#ids.base64url(32)}`;
    const ttl = this.#config.tokenTtlSeconds;
    this.#tokens.set(accessToken, { number: this.#tokens.size + 1, expiresAt: this.now() + ttl * 1000, expired: false });
    return reply.send({
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ttl,
      scope: 'meeting:write:meeting:admin meeting:read:meeting:admin meeting:update:meeting:admin meeting:delete:meeting:admin meeting:update:status:admin meeting:write:registrant:admin meeting:write:batch_registrants:admin meeting:read:list_registrants:admin meeting:update:registrant_status:admin meeting:read:list_past_participants:admin',
      api_url: this.url,
    });
  }

  async #authenticate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const token = bearer(request);
    const known = token === undefined ? undefined : this.#tokens.get(token);
    if (!known) return reply.code(401).send({ code: 124, message: 'Invalid access token.' });
    if (known.expired || this.now() >= known.expiresAt) return reply.code(401).send({ code: 124, message: 'Access token is expired.' });
    return undefined;
  }

  #restRoutes(v2: FastifyInstance): void {
    type MeetingParams = { Params: { meetingId: string }; Querystring: Record<string, string | undefined> };

    v2.post<{ Params: { userId: string } }>('/users/:userId/meetings', async (request, reply) => {
      const { userId } = request.params;
      if (userId !== 'me' && userId !== this.host.id && userId.toLowerCase() !== this.host.email.toLowerCase()) {
        throw new RestError(404, 1001, `User does not exist: ${userId}.`);
      }
      const body = record(request.body);
      this.#countWrite(this.host.id);
      const meeting = this.#createMeeting(body);
      return reply.code(201).send(this.#meetingBody(meeting));
    });

    v2.get<MeetingParams>('/meetings/:meetingId', async (request) => this.#meetingBody(this.#restMeeting(request.params.meetingId)));

    v2.patch<MeetingParams>('/meetings/:meetingId', async (request, reply) => {
      const m = this.#restMeeting(request.params.meetingId);
      const body = record(request.body);
      this.#countWrite(m.hostId);
      this.#applyMeetingFields(m, body, false);
      return reply.code(204).send();
    });

    v2.delete<MeetingParams>('/meetings/:meetingId', async (request, reply) => {
      const m = this.#restMeeting(request.params.meetingId);
      if (m.status === 'started') throw new RestError(400, 3002, "Sorry, you cannot delete this meeting since it's in progress.");
      m.status = 'deleted';
      this.#emit(
        'meeting.deleted',
        {
          uuid: m.uuid,
          id: m.id,
          host_id: m.hostId,
          topic: m.topic,
          type: m.type,
          ...(m.startTime === undefined ? {} : { start_time: iso(m.startTime) }),
          duration: m.duration,
          timezone: m.timezone,
        },
        { operator: this.host.email, operator_id: this.host.id },
      );
      return reply.code(204).send();
    });

    v2.put<MeetingParams>('/meetings/:meetingId/status', async (request, reply) => {
      const action = record(request.body).action;
      if (action === 'recover') {
        const m = this.#meetings.get(Number(request.params.meetingId));
        if (!m) throw new RestError(404, 3001, `Meeting does not exist: ${request.params.meetingId}.`);
        if (m.status === 'deleted') m.status = 'waiting';
        return reply.code(204).send();
      }
      if (action !== 'end') throw new RestError(400, 300, 'Invalid action.');
      const m = this.#restMeeting(request.params.meetingId);
      if (m.status !== 'started') throw new RestError(400, 3001, 'Meeting is not in progress.');
      this.#end(m, this.#at(undefined));
      return reply.code(204).send();
    });

    v2.post<MeetingParams>('/meetings/:meetingId/registrants', async (request, reply) => {
      const m = this.#registrationMeeting(request.params.meetingId);
      const body = record(request.body);
      const r = this.#addRegistrant(m, body, body.auto_approve === true);
      return reply.code(201).send({
        id: m.id,
        registrant_id: r.id,
        join_url: this.#registrantJoinUrl(m, r),
        start_time: iso(m.startTime ?? m.createdAt),
        topic: m.topic,
        occurrences: [],
        participant_pin_code: r.pin,
      });
    });

    v2.post<MeetingParams>('/meetings/:meetingId/batch_registrants', async (request, reply) => {
      const m = this.#registrationMeeting(request.params.meetingId);
      const body = record(request.body);
      const inputs = Array.isArray(body.registrants) ? body.registrants : [];
      if (inputs.length > 30) throw new RestError(400, 300, 'The maximum number of registrants per batch is 30.');
      const added = inputs.map((input) => this.#addRegistrant(m, record(input), body.auto_approve === true));
      return reply.code(201).send({
        registrants: added.map((r) => ({ email: r.email, join_url: this.#registrantJoinUrl(m, r), participant_pin_code: r.pin, registrant_id: r.id })),
      });
    });

    v2.get<MeetingParams>('/meetings/:meetingId/registrants', async (request) => {
      const m = this.#restMeeting(request.params.meetingId);
      const status = request.query.status ?? 'approved';
      const rows = m.registrants.filter((r) => r.status === status).map((r) => this.#registrantListItem(m, r));
      const { page, ...meta } = this.#page(`registrants:${m.id}:${status}`, rows, request.query);
      return { ...meta, page_number: 1, registrants: page };
    });

    v2.get<{ Params: { meetingId: string; registrantId: string } }>('/meetings/:meetingId/registrants/:registrantId', async (request) => {
      const m = this.#restMeeting(request.params.meetingId);
      const r = m.registrants.find((x) => x.id === request.params.registrantId);
      if (!r) throw new RestError(404, 3043, 'Registrant not found.');
      return this.#registrantListItem(m, r);
    });

    v2.put<MeetingParams>('/meetings/:meetingId/registrants/status', async (request, reply) => {
      const m = this.#restMeeting(request.params.meetingId);
      const body = record(request.body);
      const statusFor: Record<string, RegistrantRecord['status']> = { approve: 'approved', cancel: 'denied', deny: 'denied' };
      const next = typeof body.action === 'string' ? statusFor[body.action] : undefined;
      if (!next) throw new RestError(400, 300, 'Invalid action.');
      for (const item of Array.isArray(body.registrants) ? body.registrants : []) {
        const wanted = record(item);
        const r = m.registrants.find((x) => x.id === wanted.id || (typeof wanted.email === 'string' && x.email.toLowerCase() === wanted.email.toLowerCase()));
        if (r) r.status = next;
      }
      return reply.code(204).send();
    });

    v2.delete<{ Params: { meetingId: string; registrantId: string } }>('/meetings/:meetingId/registrants/:registrantId', async (request, reply) => {
      const m = this.#restMeeting(request.params.meetingId);
      const index = m.registrants.findIndex((x) => x.id === request.params.registrantId);
      if (index < 0) throw new RestError(404, 3043, 'Registrant not found.');
      m.registrants.splice(index, 1);
      return reply.code(204).send();
    });

    v2.get<MeetingParams>('/past_meetings/:meetingId', async (request) => {
      const { meeting, instance } = this.#pastInstance(decodeMeetingParam(request.params.meetingId));
      const end = instance.endTime ?? instance.startTime;
      const attended = instance.sessions.filter((s) => s.joinTime !== undefined);
      return {
        id: meeting.id,
        uuid: instance.uuid,
        duration: Math.round((end - instance.startTime) / 60_000),
        start_time: iso(instance.startTime),
        end_time: iso(end),
        host_id: meeting.hostId,
        dept: '',
        participants_count: attended.length,
        source: 'Zoom',
        topic: meeting.topic,
        total_minutes: attended.reduce((sum, s) => sum + Math.round(((s.leaveTime ?? end) - (s.joinTime ?? end)) / 60_000), 0),
        type: meeting.type,
        user_email: this.host.email,
        user_name: `${this.host.first_name} ${this.host.last_name}`,
      };
    });

    v2.get<MeetingParams>('/past_meetings/:meetingId/instances', async (request) => {
      const m = this.#meetings.get(Number(request.params.meetingId));
      if (!m) throw new RestError(404, 3001, `Meeting does not exist: ${request.params.meetingId}.`);
      return { meetings: m.instances.filter((i) => i.endTime !== undefined).map((i) => ({ uuid: i.uuid, start_time: iso(i.startTime) })) };
    });

    v2.get<MeetingParams>('/past_meetings/:meetingId/participants', async (request) => {
      const { instance } = this.#pastInstance(decodeMeetingParam(request.params.meetingId));
      const rows = this.#pastParticipantRows(instance, false, true);
      const { page, ...meta } = this.#page(`past:${instance.uuid}`, rows, request.query);
      return { ...meta, participants: page };
    });

    v2.get<MeetingParams>('/report/meetings/:meetingId/participants', async (request) => {
      const { instance } = this.#pastInstance(decodeMeetingParam(request.params.meetingId));
      const include = (request.query.include_fields ?? '').split(',').includes('registrant_id');
      const rows = this.#pastParticipantRows(instance, true, include);
      const { page, ...meta } = this.#page(`report:${instance.uuid}:${include}`, rows, request.query);
      return { ...meta, participants: page };
    });
  }

  #createMeeting(body: Record<string, unknown>): MeetingRecord {
    let id = this.#ids.int(80_000_000_000, 89_999_999_999);
    while (this.#meetings.has(id)) id += 1;
    const m: MeetingRecord = {
      id,
      uuid: this.#newUuid(),
      hostId: this.host.id,
      topic: 'Zoom Meeting',
      type: 2,
      startTime: undefined,
      duration: 60,
      timezone: this.#config.hostTimezone,
      agenda: '',
      password: '',
      encryptedPassword: '',
      createdAt: this.#at(undefined),
      settings: { ...DEFAULT_SETTINGS },
      status: 'waiting',
      registrationToken: this.#ids.base64url(24),
      zak: this.#ids.base64url(48),
      trackingFields: undefined,
      instances: [],
      registrants: [],
    };
    this.#applyMeetingFields(m, body, true);
    this.#meetings.set(id, m);
    return m;
  }

  /** Validates then applies create/PATCH fields; nothing changes when one is invalid. */
  #applyMeetingFields(m: MeetingRecord, body: Record<string, unknown>, creating: boolean): void {
    const invalid = (field: string) => new RestError(400, 300, `Invalid field: ${field}.`);
    const next = { ...m, settings: { ...m.settings } };
    if ('topic' in body) {
      if (typeof body.topic !== 'string' || body.topic.length > 200) throw invalid('topic');
      next.topic = body.topic;
    }
    if ('type' in body) {
      if (![1, 2, 3, 8, 10].includes(body.type as number)) throw invalid('type');
      next.type = body.type as number;
    }
    if ('timezone' in body) {
      if (typeof body.timezone !== 'string' || !validTimeZone(body.timezone)) throw invalid('timezone');
      next.timezone = body.timezone;
    }
    if ('start_time' in body) {
      const start = typeof body.start_time === 'string' ? parseStartTime(body.start_time, next.timezone) : undefined;
      if (start === undefined) throw invalid('start_time');
      next.startTime = start;
    }
    if ('duration' in body) {
      if (typeof body.duration !== 'number' || !Number.isInteger(body.duration) || body.duration < 0) throw invalid('duration');
      next.duration = body.duration;
    }
    if ('agenda' in body) {
      if (typeof body.agenda !== 'string') throw invalid('agenda');
      next.agenda = body.agenda;
    }
    if ('password' in body) {
      if (typeof body.password !== 'string' || !/^[A-Za-z0-9@\-_*]{1,10}$/.test(body.password)) {
        throw new RestError(400, 300, 'Password must be at most 10 characters of [a-z A-Z 0-9 @ - _ *].');
      }
      next.password = body.password;
    } else if (creating) {
      next.password = this.#ids.base64url(6).replace(/[^A-Za-z0-9]/g, 'x').slice(0, 6);
    }
    if ('tracking_fields' in body) next.trackingFields = body.tracking_fields;
    if ('settings' in body) {
      const settings = record(body.settings);
      if ('approval_type' in settings && ![0, 1, 2].includes(settings.approval_type as number)) throw invalid('settings.approval_type');
      Object.assign(next.settings, settings);
    }
    if (next.type === 1 && creating) next.startTime = m.createdAt;
    next.encryptedPassword = next.password === m.password && m.encryptedPassword ? m.encryptedPassword : this.#ids.base64url(24);
    Object.assign(m, next);
  }

  #restMeeting(param: string): MeetingRecord {
    const m = /^\d+$/.test(param) ? this.#meetings.get(Number(param)) : undefined;
    if (!m || m.status === 'deleted') throw new RestError(404, 3001, `Meeting does not exist: ${param}.`);
    return m;
  }

  #registrationMeeting(param: string): MeetingRecord {
    const m = this.#restMeeting(param);
    if (m.settings.approval_type === 2) throw new RestError(400, 3000, `This meeting has not registration required: ${m.id}`);
    return m;
  }

  #registrantListItem(m: MeetingRecord, r: RegistrantRecord): Record<string, unknown> {
    return {
      id: r.id,
      email: r.email,
      first_name: r.firstName,
      last_name: r.lastName,
      status: r.status,
      create_time: iso(r.createTime),
      join_url: this.#registrantJoinUrl(m, r),
      participant_pin_code: r.pin,
    };
  }

  // ---- Control API (project-defined, §7.5–§7.7) ---------------------------------------------

  #controlRoutes(control: FastifyInstance): void {
    type Meeting = { Params: { meetingId: string } };
    type Participant = { Params: { meetingId: string; userId: string } };
    const meetingId = (request: { params: { meetingId: string } }) => Number(request.params.meetingId);

    control.get('/state', async () => ({
      meetings: this.meetings(),
      registrants: Object.fromEntries(this.meetings().map((m) => [m.id, this.registrants(m.id)])),
      tokenRequests: this.#tokenRequests,
      validated: this.validated,
      pendingDeliveries: this.pendingDeliveries,
      deliveries: this.deliveries,
    }));
    control.post('/reset', async (_request, reply) => {
      this.reset();
      return reply.code(204).send();
    });
    control.put('/config', async (request, reply) => {
      this.configure(configPatchFromHttp(record(request.body)));
      return reply.code(204).send();
    });
    control.post('/faults', async (request, reply) => {
      const body = record(request.body);
      if (typeof body.preset === 'string') this.addFault(body as unknown as PresetRequest);
      else if ('rateLimit' in body || 'serverError' in body || 'expireTokens' in body) {
        for (const rule of simpleFaultRules(body as SimpleFaults)) this.addFault(rule);
        if (body.expireTokens === true) for (const token of this.#tokens.values()) token.expired = true;
      } else this.addFault(body as FaultRule);
      return reply.code(204).send();
    });
    control.delete('/faults', async (_request, reply) => {
      this.clearFaults();
      return reply.code(204).send();
    });
    control.post('/clock', async (request) => {
      const body = record(request.body);
      if (typeof body.advanceMs === 'number') this.advanceClock(body.advanceMs);
      if (typeof body.set === 'string' || typeof body.set === 'number') this.#clockOffset = new Date(body.set).getTime() - this.#clock();
      return { now: iso(this.now()) };
    });

    control.post<Meeting>('/meetings/:meetingId/start', async (request) => {
      const body = record(request.body);
      return this.startMeeting(meetingId(request), { ...optionalString('uuid', body.uuid), ...optionalDate(body.at) });
    });
    control.post<Meeting>('/meetings/:meetingId/participants', async (request) => {
      const body = record(request.body);
      const joined = await this.join(meetingId(request), {
        name: str(body.name) ?? '',
        ...optionalString('email', body.email),
        ...optionalString('registrantId', body.registrantId),
        ...optionalString('zoomUserId', body.zoomUserId),
        ...optionalString('phone', body.phone),
        ...(body.viaWaitingRoom === true ? { viaWaitingRoom: true } : {}),
        ...optionalDate(body.at),
      });
      return { user_id: joined.userId, participant_uuid: joined.participantUuid };
    });
    control.post<Participant>('/meetings/:meetingId/participants/:userId/admit', async (request, reply) => {
      await this.admit(meetingId(request), request.params.userId, optionalDate(record(request.body).at).at);
      return reply.code(204).send();
    });
    control.post<Participant>('/meetings/:meetingId/participants/:userId/leave', async (request, reply) => {
      const body = record(request.body);
      await this.leave(meetingId(request), request.params.userId, optionalDate(body.at).at, str(body.reason));
      return reply.code(204).send();
    });
    control.post<Participant>('/meetings/:meetingId/participants/:userId/rejoin', async (request) => {
      const joined = await this.rejoin(meetingId(request), request.params.userId, optionalDate(record(request.body).at).at);
      return { user_id: joined.userId, participant_uuid: joined.participantUuid };
    });
    control.post<Meeting>('/meetings/:meetingId/end', async (request) => this.endMeeting(meetingId(request), optionalDate(record(request.body).at).at));

    control.post('/webhook/validate', async () => this.validateEndpoint());
    control.put('/webhook/chaos', async (request, reply) => {
      this.setChaos(chaosFromHttp(record(request.body)));
      return reply.code(204).send();
    });
    control.get('/webhook/deliveries', async () => this.deliveries);
    control.post('/webhook/flush', async (_request, reply) => {
      await this.flush();
      return reply.code(204).send();
    });
  }
}

// ---- Helpers ------------------------------------------------------------------------------

class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** The user's daily meeting-write limit: 429 with Retry-After at the next 00:00 UTC (§3). */
class RateLimited extends Error {}

/**
 * §2.8 emulator rule: the router decoded the segment once; a value with escapes left was
 * double-encoded and is decoded again. A UUID starting with "/" or containing "//" that arrived
 * single-encoded is answered 404, as Zoom does.
 */
function decodeMeetingParam(onceDecoded: string): string {
  if (/%[0-9A-Fa-f]{2}/.test(onceDecoded)) return decodeURIComponent(onceDecoded);
  if (onceDecoded.startsWith('/') || onceDecoded.includes('//')) throw new RestError(404, 3001, `Meeting does not exist: ${onceDecoded}.`);
  return onceDecoded;
}

function rawPath(request: FastifyRequest): string {
  const raw = request.raw.url ?? '';
  const q = raw.indexOf('?');
  return q < 0 ? raw : raw.slice(0, q);
}

function bearer(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function digits(password: string): string {
  let out = '';
  for (const char of password) out += String(char.charCodeAt(0) % 10);
  return out.padEnd(6, '0').slice(0, 10);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optionalString<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};
}

function optionalDate(value: unknown): { at?: Date } {
  if (typeof value !== 'string' && typeof value !== 'number') return {};
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new EmulatorError(400, `Invalid date: ${String(value)}`);
  return { at };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function statusOf(error: unknown): number {
  const status = record(error).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function validTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** `yyyy-MM-ddTHH:mm:ssZ` is UTC; without `Z` it is local time in `timezone` (§2.1). */
function parseStartTime(value: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z)?$/.exec(value);
  if (!m) return undefined;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  if (Number.isNaN(utc)) return undefined;
  if (m[7]) return utc;
  return utc - zoneOffsetMs(timeZone, utc);
}

function zoneOffsetMs(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - at;
}

/** `PUT /__emulator/config` takes the contract's names (§7.2) or the option names. */
function configPatchFromHttp(body: Record<string, unknown>): ZoomEmulatorConfigPatch {
  const webhook = record(body.webhook);
  const numbers = (value: unknown) => (Array.isArray(value) && value.every((n) => typeof n === 'number') ? (value as number[]) : undefined);
  const patch: ZoomEmulatorConfigPatch = {};
  const url = str(webhook.url) ?? str(body.webhookUrl);
  if (url !== undefined) patch.webhookUrl = url;
  const secret = str(webhook.secretToken) ?? str(body.webhookSecretToken);
  if (secret !== undefined) patch.webhookSecretToken = secret;
  const requireValidation = webhook.requireValidation ?? body.requireValidation;
  if (typeof requireValidation === 'boolean') patch.requireValidation = requireValidation;
  const events = Array.isArray(webhook.events) ? webhook.events.filter((e): e is string => typeof e === 'string') : undefined;
  if (events) patch.webhookEvents = events;
  const retries = numbers(body.retryScheduleMs) ?? numbers(body.retryDelaysMs);
  if (retries) patch.retryDelaysMs = retries;
  const ack = body.webhookTimeoutMs ?? body.ackTimeoutMs;
  if (typeof ack === 'number') patch.ackTimeoutMs = ack;
  if (typeof body.tokenTtlSeconds === 'number') patch.tokenTtlSeconds = body.tokenTtlSeconds;
  if (typeof body.timeScale === 'number') patch.timeScale = body.timeScale;
  const limits = record(body.rateLimits);
  const writes = limits.userDailyMeetingWrites ?? body.userDailyMeetingWrites;
  if (typeof writes === 'number') patch.userDailyMeetingWrites = writes;
  if (body.endOrder === 'ended-first' || body.endOrder === 'lefts-first') patch.endOrder = body.endOrder;
  if (body.envelopeKeyOrder === 'event-first' || body.envelopeKeyOrder === 'payload-first') patch.envelopeKeyOrder = body.envelopeKeyOrder;
  return patch;
}

/** `PUT /__emulator/webhook/chaos` takes the contract's names (§7.7) or setChaos()'s. */
function chaosFromHttp(body: Record<string, unknown>): WebhookChaos {
  const num = (...values: unknown[]) => values.find((v): v is number => typeof v === 'number');
  const chaos: WebhookChaos = {};
  const duplicate = num(body.duplicate, body.duplicateRate);
  if (duplicate !== undefined) chaos.duplicate = duplicate;
  const drop = num(body.drop, body.dropNext);
  if (drop !== undefined) chaos.drop = drop;
  const window = num(body.reorderWindowMs);
  if (body.reorder === true || window !== undefined) chaos.reorder = true;
  if (window !== undefined) chaos.reorderWindowMs = window;
  const delayMs = num(body.delayMs);
  if (delayMs !== undefined) chaos.delayMs = delayMs;
  const forceFail = num(body.forceFail, body.forceFailStatus);
  if (forceFail !== undefined) chaos.forceFail = forceFail;
  return chaos;
}
