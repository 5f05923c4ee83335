// After the minutes are signed: a letter (PDF) to every examined applicant with their decision,
// rank, reasons and how to appeal, by e-mail when their file has an address (kept for the post
// otherwise), and the minutes to the prefect. Each letter is stored before it is sent, under a
// key, so a retried activity sends nothing twice and every letter says the same date.
import { bytesSha256, canonicalJson } from '../../documents/canonical-json.ts';
import { decisionLetterText, renderDecisionLetterPdf, type DecisionLetter } from '../../documents/decision-letter.ts';
import type { Database } from '../../prisma/database.ts';
import type { ApplicantNotice } from '../../domain/session/reactions.ts';
import { deferralText } from '../../documents/minutes-french.ts';
import type { OfferNotice } from '../../workflows/offer-messages.ts';
import { completeRules, offerDeadline, type CandidateDecision, type CommitteeRules } from '../../domain/rules/index.ts';
import type { Mailer } from './mailer.ts';

export interface ApplicantNoticeDeps {
  db: Database;
  mailer?: Mailer | undefined;
}

export interface ApplicantNoticeResult {
  /** When the applicants were notified: the offers' deadlines count from the day after. */
  notifiedAt: string;
  letters: number;
  emailed: number;
  minutesToPrefect: number;
}

type NoticeItem = ApplicantNotice['items'][number];

const attributions = new Set(['attribution', 'ranked_attribution', 'conditional_attribution']);

/** The candidate offered the dwelling first, as the offer workflow will: the best-ranked attribution. */
function firstOffered(item: NoticeItem): string | undefined {
  return item.decisions
    .filter((d) => attributions.has(d.type))
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))[0]?.applicationId;
}

function outcomeOf(item: NoticeItem, decision: CandidateDecision | undefined): DecisionLetter['outcome'] | undefined {
  if (item.status === 'deferred' || decision?.type === 'deferred') {
    return { type: 'deferred', reason: item.deferral ? deferralText(item.deferral) : decision?.reasons ?? 'examen reporté' };
  }
  if (!decision) return undefined;
  return {
    type: decision.type,
    rank: decision.rank ?? null,
    conditionDocument: decision.conditionDocument ?? null,
    conditionDeadline: decision.conditionDeadline ?? null,
    reasons: decision.reasons ?? null,
  };
}

type Committee = { name: string; landlord: string; timeZone: string };
type ApplicationRow = { id: string; applicationNumber: string; applicantName: string | null; email: string | null; postalAddress: string | null };
type DwellingRow = { reference: string; address: string; commune: string; type: string; surfaceM2: { toString(): string }; rentCents: number };

/** The letter's facts; built again on a retry, the same facts and date give the same letter. */
function letterOf(committee: Committee, sessionStart: Date, notifiedAt: Date, a: ApplicationRow, d: DwellingRow, rest: Pick<DecisionLetter, 'outcome' | 'offerDeadline' | 'minutesSha256' | 'signatory'>): DecisionLetter {
  return {
    landlord: committee.landlord,
    committee: { name: committee.name, timeZone: committee.timeZone },
    sessionDate: sessionStart.toISOString(),
    issuedAt: notifiedAt.toISOString(),
    applicant: { applicationNumber: a.applicationNumber, name: a.applicantName ?? undefined, postalAddress: a.postalAddress ?? undefined },
    dwelling: { reference: d.reference, address: d.address, commune: d.commune, type: d.type, surfaceM2: d.surfaceM2.toString(), rentCents: d.rentCents },
    ...rest,
  };
}

/** The letters' signatory, from the rules version the session sat under (rule versions never change). */
async function signatoryOf(db: Database, committeeId: string, rulesVersion: number): Promise<DecisionLetter['signatory']> {
  const row = await db.committeeRules.findUnique({ where: { committeeId_version: { committeeId, version: rulesVersion } } });
  return completeRules(row?.rules as Partial<CommitteeRules> | null).letterSignatory;
}

interface LetterDelivery {
  dedupeKey: string;
  kind: 'decision_letter' | 'offer_letter';
  sessionId: string;
  agendaItemId: string;
  application: ApplicationRow;
  notifiedAt: Date;
  letter: DecisionLetter;
  filename: string;
}

/**
 * Stores the letter (its PDF, dated `notifiedAt`) under its key unless it is stored already, then
 * e-mails it when the applicant has an address and it was not sent. Returns whether it is e-mailed.
 */
async function deliverLetter({ db, mailer }: ApplicantNoticeDeps, d: LetterDelivery): Promise<boolean> {
  const row = await db.notification.findUnique({ where: { dedupeKey: d.dedupeKey } }) ?? await (async () => {
    const pdf = await renderDecisionLetterPdf(d.letter);
    return db.notification.create({
      data: {
        id: crypto.randomUUID(), dedupeKey: d.dedupeKey, kind: d.kind, sessionId: d.sessionId, agendaItemId: d.agendaItemId, applicationId: d.application.id,
        recipient: d.application.email, document: new Uint8Array(pdf), documentSha256: bytesSha256(pdf), createdAt: d.notifiedAt,
      },
    });
  })();
  if (row.sentAt) return true;
  if (!mailer || !row.recipient || !row.document) return false;
  const mail = decisionLetterText(d.letter);
  // A fixed message id: should the worker stop between sending and recording, the resent copy names the same message.
  const messageId = `<${d.dedupeKey.replaceAll(':', '-')}@caleol>`;
  await mailer.send({
    to: { name: d.application.applicantName ?? `Demande n° ${d.application.applicationNumber}`, address: row.recipient },
    subject: mail.subject,
    text: mail.body,
    attachments: [{ filename: d.filename, content: Buffer.from(row.document), contentType: 'application/pdf' }],
    messageId,
  });
  await db.notification.update({ where: { dedupeKey: d.dedupeKey }, data: { sentAt: new Date(), messageId } });
  return true;
}

export async function notifyApplicants(deps: ApplicantNoticeDeps, notice: ApplicantNotice): Promise<ApplicantNoticeResult> {
  const { db, mailer } = deps;
  const items = notice.items.filter((i) => i.kind === 'allocation' && (i.status === 'decided' || i.status === 'deferred'));
  const [session, dwellings, applications, minutes, earliest] = await Promise.all([
    db.session.findUniqueOrThrow({ where: { id: notice.sessionId }, include: { committee: { include: { members: { where: { role: 'prefect', active: true } } } } } }),
    db.dwelling.findMany({ where: { id: { in: items.map((i) => i.dwellingId) } } }),
    db.application.findMany({ where: { id: { in: items.flatMap((i) => i.candidates.map((c) => c.applicationId)) } } }),
    db.minutes.findUniqueOrThrow({ where: { sessionId_version: { sessionId: notice.sessionId, version: notice.minutesVersion } } }),
    db.notification.findFirst({ where: { sessionId: notice.sessionId, kind: 'decision_letter' }, orderBy: { createdAt: 'asc' } }),
  ]);
  const { committee } = session;
  const notifiedAt = earliest?.createdAt ?? new Date(notice.at);
  const signatory = await signatoryOf(db, session.committeeId, session.rulesVersion);
  const dwelling = new Map(dwellings.map((d) => [d.id, d]));
  const application = new Map(applications.map((a) => [a.id, a]));

  let letters = 0;
  let emailed = 0;
  for (const item of items) {
    const d = dwelling.get(item.dwellingId);
    if (!d) throw new Error(`dwelling ${item.dwellingId} of agenda item ${item.id} is not in the database`);
    const offeredFirst = item.status === 'decided' ? firstOffered(item) : undefined;
    for (const candidate of item.candidates) {
      const a = application.get(candidate.applicationId);
      const outcome = outcomeOf(item, item.decisions.find((x) => x.applicationId === candidate.applicationId));
      if (!a || !outcome) continue;
      const letter = letterOf(committee, new Date(notice.sittingDate), notifiedAt, a, d, {
        outcome,
        offerDeadline: offeredFirst === a.id ? offerDeadline(notifiedAt, notice.responseDays, notice.timeZone).toISOString() : undefined,
        minutesSha256: notice.minutesSha256,
        signatory,
      });
      letters++;
      const sent = await deliverLetter(deps, {
        dedupeKey: `letter:${notice.sessionId}:${item.id}:${a.id}`, kind: 'decision_letter', sessionId: notice.sessionId, agendaItemId: item.id,
        application: a, notifiedAt, letter, filename: `decision-${a.applicationNumber}.pdf`,
      });
      if (sent) emailed++;
    }
  }

  let minutesToPrefect = 0;
  // The prefect receives the PDF that bears the signatures.
  const signedPdf = notice.signedPdfSha256 ? (await db.minutesPdfRevision.findUnique({ where: { sha256: notice.signedPdfSha256 } }))?.pdf : undefined;
  const minutesPdf = signedPdf ?? minutes.pdf;
  if (mailer && minutesPdf) {
    for (const prefect of committee.members) {
      const dedupeKey = `minutes:${notice.sessionId}:${notice.minutesVersion}:${prefect.id}`;
      const row = await db.notification.upsert({
        where: { dedupeKey },
        create: { id: crypto.randomUUID(), dedupeKey, kind: 'minutes_to_prefect', sessionId: notice.sessionId, recipient: prefect.email, documentSha256: notice.signedPdfSha256 ?? minutes.pdfSha256 },
        update: {},
      });
      if (!row.sentAt) {
        const messageId = `<${dedupeKey.replaceAll(':', '-')}@caleol>`;
        const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: committee.timeZone }).format(session.scheduledStart);
        await mailer.send({
          to: { name: prefect.name, address: prefect.email },
          subject: `Procès-verbal signé — ${committee.name}, séance du ${day}`,
          text: [
            'Madame, Monsieur le Préfet,',
            '',
            `Veuillez trouver ci-joint le procès-verbal signé de la séance du ${day} de la ${committee.name} (${committee.landlord}), en PDF et dans sa forme JSON canonique signée.`,
            `Empreinte SHA-256 du document signé : ${minutes.sha256}`,
          ].join('\n'),
          attachments: [
            { filename: `proces-verbal-${notice.sessionId}-v${minutes.version}.pdf`, content: Buffer.from(minutesPdf), contentType: 'application/pdf' },
            { filename: `proces-verbal-${notice.sessionId}-v${minutes.version}.json`, content: canonicalJson(minutes.document), contentType: 'application/json' },
          ],
          messageId,
        });
        await db.notification.update({ where: { dedupeKey }, data: { sentAt: new Date(), messageId } });
      }
      minutesToPrefect++;
    }
  }
  return { notifiedAt: notifiedAt.toISOString(), letters, emailed, minutesToPrefect };
}

/**
 * The dwelling passes down the ranking to `notice.applicationId`: a letter with their decision
 * and the offer's deadline, e-mailed when their file has an address. Returns when they were
 * notified, from which their deadline counts; a retry finds the stored letter and its date.
 */
export async function notifyOfferedCandidate(deps: ApplicantNoticeDeps, notice: OfferNotice): Promise<string> {
  const { db } = deps;
  const dedupeKey = `offer-letter:${notice.agendaItemId}:${notice.applicationId}`;
  const [session, item, application, decision, minutes, stored] = await Promise.all([
    db.session.findUniqueOrThrow({ where: { id: notice.sessionId }, include: { committee: true } }),
    db.agendaItem.findUniqueOrThrow({ where: { id: notice.agendaItemId } }),
    db.application.findUniqueOrThrow({ where: { id: notice.applicationId } }),
    db.decision.findUniqueOrThrow({ where: { agendaItemId_applicationId: { agendaItemId: notice.agendaItemId, applicationId: notice.applicationId } } }),
    db.minutes.findFirstOrThrow({ where: { sessionId: notice.sessionId, status: 'signed' }, orderBy: { version: 'desc' } }),
    db.notification.findUnique({ where: { dedupeKey } }),
  ]);
  const dwelling = await db.dwelling.findUniqueOrThrow({ where: { id: item.dwellingId } });
  const { committee } = session;
  const notifiedAt = stored?.createdAt ?? new Date(notice.at);
  const letter = letterOf(committee, session.scheduledStart, notifiedAt, application, dwelling, {
    outcome: {
      type: decision.type === 'deferred' ? 'ranked_attribution' : decision.type,
      rank: decision.rank ?? notice.rank,
      conditionDocument: decision.conditionDocument,
      conditionDeadline: decision.conditionDeadline?.toISOString().slice(0, 10) ?? null,
      reasons: decision.reasons,
    },
    offerDeadline: offerDeadline(notifiedAt, notice.responseDays, notice.timeZone).toISOString(),
    minutesSha256: minutes.sha256,
    signatory: await signatoryOf(db, session.committeeId, session.rulesVersion),
  });
  await deliverLetter(deps, {
    dedupeKey, kind: 'offer_letter', sessionId: notice.sessionId, agendaItemId: notice.agendaItemId,
    application, notifiedAt, letter, filename: `proposition-${application.applicationNumber}.pdf`,
  });
  return notifiedAt.toISOString();
}
