import { Type } from 'typebox';
import * as messages from '../../workflows/messages.ts';
import type { CommitteeRules, SessionMember } from '../../workflows/rules/index.ts';
import { requireRole, type App, type RouteContext } from '../app.ts';
import type { Principal } from '../auth.ts';
import { idempotencyKeyOf } from '../idempotency.ts';
import { forbidden, notFound } from '../problem.ts';
import {
  AgendaItem,
  AgendaItemInput,
  AttendanceInput,
  CastVoteInput,
  CountsAnswer,
  IdParams,
  ItemParams,
  Minutes,
  OpenVoteInput,
  PhaseAnswer,
  QuorumAnswer,
  SessionCreated,
  SessionInput,
  SessionState,
  SignatureInput,
  VoteResult,
} from '../schemas.ts';
import { sessionWorkflowId } from '../session-client.ts';
import type { FastifyRequest } from 'fastify';

const problems = {
  400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' },
  404: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' }, 422: { $ref: 'Problem#' },
};
const readers = ['secretary', 'member', 'chair', 'auditor', 'ops'] as const;
const finishedPhases: ReadonlySet<string> = new Set(['completed', 'cancelled', 'adjourned']);
/** How often a Server-Sent Events stream looks for a change of state. */
const eventsPollMs = 500;

/** A stable update id for a retried request, so Temporal applies it once. */
function updateIdFor(request: FastifyRequest, action: string): string | undefined {
  const key = idempotencyKeyOf(request);
  return key && request.principal ? `${action}:${request.principal.subject}:${key}` : undefined;
}

export function registerSessionRoutes(app: App, { db, sessions }: RouteContext): void {
  async function sessionRow(id: string) {
    const session = await db.session.findUnique({ where: { id } });
    if (!session) throw notFound('session', id);
    return session;
  }

  /** The committee member a principal is: from the token, or by e-mail for an identity provider's token. */
  async function actingMember(principal: Principal, committeeId: string): Promise<string> {
    const member = principal.memberId
      ? await db.member.findFirst({ where: { id: principal.memberId, committeeId, active: true } })
      : principal.email
        ? await db.member.findFirst({ where: { email: principal.email, committeeId, active: true } })
        : null;
    if (!member) throw forbidden('the token does not name an active member of this session\'s committee', 'acting_member');
    return member.id;
  }

  const staff = (principal: Principal) => `staff:${principal.subject}`;

  app.post('/committees/:id/sessions', {
    schema: {
      tags: ['sessions'],
      summary: 'Schedule a session: starts its workflow. Scheduling the same committee and start again returns the same session.',
      params: IdParams, body: SessionInput, response: { 200: SessionCreated, 201: SessionCreated, ...problems },
    },
  }, async (request, reply) => {
    const principal = requireRole(request.principal, 'secretary');
    const committeeId = request.params.id;
    const committee = await db.committee.findUnique({
      where: { id: committeeId },
      include: { members: { where: { active: true } }, rules: { orderBy: { version: 'desc' }, take: 1 } },
    });
    if (!committee) throw notFound('committee', committeeId);
    const rules = committee.rules[0];
    if (!rules) throw notFound('rules of committee', committeeId);
    const scheduledStart = new Date(request.body.scheduledStart);

    let created = false;
    let session = await db.session.findUnique({ where: { committeeId_scheduledStart: { committeeId, scheduledStart } } });
    if (!session) {
      const id = crypto.randomUUID();
      session = await db.session.upsert({
        where: { committeeId_scheduledStart: { committeeId, scheduledStart } },
        create: { id, committeeId, scheduledStart, rulesVersion: rules.version, mode: request.body.mode ?? 'remote', workflowId: sessionWorkflowId(id) },
        update: {},
      });
      created = session.id === id;
    }
    const members: SessionMember[] = committee.members.map((m) => ({
      id: m.id, role: m.role, chair: m.chair, ...(m.commune ? { commune: m.commune } : {}), ...(m.epci ? { epci: m.epci } : {}),
    }));
    await sessions.start({
      sessionId: session.id,
      committeeId,
      rulesVersion: session.rulesVersion,
      rules: rules.rules as unknown as CommitteeRules,
      members,
      scheduledStart: session.scheduledStart.toISOString(),
      mode: session.mode,
    });
    request.log.info({ workflowId: session.workflowId, actor: staff(principal), created }, 'session scheduled');
    return reply.code(created ? 201 : 200).send({
      id: session.id, workflowId: session.workflowId, committeeId, scheduledStart: session.scheduledStart.toISOString(), rulesVersion: session.rulesVersion,
    });
  });

  app.get('/sessions/:id', {
    schema: { tags: ['sessions'], summary: 'The live state of a session', params: IdParams, response: { 200: SessionState, ...problems } },
  }, async (request) => {
    requireRole(request.principal, ...readers);
    await sessionRow(request.params.id);
    return sessions.state(request.params.id);
  });

  app.get('/sessions/:id/events', {
    schema: {
      tags: ['sessions'],
      summary: 'Follow the live state of a session as Server-Sent Events (one `state` event per change)',
      params: IdParams,
      response: { 200: { content: { 'text/event-stream': { schema: Type.String() } } }, ...problems },
    },
  }, async (request, reply) => {
    requireRole(request.principal, ...readers);
    await sessionRow(request.params.id);
    let state = await sessions.state(request.params.id);
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    let closed = false;
    request.raw.on('close', () => { closed = true; });
    let sent = '';
    for (;;) {
      const data = JSON.stringify(state);
      if (data !== sent) {
        reply.raw.write(`event: state\ndata: ${data}\n\n`);
        sent = data;
      }
      if (closed || finishedPhases.has(state.phase)) break;
      await new Promise((resolve) => setTimeout(resolve, eventsPollMs));
      if (closed) break;
      state = await sessions.state(request.params.id).catch(() => state);
    }
    reply.raw.end();
  });

  app.post('/sessions/:id/agenda-items', {
    schema: {
      tags: ['agenda'], summary: 'Add a dwelling with its ranked candidates to the agenda',
      params: IdParams, body: AgendaItemInput, response: { 201: AgendaItem, ...problems },
    },
  }, async (request, reply) => {
    const principal = requireRole(request.principal, 'secretary');
    const session = await sessionRow(request.params.id);
    const { dwelling, candidates, exception } = request.body;
    const committeeId = session.committeeId;
    const dwellingData = {
      address: dwelling.address, commune: dwelling.commune, epci: dwelling.epci ?? null, type: dwelling.type,
      surfaceM2: dwelling.surfaceM2, rentCents: dwelling.rentCents, financing: dwelling.financing, contingent: dwelling.contingent ?? null,
    };
    const dwellingRow = await db.dwelling.upsert({
      where: { committeeId_reference: { committeeId, reference: dwelling.reference } },
      create: { id: crypto.randomUUID(), committeeId, reference: dwelling.reference, ...dwellingData },
      update: dwellingData,
    });
    const applicationIds = await Promise.all(candidates.map(async (c) => {
      const data = { householdSummary: c.householdSummary, priority: c.priority ?? null };
      const row = await db.application.upsert({
        where: { committeeId_applicationNumber: { committeeId, applicationNumber: c.applicationNumber } },
        create: { id: crypto.randomUUID(), committeeId, applicationNumber: c.applicationNumber, ...data },
        update: data,
      });
      return { applicationId: row.id, rank: c.rank };
    }));
    const item = await sessions.update(session.id, messages.addAgendaItem, [{
      actor: staff(principal),
      itemId: crypto.randomUUID(),
      dwellingId: dwellingRow.id,
      place: { commune: dwellingRow.commune, ...(dwellingRow.epci ? { epci: dwellingRow.epci } : {}) },
      candidates: applicationIds,
      exception,
    }], updateIdFor(request, `agenda-item:${session.id}`));
    return reply.code(201).send(item);
  });

  app.delete('/sessions/:id/agenda-items/:itemId', {
    schema: { tags: ['agenda'], summary: 'Remove an item from a draft agenda', params: ItemParams, response: { 204: Type.Null(), ...problems } },
  }, async (request, reply) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    await sessions.update(request.params.id, messages.removeAgendaItem, [{ actor: staff(principal), itemId: request.params.itemId }]);
    return reply.code(204).send(null);
  });

  const phaseAction = (path: string, summary: string, update: typeof messages.publishAgenda) =>
    app.post(path, {
      schema: { tags: ['sessions'], summary, params: IdParams, response: { 200: PhaseAnswer, ...problems } },
    }, async (request) => {
      const principal = requireRole(request.principal, 'secretary');
      await sessionRow(request.params.id);
      const phase = await sessions.update(request.params.id, update, [{ actor: staff(principal) }], updateIdFor(request, update.name));
      return { phase };
    });
  phaseAction('/sessions/:id/agenda/publish', 'Publish the agenda: it is locked and the members are convened', messages.publishAgenda);
  phaseAction('/sessions/:id/open', 'Open the session: attendance is tracked and quorum computed', messages.openSession);
  phaseAction('/sessions/:id/close', 'Close the session once every item is decided or deferred; the minutes are drafted', messages.closeSession);

  app.post('/sessions/:id/attendance', {
    schema: { tags: ['sessions'], summary: 'Record by hand that a member is present or absent', params: IdParams, body: AttendanceInput, response: { 200: QuorumAnswer, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    const quorum = await sessions.update(request.params.id, messages.recordAttendance, [{ actor: staff(principal), ...request.body }], updateIdFor(request, 'attendance'));
    return { quorum };
  });

  app.post('/sessions/:id/agenda-items/:itemId/vote/open', {
    schema: { tags: ['votes'], summary: 'Put the presenter\'s proposal for an item to the vote', params: ItemParams, body: OpenVoteInput, response: { 200: QuorumAnswer, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    const quorum = await sessions.update(request.params.id, messages.openVote, [{ actor: staff(principal), itemId: request.params.itemId, proposal: request.body.proposal }], updateIdFor(request, 'vote-open'));
    return { quorum };
  });

  app.post('/sessions/:id/agenda-items/:itemId/votes', {
    schema: { tags: ['votes'], summary: 'Cast (or change) a vote for yourself or for a principal whose proxy you hold', params: ItemParams, body: CastVoteInput, response: { 200: CountsAnswer, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, 'member', 'chair');
    const session = await sessionRow(request.params.id);
    const actor = await actingMember(principal, session.committeeId);
    const counts = await sessions.update(session.id, messages.castVote, [{
      actor, itemId: request.params.itemId, memberId: request.body.memberId ?? actor, choice: request.body.choice,
    }], updateIdFor(request, 'vote'));
    return { counts };
  });

  app.post('/sessions/:id/agenda-items/:itemId/vote/close', {
    schema: { tags: ['votes'], summary: 'Close the vote: the tally decides the item', params: ItemParams, response: { 200: VoteResult, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    return sessions.update(request.params.id, messages.closeVote, [{ actor: staff(principal), itemId: request.params.itemId }], updateIdFor(request, 'vote-close'));
  });

  app.get('/sessions/:id/minutes', {
    schema: { tags: ['minutes'], summary: 'The latest version of the minutes (canonical JSON and its SHA-256)', params: IdParams, response: { 200: Minutes, ...problems } },
  }, async (request) => {
    requireRole(request.principal, 'secretary', 'chair', 'member', 'auditor');
    await sessionRow(request.params.id);
    const minutes = await db.minutes.findFirst({ where: { sessionId: request.params.id }, orderBy: { version: 'desc' }, include: { signatures: true } });
    if (!minutes) throw notFound('minutes of session', request.params.id);
    return {
      sessionId: minutes.sessionId,
      version: minutes.version,
      status: minutes.status,
      sha256: minutes.sha256,
      document: minutes.document as Record<string, unknown>,
      signatures: minutes.signatures.map((s) => ({ memberId: s.memberId, role: s.role, sha256: s.sha256, signedAt: s.signedAt.toISOString() })),
    };
  });

  app.post('/sessions/:id/minutes/signatures', {
    schema: { tags: ['minutes'], summary: 'Sign the minutes (the chair)', params: IdParams, body: SignatureInput, response: { 200: PhaseAnswer, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, 'chair');
    const session = await sessionRow(request.params.id);
    const actor = await actingMember(principal, session.committeeId);
    const phase = await sessions.update(session.id, messages.signMinutes, [{ actor, sha256: request.body.sha256 }], updateIdFor(request, 'sign'));
    return { phase };
  });
}
