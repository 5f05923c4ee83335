import { Type } from 'typebox';
import type { Prisma } from '../../prisma/database.ts';
import { defaultCommitteeRules } from '../../workflows/rules/index.ts';
import { requireRole, type App, type RouteContext } from '../app.ts';
import { conflict, notFound } from '../problem.ts';
import { Committee, CommitteeInput, IdParams, Member, MemberInput, MemberParams, MemberPatch } from '../schemas.ts';

const problems = { 400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' } };

function memberRow(committeeId: string, m: MemberInput) {
  return {
    id: crypto.randomUUID(),
    committeeId,
    name: m.name,
    email: m.email.toLowerCase(),
    role: m.role,
    commune: m.commune ?? null,
    epci: m.epci ?? null,
    tenantRepresentative: m.tenantRepresentative ?? false,
    chair: m.chair ?? false,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2002';
}

export function registerCommitteeRoutes(app: App, { db }: RouteContext): void {
  async function loadCommittee(id: string) {
    const committee = await db.committee.findUnique({
      where: { id },
      include: { members: { orderBy: { createdAt: 'asc' } }, rules: { orderBy: { version: 'desc' }, take: 1 } },
    });
    if (!committee) throw notFound('committee', id);
    const { rules, ...rest } = committee;
    return { ...rest, rulesVersion: rules[0]?.version ?? 1 };
  }

  app.post('/committees', {
    schema: { tags: ['committees'], summary: 'Create a committee with its members and the legal default rules', body: CommitteeInput, response: { 201: Committee, ...problems } },
  }, async (request, reply) => {
    requireRole(request.principal, 'secretary');
    const id = crypto.randomUUID();
    const body = request.body;
    try {
      await db.$transaction([
        db.committee.create({ data: { id, name: body.name, landlord: body.landlord, ...(body.timeZone ? { timeZone: body.timeZone } : {}) } }),
        db.committeeRules.create({ data: { committeeId: id, version: 1, rules: defaultCommitteeRules as unknown as Prisma.InputJsonObject } }),
        db.member.createMany({ data: (body.members ?? []).map((m) => memberRow(id, m)) }),
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('duplicate_member', 'two members have the same e-mail address');
      throw error;
    }
    return reply.code(201).send(await loadCommittee(id));
  });

  app.get('/committees', {
    schema: { tags: ['committees'], summary: 'List committees', response: { 200: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), landlord: Type.String() })), ...problems } },
  }, async (request) => {
    requireRole(request.principal, 'secretary', 'auditor', 'ops', 'chair', 'member');
    return db.committee.findMany({ select: { id: true, name: true, landlord: true }, orderBy: { createdAt: 'asc' } });
  });

  app.get('/committees/:id', {
    schema: { tags: ['committees'], summary: 'A committee with its members', params: IdParams, response: { 200: Committee, ...problems } },
  }, async (request) => {
    requireRole(request.principal, 'secretary', 'auditor', 'ops', 'chair', 'member');
    return loadCommittee(request.params.id);
  });

  app.post('/committees/:id/members', {
    schema: { tags: ['committees'], summary: 'Add a member', params: IdParams, body: MemberInput, response: { 201: Member, ...problems } },
  }, async (request, reply) => {
    requireRole(request.principal, 'secretary');
    await loadCommittee(request.params.id);
    try {
      return reply.code(201).send(await db.member.create({ data: memberRow(request.params.id, request.body) }));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('duplicate_member', 'a member of this committee already has this e-mail address');
      throw error;
    }
  });

  app.patch('/committees/:id/members/:memberId', {
    schema: { tags: ['committees'], summary: 'Change a member', params: MemberParams, body: MemberPatch, response: { 200: Member, ...problems } },
  }, async (request) => {
    requireRole(request.principal, 'secretary');
    const { id, memberId } = request.params;
    const existing = await db.member.findFirst({ where: { id: memberId, committeeId: id } });
    if (!existing) throw notFound('member', memberId);
    const patch = request.body;
    try {
      return await db.member.update({ where: { id: memberId }, data: { ...patch, ...(patch.email ? { email: patch.email.toLowerCase() } : {}) } });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('duplicate_member', 'a member of this committee already has this e-mail address');
      throw error;
    }
  });
}
