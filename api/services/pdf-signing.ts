// A signer's PDF signature of the minutes, made by the API once the signer has authenticated:
// their certificate (issued by the landlord's authority, or their own PKCS#12), a CMS signature
// timestamped by the timestamp authority, as one more revision of the version's PDF.
import { createHash } from 'node:crypto';
import { certificateSha256, type SigningIdentity } from '../../documents/signing-pki.ts';
import { padesSignature, signatureFacts, type TimestampClient } from '../../documents/cms-signature.ts';
import { frenchDay, frenchTime } from '../../documents/minutes-french.ts';
import { signatureFieldName } from '../../documents/minutes-pdf.ts';
import { pdfSignatures, signPdf } from '../../documents/pdf-signatures.ts';
import type { MinutesSigner } from '../../domain/rules/index.ts';
import type { PdfSignatureRecord } from '../../domain/session/index.ts';
import type { Database } from '../../prisma/database.ts';

/** Who signs: what their certificate states. */
export interface SignerDescription {
  /** The member id of the chair, `staff:<subject>` for the secretary: whose key it is. */
  signerId: string;
  name: string;
  title: string;
  email?: string | undefined;
  organisation: string;
  unit: string;
}

/** Where signing keys and timestamps come from (bin/document-signing.ts). */
export interface DocumentSigning {
  /** The signer's key and certificate chain. */
  identityFor(signer: SignerDescription): Promise<SigningIdentity>;
  timestamp: TimestampClient;
  /** The roots a verifier trusts (PEM): the landlord's authority, or its provider's. */
  trustAnchorsPem: string[];
  /** What the timestamp authority is called in the visible block. */
  timestampAuthorityName: string;
}

export const signerTitles: Record<MinutesSigner, string> = {
  chair: 'Président(e) de la commission',
  secretary: 'Secrétaire de séance',
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The PDF a new signature of this version extends: the revision the session recorded last
 * (`head`, from its state: the signature rows are written after it), else the last one the rows
 * name, else the rendered minutes.
 */
export async function currentMinutesPdf(db: Database, minutes: { id: string; pdf: Uint8Array | null; pdfSha256: string | null }, head?: string): Promise<{ bytes: Uint8Array; sha256: string } | undefined> {
  const signed = head ?? (await db.minutesSignature.findFirst({ where: { minutesId: minutes.id, pdfSha256: { not: null } }, orderBy: { signedAt: 'desc' } }))?.pdfSha256;
  if (signed) {
    const revision = await db.minutesPdfRevision.findUnique({ where: { sha256: signed } });
    if (revision) return { bytes: revision.pdf, sha256: revision.sha256 };
  }
  return minutes.pdf ? { bytes: minutes.pdf, sha256: minutes.pdfSha256 ?? sha256(minutes.pdf) } : undefined;
}

/**
 * Signs `base` for `signer` in the field of `role`: the new revision, stored before the
 * workflow records it (the caller removes it when the workflow refuses), and its record.
 */
export async function signMinutesPdf(
  db: Database,
  signing: DocumentSigning,
  minutes: { sessionId: string; version: number },
  base: { bytes: Uint8Array; sha256: string },
  role: MinutesSigner,
  signer: SignerDescription,
  timeZone: string,
): Promise<{ record: PdfSignatureRecord; discard: () => Promise<void> }> {
  const identity = await signing.identityFor(signer);
  const signedAt = new Date();
  const at = signedAt.toISOString();
  const pdf = await signPdf(base.bytes, {
    field: signatureFieldName(role),
    signer: signer.name,
    role: signer.title,
    reason: `Signature du procès-verbal, version ${minutes.version}`,
    location: signer.unit,
    signedAt,
    lines: [
      signer.name,
      signer.title,
      `Signé électroniquement le ${frenchDay(at, timeZone)} à ${frenchTime(at, timeZone)}`,
      `Horodatage : ${signing.timestampAuthorityName}`,
      `${signer.organisation} — ${signer.unit}`,
    ],
  }, (bytes) => padesSignature(bytes, identity, signing.timestamp));
  const facts = signatureFacts(pdfSignatures(pdf).at(-1)!.cms);
  const record: PdfSignatureRecord = {
    baseSha256: base.sha256,
    sha256: sha256(pdf),
    signerName: signer.name,
    certificateSha256: certificateSha256(identity.certificate),
    timestampedAt: (facts.timestamp?.genTime ?? signedAt).toISOString(),
  };
  await db.minutesPdfRevision.create({ data: { sha256: record.sha256, sessionId: minutes.sessionId, version: minutes.version, baseSha256: base.sha256, pdf: new Uint8Array(pdf) } });
  return { record, discard: async () => void await db.minutesPdfRevision.deleteMany({ where: { sha256: record.sha256 } }) };
}
