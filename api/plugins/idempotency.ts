// Idempotency-Key on POST: a request retried with the same key gets the first answer again and
// changes nothing; the same key with another request is refused. On most routes the key is
// reserved before the handler runs, so two copies of a request arriving together never both
// apply: the second waits (409, Retry-After) for the first. A route that only sends a session
// update whose id derives from the key (a vote) reserves nothing: Temporal applies the update
// once whatever the number of copies, so the key is only read before and written once after,
// with the answer (one commit per vote instead of two).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../prisma/database.ts';
import { conflict, problemBody, problemContentType, unprocessable, type ProblemError } from '../problems.ts';

const header = 'idempotency-key';
/** A reservation older than this belongs to a request that died: a retry may take it over. */
const abandonedAfterMs = 60_000;
const inProgress = 0;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
}

interface StoredRecord {
  requestHash: string;
  statusCode: number;
  response: unknown;
  createdAt: Date;
}

/**
 * The record of a key, read with one raw statement: it runs before every keyed vote, and the
 * client's `findUnique` of it took 1.4 ms of CPU where this takes 0.6.
 */
async function recordOf(db: Database, principal: string, key: string): Promise<StoredRecord | undefined> {
  const rows = await db.$queryRaw<StoredRecord[]>`
    SELECT request_hash AS "requestHash", status_code AS "statusCode", response, created_at AS "createdAt"
    FROM idempotency_record WHERE principal = ${principal} AND key = ${key}`;
  return rows[0];
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
    const appliedOnce = request.routeOptions.config.appliedOnceByUpdateId === true;
    if (appliedOnce) {
      const earlier = await recordOf(db, principal, key);
      if (!earlier) {
        request.idempotency = { key, hash, recordAfter: true };
        return;
      }
      if (earlier.requestHash !== hash) throw keyReused();
      // A copy of a request still being applied (or whose API died before recording it): it may run now, Temporal applies it once.
      if (earlier.statusCode === inProgress) {
        request.idempotency = { key, hash, recordAfter: true };
        return;
      }
      return replay(reply, earlier);
    }
    // Raw statements: this runs before and after every keyed write.
    const reserved = await db.$executeRaw`
      INSERT INTO idempotency_record (principal, key, method, path, request_hash, status_code, response)
      VALUES (${principal}, ${key}, ${request.method}, ${request.url}, ${hash}, ${inProgress}, '{}'::jsonb)
      ON CONFLICT (principal, key) DO NOTHING`;
    if (reserved === 1) {
      request.idempotency = { key, hash };
      return;
    }
    const earlier = await recordOf(db, principal, key);
    if (!earlier) return;
    if (earlier.requestHash !== hash) throw keyReused();
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
    return replay(reply, earlier);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = request.idempotency;
    if (!pending || !request.principal) return payload;
    const principal = request.principal.subject;
    // Server errors are not kept: the client should retry them for real.
    if (reply.statusCode >= 500) {
      if (!pending.recordAfter) await db.$executeRaw`DELETE FROM idempotency_record WHERE principal = ${principal} AND key = ${pending.key}`.catch(() => undefined);
      return payload;
    }
    const contentType = String(reply.getHeader('content-type') ?? 'application/json').split(';')[0];
    let body: unknown = payload;
    if (typeof payload === 'string' && contentType?.includes('json')) body = JSON.parse(payload);
    const response = JSON.stringify({ contentType, body });
    if (!pending.recordAfter) {
      await db.$executeRaw`
        UPDATE idempotency_record SET status_code = ${reply.statusCode}, response = ${response}::jsonb
        WHERE principal = ${principal} AND key = ${pending.key}`;
      return payload;
    }
    // The first answer recorded stays; a copy's is the same (one update id, one outcome).
    const recorded = await db.$executeRaw`
      INSERT INTO idempotency_record (principal, key, method, path, request_hash, status_code, response)
      VALUES (${principal}, ${pending.key}, ${request.method}, ${request.url}, ${pending.hash}, ${reply.statusCode}, ${response}::jsonb)
      ON CONFLICT (principal, key) DO UPDATE SET status_code = EXCLUDED.status_code, response = EXCLUDED.response
      WHERE idempotency_record.status_code = ${inProgress} AND idempotency_record.request_hash = EXCLUDED.request_hash`;
    if (recorded === 1) return payload;
    const earlier = await recordOf(db, principal, pending.key);
    if (!earlier || earlier.requestHash === pending.hash) return payload;
    // Another request under the same key, sent at the same moment, was recorded first. The two
    // shared one update id, so Temporal applied one of them (whichever reached it first, not
    // necessarily the one recorded) and answered both with its outcome: this one is told the key
    // is spent on the other. Only a client racing itself with one key and two bodies gets here.
    const { problem } = keyReused();
    void reply.code(problem.status).type(problemContentType);
    return JSON.stringify(problemBody(problem, request.url));
  });
}

function keyReused(): ProblemError {
  return unprocessable('idempotency_key_reused', 'this Idempotency-Key was already used for a different request');
}

/** The answer recorded for the key, sent again. */
function replay(reply: FastifyReply, earlier: { statusCode: number; response: unknown }) {
  reply.header('idempotent-replayed', 'true');
  const body = earlier.response as { contentType?: string; body?: unknown };
  reply.code(earlier.statusCode).type(body.contentType ?? 'application/json');
  return reply.send(body.body);
}
