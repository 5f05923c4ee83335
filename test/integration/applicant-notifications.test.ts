// After the minutes are signed, end to end: the API, a real Temporal server, PostgreSQL and a real
// SMTP server. Every examined applicant gets a decision letter (PDF) by e-mail, or kept for the
// post when their file has no address; the prefect gets the signed minutes (PDF and JSON); the
// first-ranked candidate's letter states the deadline of the offer that the offer workflow makes.
// The first attempt to send the minutes to the prefect fails, so the activity is retried: nothing
// already sent is sent again.
import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, type Mailer } from '../../activities/notify/mailer.ts';
import { frenchDate, frenchDay } from '../../documents/minutes-french.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { apiClient, expectStatus, signMinutesAs, untilConvened } from '../support/api-client.ts';
import { committeeInput, startSoon, daysAfterToday } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { pdfText, squash } from '../support/pdf-text.ts';


const sha256 = (bytes: Buffer | Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function expectAll(text: string, phrases: string[], what: string): void {
  expect(phrases.filter((p) => !squash(text).includes(squash(p))), `missing from ${what}`).toEqual([]);
}

function expectNone(text: string, phrases: string[], what: string): void {
  expect(phrases.filter((p) => squash(text).toLowerCase().includes(squash(p).toLowerCase())), `present in ${what}`).toEqual([]);
}

function recipientsOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}

// --- the applicants ------------------------------------------------------------------------------

interface Applicant {
  key: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  applicationNumber: string;
  name: string;
  email?: string;
  postalAddress?: string;
}

const applicants: Record<Applicant['key'], Applicant> = {
  // Item 1: attributed in 1st rank, e-mailed.
  A: { key: 'A', applicationNumber: '059-2026-10001', name: 'Mme Alice Fontaine', email: 'alice.fontaine@demandeurs.test', postalAddress: '3 allée des Tilleuls\n59650 Villeneuve' },
  // Item 1: attributed in 2nd rank under a suspensive condition, no e-mail: by post.
  B: { key: 'B', applicationNumber: '059-2026-20002', name: 'M. Bruno Garcia', postalAddress: '17 rue du Moulin\n59650 Villeneuve' },
  // Item 1: not attributed, with reasons, e-mailed.
  C: { key: 'C', applicationNumber: '059-2026-30003', name: 'Mme Chloé Nguyen', email: 'chloe.nguyen@demandeurs.test' },
  // Item 2 (deferred): all three e-mailed.
  D: { key: 'D', applicationNumber: '059-2026-40004', name: 'M. David Moreau', email: 'david.moreau@demandeurs.test' },
  E: { key: 'E', applicationNumber: '059-2026-50005', name: 'Mme Emma Petit', email: 'emma.petit@demandeurs.test' },
  F: { key: 'F', applicationNumber: '059-2026-60006', name: 'M. Farid Haddad', email: 'farid.haddad@demandeurs.test' },
};
const all = Object.values(applicants);
const emailed = all.filter((a) => a.email);

const conditionDocument = 'Avis d’imposition 2025 sur les revenus 2024';
const conditionDeadline = daysAfterToday(60);
const nonAttributionReasons = 'Taux d’effort de 45 % au regard du loyer, supérieur au seuil retenu par la commission pour ce logement';
const deferralReason = 'Diagnostic technique du logement attendu avant toute attribution';

function candidate(a: Applicant, rank: number) {
  return {
    applicationNumber: a.applicationNumber, householdSummary: `Ménage ${a.key}`, rank,
    applicant: { name: a.name, ...(a.email ? { email: a.email } : {}), ...(a.postalAddress ? { postalAddress: a.postalAddress } : {}) },
  };
}

// --- the harness, with a mailer whose first attempt to mail the minutes to the prefect fails -----

let smtp: SmtpSink;
let smtpOut: Mailer;
let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;
/** Every message the product handed to the mailer and that went out, by message id. */
const handedOver: string[] = [];
let failedSends = 0;

const minutesSubject = 'Procès-verbal signé';

const flakyMailer: Mailer = {
  async send(mail) {
    if (failedSends === 0 && mail.subject.startsWith(minutesSubject)) {
      failedSends++;
      throw new Error('451 4.3.0 temporary failure: try again later');
    }
    await smtpOut.send(mail);
    handedOver.push(mail.messageId);
  },
  close: () => smtpOut.close(),
};

interface Notification {
  id: string; kind: string; agendaItemId?: string; applicationId?: string; channel: 'email' | 'post';
  recipient?: string; documentSha256?: string; createdAt: string; sentAt?: string;
}

interface Run {
  committeeId: string;
  sessionId: string;
  base: string;
  item1: string;
  item2: string;
  applicationId: Record<Applicant['key'], string>;
  minutes: { sha256: string; pdfSha256: string; signedPdfSha256?: string | undefined; document: Record<string, unknown> };
  signedAt: Date;
  notifications: Notification[];
  final: SessionState;
}
let run: Run;

beforeAll(async () => {
  smtp = await startSmtpSink();
  smtpOut = smtpMailer(smtp.url, 'Secrétariat CALEOL <caleol@oph.test>');
  h = await startHarness('applicant-notifications', { mailer: flakyMailer });
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@notifications', roles: ['secretary'] });

  const committee = expectStatus<{ id: string; members: Array<{ id: string; name: string; email: string; role: string; chair: boolean }> }>(
    await call('POST', '/committees', secretary, committeeInput(' notifications')), 201);
  const memberId = (name: string) => committee.members.find((m) => m.name === name)!.id;
  const tokenOf = async (name: string) => {
    const m = committee.members.find((x) => x.name === name)!;
    return h.token({ subject: m.id, memberId: m.id, roles: m.chair ? ['member', 'chair'] : ['member'] });
  };

  const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(10), mode: 'remote' }), 201);
  const base = `/sessions/${session.id}`;
  const dwelling = (reference: string) => ({ reference, address: '8 place du Marché', commune: 'Villeneuve', epci: 'Agglo Nord', type: 'T3', surfaceM2: 71.2, rentCents: 54_300, financing: 'PLUS' });
  type Item = { id: string; candidates: Array<{ applicationId: string; rank: number }> };
  const first = expectStatus<Item>(await call('POST', `${base}/agenda-items`, secretary, {
    dwelling: dwelling('VIL-NOT-1'), candidates: [candidate(applicants.A, 1), candidate(applicants.B, 2), candidate(applicants.C, 3)],
  }), 201);
  const second = expectStatus<Item>(await call('POST', `${base}/agenda-items`, secretary, {
    dwelling: dwelling('VIL-NOT-2'), candidates: [candidate(applicants.D, 1), candidate(applicants.E, 2), candidate(applicants.F, 3)],
  }), 201);
  const byRank = (item: Item, rank: number) => item.candidates.find((c) => c.rank === rank)!.applicationId;
  const applicationId = { A: byRank(first, 1), B: byRank(first, 2), C: byRank(first, 3), D: byRank(second, 1), E: byRank(second, 2), F: byRank(second, 3) };

  expectStatus(await call('POST', `${base}/agenda/publish`, secretary), 200);
  await untilConvened(call, `${base}`, secretary);
  expectStatus(await call('POST', `${base}/open`, secretary), 200);
  for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Maire de Villeneuve']) {
    expectStatus(await call('POST', `${base}/attendance`, secretary, { memberId: memberId(name), present: true }), 200);
  }
  await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.phase === 'deliberating');

  expectStatus(await call('POST', `${base}/agenda-items/${first.id}/vote/open`, secretary, {
    proposal: [
      { applicationId: applicationId.A, type: 'ranked_attribution', rank: 1 },
      { applicationId: applicationId.B, type: 'conditional_attribution', rank: 2, conditionDocument, conditionDeadline },
      { applicationId: applicationId.C, type: 'non_attribution', reasons: nonAttributionReasons },
    ],
  }), 200);
  for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy']) {
    expectStatus(await call('POST', `${base}/agenda-items/${first.id}/votes`, await tokenOf(name), { choice: 'for' }), 200);
  }
  expect(expectStatus(await call('POST', `${base}/agenda-items/${first.id}/vote/close`, secretary), 200)).toMatchObject({ outcome: 'adopted', itemStatus: 'decided' });
  expect(expectStatus(await call('POST', `${base}/agenda-items/${second.id}/deferral`, secretary, { reason: deferralReason }), 200)).toMatchObject({ status: 'deferred' });

  expectStatus(await call('POST', `${base}/close`, secretary), 200);
  const drafted = await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.phase === 'minutes_drafted', 30_000);
  const chair = await tokenOf('Claire Martin');
  expectStatus(await signMinutesAs(call, { token: chair, committeeId: committee.id, sessionId: session.id, sha256: drafted.minutes!.sha256 }), 200);
  await h.client.workflow.getHandle(`session-${session.id}`).result();

  const minutes = expectStatus<{ sha256: string; pdfSha256: string; signedPdfSha256?: string; document: Record<string, unknown>; status: string; signatures: Array<{ signedAt: string }> }>(await call('GET', `${base}/minutes`, secretary), 200);
  expect(minutes.status).toBe('signed');
  const { notifications } = expectStatus<{ notifications: Notification[] }>(await call('GET', `${base}/notifications`, secretary), 200);
  run = {
    committeeId: committee.id, sessionId: session.id, base, item1: first.id, item2: second.id, applicationId,
    minutes: { sha256: minutes.sha256, pdfSha256: minutes.pdfSha256, signedPdfSha256: minutes.signedPdfSha256, document: minutes.document }, signedAt: new Date(minutes.signatures[0]!.signedAt),
    notifications, final: expectStatus<SessionState>(await call('GET', base, secretary), 200),
  };
}, 180_000);

afterAll(async () => {
  await h?.close();
  flakyMailer.close();
  await smtp?.close();
});

// --- what each letter must say -------------------------------------------------------------------

const decisionOf: Record<Applicant['key'], string[]> = {
  A: ['attribution du logement en 1er rang', 'Le logement désigné ci-dessus vous est attribué en 1er rang.', 'Ce logement vous est proposé.'],
  B: [
    'attribution du logement en 2e rang sous condition suspensive', `« ${conditionDocument} »`, `au plus tard le ${frenchDate(conditionDeadline)}`,
    'Ce logement ne vous sera proposé que si les candidats classés avant vous le refusent.',
  ],
  C: ['non-attribution du logement', nonAttributionReasons],
  D: ['examen de votre demande ajourné', `Motif de l’ajournement : ${deferralReason}`],
  E: ['examen de votre demande ajourné', `Motif de l’ajournement : ${deferralReason}`],
  F: ['examen de votre demande ajourné', `Motif de l’ajournement : ${deferralReason}`],
};

/** The letter's facts; the PDF also heads it with the applicant's name (the e-mail is addressed to it). */
function expectLetter(text: string, a: Applicant, what: string, named = true): void {
  expectAll(text, [`n° ${a.applicationNumber}`, ...(named ? [a.name] : []), ...decisionOf[a.key], 'Voies et délais de recours', run.minutes.sha256], what);
  const others = all.filter((o) => o.key !== a.key);
  expectNone(text, [...others.map((o) => o.applicationNumber), ...others.map((o) => o.name)], what);
  if (a.key !== 'A') expectNone(text, ['à 24 heures', 'le silence vaut refus'], what);
}

const letterMails = () => smtp.messages.filter((m) => !m.subject?.startsWith(minutesSubject) && m.attachments.some((x) => x.contentType === 'application/pdf' && !x.filename?.startsWith('convocation-')));
const lettersOf = () => run.notifications.filter((n) => n.kind === 'decision_letter');

describe('the letters after the minutes are signed', () => {
  it('e-mail each applicant who has an address exactly one letter, in PDF, with their decision and nobody else\'s', async () => {
    for (const a of emailed) {
      const mails = smtp.messages.filter((m) => recipientsOf(m).includes(a.email!));
      expect(mails, `messages to ${a.email}`).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.attachments, `attachments to ${a.email}`).toHaveLength(1);
      const pdf = mail.attachments[0]!;
      expect(pdf.contentType).toBe('application/pdf');
      expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
      expectLetter(await pdfText(pdf.content), a, `the PDF letter to ${a.key}`);
      // The e-mail's own text says the same, about the same applicant only.
      expectLetter(`${mail.subject ?? ''}\n${mail.text ?? ''}`, a, `the e-mail to ${a.key}`, false);
      expect(Array.isArray(mail.to) ? undefined : mail.to?.value[0]).toEqual({ name: a.name, address: a.email });
      // The letter sent is the one stored.
      const row = lettersOf().find((n) => n.applicationId === run.applicationId[a.key])!;
      expect(row).toMatchObject({ channel: 'email', recipient: a.email, documentSha256: sha256(pdf.content) });
      expect(row.sentAt).toBeDefined();
    }
    // Letters to applicants and nothing more: six examined, five with an address.
    expect(letterMails()).toHaveLength(emailed.length);
    expect(lettersOf()).toHaveLength(all.length);
    expect(lettersOf().filter((n) => n.agendaItemId === run.item1)).toHaveLength(3);
    expect(lettersOf().filter((n) => n.agendaItemId === run.item2)).toHaveLength(3);
  });

  it('state, in the first-ranked candidate\'s letter, the deadline of the offer made on the day of the letters', async () => {
    const offers = await eventually(() => h.db.offer.findMany({ where: { sessionId: run.sessionId } }), (rows) => rows.length === 1, 30_000);
    const offer = offers[0]!;
    expect(offer).toMatchObject({ agendaItemId: run.item1, applicationId: run.applicationId.A, rank: 1, status: 'offered' });

    // Every letter is dated the same: the notification, on or after the signature.
    const createdAt = new Set(lettersOf().map((n) => n.createdAt));
    expect(createdAt.size).toBe(1);
    const notifiedAt = [...createdAt][0]!;
    expect(Date.parse(notifiedAt)).toBeGreaterThanOrEqual(run.signedAt.getTime());
    // The offer counts from the notification, not from the signature.
    expect(offer.offeredAt.toISOString()).toBe(notifiedAt);

    // The deadline the letter states is the offer's: 24:00 of its last day, Paris time.
    const lastDay = frenchDay(new Date(offer.deadline.getTime() - 1).toISOString(), 'Europe/Paris');
    const row = lettersOf().find((n) => n.applicationId === run.applicationId.A)!;
    const stored = await call('GET', `${run.base}/notifications/${row.id}/document`, secretary);
    expect(stored.statusCode).toBe(200);
    const text = await pdfText(stored.rawPayload);
    expectAll(text, [`au plus tard le ${lastDay} à 24 heures`, 'le silence vaut refus'], 'the letter to A');
    // At least ten days, counted from the day after the notification.
    expect(offer.deadline.getTime() - Date.parse(notifiedAt)).toBeGreaterThanOrEqual(10 * 86_400_000);
  });

  it('keep the letter of an applicant without an e-mail address for the post, readable as a PDF', async () => {
    const b = applicants.B;
    expect(smtp.messages.filter((m) => m.text?.includes(b.applicationNumber) || m.subject?.includes(b.applicationNumber))).toHaveLength(0);
    const row = lettersOf().find((n) => n.applicationId === run.applicationId.B)!;
    expect(row).toMatchObject({ kind: 'decision_letter', agendaItemId: run.item1, channel: 'post' });
    expect(row.recipient).toBeUndefined();
    expect(row.sentAt).toBeUndefined();
    const res = await call('GET', `${run.base}/notifications/${row.id}/document`, secretary);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(res.rawPayload)).toBe(row.documentSha256);
    const text = await pdfText(res.rawPayload);
    expectLetter(text, b, 'the letter to post to B');
    // The address block the envelope's window shows.
    expectAll(text, ['17 rue du Moulin', '59650 Villeneuve'], 'the letter to post to B');
    // An auditor may read it too.
    const auditor = await h.token({ subject: 'auditor@notifications', roles: ['auditor'] });
    expect((await call('GET', `${run.base}/notifications/${row.id}/document`, auditor)).statusCode).toBe(200);
  });

  it('send the prefect the signed minutes, in PDF and in the canonical JSON whose hash was signed', () => {
    const prefect = 'prefet@etat.test';
    const mails = smtp.messages.filter((m) => recipientsOf(m).includes(prefect) && m.subject?.startsWith(minutesSubject));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.text).toContain(run.minutes.sha256);
    const pdf = mail.attachments.filter((a) => a.contentType === 'application/pdf');
    const json = mail.attachments.filter((a) => a.contentType.startsWith('application/json'));
    expect(pdf).toHaveLength(1);
    expect(json).toHaveLength(1);
    expect(pdf[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    // The PDF that bears the chair's signature: the rendered minutes, with the signature's revision.
    expect(sha256(pdf[0]!.content)).toBe(run.minutes.signedPdfSha256);
    expect(run.minutes.signedPdfSha256).not.toBe(run.minutes.pdfSha256);
    expect(sha256(json[0]!.content.toString('utf8'))).toBe(run.minutes.sha256);
    expect(JSON.parse(json[0]!.content.toString('utf8'))).toEqual(run.minutes.document);
    // Only the prefect receives the minutes.
    expect(smtp.messages.filter((m) => m.subject?.startsWith(minutesSubject)).flatMap(recipientsOf)).toEqual([prefect]);
    const rows = run.notifications.filter((n) => n.kind === 'minutes_to_prefect');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'email', recipient: prefect, documentSha256: run.minutes.signedPdfSha256 });
    expect(rows[0]!.sentAt).toBeDefined();
  });

  it('complete the session, record the notification once and send nothing twice although the activity was retried', async () => {
    expect(run.final.phase).toBe('completed');
    expect((await h.db.session.findUniqueOrThrow({ where: { id: run.sessionId } })).phase).toBe('completed');

    // The first attempt failed on the prefect's e-mail: the retry sent it, and only it.
    expect(failedSends).toBe(1);
    expect(new Set(handedOver).size).toBe(handedOver.length);
    const perRecipient = new Map<string, number>();
    // Besides the members' convocations, sent when the agenda was published.
    for (const m of smtp.messages.filter((x) => !x.subject?.startsWith('Convocation'))) {
      for (const r of recipientsOf(m)) perRecipient.set(r, (perRecipient.get(r) ?? 0) + 1);
    }
    expect(Object.fromEntries(perRecipient)).toEqual(Object.fromEntries([...emailed.map((a) => [a.email!, 1]), ['prefet@etat.test', 1]]));
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(smtp.messages.length);

    const events = await h.db.auditEvent.findMany({ where: { sessionId: run.sessionId, type: 'applicants_notified' } });
    expect(events).toHaveLength(1);
    const letters = lettersOf();
    expect(events[0]!.payload).toMatchObject({
      letters: letters.length, emailed: letters.filter((n) => n.sentAt).length, minutesToPrefect: 1, notifiedAt: letters[0]!.createdAt,
    });
    expect(events[0]!.payload).toMatchObject({ letters: 6, emailed: 5 });
    const types = (await h.db.auditEvent.findMany({ where: { sessionId: run.sessionId }, orderBy: { id: 'asc' } })).map((e) => e.type);
    expect(types.indexOf('applicants_notified')).toBeLessThan(types.indexOf('offers_started'));
    expect(types.filter((t) => t === 'session_completed')).toHaveLength(1);
  });

  it('are listed for the secretary, auditors and ops, never for a member', async () => {
    const member = await h.token({ subject: 'member@notifications', memberId: run.committeeId, roles: ['member'] });
    const list = await call('GET', `${run.base}/notifications`, member);
    expect(list.statusCode).toBe(403);
    expect(list.headers['content-type']).toContain('application/problem+json');
    const letter = lettersOf()[0]!;
    expect((await call('GET', `${run.base}/notifications/${letter.id}/document`, member)).statusCode).toBe(403);
    const ops = await h.token({ subject: 'ops@notifications', roles: ['ops'] });
    expect((await call('GET', `${run.base}/notifications`, ops)).statusCode).toBe(200);
  });
});
