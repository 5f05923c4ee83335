// The secretary schedules a session: its row (one per committee and convened time), then its
// workflow, with the committee's members and current rules pinned on it. A written session has a
// window within the rules' bounds; a live one takes over the items written sessions referred to a
// live sitting (each once).
import { createHash } from 'node:crypto';
import { completeRules, schedulingProblems, writtenWindowProblems, type CommitteeRules, type SessionMember } from '../../domain/rules/index.ts';
import type { PublishedItem, SessionMode } from '../../domain/session/index.ts';
import type { Database } from '../../prisma/database.ts';
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
  /** A written session's close. */
  closesAt?: string | undefined;
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
  const mode = o.mode ?? 'remote';
  const closesAt = o.closesAt === undefined ? undefined : new Date(o.closesAt);
  if ((mode === 'written') !== (closesAt !== undefined)) {
    throw unprocessable('rule_violation', 'a written session, and only it, is convened with the close of its window (closesAt)', 'written_window_bounds');
  }
  const committee = await db.committee.findUnique({
    where: { id: o.committeeId },
    include: { members: { where: { active: true } }, rules: { orderBy: { version: 'desc' }, take: 1 } },
  });
  if (!committee) throw notFound('committee', o.committeeId);
  const rules = committee.rules[0];
  if (!rules) throw notFound('rules of committee', o.committeeId);
  const pinned = completeRules(rules.rules as Partial<CommitteeRules>);
  if (closesAt) {
    const windowProblem = writtenWindowProblems(scheduledStart, closesAt, pinned)[0];
    if (windowProblem) throw unprocessable('rule_violation', windowProblem.message, windowProblem.rule);
  }

  let created = false;
  let session = await db.session.findUnique({ where: { committeeId_scheduledStart: { committeeId: o.committeeId, scheduledStart } } });
  if (!session) {
    const id = crypto.randomUUID();
    session = await db.$transaction(async (tx) => {
      const row = await tx.session.upsert({
        where: { committeeId_scheduledStart: { committeeId: o.committeeId, scheduledStart } },
        create: {
          id, committeeId: o.committeeId, scheduledStart, rulesVersion: rules.version, mode, place: o.place ?? null, workflowId: sessionWorkflowId(id),
          windowClosesAt: closesAt ?? null,
          // An in-person or written session needs no meeting.
          videoProvider: mode === 'in_person' || mode === 'written' ? 'manual' : videoProvider,
        },
        update: {},
      });
      if (row.id === id && mode !== 'written') {
        // Locked and skipped when another session takes them at the same moment: each item goes to one session.
        await tx.$executeRaw`
          UPDATE agenda_item SET carried_to_session_id = ${id}::uuid
          WHERE id IN (
            SELECT ai.id FROM agenda_item ai JOIN session s ON s.id = ai.session_id
            WHERE s.committee_id = ${o.committeeId}::uuid AND s.mode = 'written' AND ai.referred AND ai.removed_at IS NULL AND ai.carried_to_session_id IS NULL
            FOR UPDATE OF ai SKIP LOCKED)`;
      }
      return row;
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
    rules: pinned,
    members,
    scheduledStart: session.scheduledStart.toISOString(),
    mode: session.mode,
    videoProvider: session.videoProvider,
    timeZone: committee.timeZone,
    ...(session.place ? { place: session.place } : {}),
    ...(session.windowClosesAt ? { closesAt: session.windowClosesAt.toISOString() } : {}),
    ...(session.mode === 'written' ? {} : { referred: await referredItems(db, session.id) }),
  });
  return {
    created, id: session.id, workflowId: session.workflowId, committeeId: o.committeeId, scheduledStart: session.scheduledStart.toISOString(),
    rulesVersion: session.rulesVersion, actor: staffActor(o.principal),
  };
}

/** The items carried to this session, as its draft agenda takes them (new ids, derived from the session and the item). */
async function referredItems(db: Database, sessionId: string): Promise<PublishedItem[]> {
  const items = await db.agendaItem.findMany({ where: { carriedToSessionId: sessionId }, include: { candidates: true }, orderBy: [{ sessionId: 'asc' }, { position: 'asc' }] });
  if (items.length === 0) return [];
  const dwellings = new Map((await db.dwelling.findMany({ where: { id: { in: items.map((i) => i.dwellingId) } } })).map((d) => [d.id, d]));
  return items.flatMap((item, index) => {
    const dwelling = dwellings.get(item.dwellingId);
    if (!dwelling) return [];
    return [{
      id: derivedId(sessionId, item.id),
      kind: item.kind,
      position: index + 1,
      dwellingId: item.dwellingId,
      place: { commune: dwelling.commune, ...(dwelling.epci ? { epci: dwelling.epci } : {}), ...(dwelling.contingent ? { contingent: dwelling.contingent } : {}) },
      candidates: item.candidates.sort((a, b) => a.rank - b.rank).map((c) => ({ applicationId: c.applicationId, rank: c.rank })),
      ...(item.exception ? { exception: item.exception as PublishedItem['exception'] } : {}),
      referredFrom: { sessionId: item.sessionId, reason: item.deferralReason ?? 'referral' },
    }];
  });
}

/** A UUID (version 4 layout) derived from two ids: a retried scheduling gives the same item ids. */
function derivedId(a: string, b: string): string {
  const h = createHash('sha256').update(`${a}:${b}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
