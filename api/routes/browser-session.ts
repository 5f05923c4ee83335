// The browser's session (backend-for-frontend): the web application signs in here and the API
// keeps the token in an HttpOnly, SameSite=Strict cookie the page's scripts cannot read. In the
// embedded default (local tokens) a "choose a demo user" sign-in; with OIDC, the authorization
// code flow is to come (the API then answers 404 to the demo routes).
import { Type } from 'typebox';
import type { LocalTokenClaims } from '../auth.ts';
import { requireRole } from '../auth.ts';
import type { App, RouteContext } from '../context.ts';
import { fromOwnOrigin, sessionCookie } from '../plugins/authentication.ts';
import { forbidden, notFound } from '../problems.ts';
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

export function registerBrowserSessionRoutes(app: App, _context: RouteContext, signIn: BrowserSignIn | undefined): void {
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
