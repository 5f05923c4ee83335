// A session's decision history as an auditor reads it: every recorded step in the order it was
// chained, each with a one-line account naming people, and the step as recorded.
import type { Database } from '../../prisma/database.ts';

export interface TimelineEntry {
  seq: number | null;
  at: string;
  type: string;
  actor: string;
  summary: string;
  details: Record<string, unknown>;
}

type Payload = Record<string, any>;

function quorumText(q: Payload | undefined): string {
  return q ? `quorum ${q.present + q.represented}/${q.rosterSize} (required ${q.required}${q.reached ? ', reached' : ', not reached'})` : 'quorum not recorded';
}

/** Why an item was deferred, where the cause (not a reason given) says it. */
const deferralCauseText: Record<string, string> = {
  tie_without_mayor: 'a tie without the mayor of the commune', participation_not_reached: 'too few of its roster voted in the written session',
  proposal_rejected: 'the proposal was not adopted in the written session', no_proposal: 'no proposal was put to the written session',
};

function summary(type: string, p: Payload, name: (id: string | undefined) => string): string {
  switch (type) {
    case 'session_scheduled': return p.reconvenedFrom ? `session scheduled, reconvened after the carence of ${p.reconvenedFrom}` : 'session scheduled';
    case 'agenda_item_added': return `agenda item ${p.item?.position} added${p.reason ? ` (${p.reason})` : ''}`;
    case 'agenda_item_removed': return `agenda item ${p.itemId} removed${p.reason ? ` (${p.reason})` : ''}`;
    case 'agenda_published': return `agenda published with ${p.items?.length ?? 0} item(s)${p.urgencyReason ? `, urgency: ${p.urgencyReason}` : ''}`;
    case 'agenda_amended': return `agenda amended (version ${p.sequence}): ${p.reason}`;
    case 'convocations_sent': return `agenda version ${p.sequence} sent: ${p.delivered?.length ?? 0} delivered${p.failed?.length ? `, not delivered to ${p.failed.map((f: Payload) => `${name(f.memberId)} (${f.reason})`).join(', ')}` : ''}${p.meeting ? `, Zoom meeting ${p.meeting.id}` : ''}`;
    case 'convocation_delivered': return `convocation of ${name(p.memberId)} delivered by ${p.channel === 'hand_delivery' ? 'hand' : 'registered letter'} on ${p.deliveredAt} (${p.reason})`;
    case 'session_cancelled': return `session cancelled: ${p.reason}`;
    case 'cancellation_sent': return `cancellation sent to ${p.emailed} member(s)${p.failed ? `, ${p.failed} not reached` : ''}`;
    case 'minutes_amendment_requested': return `amendment of the minutes into version ${p.version} requested: ${p.reason}`;
    case 'session_opened': return `session opened, ${quorumText(p.quorum)}${p.unconvened ? `; not convened: ${p.unconvened.memberIds.map(name).join(', ')} (${p.unconvened.reason})` : ''}`;
    case 'deliberations_started': return `deliberations started: ${quorumText(p.quorum)}`;
    case 'attendance_recorded': return `${name(p.memberId)} ${p.present ? 'present' : 'absent'} (${p.how ?? 'manual'}), ${quorumText(p.quorum)}`;
    case 'attendance_reconciled': return `attendance reconciled with the meeting report (${p.report?.length ?? 0} join sessions, ${p.changed?.length ?? 0} change(s)), ${quorumText(p.quorum)}`;
    case 'attendance_not_reconciled': return `attendance not reconciled: ${p.reason}`;
    case 'participant_mapped': return `meeting participant recognised as ${name(p.memberId)}`;
    case 'proxy_registered': return `${name(p.principalId)} gives a proxy to ${name(p.holderId)}`;
    case 'proxy_revoked': return `proxy of ${name(p.principalId)} to ${name(p.holderId)} revoked`;
    case 'conflict_declared': return `${name(p.memberId)} declares a conflict of interest on item ${p.itemId}`;
    case 'vote_opened': return `vote opened on item ${p.itemId}, ${quorumText(p.quorum)}${p.warnings?.length ? `; warnings: ${p.warnings.join('; ')}` : ''}`;
    case 'vote_cast': return `${name(p.memberId)} votes ${p.choice}${p.castBy && p.castBy !== p.memberId ? ` (cast by ${name(p.castBy)}, proxy holder)` : ''}`;
    case 'vote_closed': {
      const r = p.result ?? {};
      const c = r.counts ?? {};
      const casting = r.castingVoterId ? `, casting vote of the mayor ${name(r.castingVoterId)}` : '';
      return `vote on item ${p.itemId} closed: ${r.outcome} by rule ${r.decidedBy} (for ${c.for}, against ${c.against}, abstain ${c.abstain})${casting}, ${quorumText(r.quorum)}; item ${r.itemStatus}`;
    }
    case 'item_deferred': return `item ${p.itemId} ${p.cause === 'referral' ? 'referred to an in-person session' : 'deferred'}: ${deferralCauseText[p.cause as string] ?? p.reason}`;
    case 'session_adjourned': return `session adjourned: ${p.cause === 'members_not_convened' ? 'members not convened' : 'no quorum'} ${p.gracePeriodMinutes} minutes after the convened time, ${quorumText(p.quorum)}`;
    case 'session_reconvened': return `reconvened as session ${p.reconvenedSessionId} on ${p.scheduledStart}`;
    case 'session_closed': return 'session closed';
    case 'minutes_drafted': return `minutes version ${p.version} drafted (${p.sha256})`;
    case 'minutes_amended': return `minutes amended into version ${p.version} (${p.sha256}): ${p.reason}`;
    case 'minutes_signed': return `minutes version ${p.version} signed by the ${p.role} ${name(p.memberId)}${p.keyFingerprint ? ` with key ${p.keyFingerprint}` : ''}`;
    case 'signature_reminder_sent': return `reminder ${p.reminder} to sign version ${p.version} (missing: ${p.missing?.join(', ')})`;
    case 'signatures_overdue': return `unsigned minutes escalated to ops (missing: ${p.missing?.join(', ')})`;
    case 'applicants_notified': return `${p.letters} applicant letter(s), ${p.emailed} e-mailed; minutes sent to ${p.minutesToPrefect} prefect member(s)`;
    case 'offers_started': return `offers started for ${p.items?.length ?? 0} dwelling(s)`;
    case 'offer_made': return `dwelling offered to application ${p.applicationId} (rank ${p.rank}) until ${p.deadline}`;
    case 'offer_accepted':
    case 'offer_declined':
    case 'offer_expired': return `offer to application ${p.applicationId} ${type.slice('offer_'.length)}${p.reason ? `: ${p.reason}` : ''}`;
    case 'dwelling_to_reallocate': return `no ranked candidate left: the dwelling goes back to a future agenda`;
    case 'session_completed': return 'session completed';
    case 'ops_action': return `ops ${p.action}: ${p.reason}`;
    case 'window_opened': return `written session's window opened, closing ${p.closesAt}`;
    case 'message_posted': return `message on item ${p.itemId}: ${p.text}`;
    case 'referral_requested': return `referral of item ${p.itemId} to a live sitting requested (${p.requests} of ${p.required}): ${p.reason}`;
    case 'window_extended': return `window extended from ${p.from} to ${p.to}: ${p.reason}`;
    case 'voters_reminded': return `${p.memberIds?.length ?? 0} member(s) who had not voted reminded ${p.hoursBefore} h before the close (${p.emailed} e-mailed)`;
    case 'window_closed': return `written session's window closed${p.early ? ' early, every seat having voted' : ''}`;
    default: return type.replaceAll('_', ' ');
  }
}

export async function sessionTimeline(db: Database, sessionId: string, committeeId: string): Promise<TimelineEntry[]> {
  const [events, members] = await Promise.all([
    db.auditEvent.findMany({ where: { sessionId }, orderBy: { id: 'asc' } }),
    db.member.findMany({ where: { committeeId }, select: { id: true, name: true } }),
  ]);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const name = (id: string | undefined) => (id === undefined ? 'someone' : names.get(id) ?? id);
  return events.map((e) => ({
    seq: e.seq,
    at: e.occurredAt.toISOString(),
    type: e.type,
    actor: names.get(e.actor) ?? e.actor,
    summary: summary(e.type, e.payload as Payload, name),
    details: e.payload as Record<string, unknown>,
  }));
}
