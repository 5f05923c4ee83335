// The web application's side of the API: its pages served under /app/ with a policy of their own,
// a session's link opening its page, the dashboard's list of sessions and the members' files,
// each scoped like every read; and the application's client types generated from the API.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFiles } from '../../bin/api-client.ts';
import { apiClient, expectStatus } from '../support/api-client.ts';
import { agendaItemInput, committeeInput, startInDays } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let bare: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;
const dist = mkdtempSync(join(tmpdir(), 'caleol-web-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="fr"><title>CALEOL</title><script type="module" src="/app/assets/index-abc.js"></script></html>');
writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log("app")');

beforeAll(async () => {
  h = await startHarness('web-app', { webAppDir: dist });
  bare = await startHarness('web-app-unbuilt');
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@web', roles: ['secretary'] });
});
afterAll(async () => {
  await h?.close();
  await bare?.close();
});

interface Created { id: string; members: Array<{ id: string; name: string }> }

describe('the web application\'s pages', () => {
  it('serves the application under /app/ with its own content security policy, its hashed assets cached, anything else its page', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/' })).headers.location).toBe('/app/');
    for (const url of ['/app/', '/app/sessions/7b0c2c3e-0000-4000-8000-000000000001', '/app/audit']) {
      const page = await h.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('<html lang="fr">');
      const policy = String(page.headers['content-security-policy']);
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(page.headers['cache-control']).toBe('no-store');
    }
    const asset = await h.app.inject({ method: 'GET', url: '/app/assets/index-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // A path that climbs out of the build is the application's page, never a file.
    const climbing = await h.app.inject({ method: 'GET', url: '/app/assets/..%2f..%2fpackage.json' });
    expect(climbing.body).not.toContain('"name"');
    // The API keeps its own policy.
    expect(String((await h.app.inject({ method: 'GET', url: '/health' })).headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('says the application is not built, as a problem, where it is not', async () => {
    const res = await bare.app.inject({ method: 'GET', url: '/app/' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'web_application_not_built', rule: 'web_application_built' });
  });

  it('sends a person who opens a session\'s link (the convocation\'s) to its page; a client asking for JSON gets the API', async () => {
    const id = '7b0c2c3e-0000-4000-8000-000000000001';
    const opened = await h.app.inject({ method: 'GET', url: `/sessions/${id}`, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/app/sessions/${id}`);
    expect((await h.app.inject({ method: 'GET', url: `/sessions/${id}`, headers: { accept: 'application/json' } })).statusCode).toBe(401);
    // Only the session's page: its sub-resources stay the API's.
    expect((await h.app.inject({ method: 'GET', url: `/sessions/${id}/minutes`, headers: { accept: 'text/html' } })).statusCode).toBe(401);
  });
});

describe('what the pages read', () => {
  it('lists a committee\'s sessions latest first, filtered by date, to its members and staff only', async () => {
    const a = expectStatus<Created>(await call('POST', '/committees', secretary, committeeInput(` web list ${Date.now()}`)), 201);
    const other = expectStatus<Created>(await call('POST', '/committees', secretary, committeeInput(` web other ${Date.now()}`)), 201);
    const starts = [startInDays(10), startInDays(12)];
    const ids = [];
    for (const scheduledStart of starts) ids.push(expectStatus<{ id: string }>(await call('POST', `/committees/${a.id}/sessions`, secretary, { scheduledStart, mode: 'remote' }), 201).id);

    const list = expectStatus<{ timeZone: string; sessions: Array<{ id: string; phase: string; mode: string; scheduledStart: string }> }>(await call('GET', `/committees/${a.id}/sessions`, secretary), 200);
    expect(list.timeZone).toBe('Europe/Paris');
    expect(list.sessions.map((s) => s.id)).toEqual([ids[1], ids[0]]);
    expect(list.sessions[0]).toMatchObject({ phase: 'draft', mode: 'remote', scheduledStart: starts[1] });
    const later = expectStatus<{ sessions: Array<{ id: string }> }>(await call('GET', `/committees/${a.id}/sessions?from=${encodeURIComponent(startInDays(11))}`, secretary), 200);
    expect(later.sessions.map((s) => s.id)).toEqual([ids[1]]);
    expect(expectStatus(await call('GET', `/committees/${a.id}/sessions?limit=0`, secretary), 400)).toMatchObject({ code: 'invalid_request' });

    const karim = a.members.find((m) => m.name === 'Karim Benali')!;
    const karimToken = await h.token({ subject: karim.id, roles: ['member'], memberId: karim.id });
    expect(expectStatus<{ sessions: unknown[] }>(await call('GET', `/committees/${a.id}/sessions`, karimToken), 200).sessions).toHaveLength(2);
    expect(expectStatus(await call('GET', `/committees/${other.id}/sessions`, karimToken), 403)).toMatchObject({ rule: 'committee_scope' });
  });

  it('gives each reader the files of the items they may see: a mayor their commune\'s, staff every item, no applicant\'s contact', async () => {
    const a = expectStatus<Created>(await call('POST', '/committees', secretary, committeeInput(` web files ${Date.now()}`)), 201);
    const session = expectStatus<{ id: string }>(await call('POST', `/committees/${a.id}/sessions`, secretary, { scheduledStart: startInDays(9), mode: 'remote' }), 201);
    const villeneuve = agendaItemInput(`WV-${Date.now()}`, 'Villeneuve');
    villeneuve.candidates![0]!.applicant = { name: 'Mme Applicant', email: 'applicant@example.test' };
    expectStatus(await call('POST', `/sessions/${session.id}/agenda-items`, secretary, villeneuve), 201);
    expectStatus(await call('POST', `/sessions/${session.id}/agenda-items`, secretary, agendaItemInput(`WA-${Date.now()}`, 'Autreville')), 201);

    type Files = { items: Array<{ dwelling: { reference: string; commune: string }; candidates: Array<{ applicationNumber: string; rank: number; householdSummary: string }> }> };
    const all = expectStatus<Files>(await call('GET', `/sessions/${session.id}/files`, secretary), 200);
    expect(all.items.map((i) => i.dwelling.commune)).toEqual(['Villeneuve', 'Autreville']);
    expect(all.items[0]!.candidates.map((c) => [c.rank, c.applicationNumber])).toEqual([[1, `${villeneuve.dwelling.reference}-A`], [2, `${villeneuve.dwelling.reference}-B`], [3, `${villeneuve.dwelling.reference}-C`]]);
    expect(JSON.stringify(all)).not.toContain('applicant@example.test');
    expect(JSON.stringify(all)).not.toContain('Mme Applicant');

    const mayor = a.members.find((m) => m.name === 'Maire de Villeneuve')!;
    const mayorFiles = expectStatus<Files>(await call('GET', `/sessions/${session.id}/files`, await h.token({ subject: mayor.id, roles: ['member'], memberId: mayor.id })), 200);
    expect(mayorFiles.items.map((i) => i.dwelling.commune)).toEqual(['Villeneuve']);
  });
});

describe('the web application\'s client', () => {
  it('has the client\'s document and types the routes generate now (npm run generate:client)', { timeout: 60_000 }, async () => {
    for (const [file, text] of Object.entries(await clientFiles())) expect(readFileSync(file, 'utf8'), file).toBe(text);
  });
});
