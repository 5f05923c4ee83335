// A batch stored for several requests (ballots of several members, say) appears in each request's
// trace: a span per request around the batch, linked to the activity's own span; the database's
// spans go under the first request's. The API is a no-op without a tracer provider (tracing off).
import { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import type { TraceCarrier } from '../workflows/request-trace.ts';

const tracer = trace.getTracer('caleol-activities');

export async function inRequestTraces<T>(name: string, carriers: readonly TraceCarrier[], attributes: Attributes, work: () => Promise<T>): Promise<T> {
  if (carriers.length === 0) return work();
  const activitySpan = trace.getActiveSpan();
  const links = activitySpan ? [{ context: activitySpan.spanContext() }] : [];
  const spans: Span[] = carriers.map((carrier) => tracer.startSpan(name, { attributes, links }, propagation.extract(ROOT_CONTEXT, carrier)));
  try {
    const result = await context.with(trace.setSpan(context.active(), spans[0]!), work);
    for (const span of spans) span.setStatus({ code: SpanStatusCode.OK });
    return result;
  } catch (error) {
    for (const span of spans) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    }
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}
