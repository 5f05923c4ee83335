import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../documents/canonical-json.ts';
import { renderMinutesPdf } from '../../documents/minutes-pdf.ts';
import type { MinutesDocument } from '../../domain/minutes.ts';
import {
  generateSignerKeyPair,
  MinutesSignatureError,
  publicKeyFingerprint,
  signMinutesHash,
  verifyMinutesSignature,
} from '../../documents/signatures.ts';
import { verifyMinutes, type MinutesBundle } from '../../documents/verify-bundle.ts';
import { minutesFixture } from '../support/minutes-fixture.ts';

const chair = generateSignerKeyPair();
const secretary = generateSignerKeyPair();
const hashOf = (text: string) => sha256Hex(text);
const bytesHash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function rsaPublicAndPrivate() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

async function signedBundle(document: MinutesDocument = minutesFixture()): Promise<MinutesBundle> {
  const documentJson = canonicalJson(document);
  const sha256 = hashOf(documentJson);
  const pdf = await renderMinutesPdf(document);
  return {
    documentJson,
    sha256,
    pdf,
    pdfSha256: bytesHash(pdf),
    signatures: [
      { signer: 'Claire Martin', role: 'chair', publicKeyPem: chair.publicKeyPem, signature: signMinutesHash(chair.privateKeyPem, sha256) },
      { signer: 'Marc Secrétaire', role: 'secretary', publicKeyPem: secretary.publicKeyPem, signature: signMinutesHash(secretary.privateKeyPem, sha256) },
    ],
  };
}

describe('signatures of a minutes hash', () => {
  const sha = hashOf('{"minutes":1}');

  it('verifies a signature by the signer’s key over the same hash', () => {
    const signature = signMinutesHash(chair.privateKeyPem, sha);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(verifyMinutesSignature(chair.publicKeyPem, sha, signature)).toBe(true);
  });

  it('refuses a signature over another hash (another version of the minutes)', () => {
    const signature = signMinutesHash(chair.privateKeyPem, hashOf('{"minutes":2}'));
    expect(verifyMinutesSignature(chair.publicKeyPem, sha, signature)).toBe(false);
  });

  it('refuses a signature checked against another signer’s key', () => {
    expect(verifyMinutesSignature(secretary.publicKeyPem, sha, signMinutesHash(chair.privateKeyPem, sha))).toBe(false);
  });

  it('refuses a signature of the bare hash: only the domain-separated message counts', () => {
    const bare = sign(null, Buffer.from(sha, 'hex'), chair.privateKeyPem).toString('base64');
    const hexText = sign(null, Buffer.from(sha, 'utf8'), chair.privateKeyPem).toString('base64');
    expect(verifyMinutesSignature(chair.publicKeyPem, sha, bare)).toBe(false);
    expect(verifyMinutesSignature(chair.publicKeyPem, sha, hexText)).toBe(false);
  });

  it('treats a malformed signature as not valid', () => {
    expect(verifyMinutesSignature(chair.publicKeyPem, sha, 'not base64!')).toBe(false);
    expect(verifyMinutesSignature(chair.publicKeyPem, sha, '')).toBe(false);
  });

  it('refuses RSA and EC keys, for signing and for verifying, with a clear error', () => {
    const rsa = rsaPublicAndPrivate();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expect(() => signMinutesHash(rsa.privateKey, sha)).toThrow(/rsa key; minutes are signed with Ed25519 keys only/);
    expect(() => verifyMinutesSignature(ec.publicKey, sha, signMinutesHash(chair.privateKeyPem, sha))).toThrow(MinutesSignatureError);
    expect(() => publicKeyFingerprint(rsa.publicKey)).toThrow(expect.objectContaining({ code: 'not_ed25519' }) as Error);
  });

  it('refuses a private key where a public key is expected, and a malformed hash', () => {
    expect(() => publicKeyFingerprint(chair.privateKeyPem)).toThrow(expect.objectContaining({ code: 'public_key_expected' }) as Error);
    expect(() => signMinutesHash(chair.publicKeyPem, sha)).toThrow(expect.objectContaining({ code: 'private_key_expected' }) as Error);
    expect(() => signMinutesHash(chair.privateKeyPem, sha.toUpperCase())).toThrow(expect.objectContaining({ code: 'invalid_hash' }) as Error);
    expect(() => publicKeyFingerprint('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')).toThrow(expect.objectContaining({ code: 'invalid_key' }) as Error);
  });

  it('names a public key by the SHA-256 of its DER, the same for the same key', () => {
    const fingerprint = publicKeyFingerprint(chair.publicKeyPem);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(publicKeyFingerprint(`\n${chair.publicKeyPem}\n`)).toBe(fingerprint);
    expect(publicKeyFingerprint(secretary.publicKeyPem)).not.toBe(fingerprint);
  });
});

describe('verification of signed minutes', () => {
  it('accepts untouched minutes: canonical JSON, its hash, its PDF and every signer named by the rules', async () => {
    expect(await verifyMinutes(await signedBundle())).toEqual({ ok: true, problems: [] });
  });

  it('fails and says so when the JSON is tampered with', async () => {
    const bundle = await signedBundle();
    const tampered = bundle.documentJson.replace('"for":3', '"for":4');
    expect(tampered).not.toBe(bundle.documentJson);
    const result = await verifyMinutes({ ...bundle, documentJson: tampered });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^hash: the minutes JSON hashes to [0-9a-f]{64}, not to the expected /),
      'pdf: the PDF is not the rendering of the minutes JSON',
    ]));
  });

  it('fails on a JSON that is no longer canonical, even with the hash recomputed and re-signed', async () => {
    const bundle = await signedBundle();
    const pretty = JSON.stringify(JSON.parse(bundle.documentJson), null, 2);
    const sha256 = hashOf(pretty);
    const result = await verifyMinutes({
      ...bundle,
      documentJson: pretty,
      sha256,
      signatures: [{ signer: 'Claire Martin', role: 'chair', publicKeyPem: chair.publicKeyPem, signature: signMinutesHash(chair.privateKeyPem, sha256) }],
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toContain('json: the minutes JSON is not in canonical form (RFC 8785): it was edited or re-serialised');
  });

  it('fails and says so when a byte of the PDF changes', async () => {
    const bundle = await signedBundle();
    const pdf = Buffer.from(bundle.pdf!);
    const at = Math.floor(pdf.length / 2);
    pdf[at] = pdf[at]! ^ 0x01;
    const result = await verifyMinutes({ ...bundle, pdf });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.stringMatching(/^pdf: the PDF hashes to [0-9a-f]{64}, not to the recorded /),
      'pdf: the PDF is not the rendering of the minutes JSON',
    ]);
  });

  it('fails when the PDF is that of another document, even with its own hash', async () => {
    const other = minutesFixture();
    other.items[1]!.decisions[1]!.reasons = 'Motifs réécrits après la séance';
    const otherPdf = await renderMinutesPdf(other);
    const result = await verifyMinutes({ ...(await signedBundle()), pdf: otherPdf, pdfSha256: bytesHash(otherPdf) });
    expect(result.problems).toEqual(['pdf: the PDF is not the rendering of the minutes JSON']);
  });

  it('fails and names the signer when a signature is tampered with', async () => {
    const bundle = await signedBundle();
    const original = bundle.signatures[0]!.signature;
    const flipped = Buffer.from(original, 'base64');
    flipped[10] = flipped[10]! ^ 0x01;
    const result = await verifyMinutes({ ...bundle, signatures: [{ ...bundle.signatures[0]!, signature: flipped.toString('base64') }, bundle.signatures[1]!] });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      `signature 1 (Claire Martin, chair): does not verify over the minutes hash ${bundle.sha256}`,
      'signatures: no valid signature by the chair, whom the rules name as a signer',
    ]);
  });

  it('refuses a signature given over another version of the minutes', async () => {
    const bundle = await signedBundle();
    const amended = minutesFixture();
    amended.items[0]!.decisions[0]!.rank = 2;
    const amendedSha = hashOf(canonicalJson(amended));
    const result = await verifyMinutes({
      ...bundle,
      signatures: [bundle.signatures[0]!, { ...bundle.signatures[1]!, signature: signMinutesHash(secretary.privateKeyPem, amendedSha) }],
    });
    expect(result.problems).toEqual([
      `signature 2 (Marc Secrétaire, secretary): does not verify over the minutes hash ${bundle.sha256}`,
      'signatures: no valid signature by the secretary, whom the rules name as a signer',
    ]);
  });

  it('refuses a valid signature checked against a key that is not the signer’s', async () => {
    const bundle = await signedBundle();
    const intruder = generateSignerKeyPair();
    const result = await verifyMinutes({ ...bundle, signatures: [{ ...bundle.signatures[0]!, publicKeyPem: intruder.publicKeyPem }, bundle.signatures[1]!] });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/^signature 1 \(Claire Martin, chair\): does not verify/);
  });

  it('reports a non-Ed25519 key and minutes without any signature', async () => {
    const bundle = await signedBundle();
    const rsa = rsaPublicAndPrivate();
    const withRsa = await verifyMinutes({ ...bundle, signatures: [{ ...bundle.signatures[0]!, publicKeyPem: rsa.publicKey }, bundle.signatures[1]!] });
    expect(withRsa.problems[0]).toMatch(/^signature 1 \(Claire Martin, chair\): the public key is a rsa key/);
    const unsigned = await verifyMinutes({ ...bundle, signatures: [] });
    expect(unsigned.problems).toContain('signatures: the minutes carry no signature');
  });
});
