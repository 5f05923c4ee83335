// The browser's sign-in through the organisation's identity provider: the authorization code
// flow with PKCE (openid-client), the API as the confidential client (backend-for-frontend). The
// checks of a sign-in in progress (state, nonce, PKCE verifier) travel in a short-lived HttpOnly
// cookie; the token the provider returns becomes the browser's session cookie.
import * as oidc from 'openid-client';
import type { TokenVerifier } from '../auth.ts';

export interface OidcSignInSettings {
  issuer: string;
  clientId: string;
  /** Absent: a public client (PKCE alone). */
  clientSecret?: string | undefined;
  /** Where the provider sends the browser back: PUBLIC_URL/auth/callback. */
  redirectUri: string;
  /** E.g. "openid profile email api://caleol-engine/.default": the API's scope brings a token for it. */
  scopes: string;
}

/** What the browser's return must match, kept from the sign-in's start. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcSignIn {
  start(): Promise<{ url: string; pending: PendingSignIn }>;
  /** The provider's answer at `callbackUrl`: the token the API accepts, and how long it lives. */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<{ token: string; expiresInSeconds: number }>;
  secureCookie: boolean;
}

export class SignInRefusedError extends Error {}

export function oidcSignIn(settings: OidcSignInSettings, verifier: TokenVerifier): OidcSignIn {
  let configuration: Promise<oidc.Configuration> | undefined;
  const configured = () => {
    configuration ??= oidc.discovery(
      new URL(settings.issuer), settings.clientId, settings.clientSecret,
      settings.clientSecret ? oidc.ClientSecretPost(settings.clientSecret) : oidc.None(),
      // A provider on plain HTTP is a workstation's or a test's; production issuers are https.
      new URL(settings.issuer).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
    ).catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  };
  return {
    secureCookie: settings.redirectUri.startsWith('https:'),
    async start() {
      const config = await configured();
      const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri, scope: settings.scopes, response_type: 'code',
        state: pending.state, nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier), code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },
    async finish(callbackUrl, pending) {
      const config = await configured();
      let tokens;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
        });
      } catch (error) {
        throw new SignInRefusedError(error instanceof Error ? error.message : String(error));
      }
      // The access token when it is issued for this API (its audience), else the ID token.
      for (const token of [tokens.access_token, tokens.id_token]) {
        if (!token) continue;
        try {
          const principal = await verifier.verify(token);
          const expiresInSeconds = principal.expiresAt ? Math.max(0, principal.expiresAt - Math.floor(Date.now() / 1000)) : tokens.expires_in ?? 3600;
          return { token, expiresInSeconds };
        } catch {
          // Not for this API: try the next one.
        }
      }
      throw new SignInRefusedError('the identity provider returned no token this API accepts (check AUTH_OIDC_AUDIENCE and AUTH_OIDC_SCOPES)');
    },
  };
}
