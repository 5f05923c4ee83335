// Workflow interceptors, bundled with the workflows whether tracing is on or not (see
// `workflow-code.ts`), so that the work a request causes later stays in its trace: the steps it
// queued, stored in a batch with others', and the side effect the loop runs after it. The request's
// trace context (a W3C `traceparent` carrier) comes in the header OpenTelemetry's client
// interceptor writes; this module keeps the one of the update or signal being applied, and puts one
// on the activities scheduled within `inTraceOf`. Workflow-safe: it reads and writes headers,
// nothing else, and adds no promise of its own (the order of a session's commands does not depend
// on it). Without tracing there is no such header, and everything here is a no-op.
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { WorkflowInterceptorsFactory } from '@temporalio/workflow';

/** A request's trace context as W3C headers (`traceparent`, `tracestate`). */
export type TraceCarrier = Record<string, string>;

/** OpenTelemetry's header (`TRACE_HEADER` of @temporalio/interceptors-opentelemetry). */
const traceHeader = '_tracer-data';

/** The trace context of the update or signal whose handler is running now, if any. */
let applying: TraceCarrier | undefined;
/** The header the activities scheduled now are given instead of the loop's own. */
let scheduling: Payload | undefined;

/** The trace of the request being applied (undefined outside a handler, or without tracing). */
export function currentRequestTrace(): TraceCarrier | undefined {
  return applying;
}

/**
 * Runs `schedule` (which schedules its activity synchronously, then awaits it) in the request's
 * trace. Its promise is `schedule`'s own: with a trace or without, the session's commands come in
 * the same order.
 */
export function inTraceOf<T>(carrier: TraceCarrier | undefined, schedule: () => Promise<T>): Promise<T> {
  if (carrier === undefined) return schedule();
  scheduling = defaultPayloadConverter.toPayload(carrier);
  try {
    return schedule();
  } finally {
    scheduling = undefined;
  }
}

function carrierOf(headers: Record<string, Payload>): TraceCarrier | undefined {
  const header = headers[traceHeader];
  if (header === undefined) return undefined;
  const carrier: unknown = defaultPayloadConverter.fromPayload(header);
  return carrier && typeof carrier === 'object' && typeof (carrier as TraceCarrier).traceparent === 'string' ? carrier as TraceCarrier : undefined;
}

/** Keeps the request's carrier for the synchronous part of its handler (decide and apply). */
function whileApplying<T>(headers: Record<string, Payload>, next: () => T): T {
  applying = carrierOf(headers);
  try {
    return next();
  } finally {
    applying = undefined;
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [{
    handleUpdate: (input, next) => whileApplying(input.headers, () => next(input)),
    handleSignal: (input, next) => whileApplying(input.headers, () => next(input)),
  }],
  outbound: [{
    scheduleActivity: (input, next) => {
      const header = scheduling;
      // Once: only the activity the call schedules synchronously is the request's.
      scheduling = undefined;
      return next(header ? { ...input, headers: { ...input.headers, [traceHeader]: header } } : input);
    },
  }],
});
