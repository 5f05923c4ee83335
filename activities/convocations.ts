// Convening the members of a published session: the Zoom meeting and each member's registration
// when the session meets on Zoom, then one e-mail per member with their personal link and an
// invitation. Every step is recorded first, so a retried activity resumes where it stopped.
import type { Database } from '../prisma/database.ts';
import { mayAttendItem } from '../domain/rules/index.ts';
import type { Mailer } from './notify/mailer.ts';
import { convocationInvitation, convocationText } from './notify/convocation-mail.ts';
import type { ZoomMeetings } from './zoom/meetings.ts';

export interface ConvocationDeps {
  db: Database;
  zoom?: ZoomMeetings | undefined;
  mailer?: Mailer | undefined;
  organizer: { name: string; email: string };
}

export interface ConvocationResult {
  meeting?: { id: number; uuid: string } | undefined;
  /** registrant id → member id, to recognise members in the meeting's events. */
  registrants: Record<string, string>;
  convened: number;
  emailed: number;
}

const sessionMinutes = 180;

export async function conveneMembers(deps: ConvocationDeps, sessionId: string): Promise<ConvocationResult> {
  const { db } = deps;
  const session = await db.session.findUniqueOrThrow({
    where: { id: sessionId },
    include: { committee: { include: { members: { where: { active: true } } } }, agendaItems: { where: { removedAt: null }, orderBy: { position: 'asc' } } },
  });
  const members = session.committee.members.filter((m) => m.role !== 'staff');
  const dwellings = await db.dwelling.findMany({ where: { id: { in: session.agendaItems.map((i) => i.dwellingId) } } });

  let meeting: ConvocationResult['meeting'];
  if (session.videoProvider === 'zoom') {
    if (!deps.zoom) throw new Error('the session meets on Zoom but this worker has no Zoom credentials');
    if (session.zoomMeetingId === null || session.zoomMeetingUuid === null) {
      const created = await deps.zoom.createMeeting({
        topic: `${session.committee.name} — séance du ${session.scheduledStart.toISOString().slice(0, 10)}`,
        startTime: session.scheduledStart,
        durationMinutes: sessionMinutes,
        timeZone: session.committee.timeZone,
      });
      await db.session.update({ where: { id: sessionId }, data: { zoomMeetingId: BigInt(created.id), zoomMeetingUuid: created.uuid } });
      meeting = created;
    } else {
      meeting = { id: Number(session.zoomMeetingId), uuid: session.zoomMeetingUuid };
    }
  }

  const existing = new Map((await db.convocation.findMany({ where: { sessionId } })).map((c) => [c.memberId, c]));
  for (const m of members) {
    const known = existing.get(m.id);
    if (known && (known.registrantId || !meeting)) continue;
    let registration: { registrantId: string; joinUrl: string } | undefined;
    if (meeting && deps.zoom) {
      const [firstName, ...rest] = m.name.split(' ');
      registration = await deps.zoom.addRegistrant(meeting.id, { email: m.email, firstName: firstName ?? m.name, lastName: rest.join(' ') || '-' });
    }
    const data = { registrantId: registration?.registrantId ?? null, joinUrl: registration?.joinUrl ?? null };
    const row = await db.convocation.upsert({ where: { sessionId_memberId: { sessionId, memberId: m.id } }, create: { sessionId, memberId: m.id, ...data }, update: data });
    existing.set(m.id, row);
  }

  let emailed = 0;
  if (deps.mailer) {
    for (const m of members) {
      const convocation = existing.get(m.id)!;
      if (convocation.sentAt) continue;
      const facts = {
        sessionId,
        committeeName: session.committee.name,
        landlord: session.committee.landlord,
        timeZone: session.committee.timeZone,
        scheduledStart: session.scheduledStart,
        durationMinutes: sessionMinutes,
        mode: session.mode,
        member: { id: m.id, name: m.name, email: m.email },
        organizer: deps.organizer,
        joinUrl: convocation.joinUrl ?? undefined,
        // Each member is told of the dwellings they may see (réservataires, mayors: their own).
        dwellings: session.agendaItems.flatMap((i) => {
          const d = dwellings.find((x) => x.id === i.dwellingId);
          if (!d) return [];
          const place = { commune: d.commune, epci: d.epci ?? undefined, contingent: d.contingent ?? undefined };
          const seat = { id: m.id, role: m.role, commune: m.commune ?? undefined, epci: m.epci ?? undefined, contingent: m.contingent ?? undefined, chair: m.chair };
          return mayAttendItem(seat, place) ? [{ position: i.position, reference: d.reference, commune: d.commune, type: d.type, kind: i.kind }] : [];
        }),
        sequence: 0,
      };
      const messageId = `<convocation-${sessionId}-${m.id}@caleol>`;
      await deps.mailer.send({
        to: { name: m.name, address: m.email },
        subject: `Convocation — ${session.committee.name}, séance du ${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: session.committee.timeZone }).format(session.scheduledStart)}`,
        text: convocationText(facts),
        invitation: { filename: 'convocation.ics', content: convocationInvitation(facts) },
        messageId,
      });
      await db.convocation.update({ where: { sessionId_memberId: { sessionId, memberId: m.id } }, data: { sentAt: new Date(), messageId } });
      emailed++;
    }
  }

  const registrants = Object.fromEntries([...existing.values()].filter((c) => c.registrantId).map((c) => [c.registrantId!, c.memberId]));
  return { meeting, registrants, convened: members.length, emailed };
}
