// GET /outbox: the mail the embedded default's mail catcher kept, shown to the secretariat and
// ops: the convocations a published agenda sent, each with its PDF and its invitation.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../activities/notify/mailer.ts';
import { startMailCatcher } from '../../bin/embedded.ts';
import { apiClient, expectStatus, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { freePort } from '../support/ports.ts';
import { veraPdf } from '../support/pdf-validators.ts';

let h: Harness;
let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
let call: ReturnType<typeof apiClient>;
let secretary: string;

interface Listed { id: string; to: string; subject: string; attachments: Array<{ index: number; filename: string; contentType: string }> }

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  catcher = await startMailCatcher(dir, await freePort());
  h = await startHarness('outbox', { mailer: smtpMailer(catcher.url, 'Secrétariat <caleol@oph.test>'), outboxDir: dir });
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@outbox', roles: ['secretary'] });
});
afterAll(async () => {
  await h?.close();
  await catcher?.stop();
});

describe('the outbox of the embedded default', () => {
  it('lists the convocations sent, each with its PDF and its invitation, for the secretariat and ops only', async () => {
    const committee = expectStatus<{ id: string; members: Array<{ id: string; email: string }> }>(await call('POST', '/committees', secretary, committeeInput(' outbox')), 201);
    const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(14), mode: 'in_person', place: 'Salle du conseil, 3 rue de la Mairie, Évry' }), 201);
    expectStatus(await call('POST', `/sessions/${session.id}/agenda-items`, secretary, agendaItemInput('OUT-1')), 201);
    expectStatus(await call('POST', `/sessions/${session.id}/agenda/publish`, secretary), 200);
    await untilConvened(call, `/sessions/${session.id}`, secretary);

    const { messages } = expectStatus<{ messages: Listed[] }>(await call('GET', '/outbox', secretary), 200);
    const convocations = messages.filter((m) => m.subject.startsWith('Convocation'));
    expect(convocations.map((m) => /<([^>]+)>/.exec(m.to)?.[1]).sort()).toEqual(committee.members.map((m) => m.email).sort());
    const first = convocations[0]!;
    // The PDF, and the invitation once as the calendar alternative and once as a file: no copy of either.
    expect(first.attachments.map((a) => a.contentType).sort()).toEqual(['application/ics', 'application/pdf', 'text/calendar']);
    const pdf = first.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.filename).toBe(`convocation-${session.id}-v1.pdf`);

    const message = expectStatus<{ text: string }>(await call('GET', `/outbox/${first.id}`, secretary), 200);
    expect(message.text).toContain('Lieu : Salle du conseil, 3 rue de la Mairie, Évry.');
    const download = await h.app.inject({ method: 'GET', url: `/outbox/${first.id}/attachments/${pdf.index}`, headers: { authorization: `Bearer ${secretary}` } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect((await veraPdf('2b', { convocation: download.rawPayload })).failures.convocation).toEqual([]);
    const ics = first.attachments.find((a) => a.contentType === 'application/ics' || a.contentType === 'text/calendar')!;
    const invitation = await h.app.inject({ method: 'GET', url: `/outbox/${first.id}/attachments/${ics.index}`, headers: { authorization: `Bearer ${secretary}` } });
    expect(invitation.payload).toMatch(/METHOD:REQUEST/);
    expect(invitation.payload).toMatch(/LOCATION:Salle du conseil\\, 3 rue de la Mairie\\, Évry/);

    const ops = await h.token({ subject: 'ops@outbox', roles: ['ops'] });
    expectStatus(await call('GET', '/outbox?limit=1', ops), 200);
    const member = await h.token({ subject: committee.members[0]!.id, memberId: committee.members[0]!.id, roles: ['member'] });
    expectStatus(await call('GET', '/outbox', member), 403);
    expect(expectStatus(await call('GET', '/outbox/..%2F..%2Fetc%2Fpasswd', secretary), 400)).toMatchObject({ status: 400 });
    expectStatus(await call('GET', '/outbox/2026-01-01T00-00-00.000Z-nothing', secretary), 404);
  });
});
