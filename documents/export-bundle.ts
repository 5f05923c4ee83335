// A session's evidence in one file, checkable without the server: the minutes (JSON, PDF,
// signatures with the signers' public keys), the session's events of the committee's audit
// chain (other events appear as their hashes only, so the chain can be followed without their
// content), and the workflow's Temporal history. The file is canonical JSON whose body is
// hashed: changing any byte of it makes verification fail.
import { checkpointKeys, checkpointProblems, type SignedCheckpoint } from './audit-checkpoints.ts';
import { sessionWorkflowId } from '../workflows/ids.ts';
import { auditEventHash, chainGenesis, type ChainedAuditEvent } from './audit-chain.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { verifyPdfRevision } from './pdf-signatures.ts';
import { verifyMinutes, type MinutesSignatureEntry } from './verify-bundle.ts';
import type { MinutesSigner } from '../domain/rules/index.ts';

export const exportFormat = 'caleol-session-export:v1';

export interface ExportedMinutes {
  version: number;
  status: 'drafted' | 'signed' | 'superseded';
  sha256: string;
  /** The canonical JSON exactly as hashed. */
  documentJson: string;
  pdfBase64: string | null;
  pdfSha256: string | null;
  signatures: Array<MinutesSignatureEntry & { keyFingerprint: string; signedAt: string }>;
  /** The PDF signatures (PAdES) in the order they were made: each revision extends the one before. */
  pdfSignatures?: ExportedPdfSignature[] | undefined;
}

export interface ExportedPdfSignature {
  role: MinutesSigner;
  signer: string;
  signerName: string;
  sha256: string;
  baseSha256: string;
  certificateSha256: string;
  timestampedAt: string;
  pdfBase64: string;
}

/** A link of the chain whose event belongs to another session: only what the chain needs. */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ExportBody {
  exportedAt: string;
  session: { id: string; committeeId: string; scheduledStart: string; phase: string; rulesVersion: number; rules: unknown };
  minutes: ExportedMinutes[];
  /** The committee's chain from the session's first event to its last (or to the head). */
  trail: {
    committeeId: string; entries: Array<ChainedAuditEvent | ChainLink>; head: { seq: number; hash: string } | null;
    /** The signed checkpoints of the chain within the entries, and the public keys that verify them. */
    checkpoints?: SignedCheckpoint[] | undefined;
    checkpointKeys?: string[] | undefined;
  };
  /** Every run of the session's workflow, first to last (one unless it continued as new). */
  history: { workflowId: string; source: 'live' | 'archived'; runs: Array<{ runId: string; sha256: string; json: string }> } | null;
}

export interface ExportBundle {
  format: typeof exportFormat;
  body: ExportBody;
  sha256: string;
}

export function buildExportBundle(body: ExportBody): string {
  return canonicalJson({ format: exportFormat, body, sha256: sha256Hex(canonicalJson(body)) });
}

export interface ExportVerification {
  ok: boolean;
  problems: string[];
}

const isFullEvent = (e: ChainedAuditEvent | ChainLink): e is ChainedAuditEvent => 'type' in e;

function checkTrail(body: ExportBody, problems: string[]): void {
  const entries = body.trail.entries;
  let previous: ChainLink | undefined;
  for (const e of entries) {
    const where = `trail: seq ${e.seq}`;
    if (previous && e.seq !== previous.seq + 1) problems.push(`${where} follows seq ${previous.seq}: the chain has a gap`);
    if (previous && e.prevHash !== previous.hash) problems.push(`${where} does not follow the event before it`);
    if (!previous && e.seq === 1 && e.prevHash !== chainGenesis) problems.push(`${where} is the first of the chain but does not start from its beginning`);
    if (isFullEvent(e)) {
      if (e.committeeId !== body.trail.committeeId) problems.push(`${where} belongs to another committee`);
      if (auditEventHash(e) !== e.hash) problems.push(`${where}, ${e.type}, does not match its hash: it was changed`);
    }
    previous = e;
  }
  const own = entries.filter(isFullEvent);
  if (own.length === 0) problems.push('trail: no event of the session');
  if (own.some((e) => e.sessionId !== body.session.id)) problems.push('trail: a full event belongs to another session');
  const head = body.trail.head;
  if (head && previous && head.seq === previous.seq && head.hash !== previous.hash) problems.push('trail: the last event is not the chain\'s head');
}

async function checkMinutes(body: ExportBody, problems: string[]): Promise<void> {
  const current = body.minutes.filter((m) => m.status !== 'superseded').at(-1);
  for (const m of body.minutes) {
    // Each PDF signature's revision extends the PDF before it (the rendered minutes first) and verifies.
    const pdfSignedRoles: MinutesSigner[] = [];
    let base = m.pdfBase64 === null ? undefined : Buffer.from(m.pdfBase64, 'base64');
    for (const s of m.pdfSignatures ?? []) {
      const revision = Buffer.from(s.pdfBase64, 'base64');
      const found = base ? await verifyPdfRevision(base, revision, { sha256: s.sha256, certificateSha256: s.certificateSha256 }) : ['the PDF it signed is not in the bundle'];
      for (const p of found) problems.push(`minutes v${m.version}: the ${s.role}'s PDF signature: ${p}`);
      if (found.length === 0) pdfSignedRoles.push(s.role);
      base = revision;
    }
    const result = await verifyMinutes({
      pdfSignedRoles,
      documentJson: m.documentJson,
      sha256: m.sha256,
      pdf: m.pdfBase64 === null ? undefined : Buffer.from(m.pdfBase64, 'base64'),
      pdfSha256: m.pdfSha256 ?? undefined,
      signatures: m.signatures.map((s) => ({ signer: s.signer, role: s.role as MinutesSigner, publicKeyPem: s.publicKeyPem, signature: s.signature })),
    });
    // Superseded or unsigned versions carry no complete set of signatures: what they have must still verify.
    const relevant = m === current && m.status === 'signed' ? result.problems : result.problems.filter((p) => !p.startsWith('signatures: '));
    for (const p of relevant) problems.push(`minutes v${m.version}: ${p}`);
  }
  if (!current) problems.push('minutes: none');
  const signedEvents = body.trail.entries.filter(isFullEvent).filter((e) => e.type === 'minutes_signed');
  for (const e of signedEvents) {
    const payload = e.payload as { version?: number; sha256?: string };
    const version = body.minutes.find((m) => m.version === payload.version);
    if (!version || version.sha256 !== payload.sha256) problems.push(`trail: seq ${e.seq} records a signature over minutes the bundle does not hold`);
  }
}

function checkHistory(body: ExportBody, problems: string[]): void {
  if (!body.history) return;
  if (body.history.workflowId !== sessionWorkflowId(body.session.id)) problems.push(`history: is the history of ${body.history.workflowId}, not of this session`);
  if (body.history.runs.length === 0) problems.push('history: holds no run');
  for (const run of body.history.runs) {
    if (sha256Hex(run.json) !== run.sha256) problems.push(`history: run ${run.runId} does not match its hash`);
    try {
      const parsed = JSON.parse(run.json) as { events?: unknown[] };
      if (!Array.isArray(parsed.events) || parsed.events.length === 0) problems.push(`history: run ${run.runId} holds no events`);
    } catch {
      problems.push(`history: run ${run.runId} is not JSON`);
    }
  }
}

/**
 * The checkpoints against the bundle's chain, with the keys the reader trusts (pinned), or else
 * the bundle's own: then they prove the chain is the one the keys' holder signed, not who that is.
 */
function checkCheckpoints(body: ExportBody, problems: string[], pinnedKeys: readonly string[]): void {
  const checkpoints = body.trail.checkpoints ?? [];
  if (checkpoints.length === 0) return;
  const keys = checkpointKeys(pinnedKeys.length ? pinnedKeys : body.trail.checkpointKeys ?? []);
  const chain = new Map(body.trail.entries.map((e) => [e.seq, e.hash] as const));
  for (const p of checkpointProblems(chain, checkpoints, keys)) problems.push(`trail: ${p.message}`);
}

/** Checks a bundle end to end, offline; `checkpointPublicKeys` pins the keys its checkpoints must be signed with. */
export async function verifyExportBundle(text: string, checkpointPublicKeys: readonly string[] = []): Promise<ExportVerification> {
  let bundle: ExportBundle;
  try {
    bundle = JSON.parse(text) as ExportBundle;
  } catch {
    return { ok: false, problems: ['bundle: not JSON'] };
  }
  const problems: string[] = [];
  if (canonicalJson(bundle) !== text.replace(/\n$/, '')) problems.push('bundle: not in canonical form: it was edited');
  if (bundle?.format !== exportFormat || typeof bundle.body !== 'object' || bundle.body === null) {
    return { ok: false, problems: [...problems, `bundle: not a ${exportFormat} bundle`] };
  }
  if (sha256Hex(canonicalJson(bundle.body)) !== bundle.sha256) problems.push('bundle: its content does not match its hash');
  try {
    checkTrail(bundle.body, problems);
    checkCheckpoints(bundle.body, problems, checkpointPublicKeys);
    await checkMinutes(bundle.body, problems);
    checkHistory(bundle.body, problems);
  } catch (error) {
    problems.push(`bundle: malformed (${(error as Error).message})`);
  }
  return { ok: problems.length === 0, problems };
}
