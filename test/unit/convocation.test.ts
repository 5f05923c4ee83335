// The convocation as the members receive it: the e-mail's text, its PDF and its invitation state
// the same facts, consistent with the sitting's mode, and the invitation follows each change.
import { describe, expect, it } from 'vitest';
import { cancellationInvitation, convocationInvitation, convocationPdf, convocationText, invitationUid, type ConvocationFacts } from '../../documents/convocation.ts';
import { renderConvocationPdf, stopRenderingThreads } from '../../documents/render-threads.ts';
import { pdfText, squash } from '../support/pdf-text.ts';

const base: ConvocationFacts = {
  sessionId: '5b0e7a0e-3f2a-4c8e-9d7a-1f2e3d4c5b6a',
  committeeName: 'CALEOL Nord',
  landlord: 'OPH Métropole Habitat',
  timeZone: 'Europe/Paris',
  scheduledStart: new Date('2026-12-14T09:30:00.000Z'),
  durationMinutes: 180,
  mode: 'remote',
  member: { id: 'member-1', name: 'Ayşe Yılmaz', email: 'ayse@example.org' },
  organizer: { name: 'Secrétariat de la CALEOL', email: 'caleol@example.org' },
  agenda: [
    { position: 1, reference: 'VIL-0042', commune: 'Villeneuve', type: 'T3', kind: 'allocation' },
    { position: 2, reference: 'EVR-0107', commune: 'Évry', type: 'T2', kind: 'occupancy_review' },
  ],
  noticePeriodDays: 5,
  amended: false,
  sequence: 0,
  publishedAt: new Date('2026-12-03T10:00:00.000Z'),
  applicationUrl: 'https://caleol.example.org/',
};

const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');
const line = (ics: string, name: string) => unfold(ics).split(/\r?\n/).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

async function everyForm(f: ConvocationFacts) {
  return { text: convocationText(f), pdf: await pdfText(await convocationPdf(f)), ics: convocationInvitation(f) };
}

describe('the convocation', () => {
  it('of a remote sitting without a video link: only remote, and the secretariat will send the link', async () => {
    const { text, pdf, ics } = await everyForm(base);
    for (const form of [text, pdf]) {
      expect(squash(form)).toContain(squash('lundi 14 décembre 2026 à 10:30 (fuseau horaire Europe/Paris), à distance, par visioconférence'));
      expect(squash(form)).toContain(squash('Aucun lien de visioconférence n’est encore attribué : le secrétariat vous le communiquera avant la séance.'));
      expect(form).not.toMatch(/présence physique|présentiel|Lieu :/);
      expect(squash(form)).toContain(squash('connectez-vous avec votre compte à https://caleol.example.org/sessions/5b0e7a0e-3f2a-4c8e-9d7a-1f2e3d4c5b6a'));
      expect(squash(form)).toContain(squash('Convocation adressée au moins 5 jour(s) avant la séance'));
      expect(squash(form)).toContain(squash('pouvoir écrit'));
      expect(form).toContain('VIL-0042');
      expect(form).toContain('EVR-0107');
    }
    expect(line(ics, 'LOCATION')).toBe('LOCATION:Visioconférence (lien communiqué par le secrétariat)');
    expect(line(ics, 'METHOD')).toBe('METHOD:REQUEST');
  });

  it('of an in-person sitting: the room\'s address, no link; of a mixed one: both', async () => {
    const place = 'Salle du conseil, 3 place de la Mairie, 91000 Évry';
    const inPerson = await everyForm({ ...base, mode: 'in_person', place });
    for (const form of [inPerson.text, inPerson.pdf]) {
      expect(squash(form)).toContain(squash(`Lieu : ${place}`));
      expect(form).toContain('en présence physique');
      expect(form).not.toMatch(/visioconférence/);
    }
    expect(line(inPerson.ics, 'LOCATION')).toBe('LOCATION:Salle du conseil\\, 3 place de la Mairie\\, 91000 Évry');

    const link = 'https://zoom.example/w/123?tk=abc';
    const mixed = await everyForm({ ...base, mode: 'mixed', place, joinUrl: link });
    for (const form of [mixed.text, mixed.pdf]) {
      expect(squash(form)).toContain(squash(`Lieu : ${place}`));
      expect(squash(form)).toContain(squash(link));
    }
    expect(line(mixed.ics, 'LOCATION')).toBe(`LOCATION:Salle du conseil\\, 3 place de la Mairie\\, 91000 Évry — ${link}`);
  });

  it('states the urgency and its reason when the notice period is not respected', async () => {
    const { text, pdf } = await everyForm({ ...base, urgencyReason: 'logement adapté libéré, handicap' });
    for (const form of [text, pdf]) expect(squash(form)).toContain(squash('Convocation adressée en urgence, dans le délai de 5 jour(s) prévu par le règlement intérieur : logement adapté libéré, handicap'));
  });

  it('keeps one invitation per member and session, its SEQUENCE growing with each agenda, withdrawn by CANCEL', () => {
    const first = convocationInvitation(base);
    const second = convocationInvitation({ ...base, amended: true, sequence: 1 });
    const cancel = cancellationInvitation({ ...base, reason: 'logement retiré', sequence: 2 });
    const uid = `UID:${invitationUid(base.sessionId, base.member.id)}`;
    expect([first, second, cancel].map((ics) => line(ics, 'UID'))).toEqual([uid, uid, uid]);
    expect([first, second, cancel].map((ics) => line(ics, 'SEQUENCE'))).toEqual(['SEQUENCE:0', 'SEQUENCE:1', 'SEQUENCE:2']);
    expect(line(cancel, 'METHOD')).toBe('METHOD:CANCEL');
    expect(line(cancel, 'STATUS')).toBe('STATUS:CANCELLED');
  });

  it('renders the same facts to the same PDF bytes, dated by the agenda\'s publication', async () => {
    const [a, b] = await Promise.all([convocationPdf(base), convocationPdf({ ...base })]);
    expect(a.equals(b)).toBe(true);
    expect((await convocationPdf({ ...base, publishedAt: new Date('2026-12-03T10:01:00.000Z') })).equals(a)).toBe(false);
  });

  it('renders on a rendering thread the very bytes it renders here, for each member its own', async () => {
    const members = ['Ayşe Yılmaz', 'Jean Dupont', 'Marie Curie'].map((name, i) => ({ ...base, member: { id: `member-${i}`, name, email: `m${i}@example.org` } }));
    try {
      const threaded = await Promise.all(members.map((f) => renderConvocationPdf(f)));
      const here = await Promise.all(members.map((f) => convocationPdf(f)));
      expect(threaded.map((pdf) => Buffer.isBuffer(pdf))).toEqual([true, true, true]);
      expect(threaded.map((pdf, i) => pdf.equals(here[i]!))).toEqual([true, true, true]);
      expect(threaded[0]!.equals(threaded[1]!)).toBe(false);
    } finally {
      await stopRenderingThreads();
    }
  });
});
