// The live feeds of sessions behind GET /sessions/{id}/events: one query of a session's workflow
// per tick however many streams follow it, a bounded number of streams per subject and in all, and
// each stream ended when its token expires or the session finishes (routes/sessions.ts writes them). A stream refused for load is
// answered 429 (this subject has enough) or 503 (the server has enough), with Retry-After.
import type { SessionState } from '../../domain/session/index.ts';
import { ProblemError } from '../problems.ts';
import type { SessionClient } from './session-client.ts';

export interface StreamLimits {
  /** Streams one token subject may hold open at once. */
  perSubject: number;
  /** Streams the process holds open at once. */
  total: number;
  /** How often a followed session's state is read. */
  tickMs: number;
  /** How often an idle stream gets a comment, so that proxies do not close it. */
  heartbeatMs: number;
  /** How long a client waits before reconnecting (the stream's `retry:`). */
  retryMs: number;
}

export const defaultStreamLimits: StreamLimits = { perSubject: 5, total: 1_000, tickMs: 500, heartbeatMs: 15_000, retryMs: 3_000 };

type Listener = (state: SessionState) => void;

interface Feed {
  listeners: Set<Listener>;
  timer?: NodeJS.Timeout | undefined;
}

export class SessionStreams {
  private readonly feeds = new Map<string, Feed>();
  private readonly openBySubject = new Map<string, number>();
  private open = 0;
  private closed = false;

  constructor(private readonly sessions: SessionClient, readonly limits: StreamLimits = defaultStreamLimits) {}

  /** Takes a stream's place for `subject`, or refuses it; the returned function gives it back. */
  reserve(subject: string): () => void {
    const held = this.openBySubject.get(subject) ?? 0;
    if (held >= this.limits.perSubject) {
      throw new ProblemError({
        status: 429, code: 'too_many_streams', title: 'Too many streams', rule: 'streams_per_subject', retryAfterSeconds: 30,
        detail: `this account already follows ${held} streams (at most ${this.limits.perSubject}); close one first`,
      });
    }
    if (this.closed || this.open >= this.limits.total) {
      throw new ProblemError({
        status: 503, code: 'streams_overloaded', title: 'Service overloaded', rule: 'streams_in_total', retryAfterSeconds: 10,
        detail: 'the server follows as many live streams as it can; retry in a moment, or read GET /sessions/{id}',
      });
    }
    this.openBySubject.set(subject, held + 1);
    this.open += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open -= 1;
      const left = (this.openBySubject.get(subject) ?? 1) - 1;
      if (left > 0) this.openBySubject.set(subject, left);
      else this.openBySubject.delete(subject);
    };
  }

  /** Calls `listener` with the session's state at every tick until the returned function is called. */
  follow(sessionId: string, listener: Listener): () => void {
    let feed = this.feeds.get(sessionId);
    if (!feed) {
      feed = { listeners: new Set() };
      this.feeds.set(sessionId, feed);
      this.schedule(sessionId, feed);
    }
    feed.listeners.add(listener);
    return () => {
      feed.listeners.delete(listener);
      if (feed.listeners.size === 0) {
        clearTimeout(feed.timer);
        if (this.feeds.get(sessionId) === feed) this.feeds.delete(sessionId);
      }
    };
  }

  /** Streams held open now, in all and per session followed (for tests and metrics). */
  get usage(): { open: number; sessionsFollowed: number } {
    return { open: this.open, sessionsFollowed: this.feeds.size };
  }

  close(): void {
    this.closed = true;
    for (const feed of this.feeds.values()) clearTimeout(feed.timer);
    this.feeds.clear();
  }

  private schedule(sessionId: string, feed: Feed): void {
    feed.timer = setTimeout(() => void this.tick(sessionId, feed), this.limits.tickMs);
    feed.timer.unref();
  }

  private async tick(sessionId: string, feed: Feed): Promise<void> {
    // A failed read keeps the streams on their last state; the next tick tries again.
    const state = await this.sessions.state(sessionId).catch(() => undefined);
    if (this.feeds.get(sessionId) !== feed) return;
    if (state) for (const listener of [...feed.listeners]) listener(state);
    if (feed.listeners.size > 0 && !this.closed) this.schedule(sessionId, feed);
  }
}
