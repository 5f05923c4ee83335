// Before a written session's close, each member who has not voted on every item put to them is
// reminded by e-mail, once per reminder (the rules' hours before the close).
import type { VotersReminder } from '../../domain/session/reactions.ts';
import type { Database } from '../../prisma/database.ts';
import type { Mailer } from './mailer.ts';
import { sendOnce } from './send-once.ts';

export interface VoteReminderDeps {
  db: Database;
  mailer?: Mailer | undefined;
  /** The web application's address, where members vote. */
  applicationUrl?: string | undefined;
}

export async function remindWrittenVoters({ db, mailer, applicationUrl }: VoteReminderDeps, r: VotersReminder): Promise<number> {
  const session = await db.session.findUniqueOrThrow({ where: { id: r.sessionId }, include: { committee: true } });
  const members = await db.member.findMany({ where: { id: { in: r.memberIds }, committeeId: r.committeeId } });
  const close = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: r.timeZone }).format(new Date(r.closesAt));
  let sent = 0;
  for (const member of members) {
    const subject = `Rappel — séance écrite de la ${session.committee.name} : votre vote est attendu avant le ${close}`;
    const text = [
      `Bonjour ${member.name},`,
      '',
      `La séance écrite de la ${session.committee.name} se clôt le ${close}.`,
      'Vous n’avez pas encore voté sur tous les dossiers qui vous sont soumis. Un dossier n’est décidé que si au moins la part de ses votants prévue par le règlement intérieur a voté ; sinon il est reporté.',
      'Vous pouvez aussi, en le motivant, demander qu’un dossier soit renvoyé à une séance tenue en direct.',
      ...(applicationUrl ? ['', `Pour voter : ${applicationUrl.replace(/\/$/, '')}/sessions/${r.sessionId}`] : []),
    ].join('\n');
    const key = `vote-reminder:${r.sessionId}:${r.closesAt}:${r.hoursBefore}:${member.id}`;
    if (await sendOnce(db, mailer, 'vote_reminder', r.sessionId, key, { name: member.name, address: member.email }, subject, text)) sent++;
  }
  return sent;
}
