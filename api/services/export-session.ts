// Gathers what proves a session's decisions into one bundle (documents/export-bundle.ts).
import type { Client } from '@temporalio/client';
import type { ChainLink } from '../../documents/export-bundle.ts';
import { canonicalJson, sha256Hex } from '../../documents/canonical-json.ts';
import { buildExportBundle, type ExportBody } from '../../documents/export-bundle.ts';
import { signedCheckpoint, storedAuditEvent } from '../../prisma/audit-trail.ts';
import type { Database } from '../../prisma/database.ts';
import { NoHistoryError, sessionHistory } from './replay-session.ts';

export async function sessionExport(db: Database, temporal: Client, sessionId: string, checkpointKeyPems: ReadonlyMap<string, string> = new Map()): Promise<string> {
  const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
  const [rules, minutes, ownEvents, head] = await Promise.all([
    db.committeeRules.findUnique({ where: { committeeId_version: { committeeId: session.committeeId, version: session.rulesVersion } } }),
    db.minutes.findMany({ where: { sessionId }, orderBy: { version: 'asc' }, include: { signatures: { orderBy: { signedAt: 'asc' } } } }),
    db.auditEvent.findMany({ where: { sessionId, seq: { not: null } }, orderBy: { seq: 'asc' }, select: { seq: true } }),
    db.auditChainHead.findUnique({ where: { committeeId: session.committeeId } }),
  ]);
  const first = ownEvents[0]?.seq ?? 0;
  const last = ownEvents.at(-1)?.seq ?? 0;
  const rows = await db.auditEvent.findMany({ where: { committeeId: session.committeeId, seq: { gte: first, lte: last } }, orderBy: { seq: 'asc' } });
  const keys = await db.signerKey.findMany({ where: { committeeId: session.committeeId } });
  const checkpoints = (await db.auditCheckpoint.findMany({ where: { committeeId: session.committeeId, seq: { gte: first, lte: last } }, orderBy: { seq: 'asc' } })).map(signedCheckpoint);
  const keyPem = new Map(keys.map((k) => [k.fingerprint, k.publicKeyPem]));
  const revisionShas = minutes.flatMap((m) => m.signatures.flatMap((s) => s.pdfSha256 ?? []));
  const revisions = new Map((await db.minutesPdfRevision.findMany({ where: { sha256: { in: revisionShas } } })).map((r) => [r.sha256, r]));
  let history: ExportBody['history'] = null;
  try {
    const h = await sessionHistory(db, temporal, sessionId);
    history = { workflowId: h.workflowId, source: h.source, runs: h.runs.map((r) => ({ runId: r.runId, sha256: sha256Hex(r.json), json: r.json })) };
  } catch (error) {
    if (!(error instanceof NoHistoryError)) throw error;
  }
  const body: ExportBody = {
    exportedAt: new Date().toISOString(),
    session: { id: session.id, committeeId: session.committeeId, scheduledStart: session.scheduledStart.toISOString(), phase: session.phase, rulesVersion: session.rulesVersion, rules: rules?.rules ?? null },
    minutes: minutes.map((m) => ({
      version: m.version,
      status: m.status,
      sha256: m.sha256,
      documentJson: canonicalJson(m.document),
      pdfBase64: m.pdf ? Buffer.from(m.pdf).toString('base64') : null,
      pdfSha256: m.pdfSha256,
      signatures: m.signatures.filter((s) => s.signature && s.keyFingerprint && keyPem.has(s.keyFingerprint)).map((s) => ({
        signer: s.signer, role: s.role as 'chair' | 'secretary', signature: s.signature!, keyFingerprint: s.keyFingerprint!, publicKeyPem: keyPem.get(s.keyFingerprint!)!, signedAt: s.signedAt.toISOString(),
      })),
      pdfSignatures: m.signatures.filter((s) => s.pdfSha256 && revisions.has(s.pdfSha256)).map((s) => {
        const revision = revisions.get(s.pdfSha256!)!;
        return {
          role: s.role as 'chair' | 'secretary', signer: s.signer, signerName: s.signerName ?? '', sha256: revision.sha256, baseSha256: revision.baseSha256,
          certificateSha256: s.certificateSha256 ?? '', timestampedAt: s.timestampedAt?.toISOString() ?? '', pdfBase64: Buffer.from(revision.pdf).toString('base64'),
        };
      }),
    })),
    trail: {
      committeeId: session.committeeId,
      entries: rows.map((r) => {
        const e = storedAuditEvent(r);
        if (r.sessionId === sessionId) return { ...e, seq: e.seq!, prevHash: e.prevHash!, hash: e.hash! };
        return { seq: r.seq!, prevHash: r.prevHash!, hash: r.hash! } satisfies ChainLink;
      }),
      head: head ? { seq: head.seq, hash: head.hash } : null,
      checkpoints,
      checkpointKeys: [...new Set(checkpoints.map((c) => checkpointKeyPems.get(c.keyId)).filter((pem): pem is string => pem !== undefined))],
    },
    history,
  };
  return buildExportBundle(body);
}
