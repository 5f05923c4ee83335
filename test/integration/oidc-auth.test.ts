// Tokens of the organisation's identity provider: a local stand-in publishes its OpenID
// configuration and keys as Microsoft Entra ID does, and the verifier (alone, then inside the
// app) accepts what it signs and refuses everything else.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.ts';
import { IdentityProviderUnavailableError, InvalidTokenError, issueLocalToken, localTokenVerifier, oidcTokenVerifier, type OidcSettings } from '../../api/auth.ts';
import { committeeInput, startSoon } from '../support/fixtures.ts';
import { startHarness, testSecret, type Harness } from '../support/harness.ts';

const tenant = '3f1c6b9e-0d2a-4c55-9a3e-7b8d2e4f6a10';
const audience = 'api://caleol-engine';
const kid = 'entra-key-1';

interface Provider {
  server: Server;
  base: string;
  issuer: string;
  jwksUrl: string;
  /** Requests served, by path. */
  hits: Map<string, number>;
  /** While true, the OpenID configuration answers 503. */
  discoveryDown: boolean;
}

let provider: Provider;
let signingKey: CryptoKey;
let publicJwk: JWK;
let otherKey: CryptoKey;
let publicKeyPem: string;

async function startProvider(): Promise<Provider> {
  const hits = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (path === discoveryPath()) {
      if (provider.discoveryDown) return json(503, { error: 'temporarily_unavailable' });
      return json(200, {
        issuer: provider.issuer,
        authorization_endpoint: `${provider.base}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${provider.base}/${tenant}/oauth2/v2.0/token`,
        jwks_uri: provider.jwksUrl,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (path === jwksPath()) return json(200, { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] });
    return json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, issuer: `${base}/${tenant}/v2.0`, jwksUrl: `${base}${jwksPath()}`, hits, discoveryDown: false };
}

const discoveryPath = () => `/${tenant}/v2.0/.well-known/openid-configuration`;
const jwksPath = () => `/${tenant}/discovery/v2.0/keys`;

interface TokenOptions {
  claims?: JWTPayload;
  key?: CryptoKey | Uint8Array;
  alg?: string;
  kid?: string | undefined;
  issuer?: string;
  audience?: string;
  subject?: string | undefined;
  expiresAt?: number;
}

/** A token as Entra ID issues it for the API (an access token with app roles). */
async function entraToken(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ ver: '2.0', tid: tenant, roles: ['secretary'], preferred_username: 'Claire.Martin@OPH.test', ...options.claims })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', typ: 'JWT', ...('kid' in options ? (options.kid ? { kid: options.kid } : {}) : { kid }) })
    .setIssuer(options.issuer ?? provider.issuer)
    .setAudience(options.audience ?? audience)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 3600);
  if (options.subject !== undefined || !('subject' in options)) jwt.setSubject(options.subject ?? 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ');
  return jwt.sign(options.key ?? signingKey);
}

function settings(overrides: Partial<OidcSettings> = {}): OidcSettings {
  return { issuer: provider.issuer, audience, jwksUrl: provider.jwksUrl, rolesClaim: 'roles', ...overrides };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await promise.then(() => 'accepted', (error: unknown) => error);
  expect(outcome).toBeInstanceOf(InvalidTokenError);
  return outcome;
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  publicJwk = await exportJWK(pair.publicKey);
  publicKeyPem = await exportSPKI(pair.publicKey);
  otherKey = (await generateKeyPair('RS256')).privateKey;
  provider = await startProvider();
});
afterAll(async () => {
  if (!provider) return;
  provider.server.closeAllConnections();
  await new Promise<void>((resolve) => provider.server.close(() => resolve()));
});

describe('oidcTokenVerifier', () => {
  it('gives the principal of a valid token: subject, known roles only, lower-cased e-mail', async () => {
    const verifier = oidcTokenVerifier(settings());
    const principal = await verifier.verify(await entraToken({ claims: { roles: ['secretary', 'Directory.Read.All', 'member', 'Admin'], email: 'Claire.Martin@OPH.Test', email_verified: true } }));
    expect(principal).toEqual({
      subject: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ', roles: ['secretary', 'member'], memberId: undefined, email: 'claire.martin@oph.test', committees: [],
      expiresAt: expect.any(Number), issuedAt: expect.any(Number), tokenId: undefined,
    });
  });

  it('takes an e-mail only when the provider verified it, never preferred_username, unless the deployment names the claim it trusts', async () => {
    const unverified = await oidcTokenVerifier(settings()).verify(await entraToken({ claims: { roles: ['member'], email: 'karim@oph.test', email_verified: false } }));
    expect(unverified.email).toBeUndefined();
    const username = await oidcTokenVerifier(settings()).verify(await entraToken({ claims: { roles: ['member'], preferred_username: 'Karim.Benali@OPH.test' } }));
    expect(username.email).toBeUndefined();
    const trusted = await oidcTokenVerifier(settings({ memberClaim: 'upn' })).verify(await entraToken({ claims: { roles: ['member'], upn: 'Karim.Benali@OPH.test' } }));
    expect(trusted.email).toBe('karim.benali@oph.test');
  });

  it('refuses a token without an expiry, or living longer than a day', async () => {
    const now = Math.floor(Date.now() / 1000);
    const noExpiry = await new SignJWT({ roles: ['member'] }).setProtectedHeader({ alg: 'RS256', kid }).setIssuer(provider.issuer).setAudience(audience).setSubject('s').setIssuedAt(now - 10).sign(signingKey);
    await refusal(oidcTokenVerifier(settings()).verify(noExpiry));
    await refusal(oidcTokenVerifier(settings()).verify(await entraToken({ expiresAt: now + 3 * 24 * 3600 })));
  });

  it('reads the roles from the configured claim, as an array or a space-separated string', async () => {
    const verifier = oidcTokenVerifier(settings({ rolesClaim: 'app_roles' }));
    expect((await verifier.verify(await entraToken({ claims: { roles: ['secretary'], app_roles: 'auditor ops unknown' } }))).roles).toEqual(['auditor', 'ops']);
    expect((await verifier.verify(await entraToken({ claims: { roles: ['secretary'], app_roles: ['chair'] } }))).roles).toEqual(['chair']);
  });

  it('gives no role when the token carries none the engine knows', async () => {
    const principal = await oidcTokenVerifier(settings()).verify(await entraToken({ claims: { roles: ['Task.Write'] } }));
    expect(principal.roles).toEqual([]);
  });

  it('discovers the keys from the issuer\'s OpenID configuration when no JWKS URL is given, once', async () => {
    const discoveriesBefore = provider.hits.get(discoveryPath()) ?? 0;
    const verifier = oidcTokenVerifier(settings({ jwksUrl: undefined }));
    expect((await verifier.verify(await entraToken())).roles).toEqual(['secretary']);
    expect((await verifier.verify(await entraToken({ claims: { roles: ['chair'] } }))).roles).toEqual(['chair']);
    expect(provider.hits.get(discoveryPath())).toBe(discoveriesBefore + 1);
  });

  it('also discovers the keys when the issuer is written with a trailing slash', async () => {
    // The token's iss must still match the configured issuer exactly.
    const issuer = `${provider.issuer}/`;
    const verifier = oidcTokenVerifier(settings({ issuer, jwksUrl: undefined }));
    expect((await verifier.verify(await entraToken({ issuer }))).subject).toBe('AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ');
  });

  it('does not fetch the OpenID configuration when the JWKS URL is given', async () => {
    const discoveriesBefore = provider.hits.get(discoveryPath()) ?? 0;
    const keysBefore = provider.hits.get(jwksPath()) ?? 0;
    await oidcTokenVerifier(settings()).verify(await entraToken());
    expect(provider.hits.get(discoveryPath()) ?? 0).toBe(discoveriesBefore);
    expect(provider.hits.get(jwksPath())).toBeGreaterThan(keysBefore);
  });

  it('reports the provider unavailable while discovery fails, and tries discovery again on the next token', async () => {
    const verifier = oidcTokenVerifier(settings({ jwksUrl: undefined }));
    provider.discoveryDown = true;
    try {
      await expect(verifier.verify(await entraToken())).rejects.toBeInstanceOf(IdentityProviderUnavailableError);
    } finally {
      provider.discoveryDown = false;
    }
    expect((await verifier.verify(await entraToken())).roles).toEqual(['secretary']);
  });

  it('refuses a token signed by another key under the published key id', async () => {
    await refusal(oidcTokenVerifier(settings()).verify(await entraToken({ key: otherKey })));
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    await refusal(oidcTokenVerifier(settings()).verify(await entraToken({ key: otherKey, kid: 'unknown-key' })));
  });

  it('refuses a token from another issuer', async () => {
    const error = await refusal(oidcTokenVerifier(settings()).verify(await entraToken({ issuer: 'https://login.microsoftonline.com/another-tenant/v2.0' })));
    expect((error as Error).message).toMatch(/iss/);
  });

  it('refuses a token for another audience', async () => {
    const error = await refusal(oidcTokenVerifier(settings()).verify(await entraToken({ audience: 'api://another-application' })));
    expect((error as Error).message).toMatch(/aud/);
  });

  it('refuses an expired token', async () => {
    const error = await refusal(oidcTokenVerifier(settings()).verify(await entraToken({ expiresAt: Math.floor(Date.now() / 1000) - 600 })));
    expect((error as Error).message).toMatch(/exp/);
  });

  it('refuses a token without a subject', async () => {
    await refusal(oidcTokenVerifier(settings()).verify(await entraToken({ subject: undefined })));
  });

  it('refuses an HS256 token signed with a shared secret (algorithm confusion)', async () => {
    const verifier = oidcTokenVerifier(settings());
    await refusal(verifier.verify(await entraToken({ alg: 'HS256', key: new TextEncoder().encode(testSecret) })));
    // The classic attack: the provider's public key used as the HMAC secret.
    await refusal(verifier.verify(await entraToken({ alg: 'HS256', key: new TextEncoder().encode(publicKeyPem) })));
    await refusal(verifier.verify(await entraToken({ alg: 'HS256', key: new TextEncoder().encode(JSON.stringify(publicJwk)) })));
  });

  it('refuses an unsigned token (alg none)', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['secretary'] })
      .setIssuer(provider.issuer).setAudience(audience).setSubject('someone').setIssuedAt().setExpirationTime('10m').encode();
    await refusal(oidcTokenVerifier(settings()).verify(unsigned));
  });

  it('refuses a token signed by the app\'s own local key', async () => {
    await refusal(oidcTokenVerifier(settings()).verify(await issueLocalToken(testSecret, { subject: 'secretary', roles: ['secretary'] }, '1h')));
  });
});

describe('localTokenVerifier', () => {
  it('refuses a token of the identity provider', async () => {
    await refusal(localTokenVerifier(testSecret).verify(await entraToken()));
    await refusal(localTokenVerifier(testSecret).verify(await entraToken({ issuer: 'caleol-engine', audience: 'caleol-api' })));
  });

  it('accepts a token from issueLocalToken', async () => {
    const memberId = '00000000-0000-4000-8000-000000000101';
    const principal = await localTokenVerifier(testSecret).verify(await issueLocalToken(testSecret, { subject: 'claire', roles: ['member', 'chair'], memberId }, '1h'));
    expect(principal).toEqual({ subject: 'claire', roles: ['member', 'chair'], memberId, email: undefined, committees: [], expiresAt: expect.any(Number), issuedAt: expect.any(Number), tokenId: expect.any(String) });
  });
});

describe('the app with the identity provider\'s tokens', () => {
  let h: Harness;
  let app: App;

  beforeAll(async () => {
    h = await startHarness('oidc-auth');
    app = await buildApp({ db: h.db, temporal: h.client, taskQueue: h.taskQueue, verifier: oidcTokenVerifier(settings({ jwksUrl: undefined })) });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const post = (url: string, token: string, payload: object) =>
    app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });

  it('lets a token with the secretary role for every committee create a committee, and not one for no committee', async () => {
    const unscoped = await post('/committees', await entraToken({ claims: { roles: ['secretary'] } }), committeeInput(' oidc unscoped'));
    expect(unscoped.statusCode, unscoped.body).toBe(403);
    expect(unscoped.json()).toMatchObject({ rule: 'committee_scope' });
    const res = await post('/committees', await entraToken({ claims: { roles: ['secretary'], committees: ['*'] } }), committeeInput(' oidc'));
    expect(res.statusCode, res.body).toBe(201);
    expect(await h.db.committee.count({ where: { id: res.json<{ id: string }>().id } })).toBe(1);
  });

  it('refuses a token with no role the engine knows with 403 role_required', async () => {
    const suffix = ` oidc no role ${crypto.randomUUID()}`;
    const res = await post('/committees', await entraToken({ claims: { roles: ['Directory.Read.All'] } }), committeeInput(suffix));
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'forbidden', rule: 'role_required' });
    expect(await h.db.committee.count({ where: { name: committeeInput(suffix).name } })).toBe(0);
  });

  it('refuses a local token with 401 invalid_token', async () => {
    const res = await post('/committees', await h.token({ subject: 'secretary', roles: ['secretary'] }), committeeInput(' oidc local'));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'invalid_token' });
  });

  it('recognises a member by the token\'s e-mail, whatever its case, and refuses an e-mail not in the committee', async () => {
    const secretary = await entraToken({ claims: { roles: ['secretary'], committees: ['*'] } });
    const committee = await post('/committees', secretary, committeeInput(' oidc members'));
    expect(committee.statusCode, committee.body).toBe(201);
    const scheduled = await post(`/committees/${committee.json<{ id: string }>().id}/sessions`, secretary, { scheduledStart: startSoon() });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const votes = `/sessions/${scheduled.json<{ id: string }>().id}/agenda-items/${crypto.randomUUID()}/votes`;

    const stranger = await post(votes, await entraToken({ claims: { roles: ['member'], email: 'someone@elsewhere.test' } }), { choice: 'for' });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json()).toMatchObject({ rule: 'committee_scope' });

    // Karim's e-mail, unverified, names no one.
    const unverified = await post(votes, await entraToken({ claims: { roles: ['member'], email: 'KARIM@oph.test', email_verified: false } }), { choice: 'for' });
    expect(unverified.json()).toMatchObject({ rule: 'committee_scope' });
    // Karim is recognised by his verified e-mail: the refusal now comes from the session (no vote is open), not from who he is.
    const karim = await post(votes, await entraToken({ claims: { roles: ['member'], email: 'KARIM@oph.test', email_verified: true } }), { choice: 'for' });
    expect(karim.statusCode, karim.body).toBe(409);
    expect(karim.json()).toMatchObject({ code: 'session_conflict', rule: 'vote_open' });
  });
});

describe('an unreachable identity provider', () => {
  it('answers 503 identity_provider_unavailable, not 401 or 500', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const verifier = oidcTokenVerifier({ issuer: `http://127.0.0.1:${port}`, audience: 'api://caleol', rolesClaim: 'roles' });
    await expect(verifier.verify(await entraToken())).rejects.toBeInstanceOf(IdentityProviderUnavailableError);
  });
});
