// The minutes signed in the PDF itself, through the API: the chair and the secretary sign after
// signing in (no command-line step), each signature a PAdES B-T signature with a visible block
// and a timestamp from the timestamp authority, checked by the tools a recipient uses: poppler's
// pdfsig, pyHanko's validator against the signing authority, veraPDF (the signed PDF stays
// PDF/A-2B and PDF/UA-1) and pdftotext. An amendment makes a new version whose PDF bears none of
// the earlier signatures; one byte changed makes every validator refuse the signature.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchDay, frenchTime, quorumText } from '../../documents/minutes-french.ts';
import { verifyExportBundle } from '../../documents/export-bundle.ts';
import { defaultCommitteeRules, lastDayToAnswer, offerDeadline, type QuorumSnapshot } from '../../domain/rules/index.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { apiClient, expectStatus, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, soonSittingRules, startSoon } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';
import { pdfsig, pdfToText, pyHanko, veraPdf } from '../support/pdf-validators.ts';
import { squash } from '../support/pdf-text.ts';
import { checkpointKeyPair } from '../support/checkpoint-key.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;
let auditor: string;

const chairName = 'Nguyễn Thị Ánh';
const secretaryName = 'Łukasz Żółć';

beforeAll(async () => {
  h = await startHarness('minutes-pdf-signatures');
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@pades', roles: ['secretary'], name: secretaryName });
  auditor = await h.token({ subject: 'auditor@pades', roles: ['auditor'] });
});
afterAll(async () => h?.close());

interface MinutesView {
  version: number;
  status: string;
  sha256: string;
  pdfSha256?: string;
  signedPdfSha256?: string;
  signatures: Array<{ role: string; signerName?: string; pdfSha256?: string; timestampedAt?: string; certificateSha256?: string }>;
}

let sessionId: string;
let chairToken: string;
const state = async (): Promise<SessionState> => expectStatus<SessionState>(await call('GET', `/sessions/${sessionId}`, secretary), 200);
const minutesOf = async (version?: number): Promise<MinutesView> =>
  expectStatus<MinutesView>(await call('GET', `/sessions/${sessionId}/minutes${version ? `?version=${version}` : ''}`, secretary), 200);
async function pdfOf(version?: number): Promise<Buffer> {
  const res = await h.app.inject({ method: 'GET', url: `/sessions/${sessionId}/minutes${version ? `?version=${version}` : ''}`, headers: { authorization: `Bearer ${secretary}`, accept: 'application/pdf' } });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}
const sign = (token: string, sha256: string) => call('POST', `/sessions/${sessionId}/minutes/signatures`, token, { sha256 });

describe('minutes signed in the PDF (PAdES) through the API', () => {
  it('drives a session whose rules have the chair and the secretary sign to drafted minutes', async () => {
    const input = committeeInput(' pades');
    input.members = input.members!.map((m) => (m.name === 'Claire Martin' ? { ...m, name: chairName } : m));
    const committee = expectStatus<{ id: string; members: Array<{ id: string; name: string }> }>(await call('POST', '/committees', secretary, input), 201);
    const memberId = (name: string) => committee.members.find((m) => m.name === name)!.id;
    chairToken = await h.token({ subject: memberId(chairName), memberId: memberId(chairName), roles: ['member', 'chair'] });
    expectStatus(await call('PUT', `/committees/${committee.id}/rules`, secretary, { ...defaultCommitteeRules, ...soonSittingRules, minutesSigners: ['chair', 'secretary'] }), 200);
    sessionId = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(14), mode: 'remote' }), 201).id;
    const item = expectStatus<{ id: string; candidates: Array<{ applicationId: string }> }>(await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, agendaItemInput('PADES-1')), 201);
    expectStatus(await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary), 200);
    await untilConvened(call, `/sessions/${sessionId}`, secretary);
    expectStatus(await call('POST', `/sessions/${sessionId}/open`, secretary), 200);
    const voters = [chairName, 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Maire de Villeneuve'];
    for (const name of voters) expectStatus(await call('POST', `/sessions/${sessionId}/attendance`, secretary, { memberId: memberId(name), present: true }), 200);
    const [a, b, c] = item.candidates.map((x) => x.applicationId);
    expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/vote/open`, secretary, {
      proposal: [
        { applicationId: a, type: 'ranked_attribution', rank: 1 },
        { applicationId: b, type: 'ranked_attribution', rank: 2 },
        { applicationId: c, type: 'non_attribution', reasons: 'Taux d’effort de 45 %' },
      ],
    }), 200);
    for (const name of voters) {
      const token = name === chairName ? chairToken : await h.token({ subject: memberId(name), memberId: memberId(name), roles: ['member'] });
      expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/votes`, token, { choice: 'for' }), 200);
    }
    expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items/${item.id}/vote/close`, secretary), 200);
    expectStatus(await call('POST', `/sessions/${sessionId}/close`, secretary), 200);
    await eventually(state, (s) => s.phase === 'minutes_drafted');

    const unsigned = await pdfOf();
    expect(await pdfsig(unsigned)).toEqual([]);
    expect(await pdfToText(unsigned)).toContain(chairName);
  });

  it('signs version 1 for the chair: a valid, timestamped PDF signature naming them, still PDF/A and PDF/UA', async () => {
    const v1 = await minutesOf();
    expect(expectStatus(await sign(chairToken, v1.sha256), 200)).toEqual({ phase: 'minutes_drafted' });
    const signed = await eventually(() => minutesOf(), (m) => m.signatures.length === 1);
    const chair = signed.signatures.find((s) => s.role === 'chair')!;
    expect(chair).toMatchObject({ signerName: chairName, pdfSha256: signed.signedPdfSha256 });
    expect(Date.parse(chair.timestampedAt!)).toBeGreaterThan(0);

    const pdf = await pdfOf();
    expect(pdf.subarray(0, (await h.db.minutes.findFirstOrThrow({ where: { sessionId, version: 1 } })).pdf!.length))
      .toEqual(Buffer.from((await h.db.minutes.findFirstOrThrow({ where: { sessionId, version: 1 } })).pdf!));
    expect(await pdfsig(pdf)).toEqual([{ field: 'signature-chair', signer: chairName, validation: 'Signature is Valid.', type: 'ETSI.CAdES.detached' }]);
    const [validated] = await pyHanko(pdf, h.trustAnchorsPem);
    expect(validated).toMatchObject({ field: 'signature-chair', intact: true, valid: true, trusted: true, timestampValid: true, bottomLine: true });
    expect(Math.abs(Date.parse(validated!.timestamp!) - Date.parse(chair.timestampedAt!))).toBeLessThan(1000);
    const checks = { archival: await veraPdf('2b', { signed: pdf }), accessible: await veraPdf('ua1', { signed: pdf }) };
    expect(checks).toEqual({ archival: { failures: { signed: [] } }, accessible: { failures: { signed: [] } } });
  });

  it('refuses a second signature in the same capacity, and leaves no revision behind', async () => {
    const v1 = await minutesOf();
    expect(expectStatus(await sign(chairToken, v1.sha256), 409)).toMatchObject({ rule: 'sign_once' });
    expect(expectStatus(await sign(secretary, 'f'.repeat(64)), 409)).toMatchObject({ rule: 'sign_current_minutes' });
    expect(await h.db.minutesPdfRevision.count({ where: { sessionId } })).toBe(1);
  });

  it('amends the minutes: version 2 bears none of version 1\'s signatures, version 1 keeps its own', async () => {
    expectStatus(await call('POST', `/sessions/${sessionId}/minutes/amendments`, secretary, { reason: 'Erreur matérielle', text: 'Le logement est au rez-de-chaussée.' }), 200);
    await eventually(state, (s) => s.minutes?.version === 2 && !s.minutes.redrafting);
    expect(await pdfsig(await pdfOf(2))).toEqual([]);
    expect((await pdfsig(await pdfOf(1))).map((s) => s.field)).toEqual(['signature-chair']);
  });

  it('signs version 2 for the chair then the secretary: both valid and timestamped, in every validator', async () => {
    const v2 = await minutesOf(2);
    expectStatus(await sign(chairToken, v2.sha256), 200);
    expect(expectStatus(await sign(secretary, v2.sha256), 200)).toEqual({ phase: 'signed' });
    const pdf = await pdfOf(2);
    expect(await pdfsig(pdf)).toEqual([
      { field: 'signature-chair', signer: chairName, validation: 'Signature is Valid.', type: 'ETSI.CAdES.detached' },
      { field: 'signature-secretary', signer: secretaryName, validation: 'Signature is Valid.', type: 'ETSI.CAdES.detached' },
    ]);
    const validated = await pyHanko(pdf, h.trustAnchorsPem);
    expect(validated.map((v) => [v.field, v.intact && v.valid && v.trusted && v.timestampValid && v.bottomLine])).toEqual([['signature-chair', true], ['signature-secretary', true]]);
    expect(validated.at(-1)!.coverage).toBe('ENTIRE_FILE');
    const text = await pdfToText(pdf);
    expect(text).toContain(chairName);
    expect((await veraPdf('2b', { signed: pdf })).failures.signed).toEqual([]);

    await eventually(() => minutesOf(2), (m) => m.signatures.length === 2);
    const verification = expectStatus<{ ok: boolean; problems: string[] }>(await call('GET', `/sessions/${sessionId}/minutes/verification?version=2`, auditor), 200);
    expect(verification).toMatchObject({ ok: true, problems: [] });
  });

  it('makes every validator refuse the signature when one byte of the signed PDF changes', async () => {
    const pdf = Buffer.from(await pdfOf(2));
    // A byte inside the first revision's page content, covered by both signatures.
    const at = pdf.indexOf('stream\n', 2000) + 40;
    pdf[at] = pdf[at] === 0x41 ? 0x42 : 0x41;
    const popplers = await pdfsig(pdf);
    expect(popplers.map((s) => s.validation)).toEqual(['Digest Mismatch.', 'Digest Mismatch.']);
    const hankos = await pyHanko(pdf, h.trustAnchorsPem);
    expect(hankos.map((s) => s.intact)).toEqual([false, false]);
  });

  it('refuses a signed PDF whose stored revision was altered, in the API\'s own verification', async () => {
    const signature = await h.db.minutesSignature.findFirstOrThrow({ where: { minutes: { sessionId, version: 2 }, role: 'secretary' } });
    const revision = await h.db.minutesPdfRevision.findUniqueOrThrow({ where: { sha256: signature.pdfSha256! } });
    const altered = Buffer.from(revision.pdf);
    altered[altered.length - 100] = altered[altered.length - 100] === 0x20 ? 0x21 : 0x20;
    await h.db.minutesPdfRevision.update({ where: { sha256: revision.sha256 }, data: { pdf: new Uint8Array(altered) } });
    const verification = expectStatus<{ ok: boolean; problems: string[] }>(await call('GET', `/sessions/${sessionId}/minutes/verification?version=2`, auditor), 200);
    expect(verification.ok).toBe(false);
    expect(verification.problems.join('\n')).toMatch(/secretary.*SHA-256/);
    await h.db.minutesPdfRevision.update({ where: { sha256: revision.sha256 }, data: { pdf: revision.pdf } });
  });

  it('prints in the convocation, the minutes and the letters the dates, quorum, counts, signers and deadlines the events recorded', async () => {
    await eventually(state, (st) => st.phase === 'completed', 30_000);
    const events = await h.db.auditEvent.findMany({ where: { sessionId }, orderBy: { seq: 'asc' } });
    const one = (type: string) => {
      const found = events.filter((e) => e.type === type);
      expect(found, type).toHaveLength(1);
      return { at: found[0]!.occurredAt.toISOString(), payload: found[0]!.payload as Record<string, unknown> };
    };
    const tz = 'Europe/Paris';
    const when = (iso: string) => `${frenchDay(iso, tz)} à ${frenchTime(iso, tz)}`;
    const session = await h.db.session.findUniqueOrThrow({ where: { id: sessionId } });
    const scheduled = session.scheduledStart.toISOString();

    // The minutes: the convened and actual times, the quorum when deliberations began and at the vote, the counts.
    const minutes = squash(await pdfToText(await pdfOf(2)));
    const opened = one('session_opened');
    const deliberations = one('deliberations_started');
    const closed = one('session_closed');
    const vote = one('vote_closed').payload as { result: { counts: { for: number; against: number; abstain: number }; quorum: QuorumSnapshot } };
    for (const phrase of [
      `Convocation : ${when(scheduled)}`,
      `Ouverture : ${when(opened.at)}`,
      `Début des délibérations : ${when(deliberations.at)}`,
      `Clôture : ${when(closed.at)}`,
      quorumText(deliberations.payload.quorum as QuorumSnapshot),
      `quorum : ${quorumText(vote.result.quorum)}`,
      `Pour : ${vote.result.counts.for}, contre : ${vote.result.counts.against}, abstentions : ${vote.result.counts.abstain}.`,
    ]) expect(minutes, phrase).toContain(squash(phrase));
    // The signers, as the events of version 2 name them, are the PDF's signers.
    const signedEvents = events.filter((e) => e.type === 'minutes_signed' && (e.payload as { version: number }).version === 2)
      .map((e) => (e.payload as { pdf: { signerName: string } }).pdf.signerName);
    expect((await pdfsig(await pdfOf(2))).map((s) => s.signer)).toEqual(signedEvents);

    // The letters: dated by the notification the event recorded, the offer's deadline from it (R441-10).
    const notifiedAt = (one('applicants_notified').payload as { notifiedAt: string }).notifiedAt;
    const stored = await h.db.notification.findMany({ where: { sessionId, kind: 'decision_letter' } });
    const applications = await h.db.application.findMany({ where: { id: { in: stored.flatMap((n) => n.applicationId ?? []) } } });
    const letters = stored.map((n) => ({ number: applications.find((a) => a.id === n.applicationId)!.applicationNumber, content: Buffer.from(n.document!) }));
    expect(letters.map((l) => l.number).sort()).toEqual(['PADES-1-A', 'PADES-1-B', 'PADES-1-C']);
    const offered = letters.find((l) => l.number === 'PADES-1-A')!;
    const offerText = squash(await pdfToText(offered.content));
    expect(offerText).toContain(squash(`Date de notification : ${frenchDay(notifiedAt, tz).replace(/^\S+ /, '')}`));
    const deadline = offerDeadline(new Date(notifiedAt), defaultCommitteeRules.offerResponseDays, tz);
    const lastDay = lastDayToAnswer(deadline, tz);
    expect(lastDay > notifiedAt.slice(0, 10)).toBe(true);
    expect(offerText).toContain(squash(`au plus tard le ${frenchDay(new Date(deadline.getTime() - 1).toISOString(), tz)} à 24 heures`));
    // The day the committee sat, as its opening recorded it: a sitting opened a few minutes early, before a midnight
    // that its convened time is past, sat the day before the one convened.
    expect(offerText).toContain(squash(`séance du ${frenchDay(opened.at, tz)}`));
    for (const letter of letters) expect(squash(await pdfToText(letter.content))).toContain(squash('tribunal administratif'));
    expect((await veraPdf('ua1', { offer: offered.content })).failures.offer).toEqual([]);

    // The convocation: the convened date and time zone, and the agenda as published.
    const chairMail = h.mail!.messages.find((m) => m.subject?.startsWith('Convocation') && m.text?.includes(chairName))!;
    const convocationPdf = chairMail.attachments.find((a) => a.contentType === 'application/pdf')!;
    const convocationText = squash(await pdfToText(convocationPdf.content));
    const dateLine = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: tz }).format(session.scheduledStart);
    for (const text of [squash(chairMail.text!), convocationText]) {
      expect(text).toContain(squash(`${dateLine} (fuseau horaire ${tz})`));
      expect(text).toContain('PADES-1');
    }
    expect(convocationText).toContain(squash('à distance, par visioconférence'));
    expect(convocationText).not.toContain(squash('présence physique'));
  });

  it('exports the signed revisions with the session, and the bundle checks out offline', async () => {
    const exported = await call('GET', `/sessions/${sessionId}/export`, auditor);
    expect(exported.statusCode).toBe(200);
    const text = exported.rawPayload.toString('utf8');
    const { minutes } = (JSON.parse(text) as { body: { minutes: Array<{ version: number; pdfSignatures?: Array<{ role: string; signerName: string }> }> } }).body;
    expect(minutes.find((m) => m.version === 2)!.pdfSignatures!.map((s) => [s.role, s.signerName])).toEqual([['chair', chairName], ['secretary', secretaryName]]);
    expect(await verifyExportBundle(text, [checkpointKeyPair.publicKeyPem])).toEqual({ ok: true, problems: [] });
  });
});
