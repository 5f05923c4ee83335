// Chasing unsigned minutes: a reminder to each missing signer every few days, and after the
// rules' delay one escalation to ops. Each e-mail is recorded under a key first sent once, so a
// retried activity does not send it twice.
import type { Database } from '../../prisma/database.ts';
import type { SignatureReminder } from '../../domain/session/reactions.ts';
import type { MinutesSigner } from '../../domain/rules/index.ts';
import type { Mailer } from './mailer.ts';
import { sendOnce, type Recipient } from './send-once.ts';

export interface SignatureReminderDeps {
  db: Database;
  mailer?: Mailer | undefined;
  /** The committee's secretariat: it signs as secretary where the rules say so. */
  organizer: { name: string; email: string };
  /** Where overdue signatures are escalated; without it the escalation is only recorded. */
  opsEmail?: string | undefined;
}

const signerLabel: Record<MinutesSigner, string> = { chair: 'président(e)', secretary: 'secrétaire' };

async function sessionFacts(db: Database, sessionId: string) {
  return db.session.findUniqueOrThrow({ where: { id: sessionId }, include: { committee: { include: { members: { where: { chair: true, active: true } } } } } });
}

function frenchDate(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone }).format(new Date(at));
}

function howToSign(r: SignatureReminder): string {
  return [
    `Version ${r.version} du procès-verbal, empreinte SHA-256 :`,
    `  ${r.sha256}`,
    '',
    'Pour signer : signez cette empreinte avec votre clé enregistrée',
    `  npx tsx bin/sign-minutes.ts --key <votre-clé.pem> --sha256 ${r.sha256}`,
    `puis déposez la signature : POST /sessions/${r.sessionId}/minutes/signatures`,
  ].join('\n');
}

export async function remindSigners(deps: SignatureReminderDeps, r: SignatureReminder): Promise<number> {
  const session = await sessionFacts(deps.db, r.sessionId);
  const { committee } = session;
  const chair = committee.members[0];
  let sent = 0;
  for (const role of r.missing) {
    const to: Recipient | undefined = role === 'chair'
      ? chair && { name: chair.name, address: chair.email }
      : { name: deps.organizer.name, address: deps.organizer.email };
    if (!to) continue;
    const subject = `Rappel ${r.reminder} — procès-verbal à signer, ${committee.name}, séance du ${frenchDate(session.scheduledStart, committee.timeZone)}`;
    const text = [
      `Bonjour,`,
      '',
      `Le procès-verbal de la séance du ${frenchDate(session.scheduledStart, committee.timeZone)} de la ${committee.name} attend votre signature en qualité de ${signerLabel[role]} depuis le ${frenchDate(r.draftedAt, committee.timeZone)}.`,
      'Les décisions ne sont notifiées aux demandeurs qu’une fois le procès-verbal signé.',
      '',
      howToSign(r),
    ].join('\n');
    if (await sendOnce(deps.db, deps.mailer, 'signature_reminder', r.sessionId, `reminder:${r.sessionId}:${r.reminder}:${role}`, to, subject, text)) sent++;
  }
  return sent;
}

export async function escalateUnsignedMinutes(deps: SignatureReminderDeps, r: SignatureReminder): Promise<number> {
  if (!deps.opsEmail) return 0;
  const session = await sessionFacts(deps.db, r.sessionId);
  const { committee } = session;
  const subject = `Procès-verbal non signé — ${committee.name}, séance du ${frenchDate(session.scheduledStart, committee.timeZone)}`;
  const text = [
    `Le procès-verbal de la séance ${r.sessionId} (${committee.name}) n’est pas signé par : ${r.missing.map((role) => signerLabel[role]).join(', ')}.`,
    `Il a été rédigé le ${frenchDate(r.draftedAt, committee.timeZone)} ; les demandeurs ne peuvent pas être notifiés et aucune proposition de logement ne part tant qu’il n’est pas signé.`,
    '',
    howToSign(r),
  ].join('\n');
  const sent = await sendOnce(deps.db, deps.mailer, 'signature_escalation', r.sessionId, `escalation:${r.sessionId}:${r.version}`, { name: 'Exploitation CALEOL', address: deps.opsEmail }, subject, text);
  return sent ? 1 : 0;
}
