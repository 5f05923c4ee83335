// The audit trail's hash chain in PostgreSQL: events written by the API and the session workflow
// chain up per committee, the table refuses UPDATE and DELETE, and when someone with the table
// owner's rights gets round that, GET /audit/verify and bin/verify-audit.ts say where.
import { execFile } from 'node:child_process';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditEventHash, chainGenesis, type ChainProblem } from '../../documents/audit-chain.ts';
import { storedAuditEvent, verifyAuditTrail } from '../../prisma/audit-trail.ts';
import { createDatabase, type Database } from '../../prisma/database.ts';
import { defaultCommitteeRules } from '../../domain/rules/index.ts';
import { apiClient, expectStatus, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon, soonSittingRules } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;
let auditor: string;
let ops: string;

type Transaction = Parameters<Parameters<Database['$transaction']>[0]>[0];

interface CommitteeView { id: string; members: Array<{ id: string; name: string; role: string; chair: boolean }> }
interface Verification {
  ok: boolean;
  committees: Array<{ committeeId: string; ok: boolean; events: number; unchained: number; problems: ChainProblem[] }>;
}

beforeAll(async () => {
  h = await startHarness('audit-trail');
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@audit-trail', roles: ['secretary'] });
  auditor = await h.token({ subject: 'auditor@audit-trail', roles: ['auditor'] });
  ops = await h.token({ subject: 'ops@audit-trail', roles: ['ops'] });
});
afterAll(async () => {
  // Whatever happened in a test, the table is left guarded.
  await h?.db.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
  await h?.close();
});

/** A committee of its own: other test files write to the same database. */
async function newCommittee(label: string): Promise<CommitteeView> {
  return expectStatus<CommitteeView>(await call('POST', '/committees', secretary, committeeInput(` audit-trail ${label} ${randomUUID()}`)), 201);
}

async function verify(committeeId: string, token = auditor): Promise<Verification['committees'][number]> {
  const body = expectStatus<Verification>(await call('GET', `/audit/verify?committeeId=${committeeId}`, token), 200);
  expect(body.committees.map((c) => c.committeeId)).toEqual([committeeId]);
  expect(body.ok).toBe(body.committees[0]!.ok);
  return body.committees[0]!;
}

const auditRows = (committeeId: string) => h.db.auditEvent.findMany({ where: { committeeId }, orderBy: { id: 'asc' } });

/** Every column of every event of the committee, as PostgreSQL has it, in table order. */
async function trailSnapshot(committeeId: string): Promise<string[]> {
  const rows = await h.db.$queryRawUnsafe<Array<{ row: string }>>(
    'SELECT to_jsonb(a)::text AS row FROM audit_event a WHERE committee_id = $1::uuid ORDER BY id', committeeId);
  return rows.map((r) => r.row);
}

/**
 * Runs `tamper` as the table's owner could: the guard trigger disabled for the transaction only
 * (DDL is transactional, so no other connection ever sees the table unguarded).
 */
async function asTableOwner(tamper: (tx: Transaction) => Promise<unknown>): Promise<void> {
  await h.db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    try {
      await tamper(tx);
    } finally {
      await tx.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    }
  });
}

/** Puts the committee's trail back exactly as `snapshot` had it: same ids, same values. */
async function restore(committeeId: string, snapshot: string[]): Promise<void> {
  const original = `[${snapshot.join(',')}]`;
  await asTableOwner(async (tx) => {
    await tx.$executeRawUnsafe(`DELETE FROM audit_event a WHERE a.committee_id = $1::uuid
      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements($2::jsonb) s WHERE s.value = to_jsonb(a))`, committeeId, original);
    await tx.$executeRawUnsafe(`INSERT INTO audit_event SELECT r.* FROM jsonb_populate_recordset(NULL::audit_event, $1::jsonb) r
      WHERE NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.id = r.id)`, original);
  });
  expect(await trailSnapshot(committeeId)).toEqual(snapshot);
}

const problem = (at: string | bigint | number, message: RegExp): ChainProblem =>
  expect.objectContaining({ at: String(at), message: expect.stringMatching(message) }) as ChainProblem;

function runVerifyAudit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../bin/verify-audit.ts', import.meta.url)), ...args], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
    }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

describe('the audit trail of a committee', () => {
  let committee: CommitteeView;
  let snapshot: string[];

  beforeAll(async () => {
    committee = await newCommittee('chain');
    const rules = (threshold: number) => ({ ...defaultCommitteeRules, ...soonSittingRules, quorum: { ...defaultCommitteeRules.quorum, threshold } });
    expectStatus(await call('PUT', `/committees/${committee.id}/rules`, secretary, rules(0.6)), 200);
    expectStatus(await call('PUT', `/committees/${committee.id}/rules`, secretary, rules(0.5)), 200);
    const board = committee.members.filter((m) => m.role === 'board_member');
    const chair = board[0]!;
    expectStatus(await call('POST', `/committees/${committee.id}/chair-election`, secretary, { ballots: board.map((m) => ({ voterId: m.id, candidateId: chair.id })) }), 200);
    const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(15), mode: 'in_person' }), 201);
    expectStatus(await call('POST', `/sessions/${session.id}/agenda-items`, secretary, agendaItemInput(`AUD-${session.id.slice(0, 8)}`)), 201);
    expectStatus(await call('POST', `/sessions/${session.id}/agenda/publish`, secretary), 200);
    await untilConvened(call, `/sessions/${session.id}`, secretary);
    // The workflow persists its steps, then convenes the members; after that it waits for the session day.
    await eventually(() => auditRows(committee.id), (rows) => rows.some((r) => r.type === 'convocations_sent'), 30_000);
    snapshot = await trailSnapshot(committee.id);
  });

  it('chains every writer\'s events: seq 1..n in table order, each linked to the one before, the head on the last', async () => {
    const rows = await auditRows(committee.id);
    expect(rows.map((r) => r.type)).toEqual(expect.arrayContaining([
      'rules_changed', 'chair_election', 'session_scheduled', 'agenda_item_added', 'agenda_published', 'convocations_sent',
    ]));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    rows.forEach((r, i) => {
      expect(r.prevHash).toBe(i === 0 ? chainGenesis : rows[i - 1]!.hash);
      const stored = storedAuditEvent(r);
      expect(auditEventHash({ ...stored, seq: r.seq!, prevHash: r.prevHash! })).toBe(r.hash);
    });
    expect(await h.db.auditChainHead.findUnique({ where: { committeeId: committee.id } })).toMatchObject({ seq: rows.length, hash: rows.at(-1)!.hash });
    expect(await verify(committee.id)).toEqual({ committeeId: committee.id, ok: true, events: rows.length, unchained: 0, checkpoints: 0, problems: [] });
  });

  it('is append-only: PostgreSQL refuses UPDATE and DELETE', async () => {
    const [first] = await auditRows(committee.id);
    // Each statement on a connection of its own, in a transaction never committed: a missing
    // guard could not lose the row, and a refused statement leaves no connection of the app's
    // out of step (the embedded server's protocol slips after an error on a connection).
    const refused = async (sql: string): Promise<string> => {
      const client = new pg.Client({ connectionString: inject('databaseUrl') });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(sql);
        return `not refused: ${sql}`;
      } catch (error) {
        return (error as Error).message;
      } finally {
        await client.end().catch(() => undefined);
      }
    };
    expect(await refused(`UPDATE audit_event SET actor = 'staff:mallory' WHERE id = ${first!.id}`)).toMatch(/append-only/);
    expect(await refused(`DELETE FROM audit_event WHERE id = ${first!.id}`)).toMatch(/append-only/);
    expect(await refused('TRUNCATE audit_event')).toMatch(/append-only/);
    expect(await trailSnapshot(committee.id)).toEqual(snapshot);
  });

  describe('tampered with by someone with the table owner\'s rights', () => {
    it('a payload field changed is found at its row', async () => {
      const rows = await auditRows(committee.id);
      const target = rows.find((r) => r.type === 'rules_changed')!;
      await asTableOwner((tx) => tx.$executeRawUnsafe('UPDATE audit_event SET payload = jsonb_set(payload, \'{version}\', \'99\') WHERE id = $1', target.id));
      try {
        const result = await verify(committee.id);
        expect(result.ok).toBe(false);
        expect(result.problems).toEqual([problem(target.id, /rules_changed, was changed after it was written/)]);
      } finally {
        await restore(committee.id, snapshot);
      }
      expect((await verify(committee.id)).ok).toBe(true);
    });

    it('an actor changed is found at its row', async () => {
      const target = (await auditRows(committee.id)).find((r) => r.type === 'chair_election')!;
      await asTableOwner((tx) => tx.$executeRawUnsafe('UPDATE audit_event SET actor = \'staff:someone-else\' WHERE id = $1', target.id));
      try {
        expect((await verify(committee.id)).problems).toEqual([problem(target.id, /chair_election, was changed after it was written/)]);
      } finally {
        await restore(committee.id, snapshot);
      }
      expect((await verify(committee.id)).ok).toBe(true);
    });

    it('a middle row deleted is found at its seq', async () => {
      const rows = await auditRows(committee.id);
      const target = rows[2]!;
      await asTableOwner((tx) => tx.$executeRawUnsafe('DELETE FROM audit_event WHERE id = $1', target.id));
      try {
        const result = await verify(committee.id);
        expect(result).toMatchObject({ ok: false, events: rows.length - 1 });
        expect(result.problems).toEqual([problem(target.seq!, new RegExp(`^seq ${target.seq} is missing before event ${rows[3]!.id} \\(seq ${rows[3]!.seq}\\): deleted$`))]);
      } finally {
        await restore(committee.id, snapshot);
      }
      expect((await verify(committee.id)).ok).toBe(true);
    });

    it('the last row deleted is found: the head is ahead of the chain', async () => {
      const rows = await auditRows(committee.id);
      const last = rows.at(-1)!;
      await asTableOwner((tx) => tx.$executeRawUnsafe('DELETE FROM audit_event WHERE id = $1', last.id));
      try {
        expect((await verify(committee.id)).problems).toEqual([problem(last.seq!, new RegExp(`ends at seq ${last.seq! - 1} but ${last.seq} events were written`))]);
      } finally {
        await restore(committee.id, snapshot);
      }
      expect((await verify(committee.id)).ok).toBe(true);
    });

    it('two rows swapping places in the table (ids) is found at both: one comes too early, the other is out of place', async () => {
      const rows = await auditRows(committee.id);
      const [a, b] = [rows[3]!, rows[4]!];
      await asTableOwner(async (tx) => {
        await tx.$executeRawUnsafe('UPDATE audit_event SET id = $2 WHERE id = $1', a.id, -a.id);
        await tx.$executeRawUnsafe('UPDATE audit_event SET id = $2 WHERE id = $1', b.id, a.id);
        await tx.$executeRawUnsafe('UPDATE audit_event SET id = $2 WHERE id = $1', -a.id, b.id);
      });
      try {
        const result = await verify(committee.id);
        expect(result).toMatchObject({ ok: false, events: rows.length });
        // Nothing is called deleted, and the rows after the swapped ones are not blamed.
        expect(result.problems).toEqual([
          problem(a.id, new RegExp(`^event ${a.id} \\(seq ${b.seq}\\) comes before seq ${a.seq}: the rows were reordered$`)),
          problem(b.id, new RegExp(`^event ${b.id} \\(seq ${a.seq}\\) is out of place, after seq ${b.seq}: the rows were reordered or a seq was rewritten$`)),
        ]);
      } finally {
        await restore(committee.id, snapshot);
      }
      expect((await verify(committee.id)).ok).toBe(true);
    });

    it('two rows\' seq swapped is found at the rewritten rows', async () => {
      const rows = await auditRows(committee.id);
      const [a, b] = [rows[3]!, rows[4]!];
      await asTableOwner(async (tx) => {
        // (committee_id, seq) is unique: through a temporary value.
        await tx.$executeRawUnsafe('UPDATE audit_event SET seq = -1 WHERE id = $1', a.id);
        await tx.$executeRawUnsafe('UPDATE audit_event SET seq = $2 WHERE id = $1', b.id, a.seq);
        await tx.$executeRawUnsafe('UPDATE audit_event SET seq = $2 WHERE id = $1', a.id, b.seq);
      });
      try {
        const result = await verify(committee.id);
        expect(result.ok).toBe(false);
        expect(result.problems).toEqual(expect.arrayContaining([
          problem(a.id, new RegExp(`^event ${a.id} \\(seq ${b.seq}\\), ${a.type}, was changed after it was written`)),
          problem(a.id, new RegExp(`^event ${a.id} \\(seq ${b.seq}\\) comes before seq ${a.seq}: the rows were reordered$`)),
          problem(b.id, new RegExp(`^event ${b.id} \\(seq ${a.seq}\\), ${b.type}, was changed after it was written`)),
          problem(b.id, new RegExp(`^event ${b.id} \\(seq ${a.seq}\\) is out of place, after seq ${b.seq}: the rows were reordered or a seq was rewritten$`)),
        ]));
        expect(result.problems.filter((p) => /deleted|missing|not written/.test(p.message))).toEqual([]);
      } finally {
        await restore(committee.id, snapshot);
      }
      expect((await verify(committee.id)).ok).toBe(true);
    });

    it('a row inserted without seq or hash is found at its id: it comes after the last event written before the chain', async () => {
      const start = await h.db.auditChainStart.findUnique({ where: { id: 1 } });
      const [forged] = await h.db.$queryRawUnsafe<Array<{ id: bigint }>>(`INSERT INTO audit_event (committee_id, type, actor, payload, dedupe_key, occurred_at)
        VALUES ($1::uuid, 'vote_cast', 'staff:mallory', '{"choice": "for"}'::jsonb, $2, now()) RETURNING id`, committee.id, `forged:${randomUUID()}`);
      try {
        // The migration recorded where the unchained events end; this one is after it.
        expect(start).not.toBeNull();
        expect(forged!.id).toBeGreaterThan(start!.lastUnchainedId);
        const result = await verify(committee.id);
        expect(result).toMatchObject({ ok: false, events: snapshot.length + 1, unchained: 0 });
        expect(result.problems).toEqual([problem(forged!.id, new RegExp(`^event ${forged!.id}, vote_cast, is not in the chain: inserted outside the application$`))]);

        // Had it been written before the chain existed (the cutoff moved past it), it would be a legacy row.
        await h.db.auditChainStart.update({ where: { id: 1 }, data: { lastUnchainedId: forged!.id } });
        try {
          expect(await verify(committee.id)).toEqual({ committeeId: committee.id, ok: true, events: snapshot.length, unchained: 1, checkpoints: 0, problems: [] });
        } finally {
          await h.db.auditChainStart.update({ where: { id: 1 }, data: { lastUnchainedId: start!.lastUnchainedId } });
        }
      } finally {
        await restore(committee.id, snapshot);
      }
      expect((await verify(committee.id)).ok).toBe(true);
    });

    it('a row inserted with a made-up seq and hash is found, even with a hash computed as the application would', async () => {
      const rows = await auditRows(committee.id);
      const last = rows.at(-1)!;
      const insert = (hash: string, content: { dedupeKey: string; occurredAt: string }) => h.db.$queryRawUnsafe<Array<{ id: bigint }>>(
        `INSERT INTO audit_event (committee_id, type, actor, payload, dedupe_key, occurred_at, seq, prev_hash, hash)
         VALUES ($1::uuid, 'rules_changed', 'staff:mallory', '{"version": 9}'::jsonb, $2, $3::timestamptz, $4, $5, $6) RETURNING id`,
        committee.id, content.dedupeKey, content.occurredAt, last.seq! + 1, last.hash, hash);

      const [madeUp] = await insert('f'.repeat(64), { dedupeKey: `forged:${randomUUID()}`, occurredAt: new Date().toISOString() });
      try {
        const result = await verify(committee.id);
        expect(result.ok).toBe(false);
        expect(result.problems).toEqual(expect.arrayContaining([
          problem(madeUp!.id, /was changed after it was written/), problem(last.seq! + 1, new RegExp(`events after seq ${last.seq} were not written by the application`)),
        ]));
      } finally {
        await restore(committee.id, snapshot);
      }

      const content = { dedupeKey: `forged:${randomUUID()}`, occurredAt: new Date().toISOString() };
      const hash = auditEventHash({
        committeeId: committee.id, sessionId: null, seq: last.seq! + 1, type: 'rules_changed', actor: 'staff:mallory', ...content, payload: { version: 9 }, prevHash: last.hash!,
      });
      await insert(hash, content);
      try {
        expect((await verify(committee.id)).problems).toEqual([problem(last.seq! + 1, /not written by the application/)]);
      } finally {
        await restore(committee.id, snapshot);
      }
      expect(await verify(committee.id)).toMatchObject({ ok: true, events: snapshot.length, problems: [] });
    });

    it('after every restore the trail is as it was and checks out', async () => {
      expect(await trailSnapshot(committee.id)).toEqual(snapshot);
      expect(await verify(committee.id)).toEqual({ committeeId: committee.id, ok: true, events: snapshot.length, unchained: 0, checkpoints: 0, problems: [] });
    });
  });

  describe('GET /audit/verify', () => {
    it('is for auditors and ops only', async () => {
      const member = committee.members[1]!;
      const memberToken = await h.token({ subject: member.id, memberId: member.id, roles: ['member'] });
      const chairToken = await h.token({ subject: committee.members[0]!.id, memberId: committee.members[0]!.id, roles: ['member', 'chair'] });
      for (const token of [memberToken, chairToken, secretary]) {
        expect(expectStatus(await call('GET', `/audit/verify?committeeId=${committee.id}`, token), 403)).toMatchObject({ rule: 'role_required' });
      }
      expect((await h.app.inject({ method: 'GET', url: `/audit/verify?committeeId=${committee.id}` })).statusCode).toBe(401);
      expect(await verify(committee.id, ops)).toMatchObject({ ok: true, events: snapshot.length });
    });

    it('refuses a committee id that is not a UUID', async () => {
      expectStatus(await call('GET', '/audit/verify?committeeId=not-a-uuid', auditor), 400);
    });
  });

  describe('bin/verify-audit.ts', () => {
    it('exits 0 with OK on an intact trail, 1 naming the break on a tampered one, 2 on a usage error', async () => {
      const ok = await runVerifyAudit('--committee', committee.id);
      expect(ok.stdout).toContain(`OK     committee ${committee.id}: ${snapshot.length} event(s) in the chain`);
      expect(ok.code).toBe(0);

      const target = (await auditRows(committee.id)).find((r) => r.type === 'rules_changed')!;
      await asTableOwner((tx) => tx.$executeRawUnsafe('UPDATE audit_event SET payload = jsonb_set(payload, \'{version}\', \'99\') WHERE id = $1', target.id));
      let tampered: Awaited<ReturnType<typeof runVerifyAudit>>;
      try {
        tampered = await runVerifyAudit('--committee', committee.id);
      } finally {
        await restore(committee.id, snapshot);
      }
      expect(tampered.stdout).toContain(`FAILED committee ${committee.id}`);
      expect(tampered.stdout).toContain(`  - event ${target.id} (seq ${target.seq}), rules_changed, was changed after it was written`);
      expect(tampered.code).toBe(1);

      const bogus = await runVerifyAudit('--bogus');
      expect(bogus.code).toBe(2);
      expect(bogus.stderr).toContain('usage:');
      expect((await runVerifyAudit('--committee', committee.id)).code).toBe(0);
    });

    it('exits 2 for a committee that has no audit trail, rather than OK for nothing checked', async () => {
      const unknown = randomUUID();
      const result = await runVerifyAudit('--committee', unknown);
      expect(result.stderr).toContain(`verify-audit: committee ${unknown} has no audit trail`);
      expect(result.stderr).toContain('usage:');
      expect(result.stdout).not.toContain('OK');
      expect(result.code).toBe(2);
    });
  });
});

describe('verifyAuditTrail while the committee is being written to', () => {
  /** `promise`, or a failure after `ms`: a check that waits on a writer must not hang the run. */
  function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms); });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  // The embedded PostgreSQL holds other connections back while one is in a transaction: there
  // the append waits for the check to end (the snapshot is trivially the check's), elsewhere it
  // commits while the check's transaction is open. Either way the check sees one event and no break.
  const embedded = inject('embeddedDatabase');
  it('does not report a break when an event is appended between reading the rows and reading the head', async () => {
    const committee = await newCommittee('concurrent');
    expectStatus(await call('PUT', `/committees/${committee.id}/rules`, secretary, defaultCommitteeRules), 200);
    // The check runs on a client of its own: its transaction holds that client's one connection
    // while the API, on the harness's pool, records another event.
    const reader = createDatabase(inject('databaseUrl'), { maxConnections: 1 });
    let append: Promise<unknown> | undefined;
    let committedHead: { seq: number } | null = null;
    const racing = reader.$extends({
      query: {
        auditChainHead: {
          async findUnique({ args, query }) {
            if (!append) {
              const rules = { ...defaultCommitteeRules, quorum: { ...defaultCommitteeRules.quorum, threshold: 0.55 } };
              append = call('PUT', `/committees/${committee.id}/rules`, secretary, rules).then(async (res) => {
                expectStatus(res, 200);
                committedHead = await h.db.auditChainHead.findUnique({ where: { committeeId: committee.id } });
              });
              // Where the server lets it, the event is committed before the check reads the head.
              if (!embedded) await within(10_000, 'the concurrent append', append);
            }
            return query(args);
          },
        },
      },
    }) as unknown as Database;
    try {
      const [result] = await within(20_000, 'verifyAuditTrail', verifyAuditTrail(racing, committee.id));
      await within(10_000, 'the concurrent append', append!);
      expect(committedHead).toMatchObject({ seq: 2 });
      expect(await h.db.auditEvent.count({ where: { committeeId: committee.id } })).toBe(2);
      // The check saw the trail as it was when it began: one event, and the head on that one.
      expect(result).toEqual({ committeeId: committee.id, ok: true, events: 1, unchained: 0, checkpoints: 0, problems: [] });
    } finally {
      await reader.$disconnect();
    }
    expect(await verify(committee.id)).toMatchObject({ ok: true, events: 2, problems: [] });
  }, 30_000);
});
