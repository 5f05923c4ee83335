// One structured logger (pino, JSON on stdout) for the API, the worker and the commands: each line
// names its service, and where they apply the request id, the session id and the trace id. No line
// carries a token, a secret, a task token or personal data: requests are logged without their
// query string or headers, the SDK's metadata without its task tokens, and any e-mail address
// left in a message is masked (an SMTP refusal quotes the recipient, say).
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import { parseWorkflowId } from '../api/services/ops-client.ts';
import { activeTraceId } from './tracing.ts';

const emailAddress = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Metadata keys that never reach a line, whatever logs them. */
const secretKey = /token|secret|password|authorization|cookie/i;

const masked = (text: string) => text.replace(emailAddress, '<e-mail>');

function scrubbed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return masked(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrubbed(value.message), stack: scrubbed(value.stack) };
  // A request or a reply: its serializer, later, picks what is logged of it.
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !secretKey.test(key)).map(([key, v]) => [key, scrubbed(v, depth + 1)]));
}

interface RequestLike { method?: string; url?: string; id?: string; ip?: string }

export function createLogger(level: string, service: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    // The trace of the span active where the line is written (none without tracing).
    mixin: () => {
      const traceId = activeTraceId();
      return traceId ? { traceId } : {};
    },
    serializers: {
      // The route's path only: a query string may hold a reason someone typed; headers hold tokens.
      req: (req: RequestLike) => ({ method: req.method, url: req.url?.split('?')[0], remoteAddress: req.ip }),
      err: (err: Error) => scrubbed(err),
    },
    formatters: { log: (object) => scrubbed(object) as Record<string, unknown> },
    hooks: {
      // The message and its interpolated strings; objects go through formatters.log.
      logMethod(args, method) {
        return method.apply(this, (args as unknown[]).map((a) => (typeof a === 'string' ? masked(a) : a)) as never);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const pinoLevels: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/** The Temporal SDK's logger (worker, workflows, activities, Core) writing through pino. */
export function temporalLogger(logger: Logger): TemporalLogger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const fields: Record<string, unknown> = { ...meta };
    const sessionId = typeof meta?.workflowId === 'string' ? parseWorkflowId(meta.workflowId)?.sessionId : undefined;
    if (sessionId) fields.sessionId = sessionId;
    logger[pinoLevels[level] ?? 'info'](fields, message);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
