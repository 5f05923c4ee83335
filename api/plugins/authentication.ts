// Every route but the public ones needs a token, verified (and checked against the revocation
// list) before anything else runs: a bearer token (API clients), or the browser's session cookie
// (the web application: a backend-for-frontend, no token in the page's reach). A write carried by
// the cookie must come from the application's own origin, so another site cannot make a signed-in
// browser act (the cookie is SameSite=Strict as well).
import type { FastifyRequest } from 'fastify';
import type { App } from '../context.ts';
import { IdentityProviderUnavailableError, InvalidTokenError, type TokenVerifier } from '../auth.ts';
import { ProblemError } from '../problems.ts';
import type { TokenRevocations } from '../services/token-revocations.ts';

export const sessionCookie = 'caleol_session';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of a cookie of the request's Cookie header. */
export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      // Malformed escapes: the raw text, which no verifier takes as a token.
      return value.join('=');
    }
  }
  return undefined;
}

/** Whether the request comes from a page of this server's own origin (its Origin header names this host). */
export function fromOwnOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function registerAuthentication(app: App, verifier: TokenVerifier, revocations: TokenRevocations): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public || request.url.startsWith('/docs')) return;
    const header = request.headers.authorization;
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = bearer ? undefined : cookieOf(request, sessionCookie);
    const token = bearer ?? cookie;
    if (!token) {
      throw new ProblemError({ status: 401, code: 'unauthenticated', title: 'Unauthenticated', detail: 'a bearer token is required (Authorization: Bearer <token>), or a signed-in browser session' });
    }
    if (cookie && !safeMethods.has(request.method) && !fromOwnOrigin(request)) {
      throw new ProblemError({ status: 403, code: 'forbidden', title: 'Forbidden', detail: 'a change made with the browser session must come from the application\'s own pages (Origin)', rule: 'same_origin_writes' });
    }
    try {
      request.principal = await verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new ProblemError({ status: 401, code: 'invalid_token', title: 'Unauthenticated', detail: `the ${bearer ? 'bearer token' : 'browser session'} was refused: ${error.message}` });
      }
      if (error instanceof IdentityProviderUnavailableError) {
        throw new ProblemError({ status: 503, code: 'identity_provider_unavailable', title: 'Service unavailable', detail: error.message });
      }
      throw error;
    }
    await revocations.check(request.principal);
  });
}
