// Idempotency-Key on POST: a request retried with the same key gets the first answer again
// and changes nothing; the same key with another request is refused.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../prisma/database.ts';
import { unprocessable } from './problem.ts';

const header = 'idempotency-key';

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
    const hash = requestHash(request);
    const earlier = await db.idempotencyRecord.findUnique({ where: { principal_key: { principal: request.principal.subject, key } } });
    if (earlier) {
      if (earlier.requestHash !== hash) {
        throw unprocessable('idempotency_key_reused', 'this Idempotency-Key was already used for a different request');
      }
      reply.header('idempotent-replayed', 'true');
      const body = earlier.response as { contentType?: string; body?: unknown };
      reply.code(earlier.statusCode).type(body.contentType ?? 'application/json');
      return reply.send(body.body);
    }
    request.idempotency = { key, hash };
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = request.idempotency;
    // Server errors are not recorded: the client should retry them for real.
    if (!pending || !request.principal || reply.statusCode >= 500) return payload;
    const contentType = String(reply.getHeader('content-type') ?? 'application/json').split(';')[0];
    let body: unknown = payload;
    if (typeof payload === 'string' && contentType?.includes('json')) body = JSON.parse(payload);
    await db.idempotencyRecord.createMany({
      data: [{
        principal: request.principal.subject,
        key: pending.key,
        method: request.method,
        path: request.url,
        requestHash: pending.hash,
        statusCode: reply.statusCode,
        response: { contentType, body } as object,
      }],
      skipDuplicates: true,
    });
    return payload;
  });
}
