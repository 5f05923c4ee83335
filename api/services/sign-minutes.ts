// The chair (and the secretary where the rules say so) signs the current version of the minutes:
// the Ed25519 signature of its hash, checked against the signer's registered keys.
import type { MinutesSigner } from '../../domain/rules/index.ts';
import { verifyMinutesSignature } from '../../documents/signatures.ts';
import { signMinutes as update } from '../../workflows/session-messages.ts';
import type { Principal } from '../auth.ts';
import { unprocessable } from '../problems.ts';
import { actingLookups } from './acting.ts';
import type { ServiceDeps } from './deps.ts';
import { signerOf } from './signers.ts';

export interface SignMinutesOptions {
  sha256: string;
  signature: string;
  as?: MinutesSigner | undefined;
}

export async function signMinutes({ db, sessions }: ServiceDeps, principal: Principal, sessionId: string, o: SignMinutesOptions, updateIdOf: (role: MinutesSigner) => string | undefined) {
  const session = await actingLookups(db).sessionRow(sessionId);
  const { role, signer } = await signerOf(db, principal, session.committeeId, o.as);
  const keys = await db.signerKey.findMany({ where: { committeeId: session.committeeId, signer, role, revokedAt: null } });
  if (keys.length === 0) {
    throw unprocessable('signer_key_missing', `no public key is registered for the ${role} (${signer}): register one with POST /committees/${session.committeeId}/signer-keys`, 'signer_key_registered');
  }
  const key = keys.find((k) => verifyMinutesSignature(k.publicKeyPem, o.sha256, o.signature));
  if (!key) {
    throw unprocessable('signature_invalid', `the signature does not verify over the minutes hash ${o.sha256} with the ${role}'s registered key${keys.length > 1 ? 's' : ''}`, 'signature_verifies');
  }
  return sessions.update(session.id, update, [{ actor: signer, role, sha256: o.sha256, signature: o.signature, keyFingerprint: key.fingerprint }], updateIdOf(role));
}
