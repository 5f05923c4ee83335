// Who reads what of a session: members their own committee's, réservataires their contingent's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../domain/session/index.ts';
import { apiClient, expectStatus } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;

beforeAll(async () => {
  h = await startHarness('visibility');
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@visibility', roles: ['secretary'] });
});
afterAll(async () => h?.close());

describe('reading a session', () => {
  it('shows a réservataire only its contingent\'s dwellings and refuses members of another committee', async () => {
    const input = committeeInput(' visibility');
    input.members!.push({ name: 'Action Logement', email: 'al@visibility.test', role: 'reservataire', contingent: 'Action Logement' });
    const committee = expectStatus<{ id: string; members: Array<{ id: string; name: string }> }>(await call('POST', '/committees', secretary, input), 201);
    const other = expectStatus<{ id: string; members: Array<{ id: string; name: string }> }>(await call('POST', '/committees', secretary, committeeInput(' elsewhere')), 201);
    const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(9) }), 201);
    const own = agendaItemInput('AL-1');
    own.dwelling.contingent = 'Action Logement';
    expectStatus(await call('POST', `/sessions/${session.id}/agenda-items`, secretary, own), 201);
    expectStatus(await call('POST', `/sessions/${session.id}/agenda-items`, secretary, agendaItemInput('PREF-1')), 201);

    const token = async (c: { members: Array<{ id: string; name: string }> }, name: string) => {
      const m = c.members.find((x) => x.name === name)!;
      return h.token({ subject: m.id, memberId: m.id, roles: ['member'] });
    };
    const asReservataire = expectStatus<SessionState>(await call('GET', `/sessions/${session.id}`, await token(committee, 'Action Logement')), 200);
    expect(asReservataire.agenda.map((i) => i.place.contingent)).toEqual(['Action Logement']);
    const asBoardMember = expectStatus<SessionState>(await call('GET', `/sessions/${session.id}`, await token(committee, 'Karim Benali')), 200);
    expect(asBoardMember.agenda).toHaveLength(2);
    const stranger = await call('GET', `/sessions/${session.id}`, await token(other, 'Karim Benali'));
    expect(expectStatus(stranger, 403)).toMatchObject({ rule: 'committee_scope' });
    expect(expectStatus<SessionState>(await call('GET', `/sessions/${session.id}`, await h.token({ subject: 'auditor@visibility', roles: ['auditor'] })), 200).agenda).toHaveLength(2);
  });

  it('keeps the minutes, which cover every dwelling, from a mandate limited to a contingent or a commune', async () => {
    const input = committeeInput(' minutes mandate');
    input.members!.push({ name: 'Action Logement', email: 'al@mandate.test', role: 'reservataire', contingent: 'Action Logement' });
    const committee = expectStatus<{ id: string; members: Array<{ id: string; name: string }> }>(await call('POST', '/committees', secretary, input), 201);
    const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(9) }), 201);
    const token = (name: string) => {
      const m = committee.members.find((x) => x.name === name)!;
      return h.token({ subject: m.id, memberId: m.id, roles: ['member'] });
    };
    for (const name of ['Action Logement', 'Maire de Villeneuve', 'Président Agglo']) {
      for (const url of [`/sessions/${session.id}/minutes`, `/sessions/${session.id}/minutes/verification`]) {
        expect(expectStatus(await call('GET', url, await token(name)), 403), `${name} reading ${url}`).toMatchObject({ rule: 'minutes_whole_mandate' });
      }
    }
    // A board member reaches the minutes (none drafted yet: 404, not 403).
    expect(expectStatus(await call('GET', `/sessions/${session.id}/minutes`, await token('Karim Benali')), 404)).toMatchObject({ code: 'not_found' });
  });
});
