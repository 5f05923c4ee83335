// A refused request changes nothing: the dwelling and application rows an agenda item names are
// written only if the session takes the item, and a finished session says so (409 and its phase)
// instead of a misleading 404, keeping the files of its applicants as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, expectStatus, untilConvened } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startSoon } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;

beforeAll(async () => {
  h = await startHarness('refused-unchanged');
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@refused', roles: ['secretary'] });
});
afterAll(async () => h?.close());

async function newSession(suffix: string) {
  const committee = expectStatus<{ id: string }>(await call('POST', '/committees', secretary, committeeInput(suffix)), 201);
  const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(10), mode: 'remote' }), 201);
  return { committeeId: committee.id, sessionId: session.id };
}

describe('an agenda item the session refuses', () => {
  it('leaves no dwelling and no application behind', async () => {
    const { committeeId, sessionId } = await newSession(' refus');
    const item = agendaItemInput('REF-1');
    const candidates = item.candidates!;
    // Two candidates and no exception: the three-candidate rule refuses it.
    const refused = await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, { ...item, candidates: candidates.slice(0, 2) });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ rule: 'three_candidates_per_dwelling' });
    expect(await h.db.dwelling.count({ where: { committeeId } })).toBe(0);
    expect(await h.db.application.count({ where: { committeeId } })).toBe(0);

    // The same item with its three candidates is taken, with its rows.
    expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, item), 201);
    expect(await h.db.dwelling.count({ where: { committeeId } })).toBe(1);
    expect(await h.db.application.count({ where: { committeeId } })).toBe(3);

    // Taken twice: the second is refused, and the first's files are not rewritten by it.
    const again = await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, {
      ...item, candidates: candidates.map((c) => ({ ...c, householdSummary: 'Réécrit', applicant: { name: 'Usurpateur', email: 'x@attacker.test' } })),
    });
    expect(again.statusCode, again.body).toBe(409);
    const files = await h.db.application.findMany({ where: { committeeId } });
    expect(files.map((f) => f.householdSummary).sort()).toEqual(candidates.map((c) => c.householdSummary).sort());
    expect(files.every((f) => f.applicantName === null && f.email === null)).toBe(true);
  });
});

describe('a request to a finished session', () => {
  it('answers 409 with the phase it ended in, and changes no file', async () => {
    const { committeeId, sessionId } = await newSession(' finie');
    const item = agendaItemInput('FIN-1');
    const candidates = item.candidates!;
    expectStatus(await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, item), 201);
    expectStatus(await call('POST', `/sessions/${sessionId}/agenda/publish`, secretary), 200);
    await untilConvened(call, `/sessions/${sessionId}`, secretary);
    expectStatus(await call('POST', `/sessions/${sessionId}/cancel`, secretary, { reason: 'salle indisponible' }), 200);
    await eventually(() => h.client.workflow.getHandle(`session-${sessionId}`).describe(), (d) => d.status.name === 'COMPLETED', 30_000);
    const before = await h.db.application.findMany({ where: { committeeId }, orderBy: { applicationNumber: 'asc' } });

    const late = await call('POST', `/sessions/${sessionId}/agenda-items`, secretary, {
      ...agendaItemInput('FIN-2'), candidates: candidates.map((c) => ({ ...c, householdSummary: 'Réécrit', applicant: { name: 'Usurpateur', email: 'x@attacker.test' } })),
    });
    expect(late.statusCode, late.body).toBe(409);
    expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(late.json()).toMatchObject({ code: 'session_finished', phase: 'cancelled' });
    expect(await h.db.application.findMany({ where: { committeeId }, orderBy: { applicationNumber: 'asc' } })).toEqual(before);
    expect(await h.db.dwelling.count({ where: { committeeId } })).toBe(1);

    const vote = await call('POST', `/sessions/${sessionId}/open`, secretary);
    expect(vote.statusCode, vote.body).toBe(409);
    expect(vote.json()).toMatchObject({ code: 'session_finished', phase: 'cancelled' });
  });
});
