// Sending e-mail over SMTP. One transport per process; the message id is ours, so a retried
// activity can tell a message it already sent.
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** An iCalendar invitation (METHOD:REQUEST, or CANCEL), sent as the text/calendar alternative Outlook reads. */
  invitation?: { filename: string; content: string; method?: 'REQUEST' | 'CANCEL' | undefined } | undefined;
  attachments?: Array<{ filename: string; content: Buffer | string; contentType: string }> | undefined;
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        // Nodemailer sends the event twice itself: the text/calendar alternative and an .ics file.
        ...(mail.invitation ? { icalEvent: { method: mail.invitation.method ?? 'REQUEST', filename: mail.invitation.filename, content: mail.invitation.content } } : {}),
        attachments: mail.attachments ?? [],
      });
    },
    close: () => transport.close(),
  };
}
