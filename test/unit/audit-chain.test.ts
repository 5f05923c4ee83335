// The audit trail's hash chain, checked in memory: chains built with `auditEventHash` as
// `appendAuditEvent` builds them, then tampered with as someone with the database's rights could.
import { describe, expect, it } from 'vitest';
import { auditEventHash, chainGenesis, verifyAuditChain, type ChainProblem, type StoredAuditEvent } from '../../documents/audit-chain.ts';

const committeeId = '0b6f3c8e-4d2a-4f1e-9c55-3a7d2e1b9f00';
const sessionId = '7c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

interface Chain {
  rows: StoredAuditEvent[];
  head: { seq: number; hash: string } | null;
  /** The last id written before the chain existed, as the migration records it. */
  lastUnchainedId: bigint;
}

/** `count` chained events after `legacy` rows written before the chain, ids from `firstId` on. */
function chain(count: number, { legacy = 0, firstId = 100 } = {}): Chain {
  const rows: StoredAuditEvent[] = [];
  let id = firstId;
  for (let i = 0; i < legacy; i++) {
    rows.push({
      id: String(id++), committeeId, sessionId: null, seq: null, prevHash: null, hash: null, type: 'rules_changed', actor: 'staff:old',
      dedupeKey: `legacy:${i}`, occurredAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(), payload: { version: i + 1 },
    });
  }
  let prevHash = chainGenesis;
  for (let seq = 1; seq <= count; seq++) {
    const content = {
      committeeId, sessionId: seq % 2 ? sessionId : null, seq, type: seq % 3 ? 'step' : 'vote_cast', actor: `staff:s${seq}`,
      dedupeKey: `event:${seq}`, occurredAt: new Date(Date.UTC(2026, 0, 1, 9, 0, seq, 123)).toISOString(),
      payload: { seq, choice: 'for', nested: { b: [1, 2.5, 'é'], a: null } }, prevHash,
    };
    const hash = auditEventHash(content);
    rows.push({ id: String(id++), ...content, hash });
    prevHash = hash;
  }
  return { rows, head: count > 0 ? { seq: count, hash: prevHash } : null, lastUnchainedId: BigInt(firstId + legacy - 1) };
}

const verify = (c: Chain) => verifyAuditChain(c.rows, c.head, c.lastUnchainedId);
const idOfSeq = (c: Chain, seq: number) => c.rows.find((r) => r.seq === seq)!.id;

/** The chained rows put in the table in the order of `seqs` (ids given anew, as a move in the table gives them). */
function inTableOrder(c: Chain, seqs: number[]): Chain {
  const firstId = Number(c.rows.find((r) => r.seq !== null)!.id);
  const legacy = c.rows.filter((r) => r.seq === null);
  const moved = seqs.map((seq, i) => ({ ...c.rows.find((r) => r.seq === seq)!, id: String(firstId + i) }));
  return { ...c, rows: [...legacy, ...moved] };
}
const problem = (at: string, message: RegExp): ChainProblem => expect.objectContaining({ at, message: expect.stringMatching(message) }) as ChainProblem;

describe('auditEventHash', () => {
  const content = chain(1).rows[0]! as Parameters<typeof auditEventHash>[0];

  it('is a SHA-256 hex digest that does not depend on the order of the payload\'s keys', () => {
    const hash = auditEventHash(content);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditEventHash({ ...content, payload: { nested: { a: null, b: [1, 2.5, 'é'] }, choice: 'for', seq: 1 } })).toBe(hash);
  });

  it('covers every field of the event and the previous hash', () => {
    const hash = auditEventHash(content);
    const changes: Array<Partial<typeof content>> = [
      { committeeId: '1b6f3c8e-4d2a-4f1e-9c55-3a7d2e1b9f00' }, { sessionId: null }, { seq: 2 }, { type: 'other' }, { actor: 'staff:x' },
      { dedupeKey: 'event:x' }, { occurredAt: '2026-01-01T09:00:01.124Z' }, { payload: { seq: 1 } }, { prevHash: '1'.repeat(64) },
    ];
    for (const change of changes) expect(auditEventHash({ ...content, ...change }), JSON.stringify(change)).not.toBe(hash);
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain and counts its events', () => {
    expect(verify(chain(6))).toEqual({ ok: true, events: 6, unchained: 0, problems: [] });
  });

  it('accepts an empty trail, with no head', () => {
    expect(verifyAuditChain([], null)).toEqual({ ok: true, events: 0, unchained: 0, problems: [] });
  });

  it('accepts rows written before the chain existed, counted apart', () => {
    expect(verify(chain(4, { legacy: 3 }))).toEqual({ ok: true, events: 4, unchained: 3, problems: [] });
    expect(verify(chain(0, { legacy: 2 }))).toEqual({ ok: true, events: 0, unchained: 2, problems: [] });
  });

  it('takes rows without seq or hash for legacy rows only up to the last id written before the chain', () => {
    const c = chain(2, { legacy: 2 });
    // Without a cutoff (no event before the chain), none is.
    expect(verifyAuditChain(c.rows, c.head)).toEqual({
      ok: false, events: 4, unchained: 0,
      problems: [problem('100', /^event 100, rules_changed, is not in the chain: inserted outside the application$/), problem('101', /^event 101, rules_changed, is not in the chain/)],
    });
    // The cutoff is inclusive: the last legacy row is legacy, the one after it is not.
    expect(verifyAuditChain(c.rows, c.head, 101n)).toMatchObject({ ok: true, unchained: 2 });
    expect(verifyAuditChain(c.rows, c.head, 100n)).toEqual({ ok: false, events: 3, unchained: 1, problems: [problem('101', /is not in the chain: inserted outside the application/)] });
  });

  it('finds a row without seq or hash inserted after the chain started, even when legacy rows exist', () => {
    const c = chain(3, { legacy: 2 });
    const forged = { ...c.rows[0]!, id: '105', type: 'vote_cast', dedupeKey: 'forged' };
    c.rows.push(forged);
    expect(verify(c)).toEqual({
      ok: false, events: 4, unchained: 2,
      problems: [problem('105', /^event 105, vote_cast, is not in the chain: inserted outside the application$/)],
    });
  });

  it('finds a changed payload, actor, type, date or session, at the changed row', () => {
    const changes: Array<Partial<StoredAuditEvent>> = [
      { payload: { seq: 3, choice: 'against', nested: { b: [1, 2.5, 'é'], a: null } } }, { actor: 'staff:mallory' }, { type: 'forged' },
      { occurredAt: '2026-01-01T09:00:03.124Z' }, { sessionId: null }, { dedupeKey: 'event:other' },
    ];
    for (const change of changes) {
      const c = chain(5);
      c.rows[2] = { ...c.rows[2]!, ...change };
      const result = verify(c);
      expect(result.ok, JSON.stringify(change)).toBe(false);
      expect(result.problems).toEqual([problem(idOfSeq(c, 3), /changed after it was written/)]);
    }
  });

  it('finds a rewritten hash: the row no longer matches it and the next one no longer follows', () => {
    const c = chain(5);
    c.rows[1] = { ...c.rows[1]!, hash: 'f'.repeat(64) };
    const result = verify(c);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([problem(idOfSeq(c, 2), /changed after it was written/), problem(idOfSeq(c, 3), /does not follow/)]);
  });

  it('finds a row changed and rehashed: the next row no longer follows it', () => {
    const c = chain(5);
    const changed = { ...c.rows[2]!, actor: 'staff:mallory' };
    c.rows[2] = { ...changed, hash: auditEventHash({ ...changed, seq: 3, prevHash: changed.prevHash! }) };
    const result = verify(c);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([problem(idOfSeq(c, 4), /does not follow the event before it/)]);
  });

  it('finds the last row changed and rehashed: the head names another event', () => {
    const c = chain(5);
    const changed = { ...c.rows[4]!, payload: { forged: true } };
    c.rows[4] = { ...changed, hash: auditEventHash({ ...changed, seq: 5, prevHash: changed.prevHash! }) };
    expect(verify(c).problems).toEqual([problem('5', /last event \(seq 5\) is not the one that was written/)]);
  });

  it('finds a middle row deleted, at its seq', () => {
    const c = chain(6);
    const next = idOfSeq(c, 4);
    c.rows.splice(2, 1);
    const result = verify(c);
    expect(result).toMatchObject({ ok: false, events: 5 });
    // The break is the missing seq; the row after it is not blamed as well.
    expect(result.problems).toEqual([problem('3', new RegExp(`^seq 3 is missing before event ${next} \\(seq 4\\): deleted$`))]);
  });

  it('finds several consecutive rows deleted, naming the range', () => {
    const c = chain(7);
    c.rows.splice(1, 3);
    expect(verify(c).problems).toEqual([problem('2', new RegExp(`^seq 2 to 4 are missing before event ${idOfSeq(c, 5)} \\(seq 5\\): deleted$`))]);
  });

  it('finds the first row deleted', () => {
    const c = chain(4);
    c.rows.shift();
    expect(verify(c).problems).toEqual([problem('1', /^seq 1 is missing before event 101 \(seq 2\): deleted$/)]);
  });

  it('finds the first chained row turned into a legacy row: its id is after the chain started', () => {
    const c = chain(4, { legacy: 1 });
    const stripped = c.rows[1]!.id;
    c.rows[1] = { ...c.rows[1]!, seq: null, prevHash: null, hash: null };
    expect(verify(c)).toEqual({
      ok: false, events: 4, unchained: 1,
      problems: [problem(stripped, /is not in the chain: inserted outside the application/), problem('1', /^seq 1 is missing before event \d+ \(seq 2\): deleted$/)],
    });
  });

  it('finds the last row deleted: the head is ahead of the chain', () => {
    const c = chain(5);
    c.rows.pop();
    expect(verify(c)).toMatchObject({ ok: false, events: 4, problems: [problem('5', /ends at seq 4 but 5 events were written: the last 1 were deleted/)] });
  });

  it('finds every chained row deleted while the head remains', () => {
    const c = chain(3, { legacy: 2 });
    c.rows.splice(2);
    expect(verify(c)).toEqual({ ok: false, events: 0, unchained: 2, problems: [problem('1', /^the chain ends at seq 0 but 3 events were written: the last 3 were deleted$/)] });
  });

  it('finds a head missing while chained events exist, at the first chained event', () => {
    const c = chain(3, { legacy: 1 });
    expect(verifyAuditChain(c.rows, null, c.lastUnchainedId)).toEqual({
      ok: false, events: 3, unchained: 1, problems: [problem(c.rows[1]!.id, /^the chain has events but no head/)],
    });
  });

  it('finds a row inserted without seq or hash after the chain started', () => {
    const c = chain(4);
    const forged = { ...c.rows[3]!, id: '999', seq: null, prevHash: null, hash: null, type: 'vote_cast', dedupeKey: 'forged' };
    c.rows.push(forged);
    expect(verify(c)).toMatchObject({ ok: false, problems: [problem('999', /^event 999, vote_cast, is not in the chain: inserted outside the application$/)] });
    // Between two chained rows (the ids after it moved up by one, as the table would number them).
    const inMiddle = chain(4);
    inMiddle.rows.splice(2, 0, { ...forged, id: '102' });
    inMiddle.rows.slice(3).forEach((r, i) => { r.id = String(103 + i); });
    expect(verify(inMiddle).problems).toEqual([problem('102', /^event 102, vote_cast, is not in the chain/)]);
  });

  it('finds a row inserted with a made-up seq and hash', () => {
    const c = chain(4);
    c.rows.push({ ...c.rows[3]!, id: '999', seq: 5, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64), dedupeKey: 'forged' });
    const result = verify(c);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([
      problem('999', /does not follow/), problem('999', /changed after it was written/), problem('5', /events after seq 4 were not written by the application/),
    ]));
  });

  it('finds a row appended with a correctly computed hash: the head does not know it', () => {
    const c = chain(4);
    const content = { ...c.rows[3]!, seq: 5, prevHash: c.head!.hash, dedupeKey: 'forged', actor: 'staff:mallory' };
    c.rows.push({ ...content, id: '999', hash: auditEventHash(content) });
    expect(verify(c).problems).toEqual([problem('5', /events after seq 4 were not written by the application/)]);
  });

  it('finds two rows swapped in the table (ids): the one that comes too early and the one out of place', () => {
    const c = chain(6);
    const [third, fourth] = [c.rows[2]!, c.rows[3]!];
    c.rows[2] = { ...fourth, id: third.id };
    c.rows[3] = { ...third, id: fourth.id };
    const result = verify(c);
    expect(result).toMatchObject({ ok: false, events: 6 });
    expect(result.problems).toEqual([
      problem(third.id, new RegExp(`^event ${third.id} \\(seq 4\\) comes before seq 3: the rows were reordered$`)),
      problem(fourth.id, new RegExp(`^event ${fourth.id} \\(seq 3\\) is out of place, after seq 4: the rows were reordered or a seq was rewritten$`)),
    ]);
  });

  it('finds two rows\' seq swapped, at the rewritten rows', () => {
    const c = chain(6);
    c.rows[2] = { ...c.rows[2]!, seq: 4 };
    c.rows[3] = { ...c.rows[3]!, seq: 3 };
    const result = verify(c);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([
      problem(c.rows[2]!.id, /\(seq 4\), vote_cast, was changed after it was written/),
      problem(c.rows[2]!.id, /\(seq 4\) comes before seq 3: the rows were reordered/),
      problem(c.rows[3]!.id, /\(seq 3\), step, was changed after it was written/),
      problem(c.rows[3]!.id, /\(seq 3\) is out of place, after seq 4: the rows were reordered or a seq was rewritten/),
    ]));
    expect(result.problems.filter((p) => /deleted|missing|not written/.test(p.message))).toEqual([]);
  });

  it('finds a row moved further down the table, without calling anything deleted', () => {
    const c = inTableOrder(chain(6), [1, 2, 4, 5, 3, 6]);
    expect(verify(c)).toEqual({
      ok: false, events: 6, unchained: 0,
      problems: [
        problem('102', /^event 102 \(seq 4\) comes before seq 3: the rows were reordered$/),
        problem('104', /^event 104 \(seq 3\) is out of place, after seq 5: the rows were reordered or a seq was rewritten$/),
      ],
    });
  });

  it('finds the last row moved to the top of the table: the head still matches, nothing was deleted', () => {
    const c = inTableOrder(chain(4), [4, 1, 2, 3]);
    const result = verify(c);
    expect(result.problems[0]).toEqual(problem('100', /^event 100 \(seq 4\) comes before seq 1, 2, 3: the rows were reordered$/));
    expect(result.problems.slice(1)).toEqual([1, 2, 3].map((seq) => problem(String(100 + seq), new RegExp(`\\(seq ${seq}\\) is out of place, after seq 4`))));
  });

  it('tells a moved row from a deleted one when both happened: only the seq found nowhere is deleted', () => {
    const c = inTableOrder(chain(6), [1, 2, 5, 3, 6]);
    expect(verify(c)).toEqual({
      ok: false, events: 5, unchained: 0,
      problems: [
        problem('102', /^event 102 \(seq 5\) comes before seq 3: the rows were reordered$/),
        problem('4', /^seq 4 is missing before event 102 \(seq 5\): deleted$/),
        problem('103', /^event 103 \(seq 3\) is out of place, after seq 5/),
      ],
    });
  });

  it('does not mistake a swap for a deletion: no seq is missing, each is only out of place', () => {
    const c = chain(6);
    const [third, fourth] = [c.rows[2]!, c.rows[3]!];
    c.rows[2] = { ...fourth, id: third.id };
    c.rows[3] = { ...third, id: fourth.id };
    expect(verify(c).problems.filter((p) => /deleted|missing/.test(p.message))).toEqual([]);
  });

  it('blames only the swapped rows, not the intact rows after them', () => {
    const c = chain(6);
    const [third, fourth] = [c.rows[2]!, c.rows[3]!];
    c.rows[2] = { ...fourth, id: third.id };
    c.rows[3] = { ...third, id: fourth.id };
    const intact = new Set([idOfSeq(c, 5), idOfSeq(c, 6), '5', '6']);
    expect(verify(c).problems.filter((p) => intact.has(p.at))).toEqual([]);
  });

  it('checks the chain after legacy rows, and reports breaks there', () => {
    const c = chain(4, { legacy: 2 });
    c.rows[3] = { ...c.rows[3]!, payload: { forged: true } };
    expect(verify(c)).toEqual({ ok: false, events: 4, unchained: 2, problems: [problem(c.rows[3]!.id, /^event 103 \(seq 2\), step, was changed after/)] });
  });
});
