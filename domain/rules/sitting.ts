// The law of time and of convocation: a session is scheduled ahead, each member is convened in
// time (the notice counts from the actual delivery), and the sitting opens at its convened time.
import type { CommitteeRules } from './committee-rules.ts';

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

export interface SittingProblem {
  rule: string;
  message: string;
}

/** A session is convened for a time to come. */
export function schedulingProblems(scheduledStart: Date, now: Date): SittingProblem[] {
  if (scheduledStart.getTime() <= now.getTime()) {
    return [{ rule: 'scheduled_in_future', message: 'a session is scheduled for a time to come, not in the past' }];
  }
  return [];
}

/** Whether a member convened at `deliveredAt` had the notice the rules require (always, with an urgency reason). */
export function convenedInTime(
  deliveredAt: Date,
  scheduledStart: Date,
  rules: Pick<CommitteeRules, 'noticePeriodDays'>,
  urgencyReason: string | undefined,
): boolean {
  if (deliveredAt.getTime() > scheduledStart.getTime()) return false;
  if (urgencyReason?.trim()) return true;
  return deliveredAt.getTime() <= scheduledStart.getTime() - rules.noticePeriodDays * dayMs;
}

/** The sitting opens at its convened time, or up to the rules' tolerance before it. */
export function openingTimeProblems(now: Date, scheduledStart: Date, rules: Pick<CommitteeRules, 'openingToleranceMinutes'>): SittingProblem[] {
  const earliest = scheduledStart.getTime() - rules.openingToleranceMinutes * minuteMs;
  if (now.getTime() >= earliest) return [];
  return [{
    rule: 'sitting_at_convened_time',
    message: `the sitting opens at its convened time (${scheduledStart.toISOString()})${rules.openingToleranceMinutes > 0 ? `, at most ${rules.openingToleranceMinutes} minutes before it` : ''}`,
  }];
}

/** When the quorum grace period ends: counted from the convened time. */
export function gracePeriodEnd(scheduledStart: Date, rules: Pick<CommitteeRules, 'quorum'>): Date {
  return new Date(scheduledStart.getTime() + rules.quorum.gracePeriodMinutes * minuteMs);
}

/** How long to wait before sending a convocation again: 1 minute, doubling, at most an hour. */
export function convocationRetryDelayMs(attempts: number): number {
  return Math.min(60 * minuteMs, minuteMs * 2 ** Math.max(0, attempts - 1));
}
