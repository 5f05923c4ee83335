// The browser's session (backend-for-frontend): the web application signs in here and the API
// keeps the token in an HttpOnly, SameSite=Strict cookie the page's scripts cannot read. In the
// embedded default (local tokens) a "choose a demo user" sign-in; with OIDC, the authorization
// code flow with PKCE against the organisation's provider (the demo routes then answer 404).
import { Type } from 'typebox';
import type { LocalTokenClaims } from '../auth.ts';
import { requireRole } from '../auth.ts';
import type { App, RouteContext } from '../context.ts';
import { cookieOf, fromOwnOrigin, sessionCookie } from '../plugins/authentication.ts';
import { webAppPath } from '../plugins/web-app.ts';
import { forbidden, notFound, ProblemError } from '../problems.ts';
import { SignInRefusedError, type OidcSignIn, type PendingSignIn } from '../services/oidc-sign-in.ts';
import { problemResponses as problems } from '../schemas.ts';

export interface DemoUser {
  /** Stable, as the sign-in page sends it back. */
  id: string;
  /** "Claire Martin — présidente", as the page shows it. */
  label: string;
  claims: LocalTokenClaims;
}

/** Demo sign-in, offered only where tokens are the API's own (AUTH_MODE=local under npm start). */
export interface BrowserSignIn {
  demoUsers: DemoUser[];
  issue(claims: LocalTokenClaims, lifetimeSeconds: number): Promise<string>;
  /** Whether the cookie is sent over HTTPS only (PUBLIC_URL is https). */
  secureCookie: boolean;
}

// A working day's session: the browser signs in again the next morning.
const browserSessionSeconds = 12 * 60 * 60;

const Me = Type.Object({
  subject: Type.String(), name: Type.Optional(Type.String()), roles: Type.Array(Type.String()), memberId: Type.Optional(Type.String()),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
});

function cookieHeader(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${sessionCookie}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

// A sign-in in progress: sent back by the browser on its return from the provider, a top-level
// navigation from another site (hence Lax), to the callback only, for ten minutes.
const pendingCookie = 'caleol_sign_in';
function pendingCookieHeader(pending: PendingSignIn | undefined, secure: boolean): string {
  const value = pending ? Buffer.from(JSON.stringify(pending)).toString('base64url') : '';
  return [`${pendingCookie}=${value}`, 'Path=/auth/callback', 'HttpOnly', 'SameSite=Lax', `Max-Age=${pending ? 600 : 0}`, ...(secure ? ['Secure'] : [])].join('; ');
}
function pendingOf(raw: string | undefined): PendingSignIn | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    return typeof value.state === 'string' && typeof value.nonce === 'string' && typeof value.codeVerifier === 'string'
      ? { state: value.state, nonce: value.nonce, codeVerifier: value.codeVerifier } : undefined;
  } catch {
    return undefined;
  }
}

export function registerBrowserSessionRoutes(app: App, _context: RouteContext, signIn: BrowserSignIn | undefined, oidc?: { signIn: OidcSignIn; redirectUri: string }): void {
  const provider = (): { signIn: OidcSignIn; redirectUri: string } => {
    if (oidc) return oidc;
    throw notFound('sign-in through an identity provider on this deployment (AUTH_MODE=oidc with AUTH_OIDC_CLIENT_ID)', 'sign-in');
  };

  app.get('/auth/sign-in', {
    config: { public: true },
    schema: {
      tags: ['browser'],
      summary: 'Start the browser\'s sign-in at the organisation\'s identity provider (authorization code with PKCE): a redirection there',
      security: [], response: { 302: Type.Null({ description: 'To the identity provider\'s authorization endpoint' }), ...problems },
    },
  }, async (_request, reply) => {
    const { signIn: flow } = provider();
    const { url, pending } = await flow.start().catch((error: unknown) => {
      throw new ProblemError({ status: 503, code: 'identity_provider_unavailable', title: 'Service unavailable', detail: `the identity provider could not be reached: ${error instanceof Error ? error.message : String(error)}` });
    });
    reply.header('set-cookie', pendingCookieHeader(pending, flow.secureCookie));
    return reply.redirect(url, 302);
  });

  app.get('/auth/callback', {
    config: { public: true },
    schema: {
      tags: ['browser'],
      summary: 'The identity provider\'s return: the code is exchanged (with the PKCE verifier), the browser\'s session cookie set, the application opened',
      security: [],
      querystring: Type.Object({}, { additionalProperties: Type.String({ maxLength: 4096 }) }),
      response: { 303: Type.Null({ description: 'To the application, signed in' }), ...problems },
    },
  }, async (request, reply) => {
    const { signIn: flow, redirectUri } = provider();
    const pending = pendingOf(cookieOf(request, pendingCookie));
    if (!pending) {
      throw new ProblemError({ status: 400, code: 'sign_in_not_started', title: 'Bad request', detail: 'this sign-in was not started from this browser, or took longer than ten minutes: sign in again', rule: 'sign_in_started_here' });
    }
    let session;
    try {
      session = await flow.finish(new URL(request.url, redirectUri), pending);
    } catch (error) {
      if (!(error instanceof SignInRefusedError)) throw error;
      throw new ProblemError({ status: 401, code: 'sign_in_refused', title: 'Unauthenticated', detail: `the sign-in was refused: ${error.message}`, rule: 'sign_in_checks' });
    }
    reply.header('set-cookie', [
      cookieHeader(session.token, Math.min(session.expiresInSeconds, browserSessionSeconds), flow.secureCookie),
      pendingCookieHeader(undefined, flow.secureCookie),
    ]);
    return reply.redirect(webAppPath, 303);
  });

  const demo = (): BrowserSignIn => {
    if (signIn) return signIn;
    throw notFound('demo sign-in of this deployment (it signs in through its identity provider)', 'demo-users');
  };

  app.get('/auth/demo-users', {
    config: { public: true },
    schema: {
      tags: ['browser'],
      summary: 'The demo users the sign-in page offers (embedded default with local tokens only)',
      security: [],
      response: { 200: Type.Object({ users: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), roles: Type.Array(Type.String()) })) }), ...problems },
    },
  }, async () => ({ users: demo().demoUsers.map((u) => ({ id: u.id, label: u.label, roles: [...u.claims.roles] })) }));

  app.post('/auth/demo-sign-in', {
    config: { public: true },
    schema: {
      tags: ['browser'],
      summary: 'Sign the browser in as a demo user: the session is an HttpOnly, SameSite=Strict cookie (from the application\'s own pages only)',
      security: [],
      body: Type.Object({ user: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
      response: { 200: Me, ...problems },
    },
  }, async (request, reply) => {
    const chosen = demo().demoUsers.find((u) => u.id === request.body.user);
    if (!chosen) throw notFound('demo user', request.body.user);
    // A sign-in another site makes the browser send would sign it in as someone else (login CSRF).
    if (!fromOwnOrigin(request)) throw forbidden('the sign-in must come from the application\'s own pages (Origin)', 'same_origin_writes');
    const token = await demo().issue(chosen.claims, browserSessionSeconds);
    reply.header('set-cookie', cookieHeader(token, browserSessionSeconds, demo().secureCookie));
    return {
      subject: chosen.claims.subject, name: chosen.claims.name, roles: [...chosen.claims.roles], memberId: chosen.claims.memberId,
      expiresAt: new Date(Date.now() + browserSessionSeconds * 1000).toISOString(),
    };
  });

  app.post('/auth/sign-out', {
    config: { public: true },
    schema: { tags: ['browser'], summary: 'End the browser\'s session (its cookie is cleared)', security: [], response: { 204: Type.Null(), ...problems } },
  }, async (_request, reply) => {
    reply.header('set-cookie', cookieHeader('', 0, signIn?.secureCookie ?? false));
    return reply.code(204).send(null);
  });

  app.get('/auth/me', {
    // About the caller only: no committee to scope.
    config: { scope: 'listing' },
    schema: { tags: ['browser'], summary: 'Who the request is signed in as (bearer token or browser session)', response: { 200: Me, ...problems } },
  }, async (request) => {
    const principal = requireRole(request.principal, 'secretary', 'member', 'chair', 'auditor', 'ops');
    return {
      subject: principal.subject, name: principal.name, roles: [...principal.roles], memberId: principal.memberId,
      expiresAt: principal.expiresAt ? new Date(principal.expiresAt * 1000).toISOString() : undefined,
    };
  });
}
