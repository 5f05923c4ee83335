// The minutes after a real session, through the API: the signers' Ed25519 keys, signatures by the
// chair and the secretary, an amendment that starts the signatures afresh, the verification of
// what PostgreSQL stores (and of its tampering), and the per-candidate extracts.
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../documents/canonical-json.ts';
import { generateSignerKeyPair, publicKeyFingerprint, signMinutesHash, type SignerKeyPair } from '../../documents/signatures.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { defaultCommitteeRules } from '../../domain/rules/index.ts';
import { apiClient, expectStatus, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, soonSittingRules, startSoon } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';
import { replayAndKeep } from '../support/histories.ts';
import { pdfText, squash } from '../support/pdf-text.ts';



let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;
let otherSecretary: string;
let auditor: string;

beforeAll(async () => {
  h = await startHarness('minutes-signatures');
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@signatures', roles: ['secretary'] });
  otherSecretary = await h.token({ subject: 'other-secretary@signatures', roles: ['secretary'] });
  auditor = await h.token({ subject: 'auditor@signatures', roles: ['auditor'] });
});
afterAll(async () => h?.close());

interface MinutesView {
  sessionId: string;
  version: number;
  status: string;
  sha256: string;
  pdfSha256?: string;
  document: Record<string, unknown> & { amendments?: Array<{ version: number; reason: string; text: string; by: { id: string } }> };
  signatures: Array<{ signer: string; role: string; sha256: string; signature?: string; keyFingerprint?: string }>;
}
interface Verification { ok: boolean; problems: string[]; version: number; status: string; sha256: string }

const rejectionReasons = 'Taux d\'effort de 45 % au regard du loyer, supérieur au seuil de l\'article R441-3-1 du CCH';
const amendmentText = 'Le point 1 est complété : le logement est situé au rez-de-chaussée, accessible aux personnes à mobilité réduite.';
const item = agendaItemInput('SIG-1');
const numbers = item.candidates!.map((c) => c.applicationNumber);
const summaries = item.candidates!.map((c) => c.householdSummary);

// What the tests share, set as the session goes.
let committeeId: string;
let sessionId: string;
let chairId: string;
let chairToken: string;
let karimToken: string;
let karimId: string;
const secretaryKey: SignerKeyPair = generateSignerKeyPair();
const chairKey: SignerKeyPair = generateSignerKeyPair();
let v1: MinutesView;
let v2: MinutesView;

const keysUrl = () => `/committees/${committeeId}/signer-keys`;
const state = async (): Promise<SessionState> => expectStatus<SessionState>(await call('GET', `/sessions/${sessionId}`, secretary), 200);
const minutesOf = async (version?: number): Promise<MinutesView> =>
  expectStatus<MinutesView>(await call('GET', `/sessions/${sessionId}/minutes${version ? `?version=${version}` : ''}`, secretary), 200);
const verification = async (): Promise<Verification> => expectStatus<Verification>(await call('GET', `/sessions/${sessionId}/minutes/verification`, auditor), 200);
const storedVersion1 = () => h.db.minutes.findUniqueOrThrow({ where: { sessionId_version: { sessionId, version: 1 } }, include: { signatures: true } });
const sign = (token: string, privateKeyPem: string, sha256: string, as?: 'chair' | 'secretary') =>
  call('POST', `/sessions/${sessionId}/minutes/signatures`, token, { sha256, signature: signMinutesHash(privateKeyPem, sha256), ...(as ? { as } : {}) });

describe('signed minutes with the chair and the secretary as signers', () => {
  it('drives a session with both signers in its rules to drafted minutes', async () => {
    const committee = expectStatus<{ id: string; members: Array<{ id: string; name: string; chair: boolean }> }>(
      await call('POST', '/committees', secretary, committeeInput(' signatures')), 201);
    committeeId = committee.id;
    const memberId = (name: string) => committee.members.find((m) => m.name === name)!.id;
    chairId = memberId('Claire Martin');
    karimId = memberId('Karim Benali');
    chairToken = await h.token({ subject: chairId, memberId: chairId, roles: ['member', 'chair'] });
    karimToken = await h.token({ subject: karimId, memberId: karimId, roles: ['member'] });

    const rules = expectStatus(await call('PUT', `/committees/${committeeId}/rules`, secretary, { ...defaultCommitteeRules, ...soonSittingRules, minutesSigners: ['chair', 'secretary'] }), 200);
    expect(rules).toMatchObject({ version: 2, rules: { minutesSigners: ['chair', 'secretary'] } });

    const session = expectStatus<{ id: string; rulesVersion: number }>(
      await call('POST', `/committees/${committeeId}/sessions`, secretary, { scheduledStart: startSoon(14), mode: 'remote' }), 201);
    sessionId = session.id;
    expect(session.rulesVersion).toBe(2);
    const added = expectStatus<{ id: string; candidates: Array<{ applicationId: string }> }>(await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, item), 201);
    expectStatus(await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary), 200);
    await untilConvened(call, `/sessions/${sessionId}`, secretary);
    expectStatus(await call('POST', `/sessions/${sessionId}/open`, secretary), 200);
    const voters = ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Maire de Villeneuve'];
    for (const name of voters) expectStatus(await call('POST', `/sessions/${sessionId}/attendance`, secretary, { memberId: memberId(name), present: true }), 200);
    expect((await state()).phase).toBe('deliberating');

    const [a, b, c] = added.candidates.map((x) => x.applicationId);
    expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items/${added.id}/vote/open`, secretary, {
      proposal: [
        { applicationId: a, type: 'ranked_attribution', rank: 1 },
        { applicationId: b, type: 'ranked_attribution', rank: 2 },
        { applicationId: c, type: 'non_attribution', reasons: rejectionReasons },
      ],
    }), 200);
    for (const name of voters) {
      const token = name === 'Claire Martin' ? chairToken : await h.token({ subject: memberId(name), memberId: memberId(name), roles: ['member'] });
      expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items/${added.id}/votes`, token, { choice: 'for' }), 200);
    }
    expect(expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items/${added.id}/vote/close`, secretary), 200)).toMatchObject({ outcome: 'adopted' });
    expectStatus(await call('POST', `/sessions/${sessionId}/close`, secretary), 200);

    const drafted = await eventually(state, (s) => s.phase === 'minutes_drafted');
    v1 = await minutesOf();
    expect(v1).toMatchObject({ version: 1, status: 'drafted', sha256: drafted.minutes!.sha256, signatures: [] });
    expect(v1.document).toMatchObject({ signers: ['chair', 'secretary'] });
  });

  it('registers each signer\'s own Ed25519 public key, and only that', async () => {
    const refused = async (publicKeyPem: string, what: string) => {
      const res = await call('POST', keysUrl(), secretary, { publicKeyPem });
      expect(expectStatus(res, 422), what).toMatchObject({ code: 'invalid_public_key', rule: 'ed25519_public_key' });
    };
    await refused(secretaryKey.privateKeyPem, 'a private key');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    await refused(rsa.publicKey, 'an RSA key');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    await refused(ec.publicKey, 'an EC key');
    await refused('not a key at all', 'garbage');
    await refused('-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PUBLIC KEY-----\n', 'garbage in PEM armour');
    expect(await h.db.signerKey.count({ where: { committeeId } })).toBe(0);

    const fingerprint = publicKeyFingerprint(secretaryKey.publicKeyPem);
    const first = expectStatus(await call('POST', keysUrl(), secretary, { publicKeyPem: secretaryKey.publicKeyPem, as: 'secretary' }), 201);
    expect(first).toMatchObject({ committeeId, fingerprint, signer: 'staff:secretary@signatures', role: 'secretary', publicKeyPem: secretaryKey.publicKeyPem });
    // The same key again by the same signer: the registration stands, answered with 200.
    expect(expectStatus(await call('POST', keysUrl(), secretary, { publicKeyPem: secretaryKey.publicKeyPem, as: 'secretary' }), 200)).toMatchObject({ fingerprint, signer: 'staff:secretary@signatures' });
    // The same key by another signer: refused.
    expect(expectStatus(await call('POST', keysUrl(), otherSecretary, { publicKeyPem: secretaryKey.publicKeyPem }), 409)).toMatchObject({ rule: 'one_signer_per_key' });
    expect(expectStatus(await call('POST', keysUrl(), chairToken, { publicKeyPem: secretaryKey.publicKeyPem }), 409)).toMatchObject({ rule: 'one_signer_per_key' });

    // A member who is not the chair cannot register a key as chair (nor as anything).
    expectStatus(await call('POST', keysUrl(), karimToken, { publicKeyPem: generateSignerKeyPair().publicKeyPem, as: 'chair' }), 403);
    expectStatus(await call('POST', keysUrl(), karimToken, { publicKeyPem: generateSignerKeyPair().publicKeyPem }), 403);
    // The secretary cannot register a key in the chair's name.
    expectStatus(await call('POST', keysUrl(), secretary, { publicKeyPem: generateSignerKeyPair().publicKeyPem, as: 'chair' }), 403);

    expect(expectStatus(await call('POST', keysUrl(), chairToken, { publicKeyPem: chairKey.publicKeyPem }), 201)).toMatchObject({ signer: chairId, role: 'chair' });

    const listed = expectStatus<{ keys: Array<{ fingerprint: string; signer: string; role: string; revokedAt?: string }> }>(await call('GET', keysUrl(), karimToken), 200);
    expect(listed.keys.map((k) => [k.fingerprint, k.signer, k.role, k.revokedAt])).toEqual([
      [fingerprint, 'staff:secretary@signatures', 'secretary', undefined],
      [publicKeyFingerprint(chairKey.publicKeyPem), chairId, 'chair', undefined],
    ]);
  });

  it('refuses a chair\'s key from a member who is not this committee\'s chair, even with the chair role in the token', async () => {
    // Karim chairs no session here; his identity provider may still give him the chair role (for another committee).
    const karimWithChairRole = await h.token({ subject: karimId, memberId: karimId, roles: ['member', 'chair'] });
    const res = await call('POST', keysUrl(), karimWithChairRole, { publicKeyPem: generateSignerKeyPair().publicKeyPem, as: 'chair' });
    const registered = await h.db.signerKey.findMany({ where: { committeeId, signer: karimId } });
    await h.db.signerKey.deleteMany({ where: { committeeId, signer: karimId } });
    expect(res.statusCode, res.body).toBe(403);
    expect(registered).toEqual([]);
  });

  it('revokes a key by its owner only; a revoked key signs nothing more', async () => {
    const spare = generateSignerKeyPair();
    const spareFingerprint = publicKeyFingerprint(spare.publicKeyPem);
    expectStatus(await call('POST', keysUrl(), chairToken, { publicKeyPem: spare.publicKeyPem }), 201);
    const url = `${keysUrl()}/${spareFingerprint}`;
    expect(expectStatus(await call('DELETE', url, secretary), 403)).toMatchObject({ rule: 'own_key' });
    expectStatus(await call('DELETE', url, karimToken), 403);
    expect(expectStatus(await call('DELETE', `${keysUrl()}/${publicKeyFingerprint(secretaryKey.publicKeyPem)}`, otherSecretary), 403)).toMatchObject({ rule: 'own_key' });
    expect(expectStatus(await call('DELETE', `${keysUrl()}/${publicKeyFingerprint(secretaryKey.publicKeyPem)}`, chairToken), 403)).toMatchObject({ rule: 'own_key' });
    expect((await h.db.signerKey.findMany({ where: { committeeId, revokedAt: { not: null } } }))).toEqual([]);

    const revoked = expectStatus<{ revokedAt?: string }>(await call('DELETE', url, chairToken), 200);
    expect(revoked.revokedAt).toEqual(expect.any(String));
    const listed = expectStatus<{ keys: Array<{ fingerprint: string; revokedAt?: string }> }>(await call('GET', keysUrl(), secretary), 200);
    expect(listed.keys.find((k) => k.fingerprint === spareFingerprint)?.revokedAt).toBe(revoked.revokedAt);
    // A revoked key stays revoked: registering it again is refused.
    expect(expectStatus(await call('POST', keysUrl(), chairToken, { publicKeyPem: spare.publicKeyPem }), 409)).toMatchObject({ rule: 'revoked_key_stays_revoked' });
    // Signing with it is refused, and nothing is signed.
    expect(expectStatus(await sign(chairToken, spare.privateKeyPem, v1.sha256), 422)).toMatchObject({ rule: 'signature_verifies' });
    expect((await state()).minutes?.signatures).toEqual([]);
  });

  it('refuses a signature without a key, by an unregistered key or over another hash; the secretary signs', async () => {
    const unregisteredSigner = await h.token({ subject: 'third-secretary@signatures', roles: ['secretary'] });
    expect(expectStatus(await sign(unregisteredSigner, secretaryKey.privateKeyPem, v1.sha256, 'secretary'), 422)).toMatchObject({ rule: 'signer_key_registered' });
    expect(expectStatus(await sign(secretary, generateSignerKeyPair().privateKeyPem, v1.sha256, 'secretary'), 422)).toMatchObject({ rule: 'signature_verifies' });
    // The chair's key does not sign for the secretary.
    expect(expectStatus(await sign(secretary, chairKey.privateKeyPem, v1.sha256, 'secretary'), 422)).toMatchObject({ rule: 'signature_verifies' });
    expect(expectStatus(await sign(secretary, secretaryKey.privateKeyPem, sha256Hex('made-up minutes'), 'secretary'), 409)).toMatchObject({ rule: 'sign_current_minutes' });
    expect(expectStatus(await sign(karimToken, chairKey.privateKeyPem, v1.sha256), 403)).toMatchObject({ rule: 'role_required' });
    expect((await state()).minutes?.signatures).toEqual([]);

    expect(expectStatus(await sign(secretary, secretaryKey.privateKeyPem, v1.sha256, 'secretary'), 200)).toEqual({ phase: 'minutes_drafted' });
    const after = await state();
    expect(after.phase).toBe('minutes_drafted');
    expect(after.minutes?.signatures.map((s) => [s.memberId, s.role])).toEqual([['staff:secretary@signatures', 'secretary']]);
    // The secretary signs once.
    expect(expectStatus(await sign(secretary, secretaryKey.privateKeyPem, v1.sha256, 'secretary'), 409)).toMatchObject({ rule: 'sign_once' });
    const stored = await eventually(() => minutesOf(), (m) => m.signatures.length === 1);
    expect(stored.version).toBe(1);
    expect(stored.signatures[0]).toMatchObject({
      role: 'secretary', signer: 'staff:secretary@signatures', sha256: v1.sha256,
      keyFingerprint: publicKeyFingerprint(secretaryKey.publicKeyPem), signature: signMinutesHash(secretaryKey.privateKeyPem, v1.sha256),
    });
    // One signature of two: the minutes do not verify yet.
    const check = await verification();
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toContain('no valid signature by the chair');
  });

  it('amends the minutes into a new version whose signatures start afresh', async () => {
    expectStatus(await call('POST', `/sessions/${sessionId}/minutes/amendments`, secretary, { text: amendmentText }), 400);
    expectStatus(await call('POST', `/sessions/${sessionId}/minutes/amendments`, secretary, { reason: '', text: amendmentText }), 400);
    expectStatus(await call('POST', `/sessions/${sessionId}/minutes/amendments`, secretary, { reason: 'Oubli' }), 400);
    expectStatus(await call('POST', `/sessions/${sessionId}/minutes/amendments`, karimToken, { reason: 'Oubli', text: amendmentText }), 403);
    expect((await state()).minutes?.version).toBe(1);

    const reason = 'Omission de l\'accessibilité du logement au point 1';
    const amended = expectStatus<MinutesView>(await call('POST', `/sessions/${sessionId}/minutes/amendments`, secretary, { reason, text: amendmentText }), 200);
    expect(amended).toMatchObject({ sessionId, version: 2, status: 'drafted', signatures: [] });
    expect(amended.sha256).not.toBe(v1.sha256);
    expect(amended.sha256).toBe(sha256Hex(canonicalJson(amended.document)));

    v2 = await minutesOf();
    expect(v2).toMatchObject({ version: 2, status: 'drafted', sha256: amended.sha256, signatures: [] });
    expect(v2.document.amendments).toEqual([expect.objectContaining({ version: 2, reason, text: amendmentText, by: expect.objectContaining({ id: 'staff:secretary@signatures' }) })]);
    expect(JSON.stringify(v2.document)).toContain(amendmentText);

    // Version 1 as stored (GET ?version=1 is checked on its own below): superseded, its signature kept.
    const old = await eventually(storedVersion1, (m) => m.status === 'superseded');
    expect(old.sha256).toBe(v1.sha256);
    expect(old.signatures.map((s) => [s.role, s.signer, s.sha256])).toEqual([['secretary', 'staff:secretary@signatures', v1.sha256]]);

    const s = await state();
    expect(s.phase).toBe('minutes_drafted');
    expect(s.minutes).toMatchObject({ version: 2, sha256: v2.sha256, signatures: [] });

    // The first version's hash is no longer signable, even by a signer who has not signed it.
    expect(expectStatus(await sign(secretary, secretaryKey.privateKeyPem, v1.sha256, 'secretary'), 409)).toMatchObject({ rule: 'sign_current_minutes' });
    expect(expectStatus(await sign(chairToken, chairKey.privateKeyPem, v1.sha256), 409)).toMatchObject({ rule: 'sign_current_minutes' });

    const audit = await eventually(() => h.db.auditEvent.findMany({ where: { sessionId, type: 'minutes_amended' } }), (rows) => rows.length === 1);
    expect(audit[0]).toMatchObject({ actor: 'staff:secretary@signatures', payload: expect.objectContaining({ version: 2, previousVersion: 1, sha256: v2.sha256, reason }) });
  });

  it('completes the session once both sign the new version, and the stored minutes verify', async () => {
    expect(expectStatus(await sign(secretary, secretaryKey.privateKeyPem, v2.sha256, 'secretary'), 200)).toEqual({ phase: 'minutes_drafted' });
    expect(expectStatus(await sign(chairToken, chairKey.privateKeyPem, v2.sha256), 200)).toEqual({ phase: 'signed' });
    const done = await eventually(state, (s) => s.phase === 'completed', 30_000);
    expect(done.minutes).toMatchObject({ version: 2, status: 'signed' });
    await replayAndKeep(h.client.workflow.getHandle(`session-${sessionId}`), 'session-amended');

    const stored = await minutesOf();
    expect(stored).toMatchObject({ version: 2, status: 'signed' });
    expect(stored.signatures.map((s) => [s.role, s.signer, s.keyFingerprint]).sort()).toEqual([
      ['chair', chairId, publicKeyFingerprint(chairKey.publicKeyPem)],
      ['secretary', 'staff:secretary@signatures', publicKeyFingerprint(secretaryKey.publicKeyPem)],
    ]);
    expect((await storedVersion1()).status).toBe('superseded');
    expect(await verification()).toMatchObject({ ok: true, problems: [], version: 2, status: 'signed', sha256: v2.sha256 });
    // The minutes carry the audit chain's head as signed once the last signature was recorded.
    const lastSignature = await h.db.auditEvent.findFirstOrThrow({ where: { sessionId, type: 'minutes_signed' }, orderBy: { seq: 'desc' } });
    const { trailCheckpoint } = await verification() as Verification & { trailCheckpoint?: { seq: number; hash: string } };
    expect(trailCheckpoint!.seq).toBeGreaterThanOrEqual(lastSignature.seq!);
    const atCheckpoint = await h.db.auditEvent.findFirstOrThrow({ where: { committeeId: lastSignature.committeeId, seq: trailCheckpoint!.seq } });
    expect(atCheckpoint.hash).toBe(trailCheckpoint!.hash);
  });

  it('reads an earlier version, and its verification, with ?version=', async () => {
    const old = await minutesOf(1);
    expect(old).toMatchObject({ version: 1, status: 'superseded', sha256: v1.sha256 });
    expect(old.signatures.map((s) => [s.role, s.signer, s.sha256])).toEqual([['secretary', 'staff:secretary@signatures', v1.sha256]]);
    expect((await minutesOf(2)).sha256).toBe(v2.sha256);
    const check = expectStatus<Verification>(await call('GET', `/sessions/${sessionId}/minutes/verification?version=1`, auditor), 200);
    expect(check).toMatchObject({ ok: false, version: 1, status: 'superseded' });
    expect(check.problems.join('\n')).toContain('no valid signature by the chair');
  });

  describe('tampering with what PostgreSQL stores', () => {
    const minutesRow = () => h.db.minutes.findUniqueOrThrow({ where: { sessionId_version: { sessionId, version: 2 } } });
    const signatureRow = async (role: 'chair' | 'secretary') =>
      h.db.minutesSignature.findUniqueOrThrow({ where: { minutesId_role: { minutesId: (await minutesRow()).id, role } } });

    async function expectDetected(part: RegExp): Promise<void> {
      const check = await verification();
      expect(check.ok).toBe(false);
      expect(check.problems.some((p) => part.test(p)), check.problems.join('\n')).toBe(true);
    }

    it('is detected in the JSON, the PDF and each signature, and verification is ok again once restored', async () => {
      const { id, document } = await minutesRow();
      const originalName = (document as { committee: { name: string } }).committee.name;
      expect(originalName).toBe('CALEOL Nord signatures');

      // (a) One field of the stored JSON document.
      expect(await h.db.$executeRawUnsafe(`UPDATE minutes SET document = jsonb_set(document, '{committee,name}', '"Autre"') WHERE id = $1::uuid`, id)).toBe(1);
      await expectDetected(/^(json|hash):/);
      await expectDetected(/^pdf:/);
      await h.db.$executeRawUnsafe(`UPDATE minutes SET document = jsonb_set(document, '{committee,name}', to_jsonb($2::text)) WHERE id = $1::uuid`, id, originalName);
      expect(await verification()).toMatchObject({ ok: true, problems: [] });

      // (b) One byte of the stored PDF.
      const flip = `UPDATE minutes SET pdf = set_byte(pdf, 200, get_byte(pdf, 200) # 1) WHERE id = $1::uuid`;
      expect(await h.db.$executeRawUnsafe(flip, id)).toBe(1);
      await expectDetected(/^pdf:/);
      await h.db.$executeRawUnsafe(flip, id);
      expect(await verification()).toMatchObject({ ok: true, problems: [] });

      const chair = await signatureRow('chair');
      const where = { minutesId_role: { minutesId: id, role: 'chair' } };
      // (c) The chair's signature replaced by the same key's signature of another hash.
      await h.db.minutesSignature.update({ where, data: { signature: signMinutesHash(chairKey.privateKeyPem, v1.sha256) } });
      await expectDetected(/signature.*chair|chair.*signature/);
      await h.db.minutesSignature.update({ where, data: { signature: chair.signature } });
      expect(await verification()).toMatchObject({ ok: true, problems: [] });

      // (d) The chair's signature replaced by another key's signature of the right hash.
      await h.db.minutesSignature.update({ where, data: { signature: signMinutesHash(generateSignerKeyPair().privateKeyPem, v2.sha256) } });
      await expectDetected(/signature.*chair|chair.*signature/);
      // ... and with that other key's fingerprint, a key not registered for the committee.
      const stranger = generateSignerKeyPair();
      await h.db.minutesSignature.update({ where, data: { signature: signMinutesHash(stranger.privateKeyPem, v2.sha256), keyFingerprint: publicKeyFingerprint(stranger.publicKeyPem) } });
      await expectDetected(/signature.*chair|chair.*signature/);
      await h.db.minutesSignature.update({ where, data: { signature: chair.signature, keyFingerprint: chair.keyFingerprint } });
      expect(await verification()).toMatchObject({ ok: true, problems: [] });
    });

    it('is found by the verify-minutes command reading the database, as by the route', async () => {
      const run = (...args: string[]) => new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../bin/verify-minutes.ts', import.meta.url)), ...args], {
          env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
        }, (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }));
      });
      const ok = await run('--session', sessionId);
      expect(ok.stdout).toContain(`version 2 (signed), ${v2.sha256}`);
      expect(ok.code).toBe(0);
      expect((await run('--session', sessionId, '--version', '1')).code).toBe(1);

      const { id } = await minutesRow();
      const flip = `UPDATE minutes SET pdf = set_byte(pdf, 200, get_byte(pdf, 200) # 1) WHERE id = $1::uuid`;
      await h.db.$executeRawUnsafe(flip, id);
      const tampered = await run('--session', sessionId);
      await h.db.$executeRawUnsafe(flip, id);
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toMatch(/^- pdf:/m);
      expect((await run('--session', randomUUID())).code).toBe(2);
    });

    it('is detected when the chair\'s signature is replaced by the secretary\'s (another registered key)', async () => {
      const { id } = await minutesRow();
      const chair = await signatureRow('chair');
      const sec = await signatureRow('secretary');
      const where = { minutesId_role: { minutesId: id, role: 'chair' } };
      // The row still says the chair signed, but the signature and the key are the secretary's:
      // the chair never signed this, so the minutes lack the chair's signature.
      await h.db.minutesSignature.update({ where, data: { signature: sec.signature, keyFingerprint: sec.keyFingerprint } });
      try {
        await expectDetected(/signature.*chair|chair.*signature/);
      } finally {
        await h.db.minutesSignature.update({ where, data: { signature: chair.signature, keyFingerprint: chair.keyFingerprint } });
      }
      expect(await verification()).toMatchObject({ ok: true, problems: [] });
    });
  });

  describe('an applicant\'s extract', () => {
    const applicationId = async (applicationNumber: string) =>
      (await h.db.application.findUniqueOrThrow({ where: { committeeId_applicationNumber: { committeeId, applicationNumber } } })).id;
    const extractUrl = (id: string) => `/sessions/${sessionId}/minutes/extracts/${id}`;

    it('holds the applicant\'s own decision and none of the other candidates\', as JSON and as a PDF', async () => {
      for (const [i, own] of numbers.entries()) {
        const others = numbers.filter((n) => n !== own);
        const id = await applicationId(own);
        const res = await call('GET', extractUrl(id), secretary);
        const extract = expectStatus<{ document: string; extractFor: { applicationNumber: string }; sourceSha256: string; items: Array<{ decisions: Array<{ applicationNumber: string }> }> }>(res, 200);
        expect(extract).toMatchObject({ document: 'caleol_minutes_extract', extractFor: { applicationNumber: own }, sourceSha256: v2.sha256 });
        expect(extract.items[0]!.decisions.map((d) => d.applicationNumber)).toEqual([own]);
        const text = JSON.stringify(extract);
        expect(text).toContain(own);
        expect(others.filter((n) => text.includes(n))).toEqual([]);
        expect(summaries.filter((s) => text.includes(s))).toEqual([]);
        // The third candidate's reasons are theirs only.
        expect(text.includes(rejectionReasons)).toBe(i === 2);

        const pdf = await call('GET', extractUrl(id), secretary, undefined, { accept: 'application/pdf' });
        expect(pdf.statusCode, pdf.body).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        const pdfWords = squash(await pdfText(pdf.rawPayload));
        expect(pdfWords).toContain(squash(own));
        expect(others.filter((n) => pdfWords.includes(squash(n)))).toEqual([]);
        expect(summaries.filter((s) => pdfWords.includes(squash(s!)))).toEqual([]);
        expect(pdfWords.includes(squash(rejectionReasons))).toBe(i === 2);
      }
      // The chair and the auditor may obtain one too.
      expectStatus(await call('GET', extractUrl(await applicationId(numbers[0]!)), chairToken), 200);
      expectStatus(await call('GET', extractUrl(await applicationId(numbers[0]!)), auditor), 200);
    });

    it('is refused for an application not examined in the session, and to a member', async () => {
      // An application of the committee, on the agenda of another session only.
      const other = expectStatus<{ id: string }>(await call('POST', `/committees/${committeeId}/sessions`, secretary, { scheduledStart: startSoon(21), mode: 'remote' }), 201);
      expectStatus(await call('POST', `/sessions/${other.id}/agenda-items`, secretary, agendaItemInput('SIG-2')), 201);
      const notExamined = await applicationId('SIG-2-A');
      expectStatus(await call('GET', extractUrl(notExamined), secretary), 404);
      expectStatus(await call('GET', extractUrl(notExamined), secretary, undefined, { accept: 'application/pdf' }), 404);
      expectStatus(await call('GET', extractUrl(crypto.randomUUID()), secretary), 404);

      const own = await applicationId(numbers[0]!);
      expect(expectStatus(await call('GET', extractUrl(own), karimToken), 403)).toMatchObject({ rule: 'role_required' });
      expectStatus(await call('GET', extractUrl(own), karimToken, undefined, { accept: 'application/pdf' }), 403);
    });
  });
});
