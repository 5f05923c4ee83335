// What auditors use: the trail's chain checked, a session's decision history, the replay of its
// workflow and the export of everything that proves its decisions.
import { Type } from 'typebox';
import { verifyAuditTrail } from '../../prisma/audit-trail.ts';
import { requireRole } from '../auth.ts';
import type { App, RouteContext } from '../context.ts';
import { notFound } from '../problems.ts';
import { DateTime, DecisionType, IdParams, problemResponses as problems, SessionPhase, Uuid } from '../schemas.ts';
import { findAgendaItems } from '../services/find-agenda-items.ts';
import { actingLookups } from '../services/acting.ts';
import { sessionExport } from '../services/export-session.ts';
import { NoHistoryError, replaySession } from '../services/replay-session.ts';
import { sessionTimeline } from '../services/session-history.ts';

const ChainProblem = Type.Object({ at: Type.String({ description: 'The event row id, or the missing seq' }), message: Type.String() });
const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  committees: Type.Array(Type.Object({
    committeeId: Uuid,
    ok: Type.Boolean(),
    events: Type.Integer({ description: 'Events in the chain' }),
    unchained: Type.Integer({ description: 'Events written before the chain existed' }),
    checkpoints: Type.Integer({ description: 'Signed checkpoints of the chain head checked against the chain' }),
    lastCheckpointSeq: Type.Optional(Type.Integer({ description: 'The seq the last checkpoint vouches for: events after it are vouched for by the chain alone' })),
    problems: Type.Array(ChainProblem),
  })),
});

const Counts = Type.Record(Type.String(), Type.Number());
const Tally = Type.Object({ outcome: Type.String(), decidedBy: Type.String(), counts: Counts });
const ReplayReport = Type.Object({
  sessionId: Uuid,
  workflowId: Type.String(),
  ok: Type.Boolean({ description: 'The history replays with the current code, every recomputed tally and decision matches the record, and the trail holds the steps the history recorded' }),
  history: Type.Object({ source: Type.Enum(['live', 'archived']), runs: Type.Integer({ description: 'Runs of the workflow: a session continues as new when its history grows long' }), events: Type.Integer() }),
  replay: Type.Object({ ok: Type.Boolean(), error: Type.Optional(Type.Object({ name: Type.String(), message: Type.String() })) }),
  rulesVersion: Type.Integer(),
  trail: Type.Object({
    recorded: Type.Integer({ description: 'Steps the workflow recorded in its history' }),
    stored: Type.Integer({ description: 'Steps of the session in the audit trail' }),
    problems: Type.Array(Type.String(), { description: 'Steps deleted from, changed in or inserted into the trail, by the archived or live history' }),
  }),
  votes: Type.Array(Type.Object({
    itemId: Type.String(), closedAt: Type.String(), votes: Type.Integer(), recorded: Tally, recomputed: Tally,
    tallyMatches: Type.Boolean(), decisionsMatch: Type.Optional(Type.Boolean()),
  })),
});
const Timeline = Type.Object({
  sessionId: Uuid,
  entries: Type.Array(Type.Object({
    seq: Type.Union([Type.Integer(), Type.Null()]), at: Type.String({ format: 'date-time' }), type: Type.String(), actor: Type.String(),
    summary: Type.String(), details: Type.Record(Type.String(), Type.Unknown()),
  })),
});

const AgendaSearchQuery = Type.Object({
  dwellingReference: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The landlord\'s reference of the dwelling (exact, case ignored)' })),
  applicationNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The application\'s national registration number (exact, case ignored)' })),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: 'At most this many items, 1 to 200 (default 50)' })),
}, { additionalProperties: false });
const AgendaSearchResult = Type.Object({
  items: Type.Array(Type.Object({
    sessionId: Uuid, scheduledStart: DateTime, phase: SessionPhase, agendaItemId: Uuid, position: Type.Integer(),
    dwellingReference: Type.String(), commune: Type.String(),
    status: Type.Enum(['pending', 'decided', 'deferred', 'referred', 'removed']),
    candidates: Type.Array(Type.Object({
      applicationNumber: Type.String(), rank: Type.Integer(),
      decision: Type.Optional(Type.Object({ type: DecisionType, rank: Type.Optional(Type.Integer()), decidedAt: DateTime })),
    })),
  })),
});

export function registerAuditRoutes(app: App, { db, temporal, workflowBundlePath, checkpointKeys, dataConverter }: RouteContext): void {
  const { sessionRow } = actingLookups(db);

  app.get('/committees/:id/agenda-items', {
    config: { scope: 'committee' },
    schema: {
      tags: ['audit'],
      summary: 'Where a dwelling or an application came before the committee, latest session first, with what was decided (search by dwelling reference, application number, or both)',
      params: IdParams, querystring: AgendaSearchQuery, response: { 200: AgendaSearchResult, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'auditor', 'secretary');
    const committee = await db.committee.findUnique({ where: { id: request.params.id }, select: { id: true } });
    if (!committee) throw notFound('committee', request.params.id);
    const { limit, ...criteria } = request.query;
    return findAgendaItems(db, { committeeId: committee.id, ...criteria, limit: Math.min(Math.max(Number(limit ?? 50), 1), 200) });
  });

  app.get('/sessions/:id/history', {
    config: { scope: 'session' },
    schema: {
      tags: ['audit'],
      summary: 'The session\'s decision history from the audit trail: convocations, attendance, proxies, quorum at each check, votes, tallies with the deciding rule, decisions, minutes, signatures, offers',
      params: IdParams, response: { 200: Timeline, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'auditor');
    const session = await sessionRow(request.params.id);
    return { sessionId: session.id, entries: await sessionTimeline(db, session.id, session.committeeId) };
  });

  app.post('/sessions/:id/replay', {
    config: { scope: 'session', rateClass: 'audit' },
    schema: {
      tags: ['audit'],
      summary: 'Replay the session\'s workflow history (live, or archived once Temporal deleted it) with the current code, and recompute every tally from the recorded votes with the pinned rules',
      params: IdParams, response: { 200: ReplayReport, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'auditor');
    const session = await sessionRow(request.params.id);
    try {
      return await replaySession({ db, temporal, workflowBundlePath, dataConverter }, session.id);
    } catch (error) {
      if (error instanceof NoHistoryError) throw notFound('history of session', session.id);
      throw error;
    }
  });

  app.get('/sessions/:id/export', {
    config: { scope: 'session', rateClass: 'audit' },
    schema: {
      tags: ['audit'],
      summary: 'Everything that proves the session\'s decisions in one file (minutes JSON and PDF, signatures and keys, the audit chain, the workflow history), checked offline with bin/verify-export.ts',
      params: IdParams, response: { 200: { content: { 'application/json': { schema: Type.Record(Type.String(), Type.Unknown()) } } }, ...problems },
    },
  }, async (request, reply) => {
    requireRole(request.principal, 'auditor');
    const session = await sessionRow(request.params.id);
    const bundle = await sessionExport(db, temporal, session.id, checkpointKeys);
    // Sent as the exact bytes that were hashed: re-serialising would change them.
    return reply
      .type('application/json')
      .header('content-disposition', `attachment; filename="session-${session.id}.caleol.json"`)
      .serializer((payload) => payload as string)
      .send(bundle);
  });

  app.get('/audit/verify', {
    config: { scope: 'deployment' },
    schema: {
      tags: ['audit'],
      summary: 'Check the audit trail\'s hash chain of every committee (or one): any changed, deleted, inserted or reordered event is reported where it is',
      querystring: Type.Object({ committeeId: Type.Optional(Uuid) }, { additionalProperties: false }),
      response: { 200: AuditVerification, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'auditor', 'ops');
    const committees = await verifyAuditTrail(db, request.query.committeeId, checkpointKeys);
    return { ok: committees.every((c) => c.ok), committees };
  });
}
