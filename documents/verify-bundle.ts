// Re-checks a set of minutes as a whole: the JSON, its hash, the PDF and every signature. Any
// change to one of them is reported by name; nothing here trusts the hashes it is given.
import type { MinutesSigner } from '../domain/rules/index.ts';
import { bytesSha256, canonicalJson, sha256Hex } from './canonical-json.ts';
import { minutesRendererVersion, renderMinutesPdf } from './minutes-pdf.ts';
import type { MinutesDocument } from '../domain/minutes.ts';
import { MinutesSignatureError, verifyMinutesSignature } from './signatures.ts';

export interface MinutesSignatureEntry {
  /** Who signed, as the report should name them (a name or a member id). */
  signer: string;
  /** The capacity they signed in; the rules name which capacities must sign (`signers`). */
  role?: MinutesSigner | undefined;
  /** The key registered for the signer: the caller looks it up, it is never taken from the submitter. */
  publicKeyPem: string;
  signature: string;
}

export interface MinutesBundle {
  /** The canonical JSON text exactly as hashed. */
  documentJson: string;
  sha256: string;
  pdf?: Buffer | undefined;
  pdfSha256?: string | undefined;
  signatures: MinutesSignatureEntry[];
  /** The capacities whose PDF signature (PAdES) the caller has verified over this version's PDF. */
  pdfSignedRoles?: MinutesSigner[] | undefined;
}

export interface MinutesVerification {
  ok: boolean;
  problems: string[];
  /** What could not be checked, and why (present only when there is something to say). */
  notes?: string[] | undefined;
}

function parseDocument(documentJson: string, problems: string[]): MinutesDocument | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(documentJson);
  } catch {
    problems.push('json: the minutes JSON does not parse');
    return undefined;
  }
  if (canonicalJson(parsed) !== documentJson) {
    problems.push('json: the minutes JSON is not in canonical form (RFC 8785): it was edited or re-serialised');
  }
  const doc = parsed as Partial<MinutesDocument> | null;
  if (typeof doc !== 'object' || doc === null || doc.document !== 'caleol_minutes' || doc.formatVersion !== 2) {
    problems.push('json: not a minutes document of format version 2');
    return undefined;
  }
  return parsed as MinutesDocument;
}

/** The renderer version a minutes PDF names in its Creator ("caleol-engine minutes v3"). */
function rendererVersion(pdf: Buffer): number | undefined {
  const named = /\(caleol-engine minutes v(\d+)\)/.exec(pdf.toString('latin1'));
  return named ? Number(named[1]) : undefined;
}

async function checkPdf(bundle: MinutesBundle, document: MinutesDocument | undefined, problems: string[], notes: string[]): Promise<void> {
  if (!bundle.pdf) {
    if (bundle.pdfSha256 !== undefined) problems.push('pdf: a PDF hash is given but no PDF');
    return;
  }
  const pdfHash = bytesSha256(bundle.pdf);
  if (bundle.pdfSha256 !== undefined && pdfHash !== bundle.pdfSha256.toLowerCase()) {
    problems.push(`pdf: the PDF hashes to ${pdfHash}, not to the recorded ${bundle.pdfSha256}`);
  }
  if (!document) {
    problems.push('pdf: cannot be compared with the minutes JSON, which does not read as minutes');
    return;
  }
  // A PDF an earlier renderer made cannot be made again byte for byte by this one.
  const version = rendererVersion(bundle.pdf);
  if (version !== undefined && version < minutesRendererVersion) {
    notes.push(`pdf: rendered by an earlier version of the renderer (minutes v${version}, now v${minutesRendererVersion}): checked against its recorded hash only`);
    return;
  }
  let rendered: Buffer;
  try {
    rendered = await renderMinutesPdf(document);
  } catch (error) {
    problems.push(`pdf: the minutes JSON cannot be rendered (${(error as Error).message})`);
    return;
  }
  if (bytesSha256(rendered) !== pdfHash) {
    problems.push('pdf: the PDF is not the rendering of the minutes JSON');
  }
}

function checkSignatures(bundle: MinutesBundle, document: MinutesDocument | undefined, problems: string[]): void {
  if (bundle.signatures.length === 0 && !bundle.pdfSignedRoles?.length) problems.push('signatures: the minutes carry no signature');
  const validRoles = new Set<MinutesSigner>(bundle.pdfSignedRoles ?? []);
  bundle.signatures.forEach((s, i) => {
    const who = `signature ${i + 1} (${s.signer}${s.role ? `, ${s.role}` : ''})`;
    let valid: boolean;
    try {
      valid = verifyMinutesSignature(s.publicKeyPem, bundle.sha256, s.signature);
    } catch (error) {
      if (!(error instanceof MinutesSignatureError)) throw error;
      // A malformed expected hash is already reported once by the hash check.
      if (error.code !== 'invalid_hash') problems.push(`${who}: ${error.message}`);
      return;
    }
    if (!valid) problems.push(`${who}: does not verify over the minutes hash ${bundle.sha256}`);
    else if (s.role) validRoles.add(s.role);
  });
  for (const role of document?.signers ?? []) {
    if (!validRoles.has(role)) problems.push(`signatures: no valid signature by the ${role}, whom the rules name as a signer`);
  }
}

export async function verifyMinutes(bundle: MinutesBundle): Promise<MinutesVerification> {
  const problems: string[] = [];
  const document = parseDocument(bundle.documentJson, problems);
  if (!/^[0-9a-f]{64}$/.test(bundle.sha256)) {
    problems.push('hash: the expected minutes hash is not a SHA-256 in lowercase hexadecimal');
  } else if (sha256Hex(bundle.documentJson) !== bundle.sha256) {
    problems.push(`hash: the minutes JSON hashes to ${sha256Hex(bundle.documentJson)}, not to the expected ${bundle.sha256}`);
  }
  const notes: string[] = [];
  await checkPdf(bundle, document, problems, notes);
  checkSignatures(bundle, document, problems);
  return { ok: problems.length === 0, problems, ...(notes.length ? { notes } : {}) };
}
