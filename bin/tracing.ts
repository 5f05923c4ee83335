// OpenTelemetry traces, configured by the standard OTEL_* variables and off unless an OTLP endpoint
// is set: the API's requests (Fastify), the Temporal client's calls and the activities (Temporal's
// interceptors), and the database's queries (Prisma), in one trace per request. The workflows'
// code is the same with tracing on or off (see `workflowInterceptorModules`): a request's trace
// goes through them in the headers of the update and of the activities it causes. Metrics stay
// with Prometheus (/metrics), logs with stdout.
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter as GrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { FastifyPluginCallback } from 'fastify';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { ConfigError } from './config.ts';

type Env = Record<string, string | undefined>;

const untracedPaths: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/** What the API and the worker are given when tracing is on. */
export interface Tracing {
  /** Registered first in the API: a span per request, continuing the caller's `traceparent`. */
  fastifyPlugin: FastifyPluginCallback;
  /** On every Temporal client: the trace context goes with each start, update and signal. */
  clientInterceptors: WorkflowClientInterceptor[];
  /** On the worker. */
  activityInterceptors: ActivityInterceptorsFactory[];
  /** Sends what is left and stops. */
  shutdown(): Promise<void>;
}

/** On when an OTLP endpoint is set and neither the SDK nor the traces exporter is turned off. */
export function tracingEnabled(env: Env = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT);
}

/** The exporter of OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL; each reads its endpoint and headers itself. */
function exporterFromEnv(env: Env) {
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  switch (protocol) {
    case 'http/protobuf': return new ProtobufExporter();
    case 'http/json': return new JsonExporter();
    case 'grpc': return new GrpcExporter();
    default: throw new ConfigError([`OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf, http/json or grpc, not "${protocol}"`]);
  }
}

/**
 * Starts tracing for this process (`defaultServiceName` unless OTEL_SERVICE_NAME says otherwise), or
 * returns undefined when it is off. Call before the API or the worker is built.
 */
export function startTracing(defaultServiceName: string, env: Env = process.env): Tracing | undefined {
  if (!tracingEnabled(env)) return undefined;
  const serviceName = env.OTEL_SERVICE_NAME ?? defaultServiceName;
  const processor = new tracing.BatchSpanProcessor(exporterFromEnv(env));
  // A span per request and its handler; the probes and scrapes are not traced.
  const fastify = new FastifyOtelInstrumentation({
    registerOnInitialization: false, instrumentHooks: false,
    ignorePaths: ({ url }) => untracedPaths.has(url),
  });
  const sdk = new NodeSDK({
    serviceName,
    spanProcessors: [processor],
    // Not the SDK's metrics and logs: Prometheus and stdout have them.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [fastify, new PrismaInstrumentation()],
  });
  sdk.start();
  return {
    fastifyPlugin: fastify.plugin(),
    clientInterceptors: [new OpenTelemetryWorkflowClientInterceptor()],
    activityInterceptors: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    shutdown: () => sdk.shutdown(),
  };
}

/** The trace id of the span active now, for log lines (absent without tracing). */
export function activeTraceId(): string | undefined {
  const span: Span | undefined = trace.getActiveSpan();
  const id = span?.spanContext().traceId;
  return id && !/^0+$/.test(id) ? id : undefined;
}
