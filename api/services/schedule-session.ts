// The secretary schedules a session: its row (one per committee and convened time), then its
// workflow, with the committee's members and current rules pinned on it.
import { completeRules, schedulingProblems, type CommitteeRules, type SessionMember } from '../../domain/rules/index.ts';
import type { SessionMode } from '../../domain/session/index.ts';
import { sessionWorkflowId } from '../../workflows/ids.ts';
import type { Principal } from '../auth.ts';
import { notFound, unprocessable } from '../problems.ts';
import { staffActor } from './acting.ts';
import type { ServiceDeps } from './deps.ts';

export interface ScheduleSessionOptions {
  principal: Principal;
  committeeId: string;
  scheduledStart: string;
  mode?: SessionMode | undefined;
  place?: string | undefined;
  now: Date;
}

export interface ScheduledSession {
  created: boolean;
  id: string;
  workflowId: string;
  committeeId: string;
  scheduledStart: string;
  rulesVersion: number;
  actor: string;
}

/** Sessions are convened within the engine's calendar: no year 0000, no year 3000. */
const earliestYear = 2000;
const latestYear = 2100;

export async function scheduleSession({ db, sessions, videoProvider }: ServiceDeps, o: ScheduleSessionOptions): Promise<ScheduledSession> {
  const scheduledStart = new Date(o.scheduledStart);
  const year = scheduledStart.getUTCFullYear();
  if (Number.isNaN(year) || year < earliestYear || year > latestYear) {
    throw unprocessable('invalid_date', `a session is convened between ${earliestYear} and ${latestYear}`, 'scheduled_in_future');
  }
  const problem = schedulingProblems(scheduledStart, o.now)[0];
  if (problem) throw unprocessable('rule_violation', problem.message, problem.rule);
  const committee = await db.committee.findUnique({
    where: { id: o.committeeId },
    include: { members: { where: { active: true } }, rules: { orderBy: { version: 'desc' }, take: 1 } },
  });
  if (!committee) throw notFound('committee', o.committeeId);
  const rules = committee.rules[0];
  if (!rules) throw notFound('rules of committee', o.committeeId);

  let created = false;
  let session = await db.session.findUnique({ where: { committeeId_scheduledStart: { committeeId: o.committeeId, scheduledStart } } });
  if (!session) {
    const id = crypto.randomUUID();
    const mode = o.mode ?? 'remote';
    session = await db.session.upsert({
      where: { committeeId_scheduledStart: { committeeId: o.committeeId, scheduledStart } },
      create: {
        id, committeeId: o.committeeId, scheduledStart, rulesVersion: rules.version, mode, place: o.place ?? null, workflowId: sessionWorkflowId(id),
        // An in-person session needs no meeting.
        videoProvider: mode === 'in_person' ? 'manual' : videoProvider,
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
    committeeId: o.committeeId,
    rulesVersion: session.rulesVersion,
    rules: completeRules(rules.rules as Partial<CommitteeRules>),
    members,
    scheduledStart: session.scheduledStart.toISOString(),
    mode: session.mode,
    videoProvider: session.videoProvider,
    timeZone: committee.timeZone,
    ...(session.place ? { place: session.place } : {}),
  });
  return {
    created, id: session.id, workflowId: session.workflowId, committeeId: o.committeeId, scheduledStart: session.scheduledStart.toISOString(),
    rulesVersion: session.rulesVersion, actor: staffActor(o.principal),
  };
}
