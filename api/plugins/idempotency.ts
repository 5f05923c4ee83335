// Idempotency-Key on POST: a request retried with the same key gets the first answer again and
// changes nothing; the same key with another request is refused. The key is reserved before
// the handler runs, so two copies of a request arriving together never both apply: the second
// waits (409, Retry-After) for the first, or, on a route that only sends a session update whose
// id derives from the key, runs too and gets the same answer from Temporal.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../prisma/database.ts';
import { conflict, unprocessable } from '../problems.ts';

const header = 'idempotency-key';
/** A reservation older than this belongs to a request that died: a retry may take it over. */
const abandonedAfterMs = 60_000;
const inProgress = 0;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
}

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[header];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function registerIdempotency(app: FastifyInstance, db: Database): void {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = idempotencyKeyOf(request);
    if (request.method !== 'POST' || key === undefined || !request.principal) return;
    if (key.length > 200) throw unprocessable('invalid_idempotency_key', 'Idempotency-Key is at most 200 characters');
    const principal = request.principal.subject;
    const hash = requestHash(request);
    // Raw statements: this runs before and after every keyed write, votes included.
    const reserved = await db.$executeRaw`
      INSERT INTO idempotency_record (principal, key, method, path, request_hash, status_code, response)
      VALUES (${principal}, ${key}, ${request.method}, ${request.url}, ${hash}, ${inProgress}, '{}'::jsonb)
      ON CONFLICT (principal, key) DO NOTHING`;
    if (reserved === 1) {
      request.idempotency = { key, hash };
      return;
    }
    const earlier = await db.idempotencyRecord.findUnique({ where: { principal_key: { principal, key } } });
    if (!earlier) return;
    if (earlier.requestHash !== hash) {
      throw unprocessable('idempotency_key_reused', 'this Idempotency-Key was already used for a different request');
    }
    if (earlier.statusCode === inProgress) {
      // A copy of a request that only sends a keyed update: it may run now, Temporal applies it once.
      if (request.routeOptions.config.appliedOnceByUpdateId === true) {
        request.idempotency = { key, hash };
        return;
      }
      const takenOver = Date.now() - earlier.createdAt.getTime() > abandonedAfterMs
        && (await db.idempotencyRecord.updateMany({ where: { principal, key, statusCode: inProgress, createdAt: earlier.createdAt }, data: { createdAt: new Date() } })).count === 1;
      if (!takenOver) {
        reply.header('retry-after', '1');
        throw conflict('idempotency_key_in_progress', 'a request with this Idempotency-Key is still being processed; retry shortly');
      }
      request.idempotency = { key, hash };
      return;
    }
    reply.header('idempotent-replayed', 'true');
    const body = earlier.response as { contentType?: string; body?: unknown };
    reply.code(earlier.statusCode).type(body.contentType ?? 'application/json');
    return reply.send(body.body);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = request.idempotency;
    if (!pending || !request.principal) return payload;
    const principal = request.principal.subject;
    // Server errors are not kept: the client should retry them for real.
    if (reply.statusCode >= 500) {
      await db.$executeRaw`DELETE FROM idempotency_record WHERE principal = ${principal} AND key = ${pending.key}`.catch(() => undefined);
      return payload;
    }
    const contentType = String(reply.getHeader('content-type') ?? 'application/json').split(';')[0];
    let body: unknown = payload;
    if (typeof payload === 'string' && contentType?.includes('json')) body = JSON.parse(payload);
    const response = JSON.stringify({ contentType, body });
    await db.$executeRaw`
      UPDATE idempotency_record SET status_code = ${reply.statusCode}, response = ${response}::jsonb
      WHERE principal = ${principal} AND key = ${pending.key}`;
    return payload;
  });
}
