// Convening the members of a published session: the Zoom meeting and each member's registration
// when the session meets on Zoom, then one e-mail per member with the agenda exactly as published
// (the version the workflow hands over, never read back from tables), their personal link and an
// invitation. A member whose e-mail fails is reported, not thrown for: the workflow records who
// is not convened and tries again. Every step is recorded first, so a retried activity resumes.
import { LRUCache } from 'lru-cache';
import type { ConvocationsResult } from '../domain/session/commands.ts';
import type { CancellationNotice, ConvocationRequest } from '../domain/session/reactions.ts';
import { mayAttendItem } from '../domain/rules/index.ts';
import type { Database } from '../prisma/database.ts';
import { cancellationInvitation, cancellationText, convocationInvitation, convocationText, type ConvocationFacts } from '../documents/convocation.ts';
import { renderConvocationPdf } from '../documents/render-threads.ts';
import type { Mailer } from './notify/mailer.ts';
import type { ZoomMeetings } from './zoom/meetings.ts';

export interface ConvocationDeps {
  db: Database;
  zoom?: ZoomMeetings | undefined;
  mailer?: Mailer | undefined;
  organizer: { name: string; email: string };
  /** The web application's address, where members consult the files. */
  applicationUrl?: string | undefined;
  /** Called as each member's convocation begins (the activity's heartbeat). */
  memberStarting?: (() => void) | undefined;
}

const sessionMinutes = 180;

// The same facts give the same PDF: a retry after a failed send (the mail server down for days)
// reuses the one rendered before instead of rendering it again.
const renderedPdfs = new LRUCache<string, Buffer>({ max: 100 });
async function convocationPdfOf(facts: ConvocationFacts): Promise<Buffer> {
  const key = JSON.stringify(facts);
  const cached = renderedPdfs.get(key);
  if (cached) return cached;
  const pdf = await renderConvocationPdf(facts);
  renderedPdfs.set(key, pdf);
  return pdf;
}
const noMailTransport = 'no mail transport is configured (SMTP_URL): record the delivery by hand';

function frenchLongDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone }).format(at);
}

async function meetingOf(deps: ConvocationDeps, request: ConvocationRequest, committeeName: string): Promise<{ id: number; uuid: string } | undefined> {
  if (request.videoProvider !== 'zoom') return undefined;
  if (!deps.zoom) throw new Error('the session meets on Zoom but this worker has no Zoom credentials');
  const session = await deps.db.session.findUniqueOrThrow({ where: { id: request.sessionId } });
  if (session.zoomMeetingId !== null && session.zoomMeetingUuid !== null) return { id: Number(session.zoomMeetingId), uuid: session.zoomMeetingUuid };
  const created = await deps.zoom.createMeeting({
    topic: `${committeeName} — séance du ${request.scheduledStart.slice(0, 10)}`,
    startTime: new Date(request.scheduledStart),
    durationMinutes: sessionMinutes,
    timeZone: request.timeZone,
  });
  await deps.db.session.update({ where: { id: request.sessionId }, data: { zoomMeetingId: BigInt(created.id), zoomMeetingUuid: created.uuid } });
  return created;
}

export async function conveneMembers(deps: ConvocationDeps, request: ConvocationRequest): Promise<ConvocationsResult> {
  const { db } = deps;
  const [committee, members, dwellings] = await Promise.all([
    db.committee.findUniqueOrThrow({ where: { id: request.committeeId } }),
    db.member.findMany({ where: { id: { in: request.memberIds }, committeeId: request.committeeId } }),
    db.dwelling.findMany({ where: { id: { in: request.agenda.map((i) => i.dwellingId) } } }),
  ]);
  const meeting = await meetingOf(deps, request, committee.name);
  const existing = new Map((await db.convocation.findMany({ where: { sessionId: request.sessionId } })).map((c) => [c.memberId, c]));
  const delivered: ConvocationsResult['delivered'] = [];
  const failed: ConvocationsResult['failed'] = request.memberIds.filter((id) => !members.some((m) => m.id === id)).map((memberId) => ({ memberId, reason: 'the member is no longer on the committee' }));

  for (const m of members) {
    deps.memberStarting?.();
    let convocation = existing.get(m.id);
    if (convocation?.sentAt && convocation.sequence >= request.sequence) {
      delivered.push({ memberId: m.id, at: convocation.sentAt.toISOString() });
      continue;
    }
    if (meeting && deps.zoom && !convocation?.registrantId) {
      const [firstName, ...rest] = m.name.split(' ');
      const registration = await deps.zoom.addRegistrant(meeting.id, { email: m.email, firstName: firstName ?? m.name, lastName: rest.join(' ') || '-' });
      const data = { registrantId: registration.registrantId, joinUrl: registration.joinUrl };
      convocation = await db.convocation.upsert({ where: { sessionId_memberId: { sessionId: request.sessionId, memberId: m.id } }, create: { sessionId: request.sessionId, memberId: m.id, ...data }, update: data });
    }
    if (!deps.mailer) {
      failed.push({ memberId: m.id, reason: noMailTransport });
      continue;
    }
    const seat = { id: m.id, role: m.role, commune: m.commune ?? undefined, epci: m.epci ?? undefined, contingent: m.contingent ?? undefined, chair: m.chair };
    const facts: ConvocationFacts = {
      sessionId: request.sessionId,
      committeeName: committee.name,
      landlord: committee.landlord,
      timeZone: request.timeZone,
      scheduledStart: new Date(request.scheduledStart),
      durationMinutes: sessionMinutes,
      mode: request.mode,
      ...(request.closesAt ? { closesAt: new Date(request.closesAt) } : {}),
      place: request.place,
      member: { id: m.id, name: m.name, email: m.email },
      organizer: deps.organizer,
      joinUrl: convocation?.joinUrl ?? undefined,
      // Each member is told of the items they may see (réservataires, mayors: their own).
      agenda: request.agenda.flatMap((i) => {
        const d = dwellings.find((x) => x.id === i.dwellingId);
        if (!d || !mayAttendItem(seat, i.place)) return [];
        return [{ position: i.position, reference: d.reference, commune: d.commune, type: d.type, kind: i.kind }];
      }),
      noticePeriodDays: request.noticePeriodDays,
      urgencyReason: request.urgencyReason,
      // The member was sent an earlier version: this one replaces it.
      amended: (convocation?.sequence ?? 0) > 0,
      sequence: request.sequence - 1,
      publishedAt: request.publishedAt ? new Date(request.publishedAt) : new Date(),
      applicationUrl: deps.applicationUrl,
    };
    const messageId = `<convocation-${request.sessionId}-${m.id}-${request.sequence}@caleol>`;
    try {
      await deps.mailer.send({
        to: { name: m.name, address: m.email },
        subject: `${facts.amended ? 'Ordre du jour modifié' : 'Convocation'} — ${committee.name}, séance du ${frenchLongDate(facts.scheduledStart, request.timeZone)}`,
        text: convocationText(facts),
        invitation: { filename: 'convocation.ics', content: convocationInvitation(facts) },
        attachments: [{ filename: `convocation-${request.sessionId}-v${request.sequence}.pdf`, content: await convocationPdfOf(facts), contentType: 'application/pdf' }],
        messageId,
      });
    } catch (error) {
      failed.push({ memberId: m.id, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const sentAt = new Date();
    await db.convocation.upsert({
      where: { sessionId_memberId: { sessionId: request.sessionId, memberId: m.id } },
      create: { sessionId: request.sessionId, memberId: m.id, sentAt, messageId, sequence: request.sequence },
      update: { sentAt, messageId, sequence: request.sequence },
    });
    delivered.push({ memberId: m.id, at: sentAt.toISOString() });
  }
  return { sequence: request.sequence, meeting, delivered, failed };
}

/** Tells each convened member the session is cancelled, withdrawing the invitation. */
export async function notifyCancellation(deps: ConvocationDeps, notice: CancellationNotice): Promise<{ emailed: number; failed: number }> {
  const { db, mailer } = deps;
  const [committee, members] = await Promise.all([
    db.committee.findUniqueOrThrow({ where: { id: notice.committeeId } }),
    db.member.findMany({ where: { id: { in: notice.memberIds }, committeeId: notice.committeeId } }),
  ]);
  let emailed = 0;
  let failed = 0;
  for (const m of members) {
    const dedupeKey = `cancellation:${notice.sessionId}:${m.id}`;
    const row = await db.notification.upsert({
      where: { dedupeKey },
      create: { id: crypto.randomUUID(), dedupeKey, kind: 'session_cancellation', sessionId: notice.sessionId, recipient: m.email },
      update: {},
    });
    if (row.sentAt) {
      emailed++;
      continue;
    }
    if (!mailer) {
      failed++;
      continue;
    }
    const facts = { sessionId: notice.sessionId, committeeName: committee.name, landlord: committee.landlord, timeZone: committee.timeZone, scheduledStart: new Date(notice.scheduledStart), member: { id: m.id, name: m.name, email: m.email }, organizer: deps.organizer, reason: notice.reason, sequence: notice.sequence };
    const messageId = `<${dedupeKey.replaceAll(':', '-')}@caleol>`;
    try {
      await mailer.send({
        to: { name: m.name, address: m.email },
        subject: `Séance annulée — ${committee.name}, séance du ${frenchLongDate(facts.scheduledStart, committee.timeZone)}`,
        text: cancellationText(facts),
        invitation: { filename: 'annulation.ics', content: cancellationInvitation(facts), method: 'CANCEL' },
        messageId,
      });
    } catch {
      failed++;
      continue;
    }
    await db.notification.update({ where: { dedupeKey }, data: { sentAt: new Date(), messageId } });
    emailed++;
  }
  return { emailed, failed };
}
