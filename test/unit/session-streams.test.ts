// The streams of one session share one read of its state per tick.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultStreamLimits, SessionStreams } from '../../api/services/session-streams.ts';
import type { SessionClient } from '../../api/services/session-client.ts';
import type { SessionState } from '../../domain/session/index.ts';

afterEach(() => {
  vi.useRealTimers();
});

function countingSessions() {
  const reads: string[] = [];
  const sessions = { state: async (id: string) => { reads.push(id); return { phase: 'open' } as SessionState; } } as unknown as SessionClient;
  return { sessions, reads };
}

describe('SessionStreams', () => {
  it('reads a followed session once per tick, whatever the number of its streams, and stops when none follows', async () => {
    vi.useFakeTimers();
    const { sessions, reads } = countingSessions();
    const streams = new SessionStreams(sessions, { ...defaultStreamLimits, perSubject: 10, total: 100, tickMs: 100 });
    const seen: number[] = [0, 0, 0, 0, 0, 0];
    const stops = seen.map((_, i) => streams.follow(i < 5 ? 'a' : 'b', () => { seen[i]! += 1; }));
    await vi.advanceTimersByTimeAsync(350);
    expect(reads.filter((id) => id === 'a')).toHaveLength(3);
    expect(reads.filter((id) => id === 'b')).toHaveLength(3);
    expect(seen).toEqual([3, 3, 3, 3, 3, 3]);
    for (const stop of stops) stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reads).toHaveLength(6);
    expect(streams.usage.sessionsFollowed).toBe(0);
  });

  it('gives a place back once, however often it is released', () => {
    const { sessions } = countingSessions();
    const streams = new SessionStreams(sessions, { ...defaultStreamLimits, perSubject: 2, total: 3, tickMs: 100 });
    const release = streams.reserve('x');
    streams.reserve('x');
    expect(() => streams.reserve('x')).toThrow(/at most 2/);
    release();
    release();
    streams.reserve('x');
    streams.reserve('y');
    expect(() => streams.reserve('z')).toThrow(/as many live streams/);
    expect(streams.usage.open).toBe(3);
  });
});
