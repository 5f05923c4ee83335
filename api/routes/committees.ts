import { Type } from 'typebox';
import { appendAuditEvent } from '../../prisma/audit-trail.ts';
import type { Prisma } from '../../prisma/database.ts';
import { committeeRulesProblems, completeRules, electChair, type CommitteeRules } from '../../domain/rules/index.ts';
import { requireRole, staffRoles } from '../auth.ts';
import { staffCovers } from '../plugins/committee-scope.ts';
import type { App, RouteContext } from '../context.ts';
import { conflict, notFound, unprocessable } from '../problems.ts';
import {
  ChairElectionAnswer, ChairElectionInput, Committee, CommitteeInput, IdParams, Member, MemberInput, MemberParams, MemberPatch, problemResponses, RulesInput, RulesVersion, SessionList, VersionQuery,
} from '../schemas.ts';
import { actingLookups, forgetActingMembers } from '../services/acting.ts';

const problems = problemResponses;
const readers = ['secretary', 'auditor', 'ops', 'chair', 'member'] as const;

type MemberRow = Prisma.MemberGetPayload<object>;

function memberRow(committeeId: string, m: MemberInput) {
  return {
    id: crypto.randomUUID(),
    committeeId,
    name: m.name,
    email: m.email.toLowerCase(),
    role: m.role,
    commune: m.commune ?? null,
    epci: m.epci ?? null,
    contingent: m.contingent ?? null,
    substituteFor: m.substituteFor ?? null,
    birthDate: m.birthDate ? new Date(`${m.birthDate}T00:00:00Z`) : null,
    tenantRepresentative: m.tenantRepresentative ?? false,
    chair: m.chair ?? false,
  };
}

export function memberView(m: MemberRow) {
  return {
    id: m.id, name: m.name, email: m.email, role: m.role, commune: m.commune, epci: m.epci, contingent: m.contingent,
    substituteFor: m.substituteFor, birthDate: m.birthDate ? m.birthDate.toISOString().slice(0, 10) : null,
    tenantRepresentative: m.tenantRepresentative, chair: m.chair, active: m.active,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2002';
}

const asJson = (rules: CommitteeRules) => rules as unknown as Prisma.InputJsonObject;

export function registerCommitteeRoutes(app: App, { db }: RouteContext): void {
  async function loadCommittee(id: string) {
    const committee = await db.committee.findUnique({
      where: { id },
      include: { members: { orderBy: { createdAt: 'asc' } }, rules: { orderBy: { version: 'desc' }, take: 1 } },
    });
    if (!committee) throw notFound('committee', id);
    const { rules, members, ...rest } = committee;
    return { ...rest, members: members.map(memberView), rulesVersion: rules[0]?.version ?? 1 };
  }

  async function checkSubstitute(committeeId: string, substituteFor: string | undefined): Promise<void> {
    if (!substituteFor) return;
    const titular = await db.member.findFirst({ where: { id: substituteFor, committeeId, substituteFor: null } });
    if (!titular) throw unprocessable('invalid_substitute', 'a substitute stands in for a titular member of the same committee', 'substitute_of_titular');
  }

  async function checkEmailFree(committeeId: string, email: string, exceptMemberId?: string): Promise<void> {
    const holder = await db.member.findFirst({ where: { committeeId, email: email.toLowerCase(), ...(exceptMemberId ? { NOT: { id: exceptMemberId } } : {}) } });
    if (holder) throw conflict('duplicate_member', 'a member of this committee already has this e-mail address');
  }

  app.post('/committees', {
    config: { scope: 'deployment' },
    schema: { tags: ['committees'], summary: 'Create a committee with its members and its internal rules (the legal defaults for any rule not given)', body: CommitteeInput, response: { 201: Committee, ...problems } },
  }, async (request, reply) => {
    requireRole(request.principal, 'secretary');
    const id = crypto.randomUUID();
    const body = request.body;
    // Checked before writing: a refused statement is also what the embedded database handles worst.
    const emails = (body.members ?? []).map((m) => m.email.toLowerCase());
    if (new Set(emails).size !== emails.length) throw conflict('duplicate_member', 'two members have the same e-mail address');
    if ((body.members ?? []).some((m) => m.substituteFor)) {
      throw unprocessable('invalid_substitute', 'substitutes are added once their titular member exists (POST /committees/{id}/members)', 'substitute_of_titular');
    }
    if (body.timeZone !== undefined && !knownTimeZone(body.timeZone)) {
      throw unprocessable('invalid_time_zone', `${body.timeZone} is not an IANA time zone (e.g. Europe/Paris, America/Cayenne, Indian/Reunion)`, 'iana_time_zone');
    }
    const rules = completeRules(body.rules as Partial<CommitteeRules> | undefined);
    const found = committeeRulesProblems(rules);
    if (found[0]) throw unprocessable('invalid_rules', found.map((p) => `${p.field}: ${p.message}`).join('; '), found[0].rule, { problems: found });
    try {
      await db.$transaction([
        db.committee.create({ data: { id, name: body.name, landlord: body.landlord, ...(body.timeZone ? { timeZone: body.timeZone } : {}) } }),
        db.committeeRules.create({ data: { committeeId: id, version: 1, rules: asJson(rules) } }),
        db.member.createMany({ data: (body.members ?? []).map((m) => memberRow(id, m)) }),
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('duplicate_member', 'two members have the same e-mail address');
      throw error;
    }
    return reply.code(201).header('location', `/committees/${id}`).send(await loadCommittee(id));
  });

  app.get('/committees', {
    config: { scope: 'listing' },
    schema: { tags: ['committees'], summary: 'List committees', response: { 200: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), landlord: Type.String(), timeZone: Type.String() })), ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, ...readers);
    const select = { id: true, name: true, landlord: true, timeZone: true } as const;
    if (staffCovers(principal)) return db.committee.findMany({ select, orderBy: { createdAt: 'asc' } });
    // Staff see the committees their token names; members the ones they sit on.
    const asMember = principal.memberId ? { id: principal.memberId } : principal.email ? { email: principal.email } : undefined;
    const staff = principal.roles.some((r) => staffRoles.includes(r)) ? principal.committees : [];
    return db.committee.findMany({
      where: { OR: [{ id: { in: [...staff] } }, ...(asMember ? [{ members: { some: { ...asMember, active: true } } }] : [])] },
      select, orderBy: { createdAt: 'asc' },
    });
  });

  app.get('/committees/:id', {
    config: { scope: 'committee' },
    schema: { tags: ['committees'], summary: 'A committee with its members', params: IdParams, response: { 200: Committee, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, ...readers);
    const committee = await loadCommittee(request.params.id);
    if (staffCovers(principal, committee.id)) return committee;
    // A member sees who sits with them, not their fellow members' contact details or birth dates.
    const self = await actingLookups(db).memberOf(principal, committee.id);
    return { ...committee, members: committee.members.map((m) => (m.id === self?.id ? m : { ...m, email: undefined, birthDate: null })) };
  });

  app.get('/committees/:id/sessions', {
    config: { scope: 'committee' },
    schema: {
      tags: ['committees'],
      summary: 'The committee\'s sessions, latest first (the dashboard\'s list; each session\'s live state is GET /sessions/{id})',
      params: IdParams,
      querystring: Type.Object({
        from: Type.Optional(Type.String({ format: 'date-time', description: 'Sessions convened at or after this time' })),
        to: Type.Optional(Type.String({ format: 'date-time', description: 'Sessions convened before this time' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
      }, { additionalProperties: false }),
      response: { 200: SessionList, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, ...readers);
    const committee = await db.committee.findUnique({ where: { id: request.params.id }, select: { id: true, timeZone: true } });
    if (!committee) throw notFound('committee', request.params.id);
    const { from, to, limit } = request.query;
    const rows = await db.session.findMany({
      where: { committeeId: committee.id, scheduledStart: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lt: new Date(to) } : {}) } },
      select: { id: true, scheduledStart: true, mode: true, place: true, phase: true, updatedAt: true },
      orderBy: { scheduledStart: 'desc' },
      take: limit ?? 100,
    });
    return {
      committeeId: committee.id, timeZone: committee.timeZone,
      sessions: rows.map((r) => ({
        id: r.id, scheduledStart: r.scheduledStart.toISOString(), mode: r.mode, phase: r.phase, updatedAt: r.updatedAt.toISOString(),
        ...(r.place ? { place: r.place } : {}),
      })),
    };
  });

  app.get('/committees/:id/rules', {
    config: { scope: 'committee' },
    schema: {
      tags: ['committees'],
      summary: 'The committee\'s internal rules: the current version, or the one a session pinned (?version=)',
      params: IdParams, querystring: VersionQuery, response: { 200: RulesVersion, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, ...readers);
    const version = request.query.version === undefined ? undefined : Number(request.query.version);
    const current = await db.committeeRules.findFirst({ where: { committeeId: request.params.id, ...(version ? { version } : {}) }, orderBy: { version: 'desc' } });
    if (!current) throw notFound(version ? `version ${version} of the rules of committee` : 'committee', request.params.id);
    return { committeeId: current.committeeId, version: current.version, rules: completeRules(current.rules as Partial<CommitteeRules>) };
  });

  app.put('/committees/:id/rules', {
    config: { scope: 'committee' },
    schema: {
      tags: ['committees'],
      summary: 'Save a new version of the committee\'s internal rules; sessions keep the version they started with',
      params: IdParams, body: RulesInput, response: { 200: RulesVersion, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'secretary');
    const committeeId = request.params.id;
    await loadCommittee(committeeId);
    const rules = completeRules(request.body as Partial<CommitteeRules>);
    const found = committeeRulesProblems(rules);
    if (found[0]) throw unprocessable('invalid_rules', found.map((p) => `${p.field}: ${p.message}`).join('; '), found[0].rule, { problems: found });
    const saved = await db.$transaction(async (tx) => {
      const latest = await tx.committeeRules.findFirst({ where: { committeeId }, orderBy: { version: 'desc' } });
      const version = (latest?.version ?? 0) + 1;
      const row = await tx.committeeRules.create({ data: { committeeId, version, rules: asJson(rules) } });
      await appendAuditEvent(tx, { committeeId, type: 'rules_changed', actor: `staff:${request.principal!.subject}`, payload: { version, rules: asJson(rules) }, dedupeKey: `committee:${committeeId}:rules:${version}`, occurredAt: new Date() });
      return row;
    });
    return { committeeId, version: saved.version, rules };
  });

  app.post('/committees/:id/chair-election', {
    config: { scope: 'committee' },
    schema: {
      tags: ['committees'],
      summary: 'Record the election of the chair by the six board members: absolute majority, a tie to the oldest',
      params: IdParams, body: ChairElectionInput, response: { 200: ChairElectionAnswer, ...problems },
    },
  }, async (request) => {
    requireRole(request.principal, 'secretary');
    const committeeId = request.params.id;
    await loadCommittee(committeeId);
    const board = await db.member.findMany({ where: { committeeId, role: 'board_member', substituteFor: null, active: true } });
    const boardIds = new Set(board.map((m) => m.id));
    const voters = request.body.ballots.map((b) => b.voterId);
    if (voters.some((v) => !boardIds.has(v)) || new Set(voters).size !== voters.length) {
      throw unprocessable('invalid_ballots', 'the chair is elected by the board\'s members, one ballot each', 'chair_elected_by_board');
    }
    if (request.body.ballots.some((b) => !boardIds.has(b.candidateId))) {
      throw unprocessable('invalid_ballots', 'the chair is elected among the board\'s members', 'chair_among_board');
    }
    const candidates = board.filter((m) => request.body.ballots.some((b) => b.candidateId === m.id));
    const election = electChair(
      candidates.map((m) => ({ id: m.id, birthDate: m.birthDate?.toISOString().slice(0, 10) ?? '9999-12-31' })),
      request.body.ballots.map((b) => b.candidateId),
    );
    if (election.outcome === 'elected' && election.decidedBy === 'tie_to_the_oldest' && candidates.some((m) => !m.birthDate)) {
      throw unprocessable('birth_date_needed', 'a tie goes to the oldest candidate: every tied candidate needs a birth date', 'tie_to_the_oldest');
    }
    await db.$transaction(async (tx) => {
      if (election.outcome === 'elected') {
        await tx.member.updateMany({ where: { committeeId }, data: { chair: false } });
        await tx.member.update({ where: { id: election.chairId }, data: { chair: true } });
      }
      await appendAuditEvent(tx, {
        committeeId, type: 'chair_election', actor: `staff:${request.principal!.subject}`,
        payload: { ballots: request.body.ballots, ...election } as Prisma.InputJsonObject,
        dedupeKey: `committee:${committeeId}:chair-election:${crypto.randomUUID()}`, occurredAt: new Date(),
      });
    });
    return election;
  });

  app.post('/committees/:id/members', {
    config: { scope: 'committee' },
    schema: { tags: ['committees'], summary: 'Add a member', params: IdParams, body: MemberInput, response: { 201: Member, ...problems } },
  }, async (request, reply) => {
    requireRole(request.principal, 'secretary');
    await loadCommittee(request.params.id);
    await checkSubstitute(request.params.id, request.body.substituteFor);
    await checkEmailFree(request.params.id, request.body.email);
    try {
      return reply.code(201).send(memberView(await db.member.create({ data: memberRow(request.params.id, request.body) })));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('duplicate_member', 'a member of this committee already has this e-mail address');
      throw error;
    }
  });

  app.patch('/committees/:id/members/:memberId', {
    config: { scope: 'committee' },
    schema: { tags: ['committees'], summary: 'Change a member (the chair changes by election)', params: MemberParams, body: MemberPatch, response: { 200: Member, ...problems } },
  }, async (request) => {
    requireRole(request.principal, 'secretary');
    const { id, memberId } = request.params;
    const existing = await db.member.findFirst({ where: { id: memberId, committeeId: id } });
    if (!existing) throw notFound('member', memberId);
    const patch = request.body;
    if (patch.substituteFor === memberId) throw unprocessable('invalid_substitute', 'a member cannot stand in for themself', 'substitute_of_titular');
    await checkSubstitute(id, patch.substituteFor);
    if (patch.email) await checkEmailFree(id, patch.email, memberId);
    try {
      const updated = await db.member.update({
        where: { id: memberId },
        data: {
          ...patch,
          ...(patch.email ? { email: patch.email.toLowerCase() } : {}),
          ...(patch.birthDate ? { birthDate: new Date(`${patch.birthDate}T00:00:00Z`) } : {}),
        },
      });
      // After the commit: a lookup made meanwhile may have kept the member as they were.
      forgetActingMembers(db);
      return memberView(updated);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('duplicate_member', 'a member of this committee already has this e-mail address');
      throw error;
    }
  });
}

function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone });
    return true;
  } catch {
    return false;
  }
}
