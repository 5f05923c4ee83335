// A token verified once is remembered, so a member voting through a sitting is not verified on
// every request: remembering must never accept what verifying would refuse.
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidTokenError, issueLocalToken, localAudience, localIssuer, localTokenVerifier } from '../../api/auth.ts';

const secret = 'token-verification-secret-of-thirty-two-bytes';
const hour = 3600;

async function tokenAt(issuedAt: number, expiresAt: number): Promise<string> {
  return new SignJWT({ roles: ['member'], member_id: 'm-1' })
    .setProtectedHeader({ alg: 'HS256' }).setSubject('member-1').setIssuer(localIssuer).setAudience(localAudience)
    .setIssuedAt(issuedAt).setExpirationTime(expiresAt).sign(new TextEncoder().encode(secret));
}

describe('a remembered token', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('gives the same principal again, and is refused once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T08:00:00Z'));
    const now = Math.floor(Date.now() / 1000);
    const verifier = localTokenVerifier(secret);
    const token = await tokenAt(now, now + hour);
    const first = await verifier.verify(token);
    expect(first).toMatchObject({ subject: 'member-1', memberId: 'm-1', roles: ['member'] });
    expect(await verifier.verify(token)).toBe(first);
    // Past its expiry and jose's minute of tolerance, the token is verified again, and refused.
    vi.setSystemTime(new Date((now + hour + 61) * 1000));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('is refused once older than the longest lifetime allowed, whatever its expiry says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T08:00:00Z'));
    const now = Math.floor(Date.now() / 1000);
    // The lifetime is checked at each verification against the issue time: a verifier allowing two hours.
    const verifier = localTokenVerifier(secret, 2 * hour);
    const token = await tokenAt(now, now + 2 * hour);
    await verifier.verify(token);
    vi.setSystemTime(new Date((now + 2 * hour + 61) * 1000));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('is its exact text: the same claims under another signature are refused', async () => {
    const verifier = localTokenVerifier(secret);
    const token = await issueLocalToken(secret, { subject: 'member-1', roles: ['member'], memberId: 'm-1' });
    await verifier.verify(token);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    const otherKey = await issueLocalToken('another-secret-of-thirty-two-bytes-long', { subject: 'member-1', roles: ['member'], memberId: 'm-1' });
    await expect(verifier.verify(otherKey)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
