// A session's routes: schedule it, read and follow its state, build and publish its agenda,
// convene and sit, vote, defer and refer. Each parses, authorizes and answers; its use case
// (services/) talks to Temporal and PostgreSQL.
import { Type } from 'typebox';
import { finishedPhases, type SessionState } from '../../domain/session/index.ts';
import { requireRole, roles } from '../auth.ts';
import { updateOnly, type App, type RouteContext } from '../context.ts';
import { forbidden, notFound } from '../problems.ts';
import {
  AgendaItem, AgendaItemInput, AttendanceInput, CastVoteInput, ConflictInput, ConvocationDeliveryInput, CountsAnswer, IdParams, ItemParams, LiveSession,
  OpenSessionInput, OpenVoteAnswer, OpenVoteInput, ParticipantMappingInput, PhaseAnswer, problemResponses as problems, Proxies, ProxyInput, ProxyParams,
  DebateMessage, ExtendWindowInput, JoinLink, LastEventIdHeaders, PostMessageInput, PublishInput, WrittenWindow, QuorumAnswer, ReasonInput, ReasonQuery, ScheduleSessionBody, SessionCreated, SessionFiles, VoteTally,
} from '../schemas.ts';
import { updateIdFor } from '../services/acting.ts';
import { addAgendaItem } from '../services/add-agenda-item.ts';
import { cancelSession } from '../services/cancel-session.ts';
import { castVote } from '../services/cast-vote.ts';
import { closeSession } from '../services/close-session.ts';
import { closeVote } from '../services/close-vote.ts';
import { declareConflict } from '../services/declare-conflict.ts';
import { deferItem } from '../services/defer-item.ts';
import { extendWindow } from '../services/extend-window.ts';
import { postMessage } from '../services/post-message.ts';
import { mapParticipant } from '../services/map-participant.ts';
import { openSession } from '../services/open-session.ts';
import { openVote } from '../services/open-vote.ts';
import { publishAgenda } from '../services/publish-agenda.ts';
import { readSession, sessionReader, sessionViewFor } from '../services/read-session.ts';
import { recordAttendance } from '../services/record-attendance.ts';
import { recordConvocationDelivery } from '../services/record-convocation-delivery.ts';
import { referItem } from '../services/refer-item.ts';
import { registerProxy } from '../services/register-proxy.ts';
import { removeAgendaItem } from '../services/remove-agenda-item.ts';
import { revokeProxy } from '../services/revoke-proxy.ts';
import { scheduleSession } from '../services/schedule-session.ts';
import { sessionFiles } from '../services/session-files.ts';

/** Every role reads a session; what each sees is scoped by the use case. */
const readers = roles;
/** How often a Server-Sent Events stream looks for a change of state. */
export function registerSessionRoutes(app: App, deps: RouteContext): void {
  app.post('/committees/:id/sessions', {
    config: { scope: 'committee' },
    schema: {
      tags: ['sessions'],
      summary: 'Schedule a session for a time to come: starts its workflow. Scheduling the same committee and start again returns the same session.',
      params: IdParams, body: ScheduleSessionBody, response: { 200: SessionCreated, 201: SessionCreated, ...problems },
    },
  }, async (request, reply) => {
    const principal = requireRole(request.principal, 'secretary');
    const { created, actor, ...session } = await scheduleSession(deps, { principal, committeeId: request.params.id, ...request.body, now: new Date() });
    request.log.info({ workflowId: session.workflowId, actor, created }, 'session scheduled');
    return reply.code(created ? 201 : 200).header('location', `/sessions/${session.id}`).send(session);
  });

  app.get('/sessions/:id', {
    config: { scope: 'session' },
    schema: { tags: ['sessions'], summary: 'The live state of a session', params: IdParams, response: { 200: LiveSession, ...problems } },
  }, async (request) => readSession(deps, requireRole(request.principal, ...readers), request.params.id));

  app.get('/sessions/:id/files', {
    config: { scope: 'session' },
    schema: {
      tags: ['sessions'],
      summary: 'The files of the items the caller may see: each dwelling and its candidates\' applications (a mayor sees their commune\'s items only)',
      params: IdParams, response: { 200: SessionFiles, ...problems },
    },
  }, async (request) => sessionFiles(deps, requireRole(request.principal, ...readers), request.params.id));

  app.get('/sessions/:id/join-link', {
    config: { scope: 'session' },
    schema: {
      tags: ['sessions'],
      summary: 'The calling member\'s own link to join the video meeting (personal: it identifies them for attendance and votes)',
      params: IdParams, response: { 200: JoinLink, ...problems },
    },
  }, async (request) => {
    const reader = await sessionReader(deps, requireRole(request.principal, 'member', 'chair'), request.params.id);
    if (reader.staff) throw forbidden('the join link is the member\'s own', 'join_link_own');
    const convocation = await deps.db.convocation.findUnique({ where: { sessionId_memberId: { sessionId: request.params.id, memberId: reader.memberId } }, select: { joinUrl: true } });
    if (!convocation?.joinUrl) throw notFound('join link of session', request.params.id);
    return { joinUrl: convocation.joinUrl };
  });

  app.get('/sessions/:id/events', {
    config: { scope: 'session' },
    // No negotiation on Accept: EventSource sends it, other clients may not; refusals stay problem+json.
    sse: { kind: 'manual' },
    schema: {
      tags: ['sessions'],
      summary: 'Follow the live state of a session as Server-Sent Events',
      description: [
        'Each `state` event is the whole session state as the caller may see it (as `GET /sessions/{id}`), its `id:` the sequence number',
        'of the last event the session recorded. A client that reconnects with `Last-Event-ID` (browsers do) is sent the state only if',
        'the session has moved on since, so nothing recorded is missed. A `: heartbeat` comment keeps idle connections open; `retry:`',
        'says when to reconnect. When the session finishes, an `end` event follows the last state and the stream ends; reconnecting',
        'with the last id then answers 204 (EventSource stops). A stream also ends when its token expires.',
      ].join(' '),
      params: IdParams,
      headers: LastEventIdHeaders,
      // Each event's data is a session state (see GET /sessions/{id}); the stream itself has no JSON schema.
      response: { 200: { description: 'The stream of events', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 204: Type.Null({ description: 'The session has finished and the client has its last state' }), ...problems },
    },
  }, async (request, reply) => {
    const principal = requireRole(request.principal, ...readers);
    const sessionId = request.params.id;
    const reader = await sessionReader(deps, principal, sessionId);
    const release = deps.streams.reserve(principal.subject);
    let state;
    try {
      state = await deps.sessions.state(sessionId);
    } catch (error) {
      release();
      throw error;
    }
    const lastSeen = request.headers['last-event-id'] === undefined ? undefined : Number(request.headers['last-event-id']);
    const upToDate = lastSeen === state.seq;
    if (upToDate && finishedPhases.has(state.phase)) {
      release();
      return reply.code(204).send(null);
    }
    const stream = reply.sse;
    // Personal data: no cache keeps it (the plugin's own default is no-cache).
    void reply.header('cache-control', 'no-store');
    stream.keepAlive();
    let expiry: NodeJS.Timeout | undefined;
    let unfollow = () => undefined as void;
    stream.onClose(() => {
      clearTimeout(expiry);
      unfollow();
      release();
    });
    // The first write says when to reconnect, whether or not a state goes with it.
    let sent = upToDate ? JSON.stringify(sessionViewFor(state, reader)) : '';
    let retry: number | undefined = deps.streams.limits.retryMs;
    const send = async (current: SessionState) => {
      const view = sessionViewFor(current, reader);
      const seen = JSON.stringify(view);
      if (seen !== sent) {
        await stream.send({ id: String(current.seq), event: 'state', data: view, retry });
        sent = seen;
        retry = undefined;
      }
      if (finishedPhases.has(current.phase)) {
        await stream.send({ id: String(current.seq), event: 'end', data: { phase: current.phase, seq: current.seq }, retry });
        stream.close();
      }
    };
    // A stream is worth what its token is: it ends when the token expires (the client signs in again).
    if (principal.expiresAt !== undefined) {
      expiry = setTimeout(() => stream.close(), Math.max(0, principal.expiresAt * 1000 - Date.now()));
      expiry.unref();
    }
    if (retry !== undefined && sent) {
      // Resumed and up to date: only the heartbeat until something changes; the head goes out now.
      await stream.send({ data: undefined, retry });
      retry = undefined;
    }
    await send(state);
    if (!stream.isConnected) return;
    unfollow = deps.streams.follow(sessionId, (next) => void send(next));
  });

  app.post('/sessions/:id/agenda-items', {
    config: { scope: 'session' },
    schema: {
      tags: ['agenda'], summary: 'Add a dwelling with its ranked candidates to the agenda (with a reason once it is published: the members are sent the new agenda)',
      params: IdParams, body: AgendaItemInput, response: { 201: AgendaItem, ...problems },
    },
  }, async (request, reply) => {
    const item = await addAgendaItem(deps, requireRole(request.principal, 'secretary'), request.params.id, request.body, updateIdFor(request, `agenda-item:${request.params.id}`));
    return reply.code(201).send(item);
  });

  app.delete('/sessions/:id/agenda-items/:itemId', {
    config: { scope: 'session' },
    schema: { tags: ['agenda'], summary: 'Remove an item from the agenda (with a reason once it is published)', params: ItemParams, querystring: ReasonQuery, response: { 204: Type.Null(), ...problems } },
  }, async (request, reply) => {
    await removeAgendaItem(deps, requireRole(request.principal, 'secretary'), request.params.id, { itemId: request.params.itemId, reason: request.query.reason });
    return reply.code(204).send(null);
  });

  app.post('/sessions/:id/agenda/publish', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['agenda'],
      summary: 'Publish the agenda: the members are convened; later changes need a reason. Inside the notice period only with the reason for the urgency.',
      params: IdParams, body: PublishInput, response: { 200: PhaseAnswer, ...problems },
    },
  }, async (request) => ({ phase: await publishAgenda(deps, requireRole(request.principal, 'secretary'), request.params.id, request.body, updateIdFor(request, 'publish')) }));

  app.post('/sessions/:id/convocations/deliveries', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['agenda'],
      summary: 'Record a convocation delivered otherwise than by e-mail (by hand, by registered letter), with the reason: the member is convened from then',
      params: IdParams, body: ConvocationDeliveryInput, response: { 200: Type.Object({ sequence: Type.Integer(), deliveredAt: Type.Optional(Type.String()), channel: Type.Optional(Type.String()) }), ...problems },
    },
  }, async (request) => recordConvocationDelivery(deps, requireRole(request.principal, 'secretary'), request.params.id, request.body, updateIdFor(request, 'convocation-delivery')));

  app.post('/sessions/:id/cancel', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['sessions'],
      summary: 'Cancel a session before it opens, with the reason: the convened members are told and their invitation withdrawn',
      params: IdParams, body: ReasonInput, response: { 200: PhaseAnswer, ...problems },
    },
  }, async (request) => ({ phase: await cancelSession(deps, requireRole(request.principal, 'secretary'), request.params.id, request.body, updateIdFor(request, 'cancel')) }));

  app.post('/sessions/:id/open', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['sessions'],
      summary: 'Open the sitting at its convened time, every member convened (or, where the rules allow, with the reason it opens without): attendance is tracked and quorum computed',
      params: IdParams, body: OpenSessionInput, response: { 200: PhaseAnswer, ...problems },
    },
  }, async (request) => ({ phase: await openSession(deps, requireRole(request.principal, 'secretary'), request.params.id, request.body, updateIdFor(request, 'openSession')) }));

  app.post('/sessions/:id/close', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['sessions'],
      summary: 'Close the session once every item is decided or deferred; the minutes are drafted. A written session closes at its time, or early where the rules allow once every roster member voted',
      params: IdParams, response: { 200: PhaseAnswer, ...problems },
    },
  }, async (request) => ({ phase: await closeSession(deps, requireRole(request.principal, 'secretary'), request.params.id, {}, updateIdFor(request, 'closeSession')) }));

  app.post('/sessions/:id/attendance', {
    config: { ...updateOnly, scope: 'session' },
    schema: { tags: ['sessions'], summary: 'Record by hand that a member is present or absent', params: IdParams, body: AttendanceInput, response: { 200: QuorumAnswer, ...problems } },
  }, async (request) => ({ quorum: await recordAttendance(deps, requireRole(request.principal, 'secretary'), request.params.id, request.body, updateIdFor(request, 'attendance')) }));

  app.post('/sessions/:id/participants/mapping', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['sessions'],
      summary: 'Say which member a meeting participant is, when Zoom could not tell (joined without their link); never guessed from display names',
      params: IdParams, body: ParticipantMappingInput, response: { 200: QuorumAnswer, ...problems },
    },
  }, async (request) => ({ quorum: await mapParticipant(deps, requireRole(request.principal, 'secretary'), request.params.id, request.body, updateIdFor(request, 'participant-mapping')) }));

  app.post('/sessions/:id/agenda-items/:itemId/vote/open', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['votes'],
      summary: 'Put the presenter\'s proposal (a decision per candidate, or an occupancy opinion) to the vote; quorum is checked first',
      params: ItemParams, body: OpenVoteInput, response: { 200: OpenVoteAnswer, ...problems },
    },
  }, async (request) => openVote(deps, requireRole(request.principal, 'secretary'), request.params.id, { itemId: request.params.itemId, ...request.body }, updateIdFor(request, 'vote-open')));

  app.post('/sessions/:id/agenda-items/:itemId/votes', {
    config: { scope: 'session', ...updateOnly, rateClass: 'vote', countsVote: true },
    schema: { tags: ['votes'], summary: 'Cast (or change) a vote for yourself or for a principal whose proxy you hold', params: ItemParams, body: CastVoteInput, response: { 200: CountsAnswer, ...problems } },
  }, async (request) => ({
    counts: await castVote(deps, requireRole(request.principal, 'member', 'chair'), request.params.id, request.params.itemId, request.body, updateIdFor(request, 'vote')),
  }));

  app.post('/sessions/:id/agenda-items/:itemId/vote/close', {
    config: { ...updateOnly, scope: 'session' },
    schema: { tags: ['votes'], summary: 'Close the vote: the tally decides the item', params: ItemParams, response: { 200: VoteTally, ...problems } },
  }, async (request) => closeVote(deps, requireRole(request.principal, 'secretary'), request.params.id, { itemId: request.params.itemId }, updateIdFor(request, 'vote-close')));

  app.post('/sessions/:id/proxies', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['sessions'],
      summary: 'Register a written proxy: the secretary for any member, a member for their own seat',
      params: IdParams, body: ProxyInput, response: { 200: Proxies, ...problems },
    },
  }, async (request) => ({ proxies: await registerProxy(deps, requireRole(request.principal, 'secretary', 'member', 'chair'), request.params.id, request.body, updateIdFor(request, 'proxy')) }));

  app.delete('/sessions/:id/proxies/:principalId', {
    config: { scope: 'session' },
    schema: { tags: ['sessions'], summary: 'Revoke a proxy', params: ProxyParams, response: { 200: Proxies, ...problems } },
  }, async (request) => ({ proxies: await revokeProxy(deps, requireRole(request.principal, 'secretary', 'member', 'chair'), request.params.id, request.params.principalId) }));

  app.post('/sessions/:id/agenda-items/:itemId/conflicts', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['agenda'],
      summary: 'Declare a conflict of interest on an item: the member is out of its roster and vote',
      params: ItemParams, body: ConflictInput, response: { 200: QuorumAnswer, ...problems },
    },
  }, async (request) => ({
    quorum: await declareConflict(deps, requireRole(request.principal, 'secretary', 'member', 'chair'), request.params.id, request.params.itemId, request.body.memberId, updateIdFor(request, 'conflict')),
  }));

  app.post('/sessions/:id/agenda-items/:itemId/referral', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['votes'],
      summary: 'A voting member refers the item to an in-person session: it is withdrawn. In a written session, a request: with the rules\' number of requests the item leaves the window and goes to the next live session\'s agenda',
      params: ItemParams, body: ReasonInput, response: { 200: AgendaItem, ...problems },
    },
  }, async (request) => referItem(deps, requireRole(request.principal, 'member', 'chair'), request.params.id, request.params.itemId, request.body.reason, updateIdFor(request, 'referral')));

  app.post('/sessions/:id/agenda-items/:itemId/deferral', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['votes'],
      summary: 'Defer an item to a later session, with the reason',
      params: ItemParams, body: ReasonInput, response: { 200: AgendaItem, ...problems },
    },
  }, async (request) => deferItem(deps, requireRole(request.principal, 'secretary'), request.params.id, { itemId: request.params.itemId, reason: request.body.reason }, updateIdFor(request, 'deferral')));

  // A written session's debate and window.
  app.post('/sessions/:id/agenda-items/:itemId/messages', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['votes'],
      summary: 'Post a message to a written session\'s debate on an item, while its window is open: a member who may attend the item, or the secretariat; kept, timed and printed in the minutes',
      params: ItemParams, body: PostMessageInput, response: { 201: DebateMessage, ...problems },
    },
  }, async (request, reply) => {
    const message = await postMessage(deps, requireRole(request.principal, 'secretary', 'member', 'chair'), request.params.id, request.params.itemId, request.body.text, updateIdFor(request, 'message'));
    return reply.code(201).send(message);
  });
  app.post('/sessions/:id/window/extension', {
    config: { ...updateOnly, scope: 'session' },
    schema: {
      tags: ['sessions'],
      summary: 'Extend a written session\'s window once, with the reason, before it closes; reminders follow the new close',
      params: IdParams, body: ExtendWindowInput, response: { 200: WrittenWindow, ...problems },
    },
  }, async (request) => extendWindow(deps, requireRole(request.principal, 'secretary'), request.params.id, request.body, updateIdFor(request, 'window-extension')));
}
