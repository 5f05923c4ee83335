// When the session's queued steps go to PostgreSQL. A step is durable once acknowledged (it is in
// the workflow's history): storing each vote in its own activity costs an activity and a
// workflow task per vote. The frequent steps that only add to the audit trail (a vote, the
// opening of a vote, an attendance, a meeting event) therefore wait, at most
// `deferredStepsMaxWaitMs` and `deferredStepsAtMost` steps, to be stored with the steps after them
// (the other votes, the vote's close); any other step is stored at once, with the steps queued
// before it, in order.
export const deferredStepsMaxWaitMs = 30_000;
/** However young, this many queued steps are stored together: a flood of ballots stays a bounded batch. */
export const deferredStepsAtMost = 200;

const deferrableTypes: ReadonlySet<string> = new Set(['vote_cast', 'vote_opened', 'attendance_recorded', 'meeting_event']);

interface QueuedStep {
  type: string;
  /** When the step was taken (ISO 8601, workflow time). */
  at: string;
}

/**
 * When the queued steps must be stored: now (a step that does not wait is queued), by the
 * deadline of the oldest waiting vote, or never (nothing queued).
 */
export function storeStepsBy(pending: readonly QueuedStep[], maxWaitMs = deferredStepsMaxWaitMs): number | 'now' | undefined {
  const first = pending[0];
  if (!first) return undefined;
  if (pending.length >= deferredStepsAtMost || pending.some((step) => !deferrableTypes.has(step.type))) return 'now';
  return Date.parse(first.at) + maxWaitMs;
}

/** Whether the queued steps are due at `now` (workflow time). */
export function stepsDue(pending: readonly QueuedStep[], now: number, maxWaitMs = deferredStepsMaxWaitMs): boolean {
  const by = storeStepsBy(pending, maxWaitMs);
  return by === 'now' || (by !== undefined && now >= by);
}
