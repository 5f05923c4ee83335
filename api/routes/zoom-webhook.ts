// Zoom's webhook deliveries: signature checked over the raw bytes, the URL challenge answered,
// then each meeting event relayed as a signal to the session that owns the meeting, with the
// participant matched to a member by registrant id, then e-mail; never by display name.
import { createHash } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { MeetingEvent } from '../../domain/session/index.ts';
import { sessionWorkflowId } from '../../workflows/ids.ts';
import { zoomEvent } from '../../workflows/session-messages.ts';
import type { App, RouteContext } from '../context.ts';
import { inputProblem } from '../plugins/input-guards.ts';
import { problemBody, problemContentType } from '../problems.ts';
import { urlValidationAnswer, verifyZoomSignature } from '../zoom-signature.ts';

const kinds: Record<string, MeetingEvent['kind']> = {
  'meeting.started': 'meeting_started',
  'meeting.ended': 'meeting_ended',
  'meeting.participant_joined': 'participant_joined',
  'meeting.participant_left': 'participant_left',
};

const Text = (maxLength = 500) => Type.String({ maxLength });
const MeetingId = Type.Union([Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }), Type.String({ pattern: '^[0-9]{1,18}$' })]);
const DeliverySchema = Type.Object({
  event: Type.String({ maxLength: 100, description: 'e.g. meeting.participant_joined, endpoint.url_validation' }),
  event_ts: Type.Optional(Type.Number()),
  payload: Type.Object({
    plainToken: Type.Optional(Text()),
    object: Type.Optional(Type.Object({
      id: Type.Optional(MeetingId),
      uuid: Type.Optional(Text()),
      start_time: Type.Optional(Text(64)),
      end_time: Type.Optional(Text(64)),
      participant: Type.Optional(Type.Object({
        user_id: Type.Optional(Type.Union([Text(), Type.Integer()])),
        participant_uuid: Type.Optional(Text()),
        registrant_id: Type.Optional(Type.Union([Text(), Type.Null()])),
        email: Type.Optional(Type.Union([Text(), Type.Null()])),
        user_name: Type.Optional(Text()),
        join_time: Type.Optional(Text(64)),
        leave_time: Type.Optional(Text(64)),
      }, { additionalProperties: true })),
    }, { additionalProperties: true })),
  }, { additionalProperties: true }),
}, { additionalProperties: true, description: 'A Zoom webhook delivery; the raw bytes are signed.' });
type Delivery = Static<typeof DeliverySchema>;
// The route's own validation is off (the signature covers the raw bytes): this one runs once they are verified.
const delivery = Compile(DeliverySchema);

export function registerZoomWebhook(app: App, { db, temporal }: RouteContext, secret: string | undefined): void {
  void app.register(async (scope) => {
    // The signature covers the exact bytes: keep them, and parse JSON only once verified.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.setValidatorCompiler(() => () => true);

    scope.post('/webhooks/zoom', {
      config: { public: true, rateClass: 'webhook' },
      schema: {
        tags: ['webhooks'],
        summary: 'Zoom webhook deliveries (signed with the app\'s secret token)',
        security: [],
        headers: Type.Object({ 'x-zm-signature': Type.Optional(Type.String()), 'x-zm-request-timestamp': Type.Optional(Type.String()) }),
        body: DeliverySchema,
        response: {
          200: Type.Object({ plainToken: Type.Optional(Type.String()), encryptedToken: Type.Optional(Type.String()) }, { description: 'Empty, or the answer to the URL validation' }),
          400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' }, 503: { $ref: 'Problem#' },
        },
      },
    }, async (request, reply) => {
      const titles = { 400: 'Bad request', 401: 'Unauthenticated', 404: 'Not found', 503: 'Service unavailable' } as const;
      const refuse = (status: 400 | 401 | 404 | 503, code: string, detail: string) =>
        reply.code(status).type(problemContentType).send(problemBody({ status, code, title: titles[status], detail }, request.url));
      // Without Zoom there is no subscription that could deliver here.
      if (!secret) return refuse(404, 'zoom_not_configured', 'this deployment does not use Zoom: it has no Zoom webhook secret');
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from('');
      const check = verifyZoomSignature(secret, {
        signature: request.headers['x-zm-signature'] as string | undefined,
        timestamp: request.headers['x-zm-request-timestamp'] as string | undefined,
      }, raw);
      if (!check.valid) return refuse(401, 'invalid_signature', check.reason);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        return refuse(400, 'invalid_json', 'the delivery is not JSON');
      }
      const problem = inputProblem(parsed);
      if (problem) return refuse(400, problem.problem.code, problem.problem.detail);
      if (!delivery.Check(parsed)) {
        const first = [...delivery.Errors(parsed)][0];
        return refuse(400, 'invalid_request', `the delivery is not a Zoom event: ${first ? `${first.instancePath || '/'} ${first.message}` : 'unexpected shape'}`);
      }
      const body: Delivery = parsed;
      if (body.event === 'endpoint.url_validation') {
        const plainToken = body.payload.plainToken;
        if (!plainToken) return refuse(400, 'invalid_request', 'the URL validation has no plainToken');
        return urlValidationAnswer(secret, plainToken);
      }
      const kind = kinds[body.event];
      const object = body.payload.object;
      if (!kind || object?.id === undefined || !object.uuid) return {};
      const session = await db.session.findUnique({ where: { zoomMeetingId: BigInt(object.id) }, include: { convocations: true, committee: { include: { members: true } } } });
      if (!session) {
        request.log.info({ meetingId: String(object.id), event: body.event }, 'webhook for a meeting of no session');
        return {};
      }
      const participant = object.participant;
      const at = (kind === 'participant_joined' ? participant?.join_time : kind === 'participant_left' ? participant?.leave_time : kind === 'meeting_started' ? object.start_time : object.end_time)
        ?? new Date((body.event_ts ?? Date.now())).toISOString();
      if (!Number.isFinite(Date.parse(at))) return refuse(400, 'invalid_request', `the event's time ${at} is not a date`);
      let memberId: string | undefined;
      if (participant) {
        const registrant = participant.registrant_id || undefined;
        const email = participant.email?.trim().toLowerCase() || undefined;
        memberId = (registrant ? session.convocations.find((c) => c.registrantId === registrant)?.memberId : undefined)
          ?? (email ? session.committee.members.find((m) => m.email === email)?.id : undefined);
      }
      const participantKey = participant ? String(participant.user_id ?? participant.participant_uuid ?? '') || undefined : undefined;
      const event: MeetingEvent = {
        key: createHash('sha256').update(`${body.event}:${object.uuid}:${participantKey ?? ''}:${at}`).digest('hex'),
        kind,
        meetingUuid: object.uuid,
        at,
        participantKey,
        memberId,
        guestName: memberId ? undefined : participant?.user_name,
      };
      // Relayed before the answer: if Temporal cannot take it, Zoom delivers it again.
      try {
        await temporal.workflow.getHandle(sessionWorkflowId(session.id)).signal(zoomEvent, event);
      } catch (error) {
        // A finished session has nothing left to learn from its meeting.
        if (error instanceof WorkflowNotFoundError || /already completed/i.test(String(error))) return {};
        request.log.warn({ err: error, workflowId: sessionWorkflowId(session.id) }, 'zoom event not relayed');
        return refuse(503, 'not_relayed', 'the event could not be relayed to its session; deliver it again');
      }
      return {};
    });
  });
}
