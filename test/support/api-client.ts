// A thin client over the app's inject for tests that drive whole sessions through the API.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { generateSignerKeyPair, signMinutesHash } from '../../documents/signatures.ts';
import type { Harness } from './harness.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function apiClient(h: Harness) {
  return async function call(method: Method, url: string, token: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return h.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${token}`, ...headers } });
  };
}

/** Asserts the status, showing the body when it differs, and returns the parsed body. */
export function expectStatus<T = Record<string, any>>(res: LightMyRequestResponse, status: number): T {
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBe(status);
  return res.json<T>();
}

type Call = ReturnType<typeof apiClient>;

/**
 * Signs the minutes as a signer would: a key pair of their own, its public half registered for
 * the committee, and the Ed25519 signature of the hash submitted. Returns the signing response.
 */
export async function signMinutesAs(call: Call, signer: { token: string; committeeId: string; sessionId: string; sha256: string; as?: 'chair' | 'secretary' }): Promise<LightMyRequestResponse> {
  const { publicKeyPem, privateKeyPem } = generateSignerKeyPair();
  expectStatus(await call('POST', `/committees/${signer.committeeId}/signer-keys`, signer.token, { publicKeyPem, ...(signer.as ? { as: signer.as } : {}) }), 201);
  return call('POST', `/sessions/${signer.sessionId}/minutes/signatures`, signer.token, {
    sha256: signer.sha256, signature: signMinutesHash(privateKeyPem, signer.sha256), ...(signer.as ? { as: signer.as } : {}),
  });
}

/**
 * Waits until every member of the session at `sessionPath` (`/sessions/<id>`) has received their
 * convocation: the sitting opens only then. Polls the live state, at most `timeoutMs`.
 */
export async function untilConvened(call: (method: 'GET', url: string, token: string) => Promise<LightMyRequestResponse>, sessionPath: string, token: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await call('GET', sessionPath, token)).json<{ convocations?: Record<string, { status: string }> }>();
    const statuses = Object.values(state.convocations ?? {});
    if (statuses.length > 0 && statuses.every((c) => c.status === 'convened')) return;
    if (Date.now() > deadline) throw new Error(`the members of ${sessionPath} were not all convened within ${timeoutMs} ms: ${JSON.stringify(state.convocations)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
