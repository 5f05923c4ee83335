// The chair (and the secretary where the rules say so) signs the current version of the minutes,
// once authenticated: the API makes their PDF signature (PAdES, timestamped) with their
// certificate, as one more revision of the version's PDF. An Ed25519 signature of the JSON's
// hash, made offline with a registered key, may come with it as a second, machine-checkable seal.
import type { MinutesSigner } from '../../domain/rules/index.ts';
import { verifyMinutesSignature } from '../../documents/signatures.ts';
import { signMinutes as update } from '../../workflows/session-messages.ts';
import type { Principal } from '../auth.ts';
import { conflict, ProblemError, unprocessable } from '../problems.ts';
import { actingLookups } from './acting.ts';
import type { ServiceDeps } from './deps.ts';
import { currentMinutesPdf, signerTitles, signMinutesPdf, type SignerDescription } from './pdf-signing.ts';
import { signerOf } from './signers.ts';

export interface SignMinutesOptions {
  sha256: string;
  signature?: string | undefined;
  as?: MinutesSigner | undefined;
}

async function sealOf({ db }: ServiceDeps, committeeId: string, signer: string, role: MinutesSigner, o: SignMinutesOptions & { signature: string }) {
  const keys = await db.signerKey.findMany({ where: { committeeId, signer, role, revokedAt: null } });
  if (keys.length === 0) {
    throw unprocessable('signer_key_missing', `no public key is registered for the ${role} (${signer}): register one with POST /committees/${committeeId}/signer-keys`, 'signer_key_registered');
  }
  const key = keys.find((k) => verifyMinutesSignature(k.publicKeyPem, o.sha256, o.signature));
  if (!key) {
    throw unprocessable('signature_invalid', `the signature does not verify over the minutes hash ${o.sha256} with the ${role}'s registered key${keys.length > 1 ? 's' : ''}`, 'signature_verifies');
  }
  return { signature: o.signature, keyFingerprint: key.fingerprint };
}

async function describeSigner({ db }: ServiceDeps, principal: Principal, committee: { name: string; landlord: string }, role: MinutesSigner, signer: string): Promise<SignerDescription> {
  const base = { signerId: signer, title: signerTitles[role], organisation: committee.landlord, unit: committee.name };
  if (role === 'chair') {
    const member = await db.member.findUniqueOrThrow({ where: { id: signer }, select: { name: true, email: true } });
    return { ...base, name: member.name, email: member.email };
  }
  return { ...base, name: principal.name ?? principal.subject, email: principal.email };
}

export async function signMinutes(deps: ServiceDeps, principal: Principal, sessionId: string, o: SignMinutesOptions, updateIdOf: (role: MinutesSigner) => string | undefined) {
  const { db, sessions } = deps;
  const session = await actingLookups(db).sessionRow(sessionId);
  const { role, signer } = await signerOf(db, principal, session.committeeId, o.as);
  const seal = o.signature === undefined ? undefined : await sealOf(deps, session.committeeId, signer, role, { ...o, signature: o.signature });
  if (!deps.documentSigning) {
    throw new ProblemError({ status: 503, code: 'pdf_signing_unavailable', title: 'Service Unavailable', detail: 'no signing certificates are configured on this server', rule: 'pdf_signing_configured' });
  }

  // What the session recorded, not the rows written after it: the version and its signatures so far.
  const recorded = (await sessions.state(session.id)).minutes;
  const minutes = recorded?.sha256 === o.sha256 ? await db.minutes.findUnique({ where: { sessionId_version: { sessionId: session.id, version: recorded.version } } }) : null;
  const base = minutes ? await currentMinutesPdf(db, minutes, recorded?.pdfHead ?? minutes.pdfSha256 ?? undefined) : undefined;
  if (!recorded || !minutes || !base) {
    throw conflict('sign_current_minutes', `no current version of the minutes of session ${session.id} has the hash ${o.sha256}: sign the current version`, 'sign_current_minutes');
  }
  if (recorded.signatures.some((s) => s.role === role)) {
    throw conflict('sign_once', `the minutes already bear the ${role}'s signature`, 'sign_once');
  }
  const committee = await db.committee.findUniqueOrThrow({ where: { id: session.committeeId }, select: { name: true, landlord: true, timeZone: true } });
  const described = await describeSigner(deps, principal, committee, role, signer);
  const { record, discard } = await signMinutesPdf(db, deps.documentSigning, minutes, base, role, described, committee.timeZone);
  try {
    return await sessions.update(session.id, update, [{ actor: signer, role, sha256: o.sha256, ...seal, pdf: record }], updateIdOf(role));
  } catch (error) {
    // A refused signature leaves no revision behind.
    await discard();
    throw error;
  }
}
