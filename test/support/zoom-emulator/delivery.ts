// The emulator's webhook delivery engine (zoom-api.md §4.1, §4.4–§4.6, §7.7): signed POSTs
// with Zoom's headers, success only on 200/204 within the ack timeout, Zoom's retry schedule
// then abandonment, the CRC handshake, and seeded chaos (duplicates, reordering, drops).
// First attempts go out one at a time in emission order, so that without chaos a receiver
// sees events in the order they happened; retries run on their own timers, out of order by
// construction as on Zoom.
import { createHash, createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Ids } from './random.ts';

export interface DeliveryConfig {
  url: string | undefined;
  secretToken: string;
  clientId: string;
  /** Waits before retry 1, 2, 3 (Zoom: 5, 20, 60 minutes), already scaled. */
  retryDelaysMs: readonly number[];
  ackTimeoutMs: number;
  /** Events are not delivered until a CRC validation succeeded. */
  requireValidation: boolean;
  /** `event-first` = {event, event_ts, payload}; `payload-first` = {payload, event_ts, event} (both are seen). */
  envelopeKeyOrder: 'event-first' | 'payload-first';
  /** Legacy `authorization` header (verification token, sunset by Zoom): off by default. */
  legacyVerificationToken: string | undefined;
}

/**
 * Chaos for the next events. A count (an integer ≥ 1, or Infinity) applies to that many next
 * events; a fraction in (0, 1) is a probability drawn from the seeded generator.
 */
export interface WebhookChaos {
  /** Deliver the event twice (each copy signed and retried on its own). */
  duplicate?: number;
  /** Never deliver the event: reconciliation after the meeting must repair it. */
  drop?: number;
  /** Hold events and release them shuffled (seeded) when the window ends or on flush(). */
  reorder?: boolean;
  /** Length of the reorder window; default 25 ms. */
  reorderWindowMs?: number;
  /** Wait this long before every attempt. */
  delayMs?: number;
  /** Treat the next N attempts as failed even when the receiver answers 200 (forces retries of processed events). */
  forceFail?: number;
}

export type DeliveryOutcome = 'ok' | 'retrying' | 'abandoned' | 'dropped' | 'skipped' | 'invalid';

export interface DeliveryLogEntry {
  /** One per copy of an emitted event (a duplicate gets its own). */
  deliveryId: number;
  event: string;
  /** 1 for the first copy, 2 for a chaos duplicate. */
  copy: number;
  /** 1 = first attempt, 2…4 = retries; 0 when never attempted (dropped, skipped). */
  attempt: number;
  /** HTTP status of the answer; null when none arrived within the ack timeout. */
  status: number | null;
  outcome: DeliveryOutcome;
  error?: string;
  /** `x-zm-request-timestamp` of the attempt (seconds). */
  timestamp: number;
  trackingId: string;
  /** Real time the attempt started (ms since epoch), for checking the retry schedule. */
  startedAt: number;
  latencyMs: number;
  /** §4.7 content key of the event (what receivers should dedupe on). */
  dedupeKey: string;
}

export interface EmittedEvent {
  event: string;
  body: Record<string, unknown>;
  /** What chaos decided for it. */
  fate: 'delivered' | 'duplicated' | 'dropped';
}

interface Job {
  deliveryId: number;
  copy: number;
  event: string;
  envelope: Record<string, unknown>;
  dedupeKey: string;
}

export interface ValidationResult {
  status: number;
  body: unknown;
  valid: boolean;
  plainToken: string;
}

export class DeliveryEngine {
  readonly log: DeliveryLogEntry[] = [];
  readonly emitted: EmittedEvent[] = [];
  validated = false;

  readonly #config: () => DeliveryConfig;
  readonly #clock: () => number;
  readonly #ids: Ids;
  readonly #chaosRandom: Ids;
  readonly #lifetime = new AbortController();
  readonly #pending = new Set<Promise<void>>();
  readonly #queue: Job[] = [];
  #held: Job[] = [];
  #holdTimer: NodeJS.Timeout | undefined;
  #pumping = false;
  #chaos: WebhookChaos = {};
  #nextDeliveryId = 1;

  constructor(config: () => DeliveryConfig, clock: () => number, seed: number) {
    this.#config = config;
    this.#clock = clock;
    this.#ids = new Ids(seed ^ 0x7e1e);
    this.#chaosRandom = new Ids(seed ^ 0xc4a05);
  }

  setChaos(chaos: WebhookChaos): void {
    this.#chaos = { ...chaos };
    if (!chaos.reorder) this.#releaseHeld();
  }

  get chaos(): WebhookChaos {
    return { ...this.#chaos };
  }

  /** Deliveries not finished yet: queued, held for reordering, in flight or waiting to retry. */
  get pending(): number {
    return this.#pending.size + this.#queue.length + this.#held.length;
  }

  /** Builds the envelope, applies chaos and queues it. Never throws for delivery failures. */
  emit(event: string, payload: Record<string, unknown>, topLevel: Record<string, unknown> = {}): void {
    if (this.#lifetime.signal.aborted) return;
    const eventTs = this.#clock();
    const envelope =
      this.#config().envelopeKeyOrder === 'payload-first'
        ? { payload, event_ts: eventTs, ...topLevel, event }
        : { event, event_ts: eventTs, ...topLevel, payload };
    const dedupeKey = dedupeKeyOf(event, payload);
    if (this.#decide('drop')) {
      this.emitted.push({ event, body: envelope, fate: 'dropped' });
      this.log.push(this.#entry({ deliveryId: this.#nextDeliveryId++, copy: 1, event, envelope, dedupeKey }, 0, null, 'dropped', 0, 0, ''));
      return;
    }
    const copies = this.#decide('duplicate') ? 2 : 1;
    this.emitted.push({ event, body: envelope, fate: copies === 2 ? 'duplicated' : 'delivered' });
    const jobs: Job[] = [];
    for (let copy = 1; copy <= copies; copy += 1) jobs.push({ deliveryId: this.#nextDeliveryId++, copy, event, envelope, dedupeKey });
    if (this.#chaos.reorder) {
      this.#held.push(...jobs);
      this.#holdTimer ??= setTimeout(() => this.#releaseHeld(), this.#chaos.reorderWindowMs ?? 25);
      return;
    }
    this.#enqueue(jobs);
  }

  /** Resolves when nothing is pending any more (held events are released at once). */
  async flush(): Promise<void> {
    this.#releaseHeld();
    while (this.pending > 0) {
      if (this.#pending.size === 0) await new Promise((resolve) => setImmediate(resolve));
      else await Promise.allSettled([...this.#pending]);
    }
  }

  /** Zoom's `endpoint.url_validation` handshake (§4.3), signed like any event. */
  async validate(): Promise<ValidationResult> {
    const config = this.#config();
    const plainToken = this.#ids.base64url(16);
    const envelope = { payload: { plainToken }, event_ts: this.#clock(), event: 'endpoint.url_validation' };
    const job: Job = { deliveryId: this.#nextDeliveryId++, copy: 1, event: envelope.event, envelope, dedupeKey: '' };
    if (config.url === undefined) {
      this.log.push(this.#entry(job, 0, null, 'skipped', 0, 0, '', 'no webhook URL'));
      this.validated = false;
      return { status: 0, body: undefined, valid: false, plainToken };
    }
    const answer = await this.#post(job, config);
    const body = parseJson(answer.text);
    const expected = createHmac('sha256', config.secretToken).update(plainToken).digest('hex');
    const valid =
      answer.status === 200 &&
      isRecord(body) &&
      body.plainToken === plainToken &&
      body.encryptedToken === expected;
    this.validated = valid;
    this.log.push(this.#entry(job, 1, answer.status, valid ? 'ok' : 'invalid', answer.timestamp, answer.latencyMs, answer.trackingId, answer.error, answer.startedAt));
    return { status: answer.status ?? 0, body, valid, plainToken };
  }

  /** Stops timers and in-flight requests; nothing is delivered afterwards. */
  close(): void {
    if (this.#holdTimer) clearTimeout(this.#holdTimer);
    this.#holdTimer = undefined;
    this.#held = [];
    this.#queue.length = 0;
    this.#lifetime.abort();
  }

  /** Forget logs, chaos and validation (the emulator's reset). */
  reset(): void {
    this.log.length = 0;
    this.emitted.length = 0;
    this.#chaos = {};
    this.validated = false;
  }

  #decide(kind: 'drop' | 'duplicate'): boolean {
    const value = this.#chaos[kind];
    if (value === undefined || value <= 0) return false;
    if (value < 1) return this.#chaosRandom.chance(value);
    this.#chaos[kind] = value - 1;
    return true;
  }

  #releaseHeld(): void {
    if (this.#holdTimer) clearTimeout(this.#holdTimer);
    this.#holdTimer = undefined;
    if (this.#held.length === 0) return;
    let released = this.#chaosRandom.shuffle(this.#held);
    // A shuffle may give the original order back; a reorder that reorders nothing tests nothing.
    if (released.length > 1 && released.every((job, i) => job === this.#held[i])) released = [...released.slice(1), released[0] as Job];
    this.#held = [];
    this.#enqueue(released);
  }

  #enqueue(jobs: Job[]): void {
    this.#queue.push(...jobs);
    this.#pump();
  }

  #pump(): void {
    if (this.#pumping || this.#queue.length === 0 || this.#lifetime.signal.aborted) return;
    this.#pumping = true;
    const run = (async () => {
      for (let job = this.#queue.shift(); job; job = this.#queue.shift()) {
        const done = await this.#attempt(job, 1);
        if (!done) this.#track(this.#retries(job));
      }
    })();
    this.#track(
      run.finally(() => {
        this.#pumping = false;
        this.#pump();
      }),
    );
  }

  #track(promise: Promise<void>): void {
    const tracked = promise.catch(() => undefined);
    this.#pending.add(tracked);
    void tracked.finally(() => this.#pending.delete(tracked));
  }

  async #retries(job: Job): Promise<void> {
    const delays = this.#config().retryDelaysMs;
    for (let retry = 0; retry < delays.length; retry += 1) {
      try {
        await sleep(delays[retry] ?? 0, undefined, { signal: this.#lifetime.signal });
      } catch {
        return; // closed
      }
      if (await this.#attempt(job, retry + 2)) return;
    }
  }

  /** One attempt; true when the event needs no more attempts. */
  async #attempt(job: Job, attempt: number): Promise<boolean> {
    const config = this.#config();
    if (config.url === undefined || (config.requireValidation && !this.validated)) {
      // Zoom sends nothing to an endpoint that is unset or not validated: the event is lost.
      this.log.push(this.#entry(job, 0, null, 'skipped', 0, 0, '', config.url === undefined ? 'no webhook URL' : 'endpoint not validated'));
      return true;
    }
    if (this.#chaos.delayMs) {
      try {
        await sleep(this.#chaos.delayMs, undefined, { signal: this.#lifetime.signal });
      } catch {
        return true;
      }
    }
    const answer = await this.#post(job, config);
    if (this.#lifetime.signal.aborted) return true;
    let ok = answer.status === 200 || answer.status === 204;
    let error = answer.error;
    if (ok && (this.#chaos.forceFail ?? 0) > 0) {
      this.#chaos.forceFail = (this.#chaos.forceFail ?? 0) - 1;
      ok = false;
      error = 'forced failure (chaos)';
    } else if (!ok && error === undefined) {
      error = `answered ${answer.status}`;
    }
    const last = attempt > config.retryDelaysMs.length;
    const outcome: DeliveryOutcome = ok ? 'ok' : last ? 'abandoned' : 'retrying';
    this.log.push(this.#entry(job, attempt, answer.status, outcome, answer.timestamp, answer.latencyMs, answer.trackingId, ok ? undefined : error, answer.startedAt));
    return ok || last;
  }

  /** Signs (fresh timestamp per attempt) and POSTs the exact bytes; never throws. */
  async #post(job: Job, config: DeliveryConfig): Promise<{ status: number | null; text: string; timestamp: number; trackingId: string; latencyMs: number; startedAt: number; error?: string }> {
    const body = Buffer.from(JSON.stringify(job.envelope), 'utf8');
    const timestamp = Math.floor(this.#clock() / 1000);
    const signature = `v0=${createHmac('sha256', config.secretToken).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
    const trackingId = `v=2.0;clid=emu;rid=WEB_${this.#ids.bytes(16).toString('hex')}`;
    const startedAt = Date.now();
    try {
      const response = await fetch(config.url ?? '', {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Zoom Marketplace/1.0a',
          clientid: config.clientId,
          'x-zm-trackingid': trackingId,
          'x-zm-request-timestamp': String(timestamp),
          'x-zm-signature': signature,
          ...(config.legacyVerificationToken === undefined ? {} : { authorization: config.legacyVerificationToken }),
        },
        body,
        signal: AbortSignal.any([this.#lifetime.signal, AbortSignal.timeout(config.ackTimeoutMs)]),
      });
      const text = await response.text();
      return { status: response.status, text, timestamp, trackingId, latencyMs: Date.now() - startedAt, startedAt };
    } catch (error) {
      const reason = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? `no answer within ${config.ackTimeoutMs} ms` : describe(error);
      return { status: null, text: '', timestamp, trackingId, latencyMs: Date.now() - startedAt, startedAt, error: reason };
    }
  }

  #entry(job: Job, attempt: number, status: number | null, outcome: DeliveryOutcome, timestamp: number, latencyMs: number, trackingId: string, error?: string, startedAt = Date.now()): DeliveryLogEntry {
    return {
      deliveryId: job.deliveryId,
      event: job.event,
      copy: job.copy,
      attempt,
      status,
      outcome,
      ...(error === undefined ? {} : { error }),
      timestamp,
      trackingId,
      startedAt,
      latencyMs,
      dedupeKey: job.dedupeKey,
    };
  }
}

/** §4.7: event + instance uuid + participant + the event's own time. */
export function dedupeKeyOf(event: string, payload: Record<string, unknown>): string {
  const object = isRecord(payload.object) ? payload.object : {};
  const participant = isRecord(object.participant) ? object.participant : {};
  const time = participant.join_time ?? participant.leave_time ?? participant.date_time ?? object.end_time ?? object.start_time ?? '';
  const key = `${event}:${String(object.uuid ?? '')}:${String(participant.user_id ?? '')}:${String(time)}`;
  return createHash('sha256').update(key).digest('hex');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
