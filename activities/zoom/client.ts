// A thin typed client of the Zoom REST API (zoom-api.md §8) on Node's fetch: Server-to-Server
// OAuth with a cached, single-flight token; 401/124 → one refresh and one retry; 429 →
// Retry-After honoured when short; every failure a ZoomError whose `retryable` tells the
// Temporal activity whether to retry. It never retries 5xx itself: the activity's retry policy
// does, so that retries are not multiplied and a POST is never blindly repeated (§3).
import { setTimeout as delay } from 'node:timers/promises';
import { ZoomAuthError, ZoomError, ZoomNotFoundError, ZoomRateLimitError } from './errors.ts';
import type {
  BatchRegistrant,
  CreateMeetingBody,
  Meeting,
  PastMeeting,
  PastParticipant,
  PastParticipantsPage,
  Registrant,
  RegistrantInput,
  RegistrantListItem,
  RegistrantsPage,
  RegistrantStatus,
  UpdateMeetingBody,
  ZoomTokenResponse,
} from './types.ts';
import { encodeMeetingUuid } from './uuid.ts';

export { encodeMeetingUuid } from './uuid.ts';
export { ZoomAuthError, ZoomError, ZoomNotFoundError, ZoomRateLimitError, isRetryableStatus } from './errors.ts';
export type * from './types.ts';

export interface ZoomSettings {
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** Token host; default https://zoom.us (not api.zoom.us). */
  oauthBaseUrl?: string;
  /**
   * REST base including `/v2`. When set it is pinned; when not, the token's `api_url` + `/v2`
   * (data residency) is used, else https://api.zoom.us/v2.
   */
  apiBaseUrl?: string;
  /** `userId` of `POST /users/{userId}/meetings`; default `me` (prefer the host's id or email with S2S). */
  hostUserId?: string;
}

export interface ZoomClientOptions {
  fetch?: typeof fetch;
  /** Clock for token expiry and Retry-After dates (ms since epoch). */
  now?: () => number;
  /** How the client waits on a 429; tests inject a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** Per-request timeout; default 30 s. A timeout is a retryable ZoomError with status 0. */
  requestTimeoutMs?: number;
}

export interface ListOptions {
  /** Rows per page; Zoom's maximum is 300 (the default here). */
  pageSize?: number;
}

/** Refresh this long before expiry, like Rivet, so a token never expires in flight. */
const REFRESH_MARGIN_MS = 60_000;
/** Longest Retry-After slept through; longer (daily limits) fails fast with `retryAt`. */
const MAX_RATE_LIMIT_WAIT_MS = 10_000;
const MAX_RATE_LIMIT_RETRIES = 3;
/** Zoom refuses more than 30 registrants per batch call. */
export const BATCH_REGISTRANTS_MAX = 30;
const MAX_PAGE_SIZE = 300;

interface CachedToken {
  accessToken: string;
  expiresAt: number;
  apiBaseUrl: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestSpec {
  method: Method;
  /** Already encoded path below the API base, starting with `/`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

export class ZoomClient {
  readonly #settings: Required<Pick<ZoomSettings, 'accountId' | 'clientId' | 'clientSecret' | 'oauthBaseUrl' | 'hostUserId'>> & { apiBaseUrl?: string };
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #timeoutMs: number;
  #token: CachedToken | undefined;
  #tokenInFlight: Promise<CachedToken> | undefined;

  constructor(settings: ZoomSettings, options: ZoomClientOptions = {}) {
    this.#settings = {
      accountId: settings.accountId,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      oauthBaseUrl: stripTrailingSlash(settings.oauthBaseUrl ?? 'https://zoom.us'),
      hostUserId: settings.hostUserId ?? 'me',
      ...(settings.apiBaseUrl === undefined ? {} : { apiBaseUrl: stripTrailingSlash(settings.apiBaseUrl) }),
    };
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => delay(ms));
    this.#timeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  // ---- Meetings -------------------------------------------------------------------------

  /**
   * Creates a scheduled meeting (type 2) for the host with registration required and approved
   * automatically (`approval_type: 0`), so that each member gets a `registrant_id` (§0.2).
   * Zoom's registration e-mails are off unless asked for: the service sends its own invitations.
   */
  createMeeting(body: CreateMeetingBody): Promise<Meeting> {
    const payload: CreateMeetingBody = {
      type: 2,
      ...body,
      settings: { registrants_email_notification: false, registrants_confirmation_email: false, ...body.settings, approval_type: body.settings?.approval_type ?? 0 },
    };
    return this.#json<Meeting>({ method: 'POST', path: `/users/${encodeURIComponent(this.#settings.hostUserId)}/meetings`, body: payload });
  }

  getMeeting(meetingId: number): Promise<Meeting> {
    return this.#json<Meeting>({ method: 'GET', path: `/meetings/${meetingId}` });
  }

  /** PATCH (not PUT): only the given fields change. Zoom answers 204 without a body. */
  async updateMeeting(meetingId: number, patch: UpdateMeetingBody): Promise<void> {
    await this.#request({ method: 'PATCH', path: `/meetings/${meetingId}`, body: patch });
  }

  /** Cancels the meeting. `cancelMeetingReminder` makes Zoom e-mail the registrants. */
  async deleteMeeting(meetingId: number, options: { cancelMeetingReminder?: boolean } = {}): Promise<void> {
    await this.#request({
      method: 'DELETE',
      path: `/meetings/${meetingId}`,
      query: { cancel_meeting_reminder: options.cancelMeetingReminder },
    });
  }

  /**
   * Ends the meeting in progress. Ending a meeting that is not running is a success when the
   * meeting is back to `waiting` (an earlier attempt or the host already ended it, §2.5): the
   * activity that calls this may be retried.
   */
  async endMeeting(meetingId: number): Promise<void> {
    try {
      await this.#request({ method: 'PUT', path: `/meetings/${meetingId}/status`, body: { action: 'end' } });
    } catch (error) {
      if (!(error instanceof ZoomError) || error.status !== 400 || error.code !== 3001) throw error;
      const meeting = await this.getMeeting(meetingId);
      if (meeting.status !== 'waiting') throw error;
    }
  }

  // ---- Registrants ----------------------------------------------------------------------

  /** Registers one person; returns their `registrant_id` and personal `join_url`. */
  addRegistrant(meetingId: number, registrant: RegistrantInput): Promise<Registrant> {
    return this.#json<Registrant>({
      method: 'POST',
      path: `/meetings/${meetingId}/registrants`,
      body: { ...registrant, auto_approve: true },
    });
  }

  /** Registers many people, 30 per call (Zoom's limit), in order; one row per input. */
  async addRegistrantsBatch(meetingId: number, registrants: readonly RegistrantInput[]): Promise<BatchRegistrant[]> {
    const added: BatchRegistrant[] = [];
    for (let start = 0; start < registrants.length; start += BATCH_REGISTRANTS_MAX) {
      const chunk = registrants.slice(start, start + BATCH_REGISTRANTS_MAX);
      const page = await this.#json<{ registrants?: BatchRegistrant[] }>({
        method: 'POST',
        path: `/meetings/${meetingId}/batch_registrants`,
        body: { auto_approve: true, registrants_confirmation_email: false, registrants: chunk },
      });
      added.push(...(page.registrants ?? []));
    }
    return added;
  }

  /** Cancels registrations (their links stop working); Zoom needs both id and email. */
  async cancelRegistrants(meetingId: number, registrants: ReadonlyArray<{ id: string; email: string }>): Promise<void> {
    if (registrants.length === 0) return;
    await this.#request({
      method: 'PUT',
      path: `/meetings/${meetingId}/registrants/status`,
      body: { action: 'cancel', registrants },
    });
  }

  /** Every registrant with this status (default `approved`), following `next_page_token`. */
  listRegistrants(meetingId: number, options: ListOptions & { status?: RegistrantStatus } = {}): AsyncIterable<RegistrantListItem> {
    return this.#paginate<RegistrantsPage, RegistrantListItem>(
      `/meetings/${meetingId}/registrants`,
      { status: options.status, page_size: pageSize(options) },
      (page) => page.registrants ?? [],
    );
  }

  // ---- Past meetings --------------------------------------------------------------------

  /** A finished instance: by instance UUID, or by numeric id for the latest instance. */
  getPastMeeting(meetingIdOrUuid: number | string): Promise<PastMeeting> {
    return this.#json<PastMeeting>({ method: 'GET', path: `/past_meetings/${meetingPathParam(meetingIdOrUuid)}` });
  }

  /**
   * One row per join session of a finished instance (404/3001 while it runs). Pass the instance
   * UUID of `meeting.started`: a numeric id means the latest instance.
   */
  listPastParticipants(meetingIdOrUuid: number | string, options: ListOptions = {}): AsyncIterable<PastParticipant> {
    return this.#paginate<PastParticipantsPage, PastParticipant>(
      `/past_meetings/${meetingPathParam(meetingIdOrUuid)}/participants`,
      { page_size: pageSize(options) },
      (page) => page.participants ?? [],
    );
  }

  // ---- Plumbing -------------------------------------------------------------------------

  async *#paginate<Page extends { next_page_token?: string }, Row>(
    path: string,
    query: Record<string, string | number | undefined>,
    rows: (page: Page) => Row[],
  ): AsyncGenerator<Row, void, undefined> {
    let nextPageToken: string | undefined;
    const seen = new Set<string>();
    do {
      const page = await this.#json<Page>({ method: 'GET', path, query: { ...query, next_page_token: nextPageToken } });
      yield* rows(page);
      nextPageToken = page.next_page_token || undefined;
      // A server that hands back a token it already gave would loop forever.
      if (nextPageToken !== undefined) {
        if (seen.has(nextPageToken)) throw new ZoomError(`Zoom repeated next_page_token on GET ${path}`, { status: 200, retryable: false });
        seen.add(nextPageToken);
      }
    } while (nextPageToken !== undefined);
  }

  async #json<T>(spec: RequestSpec): Promise<T> {
    const { body } = await this.#request(spec);
    return body as T;
  }

  /** One API call with the token and rate-limit policies; throws a ZoomError on any failure. */
  async #request(spec: RequestSpec): Promise<{ status: number; body: unknown }> {
    let refreshedAfter401 = false;
    let rateLimitRetries = 0;
    for (;;) {
      const token = await this.#accessToken();
      const url = `${token.apiBaseUrl}${spec.path}${queryString(spec.query)}`;
      const { response, body } = await this.#send(spec, url, {
        authorization: `Bearer ${token.accessToken}`,
        accept: 'application/json',
        ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
      });
      if (response.ok) return { status: response.status, body };

      const code = errorCode(body);
      const trackingId = response.headers.get('x-zm-trackingid') ?? undefined;
      const what = `${spec.method} ${spec.path}`;
      if (response.status === 401 && code === 124 && !refreshedAfter401) {
        // Expired or revoked token: one fresh token, one retry (§1.3).
        refreshedAfter401 = true;
        this.#forgetToken(token.accessToken);
        continue;
      }
      if (response.status === 429) {
        const now = this.#now();
        const retryAt = parseRetryAfter(response.headers.get('retry-after'), now);
        // No Retry-After: back off 1–2 s with jitter, as for a per-second limit (§3).
        const wait = retryAt === undefined ? 1000 + Math.floor(Math.random() * 1000) : Math.max(0, retryAt.getTime() - now);
        if (wait <= MAX_RATE_LIMIT_WAIT_MS && rateLimitRetries < MAX_RATE_LIMIT_RETRIES) {
          rateLimitRetries += 1;
          await this.#sleep(wait);
          continue;
        }
        throw new ZoomRateLimitError(`Zoom rate limit on ${what}: ${errorMessage(body)}`, {
          status: 429,
          code,
          body,
          trackingId,
          retryAt: retryAt ?? new Date(now + wait),
          category: response.headers.get('x-ratelimit-category') ?? undefined,
          type: response.headers.get('x-ratelimit-type') ?? undefined,
        });
      }
      const message = `Zoom ${what} failed with ${response.status}${code === undefined ? '' : `/${code}`}: ${errorMessage(body)}`;
      const details = { status: response.status, code, body, trackingId };
      if (response.status === 404) throw new ZoomNotFoundError(message, details);
      if (response.status === 401 || code === 4711 || code === 4700) throw new ZoomAuthError(message, { ...details, retryable: false });
      throw new ZoomError(message, details);
    }
  }

  /** The answer and its body; a failure before the whole body arrived is a network failure. */
  async #send(spec: RequestSpec, url: string, headers: Record<string, string>): Promise<{ response: Response; body: unknown }> {
    try {
      const response = await this.#fetch(url, {
        method: spec.method,
        headers,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      return { response, body: await readBody(response) };
    } catch (cause) {
      throw new ZoomError(`Zoom ${spec.method} ${spec.path}: no answer (${describe(cause)})`, { status: 0, retryable: true, cause });
    }
  }

  /** The cached token, or one new token request shared by every concurrent caller. */
  #accessToken(): Promise<CachedToken> {
    const cached = this.#token;
    if (cached && this.#now() < cached.expiresAt - REFRESH_MARGIN_MS) return Promise.resolve(cached);
    this.#tokenInFlight ??= this.#requestToken().finally(() => {
      this.#tokenInFlight = undefined;
    });
    return this.#tokenInFlight;
  }

  /** Drops the cached token unless a concurrent caller already replaced it. */
  #forgetToken(accessToken: string): void {
    if (this.#token?.accessToken === accessToken) this.#token = undefined;
  }

  async #requestToken(): Promise<CachedToken> {
    const { accountId, clientId, clientSecret, oauthBaseUrl } = this.#settings;
    const requestedAt = this.#now();
    let response: Response;
    let body: unknown;
    try {
      response = await this.#fetch(`${oauthBaseUrl}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'account_credentials', account_id: accountId }).toString(),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      body = await readBody(response);
    } catch (cause) {
      throw new ZoomAuthError(`Zoom token request: no answer (${describe(cause)})`, { status: 0, retryable: true, cause });
    }
    if (!response.ok || !isTokenResponse(body)) {
      const oauth = isRecord(body) ? body : {};
      const reason = typeof oauth.reason === 'string' ? oauth.reason : undefined;
      const error = typeof oauth.error === 'string' ? oauth.error : undefined;
      // 400s (bad credentials, grant, account) will not heal by retrying; 5xx and 429 may.
      throw new ZoomAuthError(`Zoom token request failed with ${response.status}: ${reason ?? error ?? 'unexpected answer'}`, {
        status: response.status,
        body: oauth,
        retryable: response.status === 429 || response.status >= 500,
        ...(reason === undefined ? {} : { reason }),
        ...(error === undefined ? {} : { error }),
      });
    }
    const token: CachedToken = {
      accessToken: body.access_token,
      expiresAt: requestedAt + body.expires_in * 1000,
      apiBaseUrl: this.#settings.apiBaseUrl ?? (body.api_url ? `${stripTrailingSlash(body.api_url)}/v2` : 'https://api.zoom.us/v2'),
    };
    this.#token = token;
    return token;
  }
}

/** A numeric id as is; a UUID encoded (twice when it needs it, §2.8). */
function meetingPathParam(meetingIdOrUuid: number | string): string {
  return typeof meetingIdOrUuid === 'number' ? String(meetingIdOrUuid) : encodeMeetingUuid(meetingIdOrUuid);
}

function pageSize(options: ListOptions): number {
  return Math.min(Math.max(1, Math.floor(options.pageSize ?? MAX_PAGE_SIZE)), MAX_PAGE_SIZE);
}

function queryString(query: RequestSpec['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * `Retry-After` as delta-seconds or a date (Zoom sends an absolute date, §3; seconds are the
 * HTTP standard's other form). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): Date | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return new Date(now + Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : new Date(at);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTokenResponse(value: unknown): value is ZoomTokenResponse {
  return isRecord(value) && typeof value.access_token === 'string' && typeof value.expires_in === 'number';
}

function errorCode(body: unknown): number | undefined {
  return isRecord(body) && typeof body.code === 'number' ? body.code : undefined;
}

function errorMessage(body: unknown): string {
  if (isRecord(body) && typeof body.message === 'string') return body.message;
  if (typeof body === 'string') return body.slice(0, 200);
  return 'no message';
}

function describe(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
