// When the session workflow stores its queued steps: votes and the like wait a few seconds to go
// with the steps after them; anything else goes at once, with what is queued before it.
import { describe, expect, it } from 'vitest';
import { deferredStepsAtMost, deferredStepsMaxWaitMs, stepsDue, storeStepsBy } from '../../workflows/step-batching.ts';

const t0 = Date.parse('2026-12-01T09:00:00.000Z');
const at = (ms: number) => new Date(t0 + ms).toISOString();
const step = (type: string, ms: number) => ({ type, at: at(ms) });

describe('storing queued session steps', () => {
  it('has nothing to store when nothing is queued', () => {
    expect(storeStepsBy([])).toBeUndefined();
    expect(stepsDue([], t0 + 60_000)).toBe(false);
  });

  it('lets votes wait until the oldest one has waited the longest allowed', () => {
    const votes = [step('vote_cast', 0), step('vote_cast', 1_200), step('vote_cast', 3_000)];
    expect(storeStepsBy(votes)).toBe(t0 + deferredStepsMaxWaitMs);
    expect(stepsDue(votes, t0 + deferredStepsMaxWaitMs - 1)).toBe(false);
    expect(stepsDue(votes, t0 + deferredStepsMaxWaitMs)).toBe(true);
  });

  it('lets the opening of a vote, attendance and meeting events wait as votes do', () => {
    const queued = [step('vote_opened', 0), step('attendance_recorded', 10), step('meeting_event', 20), step('vote_cast', 30)];
    expect(storeStepsBy(queued)).toBe(t0 + deferredStepsMaxWaitMs);
  });

  it('stores everything at once when a step that does not wait is queued, whatever its place', () => {
    for (const type of ['vote_closed', 'session_opened', 'deliberations_started', 'minutes_signed', 'agenda_published', 'proxy_registered']) {
      expect(storeStepsBy([step('vote_cast', 0), step(type, 1)])).toBe('now');
      expect(storeStepsBy([step(type, 0), step('vote_cast', 1)])).toBe('now');
      expect(stepsDue([step('vote_cast', 0), step(type, 1)], t0 + 2)).toBe(true);
    }
  });

  it('stores a full batch of votes at once, however young', () => {
    const votes = (n: number) => Array.from({ length: n }, (_, i) => step('vote_cast', i));
    expect(storeStepsBy(votes(deferredStepsAtMost - 1))).toBe(t0 + deferredStepsMaxWaitMs);
    expect(storeStepsBy(votes(deferredStepsAtMost))).toBe('now');
    expect(stepsDue(votes(deferredStepsAtMost), t0 + 1)).toBe(true);
  });

  it('takes the longest wait as a parameter', () => {
    expect(storeStepsBy([step('vote_cast', 500)], 100)).toBe(t0 + 600);
    expect(stepsDue([step('vote_cast', 500)], t0 + 599, 100)).toBe(false);
    expect(stepsDue([step('vote_cast', 500)], t0 + 600, 100)).toBe(true);
  });
});
