// The convocation: date, time and time zone, mode and place, the agenda as published (no
// applicant's data), the notice or the urgency, the member's personal join link, how to give a
// proxy and how to consult the files; as the e-mail's text, as a PDF (PDF/A-2b, PDF/UA-1) and as
// an iCalendar invitation; and the cancellation that withdraws it. Every fact is the one the
// session recorded (the published agenda, its time), handed over by the workflow.
import { createEvent, type EventAttributes } from 'ics';
import type { SessionMode } from '../domain/session/phases-and-modes.ts';
import { TaggedPdf } from './pdf-document.ts';

export interface ConvocationFacts {
  sessionId: string;
  committeeName: string;
  landlord: string;
  timeZone: string;
  scheduledStart: Date;
  durationMinutes: number;
  mode: SessionMode;
  /** A written session: when its window closes (it opens at `scheduledStart`). */
  closesAt?: Date | undefined;
  /** The room of an in-person or mixed sitting. */
  place?: string | undefined;
  member: { id: string; name: string; email: string };
  organizer: { name: string; email: string };
  joinUrl?: string | undefined;
  agenda: Array<{ position: number; reference: string; commune: string; type: string; kind: string }>;
  noticePeriodDays: number;
  urgencyReason?: string | undefined;
  /** The member was sent an earlier version of the agenda, which this one replaces. */
  amended: boolean;
  /** Increases with each version of the agenda: the invitation's SEQUENCE. */
  sequence: number;
  /** When this version of the agenda was published: the convocation's date. */
  publishedAt: Date;
  /** The web application, where a member signs in to consult the files their mandate lets them see. */
  applicationUrl?: string | undefined;
}

export interface CancellationFacts {
  sessionId: string;
  committeeName: string;
  landlord: string;
  timeZone: string;
  scheduledStart: Date;
  member: { id: string; name: string; email: string };
  organizer: { name: string; email: string };
  reason: string;
  /** After the last version sent: a cancellation supersedes every earlier invitation. */
  sequence: number;
}

export function invitationUid(sessionId: string, memberId: string): string {
  return `session-${sessionId}-member-${memberId}@caleol`;
}

/** A sitting over video (remote or mixed): a written session has none. */
function remote(f: Pick<ConvocationFacts, 'mode'>): boolean {
  return f.mode === 'remote' || f.mode === 'mixed';
}

function location(f: ConvocationFacts): string | undefined {
  if (f.mode === 'written') return f.applicationUrl ? `${f.applicationUrl.replace(/\/+$/, '')}/sessions/${f.sessionId}` : 'Séance écrite en ligne';
  if (f.mode === 'in_person') return f.place ?? 'Lieu communiqué par le secrétariat';
  if (f.mode === 'mixed') return [f.place ?? 'Lieu communiqué par le secrétariat', f.joinUrl ?? 'visioconférence (lien communiqué par le secrétariat)'].join(' — ');
  return f.joinUrl ?? 'Visioconférence (lien communiqué par le secrétariat)';
}

function build(event: EventAttributes): string {
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('the invitation could not be built');
  return value;
}

export function convocationInvitation(f: ConvocationFacts): string {
  const where = location(f);
  return build({
    uid: invitationUid(f.sessionId, f.member.id),
    productId: 'caleol-engine',
    method: 'REQUEST',
    sequence: f.sequence,
    start: f.scheduledStart.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: f.closesAt ? Math.round((f.closesAt.getTime() - f.scheduledStart.getTime()) / 60_000) : f.durationMinutes },
    title: `${f.committeeName} — ${f.mode === 'written' ? 'séance écrite' : 'séance'} de la commission d'attribution`,
    description: f.mode === 'written'
      ? `Séance écrite : débat et votes en ligne jusqu'à la clôture (${f.closesAt ? when({ scheduledStart: f.closesAt, timeZone: f.timeZone }) : ''}).`
      : f.joinUrl ? `Lien personnel de connexion : ${f.joinUrl}` : remote(f) ? 'Le lien de connexion vous sera communiqué par le secrétariat.' : `Séance en présence physique${f.place ? ` : ${f.place}` : ''}.`,
    ...(where ? { location: where } : {}),
    ...(f.joinUrl ? { url: f.joinUrl } : {}),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    organizer: { name: f.organizer.name, email: f.organizer.email },
    attendees: [{ name: f.member.name, email: f.member.email, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
  });
}

export function cancellationInvitation(f: CancellationFacts): string {
  return build({
    uid: invitationUid(f.sessionId, f.member.id),
    productId: 'caleol-engine',
    method: 'CANCEL',
    sequence: f.sequence,
    start: f.scheduledStart.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: 1 },
    title: `${f.committeeName} — séance annulée`,
    description: `Séance annulée : ${f.reason}`,
    status: 'CANCELLED',
    organizer: { name: f.organizer.name, email: f.organizer.email },
    attendees: [{ name: f.member.name, email: f.member.email, role: 'REQ-PARTICIPANT' }],
  });
}

const modes = {
  remote: 'à distance, par visioconférence',
  in_person: 'en présence physique',
  mixed: 'en présence physique et par visioconférence (séance mixte)',
  written: 'par écrit, en ligne (séance écrite)',
};

const kindLabel = (kind: string) => (kind === 'occupancy_review' ? 'Examen de l’occupation' : 'Attribution');

function when(f: { scheduledStart: Date; timeZone: string }): string {
  const text = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: f.timeZone }).format(f.scheduledStart);
  return `${text} (fuseau horaire ${f.timeZone})`;
}

/** The convocation's paragraphs, shared by the e-mail and the PDF so they state the same facts. */
function convocationWording(f: ConvocationFacts) {
  const closes = f.closesAt ? when({ scheduledStart: f.closesAt, timeZone: f.timeZone }) : undefined;
  const opening = f.amended
    ? `L’ordre du jour de la séance de la ${f.committeeName} (${f.landlord}) du ${when(f)} a été modifié. Il remplace le précédent.`
    : f.mode === 'written'
      ? `Vous êtes convoqué(e) à la séance écrite de la ${f.committeeName} (${f.landlord}), ouverte du ${when(f)} au ${closes}.`
      : `Vous êtes convoqué(e) à la séance de la ${f.committeeName} (${f.landlord}) le ${when(f)}, ${modes[f.mode]}.`;
  const written = f.mode === 'written'
    ? 'Pendant cette période, pour chaque dossier, vous consultez les pièces, prenez part au débat écrit (chaque message est conservé et figure au procès-verbal) '
      + 'et votez sur la proposition du rapporteur ; votre vote peut être modifié jusqu’à la clôture. Tout membre votant peut demander, en motivant sa demande, '
      + 'que le dossier soit renvoyé à une séance tenue en direct. Un dossier n’est décidé que si la part de ses votants prévue par le règlement intérieur a voté ; sinon il est reporté.'
    : undefined;
  const place = f.mode === 'remote' || f.mode === 'written' ? undefined : f.place ?? 'communiqué par le secrétariat';
  const link = !remote(f)
    ? undefined
    : f.joinUrl
      ? `Votre lien personnel de connexion (ne le transmettez pas : il vous identifie pour le quorum et les votes) : ${f.joinUrl}`
      : 'Aucun lien de visioconférence n’est encore attribué : le secrétariat vous le communiquera avant la séance.';
  const notice = f.urgencyReason
    ? `Convocation adressée en urgence, dans le délai de ${f.noticePeriodDays} jour(s) prévu par le règlement intérieur : ${f.urgencyReason}`
    : f.noticePeriodDays > 0
      ? `Convocation adressée au moins ${f.noticePeriodDays} jour(s) avant la séance, comme le prévoit le règlement intérieur.`
      : 'Convocation adressée avant la séance ; le règlement intérieur ne fixe pas de délai.';
  const files = f.applicationUrl
    ? `Les dossiers des candidats sont consultables en ligne, dans la limite de ce que votre mandat vous permet de voir : `
      + `connectez-vous avec votre compte à ${f.applicationUrl.replace(/\/+$/, '')}/sessions/${f.sessionId}. `
      + `Le secrétariat de la commission (${f.organizer.name}, ${f.organizer.email}) peut aussi vous les présenter.`
    : `Les dossiers des candidats peuvent être consultés auprès du secrétariat de la commission (${f.organizer.name}, ${f.organizer.email}), dans la limite de ce que votre mandat vous permet de voir.`;
  const proxy = 'Si vous ne pouvez pas siéger, vous pouvez donner un pouvoir écrit à un autre membre ayant voix délibérative '
    + '(un pouvoir par membre au plus, selon le règlement intérieur) : adressez-le, signé, au secrétariat avant l’ouverture de la séance.';
  return { opening, written, place, link, notice, files, proxy };
}

export function convocationText(f: ConvocationFacts): string {
  const w = convocationWording(f);
  const agenda = f.agenda.map((d) => `  ${d.position}. ${kindLabel(d.kind)} — logement ${d.reference}, ${d.type}, ${d.commune}`);
  return [
    `Madame, Monsieur ${f.member.name},`,
    '',
    w.opening,
    ...(w.written ? ['', w.written] : []),
    ...(w.place ? [`Lieu : ${w.place}.`] : []),
    '',
    'Ordre du jour :',
    ...(agenda.length ? agenda : ['  (aucun point ne concerne votre territoire ou votre contingent)']),
    '',
    ...(w.link ? [w.link, ''] : []),
    w.notice,
    '',
    w.files,
    w.proxy,
    '',
    'La convocation est jointe en PDF, avec l’invitation pour votre agenda.',
  ].join('\n');
}

/** The convocation as a PDF (PDF/A-2b, PDF/UA-1), dated by the agenda's publication: the same facts give the same bytes. */
export function convocationPdf(f: ConvocationFacts): Promise<Buffer> {
  const w = convocationWording(f);
  const doc = new TaggedPdf({
    title: `Convocation — ${f.committeeName}, séance du ${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: f.timeZone }).format(f.scheduledStart)}`,
    author: f.landlord,
    subject: `Session ${f.sessionId}; ordre du jour version ${f.sequence + 1}; ${f.member.name}`,
    creator: 'caleol-engine convocation v1',
    createdAt: f.publishedAt,
  });
  doc.paragraph(f.landlord, { bold: true, size: 13 });
  doc.paragraph('Commission d’attribution des logements et d’examen de l’occupation des logements (CALEOL)', { size: 9 });
  doc.gap(1);
  doc.heading(1, f.amended ? 'Ordre du jour modifié' : 'Convocation');
  doc.field('Destinataire', f.member.name);
  doc.field('Commission', `${f.committeeName} (${f.landlord})`);
  if (f.closesAt) {
    doc.field('Ouverture', when(f));
    doc.field('Clôture', when({ scheduledStart: f.closesAt, timeZone: f.timeZone }));
  } else {
    doc.field('Date et heure', when(f));
  }
  doc.field('Modalité', modes[f.mode]);
  if (w.place) doc.field('Lieu', w.place);
  if (w.link) doc.field('Visioconférence', w.link);
  doc.field('Convocation datée du', new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: f.timeZone }).format(f.publishedAt));
  doc.gap(0.6);
  doc.paragraph(`Madame, Monsieur ${f.member.name},`);
  doc.gap(0.3);
  doc.paragraph(w.opening);
  if (w.written) {
    doc.heading(2, 'Déroulement de la séance écrite');
    doc.paragraph(w.written);
  }
  doc.heading(2, 'Ordre du jour');
  if (f.agenda.length) {
    doc.table(['Point', 'Nature', 'Logement', 'Type', 'Commune'],
      f.agenda.map((d) => [String(d.position), kindLabel(d.kind), d.reference, d.type, d.commune]),
      [0.1, 0.25, 0.2, 0.12, 0.33]);
  } else {
    doc.paragraph('Aucun point ne concerne votre territoire ou votre contingent.');
  }
  doc.heading(2, 'Délai de convocation');
  doc.paragraph(w.notice);
  doc.heading(2, 'Consultation des dossiers');
  doc.paragraph(w.files);
  doc.heading(2, 'Pouvoir');
  doc.paragraph(w.proxy);
  doc.footers((page, pages) => [`Convocation — ${f.committeeName} — session ${f.sessionId} — page ${page}/${pages}`]);
  return doc.end();
}

export function cancellationText(f: CancellationFacts): string {
  return [
    `Madame, Monsieur ${f.member.name},`,
    '',
    `La séance de la ${f.committeeName} (${f.landlord}) prévue le ${when(f)} est annulée.`,
    `Motif : ${f.reason}`,
    '',
    'L\'invitation de votre agenda est retirée. Une nouvelle convocation vous sera adressée pour la prochaine séance.',
  ].join('\n');
}
