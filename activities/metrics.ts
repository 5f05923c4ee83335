// Activity attempts and failures by activity type, for Prometheus: each attempt (retries
// included) passes through this interceptor, so failed attempts are counted as they happen.
import type { Context } from '@temporalio/activity';
import { CompleteAsyncError } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { Counter, type Metric, type Registry } from 'prom-client';

/** The registry's metric of that name, or a new one: several workers may share a registry. */
function metric<T extends Metric>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export function activityMetricsInterceptor(registry: Registry): ActivityInterceptorsFactory {
  const attempts = metric(registry, 'caleol_activity_attempts_total', () => new Counter({
    name: 'caleol_activity_attempts_total',
    help: 'Activity attempts started, by activity type',
    labelNames: ['activity_type'] as const,
    registers: [registry],
  }));
  const failures = metric(registry, 'caleol_activity_failures_total', () => new Counter({
    name: 'caleol_activity_failures_total',
    help: 'Activity attempts that failed (threw), by activity type',
    labelNames: ['activity_type'] as const,
    registers: [registry],
  }));
  return (ctx: Context) => ({
    inbound: {
      async execute(input, next) {
        const labels = { activity_type: ctx.info.activityType };
        attempts.inc(labels);
        try {
          return await next(input);
        } catch (error) {
          // Completing asynchronously is thrown, but it is not a failure.
          if (!(error instanceof CompleteAsyncError)) failures.inc(labels);
          throw error;
        }
      },
    },
  });
}
