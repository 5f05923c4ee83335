// Signatures of the minutes: Ed25519 (node:crypto) over the SHA-256 of the canonical JSON.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * What is signed is not the bare hash but `caleol-minutes:v1:<sha256hex>` (domain separation).
 * A signer's key then cannot be made to vouch for the minutes by a signature it gave for some
 * other purpose over the same 32 bytes or the same hex text (another application, a login
 * challenge, a future format of these minutes), and a minutes signature cannot be replayed
 * elsewhere. `v1` names this message format, so a later one cannot be confused with it.
 */
export const minutesSignatureContext = 'caleol-minutes:v1:';

const sha256Pattern = /^[0-9a-f]{64}$/;
// 64 bytes of Ed25519 signature, in standard base64 with its padding.
const signaturePattern = /^[A-Za-z0-9+/]{86}==$/;

export type MinutesSignatureErrorCode = 'invalid_hash' | 'invalid_key' | 'not_ed25519' | 'private_key_expected' | 'public_key_expected';

export class MinutesSignatureError extends Error {
  override readonly name = 'MinutesSignatureError';
  constructor(readonly code: MinutesSignatureErrorCode, message: string) {
    super(message);
  }
}

export interface SignerKeyPair {
  /** SPKI, PEM. */
  publicKeyPem: string;
  /** PKCS#8, PEM: stays with the signer. */
  privateKeyPem: string;
}

/** The exact bytes signed for a minutes hash. */
export function minutesSignatureMessage(sha256Hex: string): Buffer {
  if (!sha256Pattern.test(sha256Hex)) {
    throw new MinutesSignatureError('invalid_hash', 'the minutes hash must be a SHA-256 in lowercase hexadecimal (64 characters)');
  }
  return Buffer.from(`${minutesSignatureContext}${sha256Hex}`, 'utf8');
}

function requireEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new MinutesSignatureError('not_ed25519', `the ${what} is a ${key.asymmetricKeyType ?? 'unknown'} key; minutes are signed with Ed25519 keys only`);
  }
  return key;
}

function privateKey(pem: string): KeyObject {
  if (!pem.includes('PRIVATE KEY')) {
    throw new MinutesSignatureError('private_key_expected', 'the signing key must be a private key in PEM (PKCS#8)');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new MinutesSignatureError('invalid_key', `the signing key cannot be read: ${(error as Error).message}`);
  }
  return requireEd25519(key, 'signing key');
}

/** Reads a signer's public key; a private key is refused so it is never registered or shared by mistake. */
export function signerPublicKey(pem: string): KeyObject {
  if (pem.includes('PRIVATE KEY')) {
    throw new MinutesSignatureError('public_key_expected', 'a public key (SPKI PEM) is expected, not a private key');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new MinutesSignatureError('invalid_key', `the public key cannot be read: ${(error as Error).message}`);
  }
  return requireEd25519(key, 'public key');
}

export function generateSignerKeyPair(): SignerKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/** Signs a minutes hash: the base64 Ed25519 signature of `caleol-minutes:v1:<sha256Hex>`. */
export function signMinutesHash(privateKeyPem: string, sha256Hex: string): string {
  const message = minutesSignatureMessage(sha256Hex);
  return sign(null, message, privateKey(privateKeyPem)).toString('base64');
}

/**
 * Whether `signatureBase64` is the key's signature of the minutes hash. A malformed signature is
 * simply not valid (false); a malformed hash or a key that is not an Ed25519 public key throws.
 */
export function verifyMinutesSignature(publicKeyPem: string, sha256Hex: string, signatureBase64: string): boolean {
  const message = minutesSignatureMessage(sha256Hex);
  const key = signerPublicKey(publicKeyPem);
  if (!signaturePattern.test(signatureBase64)) return false;
  return verify(null, message, key, Buffer.from(signatureBase64, 'base64'));
}

/** SHA-256 (hex) of the public key's DER (SPKI): how a registered key is named. */
export function publicKeyFingerprint(publicKeyPem: string): string {
  const der = signerPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}
