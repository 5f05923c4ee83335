// The codec endpoint of the Temporal UI ("remote codec server"): it sends the payloads of a
// history it shows, encrypted, and gets them back decoded, for the ops and auditors allowed to
// read them; the browser calls it across origins, with the UI user's token. Nothing else of the
// API is open to another origin.
import type { Payload } from '@temporalio/common';
import { Type } from 'typebox';
import { requireRole } from '../auth.ts';
import type { App, RouteContext } from '../context.ts';
import { ProblemError } from '../problems.ts';
import { problemResponses as problems } from '../schemas.ts';

const Base64 = Type.String({ maxLength: 4 * 1024 * 1024, pattern: '^[A-Za-z0-9+/]*={0,2}$' });
const JsonPayload = Type.Object({
  metadata: Type.Optional(Type.Record(Type.String({ maxLength: 200 }), Base64)),
  data: Type.Optional(Base64),
}, { additionalProperties: false });
const Payloads = Type.Object({ payloads: Type.Array(JsonPayload, { maxItems: 1000 }) }, { additionalProperties: false });
type JsonPayload = { metadata?: Record<string, string> | undefined; data?: string | undefined };

const toPayload = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

export function registerCodecRoutes(app: App, { dataConverter }: RouteContext, corsOrigins: readonly string[]): void {
  const codecs = dataConverter.payloadCodecs ?? [];
  const allowOrigin = (origin: string | undefined) => (origin && corsOrigins.includes(origin) ? origin : undefined);
  const corsHeaders = (origin: string) => ({
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, x-namespace',
    'access-control-allow-credentials': 'true',
    vary: 'origin',
  });

  for (const operation of ['decode', 'encode'] as const) {
    app.options(`/codec/${operation}`, { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      const origin = allowOrigin(request.headers.origin);
      return origin ? reply.code(204).headers(corsHeaders(origin)).send() : reply.code(403).send();
    });

    app.post(`/codec/${operation}`, {
      config: { scope: 'deployment' },
      schema: {
        tags: ['ops'],
        summary: operation === 'decode'
          ? 'Decode (decrypt) Temporal payloads for the Temporal UI (its remote codec protocol): ops and auditors only'
          : 'Encode (encrypt) Temporal payloads as the engine does, for the Temporal UI: ops only',
        body: Payloads, response: { 200: Payloads, ...problems },
      },
    }, async (request, reply) => {
      requireRole(request.principal, ...(operation === 'decode' ? ['ops', 'auditor'] as const : ['ops'] as const));
      const origin = allowOrigin(request.headers.origin);
      if (origin) void reply.headers(corsHeaders(origin));
      let payloads = request.body.payloads.map(toPayload);
      try {
        if (operation === 'decode') for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
        else for (const codec of codecs) payloads = await codec.encode(payloads);
      } catch (error) {
        throw new ProblemError({ status: 422, code: 'payload_not_decodable', title: 'Unprocessable request', detail: (error as Error).message, rule: 'payload_codec' });
      }
      return { payloads: payloads.map(toJson) };
    });
  }
}
