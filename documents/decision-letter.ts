// The letter notifying one applicant of the committee's decision on their application for one
// dwelling: as a plain-text French e-mail and as a formal French PDF letter. Both are built from
// the same wording, so they state the same facts. The letter only knows its own applicant: it
// never names, counts or describes another candidate.
//
// The PDF follows minutes-pdf.ts for determinism: the creation date is the issue date, the file
// id derives from it, streams are left uncompressed and dates are formatted without locale data,
// so the same letter always gives the same bytes (for the pinned pdfkit version).
import type { DecisionType } from '../domain/rules/index.ts';
import { frenchDate, frenchDay, frenchDecimal, frenchEuros } from './minutes-french.ts';
import { a4Document, pageMargin, winAnsiText } from './pdf-document.ts';

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
  const { decision, paragraphs } = decisionContent(letter, tz);
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
    letter.landlord,
    '',
    '--',
    c.footer,
  ];
  return { subject: c.subject, body: `${lines.join('\n')}\n` };
}

// --- PDF -----------------------------------------------------------------------------------------

const margin = pageMargin;
const bodySize = 10;

const printable = (text: string) => winAnsiText(text, [[/\r\n?/g, '\n'], [/[\t\u2000-\u200a\u202f\u205f]/g, ' '], [/[\u2010\u2011\u2212]/g, '-']]);

/** Renders the letter as a French PDF; the same letter always gives the same bytes. */
export function renderDecisionLetterPdf(letter: DecisionLetter): Promise<Buffer> {
  let c: LetterContent;
  try {
    c = letterContent(letter);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const issued = new Date(letter.issuedAt);
  const { pdf, bytes: done } = a4Document({
    Title: printable(`Décision de la CALEOL — demande n° ${letter.applicant.applicationNumber}`),
    Author: printable(letter.landlord),
    Subject: printable(`Minutes SHA-256 ${letter.minutesSha256.toLowerCase()}`),
    Creator: 'caleol-engine decision letter v1',
    Producer: 'caleol-engine decision letter v1 (pdfkit)',
    CreationDate: issued,
    ModDate: issued,
  });

  const width = pdf.page.width - 2 * margin;
  const text = (t: string, font: string, size: number, x = margin, w = width, options: PDFKit.Mixins.TextOptions = {}) => {
    pdf.font(font).fontSize(size).text(printable(t), x, pdf.y, { width: w, ...options });
  };
  const field = (label: string, value: string) => {
    pdf.font('Helvetica-Bold').fontSize(bodySize).text(printable(`${label} : `), margin, pdf.y, { width, continued: true });
    pdf.font('Helvetica').text(printable(value));
  };

  // Letterhead.
  text(letter.landlord, 'Helvetica-Bold', 13);
  text('Commission d’attribution des logements et d’examen de l’occupation des logements (CALEOL)', 'Helvetica', 9, margin, width * 0.55);
  text(letter.committee.name, 'Helvetica', 9, margin, width * 0.55);

  // The applicant's address block, on the right.
  const { name, postalAddress } = letter.applicant;
  const blockX = margin + width * 0.58;
  const blockWidth = width - width * 0.58;
  pdf.moveDown(2);
  if (name?.trim()) text(name.trim(), 'Helvetica-Bold', bodySize, blockX, blockWidth);
  if (postalAddress?.trim()) text(postalAddress.trim(), 'Helvetica', bodySize, blockX, blockWidth);

  pdf.moveDown(2);
  text(c.issued, 'Helvetica', bodySize, margin, width, { align: 'right' });
  pdf.moveDown(1.5);

  field('Objet', objet);
  pdf.moveDown(0.3);
  for (const [label, value] of c.references) field(label, value);

  pdf.moveDown(1.2);
  text('Madame, Monsieur,', 'Helvetica', bodySize);
  for (const paragraph of c.paragraphs) {
    pdf.moveDown(0.6);
    text(paragraph, 'Helvetica', bodySize);
  }

  pdf.moveDown(1);
  text('Voies et délais de recours', 'Helvetica-Bold', bodySize + 1);
  for (const paragraph of c.appeal) {
    pdf.moveDown(0.4);
    text(paragraph, 'Helvetica', bodySize);
  }

  pdf.moveDown(1);
  text('Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.', 'Helvetica', bodySize);
  pdf.moveDown(1.5);
  text(letter.landlord, 'Helvetica-Bold', bodySize, blockX, blockWidth);

  // Footers go into the bottom margin, so the page's margin is lifted while they are written.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const page = pdf.page;
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    const lines = [c.footer, `Demande n° ${letter.applicant.applicationNumber} — page ${i - range.start + 1}/${range.count}`];
    let y = page.height - margin + 14;
    for (const line of lines) {
      pdf.font('Helvetica').fontSize(7).text(printable(line), margin, y, { width, align: 'center', lineBreak: false });
      y += 9;
    }
    page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
