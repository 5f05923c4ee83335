// The mail the embedded default sent, as its mail catcher kept it (one .eml file per message
// under DATA_DIR/outbox): so a new user sees the convocations and letters the engine sent.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { notFound } from '../problems.ts';

export interface OutboxMessage {
  id: string;
  receivedAt: string;
  from: string;
  to: string;
  subject: string;
  attachments: Array<{ index: number; filename: string; contentType: string; size: number }>;
}

const messageId = /^[0-9A-Za-z.:-]{1,120}$/;
/** An attachment's name; the calendar part Outlook reads has none of its own. */
const nameOf = (a: { filename?: string | undefined; contentType: string }, index: number) =>
  a.filename ?? (a.contentType === 'text/calendar' ? 'invitation.ics' : `piece-jointe-${index + 1}`);
const addresses = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a.map((x) => x.text).join(', ') : a?.text ?? '');

/** The messages' ids (their file names), newest first: the names start with the time they came. */
async function messageIds(dir: string): Promise<string[]> {
  const files = await readdir(dir).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.eml')).map((f) => f.slice(0, -4)).filter((id) => messageId.test(id)).sort().reverse();
}

async function parsed(dir: string, id: string) {
  // Only a name the folder lists is read: never a path made of the request.
  if (!(await messageIds(dir)).includes(id)) throw notFound('message in the outbox', id);
  const raw = await readFile(join(dir, `${id}.eml`));
  return { mail: await simpleParser(raw), size: raw.length };
}

function summary(id: string, mail: Awaited<ReturnType<typeof simpleParser>>): OutboxMessage {
  return {
    id,
    receivedAt: (mail.date ?? new Date(0)).toISOString(),
    from: addresses(mail.from),
    to: addresses(mail.to),
    subject: mail.subject ?? '',
    attachments: mail.attachments.map((a, index) => ({ index, filename: nameOf(a, index), contentType: a.contentType, size: a.size })),
  };
}

export async function outboxMessages(dir: string, limit: number): Promise<OutboxMessage[]> {
  const ids = (await messageIds(dir)).slice(0, limit);
  return Promise.all(ids.map(async (id) => summary(id, await simpleParser(await readFile(join(dir, `${id}.eml`))))));
}

export async function outboxMessage(dir: string, id: string): Promise<OutboxMessage & { text: string }> {
  const { mail } = await parsed(dir, id);
  return { ...summary(id, mail), text: mail.text ?? '' };
}

export async function outboxAttachment(dir: string, id: string, index: number): Promise<{ filename: string; contentType: string; content: Buffer }> {
  const { mail } = await parsed(dir, id);
  const attachment = mail.attachments[index];
  if (!attachment) throw notFound(`attachment ${index} of message`, id);
  return { filename: nameOf(attachment, index), contentType: attachment.contentType, content: attachment.content };
}
