// Writing and checking the audit trail. Every event goes through `appendAuditEvent`, inside the
// transaction that makes the change it records: it takes the committee's chain lock, links the
// event to the last one, and moves the chain's head, so events of one committee are chained in
// the order they were committed.
import { auditEventHash, chainGenesis, verifyAuditChain, type ChainVerification, type StoredAuditEvent } from '../documents/audit-chain.ts';
import type { Database, Prisma } from './database.ts';

export type Transaction = Parameters<Parameters<Database['$transaction']>[0]>[0];

export interface NewAuditEvent {
  committeeId: string;
  sessionId?: string | null | undefined;
  type: string;
  actor: string;
  payload: Prisma.InputJsonObject;
  dedupeKey: string;
  occurredAt: Date;
}

/**
 * One writer per committee chain at a time, until the transaction ends. Writers that first look
 * for events already stored (retried activities) take it before looking.
 */
export async function lockCommitteeChain(tx: Transaction, committeeId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit-chain:${committeeId}`}, 0))`;
}

export async function appendAuditEvent(tx: Transaction, event: NewAuditEvent): Promise<void> {
  await appendAuditEvents(tx, [event]);
}

/**
 * Appends events in the order given, each linked to the one before it in its committee's chain:
 * one insert for them all and one move of each head, whatever their number.
 */
export async function appendAuditEvents(tx: Transaction, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const committeeId of new Set(events.map((e) => e.committeeId))) {
    await lockCommitteeChain(tx, committeeId);
    const head = await tx.auditChainHead.findUnique({ where: { committeeId } });
    heads.set(committeeId, { seq: head?.seq ?? 0, hash: head?.hash ?? chainGenesis });
  }
  const rows = events.map((event) => {
    const head = heads.get(event.committeeId)!;
    const seq = head.seq + 1;
    const prevHash = head.hash;
    // The hash covers the payload as PostgreSQL will give it back (JSON, dates as text).
    const payload = JSON.parse(JSON.stringify(event.payload)) as unknown;
    const hash = auditEventHash({
      committeeId: event.committeeId, sessionId: event.sessionId ?? null, seq, type: event.type, actor: event.actor,
      dedupeKey: event.dedupeKey, occurredAt: event.occurredAt.toISOString(), payload, prevHash,
    });
    heads.set(event.committeeId, { seq, hash });
    return {
      committeeId: event.committeeId, sessionId: event.sessionId ?? null, type: event.type, actor: event.actor,
      payload: event.payload, dedupeKey: event.dedupeKey, occurredAt: event.occurredAt, seq, prevHash, hash,
    };
  });
  // One statement: its rows take their ids in this order, the chain's order.
  await tx.auditEvent.createMany({ data: rows });
  for (const [committeeId, { seq, hash }] of heads) {
    await tx.auditChainHead.upsert({
      where: { committeeId },
      create: { committeeId, seq, hash, updatedAt: new Date() },
      update: { seq, hash, updatedAt: new Date() },
    });
  }
}

type AuditRow = Awaited<ReturnType<Database['auditEvent']['findMany']>>[number];

export function storedAuditEvent(row: AuditRow): StoredAuditEvent {
  return {
    id: row.id.toString(), committeeId: row.committeeId, sessionId: row.sessionId, seq: row.seq, type: row.type, actor: row.actor,
    dedupeKey: row.dedupeKey, occurredAt: row.occurredAt.toISOString(), payload: row.payload, prevHash: row.prevHash, hash: row.hash,
  };
}

export interface CommitteeTrailVerification extends ChainVerification {
  committeeId: string;
}

/** Checks the chain of each committee (or of one), in table order. */
export async function verifyAuditTrail(db: Database, committeeId?: string): Promise<CommitteeTrailVerification[]> {
  // One snapshot: an event committed between reading the rows and the head is no false alarm.
  return db.$transaction(async (tx) => {
    const committees = committeeId
      ? [committeeId]
      : [...new Set([
        ...(await tx.auditEvent.findMany({ distinct: ['committeeId'], select: { committeeId: true } })).map((r) => r.committeeId),
        ...(await tx.auditChainHead.findMany({ select: { committeeId: true } })).map((r) => r.committeeId),
      ])].sort();
    const start = await tx.auditChainStart.findUnique({ where: { id: 1 } });
    const results: CommitteeTrailVerification[] = [];
    for (const id of committees) {
      const rows = await tx.auditEvent.findMany({ where: { committeeId: id }, orderBy: { id: 'asc' } });
      const head = await tx.auditChainHead.findUnique({ where: { committeeId: id } });
      results.push({ committeeId: id, ...verifyAuditChain(rows.map(storedAuditEvent), head, start?.lastUnchainedId ?? 0n) });
    }
    return results;
  }, { isolationLevel: 'RepeatableRead', timeout: 60_000 });
}

/** Whether a committee has a trail at all (for commands that name one). */
export async function hasAuditTrail(db: Database, committeeId: string): Promise<boolean> {
  const [event, head] = await Promise.all([
    db.auditEvent.findFirst({ where: { committeeId }, select: { id: true } }),
    db.auditChainHead.findUnique({ where: { committeeId } }),
  ]);
  return event !== null || head !== null;
}
