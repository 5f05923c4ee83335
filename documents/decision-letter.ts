// The letter notifying one applicant of the committee's decision on their application for one
// dwelling: as a plain-text French e-mail and as a formal French PDF letter. Both are built from
// the same wording, so they state the same facts. The letter only knows its own applicant: it
// never names, counts or describes another candidate.
//
// The PDF is dated by the letter's issue date, so the same letter always gives the same bytes
// (pdf-document.ts).
import { minimumOfferResponseDays, offerDeadline, type DecisionType } from '../domain/rules/index.ts';
import { frenchDate, frenchDay, frenchDecimal, frenchEuros } from './minutes-french.ts';
import { pageMargin, TaggedPdf } from './pdf-document.ts';

/** The committee's decisions proper (deferral is an outcome of its own, with its reason). */
export type LetterDecisionType = Exclude<DecisionType, 'deferred'>;

export interface DecisionLetter {
  /** The landlord the committee belongs to, e.g. 'OPH Métropole Habitat'. */
  landlord: string;
  committee: { name: string; timeZone: string };
  /** ISO instant of the session. */
  sessionDate: string;
  /** ISO instant the letter is issued (notification). */
  issuedAt: string;
  applicant: { applicationNumber: string; name?: string | undefined; postalAddress?: string | undefined };
  dwelling: { reference: string; address: string; commune: string; type: string; surfaceM2: string; rentCents: number };
  outcome:
    | {
      type: LetterDecisionType;
      rank: number | null;
      conditionDocument: string | null;
      /** YYYY-MM-DD. */
      conditionDeadline: string | null;
      reasons: string | null;
    }
    | { type: 'deferred'; reason: string };
  /** For the candidate to whom the dwelling is offered now: the deadline to answer (ISO instant, 24:00 local of the last day). */
  offerDeadline?: string | undefined;
  /** SHA-256 of the signed minutes this decision is taken from. */
  minutesSha256: string;
  /** Who signs the letter for the landlord (committee rules); the committee's secretariat when unset. */
  signatory?: { name: string; title: string } | undefined;
}

// --- wording, shared by the e-mail and the PDF ---------------------------------------------------

const cch = 'du code de la construction et de l’habitation';
const objet = 'décision de la commission d’attribution des logements et d’examen de l’occupation des logements (CALEOL)';

interface LetterContent {
  subject: string;
  /** Label and value lines identifying the decision. */
  references: Array<[string, string]>;
  /** A one-line statement of the decision, e.g. "attribution du logement en 1er rang". */
  decision: string;
  paragraphs: string[];
  appeal: string[];
  issued: string;
  /** The signature lines, the signer's name first. */
  signatory: string[];
  footer: string;
}

interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

function instant(iso: string, field: string): Date {
  const date = new Date(iso);
  if (typeof iso !== 'string' || Number.isNaN(date.getTime())) {
    throw new Error(`decision letter: ${field} is not a valid ISO instant: ${String(iso)}`);
  }
  return date;
}

/** "29 novembre 2026", the calendar day of an instant in a time zone. */
function localDayText(date: Date, timeZone: string): string {
  const t = localParts(date, timeZone);
  return frenchDate(`${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`);
}

/** "1er", "2e", "3e"… */
export function frenchOrdinal(n: number): string {
  return n === 1 ? '1er' : `${n}e`;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function validCalendarDay(date: string): boolean {
  const m = isoDate.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

function required(text: string | null | undefined, what: string, type: string): string {
  const value = text?.trim();
  if (!value) throw new Error(`decision letter: a ${type} decision must state ${what}`);
  return value;
}

/** The last day to answer, "mercredi 9 décembre 2026", of a deadline that is 24:00 local. */
function offerDeadlineDay(iso: string, timeZone: string): string {
  const deadline = instant(iso, 'offerDeadline');
  const t = localParts(deadline, timeZone);
  if (t.hour !== 0 || t.minute !== 0 || t.second !== 0 || deadline.getUTCMilliseconds() !== 0) {
    throw new Error(`decision letter: offerDeadline ${iso} is not 24:00 (00:00 of the next day) in ${timeZone}`);
  }
  return frenchDay(new Date(deadline.getTime() - 1).toISOString(), timeZone);
}

function offerParagraphs(letter: DecisionLetter, tz: string): string[] {
  if (letter.offerDeadline === undefined) return [];
  const day = offerDeadlineDay(letter.offerDeadline, tz);
  return [
    `Ce logement vous est proposé. Vous devez faire connaître votre réponse (acceptation ou refus) à ${letter.landlord} `
      + `au plus tard le ${day} à 24 heures.`,
    'Sans réponse de votre part dans ce délai, l’offre sera réputée refusée : le silence vaut refus '
      + `(article R441-10 ${cch}).`,
  ];
}

function decisionContent(letter: DecisionLetter, tz: string): { decision: string; paragraphs: string[] } {
  const outcome = letter.outcome;
  if (outcome.type === 'deferred') {
    const reason = required(outcome.reason, 'the reason of the deferral', 'deferred');
    if (letter.offerDeadline !== undefined) throw new Error('decision letter: a deferred decision carries no offer deadline');
    return {
      decision: 'examen de votre demande ajourné',
      paragraphs: [
        'La commission a ajourné l’examen de votre demande pour ce logement. Il sera repris lors d’une séance ultérieure.',
        `Motif de l’ajournement : ${reason}`,
      ],
    };
  }

  const { type, rank } = outcome;
  if (rank !== null && (!Number.isInteger(rank) || rank < 1)) {
    throw new Error(`decision letter: rank must be a whole number of 1 or more, got ${rank}`);
  }
  switch (type) {
    case 'non_attribution': {
      const reasons = required(outcome.reasons, 'its reasons (art. L441-2-2 CCH)', type);
      if (letter.offerDeadline !== undefined) throw new Error('decision letter: a non-attribution carries no offer deadline');
      return {
        decision: 'non-attribution du logement',
        paragraphs: [
          'La commission a décidé de ne pas vous attribuer ce logement.',
          `Conformément à l’article L441-2-2 ${cch}, les motifs de cette décision sont les suivants : ${reasons}`,
        ],
      };
    }
    case 'rejection': {
      const reasons = required(outcome.reasons, 'its reasons (art. L441-2-2 CCH)', type);
      if (letter.offerDeadline !== undefined) throw new Error('decision letter: a rejection carries no offer deadline');
      return {
        decision: 'rejet de la demande pour irrecevabilité',
        paragraphs: [
          'La commission a rejeté votre demande pour ce logement : elle l’a jugée irrecevable au regard des conditions '
            + 'législatives et réglementaires d’accès au logement social.',
          `Conformément à l’article L441-2-2 ${cch}, les motifs de cette décision sont les suivants : ${reasons}`,
        ],
      };
    }
    case 'attribution':
    case 'ranked_attribution':
    case 'conditional_attribution': {
      if (type === 'ranked_attribution' && rank === null) {
        throw new Error('decision letter: a ranked_attribution decision must state the rank');
      }
      const atRank = rank !== null ? ` en ${frenchOrdinal(rank)} rang` : '';
      const paragraphs: string[] = [];
      let decision: string;
      if (type === 'conditional_attribution') {
        const document = required(outcome.conditionDocument, 'the document to supply (conditionDocument)', type);
        const deadline = required(outcome.conditionDeadline, 'the deadline to supply the document (conditionDeadline)', type);
        if (!validCalendarDay(deadline)) {
          throw new Error(`decision letter: conditionDeadline must be a calendar day (YYYY-MM-DD), got ${deadline}`);
        }
        decision = `attribution du logement${atRank} sous condition suspensive`;
        paragraphs.push(
          `Le logement désigné ci-dessus vous est attribué${atRank}, sous condition suspensive : vous devez fournir `
            + `la pièce suivante : « ${document} », au plus tard le ${frenchDate(deadline)}.`,
          'Si cette pièce est fournie dans ce délai, l’attribution devient définitive. À défaut, l’attribution '
            + 'est caduque.',
        );
      } else {
        decision = `attribution du logement${atRank}`;
        paragraphs.push(`Le logement désigné ci-dessus vous est attribué${atRank}.`);
      }
      if (rank !== null && rank > 1 && letter.offerDeadline === undefined) {
        paragraphs.push('Ce logement ne vous sera proposé que si les candidats classés avant vous le refusent. '
          + 'Une offre vous sera alors adressée, avec le délai dont vous disposerez pour y répondre.');
      } else if (letter.offerDeadline !== undefined) {
        paragraphs.push(...offerParagraphs(letter, tz));
      }
      return { decision, paragraphs };
    }
    default: {
      const unknown: never = type;
      throw new Error(`decision letter: unknown decision type ${String(unknown)}`);
    }
  }
}

function letterContent(letter: DecisionLetter): LetterContent {
  const tz = letter.committee.timeZone;
  const session = instant(letter.sessionDate, 'sessionDate');
  const issued = instant(letter.issuedAt, 'issuedAt');
  if (!/^[0-9a-f]{64}$/i.test(letter.minutesSha256)) {
    throw new Error(`decision letter: minutesSha256 is not a SHA-256 in hexadecimal: ${letter.minutesSha256}`);
  }
  // By calendar day: a sitting the rules let open a few minutes early may be notified before its convened minute.
  const day = (at: Date) => { const t = localParts(at, tz); return t.year * 10_000 + t.month * 100 + t.day; };
  if (day(issued) < day(session)) {
    throw new Error(`decision letter: issuedAt ${letter.issuedAt} is before the day of the session (${letter.sessionDate}): a decision is notified after it is taken`);
  }
  const { decision, paragraphs } = decisionContent(letter, tz);
  if (letter.offerDeadline !== undefined) {
    const floor = offerDeadline(issued, minimumOfferResponseDays, tz);
    if (instant(letter.offerDeadline, 'offerDeadline').getTime() < floor.getTime()) {
      throw new Error(`decision letter: offerDeadline ${letter.offerDeadline} leaves less than ${minimumOfferResponseDays} days after the notification of ${letter.issuedAt} (CCH R441-10)`);
    }
  }
  const signer = letter.signatory?.name.trim() ? letter.signatory : undefined;
  const d = letter.dwelling;
  const number = letter.applicant.applicationNumber;
  const sessionDay = frenchDay(session.toISOString(), tz);
  return {
    subject: `${letter.committee.name} : décision sur votre demande de logement social n° ${number} (logement ${d.reference})`,
    references: [
      ['Demande de logement social', `n° ${number}`],
      ['Commission', `${letter.committee.name}, séance du ${sessionDay}`],
      ['Logement', `${d.reference}, ${d.address}, ${d.commune}`],
      ['Caractéristiques', `type ${d.type}, ${frenchDecimal(d.surfaceM2)} m², loyer ${frenchEuros(d.rentCents)} par mois`],
      ['Décision', decision],
      ['Date de notification', localDayText(issued, tz)],
    ],
    decision,
    paragraphs: [
      `Lors de sa séance du ${sessionDay}, la commission d’attribution des logements et d’examen de l’occupation `
        + `des logements (${letter.committee.name}) a examiné votre demande pour le logement désigné ci-dessus.`,
      ...paragraphs,
    ],
    appeal: [
      'Vous pouvez contester cette décision dans un délai de deux mois à compter de sa notification, soit par un '
        + `recours gracieux adressé à ${letter.landlord}, soit par un recours contentieux devant le tribunal administratif `
        + 'territorialement compétent.',
      'Si vous estimez remplir les conditions pour être reconnu(e) prioritaire au titre du droit au logement opposable '
        + '(DALO), vous pouvez également saisir la commission de médiation de votre département '
        + `(article L441-2-3 ${cch}).`,
    ],
    issued: `Fait le ${localDayText(issued, tz)}`,
    signatory: signer
      ? [signer.name.trim(), signer.title.trim(), letter.landlord].filter(Boolean)
      : [letter.landlord, 'Le secrétariat de la commission d’attribution'],
    footer: `Décision extraite du procès-verbal signé (empreinte SHA-256 : ${letter.minutesSha256.toLowerCase()})`,
  };
}

/** The letter as a plain-text French e-mail. Throws when the decision lacks what the law requires it to state. */
export function decisionLetterText(letter: DecisionLetter): { subject: string; body: string } {
  const c = letterContent(letter);
  const lines = [
    letter.landlord,
    `Commission d’attribution des logements et d’examen de l’occupation des logements — ${letter.committee.name}`,
    '',
    c.issued,
    '',
    `Objet : ${objet}`,
    ...c.references.map(([label, value]) => `${label} : ${value}`),
    '',
    'Madame, Monsieur,',
    '',
    ...c.paragraphs.flatMap((p) => [p, '']),
    'Voies et délais de recours',
    '',
    ...c.appeal.flatMap((p) => [p, '']),
    'Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
    '',
    ...c.signatory,
    '',
    '--',
    c.footer,
  ];
  return { subject: c.subject, body: `${lines.join('\n')}\n` };
}

// --- PDF ---------------------------------------------------------------------------------------

/** Renders the letter as a French PDF (PDF/A-2b, PDF/UA-1); the same letter always gives the same bytes. */
export function renderDecisionLetterPdf(letter: DecisionLetter): Promise<Buffer> {
  let c: LetterContent;
  try {
    c = letterContent(letter);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const doc = new TaggedPdf({
    title: `Décision de la CALEOL — demande n° ${letter.applicant.applicationNumber}`,
    author: letter.landlord,
    subject: `Minutes SHA-256 ${letter.minutesSha256.toLowerCase()}`,
    creator: 'caleol-engine decision letter v2',
    createdAt: new Date(letter.issuedAt),
  });
  const block = { x: pageMargin + doc.width * 0.58, width: doc.width * 0.42 };
  // Letterhead.
  doc.paragraph(letter.landlord, { bold: true, size: 13 });
  doc.paragraph('Commission d’attribution des logements et d’examen de l’occupation des logements (CALEOL)', { size: 9, width: doc.width * 0.55 });
  doc.paragraph(letter.committee.name, { size: 9, width: doc.width * 0.55 });
  // The applicant's address block, on the right.
  const { name, postalAddress } = letter.applicant;
  doc.gap(2);
  if (name?.trim()) doc.paragraph(name.trim(), { ...block, bold: true });
  if (postalAddress?.trim()) doc.paragraph(postalAddress.trim(), block);
  doc.gap(2);
  doc.paragraph(c.issued, { align: 'right' });
  doc.gap(1.5);
  doc.heading(1, `Objet : ${objet}`, { size: 10 });
  doc.gap(0.3);
  for (const [label, value] of c.references) doc.field(label, value);
  doc.gap(1.2);
  doc.paragraph('Madame, Monsieur,');
  for (const paragraph of c.paragraphs) {
    doc.gap(0.6);
    doc.paragraph(paragraph);
  }
  doc.gap(0.6);
  doc.heading(2, 'Voies et délais de recours', { size: 11 });
  for (const paragraph of c.appeal) {
    doc.gap(0.4);
    doc.paragraph(paragraph);
  }
  doc.gap(1);
  doc.paragraph('Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.');
  doc.gap(1.5);
  for (const line of c.signatory) doc.paragraph(line, { ...block, bold: line === c.signatory[0] });
  doc.footers((page, pages) => [c.footer, `Demande n° ${letter.applicant.applicationNumber} — page ${page}/${pages}`]);
  return doc.end();
}
