// The minutes after the session: each version (JSON or PDF), signatures verified against the
// signers' registered Ed25519 keys, amendments, verification of the whole, per-candidate
// extracts, and the letters sent once they are signed.
import { Type } from 'typebox';
import { CandidateNotExaminedError, candidateExtract, candidateExtractPdf } from '../../documents/extract.ts';
import type { MinutesDocument } from '../../domain/minutes.ts';
import { MinutesSignatureError, publicKeyFingerprint, signerPublicKey } from '../../documents/signatures.ts';
import type { MinutesSigner } from '../../domain/rules/index.ts';
import { requireRole } from '../auth.ts';
import { updateOnly, type App, type RouteContext } from '../context.ts';
import { conflict, forbidden, notFound, unprocessable } from '../problems.ts';
import { actingLookups, requireWholeRecordReader, updateIdFor } from '../services/acting.ts';
import { amendMinutes } from '../services/amend-minutes.ts';
import { signMinutes } from '../services/sign-minutes.ts';
import { signerOf } from '../services/signers.ts';
import { minutesVersion, verifyStoredMinutes } from '../services/verify-minutes.ts';
import { currentMinutesPdf } from '../services/pdf-signing.ts';
import {
  AmendmentInput,
  ExtractParams,
  IdParams,
  Minutes,
  MinutesVerification,
  Notification,
  NotificationParams,
  PhaseAnswer,
  SignatureInput,
  SignerKey,
  SignerKeyInput,
  SignerKeyParams,
  VersionQuery,
  problemResponses as problems,
} from '../schemas.ts';

const readers = ['secretary', 'chair', 'member', 'auditor', 'ops'] as const;
const pdfResponse = { 'application/pdf': { schema: Type.String({ format: 'binary' }) } };

function versionOf(query: { version?: string | undefined }): number | undefined {
  return query.version === undefined ? undefined : Number(query.version);
}

function wantsPdf(accept: string | undefined): boolean {
  return accept?.includes('application/pdf') ?? false;
}

export function registerMinutesRoutes(app: App, deps: RouteContext): void {
  const { db } = deps;
  const { sessionRow } = actingLookups(db);

  app.get('/sessions/:id/minutes', {
    config: { scope: 'session' },
    schema: {
      tags: ['minutes'],
      summary: 'A version of the minutes (the latest by default): canonical JSON and its SHA-256, or the PDF in French with Accept: application/pdf',
      params: IdParams, querystring: VersionQuery,
      response: { 200: { content: { 'application/json': { schema: Minutes }, ...pdfResponse } }, ...problems },
    },
  }, async (request, reply) => {
    const principal = requireRole(request.principal, ...readers);
    const session = await sessionRow(request.params.id);
    await requireWholeRecordReader(db, principal, session.committeeId);
    const minutes = await minutesVersion(db, request.params.id, versionOf(request.query));
    // The revision the session recorded last for the current version; the rows for an older one.
    const recorded = minutes.status === 'superseded' ? undefined : (await deps.sessions.state(session.id).catch(() => undefined))?.minutes;
    const pdf = await currentMinutesPdf(db, minutes, recorded?.version === minutes.version ? recorded.pdfHead : undefined);
    if (wantsPdf(request.headers.accept)) {
      if (!pdf) throw notFound('PDF of the minutes of session', request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="proces-verbal-${minutes.sessionId}-v${minutes.version}.pdf"`)
        .send(Buffer.from(pdf.bytes));
    }
    return reply.type('application/json').send({
      sessionId: minutes.sessionId,
      version: minutes.version,
      status: minutes.status,
      sha256: minutes.sha256,
      pdfSha256: minutes.pdfSha256 ?? undefined,
      document: minutes.document as Record<string, unknown>,
      signatures: minutes.signatures.map((s) => ({
        signer: s.signer, role: s.role, sha256: s.sha256, signedAt: s.signedAt.toISOString(),
        signature: s.signature ?? undefined, keyFingerprint: s.keyFingerprint ?? undefined,
        pdfSha256: s.pdfSha256 ?? undefined, signerName: s.signerName ?? undefined,
        certificateSha256: s.certificateSha256 ?? undefined, timestampedAt: s.timestampedAt?.toISOString(),
      })),
      signedPdfSha256: pdf && pdf.sha256 !== minutes.pdfSha256 ? pdf.sha256 : undefined,
    });
  });

  app.post('/sessions/:id/minutes/signatures', {
    config: { scope: 'session', ...updateOnly, rateClass: 'signing' },
    schema: {
      tags: ['minutes'],
      summary: 'Sign the minutes (the chair, and the secretary where the rules say so): the server adds the signer\'s PDF signature (PAdES, timestamped) to the version\'s PDF; an Ed25519 signature of the hash, if given, is checked against the signer\'s registered keys and kept as a second seal',
      params: IdParams, body: SignatureInput, response: { 200: PhaseAnswer, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'chair', 'secretary');
    return { phase: await signMinutes(deps, principal, request.params.id, request.body, (role) => updateIdFor(request, `sign-${role}`)) };
  });

  app.post('/sessions/:id/minutes/amendments', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['minutes'],
      summary: 'Amend the minutes before they are signed: a new version is drafted with the correction, and its signatures start afresh',
      params: IdParams, body: AmendmentInput, response: { 200: Minutes, ...problems },
    },
  }, async (request) => {
    const minutes = await amendMinutes(deps, requireRole(request.principal, 'secretary', 'chair'), request.params.id, request.body, updateIdFor(request, 'amend'));
    return {
      sessionId: minutes.sessionId, version: minutes.version, status: minutes.status, sha256: minutes.sha256,
      pdfSha256: minutes.pdfSha256 ?? undefined, document: minutes.document as Record<string, unknown>, signatures: [],
    };
  });

  app.get('/sessions/:id/minutes/verification', {
    config: { scope: 'session' },
    schema: {
      tags: ['minutes'],
      summary: 'Re-check a version of the minutes as stored: the JSON against its hash, the PDF against the JSON, and every signature against its registered key',
      params: IdParams, querystring: VersionQuery, response: { 200: MinutesVerification, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, ...readers);
    const session = await sessionRow(request.params.id);
    await requireWholeRecordReader(db, principal, session.committeeId);
    const minutes = await minutesVersion(db, session.id, versionOf(request.query));
    const result = await verifyStoredMinutes(db, session.committeeId, minutes);
    // The chain head signed after this version's last signature was recorded.
    const signedSteps = await db.auditEvent.findMany({ where: { sessionId: session.id, type: 'minutes_signed' }, select: { seq: true, payload: true } });
    const lastSignature = Math.max(0, ...signedSteps.filter((e) => (e.payload as { version?: number }).version === minutes.version).map((e) => e.seq ?? 0));
    const checkpoint = lastSignature > 0
      ? await db.auditCheckpoint.findFirst({ where: { committeeId: session.committeeId, seq: { gte: lastSignature } }, orderBy: { seq: 'asc' } })
      : null;
    return {
      sessionId: session.id, version: minutes.version, status: minutes.status, sha256: minutes.sha256, ...result,
      ...(checkpoint ? { trailCheckpoint: { seq: checkpoint.seq, hash: checkpoint.hash, signedAt: checkpoint.signedAt.toISOString(), keyId: checkpoint.keyId } } : {}),
    };
  });

  app.get('/sessions/:id/minutes/extracts/:candidateId', {
    config: { scope: 'session' },
    schema: {
      tags: ['minutes'],
      summary: 'The extract of the minutes for one examined applicant (their application id): every other candidate\'s data removed. JSON, or PDF with Accept: application/pdf',
      params: ExtractParams,
      response: { 200: { content: { 'application/json': { schema: Type.Record(Type.String(), Type.Unknown()) }, ...pdfResponse } }, ...problems },
    },
  }, async (request, reply) => {
    requireRole(request.principal, 'secretary', 'chair', 'auditor');
    const session = await sessionRow(request.params.id);
    const application = await db.application.findFirst({ where: { id: request.params.candidateId, committeeId: session.committeeId } });
    if (!application) throw notFound('application', request.params.candidateId);
    const minutes = await db.minutes.findFirst({ where: { sessionId: session.id, status: { not: 'superseded' } }, orderBy: { version: 'desc' } });
    if (!minutes) throw notFound('minutes of session', session.id);
    const document = minutes.document as unknown as MinutesDocument;
    try {
      if (wantsPdf(request.headers.accept)) {
        const pdf = await candidateExtractPdf(document, application.applicationNumber);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="extrait-${application.applicationNumber}-v${minutes.version}.pdf"`)
          .send(pdf);
      }
      return reply.type('application/json').send(candidateExtract(document, application.applicationNumber));
    } catch (error) {
      if (error instanceof CandidateNotExaminedError) throw notFound('examined application in the minutes', request.params.candidateId);
      throw error;
    }
  });

  app.get('/sessions/:id/notifications', {
    config: { scope: 'session' },
    schema: {
      tags: ['minutes'],
      summary: 'What was sent after the session: the applicants\' letters (by e-mail, or to post), the minutes to the prefect, signature reminders',
      params: IdParams, response: { 200: Type.Object({ notifications: Type.Array(Notification) }), ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'secretary', 'auditor', 'ops');
    await sessionRow(request.params.id);
    const rows = await db.notification.findMany({ where: { sessionId: request.params.id }, orderBy: [{ createdAt: 'asc' }, { dedupeKey: 'asc' }], omit: { document: true } });
    return {
      notifications: rows.map((n) => ({
        id: n.id, kind: n.kind, agendaItemId: n.agendaItemId ?? undefined, applicationId: n.applicationId ?? undefined,
        channel: n.recipient ? 'email' as const : 'post' as const, recipient: n.recipient ?? undefined,
        documentSha256: n.documentSha256 ?? undefined, createdAt: n.createdAt.toISOString(), sentAt: n.sentAt?.toISOString(),
      })),
    };
  });

  app.get('/sessions/:id/notifications/:notificationId/document', {
    config: { scope: 'session' },
    schema: {
      tags: ['minutes'],
      summary: 'The letter sent (or to post) to an applicant, as a PDF',
      params: NotificationParams, response: { 200: { content: pdfResponse }, ...problems },
    },
  }, async (request, reply) => {
    requireRole(request.principal, 'secretary', 'auditor');
    const row = await db.notification.findFirst({ where: { id: request.params.notificationId, sessionId: request.params.id } });
    if (!row?.document) throw notFound('letter of session', request.params.notificationId);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="lettre-${row.id}.pdf"`).send(Buffer.from(row.document));
  });

  // --- signers' public keys -----------------------------------------------------------------
  const keyView = (k: { committeeId: string; fingerprint: string; signer: string; role: string; publicKeyPem: string; registeredAt: Date; revokedAt: Date | null }) => ({
    committeeId: k.committeeId, fingerprint: k.fingerprint, signer: k.signer, role: k.role as MinutesSigner,
    publicKeyPem: k.publicKeyPem, registeredAt: k.registeredAt.toISOString(), revokedAt: k.revokedAt?.toISOString(),
  });

  async function committeeExists(id: string): Promise<void> {
    if (!(await db.committee.findUnique({ where: { id }, select: { id: true } }))) throw notFound('committee', id);
  }

  app.post('/committees/:id/signer-keys', {
    config: { scope: 'committee', rateClass: 'signing' },
    schema: {
      tags: ['minutes'],
      summary: 'Register your own Ed25519 public key to sign this committee\'s minutes, as chair or as secretary',
      params: IdParams, body: SignerKeyInput, response: { 200: SignerKey, 201: SignerKey, ...problems },
    },
  }, async (request, reply) => {
    const principal = requireRole(request.principal, 'chair', 'secretary');
    await committeeExists(request.params.id);
    const { role, signer } = await signerOf(db, principal, request.params.id, request.body.as);
    let fingerprint: string;
    try {
      signerPublicKey(request.body.publicKeyPem);
      fingerprint = publicKeyFingerprint(request.body.publicKeyPem);
    } catch (error) {
      if (error instanceof MinutesSignatureError) throw unprocessable('invalid_public_key', error.message, 'ed25519_public_key');
      throw error;
    }
    const existing = await db.signerKey.findUnique({ where: { committeeId_fingerprint: { committeeId: request.params.id, fingerprint } } });
    if (existing) {
      if (existing.signer !== signer || existing.role !== role) throw conflict('key_registered_to_another', 'this key is already registered for another signer', 'one_signer_per_key');
      if (existing.revokedAt) throw conflict('key_revoked', 'this key was revoked: register a new one', 'revoked_key_stays_revoked');
      return reply.code(200).send(keyView(existing));
    }
    const created = await db.signerKey.create({ data: { committeeId: request.params.id, fingerprint, signer, role, publicKeyPem: request.body.publicKeyPem } });
    return reply.code(201).send(keyView(created));
  });

  app.get('/committees/:id/signer-keys', {
    config: { scope: 'committee' },
    schema: {
      tags: ['minutes'],
      summary: 'The signers\' public keys, revoked ones included (they still verify what they signed)',
      params: IdParams, response: { 200: Type.Object({ keys: Type.Array(SignerKey) }), ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, ...readers);
    await committeeExists(request.params.id);
    const keys = await db.signerKey.findMany({ where: { committeeId: request.params.id }, orderBy: { registeredAt: 'asc' } });
    return { keys: keys.map(keyView) };
  });

  app.delete('/committees/:id/signer-keys/:fingerprint', {
    config: { scope: 'committee', rateClass: 'signing' },
    schema: {
      tags: ['minutes'],
      summary: 'Revoke one of your keys: it signs nothing more',
      params: SignerKeyParams, response: { 200: SignerKey, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'chair', 'secretary');
    const key = await db.signerKey.findUnique({ where: { committeeId_fingerprint: { committeeId: request.params.id, fingerprint: request.params.fingerprint } } });
    if (!key) throw notFound('signer key', request.params.fingerprint);
    const { signer } = await signerOf(db, principal, request.params.id, key.role as MinutesSigner).catch(() => ({ signer: undefined }));
    if (signer !== key.signer) throw forbidden('a signer revokes their own keys only', 'own_key');
    const revoked = key.revokedAt ? key : await db.signerKey.update({ where: { committeeId_fingerprint: { committeeId: key.committeeId, fingerprint: key.fingerprint } }, data: { revokedAt: new Date() } });
    return keyView(revoked);
  });
}
