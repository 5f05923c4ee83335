// An insider with the database's rights can rewrite the audit trail so that its hash chain checks
// out: delete the last events and rewind the head, or change a ballot and recompute every hash
// after it. The chain heads signed at the session's milestones, with a key the database does not
// hold, catch both: in GET /audit/verify and in bin/verify-audit.ts.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditEventHash, type ChainProblem } from '../../documents/audit-chain.ts';
import { verifyExportBundle } from '../../documents/export-bundle.ts';
import { generateSignerKeyPair } from '../../documents/signatures.ts';
import { storedAuditEvent } from '../../prisma/audit-trail.ts';
import type { Database } from '../../prisma/database.ts';
import { apiClient, expectStatus, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { checkpointKeyPair, eventually, startHarness, type Harness } from '../support/harness.ts';

type Transaction = Parameters<Parameters<Database['$transaction']>[0]>[0];
interface Verification { ok: boolean; committees: Array<{ committeeId: string; ok: boolean; checkpoints: number; lastCheckpointSeq?: number; problems: ChainProblem[] }> }

let h: Harness;
let call: ReturnType<typeof apiClient>;
let auditor: string;
let committeeId: string;
let sessionId: string;
let workdir: string;
let keyFile: string;

async function votedSession(): Promise<{ committeeId: string; sessionId: string }> {
  const secretary = await h.token({ subject: 'secretary@checkpoints', roles: ['secretary'] });
  const committee = expectStatus<{ id: string; members: Array<{ id: string; role: string }> }>(await call('POST', '/committees', secretary, committeeInput(` checkpoints ${randomUUID()}`)), 201);
  const voters = committee.members.filter((m) => ['board_member', 'prefect', 'mayor', 'epci_president'].includes(m.role));
  const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(10), mode: 'remote' }), 201);
  const base = `/sessions/${session.id}`;
  const item = expectStatus<{ id: string; candidates: Array<{ applicationId: string }> }>(await call('POST', `${base}/agenda-items`, secretary, agendaItemInput('CKP-1')), 201);
  expectStatus(await call('POST', `${base}/agenda/publish`, secretary), 200);
  await untilConvened(call, base, secretary);
  expectStatus(await call('POST', `${base}/open`, secretary), 200);
  for (const m of voters) expectStatus(await call('POST', `${base}/attendance`, secretary, { memberId: m.id, present: true }), 200);
  expectStatus(await call('POST', `${base}/agenda-items/${item.id}/vote/open`, secretary, {
    proposal: item.candidates.map((c, i) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: i + 1 })),
  }), 200);
  for (const [i, m] of voters.entries()) {
    expectStatus(await call('POST', `${base}/agenda-items/${item.id}/votes`, await h.token({ subject: m.id, memberId: m.id, roles: ['member'] }), { choice: i < 6 ? 'for' : 'against' }), 200);
  }
  expectStatus(await call('POST', `${base}/agenda-items/${item.id}/vote/close`, secretary), 200);
  return { committeeId: committee.id, sessionId: session.id };
}

beforeAll(async () => {
  h = await startHarness('audit-checkpoints');
  call = apiClient(h);
  auditor = await h.token({ subject: 'auditor@checkpoints', roles: ['auditor'] });
  ({ committeeId, sessionId } = await votedSession());
  // The vote's close is a milestone: the chain's head is signed once it is stored.
  await eventually(() => h.db.auditCheckpoint.count({ where: { committeeId } }), (n) => n > 0, 30_000);
  workdir = await mkdtemp(join(tmpdir(), 'caleol-checkpoints-'));
  keyFile = join(workdir, 'checkpoint-public.pem');
  await writeFile(keyFile, checkpointKeyPair.publicKeyPem);
});
afterAll(async () => {
  await h?.db.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
  await h?.close();
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

async function verify(): Promise<Verification['committees'][number]> {
  return expectStatus<Verification>(await call('GET', `/audit/verify?committeeId=${committeeId}`, auditor), 200).committees[0]!;
}

function runVerifyAudit(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../bin/verify-audit.ts', import.meta.url)), ...args], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
    }, (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }));
  });
}

/** As the table's owner could: the guard trigger off for this transaction only; undone at the end. */
async function tamperedThen(tamper: (tx: Transaction) => Promise<unknown>, check: () => Promise<void>): Promise<void> {
  const rows = await h.db.$queryRawUnsafe<Array<{ row: string }>>('SELECT to_jsonb(a)::text AS row FROM audit_event a WHERE committee_id = $1::uuid ORDER BY id', committeeId);
  const head = await h.db.auditChainHead.findUniqueOrThrow({ where: { committeeId } });
  await h.db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await tamper(tx);
    await tx.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
  });
  try {
    await check();
  } finally {
    await h.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      await tx.$executeRawUnsafe('DELETE FROM audit_event WHERE committee_id = $1::uuid', committeeId);
      await tx.$executeRawUnsafe('INSERT INTO audit_event SELECT r.* FROM jsonb_populate_recordset(NULL::audit_event, $1::jsonb) r', `[${rows.map((r) => r.row).join(',')}]`);
      await tx.auditChainHead.update({ where: { committeeId }, data: { seq: head.seq, hash: head.hash } });
      await tx.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    });
  }
}

describe('signed checkpoints of the audit trail', () => {
  it('vouch for the intact trail, which holds every step the workflow recorded', async () => {
    const replay = expectStatus<{ ok: boolean; trail: { recorded: number; stored: number; problems: string[] } }>(await call('POST', `/sessions/${sessionId}/replay`, auditor), 200);
    expect(replay.trail.problems).toEqual([]);
    expect(replay.trail.recorded).toBe(replay.trail.stored);
    expect(replay.trail.recorded).toBeGreaterThan(10);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.checkpoints).toBeGreaterThan(0);
    const command = await runVerifyAudit('--committee', committeeId, '--checkpoint-keys', keyFile);
    expect(command.stdout).toMatch(/^OK .* signed checkpoint\(s\) checked/m);
    expect(command.code).toBe(0);
  });

  it('catch the last events deleted and the head rewound onto the event before them', async () => {
    const { lastCheckpointSeq } = await verify();
    await tamperedThen(async (tx) => {
      const keep = await tx.auditEvent.findFirstOrThrow({ where: { committeeId, seq: lastCheckpointSeq! - 3 } });
      await tx.$executeRawUnsafe('DELETE FROM audit_event WHERE committee_id = $1::uuid AND seq > $2', committeeId, keep.seq);
      await tx.auditChainHead.update({ where: { committeeId }, data: { seq: keep.seq!, hash: keep.hash! } });
    }, async () => {
      const result = await verify();
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/no longer holds seq \d+: events were deleted and the head rewound/) })]);
      const command = await runVerifyAudit('--committee', committeeId, '--checkpoint-keys', keyFile);
      expect(command.stdout).toMatch(/events were deleted and the head rewound/);
      expect(command.code).toBe(1);
    });
    expect((await verify()).ok).toBe(true);
  });

  it('catch a ballot rewritten and every hash after it recomputed as the application would', async () => {
    await tamperedThen(async (tx) => {
      const rows = await tx.auditEvent.findMany({ where: { committeeId }, orderBy: { seq: 'asc' } });
      const ballot = rows.find((r) => r.type === 'vote_cast' && (r.payload as { choice: string }).choice === 'against')!;
      let prevHash = rows.find((r) => r.seq === ballot.seq! - 1)!.hash!;
      for (const row of rows.filter((r) => r.seq! >= ballot.seq!)) {
        const payload = row.id === ballot.id ? { ...(row.payload as object), choice: 'for' } : row.payload;
        const hash = auditEventHash({ ...storedAuditEvent({ ...row, payload }), seq: row.seq!, prevHash });
        await tx.$executeRawUnsafe('UPDATE audit_event SET payload = $1::jsonb, prev_hash = $2, hash = $3 WHERE id = $4', JSON.stringify(payload), prevHash, hash, row.id);
        prevHash = hash;
      }
      await tx.auditChainHead.update({ where: { committeeId }, data: { hash: prevHash } });
    }, async () => {
      const result = await verify();
      expect(result.ok).toBe(false);
      // The chain itself checks out; only the signed heads do not.
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems.every((p) => /another hash than the one signed: the chain was rewritten and its hashes recomputed/.test(p.message))).toBe(true);
      const command = await runVerifyAudit('--committee', committeeId, '--checkpoint-keys', keyFile);
      expect(command.code).toBe(1);
      // The export carries the checkpoints: checked offline against the deployment's key, it fails too.
      const exported = await call('GET', `/sessions/${sessionId}/export`, auditor);
      expect(exported.statusCode).toBe(200);
      const offline = await verifyExportBundle(exported.rawPayload.toString('utf8'), [checkpointKeyPair.publicKeyPem]);
      expect(offline.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^trail: checkpoint of seq \d+ .* the chain was rewritten/)]));
      // And the session's own history, in Temporal, says which ballot the trail no longer holds as recorded.
      const replay = expectStatus<{ ok: boolean; trail: { problems: string[] } }>(await call('POST', `/sessions/${sessionId}/replay`, auditor), 200);
      expect(replay.ok).toBe(false);
      expect(replay.trail.problems).toEqual([expect.stringMatching(/^step \d+ \(vote_cast\) in the trail is not the one the workflow recorded: changed$/)]);
    });
    expect((await verify()).ok).toBe(true);
  });

  it('go with the export, which checks offline against the deployment\'s key and not against another', async () => {
    const exported = (await call('GET', `/sessions/${sessionId}/export`, auditor)).rawPayload.toString('utf8');
    const bundle = JSON.parse(exported) as { body: { trail: { checkpoints: unknown[] } } };
    expect(bundle.body.trail.checkpoints.length).toBeGreaterThan(0);
    // The session has no minutes yet: that is the bundle's only remark.
    expect(await verifyExportBundle(exported, [checkpointKeyPair.publicKeyPem])).toEqual({ ok: false, problems: ['minutes: none'] });
    const stranger = generateSignerKeyPair().publicKeyPem;
    expect((await verifyExportBundle(exported, [stranger])).problems).toEqual(expect.arrayContaining([expect.stringMatching(/not signed by a known checkpoint key/)]));
  });

  it('catch a checkpoint forged without the key', async () => {
    const last = await h.db.auditCheckpoint.findFirstOrThrow({ where: { committeeId }, orderBy: { seq: 'desc' } });
    const forged = await h.db.auditCheckpoint.create({ data: { ...last, id: randomUUID(), signature: Buffer.alloc(64).toString('base64'), reason: 'forged' } });
    try {
      expect((await verify()).problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/not signed by a known checkpoint key/) })]);
    } finally {
      await h.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('ALTER TABLE audit_checkpoint DISABLE TRIGGER audit_checkpoint_append_only');
        await tx.auditCheckpoint.delete({ where: { id: forged.id } });
        await tx.$executeRawUnsafe('ALTER TABLE audit_checkpoint ENABLE TRIGGER audit_checkpoint_append_only');
      });
    }
  });
});
