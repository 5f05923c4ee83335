// Every route but the public ones needs a bearer token, verified (and checked against the
// revocation list) before anything else runs.
import type { App } from '../context.ts';
import { IdentityProviderUnavailableError, InvalidTokenError, type TokenVerifier } from '../auth.ts';
import { ProblemError } from '../problems.ts';
import type { TokenRevocations } from '../services/token-revocations.ts';

export function registerAuthentication(app: App, verifier: TokenVerifier, revocations: TokenRevocations): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public || request.url.startsWith('/docs')) return;
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) {
      throw new ProblemError({ status: 401, code: 'unauthenticated', title: 'Unauthenticated', detail: 'a bearer token is required (Authorization: Bearer <token>)' });
    }
    try {
      request.principal = await verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new ProblemError({ status: 401, code: 'invalid_token', title: 'Unauthenticated', detail: `the bearer token was refused: ${error.message}` });
      }
      if (error instanceof IdentityProviderUnavailableError) {
        throw new ProblemError({ status: 503, code: 'identity_provider_unavailable', title: 'Service unavailable', detail: error.message });
      }
      throw error;
    }
    await revocations.check(request.principal);
  });
}
