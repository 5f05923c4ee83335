import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CandidateNotExaminedError, candidateExtract, candidateExtractPdf } from '../../documents/extract.ts';
import { canonicalJson, sha256Hex } from '../../documents/canonical-json.ts';
import { minutesRendererVersion, renderMinutesPdf } from '../../documents/minutes-pdf.ts';
import { verifyMinutes } from '../../documents/verify-bundle.ts';
import { isOtherDwellingItem } from '../../domain/minutes.ts';
import { candidates, minutesFixture, people, reasons } from '../support/minutes-fixture.ts';
import { pdfText, squash } from '../support/pdf-text.ts';


const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function expectAll(text: string, phrases: string[]): void {
  const missing = phrases.filter((p) => !squash(text).includes(squash(p)));
  expect(missing).toEqual([]);
}

function expectNone(text: string, phrases: string[]): void {
  const present = phrases.filter((p) => squash(text).includes(squash(p)));
  expect(present).toEqual([]);
}

const othersOfA = [candidates.b, candidates.c, candidates.d, candidates.e, candidates.f, candidates.g, candidates.h, candidates.tenant];
const othersReasons = [reasons.bCondition, reasons.cRejection, reasons.eNonAttribution, reasons.referral, reasons.fDeferred];

describe('the minutes PDF', () => {
  it('holds, in French, every part of the minutes the law lists', async () => {
    const text = await pdfText(await renderMinutesPdf(minutesFixture()));
    expectAll(text, [
      'PROCÈS-VERBAL',
      'CALEOL Île-de-France Sud',
      'Office public de l’habitat Essonne Sud',
      // the convened and the actual times of the sitting, mode, place and means
      'Convocation : lundi 16 juin 2025 à 9 h 30',
      'Ouverture : lundi 16 juin 2025 à 9 h 31',
      'Début des délibérations : lundi 16 juin 2025 à 9 h 36',
      'Clôture : lundi 16 juin 2025 à 11 h 05',
      'Lieu : Salle du conseil, siège de l’Office, Corbeil-Essonnes',
      'Modalité : mixte (en présence physique et à distance)',
      'visioconférence Zoom',
      // the convocation: published, amended, a delivery by hand
      'Ordre du jour publié : le lundi 9 juin 2025 à 10 h 00, modifié 1 fois depuis',
      'Paul Garnier (administrateur désigné par le conseil) : remise en main propre le 10/06/2025 (adresse électronique en erreur, convocation remise au siège)',
      // attendance, and each arrival with its time
      'Membres convoqués : 11',
      '9 h 36 : Hélène Lefèvre (suppléant) arrive',
      'Claire Martin (administrateur désigné par le conseil), par visioconférence (Zoom)',
      'Hélène Lefèvre (suppléant), présence relevée par le secrétariat, siégeant pour Jean Dupuis',
      'Amina Diallo (administrateur désigné par le conseil), représenté(e) par Karim Benali (pouvoir écrit)',
      'Membres absents : 3',
      'Préfecture de l’Essonne (préfet ou son représentant)',
      'Membres déportés (conflit d’intérêts) : 1',
      'Sophie Leroy (administrateur désigné par le conseil), pour le point n° 1',
      'Association agréée Habitat & Humanisme (représentant d\'une association agréée)',
      // join sessions
      'Maire de Villeneuve (maire ou son représentant) : connexion à 9 h 35, présent jusqu’à la clôture',
      'Invité sans compte (invité, non identifié comme membre) : connexion à 9 h 40, déconnexion à 9 h 50',
      // quorum at the start of deliberations and at each vote
      'Quorum au début des délibérations',
      'clos à 10 h 10 ; quorum :',
      '5 présent(s) et 1 représenté(s) sur 9 membre(s) à voix délibérative, 5 requis : quorum atteint',
      '4 présent(s) et 1 représenté(s) sur 8 membre(s) à voix délibérative, 4 requis : quorum atteint',
      // item 1: dwelling, candidates, the three-candidate check, the casting vote, the decisions
      'Point n° 1 : attribution de logement, logement VIL-0042',
      '12 rue des Lilas, Villeneuve ; type T3, 68,5 m², loyer 520,00 €, financement PLUS',
      `demande n° ${candidates.a}, rang 1 proposé`,
      `demande n° ${candidates.c}, rang 3 proposé`,
      '3 candidats présentés : conforme (au moins trois candidats)',
      'Pour : 3, contre : 3, abstentions : 0',
      'par la voix prépondérante du maire de la commune',
      'Usage de la voix prépondérante par Maire de Villeneuve',
      `Demande n° ${candidates.a} : Attribution en rang 1`,
      `Demande n° ${candidates.b} : Attribution en rang 2 sous condition suspensive : pièce à fournir « ${reasons.bCondition} », au plus tard le 15 juillet 2025`,
      `Demande n° ${candidates.c} : Rejet pour irrecevabilité de la demande. Motifs : ${reasons.cRejection}`,
      // item 2: the exception to the three-candidate rule, a non-attribution with its reasons
      '3 allée des Érables, Évry-Courcouronnes',
      'loyer 1 234,56 €',
      'exception enregistrée : insuffisance de candidats',
      `Demande n° ${candidates.e} : Non-attribution. Motifs : ${reasons.eNonAttribution}`,
      // item 3: the referral
      `Renvoi à une séance en présence physique : renvoi à une séance en présence physique à la demande d’un membre votant : ${reasons.referral}`,
      'Point n° 3 : renvoyé à une séance en présence physique',
      // item 4: an occupancy review's opinion
      'Point n° 4 : examen de l’occupation du logement',
      'sous-occupation du logement ; logement adapté au ménage : T3 de plain-pied à Villeneuve',
      // signers and the document hash
      'Le président de la commission',
      'Le secrétaire de séance',
      sha256Hex(canonicalJson(minutesFixture())),
    ]);
  });

  it('renders the same document to the same bytes, whatever the order of its keys', async () => {
    const first = await renderMinutesPdf(minutesFixture());
    const second = await renderMinutesPdf(minutesFixture());
    expect(sha256(second)).toBe(sha256(first));
    // As read back from a jsonb column: same content, keys in another order.
    const reordered = JSON.parse(JSON.stringify(minutesFixture(), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value)) as ReturnType<typeof minutesFixture>;
    expect(sha256(await renderMinutesPdf(reordered))).toBe(sha256(first));
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('gives another PDF when one decision of the document changes', async () => {
    const changed = minutesFixture();
    changed.items[0]!.decisions[2]!.reasons = 'Autres motifs';
    expect(sha256(await renderMinutesPdf(changed))).not.toBe(sha256(await renderMinutesPdf(minutesFixture())));
  });
  it('renders a reconvened session without quorum, manual attendance and a dwelling known only by its id', async () => {
    const base = minutesFixture();
    const item = base.items[2]!;
    const text = await pdfText(await renderMinutesPdf({
      ...base,
      session: { ...base.session, mode: 'in_person', means: 'attendance recorded by the secretary', reconvenedFrom: 'a1b2c3d4-0000-4000-8000-000000000000', withoutQuorum: true },
      meeting: { provider: 'manual' },
      quorumAtDeliberations: null,
      items: [{ ...item, dwelling: { reference: 'd7e8f9a0-0000-4000-8000-000000000042' }, candidateCheck: { count: 1, exception: 'dalo_designation' } }],
      signers: ['chair'],
    }));
    expectAll(text, [
      'Modalité : en présence physique',
      'présence relevée par le secrétariat de séance',
      'après la carence de la séance a1b2c3d4-0000-4000-8000-000000000000',
      'délibère sans condition de quorum',
      'Le quorum n’a pas été atteint : la commission n’a pas délibéré',
      'logement d7e8f9a0-0000-4000-8000-000000000042',
      'exception enregistrée : désignation par le préfet au titre du DALO',
    ]);
    expectNone(text, ['Connexions à la réunion', 'Le secrétaire de séance']);
  });
});

describe('a candidate’s extract of the minutes', () => {
  it('keeps the session, the attendance and the candidate’s own item, vote and decision', () => {
    const extract = candidateExtract(minutesFixture(), candidates.a);
    expect(extract.document).toBe('caleol_minutes_extract');
    expect(extract.sourceSha256).toBe(sha256Hex(canonicalJson(minutesFixture())));
    expect(extract.members).toEqual(minutesFixture().members);
    const [own, ...others] = extract.items;
    expect(own && !isOtherDwellingItem(own) ? own.decisions : undefined).toEqual([
      { applicationNumber: candidates.a, type: 'ranked_attribution', rank: 1, conditionDocument: null, conditionDeadline: null, reasons: null },
    ]);
    expect(own && !isOtherDwellingItem(own) ? own.votes[0]?.castingVote : undefined).toEqual(people.mayor);
    expect(others).toEqual([{ position: 2, otherDwelling: true }, { position: 3, otherDwelling: true }, { position: 4, otherDwelling: true }]);
  });

  it('holds none of the other candidates’ numbers, ranks or reasons, in JSON or in the PDF', async () => {
    const json = canonicalJson(candidateExtract(minutesFixture(), candidates.a));
    expectNone(json, [...othersOfA, ...othersReasons, 'EVR-0107', 'MAS-0009', 'VIL-0100', '"rank":2', '"rank":3']);
    expect(json).toContain(candidates.a);

    const text = await pdfText(await candidateExtractPdf(minutesFixture(), candidates.a));
    expectNone(text, [...othersOfA, ...othersReasons, 'EVR-0107', 'Évry', 'rang 2', 'rang 3', 'Non-attribution', 'Rejet']);
    expectAll(text, [
      'EXTRAIT DU PROCÈS-VERBAL',
      `Extrait établi pour la demande n° ${candidates.a}`,
      'Amina Diallo (administrateur désigné par le conseil), représenté(e) par Karim Benali',
      `Demande n° ${candidates.a} : Attribution en rang 1`,
      'Pour : 3, contre : 3, abstentions : 0',
      'Usage de la voix prépondérante par Maire de Villeneuve',
      'Point n° 2 : un autre logement examiné',
      'Point n° 3 : un autre logement examiné',
    ]);
  });

  it('gives a candidate their own condition and deadline but not a co-candidate’s reasons', async () => {
    const text = await pdfText(await candidateExtractPdf(minutesFixture(), candidates.b));
    expectAll(text, [`pièce à fournir « ${reasons.bCondition} », au plus tard le 15 juillet 2025`]);
    expectNone(text, [candidates.a, candidates.c, reasons.cRejection, reasons.eNonAttribution]);
  });

  it('refuses an extract for an application the minutes do not examine', () => {
    expect(() => candidateExtract(minutesFixture(), '999-0000-00000')).toThrow(CandidateNotExaminedError);
  });
});

describe('the verification of a stored minutes PDF', () => {
  it('re-renders what this renderer made, and checks what an earlier one made by its recorded hash only', async () => {
    const document = minutesFixture();
    const documentJson = canonicalJson(document);
    const pdf = await renderMinutesPdf(document);
    const same = await verifyMinutes({ documentJson, sha256: sha256Hex(documentJson), pdf, pdfSha256: sha256(pdf), signatures: [], pdfSignedRoles: ['chair', 'secretary'] });
    expect(same).toEqual({ ok: true, problems: [] });

    // The same bytes as an earlier renderer would name itself: not this renderer's to re-render.
    const earlier = Buffer.from(pdf.toString('latin1').replace(`(caleol-engine minutes v${minutesRendererVersion})`, `(caleol-engine minutes v${minutesRendererVersion - 1})`), 'latin1');
    expect(earlier.equals(pdf)).toBe(false);
    const old = await verifyMinutes({ documentJson, sha256: sha256Hex(documentJson), pdf: earlier, pdfSha256: sha256(earlier), signatures: [], pdfSignedRoles: ['chair', 'secretary'] });
    expect(old).toMatchObject({ ok: true, problems: [], notes: [expect.stringMatching(/earlier version of the renderer/)] });
    // Its recorded hash still holds it: one byte changed is found.
    expect((await verifyMinutes({ documentJson, sha256: sha256Hex(documentJson), pdf: earlier, pdfSha256: sha256(pdf), signatures: [], pdfSignedRoles: ['chair', 'secretary'] })).ok).toBe(false);
    // And a PDF this renderer made must be its rendering.
    const changed = Buffer.from(pdf);
    changed[changed.length - 200] = changed[changed.length - 200]! ^ 1;
    expect((await verifyMinutes({ documentJson, sha256: sha256Hex(documentJson), pdf: changed, pdfSha256: sha256(changed), signatures: [], pdfSignedRoles: ['chair', 'secretary'] })).problems)
      .toEqual(['pdf: the PDF is not the rendering of the minutes JSON']);
  });
});

