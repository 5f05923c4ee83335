import { Type } from 'typebox';
import * as messages from '../../workflows/messages.ts';
import { completeRules, mayAttendItem, type CommitteeRules, type SessionMember } from '../../domain/rules/index.ts';
import type { SessionState as LiveState } from '../../workflows/messages.ts';
import { requireRole, type App, type RouteContext } from '../app.ts';
import type { Principal } from '../auth.ts';
import { forbidden, notFound, ProblemError } from '../problem.ts';
import {
  AgendaItem,
  AgendaItemInput,
  AttendanceInput,
  CastVoteInput,
  ConflictInput,
  CountsAnswer,
  IdParams,
  ItemParams,
  OpenVoteAnswer,
  OpenVoteInput,
  ParticipantMappingInput,
  PhaseAnswer,
  Proxies,
  ProxyInput,
  ProxyParams,
  PublishInput,
  ReasonInput,
  ReasonQuery,
  QuorumAnswer,
  SessionCreated,
  SessionInput,
  SessionState,
  VoteResult,
} from '../schemas.ts';
import { sessionWorkflowId } from '../session-client.ts';
import { actingLookups, problemResponses, staffActor, updateIdFor, updateOnly } from './acting.ts';

const problems = problemResponses;
const readers = ['secretary', 'member', 'chair', 'auditor', 'ops'] as const;
const finishedPhases: ReadonlySet<string> = new Set(['completed', 'cancelled', 'adjourned']);
/** How often a Server-Sent Events stream looks for a change of state. */
const eventsPollMs = 500;

export function registerSessionRoutes(app: App, { db, sessions, videoProvider }: RouteContext): void {
  const { sessionRow, sessionCommittee, actingMember } = actingLookups(db);
  const staff = staffActor;

  /**
   * Who acts, and for which member: the secretary for anyone; a member for their own seat only
   * (`memberId` defaults to themself).
   */
  async function secretaryOrSelf(principal: Principal, committeeId: string, memberId: string | undefined, refusal: { detail: string; rule: string }) {
    if (principal.roles.includes('secretary')) return { actor: staff(principal), memberId };
    const actor = await actingMember(principal, committeeId);
    if (memberId !== undefined && memberId !== actor) throw forbidden(refusal.detail, refusal.rule);
    return { actor, memberId: actor };
  }

  /**
   * What a principal may read of a session: staff, auditors and ops everything; a member only
   * their own committee's sessions, and a réservataire only the dwellings of their contingent.
   */
  async function visibleState(principal: Principal, committeeId: string, state: LiveState): Promise<LiveState> {
    if (principal.roles.some((r) => r === 'secretary' || r === 'auditor' || r === 'ops')) return state;
    const memberId = await actingMember(principal, committeeId);
    const member = state.members.find((m) => m.id === memberId);
    if (!member) return state;
    return { ...state, agenda: state.agenda.filter((item) => mayAttendItem(member, item.place)) };
  }

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
        create: {
          id, committeeId, scheduledStart, rulesVersion: rules.version, mode: request.body.mode ?? 'remote', workflowId: sessionWorkflowId(id),
          // An in-person session needs no meeting.
          videoProvider: request.body.mode === 'in_person' ? 'manual' : videoProvider,
        },
        update: {},
      });
      created = session.id === id;
    }
    const members: SessionMember[] = committee.members.map((m) => ({
      id: m.id, role: m.role, chair: m.chair,
      ...(m.commune ? { commune: m.commune } : {}), ...(m.epci ? { epci: m.epci } : {}),
      ...(m.substituteFor ? { substituteFor: m.substituteFor } : {}), ...(m.contingent ? { contingent: m.contingent } : {}),
    }));
    await sessions.start({
      sessionId: session.id,
      committeeId,
      rulesVersion: session.rulesVersion,
      rules: completeRules(rules.rules as Partial<CommitteeRules>),
      members,
      scheduledStart: session.scheduledStart.toISOString(),
      mode: session.mode,
      videoProvider: session.videoProvider,
      timeZone: committee.timeZone,
    });
    request.log.info({ workflowId: session.workflowId, actor: staff(principal), created }, 'session scheduled');
    return reply.code(created ? 201 : 200).send({
      id: session.id, workflowId: session.workflowId, committeeId, scheduledStart: session.scheduledStart.toISOString(), rulesVersion: session.rulesVersion,
    });
  });

  app.get('/sessions/:id', {
    schema: { tags: ['sessions'], summary: 'The live state of a session', params: IdParams, response: { 200: SessionState, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, ...readers);
    const session = await sessionRow(request.params.id);
    return visibleState(principal, session.committeeId, await sessions.state(request.params.id));
  });

  app.get('/sessions/:id/events', {
    schema: {
      tags: ['sessions'],
      summary: 'Follow the live state of a session as Server-Sent Events (one `state` event per change)',
      params: IdParams,
      // Each event's data is a session state (see GET /sessions/{id}); the stream itself has no JSON schema.
      response: { 200: { content: { 'text/event-stream': { schema: {} } } }, ...problems },
    },
  }, async (request, reply) => {
    const principal = requireRole(request.principal, ...readers);
    const session = await sessionRow(request.params.id);
    const read = async () => visibleState(principal, session.committeeId, await sessions.state(request.params.id));
    let state = await read();
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
      state = await read().catch(() => state);
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
    const { dwelling, exception, reason } = request.body;
    const kind = request.body.kind ?? 'allocation';
    const files = kind === 'allocation'
      ? request.body.candidates?.map((c) => ({ number: c.applicationNumber, householdSummary: c.householdSummary, priority: c.priority, rank: c.rank, applicant: c.applicant }))
      : request.body.tenant && !request.body.candidates ? [{ number: request.body.tenant.fileNumber, householdSummary: request.body.tenant.householdSummary, priority: undefined, rank: 1, applicant: undefined }] : undefined;
    if (!files) {
      throw new ProblemError({
        status: 400, code: 'invalid_request', title: 'Invalid request',
        detail: kind === 'allocation' ? 'an allocation item lists its ranked candidates' : 'an occupancy review names the tenant household (tenant), not candidates',
      });
    }
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
    const candidates = await Promise.all(files.map(async (f) => {
      // A contact given now replaces the one on file; none given keeps it.
      const contact = f.applicant ? { applicantName: f.applicant.name ?? null, email: f.applicant.email ?? null, postalAddress: f.applicant.postalAddress ?? null } : {};
      const data = { householdSummary: f.householdSummary, priority: f.priority ?? null, ...contact };
      const row = await db.application.upsert({
        where: { committeeId_applicationNumber: { committeeId, applicationNumber: f.number } },
        create: { id: crypto.randomUUID(), committeeId, applicationNumber: f.number, ...data },
        update: data,
      });
      return { applicationId: row.id, rank: f.rank };
    }));
    const item = await sessions.update(session.id, messages.addAgendaItem, [{
      actor: staff(principal),
      itemId: crypto.randomUUID(),
      kind,
      dwellingId: dwellingRow.id,
      place: { commune: dwellingRow.commune, ...(dwellingRow.epci ? { epci: dwellingRow.epci } : {}), ...(dwellingRow.contingent ? { contingent: dwellingRow.contingent } : {}) },
      candidates,
      exception,
      reason,
    }], updateIdFor(request, `agenda-item:${session.id}`));
    return reply.code(201).send(item);
  });

  app.delete('/sessions/:id/agenda-items/:itemId', {
    schema: { tags: ['agenda'], summary: 'Remove an item from the agenda (with a reason once it is published)', params: ItemParams, querystring: ReasonQuery, response: { 204: Type.Null(), ...problems } },
  }, async (request, reply) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    await sessions.update(request.params.id, messages.removeAgendaItem, [{ actor: staff(principal), itemId: request.params.itemId, reason: request.query.reason }]);
    return reply.code(204).send(null);
  });

  const phaseAction = (path: string, summary: string, update: typeof messages.openSession) =>
    app.post(path, {
      config: updateOnly,
      schema: { tags: ['sessions'], summary, params: IdParams, response: { 200: PhaseAnswer, ...problems } },
    }, async (request) => {
      const principal = requireRole(request.principal, 'secretary');
      await sessionRow(request.params.id);
      const phase = await sessions.update(request.params.id, update, [{ actor: staff(principal) }], updateIdFor(request, update.name));
      return { phase };
    });
  app.post('/sessions/:id/agenda/publish', {
    config: updateOnly,
    schema: {
      tags: ['agenda'],
      summary: 'Publish the agenda: the members are convened; later changes need a reason. Inside the notice period only with the reason for the urgency.',
      params: IdParams, body: PublishInput, response: { 200: PhaseAnswer, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    const phase = await sessions.update(request.params.id, messages.publishAgenda, [{ actor: staff(principal), urgencyReason: request.body.urgencyReason }], updateIdFor(request, 'publish'));
    return { phase };
  });
  phaseAction('/sessions/:id/open', 'Open the session: attendance is tracked and quorum computed', messages.openSession);
  phaseAction('/sessions/:id/close', 'Close the session once every item is decided or deferred; the minutes are drafted', messages.closeSession);

  app.post('/sessions/:id/attendance', {
    config: updateOnly,
    schema: { tags: ['sessions'], summary: 'Record by hand that a member is present or absent', params: IdParams, body: AttendanceInput, response: { 200: QuorumAnswer, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    const quorum = await sessions.update(request.params.id, messages.recordAttendance, [{ actor: staff(principal), ...request.body }], updateIdFor(request, 'attendance'));
    return { quorum };
  });

  app.post('/sessions/:id/participants/mapping', {
    config: updateOnly,
    schema: {
      tags: ['sessions'],
      summary: 'Say which member a meeting participant is, when Zoom could not tell (joined without their link); never guessed from display names',
      params: IdParams, body: ParticipantMappingInput, response: { 200: QuorumAnswer, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    const quorum = await sessions.update(request.params.id, messages.mapParticipant, [{ actor: staff(principal), ...request.body }], updateIdFor(request, 'participant-mapping'));
    return { quorum };
  });

  app.post('/sessions/:id/agenda-items/:itemId/vote/open', {
    config: updateOnly,
    schema: {
      tags: ['votes'],
      summary: 'Put the presenter\'s proposal (a decision per candidate, or an occupancy opinion) to the vote; quorum is checked first',
      params: ItemParams, body: OpenVoteInput, response: { 200: OpenVoteAnswer, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    return sessions.update(request.params.id, messages.openVote, [{ actor: staff(principal), itemId: request.params.itemId, proposal: request.body.proposal, opinion: request.body.opinion }], updateIdFor(request, 'vote-open'));
  });

  app.post('/sessions/:id/agenda-items/:itemId/votes', {
    config: updateOnly,
    schema: { tags: ['votes'], summary: 'Cast (or change) a vote for yourself or for a principal whose proxy you hold', params: ItemParams, body: CastVoteInput, response: { 200: CountsAnswer, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, 'member', 'chair');
    const session = await sessionCommittee(request.params.id);
    const actor = await actingMember(principal, session.committeeId);
    const counts = await sessions.update(session.id, messages.castVote, [{
      actor, itemId: request.params.itemId, memberId: request.body.memberId ?? actor, choice: request.body.choice,
    }], updateIdFor(request, 'vote'));
    return { counts };
  });

  app.post('/sessions/:id/agenda-items/:itemId/vote/close', {
    config: updateOnly,
    schema: { tags: ['votes'], summary: 'Close the vote: the tally decides the item', params: ItemParams, response: { 200: VoteResult, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    return sessions.update(request.params.id, messages.closeVote, [{ actor: staff(principal), itemId: request.params.itemId }], updateIdFor(request, 'vote-close'));
  });

  app.post('/sessions/:id/proxies', {
    config: updateOnly,
    schema: {
      tags: ['sessions'],
      summary: 'Register a written proxy: the secretary for any member, a member for their own seat',
      params: IdParams, body: ProxyInput, response: { 200: Proxies, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary', 'member', 'chair');
    const session = await sessionRow(request.params.id);
    const { actor } = await secretaryOrSelf(principal, session.committeeId, request.body.principalId, { detail: 'a member gives a proxy for their own seat only', rule: 'proxy_from_principal' });
    const proxies = await sessions.update(session.id, messages.registerProxy, [{ actor, ...request.body }], updateIdFor(request, 'proxy'));
    return { proxies };
  });

  app.delete('/sessions/:id/proxies/:principalId', {
    schema: { tags: ['sessions'], summary: 'Revoke a proxy', params: ProxyParams, response: { 200: Proxies, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary', 'member', 'chair');
    const session = await sessionRow(request.params.id);
    const { actor } = await secretaryOrSelf(principal, session.committeeId, request.params.principalId, { detail: 'a member revokes their own proxy only', rule: 'proxy_from_principal' });
    const proxies = await sessions.update(session.id, messages.revokeProxy, [{ actor, principalId: request.params.principalId }]);
    return { proxies };
  });

  app.post('/sessions/:id/agenda-items/:itemId/conflicts', {
    config: updateOnly,
    schema: {
      tags: ['agenda'],
      summary: 'Declare a conflict of interest on an item: the member is out of its roster and vote',
      params: ItemParams, body: ConflictInput, response: { 200: QuorumAnswer, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary', 'member', 'chair');
    const session = await sessionRow(request.params.id);
    const { actor, memberId } = await secretaryOrSelf(principal, session.committeeId, request.body.memberId, { detail: 'a member declares their own conflicts of interest', rule: 'conflict_declared_by_member' });
    if (!memberId) throw new ProblemError({ status: 400, code: 'invalid_request', title: 'Invalid request', detail: 'memberId names the member with the conflict of interest' });
    const quorum = await sessions.update(session.id, messages.declareConflict, [{ actor, itemId: request.params.itemId, memberId }], updateIdFor(request, 'conflict'));
    return { quorum };
  });

  app.post('/sessions/:id/agenda-items/:itemId/referral', {
    config: updateOnly,
    schema: {
      tags: ['votes'],
      summary: 'A voting member refers the item to an in-person session: it is withdrawn',
      params: ItemParams, body: ReasonInput, response: { 200: AgendaItem, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'member', 'chair');
    const session = await sessionRow(request.params.id);
    const actor = await actingMember(principal, session.committeeId);
    return sessions.update(session.id, messages.referItem, [{ actor, itemId: request.params.itemId, reason: request.body.reason }], updateIdFor(request, 'referral'));
  });

  app.post('/sessions/:id/agenda-items/:itemId/deferral', {
    config: updateOnly,
    schema: {
      tags: ['votes'],
      summary: 'Defer an item to a later session, with the reason',
      params: ItemParams, body: ReasonInput, response: { 200: AgendaItem, ...problems },
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary');
    await sessionRow(request.params.id);
    return sessions.update(request.params.id, messages.deferItem, [{ actor: staff(principal), itemId: request.params.itemId, reason: request.body.reason }], updateIdFor(request, 'deferral'));
  });
}
