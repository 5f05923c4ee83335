// The stored minutes re-checked as a whole: the JSON against its hash, the PDF against the JSON,
// every signature against the key registered for it. Used by the API and the offline command.
import { canonicalJson } from '../../documents/canonical-json.ts';
import { verifyMinutes, type MinutesSignatureEntry } from '../../documents/verify-bundle.ts';
import type { Database } from '../../prisma/database.ts';
import type { MinutesSigner } from '../../domain/rules/index.ts';
import { notFound } from '../problems.ts';
import { verifyPdfRevision } from '../../documents/pdf-signatures.ts';

export async function minutesVersion(db: Database, sessionId: string, version?: number) {
  const minutes = await db.minutes.findFirst({
    where: { sessionId, ...(version ? { version } : {}) },
    orderBy: { version: 'desc' },
    include: { signatures: { orderBy: { signedAt: 'asc' } } },
  });
  if (!minutes) throw notFound(version ? `version ${version} of the minutes of session` : 'minutes of session', sessionId);
  return minutes;
}

/** Everything stored of a version, re-checked: the bundle takes the keys from the registry, never from the signature. */
export async function verifyStoredMinutes(db: Database, committeeId: string, minutes: Awaited<ReturnType<typeof minutesVersion>>) {
  const keys = await db.signerKey.findMany({ where: { committeeId, fingerprint: { in: minutes.signatures.flatMap((s) => s.keyFingerprint ?? []) } } });
  const registered = new Map(keys.map((k) => [k.fingerprint, k]));
  const problemsFound: string[] = [];
  const entries: MinutesSignatureEntry[] = [];
  // The PDF signatures in the order they were made, each revision extending the one before.
  let previous: Buffer | undefined;
  const pdfSignedRoles: MinutesSigner[] = [];
  for (const s of minutes.signatures) {
    const who = `the ${s.role}'s signature (${s.signer})`;
    const key = s.keyFingerprint ? registered.get(s.keyFingerprint) : undefined;
    if (s.pdfSha256) {
      const revision = await db.minutesPdfRevision.findUnique({ where: { sha256: s.pdfSha256 } });
      const base = previous ?? (minutes.pdf ? Buffer.from(minutes.pdf) : undefined);
      if (!revision) problemsFound.push(`${who}: its signed PDF ${s.pdfSha256} is not stored`);
      else if (!base) problemsFound.push(`${who}: the PDF it signed is not stored`);
      else {
        const pdfProblems = await verifyPdfRevision(base, revision.pdf, { sha256: s.pdfSha256, certificateSha256: s.certificateSha256 ?? undefined });
        for (const problem of pdfProblems) problemsFound.push(`${who}: ${problem}`);
        if (pdfProblems.length === 0) pdfSignedRoles.push(s.role as MinutesSigner);
        previous = Buffer.from(revision.pdf);
      }
    }
    if (!s.signature || !s.keyFingerprint) {
      if (!s.pdfSha256) problemsFound.push(`${who}: recorded without a cryptographic signature`);
    } else if (!key) problemsFound.push(`${who}: its key ${s.keyFingerprint} is not registered for this committee`);
    // A key vouches only for its own signer in their own capacity.
    else if (key.signer !== s.signer || key.role !== s.role) problemsFound.push(`${who}: its key ${key.fingerprint} is registered to ${key.signer} as ${key.role}, not to this signer`);
    else if (s.sha256 !== minutes.sha256) problemsFound.push(`${who}: given over ${s.sha256}, not over this version's hash`);
    else entries.push({ signer: s.signer, role: s.role as MinutesSigner, publicKeyPem: key.publicKeyPem, signature: s.signature });
  }
  const result = await verifyMinutes({
    documentJson: canonicalJson(minutes.document),
    sha256: minutes.sha256,
    pdf: minutes.pdf ? Buffer.from(minutes.pdf) : undefined,
    pdfSha256: minutes.pdfSha256 ?? undefined,
    signatures: entries,
    pdfSignedRoles,
  });
  // With no usable entry, verifyMinutes says "no signature"; the reasons above say why.
  const all = [...problemsFound, ...result.problems.filter((p) => !(problemsFound.length && p.startsWith('signatures: the minutes carry no signature')))];
  return { ok: all.length === 0, problems: all, ...(result.notes ? { notes: result.notes } : {}) };
}

