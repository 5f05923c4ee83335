// Tokens that must not be taken: without an expiry, living longer than the deployment allows,
// issued in the future, not yet valid, or revoked (by their id, or every token of a subject
// issued before a time).
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAudience, localIssuer } from '../../api/auth.ts';
import { apiClient, expectStatus } from '../support/api-client.ts';
import { committeeInput } from '../support/fixtures.ts';
import { startHarness, testSecret, type Harness } from '../support/harness.ts';

let h: Harness;
let call: ReturnType<typeof apiClient>;
let ops: string;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  h = await startHarness('tokens');
  call = apiClient(h);
  ops = await h.token({ subject: 'ops@tokens', roles: ['ops'] });
});
afterAll(async () => h?.close());

interface Claims { iat?: number | undefined; exp?: number | undefined; nbf?: number | undefined; jti?: string | undefined; sub?: string }

function localToken(claims: Claims): Promise<string> {
  const jwt = new SignJWT({ roles: ['auditor'], committees: ['*'] }).setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub ?? 'auditor@tokens').setIssuer(localIssuer).setAudience(localAudience);
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf);
  if (claims.jti !== undefined) jwt.setJti(claims.jti);
  return jwt.sign(new TextEncoder().encode(testSecret));
}

async function expectRefused(token: string, code = 'invalid_token') {
  const res = await call('GET', '/committees', token);
  expect(res.statusCode, res.body).toBe(401);
  expect(res.json()).toMatchObject({ code });
}

describe('a correctly signed token', () => {
  it('is taken with an expiry, an issue time and a lifetime within the bound', async () => {
    expectStatus(await call('GET', '/committees', await localToken({ iat: now() - 10, exp: now() + 3600 })), 200);
  });

  it('is refused without an expiry, or without an issue time', async () => {
    await expectRefused(await localToken({ iat: now() - 10 }));
    await expectRefused(await localToken({ exp: now() + 3600 }));
  });

  it('is refused when it lives longer than 31 days, though it is young', async () => {
    await expectRefused(await localToken({ iat: now() - 10, exp: now() + 40 * 24 * 3600 }));
  });

  it('is refused when issued in the future, or not valid yet', async () => {
    await expectRefused(await localToken({ iat: now() + 600, exp: now() + 3600 }));
    await expectRefused(await localToken({ iat: now() - 10, nbf: now() + 600, exp: now() + 3600 }));
  });
});

describe('a revoked token', () => {
  it('is refused by its id at once, and others of its subject are not', async () => {
    const jti = randomUUID();
    const revoked = await localToken({ iat: now() - 10, exp: now() + 3600, jti });
    const sibling = await localToken({ iat: now() - 10, exp: now() + 3600, jti: randomUUID() });
    expectStatus(await call('GET', '/committees', revoked), 200);
    const made = expectStatus<{ tokenId: string; revokedBy: string }>(await call('POST', '/ops/token-revocations', ops, { tokenId: jti, reason: 'téléphone perdu' }), 201);
    expect(made).toMatchObject({ tokenId: jti, revokedBy: 'staff:ops@tokens' });
    await expectRefused(revoked, 'token_revoked');
    expectStatus(await call('GET', '/committees', sibling), 200);
    expect(expectStatus<Array<{ tokenId: string | null }>>(await call('GET', '/ops/token-revocations', ops), 200).map((r) => r.tokenId)).toContain(jti);
  });

  it('is refused for a subject issued before the revocation, and a token issued after is taken', async () => {
    const subject = `member-${randomUUID()}@tokens`;
    const before = await localToken({ sub: subject, iat: now() - 60, exp: now() + 3600 });
    expectStatus(await call('POST', '/ops/token-revocations', ops, { subject, reason: 'a quitté la commission' }), 201);
    await expectRefused(before, 'token_revoked');
    expectStatus(await call('GET', '/committees', await localToken({ sub: subject, iat: now() + 1, exp: now() + 3600 })), 200);
  });

  it('is only revoked by ops, with a reason, and a request naming both a token and a subject is refused', async () => {
    const secretary = await h.token({ subject: 'secretary@tokens', roles: ['secretary'] });
    expect(expectStatus(await call('POST', '/ops/token-revocations', secretary, { tokenId: randomUUID(), reason: 'x' }), 403)).toMatchObject({ rule: 'role_required' });
    expectStatus(await call('POST', '/ops/token-revocations', ops, { tokenId: randomUUID() }), 400);
    expectStatus(await call('POST', '/ops/token-revocations', ops, { tokenId: randomUUID(), subject: 'x', reason: 'x' }), 400);
    expect(await h.db.tokenRevocation.count({ where: { revokedBy: 'staff:secretary@tokens' } })).toBe(0);
  });
});

describe('scoped staff tokens', () => {
  it('reach the committees they name only', async () => {
    const secretary = await h.token({ subject: 'secretary-all@tokens', roles: ['secretary'] });
    const a = expectStatus<{ id: string }>(await call('POST', '/committees', secretary, committeeInput(` tokens A ${randomUUID()}`)), 201);
    const b = expectStatus<{ id: string }>(await call('POST', '/committees', secretary, committeeInput(` tokens B ${randomUUID()}`)), 201);
    const ofA = await h.token({ subject: 'secretary-a@tokens', roles: ['secretary'], committees: [a.id] });
    expectStatus(await call('GET', `/committees/${a.id}`, ofA), 200);
    expect(expectStatus(await call('GET', `/committees/${b.id}`, ofA), 403)).toMatchObject({ rule: 'committee_scope' });
  });
});
