// The letter notifying an applicant of the committee's decision: the PDF and the e-mail state the
// decision, its conditions or reasons, the offer deadline, the appeal routes and the minutes hash.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decisionLetterText, renderDecisionLetterPdf, type DecisionLetter } from '../../documents/decision-letter.ts';
import { offerDeadline } from '../../domain/rules/index.ts';
import { pdfText, squash } from '../support/pdf-text.ts';


const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function expectAll(text: string, phrases: string[]): void {
  const missing = phrases.filter((p) => !squash(text).includes(squash(p)));
  expect(missing).toEqual([]);
}

function expectNone(text: string, phrases: string[]): void {
  const present = phrases.filter((p) => squash(text).toLowerCase().includes(squash(p).toLowerCase()));
  expect(present).toEqual([]);
}

/** Both renderings of a letter, the PDF's text and the e-mail (subject and body). */
async function bothTexts(letter: DecisionLetter): Promise<{ pdf: string; mail: string }> {
  const { subject, body } = decisionLetterText(letter);
  return { pdf: await pdfText(await renderDecisionLetterPdf(letter)), mail: `${subject}\n${body}` };
}

async function expectInBoth(letter: DecisionLetter, phrases: string[], absent: string[] = []): Promise<void> {
  const { pdf, mail } = await bothTexts(letter);
  expectAll(pdf, phrases);
  expectAll(mail, phrases);
  expectNone(pdf, absent);
  expectNone(mail, absent);
}

const minutesSha256 = 'a3f1c2d4e5b69788123456789abcdef0fedcba9876543210aabbccddeeff0011';
const timeZone = 'Europe/Paris';
// 23:30 UTC on the 28th is 00:30 on Sunday 29 November 2026 in Paris.
const issuedAt = '2026-11-28T23:30:00.000Z';
// Ten days from Monday 30 November: Wednesday 9 December, expiring at 24:00 Paris time.
const deadline = offerDeadline(new Date(issuedAt), 10, timeZone).toISOString();

type Outcome = DecisionLetter['outcome'];
const decided = (type: Exclude<Outcome['type'], 'deferred'>, extra: Partial<Omit<Extract<Outcome, { rank: number | null }>, 'type'>> = {}): Outcome =>
  ({ type, rank: null, conditionDocument: null, conditionDeadline: null, reasons: null, ...extra });

function letter(outcome: Outcome, more: Partial<DecisionLetter> = {}): DecisionLetter {
  return {
    landlord: 'OPH Métropole Habitat',
    committee: { name: 'CALEOL Métropole Nord', timeZone },
    sessionDate: '2026-11-26T09:30:00.000Z',
    issuedAt,
    applicant: { applicationNumber: '059-2025-01234', name: 'Mme Zoé Lœvenbruck', postalAddress: '4 rue de l’Église\n59000 Lille' },
    dwelling: { reference: 'LIL-0815', address: '12 rue des Œillets', commune: 'Lille', type: 'T3', surfaceM2: '68.5', rentCents: 51230 },
    outcome,
    minutesSha256,
    ...more,
  };
}

const common = [
  'OPH Métropole Habitat',
  'Fait le 29 novembre 2026',
  'Objet : décision de la commission d’attribution des logements et d’examen de l’occupation des logements (CALEOL)',
  'n° 059-2025-01234',
  'CALEOL Métropole Nord, séance du jeudi 26 novembre 2026',
  'LIL-0815, 12 rue des Œillets, Lille',
  'type T3, 68,5 m², loyer 512,30 € par mois',
  'Voies et délais de recours',
  'dans un délai de deux mois à compter de sa notification',
  'recours gracieux adressé à OPH Métropole Habitat',
  'recours contentieux devant le tribunal administratif',
  'commission de médiation de votre département (article L441-2-3 du code de la construction et de l’habitation)',
  `Décision extraite du procès-verbal signé (empreinte SHA-256 : ${minutesSha256})`,
];
const offer = ['Ce logement vous est proposé', 'au plus tard le mercredi 9 décembre 2026 à 24 heures', 'le silence vaut refus', 'R441-10'];

describe('the decision letter', () => {
  it('attribution with an offer: attributed, answer by the deadline at 24 heures, silence is a refusal', async () => {
    expect(deadline).toBe('2026-12-09T23:00:00.000Z');
    await expectInBoth(letter(decided('attribution'), { offerDeadline: deadline }), [
      ...common, ...offer,
      'Le logement désigné ci-dessus vous est attribué.',
      'Décision : attribution du logement',
    ], ['rang', 'condition suspensive', 'motifs', 'ajourn', 'irrecevab']);
  });

  it('puts the applicant’s name and postal address on the PDF letter', async () => {
    expectAll(await pdfText(await renderDecisionLetterPdf(letter(decided('attribution')))), ['Mme Zoé Lœvenbruck', '4 rue de l’Église', '59000 Lille']);
  });

  it('attribution without an offer deadline says nothing of a deadline', async () => {
    await expectInBoth(letter(decided('attribution')), [...common, 'vous est attribué.'], ['24 heures', 'R441-10', 'vous est proposé']);
  });

  it('ranked attribution in first rank, offered now: "1er rang" and the deadline', async () => {
    await expectInBoth(letter(decided('ranked_attribution', { rank: 1 }), { offerDeadline: deadline }), [
      ...common, ...offer,
      'Le logement désigné ci-dessus vous est attribué en 1er rang.',
      'Décision : attribution du logement en 1er rang',
    ], ['classés avant vous', 'condition suspensive']);
  });

  it('ranked attribution in a later rank: offered only if the candidates ranked before refuse', async () => {
    await expectInBoth(letter(decided('ranked_attribution', { rank: 3 })), [
      ...common,
      'vous est attribué en 3e rang.',
      'Ce logement ne vous sera proposé que si les candidats classés avant vous le refusent.',
    ], ['24 heures', 'vous est proposé', '1er rang', 'R441-10']);
    await expectInBoth(letter(decided('ranked_attribution', { rank: 2 })), ['en 2e rang'], ['24 heures']);
  });

  it('conditional attribution: the document to supply, its deadline, and lapse without it', async () => {
    const document = 'Avis d’imposition 2025 du ménage « complet », y compris celui de M. Lœw';
    await expectInBoth(letter(decided('conditional_attribution', { conditionDocument: document, conditionDeadline: '2027-01-15' })), [
      ...common,
      'vous est attribué, sous condition suspensive',
      `la pièce suivante : « ${document} », au plus tard le 15 janvier 2027.`,
      'À défaut, l’attribution est caduque.',
      'Décision : attribution du logement sous condition suspensive',
    ], ['24 heures', 'rang']);
  });

  it('non-attribution: not attributed, with its reasons (L441-2-2), in full Unicode', async () => {
    const reasons = 'Taux d’effort de 45 % au regard du loyer ; «\u00a0reste à vivre\u00a0» insuffisant pour le cœur du ménage (œuvre, Noël)';
    const l = letter(decided('non_attribution', { reasons }));
    await expectInBoth(l, [
      ...common,
      'La commission a décidé de ne pas vous attribuer ce logement.',
      `Conformément à l’article L441-2-2 du code de la construction et de l’habitation, les motifs de cette décision sont les suivants : ${reasons}`,
      'Décision : non-attribution du logement',
    ], ['attribué', 'vous est proposé', '24 heures', 'rang', 'irrecevab']);
    // The exact characters, not "?".
    const pdf = await pdfText(await renderDecisionLetterPdf(l));
    expect(pdf).toContain('cœur');
    expect(pdf).toContain('Taux d’effort');
    expect(squash(pdf)).toContain('«resteàvivre»');
    expect(pdf).not.toContain('?');
  });

  it('rejection: inadmissible, with its reasons', async () => {
    const reasons = 'Ressources supérieures de 18 % au plafond PLUS applicable au ménage (art. R441-1 CCH)';
    await expectInBoth(letter(decided('rejection', { reasons })), [
      ...common,
      'La commission a rejeté votre demande pour ce logement : elle l’a jugée irrecevable',
      'conditions législatives et réglementaires d’accès au logement social',
      `L441-2-2 du code de la construction et de l’habitation, les motifs de cette décision sont les suivants : ${reasons}`,
      'Décision : rejet de la demande pour irrecevabilité',
    ], ['attribué', 'vous est proposé', '24 heures', 'rang']);
  });

  it('deferral: examination put off to a later session, with the reason', async () => {
    await expectInBoth(letter({ type: 'deferred', reason: 'Pièces complémentaires demandées par la commission à l’organisme réservataire' }), [
      ...common,
      'La commission a ajourné l’examen de votre demande pour ce logement. Il sera repris lors d’une séance ultérieure.',
      'Motif de l’ajournement : Pièces complémentaires demandées par la commission à l’organisme réservataire',
    ], ['attribué', 'rejet', 'irrecevab', 'vous est proposé', '24 heures', 'les motifs de cette décision']);
  });

  it('a letter without the applicant’s name or address still renders, with nothing but its own facts', async () => {
    const l = letter(decided('attribution'), { applicant: { applicationNumber: '059-2025-01234' } });
    const text = await pdfText(await renderDecisionLetterPdf(l));
    expectAll(text, common);
    expectNone(text, ['Zoé', 'Lille\n59000', '59000']);
  });

  it('renders the same letter to the same bytes, and another letter to other bytes', async () => {
    const l = letter(decided('non_attribution', { reasons: 'Motifs détaillés' }));
    const first = await renderDecisionLetterPdf(l);
    const second = await renderDecisionLetterPdf(structuredClone(l));
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(second)).toBe(sha256(first));
    expect(decisionLetterText(structuredClone(l))).toEqual(decisionLetterText(l));
    const other = await renderDecisionLetterPdf(letter(decided('non_attribution', { reasons: 'Autres motifs' })));
    expect(sha256(other)).not.toBe(sha256(first));
  });

  it.each([
    ['non_attribution without reasons', decided('non_attribution'), /non_attribution decision must state its reasons/],
    ['non_attribution with blank reasons', decided('non_attribution', { reasons: '   ' }), /non_attribution decision must state its reasons/],
    ['rejection without reasons', decided('rejection'), /rejection decision must state its reasons/],
    ['conditional_attribution without its document', decided('conditional_attribution', { conditionDeadline: '2027-01-15' }), /must state the document to supply/],
    ['conditional_attribution without its deadline', decided('conditional_attribution', { conditionDocument: 'Avis d’imposition' }), /must state the deadline/],
    ['conditional_attribution with a deadline that is no date', decided('conditional_attribution', { conditionDocument: 'Avis', conditionDeadline: '2027-02-30' }), /calendar day/],
    ['ranked_attribution without its rank', decided('ranked_attribution'), /must state the rank/],
    ['deferral without its reason', { type: 'deferred', reason: '' } as Outcome, /deferred decision must state the reason/],
  ])('refuses a %s, in text and in PDF', async (_name, outcome, message) => {
    expect(() => decisionLetterText(letter(outcome))).toThrow(message);
    await expect(renderDecisionLetterPdf(letter(outcome))).rejects.toThrow(message);
  });

  it('refuses an offer deadline that is not 24:00 local, or one on a letter that offers nothing', () => {
    expect(() => decisionLetterText(letter(decided('attribution'), { offerDeadline: '2026-12-09T00:00:00.000Z' }))).toThrow(/not 24:00/);
    expect(() => decisionLetterText(letter(decided('non_attribution', { reasons: 'Motifs' }), { offerDeadline: deadline }))).toThrow(/no offer deadline/);
  });

  it('refuses a letter dated before the session, and an offer deadline that leaves less than ten days after the letter', async () => {
    expect(() => decisionLetterText(letter(decided('attribution'), { issuedAt: '2026-11-25T10:00:00.000Z' }))).toThrow(/before the day of the session/);
    // 24:00 on the 9th of a letter of the 1st of December: eight days, not ten (the reported defect: a deadline before the session).
    const early = offerDeadline(new Date('2026-11-28T23:30:00.000Z'), 10, timeZone).toISOString();
    const late = letter(decided('attribution', { rank: 1 }), { issuedAt: '2026-12-01T09:00:00.000Z', offerDeadline: early });
    expect(() => decisionLetterText(late)).toThrow(/less than 10 days after the notification/);
    await expect(renderDecisionLetterPdf(late)).rejects.toThrow(/R441-10/);
  });

  it('states the date of notification and who signs for the landlord, or the secretariat', async () => {
    await expectInBoth(letter(decided('attribution'), { signatory: { name: 'Đorđe Đorđević', title: 'Directeur de la clientèle' } }), [
      'Date de notification : 29 novembre 2026', 'Đorđe Đorđević', 'Directeur de la clientèle',
    ]);
    await expectInBoth(letter(decided('attribution')), ['Le secrétariat de la commission d’attribution']);
  });
});
