// Idempotency-Key on POST: a request retried with the same key gets the first answer again and
// changes nothing; the same key with another request is refused. The key is reserved before
// the handler runs, so two copies of a request arriving together never both apply.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../prisma/database.ts';
import { conflict, unprocessable } from './problem.ts';

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
    const reserved = await db.idempotencyRecord.createMany({
      data: [{ principal, key, method: request.method, path: request.url, requestHash: hash, statusCode: inProgress, response: {} }],
      skipDuplicates: true,
    });
    if (reserved.count === 1) {
      request.idempotency = { key, hash };
      return;
    }
    const earlier = await db.idempotencyRecord.findUnique({ where: { principal_key: { principal, key } } });
    if (!earlier) return;
    if (earlier.requestHash !== hash) {
      throw unprocessable('idempotency_key_reused', 'this Idempotency-Key was already used for a different request');
    }
    if (earlier.statusCode === inProgress) {
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
    const where = { principal_key: { principal: request.principal.subject, key: pending.key } };
    // Server errors are not kept: the client should retry them for real.
    if (reply.statusCode >= 500) {
      await db.idempotencyRecord.delete({ where }).catch(() => undefined);
      return payload;
    }
    const contentType = String(reply.getHeader('content-type') ?? 'application/json').split(';')[0];
    let body: unknown = payload;
    if (typeof payload === 'string' && contentType?.includes('json')) body = JSON.parse(payload);
    await db.idempotencyRecord.update({ where, data: { statusCode: reply.statusCode, response: { contentType, body } as object } });
    return payload;
  });
}
