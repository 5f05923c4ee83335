// Writing and checking the audit trail. Every event goes through `appendAuditEvent`, inside the
// transaction that makes the change it records: it takes the committee's chain lock, links the
// event to the last one, and moves the chain's head, so events of one committee are chained in
// the order they were committed.
import { auditEventHash, chainGenesis, verifyAuditChain, type ChainVerification, type StoredAuditEvent } from '../documents/audit-chain.ts';
import { checkpointProblems, type CheckpointSigner, type SignedCheckpoint } from '../documents/audit-checkpoints.ts';
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
 * one insert for them all and one move of each head, whatever their number. Raw statements: this
 * runs in every transaction that records an event (a session's steps, hundreds a minute at the
 * peak), and the client's query building cost more CPU than the statements themselves.
 */
export async function appendAuditEvents(tx: Transaction, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const committeeId of new Set(events.map((e) => e.committeeId))) {
    await lockCommitteeChain(tx, committeeId);
    const [head] = await tx.$queryRaw<Array<{ seq: number; hash: string }>>`
      SELECT seq, hash FROM audit_chain_head WHERE committee_id = ${committeeId}::uuid`;
    heads.set(committeeId, { seq: head?.seq ?? 0, hash: head?.hash ?? chainGenesis });
  }
  const rows = events.map((event) => {
    const head = heads.get(event.committeeId)!;
    const seq = head.seq + 1;
    const prevHash = head.hash;
    // The hash covers the payload as PostgreSQL will give it back (JSON, dates as text).
    const payloadJson = JSON.stringify(event.payload);
    const occurredAt = event.occurredAt.toISOString();
    const hash = auditEventHash({
      committeeId: event.committeeId, sessionId: event.sessionId ?? null, seq, type: event.type, actor: event.actor,
      dedupeKey: event.dedupeKey, occurredAt, payload: JSON.parse(payloadJson) as unknown, prevHash,
    });
    heads.set(event.committeeId, { seq, hash });
    return { ...event, sessionId: event.sessionId ?? null, payloadJson, occurredAt, seq, prevHash, hash };
  });
  // One statement: its rows take their ids in this order, the chain's order.
  await tx.$executeRaw`
    INSERT INTO audit_event (committee_id, session_id, type, actor, payload, dedupe_key, occurred_at, seq, prev_hash, hash)
    SELECT * FROM unnest(
      ${rows.map((r) => r.committeeId)}::uuid[], ${rows.map((r) => r.sessionId)}::uuid[], ${rows.map((r) => r.type)}::text[],
      ${rows.map((r) => r.actor)}::text[], ${rows.map((r) => r.payloadJson)}::jsonb[], ${rows.map((r) => r.dedupeKey)}::text[],
      ${rows.map((r) => r.occurredAt)}::timestamptz[], ${rows.map((r) => r.seq)}::int[], ${rows.map((r) => r.prevHash)}::text[],
      ${rows.map((r) => r.hash)}::text[])`;
  for (const [committeeId, { seq, hash }] of heads) {
    await tx.$executeRaw`
      INSERT INTO audit_chain_head (committee_id, seq, hash, updated_at)
      VALUES (${committeeId}::uuid, ${seq}, ${hash}, ${new Date().toISOString()}::timestamptz)
      ON CONFLICT (committee_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, updated_at = EXCLUDED.updated_at`;
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
  /** Signed checkpoints checked against the chain; the last one's seq, if any. */
  checkpoints: number;
  lastCheckpointSeq?: number | undefined;
}

type CheckpointRow = Awaited<ReturnType<Database['auditCheckpoint']['findMany']>>[number];

export function signedCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return { committeeId: row.committeeId, seq: row.seq, hash: row.hash, signedAt: row.signedAt.toISOString(), keyId: row.keyId, signature: row.signature };
}

/**
 * Signs the committee's chain head as it stands, unless the last checkpoint already covers it.
 * Returns the checkpoint covering the head (new or not), or undefined for an empty chain.
 */
export async function checkpointChain(db: Database, signer: CheckpointSigner, committeeId: string, reason: string, sessionId?: string): Promise<SignedCheckpoint | undefined> {
  return db.$transaction(async (tx) => {
    await lockCommitteeChain(tx, committeeId);
    const head = await tx.auditChainHead.findUnique({ where: { committeeId } });
    if (!head) return undefined;
    const last = await tx.auditCheckpoint.findFirst({ where: { committeeId }, orderBy: { seq: 'desc' } });
    if (last && last.seq === head.seq && last.hash === head.hash) return signedCheckpoint(last);
    const signed = signer.sign({ committeeId, seq: head.seq, hash: head.hash, signedAt: new Date().toISOString() });
    await tx.auditCheckpoint.create({
      data: { id: crypto.randomUUID(), committeeId, seq: signed.seq, hash: signed.hash, signedAt: new Date(signed.signedAt), keyId: signed.keyId, signature: signed.signature, reason, sessionId: sessionId ?? null },
    });
    return signed;
  });
}

/** Checkpoints every committee whose head moved since its last checkpoint. */
export async function checkpointMovedChains(db: Database, signer: CheckpointSigner): Promise<number> {
  const moved = await db.$queryRaw<Array<{ committee_id: string }>>`
    SELECT h.committee_id FROM audit_chain_head h
    WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoint c WHERE c.committee_id = h.committee_id AND c.seq = h.seq AND c.hash = h.hash)`;
  for (const { committee_id: id } of moved) await checkpointChain(db, signer, id, 'periodic');
  return moved.length;
}

/**
 * Checks the chain of each committee (or of one), in table order, and, with the checkpoint keys,
 * every signed checkpoint against it.
 */
export async function verifyAuditTrail(db: Database, committeeId?: string, checkpointKeys: ReadonlyMap<string, string> = new Map()): Promise<CommitteeTrailVerification[]> {
  // One snapshot: an event committed between reading the rows and the head is no false alarm.
  return db.$transaction(async (tx) => {
    const committees = committeeId
      ? [committeeId]
      : [...new Set([
        ...(await tx.auditEvent.findMany({ distinct: ['committeeId'], select: { committeeId: true } })).map((r) => r.committeeId),
        ...(await tx.auditChainHead.findMany({ select: { committeeId: true } })).map((r) => r.committeeId),
        // A chain whose events and head are gone is still named by its checkpoints.
        ...(await tx.auditCheckpoint.findMany({ distinct: ['committeeId'], select: { committeeId: true } })).map((r) => r.committeeId),
      ])].sort();
    const start = await tx.auditChainStart.findUnique({ where: { id: 1 } });
    const results: CommitteeTrailVerification[] = [];
    for (const id of committees) {
      const rows = await tx.auditEvent.findMany({ where: { committeeId: id }, orderBy: { id: 'asc' } });
      const head = await tx.auditChainHead.findUnique({ where: { committeeId: id } });
      const chain = verifyAuditChain(rows.map(storedAuditEvent), head, start?.lastUnchainedId ?? 0n);
      const checkpoints = (await tx.auditCheckpoint.findMany({ where: { committeeId: id }, orderBy: { seq: 'asc' } })).map(signedCheckpoint);
      const bySeq = new Map(rows.flatMap((r) => (r.seq !== null && r.hash !== null ? [[r.seq, r.hash] as const] : [])));
      // Without a key to verify them with, checkpoints are counted, not checked.
      const signed = checkpointKeys.size > 0 ? checkpointProblems(bySeq, checkpoints, checkpointKeys) : [];
      const problems = [...chain.problems, ...signed];
      results.push({ committeeId: id, ...chain, ok: problems.length === 0, problems, checkpoints: checkpoints.length, lastCheckpointSeq: checkpoints.at(-1)?.seq });
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
