// GET /outbox: the mail the embedded default sent (its mail catcher's), for the secretariat and
// ops. A deployment that sends through SMTP_URL has no outbox here: its mail server keeps it.
import { Type } from 'typebox';
import { requireRole } from '../auth.ts';
import type { App, RouteContext } from '../context.ts';
import { ProblemError } from '../problems.ts';
import { DateTime, problemResponses as problems } from '../schemas.ts';
import { outboxAttachment, outboxMessage, outboxMessages } from '../services/outbox.ts';

const Attachment = Type.Object({ index: Type.Integer(), filename: Type.String(), contentType: Type.String(), size: Type.Integer() });
const Message = Type.Object({
  id: Type.String(), receivedAt: DateTime, from: Type.String(), to: Type.String(), subject: Type.String(), attachments: Type.Array(Attachment),
});
const MessageId = Type.String({ pattern: '^[0-9A-Za-z.:-]{1,120}$' });
const Limit = Type.String({ pattern: '^[0-9]{1,3}$', description: 'How many of the newest messages, 1 to 500 (default 50)' });

export function registerOutboxRoutes(app: App, _context: RouteContext, outboxDir: string | undefined): void {
  const dir = (): string => {
    if (outboxDir) return outboxDir;
    throw new ProblemError({ status: 404, code: 'outbox_unavailable', title: 'Not found', detail: 'this deployment sends mail through SMTP_URL: its mail server keeps what was sent', rule: 'embedded_mail_catcher' });
  };

  app.get('/outbox', {
    config: { scope: 'deployment' },
    schema: {
      tags: ['outbox'],
      summary: 'The newest messages the engine sent (embedded default without SMTP_URL): convocations, letters, reminders',
      querystring: Type.Object({ limit: Type.Optional(Limit) }, { additionalProperties: false }),
      response: { 200: Type.Object({ messages: Type.Array(Message) }), ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'secretary', 'ops');
    const limit = Math.min(500, Math.max(1, Number(request.query.limit ?? 50)));
    return { messages: await outboxMessages(dir(), limit) };
  });

  app.get('/outbox/:messageId', {
    config: { scope: 'deployment' },
    schema: {
      tags: ['outbox'],
      summary: 'One message the engine sent, with its text and the list of its attachments',
      params: Type.Object({ messageId: MessageId }),
      response: { 200: Type.Intersect([Message, Type.Object({ text: Type.String() })]), ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'secretary', 'ops');
    return outboxMessage(dir(), request.params.messageId);
  });

  app.get('/outbox/:messageId/attachments/:index', {
    config: { scope: 'deployment' },
    schema: {
      tags: ['outbox'],
      summary: 'An attachment of a message the engine sent (a convocation or letter PDF, an invitation)',
      params: Type.Object({ messageId: MessageId, index: Type.String({ pattern: '^[0-9]{1,2}$' }) }),
      response: { 200: { description: 'The attachment as sent', content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } } }, ...problems },
    },
  }, async (request, reply) => {
    requireRole(request.principal, 'secretary', 'ops');
    const attachment = await outboxAttachment(dir(), request.params.messageId, Number(request.params.index));
    return reply.type(attachment.contentType).header('content-disposition', `inline; filename="${attachment.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`).send(attachment.content);
  });
}
