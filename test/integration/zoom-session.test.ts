// A remote session on Zoom, end to end: the API, a real Temporal server and PostgreSQL, the Zoom
// emulator (REST and signed webhooks) and a real SMTP server. Attendance, and so quorum, follows
// who is in the meeting, with no manual input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, type Mailer } from '../../activities/notify/mailer.ts';
import { zoomMeetings } from '../../activities/zoom/zoom-meetings.ts';
import type { SessionState } from '../../domain/session/index.ts';
import { apiClient, expectStatus, signMinutesAs, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';
import { replayAndKeep } from '../support/histories.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { startZoomEmulator, type ZoomEmulator } from '../support/zoom-emulator.ts';

const webhookSecret = 'zoom-webhook-secret-token-for-tests';
let zoom: ZoomEmulator;
let smtp: SmtpSink;
let mailer: Mailer;
let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;

beforeAll(async () => {
  zoom = await startZoomEmulator({ webhookSecretToken: webhookSecret, accountId: 'acct-test', clientId: 'client-test', clientSecret: 'secret-test', retryDelaysMs: [50, 100, 200] });
  smtp = await startSmtpSink();
  mailer = smtpMailer(smtp.url, 'Secrétariat CALEOL <caleol@oph.test>');
  h = await startHarness('zoom-session', { zoom: zoomMeetings(zoom.clientSettings()), mailer, zoomWebhookSecret: webhookSecret });
  const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
  zoom.setWebhookUrl(`${address}/webhooks/zoom`);
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@zoom', roles: ['secretary'] });
});
afterAll(async () => {
  await h?.close();
  mailer?.close();
  await smtp?.close();
  await zoom?.close();
});

async function conveneSession(suffix: string) {
  const committee = expectStatus<{ id: string; members: Array<{ id: string; name: string; email: string; role: string; chair: boolean }> }>(
    await call('POST', '/committees', secretary, committeeInput(suffix)), 201);
  const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(10), mode: 'remote' }), 201);
  const base = `/sessions/${session.id}`;
  const item = expectStatus<{ id: string; candidates: Array<{ applicationId: string }> }>(await call('POST', `${base}/agenda-items`, secretary, agendaItemInput(`Z${suffix.trim()}-1`)), 201);
  const second = expectStatus<{ id: string; candidates: Array<{ applicationId: string }> }>(await call('POST', `${base}/agenda-items`, secretary, agendaItemInput(`Z${suffix.trim()}-2`)), 201);
  expectStatus(await call('POST', `${base}/agenda/publish`, secretary), 200);
  await untilConvened(call, `${base}`, secretary);
  const state = await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.meeting !== undefined);
  const convocations = await eventually(() => h.db.convocation.findMany({ where: { sessionId: session.id } }), (rows) => rows.length === committee.members.length && rows.every((r) => r.sentAt !== null));
  return { committee, session, base, item, second, state, convocations };
}

const proposal = (item: { candidates: Array<{ applicationId: string }> }) =>
  ({ proposal: item.candidates.map((c, i) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: i + 1 })) });

describe('a remote session on Zoom', () => {
  it('convenes by e-mail with personal links, follows the meeting for quorum, and stops votes when quorum is lost', { timeout: 120_000 }, async () => {
    const { committee, session, base, item, second, state, convocations } = await conveneSession(' zoom');
    expect(state.videoProvider).toBe('zoom');
    const meetingId = state.meeting!.id;

    // One registrant per member, each with a personal link.
    const registrants = zoom.registrants(meetingId);
    expect(registrants.map((r) => r.email).sort()).toEqual(committee.members.map((m) => m.email).sort());
    expect(new Set(convocations.map((c) => c.joinUrl)).size).toBe(committee.members.length);

    // The convocations, as the members receive them.
    const mails = smtp.messages.filter((m) => m.subject?.includes('CALEOL Nord zoom'));
    expect(mails).toHaveLength(committee.members.length);
    for (const member of committee.members) {
      const mail = mails.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === member.email)!;
      const link = convocations.find((c) => c.memberId === member.id)!.joinUrl!;
      expect(mail.text).toContain(link);
      const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.filename === 'convocation.ics');
      expect(ics, `invitation for ${member.email}`).toBeDefined();
      // Lines of an iCalendar file are folded at 75 octets.
      const calendar = ics!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
      expect(calendar).toContain('METHOD:REQUEST');
      expect(calendar).toContain(`UID:session-${session.id}-member-${member.id}@caleol`);
      expect(calendar).toContain(link);
      expect(calendar).toMatch(/ATTENDEE;.*mailto:/);
    }

    // Each member reads their own link in the application, and only their own.
    for (const member of committee.members.slice(0, 2)) {
      const token = await h.token({ subject: member.id, memberId: member.id, roles: member.chair ? ['member', 'chair'] : ['member'] });
      expect(expectStatus(await call('GET', `${base}/join-link`, token), 200)).toEqual({ joinUrl: convocations.find((c) => c.memberId === member.id)!.joinUrl });
    }
    expect((await call('GET', `${base}/join-link`, secretary)).statusCode).toBe(403);

    // Members join through their personal links: quorum with no manual input.
    await zoom.startMeeting(meetingId);
    expectStatus(await call('POST', `${base}/open`, secretary), 200);
    const registrantOf = (name: string) => convocations.find((c) => c.memberId === committee.members.find((m) => m.name === name)!.id)!.registrantId!;
    const joined = new Map<string, string>();
    for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Préfecture']) {
      joined.set(name, (await zoom.join(meetingId, { name, registrantId: registrantOf(name) })).userId);
    }
    // A guest with the same display name as an absent member never counts.
    await zoom.join(meetingId, { name: 'Amina Diallo' });
    await zoom.flush();
    const deliberating = await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.phase === 'deliberating');
    expect(deliberating.quorum).toMatchObject({ present: 5, rosterSize: 7, reached: true });
    expect(Object.values(deliberating.attendance).every((a) => a.how === 'zoom')).toBe(true);
    const amina = committee.members.find((m) => m.name === 'Amina Diallo')!;
    expect(deliberating.attendance[amina.id]).toBeUndefined();
    expect(deliberating.participants.filter((p) => p.guestName === 'Amina Diallo')).toHaveLength(1);

    // A vote runs: the item's roster adds the mayor and the EPCI president (9), five present.
    expectStatus(await call('POST', `${base}/agenda-items/${item.id}/vote/open`, secretary, proposal(item)), 200);
    for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy']) {
      const m = committee.members.find((x) => x.name === name)!;
      expectStatus(await call('POST', `${base}/agenda-items/${item.id}/votes`, await h.token({ subject: m.id, memberId: m.id, roles: m.chair ? ['member', 'chair'] : ['member'] }), { choice: 'for' }), 200);
    }
    expect(expectStatus(await call('POST', `${base}/agenda-items/${item.id}/vote/close`, secretary), 200)).toMatchObject({ outcome: 'adopted' });

    // Jean leaves: four of nine for the next dwelling, quorum lost, the vote cannot open.
    await zoom.leave(meetingId, joined.get('Jean Dupuis')!);
    await zoom.flush();
    await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.quorum.present === 4);
    const refused = await call('POST', `${base}/agenda-items/${second.id}/vote/open`, secretary, proposal(second));
    expect(expectStatus(refused, 422)).toMatchObject({ rule: 'quorum_before_each_vote' });

    // He rejoins (a new join session) and the session continues.
    await zoom.join(meetingId, { name: 'Jean Dupuis', registrantId: registrantOf('Jean Dupuis') });
    await zoom.flush();
    await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.quorum.present === 5);
    expectStatus(await call('POST', `${base}/agenda-items/${second.id}/vote/open`, secretary, proposal(second)), 200);
    const jean = committee.members.find((m) => m.name === 'Jean Dupuis')!;
    expectStatus(await call('POST', `${base}/agenda-items/${second.id}/votes`, await h.token({ subject: jean.id, memberId: jean.id, roles: ['member'] }), { choice: 'for' }), 200);
    expectStatus(await call('POST', `${base}/agenda-items/${second.id}/vote/close`, secretary), 200);

    // Closing ends the meeting; the participant report completes the attendance for the minutes.
    expectStatus(await call('POST', `${base}/close`, secretary), 200);
    const drafted = await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.phase === 'minutes_drafted', 30_000);
    expect(drafted.meeting?.reconciledAt).toBeDefined();
    expect(zoom.meeting(meetingId)?.instances.at(-1)?.endTime).toBeDefined();
    const minutes = await h.db.minutes.findFirstOrThrow({ where: { sessionId: session.id } });
    const doc = minutes.document as { meeting: { provider: string; joinSessions: Array<{ member?: { name: string }; guest?: string }> } };
    expect(doc.meeting.provider).toBe('zoom');
    expect(doc.meeting.joinSessions.filter((s) => s.member?.name === 'Jean Dupuis')).toHaveLength(2);
    expect(doc.meeting.joinSessions.filter((s) => s.guest === 'Amina Diallo')).toHaveLength(1);

    const chairId = committee.members.find((m) => m.chair)!.id;
    expectStatus(await signMinutesAs(call, { token: await h.token({ subject: chairId, memberId: chairId, roles: ['member', 'chair'] }), committeeId: committee.id, sessionId: session.id, sha256: drafted.minutes!.sha256 }), 200);
    const handle = h.client.workflow.getHandle(`session-${session.id}`);
    await handle.result();
    await replayAndKeep(handle, 'session-zoom');
  });
});

describe('Zoom webhooks from outside', () => {
  it('answer the URL validation as Zoom checks it', async () => {
    const result = await zoom.validateEndpoint();
    expect(result).toMatchObject({ valid: true });
  });

  it('refuse forged, stale and unsigned deliveries with 401 and change nothing', async () => {
    const body = JSON.stringify({ event: 'meeting.participant_joined', event_ts: Date.now(), payload: { account_id: 'acct-test', object: { id: 1, uuid: 'u', participant: { user_id: '1', user_name: 'x', join_time: new Date().toISOString() } } } });
    const now = Math.floor(Date.now() / 1000);
    const { zoomSignature } = await import('../../api/zoom-signature.ts');
    const post = (headers: Record<string, string>) => h.app.inject({ method: 'POST', url: '/webhooks/zoom', payload: body, headers: { 'content-type': 'application/json', ...headers } });
    const unsigned = await post({});
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.headers['content-type']).toContain('application/problem+json');
    expect((await post({ 'x-zm-request-timestamp': String(now), 'x-zm-signature': zoomSignature('another secret', String(now), body) })).statusCode).toBe(401);
    const stale = String(now - 3600);
    expect((await post({ 'x-zm-request-timestamp': stale, 'x-zm-signature': zoomSignature(webhookSecret, stale, body) })).statusCode).toBe(401);
    const tampered = body.replace('"x"', '"y"');
    expect((await h.app.inject({ method: 'POST', url: '/webhooks/zoom', payload: tampered, headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': String(now), 'x-zm-signature': zoomSignature(webhookSecret, String(now), body) } })).statusCode).toBe(401);
    // A well-signed delivery for an unknown meeting is acknowledged and ignored.
    expect((await post({ 'x-zm-request-timestamp': String(now), 'x-zm-signature': zoomSignature(webhookSecret, String(now), body) })).statusCode).toBe(200);
  });
});

describe('Zoom deliveries that come twice, out of order or not at all', () => {
  it('end with the attendance that really happened, once the meeting report is reconciled', { timeout: 120_000 }, async () => {
    const { committee, base, state, convocations } = await conveneSession(' chaos');
    const meetingId = state.meeting!.id;
    const memberOf = (name: string) => committee.members.find((m) => m.name === name)!;
    const registrantOf = (name: string) => convocations.find((c) => c.memberId === memberOf(name).id)!.registrantId!;
    await zoom.startMeeting(meetingId);
    expectStatus(await call('POST', `${base}/open`, secretary), 200);

    // Duplicates and reordering only: the live attendance is right as soon as all has arrived.
    zoom.setChaos({ duplicate: 0.5, reorder: true, reorderWindowMs: 40 });
    const t0 = Date.now() - 60 * 60_000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const sessions = new Map<string, string>();
    for (const [i, name] of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Amina Diallo', 'Préfecture'].entries()) {
      sessions.set(name, (await zoom.join(meetingId, { name, registrantId: registrantOf(name), at: at(i) })).userId);
    }
    await zoom.leave(meetingId, sessions.get('Amina Diallo')!, at(10));
    await zoom.rejoin(meetingId, sessions.get('Karim Benali')!, at(12));
    await zoom.flush();
    const live = await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.quorum.present === 5);
    expect(zoom.deliveries.some((d) => d.copy === 2)).toBe(true);
    expect(live.attendance[memberOf('Amina Diallo').id]?.present).toBe(false);
    expect(live.attendance[memberOf('Karim Benali').id]?.present).toBe(true);

    // Now some deliveries are lost: Sophie's departure and Paul's arrival never reach us.
    zoom.setChaos({ drop: 2 });
    await zoom.leave(meetingId, sessions.get('Sophie Leroy')!, at(20));
    const paul = await zoom.join(meetingId, { name: 'Paul Garnier', registrantId: registrantOf('Paul Garnier'), at: at(21) });
    zoom.setChaos({});
    await zoom.leave(meetingId, paul.userId, at(30));
    await zoom.flush();
    expect(zoom.deliveries.filter((d) => d.outcome === 'dropped')).toHaveLength(2);

    // The mayor joined from a colleague's computer, without his link: the secretary says who he is.
    const guest = await zoom.join(meetingId, { name: 'Poste accueil mairie', at: at(31) });
    await zoom.flush();
    await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.participants.some((p) => p.key === guest.userId));
    const mayor = memberOf('Maire de Villeneuve');
    expect(expectStatus(await call('POST', `${base}/participants/mapping`, secretary, { participantKey: 'nobody', memberId: mayor.id }), 404)).toMatchObject({ rule: 'participant_in_meeting' });
    expectStatus(await call('POST', `${base}/participants/mapping`, secretary, { participantKey: guest.userId, memberId: mayor.id }), 200);
    expect(expectStatus<SessionState>(await call('GET', base, secretary), 200).attendance[mayor.id]?.present).toBe(true);

    // Every item is deferred so the session can close; closing ends the meeting and reconciles.
    const detail = expectStatus<SessionState>(await call('GET', base, secretary), 200);
    for (const item of detail.agenda) expectStatus(await call('POST', `${base}/agenda-items/${item.id}/deferral`, secretary, { reason: 'Dossiers incomplets' }), 200);
    expectStatus(await call('POST', `${base}/close`, secretary), 200);
    const reconciled = await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.phase === 'minutes_drafted', 30_000);

    // What happened, from the emulator's own record of the meeting.
    const instance = zoom.meeting(meetingId)!.instances.at(-1)!;
    const memberByRegistrant = new Map(convocations.map((c) => [c.registrantId, c.memberId]));
    const truth = instance.sessions
      .filter((s) => s.joinTime)
      .map((s) => ({ memberId: s.userId === guest.userId ? mayor.id : memberByRegistrant.get(s.registrantId ?? null), joinedAt: s.joinTime, leftAt: s.leaveTime ?? instance.endTime }))
      .sort((a, b) => `${a.memberId}${a.joinedAt}`.localeCompare(`${b.memberId}${b.joinedAt}`));
    const recorded = reconciled.participants
      .map((p) => ({ memberId: p.memberId, joinedAt: p.joinedAt, leftAt: p.leftAt }))
      .sort((a, b) => `${a.memberId}${a.joinedAt}`.localeCompare(`${b.memberId}${b.joinedAt}`));
    expect(recorded).toEqual(truth);
    expect(recorded.filter((p) => p.memberId === memberOf('Paul Garnier').id)).toHaveLength(1);
    expect(recorded.filter((p) => p.memberId === memberOf('Karim Benali').id)).toHaveLength(2);
  });
});
