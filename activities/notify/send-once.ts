// An e-mail recorded under a key before it is sent, so that a retried activity sends it once.
import type { Database } from '../../prisma/database.ts';
import type { NotificationKind } from '../../generated/prisma/client.ts';
import type { Mailer } from './mailer.ts';

export interface Recipient { name: string; address: string }

/** Sends `text` to `to` once under `dedupeKey`; false when there is no mailer to send with. */
export async function sendOnce(
  db: Database, mailer: Mailer | undefined, kind: NotificationKind, sessionId: string, dedupeKey: string, to: Recipient, subject: string, text: string,
): Promise<boolean> {
  if (!mailer) return false;
  const row = await db.notification.upsert({
    where: { dedupeKey },
    create: { id: crypto.randomUUID(), dedupeKey, kind, sessionId, recipient: to.address },
    update: {},
  });
  if (row.sentAt) return true;
  const messageId = `<${dedupeKey.replaceAll(':', '-')}@caleol>`;
  await mailer.send({ to, subject, text, messageId });
  await db.notification.update({ where: { dedupeKey }, data: { sentAt: new Date(), messageId } });
  return true;
}
