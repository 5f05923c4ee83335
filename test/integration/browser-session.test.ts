// The browser's session for the web application: a demo sign-in that keeps the token in an
// HttpOnly, SameSite=Strict cookie, accepted in place of a bearer token, with every write it
// carries refused unless it comes from the application's own origin (CSRF).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeInput } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
const own = { host: 'caleol.test', origin: 'http://caleol.test' };

beforeAll(async () => {
  h = await startHarness('browser-session', {
    demoUsers: [
      { id: 'secretary@demo', label: 'Secrétariat CALEOL', claims: { subject: 'secretary@demo', roles: ['secretary'], name: 'Secrétariat CALEOL' } },
      { id: 'auditor@demo', label: 'Audit interne', claims: { subject: 'auditor@demo', roles: ['auditor'], name: 'Audit interne' } },
    ],
  });
});
afterAll(async () => h?.close());

async function signIn(user: string, headers: Record<string, string> = own) {
  return h.app.inject({ method: 'POST', url: '/auth/demo-sign-in', headers, payload: { user } });
}
const cookieOf = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;

describe('the browser session', () => {
  it('lists the demo users and signs one in with an HttpOnly, SameSite=Strict cookie, from the application\'s own pages only', async () => {
    const users = await h.app.inject({ method: 'GET', url: '/auth/demo-users' });
    expect(users.json()).toEqual({ users: [{ id: 'secretary@demo', label: 'Secrétariat CALEOL', roles: ['secretary'] }, { id: 'auditor@demo', label: 'Audit interne', roles: ['auditor'] }] });

    const fromElsewhere = await signIn('secretary@demo', { host: own.host, origin: 'https://attacker.example' });
    expect(fromElsewhere.statusCode).toBe(403);
    expect(fromElsewhere.json()).toMatchObject({ rule: 'same_origin_writes' });
    expect(fromElsewhere.headers['set-cookie']).toBeUndefined();
    expect((await signIn('secretary@demo', { host: own.host })).statusCode).toBe(403);
    expect((await signIn('nobody@demo')).statusCode).toBe(404);

    const signed = await signIn('secretary@demo');
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ subject: 'secretary@demo', roles: ['secretary'], name: 'Secrétariat CALEOL' });
    const attributes = String(signed.headers['set-cookie']).split(';').map((a) => a.trim());
    expect(attributes[0]).toMatch(/^caleol_session=ey/);
    expect(attributes.slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=43200', 'Path=/', 'SameSite=Strict']);
  });

  it('is accepted for reads, and for writes only with the application\'s own Origin; a bearer token needs none', async () => {
    const cookie = cookieOf((await signIn('secretary@demo')).headers['set-cookie']);
    expect((await h.app.inject({ method: 'GET', url: '/auth/me', headers: { cookie } })).json()).toMatchObject({ subject: 'secretary@demo', roles: ['secretary'] });
    expect((await h.app.inject({ method: 'GET', url: '/committees', headers: { cookie } })).statusCode).toBe(200);

    const before = await h.db.committee.count();
    const forged = await h.app.inject({ method: 'POST', url: '/committees', headers: { cookie, host: own.host, origin: 'https://attacker.example' }, payload: committeeInput(' forged') });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'forbidden', rule: 'same_origin_writes' });
    const noOrigin = await h.app.inject({ method: 'POST', url: '/committees', headers: { cookie, host: own.host }, payload: committeeInput(' forged') });
    expect(noOrigin.statusCode).toBe(403);
    expect(await h.db.committee.count()).toBe(before);

    const made = await h.app.inject({ method: 'POST', url: '/committees', headers: { cookie, ...own }, payload: committeeInput(' browser') });
    expect(made.statusCode).toBe(201);
    const bearer = await h.token({ subject: 'secretary@api', roles: ['secretary'] });
    expect((await h.app.inject({ method: 'POST', url: '/committees', headers: { authorization: `Bearer ${bearer}` }, payload: committeeInput(' api') })).statusCode).toBe(201);
  });

  it('ends with sign-out: the cookie is cleared, and a made-up cookie is refused', async () => {
    const out = await h.app.inject({ method: 'POST', url: '/auth/sign-out', headers: own });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^caleol_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/);
    const forged = await h.app.inject({ method: 'GET', url: '/auth/me', headers: { cookie: 'caleol_session=not-a-token' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'invalid_token' });
    const garbled = await h.app.inject({ method: 'GET', url: '/auth/me', headers: { cookie: 'caleol_session=%E0%A4%A' } });
    expect(garbled.statusCode).toBe(401);
  });
});
