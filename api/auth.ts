// Bearer JWT authentication. Tokens are signed by the app's own key (the embedded default) or
// by the organisation's OpenID Connect provider, verified against its published keys.
import { forbidden, ProblemError } from './problems.ts';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';

export const roles = ['secretary', 'member', 'chair', 'auditor', 'ops'] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  subject: string;
  roles: Role[];
  /** The committee member this principal is, when known from the token itself. */
  memberId?: string | undefined;
  email?: string | undefined;
  /** The person's display name (the `name` claim): what their signature prints. */
  name?: string | undefined;
  /** The committees a staff principal works for (the `committees` claim); `*`: every committee of the deployment. */
  committees: readonly string[];
  /** When the token expires (seconds since the epoch): a stream it opened ends then. */
  expiresAt?: number | undefined;
  /** When the token was issued (seconds since the epoch) and its id: what a revocation names. */
  issuedAt?: number | undefined;
  tokenId?: string | undefined;
}

/** Roles that act as staff of the committees in their scope rather than as one of their members. */
export const staffRoles: readonly Role[] = ['secretary', 'auditor', 'ops'];
export const allCommittees = '*';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/** The identity provider's keys cannot be fetched: not the caller's fault, so not a 401. */
export class IdentityProviderUnavailableError extends Error {
  override name = 'IdentityProviderUnavailableError';
}

export const localIssuer = 'caleol-engine';
export const localAudience = 'caleol-api';

/**
 * How a token names a committee member: the app's own tokens by `member_id`; an identity
 * provider's by an e-mail it has verified (`email` with `email_verified: true`), or by another
 * claim the deployment trusts to hold the member's e-mail (an organisation's UPN, say).
 */
export interface MemberMatching {
  memberClaim: 'member_id' | string;
}

/** The longest a token may live (exp - iat): tokens without an expiry, or with a far one, are refused. */
export const defaultMaxTokenLifetimeSeconds = { local: 31 * 24 * 3600, oidc: 24 * 3600 } as const;
const clockToleranceSeconds = 60;

function principalFrom(payload: JWTPayload, rolesClaim: string, matching: MemberMatching): Principal {
  if (!payload.sub) throw new InvalidTokenError('the token has no subject');
  const claimed = payload[rolesClaim];
  const list = Array.isArray(claimed) ? claimed : typeof claimed === 'string' ? claimed.split(' ') : [];
  const known = list.filter((r): r is Role => (roles as readonly string[]).includes(r));
  const memberId = matching.memberClaim === 'member_id' && typeof payload.member_id === 'string' ? payload.member_id : undefined;
  // An e-mail the provider has not verified names no one.
  const emailClaim = matching.memberClaim === 'member_id' ? undefined
    : matching.memberClaim === 'email' ? (payload.email_verified === true ? payload.email : undefined)
      : payload[matching.memberClaim];
  const scope = payload.committees;
  const committees = Array.isArray(scope) ? scope.filter((c): c is string => typeof c === 'string') : typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
  return {
    subject: payload.sub, roles: known, memberId, email: typeof emailClaim === 'string' ? emailClaim.toLowerCase() : undefined, committees,
    expiresAt: typeof payload.exp === 'number' ? payload.exp : undefined,
    issuedAt: typeof payload.iat === 'number' ? payload.iat : undefined,
    tokenId: typeof payload.jti === 'string' ? payload.jti : undefined,
    name: typeof payload.name === 'string' && payload.name.trim() ? payload.name.trim().slice(0, 200) : undefined,
  };
}

interface Checks {
  issuer: string;
  audience: string;
  rolesClaim: string;
  matching: MemberMatching;
  maxLifetimeSeconds: number;
}

async function verifyWith(key: Uint8Array | JWTVerifyGetKey, token: string, checks: Checks) {
  // An expiry and an issue time are required, the issue time not in the future (jose checks it
  // with maxTokenAge), and the lifetime bounded: a token signed to last forever does not.
  const options = {
    issuer: checks.issuer, audience: checks.audience, requiredClaims: ['exp', 'iat'],
    maxTokenAge: checks.maxLifetimeSeconds, clockTolerance: clockToleranceSeconds,
  };
  try {
    const { payload } = typeof key === 'function'
      ? await jwtVerify(token, key, options)
      : await jwtVerify(token, key, { ...options, algorithms: ['HS256'] });
    if (payload.exp! - payload.iat! > checks.maxLifetimeSeconds) {
      throw new InvalidTokenError(`the token lives longer than the ${checks.maxLifetimeSeconds} seconds this deployment allows`);
    }
    return principalFrom(payload, checks.rolesClaim, checks.matching);
  } catch (error) {
    if (error instanceof InvalidTokenError || error instanceof IdentityProviderUnavailableError) throw error;
    if (error instanceof joseErrors.JOSEError && !(error instanceof joseErrors.JWKSTimeout)) throw new InvalidTokenError(error.message);
    throw new IdentityProviderUnavailableError(`the identity provider's keys could not be fetched: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Tokens remembered once verified, at most: a member voting through a sitting sends the same token every time. */
const rememberedTokens = 10_000;

/**
 * The principal of a token verified before, by the token's exact text, until the token would be
 * refused for its age (its expiry, or its issue plus the longest lifetime allowed): the signature
 * is not checked again on every request. Revocations are checked on every request all the same.
 */
function remembering(checks: Checks, verify: (token: string) => Promise<Principal>): TokenVerifier {
  const known = new LRUCache<string, { principal: Principal; validUntilMs: number }>({ max: rememberedTokens });
  return {
    async verify(token) {
      const remembered = known.get(token);
      if (remembered && Date.now() < remembered.validUntilMs) return remembered.principal;
      const principal = Object.freeze(await verify(token));
      // exp and iat are required claims: both are known here.
      const refusedAfter = Math.min(principal.expiresAt!, principal.issuedAt! + checks.maxLifetimeSeconds) + clockToleranceSeconds;
      known.set(token, { principal, validUntilMs: refusedAfter * 1000 });
      return principal;
    },
  };
}

export function localTokenVerifier(secret: string, maxLifetimeSeconds: number = defaultMaxTokenLifetimeSeconds.local): TokenVerifier {
  const key = new TextEncoder().encode(secret);
  const checks = { issuer: localIssuer, audience: localAudience, rolesClaim: 'roles', matching: { memberClaim: 'member_id' }, maxLifetimeSeconds };
  return remembering(checks, (token) => verifyWith(key, token, checks));
}

export interface OidcSettings {
  issuer: string;
  audience: string;
  /** Where the provider publishes its keys; discovered from the issuer when absent. */
  jwksUrl?: string | undefined;
  rolesClaim: string;
  /** The claim holding a member's e-mail (default `email`, taken only when `email_verified` is true). */
  memberClaim?: string | undefined;
  /** The longest lifetime (exp - iat) of a token; default 24 hours. */
  maxLifetimeSeconds?: number | undefined;
}

export function oidcTokenVerifier(settings: OidcSettings): TokenVerifier {
  const checks = {
    issuer: settings.issuer, audience: settings.audience, rolesClaim: settings.rolesClaim,
    matching: { memberClaim: settings.memberClaim ?? 'email' }, maxLifetimeSeconds: settings.maxLifetimeSeconds ?? defaultMaxTokenLifetimeSeconds.oidc,
  };
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const resolveKeys = async (): Promise<JWTVerifyGetKey> => {
    const jwksUrl = settings.jwksUrl ?? (await discoverJwksUrl(settings.issuer));
    return createRemoteJWKSet(new URL(jwksUrl));
  };
  return remembering(checks, async (token) => {
    keys ??= resolveKeys().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return verifyWith(await keys, token, checks);
  });
}

async function discoverJwksUrl(issuer: string): Promise<string> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`).catch((error: unknown) => {
    throw new IdentityProviderUnavailableError(`OpenID configuration of ${issuer} unreachable: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!response.ok) throw new IdentityProviderUnavailableError(`OpenID configuration of ${issuer} answered ${response.status}`);
  const document = (await response.json()) as { jwks_uri?: string };
  if (!document.jwks_uri) throw new InvalidTokenError(`OpenID configuration of ${issuer} has no jwks_uri`);
  return document.jwks_uri;
}

export interface LocalTokenClaims {
  subject: string;
  roles: Role[];
  memberId?: string | undefined;
  name?: string | undefined;
  /** The committees a staff token is for; default: every committee (`*`) for staff roles, none otherwise. */
  committees?: readonly string[] | undefined;
}

/** Issues a token signed by the app's own key (demo users, tests, scripts). */
export async function issueLocalToken(secret: string, claims: LocalTokenClaims, expiresIn = '30d'): Promise<string> {
  const committees = claims.committees ?? (claims.roles.some((r) => staffRoles.includes(r)) ? [allCommittees] : []);
  return new SignJWT({
    roles: claims.roles, ...(committees.length ? { committees } : {}), ...(claims.memberId ? { member_id: claims.memberId } : {}), ...(claims.name ? { name: claims.name } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject)
    .setIssuer(localIssuer)
    .setAudience(localAudience)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/** The request's principal, if it holds one of the roles; otherwise 401 or 403. */
export function requireRole(principal: Principal | undefined, ...allowed: Role[]): Principal {
  if (!principal) throw new ProblemError({ status: 401, code: 'unauthenticated', title: 'Unauthenticated', detail: 'a bearer token is required' });
  if (!allowed.some((r) => principal.roles.includes(r))) {
    throw forbidden(`this action needs one of the roles: ${allowed.join(', ')}`, 'role_required');
  }
  return principal;
}
