// What the recipients' own tools say of every PDF the engine makes: veraPDF (PDF/A-2B for the
// archive, PDF/UA-1 for accessibility) and poppler's pdftotext (every name as written).
import { describe, expect, it } from 'vitest';
import { convocationPdf, type ConvocationFacts } from '../../documents/convocation.ts';
import { renderDecisionLetterPdf, type DecisionLetter } from '../../documents/decision-letter.ts';
import { candidateExtractPdf } from '../../documents/extract.ts';
import { renderMinutesPdf } from '../../documents/minutes-pdf.ts';
import type { MinutesDocument, MinutesItem } from '../../domain/minutes.ts';
import { offerDeadline } from '../../domain/rules/index.ts';
import { minutesFixture } from '../support/minutes-fixture.ts';
import { pdfToText, veraPdf } from '../support/pdf-validators.ts';

// Names outside Latin-1, as applicants and members write them.
const names = {
  'Claire Martin': 'Nguyễn Thị Ánh',
  'Karim Benali': 'Łukasz Żółć',
  'Sophie Leroy': 'Ayşe Yılmaz',
  'Jean Dupuis': 'Đorđe Đorđević',
};

function withNames(document: MinutesDocument): MinutesDocument {
  let json = JSON.stringify(document);
  for (const [from, to] of Object.entries(names)) json = json.replaceAll(from, to);
  return JSON.parse(json) as MinutesDocument;
}

const timeZone = 'Europe/Paris';
const issuedAt = '2025-06-17T08:00:00.000Z';

function letter(outcome: DecisionLetter['outcome'], more: Partial<DecisionLetter> = {}): DecisionLetter {
  return {
    landlord: 'Office public de l’habitat Essonne Sud',
    committee: { name: 'CALEOL Île-de-France Sud', timeZone },
    sessionDate: '2025-06-16T07:30:00.000Z',
    issuedAt,
    applicant: { applicationNumber: '075-2024-00123', name: 'Nguyễn Thị Ánh', postalAddress: '4 allée Łukasz Żółć\n91000 Évry-Courcouronnes' },
    dwelling: { reference: 'VIL-0042', address: '12 rue des Lilas', commune: 'Villeneuve', type: 'T3', surfaceM2: '68.5', rentCents: 52000 },
    outcome,
    minutesSha256: 'a3f1c2d4e5b69788123456789abcdef0fedcba9876543210aabbccddeeff0011',
    signatory: { name: 'Ayşe Yılmaz', title: 'Directrice de la gestion locative' },
    ...more,
  };
}

const convocation: ConvocationFacts = {
  sessionId: '5b0e7a0e-3f2a-4c8e-9d7a-1f2e3d4c5b6a',
  committeeName: 'CALEOL Île-de-France Sud',
  landlord: 'Office public de l’habitat Essonne Sud',
  timeZone,
  scheduledStart: new Date('2025-06-16T07:30:00.000Z'),
  durationMinutes: 180,
  mode: 'mixed',
  place: 'Salle du conseil, siège de l’Office, Corbeil-Essonnes',
  member: { id: 'member-1', name: 'Đorđe Đorđević', email: 'dorde@example.org' },
  organizer: { name: 'Secrétariat de la CALEOL', email: 'caleol@example.org' },
  joinUrl: 'https://zoom.example/w/123?tk=abc',
  agenda: [{ position: 1, reference: 'VIL-0042', commune: 'Villeneuve', type: 'T3', kind: 'allocation' }],
  noticePeriodDays: 5,
  amended: false,
  sequence: 0,
  publishedAt: new Date('2025-06-09T08:00:00.000Z'),
  applicationUrl: 'https://caleol.example.org',
};

/** The fixture's minutes as a written session's: the window, and the first item's participation, ballots, debate and a referral request. */
function writtenMinutes(document: MinutesDocument): MinutesDocument {
  const [first, ...rest] = document.items as MinutesItem[];
  const person = document.members.present[0]!;
  return {
    ...document,
    session: { ...document.session, mode: 'written', means: 'written deliberation online; participation from the ballots and the debate' },
    window: {
      opensAt: '2025-06-16T07:30:00.000Z', closesAt: '2025-06-18T07:30:00.000Z', openedAt: '2025-06-16T07:30:00.000Z', closedAt: '2025-06-18T07:30:00.000Z', early: false,
      extension: { from: '2025-06-17T07:30:00.000Z', to: '2025-06-18T07:30:00.000Z', reason: 'pièces reçues tardivement', by: { id: 'staff:sec', name: 'le secrétariat (sec)' }, at: '2025-06-17T06:00:00.000Z' },
      reminders: [{ hoursBefore: 24, at: '2025-06-17T07:30:00.000Z', members: 3, emailed: 3 }], minimumParticipation: 0.5,
    },
    items: [{
      ...first!,
      written: {
        participation: { rosterSize: 8, present: 5, represented: 1, required: 4, reached: true },
        ballots: [{ seat: person, castBy: person, at: '2025-06-16T09:12:00.000Z', byProxy: false }],
        debate: [{ at: '2025-06-16T08:05:00.000Z', by: { id: person.memberId, name: person.name }, text: 'Le ménage de Łukasz Żółć est prioritaire : « DALO » reconnu en 2024.' }],
        referralRequests: [{ member: person, at: '2025-06-16T10:00:00.000Z', reason: 'visite du logement' }],
      },
    }, ...rest],
  };
}

describe('the PDFs the engine makes', () => {
  it('pass veraPDF on PDF/A-2B and PDF/UA-1, and give back every name as written', async () => {
    const minutes = withNames(minutesFixture());
    const examined = (minutes.items[0] as MinutesItem).candidatesExamined[0]!.applicationNumber;
    const files: Record<string, Buffer> = {
      minutes: await renderMinutesPdf(minutes),
      extract: await candidateExtractPdf(minutes, examined),
      'decision-letter': await renderDecisionLetterPdf(letter({ type: 'non_attribution', rank: null, conditionDocument: null, conditionDeadline: null, reasons: 'Taux d’effort de 45 %' })),
      'offer-letter': await renderDecisionLetterPdf(letter(
        { type: 'attribution', rank: 1, conditionDocument: null, conditionDeadline: null, reasons: null },
        { offerDeadline: offerDeadline(new Date(issuedAt), 10, timeZone).toISOString() },
      )),
      // Characters XML escapes, in the title and author the XMP metadata repeats.
      'deferral-letter': await renderDecisionLetterPdf(letter({ type: 'deferred', reason: 'pièces manquantes' }, { landlord: 'Habitat & Humanisme <Essonne>' })),
      convocation: await convocationPdf(convocation),
      'written-minutes': await renderMinutesPdf(writtenMinutes(minutes)),
      'written-extract': await candidateExtractPdf(writtenMinutes(minutes), examined),
      'written-convocation': await convocationPdf({ ...convocation, mode: 'written', closesAt: new Date('2025-06-18T07:30:00.000Z'), joinUrl: undefined, place: undefined }),
    };
    const archival = await veraPdf('2b', files);
    const accessible = await veraPdf('ua1', files);
    expect(Object.keys(archival.failures).sort()).toEqual(Object.keys(files).sort());
    expect(archival.failures).toEqual(Object.fromEntries(Object.keys(files).map((name) => [name, []])));
    expect(accessible.failures).toEqual(Object.fromEntries(Object.keys(files).map((name) => [name, []])));

    const minutesText = await pdfToText(files.minutes!);
    for (const name of Object.values(names)) expect(minutesText).toContain(name);
    const letterText = await pdfToText(files['offer-letter']!);
    for (const name of ['Nguyễn Thị Ánh', 'Łukasz Żółć', 'Ayşe Yılmaz']) expect(letterText).toContain(name);
    expect(await pdfToText(files.convocation!)).toContain('Đorđe Đorđević');
    const writtenText = (await pdfToText(files['written-minutes']!)).replace(/\s+/g, ' ');
    for (const words of ['Séance écrite', 'Débat écrit', 'Le ménage de Łukasz Żółć est prioritaire', 'pièces reçues tardivement', '6 siège(s) sur 8 ont voté', 'visite du logement']) expect(writtenText).toContain(words);
    // An applicant's extract withholds the debate, which may speak of other candidates.
    const extractText = (await pdfToText(files['written-extract']!)).replace(/\s+/g, ' ');
    expect(extractText).toContain('1 message(s), non reproduits');
    expect(extractText).not.toContain('Łukasz Żółć est prioritaire');
    for (const written of ['visite du logement', 'pièces reçues tardivement']) expect(extractText).not.toContain(written);
    expect((await pdfToText(files['written-convocation']!)).replace(/\s+/g, ' ')).toMatch(/séance écrite.*Clôture/is);
  });

  it('fail veraPDF when a PDF is not archival: the check can fail', async () => {
    // A PDF 1.3 in an unembedded standard font, as the engine made before: no XMP, no output intent, no tags.
    const { default: PDFDocument } = await import('pdfkit');
    const pdf = new PDFDocument({ compress: false });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
    pdf.text('Procès-verbal');
    pdf.end();
    const bytes = await done;
    const report = await veraPdf('2b', { plain: bytes });
    expect(report.failures.plain!.length).toBeGreaterThan(0);
    expect((await veraPdf('ua1', { plain: bytes })).failures.plain!.length).toBeGreaterThan(0);
  });
});
