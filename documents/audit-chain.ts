// The audit trail as a hash chain per committee: each event's hash covers what the event says
// and the hash of the event before it, so no event can be changed, removed, inserted or moved
// without breaking every hash after it. Pure: the database writes and reads the rows, this
// computes and checks; an exported bundle is checked by the same code without the database.
import { canonicalJson, sha256Hex } from './canonical-json.ts';

/** The hash before a committee's first event. */
export const chainGenesis = '0'.repeat(64);

export interface AuditEventContent {
  committeeId: string;
  sessionId: string | null;
  seq: number;
  type: string;
  actor: string;
  dedupeKey: string;
  /** ISO 8601 with milliseconds, as PostgreSQL's timestamptz(3) gives it back. */
  occurredAt: string;
  payload: unknown;
  prevHash: string;
}

export interface ChainedAuditEvent extends AuditEventContent {
  /** The row's id: its place in the table, which must follow `seq`. */
  id: string;
  hash: string;
}

/** A row of the trail as stored; rows written before the chain existed have no seq or hash. */
export interface StoredAuditEvent extends Omit<ChainedAuditEvent, 'seq' | 'prevHash' | 'hash'> {
  seq: number | null;
  prevHash: string | null;
  hash: string | null;
}

export function auditEventHash(event: AuditEventContent): string {
  return sha256Hex(canonicalJson({
    format: 'caleol-audit:v1',
    committeeId: event.committeeId,
    sessionId: event.sessionId,
    seq: event.seq,
    type: event.type,
    actor: event.actor,
    dedupeKey: event.dedupeKey,
    occurredAt: event.occurredAt,
    payload: event.payload,
    prevHash: event.prevHash,
  }));
}

export interface ChainProblem {
  /** The event's row id, or its expected seq when the row is missing. */
  at: string;
  message: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Events checked in the chain. */
  events: number;
  /** Events written before the chain started, which it cannot vouch for. */
  unchained: number;
  problems: ChainProblem[];
}

/**
 * Checks one committee's trail, in table order (by id), against its head (the last seq and hash
 * recorded with each append). Rows without a hash are accepted only up to `lastUnchainedId`, the
 * last event written before the chain existed. Says where each break is.
 */
export function verifyAuditChain(rows: StoredAuditEvent[], head: { seq: number; hash: string } | null, lastUnchainedId = 0n): ChainVerification {
  const problems: ChainProblem[] = [];
  const legacy = (r: StoredAuditEvent) => r.seq === null && r.hash === null && BigInt(r.id) <= lastUnchainedId;
  const unchained = rows.filter(legacy).length;
  const chain = rows.filter((r) => !legacy(r));
  const seqsSeen = new Set(chain.flatMap((r) => (r.seq === null ? [] : [r.seq])));
  let expectedSeq = 1;
  let prevHash = chainGenesis;
  for (const row of chain) {
    const where = `event ${row.id}${row.seq !== null ? ` (seq ${row.seq})` : ''}`;
    if (row.seq === null || row.hash === null || row.prevHash === null) {
      problems.push({ at: row.id, message: `${where}, ${row.type}, is not in the chain: inserted outside the application` });
      continue;
    }
    const hash = auditEventHash({ ...row, seq: row.seq, prevHash: row.prevHash });
    if (hash !== row.hash) problems.push({ at: row.id, message: `${where}, ${row.type}, was changed after it was written: its content no longer matches its hash` });
    if (row.seq < expectedSeq) {
      // A row whose place comes earlier: the rows were moved; the chain goes on from where it was.
      problems.push({ at: row.id, message: `${where} is out of place, after seq ${expectedSeq - 1}: the rows were reordered or a seq was rewritten` });
      continue;
    }
    if (row.seq > expectedSeq) {
      const missing = Array.from({ length: row.seq - expectedSeq }, (_, i) => expectedSeq + i);
      const moved = missing.filter((seq) => seqsSeen.has(seq));
      const deleted = missing.filter((seq) => !seqsSeen.has(seq));
      if (moved.length) problems.push({ at: row.id, message: `${where} comes before seq ${moved.join(', ')}: the rows were reordered` });
      if (deleted.length) problems.push({ at: String(deleted[0]), message: `${deleted.length === 1 ? `seq ${deleted[0]} is` : `seq ${deleted[0]} to ${deleted.at(-1)} are`} missing before ${where}: deleted` });
    } else if (row.prevHash !== prevHash) {
      problems.push({ at: row.id, message: `${where} does not follow the event before it (its previous hash is ${row.prevHash.slice(0, 12)}…, the chain has ${prevHash.slice(0, 12)}…)` });
    }
    expectedSeq = row.seq + 1;
    prevHash = row.hash;
  }
  const lastSeq = expectedSeq - 1;
  if (head) {
    const highest = Math.max(lastSeq, ...seqsSeen);
    if (head.seq > highest) problems.push({ at: String(highest + 1), message: `the chain ends at seq ${highest} but ${head.seq} events were written: the last ${head.seq - highest} were deleted` });
    else if (head.seq < highest) problems.push({ at: String(head.seq + 1), message: `events after seq ${head.seq} were not written by the application` });
    else if (head.seq === lastSeq && head.hash !== prevHash) problems.push({ at: String(lastSeq), message: `the last event (seq ${lastSeq}) is not the one that was written` });
  } else if (chain.length > 0) {
    problems.push({ at: chain[0]!.id, message: 'the chain has events but no head: its record of the last event was removed' });
  }
  return { ok: problems.length === 0, events: chain.length, unchained, problems };
}
