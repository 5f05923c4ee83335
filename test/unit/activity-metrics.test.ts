// The worker's activity interceptor: every attempt is counted, and a throwing one as a failure,
// by activity type; completing asynchronously is not a failure.
import type { Context } from '@temporalio/activity';
import { CompleteAsyncError } from '@temporalio/common';
import type { ActivityExecuteInput } from '@temporalio/worker';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { activityMetricsInterceptor } from '../../activities/metrics.ts';

const input: ActivityExecuteInput = { args: [], headers: {} };
const contextOf = (activityType: string) => ({ info: { activityType } }) as unknown as Context;

async function valueOf(registry: Registry, name: string, activityType: string): Promise<number | undefined> {
  const metric = registry.getSingleMetric(name);
  return (await metric?.get())?.values.find((v) => v.labels.activity_type === activityType)?.value;
}

function execute(registry: Registry, activityType: string, next: (input: ActivityExecuteInput) => Promise<unknown>): Promise<unknown> {
  const interceptor = activityMetricsInterceptor(registry)(contextOf(activityType)).inbound!;
  return interceptor.execute!(input, next);
}

describe('activityMetricsInterceptor', () => {
  it('counts attempts and failed attempts by activity type, passing results and errors through', async () => {
    const registry = new Registry();
    await expect(execute(registry, 'conveneMembers', async () => 'sent')).resolves.toBe('sent');
    const failure = new Error('SMTP server unreachable');
    await expect(execute(registry, 'conveneMembers', async () => { throw failure; })).rejects.toBe(failure);
    await expect(execute(registry, 'draftMinutes', async () => { throw new Error('boom'); })).rejects.toThrow('boom');

    expect(await valueOf(registry, 'caleol_activity_attempts_total', 'conveneMembers')).toBe(2);
    expect(await valueOf(registry, 'caleol_activity_failures_total', 'conveneMembers')).toBe(1);
    expect(await valueOf(registry, 'caleol_activity_failures_total', 'draftMinutes')).toBe(1);
    expect(await registry.metrics()).toMatch(/^caleol_activity_failures_total\{activity_type="conveneMembers"\} 1$/m);
  });

  it('does not count an asynchronous completion as a failure', async () => {
    const registry = new Registry();
    await expect(execute(registry, 'awaitSignature', async () => { throw new CompleteAsyncError(); })).rejects.toBeInstanceOf(CompleteAsyncError);
    expect(await valueOf(registry, 'caleol_activity_attempts_total', 'awaitSignature')).toBe(1);
    expect(await valueOf(registry, 'caleol_activity_failures_total', 'awaitSignature')).toBeUndefined();
  });

  it('shares its counters between interceptors built on one registry', async () => {
    const registry = new Registry();
    await expect(execute(registry, 'endMeeting', async () => { throw new Error('zoom down'); })).rejects.toThrow();
    await expect(execute(registry, 'endMeeting', async () => { throw new Error('zoom down'); })).rejects.toThrow();
    expect(await valueOf(registry, 'caleol_activity_failures_total', 'endMeeting')).toBe(2);
  });
});
