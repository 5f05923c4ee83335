// A webhook receiver for tests of the emulator's deliveries: it keeps each request's raw bytes
// and headers (what a signature is computed over) and answers as the test decides.
import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  body: Record<string, unknown>;
  event: string;
  /** Real time of arrival (ms since epoch). */
  receivedAt: number;
}

export interface ReceiverAnswer {
  status: number;
  body?: unknown;
  /** Answer this late (to exceed the emulator's ack timeout). */
  delayMs?: number;
}

export type Responder = (webhook: ReceivedWebhook, index: number) => ReceiverAnswer | Promise<ReceiverAnswer>;

export interface WebhookReceiver {
  url: string;
  readonly received: readonly ReceivedWebhook[];
  /** The events received, in arrival order. */
  events(): string[];
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1 (random port); by default it answers 200 `{}`. */
export async function startWebhookReceiver(responder: Responder = () => ({ status: 200, body: {} })): Promise<WebhookReceiver> {
  const app = Fastify({ logger: false });
  const received: ReceivedWebhook[] = [];
  let respond = responder;
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.post('/zoom/webhook', async (request, reply) => {
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
    const body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    const webhook: ReceivedWebhook = { headers: request.headers, rawBody, body, event: String(body.event), receivedAt: Date.now() };
    received.push(webhook);
    const answer = await respond(webhook, received.length - 1);
    if (answer.delayMs) await sleep(answer.delayMs);
    return reply.code(answer.status).send(answer.body ?? '');
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('webhook receiver: no address');
  return {
    url: `http://127.0.0.1:${address.port}/zoom/webhook`,
    received,
    events: () => received.map((w) => w.event),
    respondWith(next) {
      respond = next;
    },
    close: () => app.close(),
  };
}
