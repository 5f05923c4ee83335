// The convocation e-mail: date, mode and place, the agenda as published (no applicant's data),
// the notice or the urgency, the member's personal join link, how to give a proxy and consult
// the files, and an iCalendar invitation; and the cancellation that withdraws it.
import { createEvent, type EventAttributes } from 'ics';

export interface ConvocationFacts {
  sessionId: string;
  committeeName: string;
  landlord: string;
  timeZone: string;
  scheduledStart: Date;
  durationMinutes: number;
  mode: 'remote' | 'in_person' | 'mixed';
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

function remote(f: Pick<ConvocationFacts, 'mode'>): boolean {
  return f.mode !== 'in_person';
}

function location(f: ConvocationFacts): string | undefined {
  if (f.mode === 'in_person') return f.place;
  if (f.mode === 'mixed') return [f.place, f.joinUrl].filter(Boolean).join(' — ') || undefined;
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
    duration: { minutes: f.durationMinutes },
    title: `${f.committeeName} — séance de la commission d'attribution`,
    description: f.joinUrl ? `Lien personnel de connexion : ${f.joinUrl}` : remote(f) ? 'Le lien de connexion vous sera communiqué par le secrétariat.' : `Séance en présence physique${f.place ? ` : ${f.place}` : ''}.`,
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
};

function when(f: { scheduledStart: Date; timeZone: string }): string {
  const text = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: f.timeZone }).format(f.scheduledStart);
  return `${text} (heure de ${f.timeZone})`;
}

export function convocationText(f: ConvocationFacts): string {
  const agenda = f.agenda.map((d) => `  ${d.position}. ${d.kind === 'occupancy_review' ? 'Examen de l\'occupation' : 'Attribution'} — logement ${d.reference}, ${d.type}, ${d.commune}`);
  const link = f.joinUrl
    ? `Votre lien personnel de connexion (ne le transmettez pas : il vous identifie pour le quorum et les votes) :\n${f.joinUrl}`
    : 'Aucun lien de visioconférence n\'est encore attribué : le secrétariat vous le communiquera avant la séance.';
  return [
    `Madame, Monsieur ${f.member.name},`,
    '',
    f.amended
      ? `L'ordre du jour de la séance de la ${f.committeeName} (${f.landlord}) du ${when(f)} a été modifié. Il remplace le précédent :`
      : `Vous êtes convoqué(e) à la séance de la ${f.committeeName} (${f.landlord}) le ${when(f)}, ${modes[f.mode]}.`,
    ...(f.mode !== 'remote' ? [`Lieu : ${f.place ?? 'communiqué par le secrétariat'}.`] : []),
    '',
    'Ordre du jour :',
    ...(agenda.length ? agenda : ['  (aucun point ne concerne votre territoire ou votre contingent)']),
    '',
    ...(remote(f) ? [link, ''] : []),
    f.urgencyReason
      ? `Convocation adressée en urgence, dans le délai de ${f.noticePeriodDays} jour(s) prévu par le règlement intérieur : ${f.urgencyReason}`
      : f.noticePeriodDays > 0
        ? `Convocation adressée au moins ${f.noticePeriodDays} jour(s) avant la séance, comme le prévoit le règlement intérieur.`
        : 'Convocation adressée avant la séance ; le règlement intérieur ne fixe pas de délai.',
    '',
    `Les dossiers des candidats peuvent être consultés auprès du secrétariat de la commission (${f.organizer.name}, ${f.organizer.email}), dans la limite de ce que votre mandat vous permet de voir.`,
    'Si vous ne pouvez pas siéger, vous pouvez donner un pouvoir écrit à un autre membre ayant voix délibérative : adressez-le au secrétariat avant la séance.',
  ].join('\n');
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
