// Checkpoints of the audit trail: a committee's chain head (seq and hash) signed, at a time, with
// an Ed25519 key the database does not hold. Whoever can write to the database can recompute
// every hash of the chain, or delete its last events and rewind its head; they cannot sign a
// checkpoint. A checkpoint whose event is gone (truncation) or has another hash (a recomputed
// chain) is found by any verifier holding the public key: the API, the command, an export's
// reader. A real timestamp authority (RFC 3161) would add an independent time to each one.
import { sign, verify } from 'node:crypto';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { ChainProblem } from './audit-chain.ts';
import { publicKeyFingerprint, signerPublicKey } from './signatures.ts';

export const checkpointContext = 'caleol-audit-checkpoint:v1:';

export interface CheckpointContent {
  committeeId: string;
  seq: number;
  hash: string;
  /** ISO 8601. */
  signedAt: string;
}

export interface SignedCheckpoint extends CheckpointContent {
  /** The fingerprint (SHA-256 of the SPKI DER) of the public key that verifies it. */
  keyId: string;
  signature: string;
}

export interface CheckpointSigner {
  keyId: string;
  publicKeyPem: string;
  sign(content: CheckpointContent): SignedCheckpoint;
}

/** The exact bytes signed. */
export function checkpointMessage(c: CheckpointContent): Buffer {
  return Buffer.from(`${checkpointContext}${c.committeeId}:${c.seq}:${c.hash}:${c.signedAt}`, 'utf8');
}

export function checkpointSigner(privateKeyPem: string): CheckpointSigner {
  const key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the audit checkpoint key must be an Ed25519 private key (PKCS#8 PEM)');
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  const keyId = publicKeyFingerprint(publicKeyPem);
  return { keyId, publicKeyPem, sign: (content) => ({ ...content, keyId, signature: sign(null, checkpointMessage(content), key).toString('base64') }) };
}

/** The verifying keys by id, from their public PEMs. */
export function checkpointKeys(publicKeyPems: readonly string[]): Map<string, string> {
  return new Map(publicKeyPems.map((pem) => [publicKeyFingerprint(pem), pem]));
}

export function checkpointSignatureValid(keys: ReadonlyMap<string, string>, c: SignedCheckpoint): boolean {
  const pem = keys.get(c.keyId);
  if (!pem) return false;
  try {
    return verify(null, checkpointMessage(c), signerPublicKey(pem), Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * What the checkpoints say of a chain: each must be signed by a known key, and the chain must
 * still hold the checkpointed event with the checkpointed hash. `chain` is the committee's
 * events by seq as stored (their hashes as stored, checked separately against their content).
 */
export function checkpointProblems(chain: ReadonlyMap<number, string>, checkpoints: readonly SignedCheckpoint[], keys: ReadonlyMap<string, string>): ChainProblem[] {
  const problems: ChainProblem[] = [];
  for (const c of checkpoints) {
    const where = `checkpoint of seq ${c.seq} signed at ${c.signedAt}`;
    if (!checkpointSignatureValid(keys, c)) {
      problems.push({ at: String(c.seq), message: `${where} is not signed by a known checkpoint key (${c.keyId.slice(0, 12)}…): forged or changed` });
      continue;
    }
    const hash = chain.get(c.seq);
    if (hash === undefined) problems.push({ at: String(c.seq), message: `${where}: the chain no longer holds seq ${c.seq}: events were deleted and the head rewound` });
    else if (hash !== c.hash) problems.push({ at: String(c.seq), message: `${where}: seq ${c.seq} has another hash than the one signed: the chain was rewritten and its hashes recomputed` });
  }
  return problems;
}
