// The browser's sign-in at the organisation's identity provider: the authorization code flow
// with PKCE, against a local provider that checks the code verifier (S256), the client and the
// redirect as a real one does, and signs its tokens with a key it publishes.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.ts';
import { oidcTokenVerifier } from '../../api/auth.ts';
import { oidcSignIn } from '../../api/services/oidc-sign-in.ts';
import { startHarness, type Harness } from '../support/harness.ts';

const clientId = 'caleol-web';
const audience = 'api://caleol-engine';
const redirectUri = 'https://caleol.example/auth/callback';

interface Grant { challenge: string; nonce: string; redirectUri: string; used: boolean }

let server: Server;
let issuer: string;
let key: CryptoKey;
let jwk: JWK;
const grants = new Map<string, Grant>();
let h: Harness;
let app: App;

async function tokenFor(claims: Record<string, unknown>, aud: string): Promise<string> {
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setAudience(aud).setSubject('sub-secretary')
    .setIssuedAt().setExpirationTime('1h').sign(key);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  jwk = await exportJWK(pair.publicKey);
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/keys`,
        response_types_supported: ['code'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'], token_endpoint_auth_methods_supported: ['client_secret_post'],
      });
    }
    if (url.pathname === '/keys') return json(200, { keys: [{ ...jwk, kid: 'k1', alg: 'RS256', use: 'sig' }] });
    if (url.pathname === '/authorize') {
      // The user signs in and consents: the provider sends the browser back with a code.
      const q = url.searchParams;
      if (q.get('client_id') !== clientId || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || q.get('response_type') !== 'code') return json(400, { error: 'invalid_request' });
      const code = randomUUID();
      grants.set(code, { challenge: q.get('code_challenge')!, nonce: q.get('nonce') ?? '', redirectUri: q.get('redirect_uri')!, used: false });
      response.writeHead(302, { location: `${q.get('redirect_uri')}?code=${code}&state=${encodeURIComponent(q.get('state') ?? '')}&iss=${encodeURIComponent(issuer)}` });
      return response.end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      request.on('end', () => {
        const form = new URLSearchParams(body);
        const grant = grants.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || grant.used || form.get('client_id') !== clientId || form.get('client_secret') !== 'web-secret' || form.get('redirect_uri') !== grant.redirectUri
          || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          return json(400, { error: 'invalid_grant' });
        }
        grant.used = true;
        void (async () => json(200, {
          token_type: 'Bearer', expires_in: 3600,
          access_token: await tokenFor({ roles: ['secretary'], name: 'Secrétariat OPH' }, audience),
          id_token: await tokenFor({ nonce: grant.nonce, name: 'Secrétariat OPH' }, clientId),
        }))();
      });
      return undefined;
    }
    return json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = await startHarness('oidc-sign-in');
  const verifier = oidcTokenVerifier({ issuer, audience, rolesClaim: 'roles' });
  app = await buildApp({
    db: h.db, temporal: h.client, taskQueue: h.taskQueue, verifier,
    oidcSignIn: { redirectUri, signIn: oidcSignIn({ issuer, clientId, clientSecret: 'web-secret', redirectUri, scopes: `openid profile ${audience}/.default` }, verifier) },
  });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const cookie = (setCookie: string | string[] | undefined, name: string) =>
  [setCookie ?? []].flat().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`));

/** The browser at the provider: follows its authorization URL, returns where it is sent back. */
async function atProvider(location: string): Promise<URL> {
  const response = await fetch(location, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

describe('sign-in at the identity provider', () => {
  it('signs the browser in with the authorization code and PKCE: an HttpOnly session cookie the API takes', async () => {
    const started = await app.inject({ method: 'GET', url: '/auth/sign-in' });
    expect(started.statusCode).toBe(302);
    const authorize = new URL(String(started.headers.location));
    expect(authorize.origin + authorize.pathname).toBe(`${issuer}/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(redirectUri);
    const pending = cookie(started.headers['set-cookie'], 'caleol_sign_in')!;
    expect(String(started.headers['set-cookie'])).toMatch(/caleol_sign_in=[^;]+; Path=\/auth\/callback; HttpOnly; SameSite=Lax; Max-Age=600; Secure/);
    // Neither the verifier nor the state is in the URL the browser is sent to.
    const verifier = (JSON.parse(Buffer.from(pending.split('=')[1]!, 'base64url').toString()) as { codeVerifier: string }).codeVerifier;
    expect(authorize.href).not.toContain(verifier);

    const back = await atProvider(authorize.href);
    const returned = await app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: pending } });
    expect(returned.statusCode, returned.body).toBe(303);
    expect(returned.headers.location).toBe('/app/');
    const session = cookie(returned.headers['set-cookie'], 'caleol_session')!;
    expect(String(returned.headers['set-cookie'])).toMatch(/caleol_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure/);
    expect(String(returned.headers['set-cookie'])).toMatch(/caleol_sign_in=; Path=\/auth\/callback; HttpOnly; SameSite=Lax; Max-Age=0/);
    const me = await app.inject({ method: 'GET', url: '/auth/me', headers: { cookie: session } });
    expect(me.json()).toMatchObject({ subject: 'sub-secretary', roles: ['secretary'], name: 'Secrétariat OPH' });
  });

  it('refuses a return whose state is not the sign-in\'s, or without its cookie, and sets no session', async () => {
    const started = await app.inject({ method: 'GET', url: '/auth/sign-in' });
    const pending = cookie(started.headers['set-cookie'], 'caleol_sign_in')!;
    const back = await atProvider(String(started.headers.location));

    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state');
    const wrongState = await app.inject({ method: 'GET', url: forged.pathname + forged.search, headers: { cookie: pending } });
    expect(wrongState.statusCode).toBe(401);
    expect(wrongState.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrongState.json()).toMatchObject({ code: 'sign_in_refused', rule: 'sign_in_checks' });
    expect(cookie(wrongState.headers['set-cookie'], 'caleol_session')).toBeUndefined();

    const noCookie = await app.inject({ method: 'GET', url: back.pathname + back.search });
    expect(noCookie.statusCode).toBe(400);
    expect(noCookie.json()).toMatchObject({ code: 'sign_in_not_started', rule: 'sign_in_started_here' });

    // Another sign-in's checks (another browser's cookie): the provider refuses the verifier.
    const other = cookie((await app.inject({ method: 'GET', url: '/auth/sign-in' })).headers['set-cookie'], 'caleol_sign_in')!;
    const swapped = await app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: other } });
    expect(swapped.statusCode).toBe(401);
    expect(cookie(swapped.headers['set-cookie'], 'caleol_session')).toBeUndefined();
  });

  it('answers 404 where the deployment has no provider client, and the demo routes 404 here', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/auth/sign-in' });
    expect(res.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/auth/demo-users' })).statusCode).toBe(404);
  });
});
