// The convocation e-mail: date, mode, the dwellings on the agenda (no applicant's data), the
// member's personal join link, and an iCalendar invitation.
import { createEvent, type EventAttributes } from 'ics';

export interface ConvocationFacts {
  sessionId: string;
  committeeName: string;
  landlord: string;
  timeZone: string;
  scheduledStart: Date;
  durationMinutes: number;
  mode: 'remote' | 'in_person' | 'mixed';
  member: { id: string; name: string; email: string };
  organizer: { name: string; email: string };
  joinUrl?: string | undefined;
  dwellings: Array<{ position: number; reference: string; commune: string; type: string; kind: string }>;
  /** Increases when the invitation is sent again after a change. */
  sequence: number;
}

export function invitationUid(sessionId: string, memberId: string): string {
  return `session-${sessionId}-member-${memberId}@caleol`;
}

export function convocationInvitation(f: ConvocationFacts): string {
  const event: EventAttributes = {
    uid: invitationUid(f.sessionId, f.member.id),
    productId: 'caleol-engine',
    method: 'REQUEST',
    sequence: f.sequence,
    start: f.scheduledStart.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: f.durationMinutes },
    title: `${f.committeeName} — séance de la commission d'attribution`,
    description: f.joinUrl ? `Lien personnel de connexion : ${f.joinUrl}` : 'Séance en présentiel.',
    ...(f.joinUrl ? { location: f.joinUrl, url: f.joinUrl } : {}),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    organizer: { name: f.organizer.name, email: f.organizer.email },
    attendees: [{ name: f.member.name, email: f.member.email, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('the invitation could not be built');
  return value;
}

const modes = { remote: 'à distance (visioconférence)', in_person: 'en présentiel', mixed: 'mixte (présentiel et visioconférence)' };

export function convocationText(f: ConvocationFacts): string {
  const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: f.timeZone }).format(f.scheduledStart);
  const agenda = f.dwellings.map((d) => `  ${d.position}. ${d.kind === 'occupancy_review' ? 'Examen de l\'occupation' : 'Attribution'} — logement ${d.reference}, ${d.type}, ${d.commune}`);
  return [
    `Madame, Monsieur ${f.member.name},`,
    '',
    `Vous êtes convoqué(e) à la séance de la ${f.committeeName} (${f.landlord}) le ${when}, ${modes[f.mode]}.`,
    '',
    'Ordre du jour :',
    ...agenda,
    '',
    f.joinUrl
      ? `Votre lien personnel de connexion (ne le transmettez pas : il vous identifie pour le quorum et les votes) :\n${f.joinUrl}`
      : 'La séance se tient en présentiel.',
    '',
    'Les dossiers des candidats sont consultables dans l\'application, le jour de la séance.',
    'Si vous ne pouvez pas siéger, vous pouvez donner un pouvoir écrit à un autre membre ayant voix délibérative.',
  ].join('\n');
}
