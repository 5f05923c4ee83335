// What an auditor gets for a finished session, through the API and the offline commands: the
// decision history read from the audit trail, the replay of the workflow history (live from
// Temporal, then the copy archived in PostgreSQL once Temporal has deleted it) with the tallies
// and stored decisions checked again, and the export bundle whose every byte is verified.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeWorkflowBundle } from '../../bin/workflow-bundle.ts';
import { sha256Hex } from '../../documents/canonical-json.ts';
import { buildExportBundle, verifyExportBundle, type ExportBundle } from '../../documents/export-bundle.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { apiClient, expectStatus, signMinutesAs, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { testCodecKeys } from '../support/payload-keys.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
/** The same system, but its API replays with a bundle of deliberately incompatible workflow code. */
let incompatible: Harness;
let call: ReturnType<typeof apiClient>;
let workdir: string;
let incompatibleBundlePath: string;
let secretary: string;
let auditor: string;
let ops: string;
let member: string;

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'caleol-audit-evidence-'));
  incompatibleBundlePath = join(workdir, 'incompatible-workflow-bundle.js');
  await writeWorkflowBundle(incompatibleBundlePath, { workflowsPath: fileURLToPath(new URL('../support/incompatible-workflows.ts', import.meta.url)) });
  [h, incompatible] = await Promise.all([
    startHarness('audit-evidence'),
    startHarness('audit-evidence-incompatible', { replayBundlePath: incompatibleBundlePath }),
  ]);
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@audit-evidence', roles: ['secretary'] });
  auditor = await h.token({ subject: 'auditor@audit-evidence', roles: ['auditor'] });
  ops = await h.token({ subject: 'ops@audit-evidence', roles: ['ops'] });
}, 180_000);
afterAll(async () => {
  await incompatible?.close();
  await h?.close();
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

interface TimelineEntry { seq: number | null; at: string; type: string; actor: string; summary: string; details: Record<string, unknown> }
interface Tally { outcome: string; decidedBy: string; counts: Record<string, number> }
interface ReplayReport {
  sessionId: string;
  workflowId: string;
  ok: boolean;
  history: { source: 'live' | 'archived'; events: number };
  replay: { ok: boolean; error?: { name: string; message: string } };
  rulesVersion: number;
  votes: Array<{ itemId: string; closedAt: string; votes: number; recorded: Tally; recomputed: Tally; tallyMatches: boolean; decisionsMatch?: boolean }>;
}

/** Runs one of the repository's commands as an operator would, with tsx. */
function runCommand(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`../../bin/${script}`, import.meta.url)), ...args], {
      // The deployment's payload keys: the histories are encrypted with them.
      env: { ...process.env, TEMPORAL_CODEC_KEYS: testCodecKeys, ...env }, maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

// What the tests share, set as the session goes.
let committeeId: string;
let sessionId: string;
let itemId: string;
let workflowId: string;
let chairFingerprint: string;
let liveExport: string;
let archivedExport: string;
let archivedExportFile: string;
const voters = [['Claire Martin', 'for'], ['Karim Benali', 'for'], ['Sophie Leroy', 'against'], ['Jean Dupuis', 'abstain'], ['Maire de Villeneuve', 'for']] as const;

const replay = async (harness: Harness = h): Promise<ReplayReport> =>
  expectStatus<ReplayReport>(await apiClient(harness)('POST', `/sessions/${sessionId}/replay`, auditor), 200);

describe('the evidence of a finished session', () => {
  it('drives a session through the API to completed, and the workflow archives its history', async () => {
    const committee = expectStatus<{ id: string; members: Array<{ id: string; name: string; chair: boolean }> }>(
      await call('POST', '/committees', secretary, committeeInput(` audit-evidence ${randomUUID()}`)), 201);
    committeeId = committee.id;
    const memberId = (name: string) => committee.members.find((m) => m.name === name)!.id;
    const tokenOf = (name: string) => h.token({ subject: memberId(name), memberId: memberId(name), roles: name === 'Claire Martin' ? ['member', 'chair'] : ['member'] });
    member = await tokenOf('Karim Benali');

    sessionId = expectStatus<{ id: string }>(await call('POST', `/committees/${committeeId}/sessions`, secretary, { scheduledStart: startSoon(14), mode: 'remote' }), 201).id;
    workflowId = `session-${sessionId}`;
    const item = expectStatus<{ id: string; candidates: Array<{ applicationId: string; rank: number }> }>(
      await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, agendaItemInput(`AUD-${randomUUID().slice(0, 8)}`)), 201);
    itemId = item.id;
    expect(item.candidates.map((c) => c.rank)).toEqual([1, 2, 3]);
    expect(expectStatus(await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary), 200)).toEqual({ phase: 'convened' });
    await untilConvened(call, `/sessions/${sessionId}`, secretary);
    // As in real life, the session opens once its members were convened (days later, usually).
    await eventually(() => h.db.auditEvent.findFirst({ where: { sessionId, type: 'convocations_sent' } }), (e) => e !== null);
    expect(expectStatus(await call('POST', `/sessions/${sessionId}/open`, secretary), 200)).toEqual({ phase: 'open' });
    for (const [name] of voters) {
      expectStatus(await call('POST', `/sessions/${sessionId}/attendance`, secretary, { memberId: memberId(name), present: true }), 200);
    }
    const [a, b, c] = item.candidates.map((x) => x.applicationId);
    const proposal = [
      { applicationId: a, type: 'ranked_attribution', rank: 1 },
      { applicationId: b, type: 'ranked_attribution', rank: 2 },
      { applicationId: c, type: 'non_attribution', reasons: 'Taux d\'effort de 45 % au regard du loyer, supérieur au seuil de l\'article R441-3-1 du CCH' },
    ];
    expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items/${itemId}/vote/open`, secretary, { proposal }), 200);
    for (const [name, choice] of voters) {
      expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items/${itemId}/votes`, await tokenOf(name), { choice }), 200);
    }
    expect(expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items/${itemId}/vote/close`, secretary), 200))
      .toMatchObject({ outcome: 'adopted', decidedBy: 'majority_of_votes_cast', counts: { for: 3, against: 1, abstain: 1 } });
    expect(expectStatus(await call('POST', `/sessions/${sessionId}/close`, secretary), 200)).toEqual({ phase: 'closed' });
    const drafted = await eventually(
      async () => expectStatus<SessionState>(await call('GET', `/sessions/${sessionId}`, secretary), 200),
      (s) => s.phase === 'minutes_drafted', 30_000);
    const signed = await signMinutesAs(call, { token: await tokenOf('Claire Martin'), committeeId, sessionId, sha256: drafted.minutes!.sha256 });
    expect(expectStatus(signed, 200)).toEqual({ phase: 'signed' });

    const completed = await h.client.workflow.getHandle(workflowId).result() as SessionState;
    expect(completed.phase).toBe('completed');
    const archived = await eventually(() => h.db.workflowHistory.findFirst({ where: { workflowId } }), (row) => row !== null, 30_000);
    expect(archived).toMatchObject({ sessionId, sha256: sha256Hex(archived!.history) });
    expect(archived!.events).toBeGreaterThan(0);
    const signature = await h.db.minutesSignature.findFirstOrThrow({ where: { minutes: { sessionId } } });
    chairFingerprint = signature.keyFingerprint!;
    expect(chairFingerprint).toBeTruthy();
  }, 120_000);

  it('gives the auditor the decision history in order, naming people, rules and counts', async () => {
    const timeline = expectStatus<{ sessionId: string; entries: TimelineEntry[] }>(await call('GET', `/sessions/${sessionId}/history`, auditor), 200);
    expect(timeline.sessionId).toBe(sessionId);
    const entries = timeline.entries;
    const types = entries.map((e) => e.type);
    // Chained in order: every event has a seq, increasing down the timeline.
    const seqs = entries.map((e) => e.seq);
    expect(seqs.every((s) => typeof s === 'number')).toBe(true);
    expect([...seqs].sort((x, y) => x! - y!)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);

    const steps = ['session_scheduled', 'agenda_published', 'convocations_sent', 'session_opened', 'attendance_recorded', 'deliberations_started', 'vote_opened',
      'vote_cast', 'vote_closed', 'session_closed', 'minutes_drafted', 'minutes_signed', 'applicants_notified', 'offers_started', 'session_completed'];
    const positions = steps.map((step) => types.indexOf(step));
    for (const [i, step] of steps.entries()) expect(positions[i], `${step} in ${types.join(', ')}`).toBeGreaterThanOrEqual(0);
    expect([...positions].sort((x, y) => x - y), types.join(', ')).toEqual(positions);

    const one = (type: string) => {
      const found = entries.filter((e) => e.type === type);
      expect(found, type).toHaveLength(1);
      return found[0]!;
    };
    expect(one('convocations_sent').summary).toBe('agenda version 1 sent: 10 delivered');
    expect(entries.filter((e) => e.type === 'attendance_recorded').map((e) => e.summary.replace(/ present .*$/, ''))).toEqual(voters.map(([name]) => name));
    // The board's six and the prefect make the session's roster: four of seven make quorum.
    expect(one('deliberations_started').summary).toBe('deliberations started: quorum 4/7 (required 4, reached)');
    expect(one('vote_opened').summary).toMatch(new RegExp(`^vote opened on item ${itemId}, quorum 5/9 \\(required \\d+, reached\\)`));
    const cast = entries.filter((e) => e.type === 'vote_cast');
    expect(cast.map((e) => e.summary)).toEqual(voters.map(([name, choice]) => `${name} votes ${choice}`));
    expect(cast.map((e) => e.actor)).toEqual(voters.map(([name]) => name));
    const closed = one('vote_closed');
    expect(closed.summary).toContain(`vote on item ${itemId} closed: adopted by rule majority_of_votes_cast (for 3, against 1, abstain 1)`);
    expect(closed.details).toMatchObject({ itemId, result: { outcome: 'adopted', decidedBy: 'majority_of_votes_cast', counts: { for: 3, against: 1, abstain: 1 } } });
    const minutes = await h.db.minutes.findUniqueOrThrow({ where: { sessionId_version: { sessionId, version: 1 } } });
    expect(one('minutes_drafted').summary).toBe(`minutes version 1 drafted (${minutes.sha256})`);
    expect(one('minutes_signed').summary).toBe(`minutes version 1 signed by the chair Claire Martin with key ${chairFingerprint}`);
    expect(one('applicants_notified').summary).toMatch(/^\d+ applicant letter\(s\), \d+ e-mailed; minutes sent to \d+ prefect member\(s\)$/);
    expect(one('offers_started').summary).toBe('offers started for 1 dwelling(s)');
    expect(one('session_completed').summary).toBe('session completed');

    for (const token of [secretary, member, ops]) {
      expect(expectStatus(await call('GET', `/sessions/${sessionId}/history`, token), 403)).toMatchObject({ status: 403 });
    }
  });

  it('replays the live history with the current code and finds every tally and decision as recorded', async () => {
    const report = await replay();
    expect(report).toMatchObject({ sessionId, workflowId, ok: true, history: { source: 'live' }, replay: { ok: true } });
    expect(report.replay.error).toBeUndefined();
    expect(report.history.events).toBeGreaterThan(0);
    expect(report.votes).toHaveLength(1);
    expect(report.votes[0]).toMatchObject({
      itemId, votes: 5, tallyMatches: true, decisionsMatch: true,
      recorded: { outcome: 'adopted', decidedBy: 'majority_of_votes_cast', counts: { for: 3, against: 1, abstain: 1 } },
      recomputed: { outcome: 'adopted', decidedBy: 'majority_of_votes_cast', counts: { for: 3, against: 1, abstain: 1 } },
    });
    for (const token of [ops, secretary]) expectStatus(await call('POST', `/sessions/${sessionId}/replay`, token), 403);
  });

  it('reports the nondeterminism when the workflow code changed incompatibly', async () => {
    const report = await replay(incompatible);
    expect(report).toMatchObject({ sessionId, ok: false, history: { source: 'live' }, replay: { ok: false } });
    expect(report.replay.error, JSON.stringify(report.replay)).toBeDefined();
    expect(`${report.replay.error!.name}: ${report.replay.error!.message}`).toMatch(/Determinism|nondetermin/i);
    // The votes themselves still recompute: only the replay fails.
    expect(report.votes.every((v) => v.tallyMatches && v.decisionsMatch === true)).toBe(true);
  });

  it('finds a stored decision that is not the one voted', async () => {
    const original = await h.db.decision.findFirstOrThrow({ where: { sessionId, rank: 2 } });
    expect(original.type).toBe('ranked_attribution');
    try {
      const changed = await h.db.$executeRawUnsafe(`UPDATE decision SET type = 'non_attribution', reasons = 'x' WHERE id = $1::uuid`, original.id);
      expect(changed).toBe(1);
      const report = await replay();
      expect(report.replay.ok).toBe(true);
      expect(report.votes).toHaveLength(1);
      expect(report.votes[0]).toMatchObject({ itemId, tallyMatches: true, decisionsMatch: false });
      expect(report.ok).toBe(false);
    } finally {
      await h.db.decision.update({ where: { id: original.id }, data: { type: original.type, reasons: original.reasons } });
    }
    expect((await replay()).ok).toBe(true);
  });

  it('exports the live history while Temporal still has it', async () => {
    const res = await call('GET', `/sessions/${sessionId}/export`, auditor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="session-${sessionId}.caleol.json"`);
    liveExport = res.rawPayload.toString('utf8');
    const bundle = JSON.parse(liveExport) as ExportBundle;
    expect(bundle.body.history).toMatchObject({ workflowId, source: 'live' });
    expect(await verifyExportBundle(liveExport)).toEqual({ ok: true, problems: [] });
  });

  it('replays the archived history once Temporal has deleted the workflow', async () => {
    const handle = h.client.workflow.getHandle(workflowId);
    await h.client.workflowService.deleteWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId } });
    await eventually(
      () => handle.describe().then(() => 'still there', (error: unknown) => `${(error as Error).name}: ${(error as Error).message}`),
      (outcome) => /not ?found/i.test(outcome), 90_000);

    const report = await replay();
    expect(report.history.source).toBe('archived');
    const archived = await h.db.workflowHistory.findFirstOrThrow({ where: { workflowId } });
    expect(report.history).toMatchObject({ runs: 1, events: archived.events });
    expect(report.replay, 'the archived history replays with the current code').toEqual({ ok: true });
    expect(report.votes.map((v) => [v.tallyMatches, v.decisionsMatch])).toEqual([[true, true]]);
    expect(report.ok).toBe(true);

    // The command does the same from the database and Temporal.
    const command = await runCommand('replay-session.ts', ['--session', sessionId, '--workflow-bundle', inject('workflowBundlePath')],
      { DATABASE_URL: inject('databaseUrl'), TEMPORAL_ADDRESS: inject('temporalAddress') });
    expect(command.stdout, command.stderr).toContain('replay: OK (archived history)');
    expect(command.code).toBe(0);
  }, 180_000);

  it('exports the archived history, and bin/verify-export.ts checks the bundle', async () => {
    for (const token of [secretary, ops]) expectStatus(await call('GET', `/sessions/${sessionId}/export`, token), 403);
    const res = await call('GET', `/sessions/${sessionId}/export`, auditor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    archivedExport = res.rawPayload.toString('utf8');
    archivedExportFile = join(workdir, `session-${sessionId}.caleol.json`);
    await writeFile(archivedExportFile, res.rawPayload);

    const bundle = JSON.parse(archivedExport) as ExportBundle;
    const archived = await h.db.workflowHistory.findFirstOrThrow({ where: { workflowId } });
    expect(bundle.body.session).toMatchObject({ id: sessionId, committeeId, phase: 'completed' });
    expect(bundle.body.history).toEqual({ workflowId, source: 'archived', runs: [{ runId: archived.runId, sha256: archived.sha256, json: archived.history }] });
    expect(bundle.body.minutes.map((m) => [m.version, m.status, m.signatures.map((s) => [s.role, s.keyFingerprint])])).toEqual([[1, 'signed', [['chair', chairFingerprint]]]]);
    const own = bundle.body.trail.entries.filter((e) => 'type' in e);
    expect(own.map((e) => (e as { type: string }).type)).toContain('vote_closed');
    expect(await verifyExportBundle(archivedExport)).toEqual({ ok: true, problems: [] });

    const verified = await runCommand('verify-export.ts', ['--bundle', archivedExportFile]);
    expect(verified.stdout, verified.stderr).toMatch(/^OK: /);
    expect(verified.code).toBe(0);
  }, 120_000);

  describe('a bundle changed by a single byte fails verification', () => {
    /** The bundle with the byte at `at` replaced by another ASCII character. */
    const changedAt = (text: string, at: number): Buffer => {
      const bytes = Buffer.from(text, 'utf8');
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(bytes.length);
      bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30; // '0' or '1': valid in hex, base64 and digits alike
      return bytes;
    };
    /**
     * The first letter or digit at least `offset` bytes after the end of `marker` (searched from
     * `from`) that is not part of an escape, so that the change stays inside the same string.
     */
    const after = (text: string, marker: string, offset: number, from = 0): number => {
      const bytes = Buffer.from(text, 'utf8');
      const found = bytes.indexOf(marker, from);
      expect(found, marker).toBeGreaterThanOrEqual(0);
      let at = found + Buffer.byteLength(marker) + offset;
      while (!/[A-Za-z0-9]/.test(String.fromCharCode(bytes[at]!)) || bytes[at - 1] === 0x5c) at++;
      return at;
    };

    it('at chosen places, each caught by its own check too', async () => {
      const text = archivedExport;
      const bytes = Buffer.from(text, 'utf8');
      const positions: Array<[string, Buffer, RegExp]> = [
        ['PDF', changedAt(text, after(text, '"pdfBase64":"', 600)), /^minutes v1: pdf: the PDF hashes to /],
        ['history JSON', changedAt(text, after(text, '"json":"', 400, bytes.indexOf('"history":{'))), /^history: run \S+ does not match its hash$/],
        ['trail payload', changedAt(text, after(text, '"choice":"agai', 0)), /^trail: seq \d+, vote_cast, does not match its hash: it was changed$/],
        ['minutes JSON', changedAt(text, after(text, '"documentJson":"', 80)), /^minutes v1: (json|hash): /],
        ['bundle hash', changedAt(text, after(text, '"sha256":"', 20, bytes.lastIndexOf('"sha256":"'))), /^bundle: its content does not match its hash$/],
        ['whitespace', Buffer.concat([bytes.subarray(0, 8), Buffer.from(' '), bytes.subarray(8)]), /^bundle: not in canonical form: it was edited$/],
      ];
      for (const [what, changed, problem] of positions) {
        expect(changed.equals(bytes), what).toBe(false);
        const result = await verifyExportBundle(changed.toString('utf8'));
        expect(result.ok, what).toBe(false);
        expect(result.problems.some((p) => problem.test(p)), `${what}: ${result.problems.join(' | ')}`).toBe(true);
      }
      // Two of them through the command, as an auditor would run it.
      for (const [what, changed] of [positions[2]!, positions[4]!]) {
        const file = join(workdir, `changed-${what.replace(/\W+/g, '-')}.json`);
        await writeFile(file, changed);
        const run = await runCommand('verify-export.ts', ['--bundle', file]);
        expect(run.stdout, what).toMatch(/^FAILED: /);
        expect(run.code, `${what}: ${run.stdout}${run.stderr}`).toBe(1);
      }
    }, 120_000);

    it('at 40 evenly spaced places', async () => {
      const length = Buffer.byteLength(archivedExport);
      const accepted: number[] = [];
      for (let k = 0; k < 40; k++) {
        const at = Math.floor(((k + 0.5) * length) / 40);
        const result = await verifyExportBundle(changedAt(archivedExport, at).toString('utf8'));
        if (result.ok) accepted.push(at);
      }
      expect(accepted, 'changed bundles accepted').toEqual([]);
    }, 120_000);

    it('even when the bundle\'s own hash is recomputed over the change', async () => {
      const bundle = JSON.parse(archivedExport) as ExportBundle;
      // A vote turned round in the trail.
      const trail = structuredClone(bundle.body);
      const vote = trail.trail.entries.find((e) => 'type' in e && e.type === 'vote_cast' && (e.payload as { choice: string }).choice === 'against') as { payload: { choice: string } };
      vote.payload.choice = 'for';
      const trailResult = await verifyExportBundle(buildExportBundle(trail));
      expect(trailResult.ok).toBe(false);
      expect(trailResult.problems).toEqual([expect.stringMatching(/^trail: seq \d+, vote_cast, does not match its hash: it was changed$/)]);
      // The history changed.
      const history = structuredClone(bundle.body);
      const run = history.history!.runs[0]!;
      run.json = run.json.replace('sessionWorkflow', 'sessionWorkflox');
      expect(run.json).not.toBe(bundle.body.history!.runs[0]!.json);
      expect((await verifyExportBundle(buildExportBundle(history))).problems).toEqual([`history: run ${run.runId} does not match its hash`]);
    });
  });

  it('replays the exported history offline with bin/replay-session.ts', async () => {
    const replayed = await runCommand('replay-session.ts', ['--bundle', archivedExportFile]);
    expect(replayed.stdout, replayed.stderr).toContain('replay: OK (bundled archived history)');
    expect(replayed.code).toBe(0);
    const broken = await runCommand('replay-session.ts', ['--bundle', archivedExportFile, '--workflow-bundle', incompatibleBundlePath]);
    expect(broken.stdout, broken.stderr).toMatch(/replay: FAILED \(bundled archived history\): .*(Determinism|nondetermin)/i);
    expect(broken.code).toBe(1);
  }, 120_000);

  it('replays it with the bundle npm run build:workflows writes, as a worker given WORKFLOW_BUNDLE_PATH runs it', async () => {
    const built = join(workdir, 'built-workflow-bundle.js');
    const bundling = await runCommand('bundle-workflows.ts', ['--out', built]);
    expect(bundling.stdout, bundling.stderr).toContain(`workflow bundle written: ${built}`);
    expect(bundling.code).toBe(0);
    const replayed = await runCommand('replay-session.ts', ['--bundle', archivedExportFile, '--workflow-bundle', built]);
    expect(replayed.stdout, replayed.stderr).toContain('replay: OK (bundled archived history)');
    expect(replayed.code).toBe(0);
    const misuse = await runCommand('bundle-workflows.ts', []);
    expect(misuse.stderr).toContain('usage: npm run build:workflows -- --out <file>');
    expect(misuse.code).toBe(2);
  }, 120_000);
});
