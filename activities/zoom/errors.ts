// Errors of the Zoom client. Callers (Temporal activities) look only at `retryable` to decide
// between a retryable failure and a non-retryable one; the subclasses say why.

export interface ZoomErrorDetails {
  /** HTTP status; 0 when no answer arrived (network failure, timeout). */
  status: number;
  /** Zoom's `code` from a `{code, message}` body, when there was one. */
  code?: number;
  /** The parsed (or raw text) error body; never contains credentials or tokens. */
  body?: unknown;
  /** `x-zm-trackingid` of the answer: Zoom support asks for it. */
  trackingId?: string;
  /** Overrides the default: 429, 5xx and network failures are retryable, other 4xx are not. */
  retryable?: boolean;
  cause?: unknown;
}

export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}

export class ZoomError extends Error {
  readonly status: number;
  readonly code: number | undefined;
  readonly body: unknown;
  readonly trackingId: string | undefined;
  readonly retryable: boolean;

  constructor(message: string, details: ZoomErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ZoomError';
    this.status = details.status;
    this.code = details.code;
    this.body = details.body;
    this.trackingId = details.trackingId;
    this.retryable = details.retryable ?? isRetryableStatus(details.status);
  }
}

/**
 * The token endpoint refused the credentials (OAuth `{reason, error}`), a REST call was refused
 * with 401 even after a fresh token, or the token lacks a scope (4711/4700).
 */
export class ZoomAuthError extends ZoomError {
  /** OAuth `reason` / `error` of the token endpoint's answer (§1.4). */
  readonly reason: string | undefined;
  readonly error: string | undefined;

  constructor(message: string, details: ZoomErrorDetails & { reason?: string; error?: string }) {
    super(message, details);
    this.name = 'ZoomAuthError';
    this.reason = details.reason;
    this.error = details.error;
  }
}

/** 429 whose wait is too long to sleep through (or still 429 after the retries). */
export class ZoomRateLimitError extends ZoomError {
  /** When Zoom says the call may be made again (from `Retry-After`). */
  readonly retryAt: Date | undefined;
  /** `X-RateLimit-Category` (Light, Medium, Heavy…) and `X-RateLimit-Type` (QPS, daily…). */
  readonly category: string | undefined;
  readonly type: string | undefined;

  constructor(message: string, details: ZoomErrorDetails & { retryAt?: Date; category?: string; type?: string }) {
    super(message, { ...details, retryable: details.retryable ?? true });
    this.name = 'ZoomRateLimitError';
    this.retryAt = details.retryAt;
    this.category = details.category;
    this.type = details.type;
  }
}

/** HTTP 404: the meeting, registrant or past instance does not exist (usually code 3001). */
export class ZoomNotFoundError extends ZoomError {
  constructor(message: string, details: ZoomErrorDetails) {
    super(message, { ...details, retryable: details.retryable ?? false });
    this.name = 'ZoomNotFoundError';
  }
}
