// The published client (client/) against the running API over HTTP: typed calls with the token,
// a retried write with its Idempotency-Key applied once, a refusal read as its problem.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaleolClient, newIdempotencyKey, type CaleolClient } from '../../client/index.ts';
import { committeeInput } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let caleol: CaleolClient;

beforeAll(async () => {
  h = await startHarness('api-client', { rateLimit: false });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const secretary = await h.token({ subject: 'secretary@client', roles: ['secretary'] });
  caleol = createCaleolClient({ baseUrl: `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`, token: () => secretary });
});
afterAll(async () => h?.close());

describe('the typed client', () => {
  it('creates a committee once however often the write is retried with its key, and reads it back', async () => {
    const key = newIdempotencyKey();
    const body = committeeInput(' client');
    const first = await caleol.POST('/committees', { params: { header: { 'Idempotency-Key': key } }, body });
    const retried = await caleol.POST('/committees', { params: { header: { 'Idempotency-Key': key } }, body });
    expect(first.response.status).toBe(201);
    expect(retried.response.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.data?.id).toBe(first.data?.id);
    const read = await caleol.GET('/committees/{id}', { params: { path: { id: first.data!.id } } });
    expect(read.data?.name).toBe(body.name);
  });

  it('gives a refusal as its problem: status, code and the rule', async () => {
    const { data, error, response } = await caleol.GET('/sessions/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    expect(data).toBeUndefined();
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('the published document', () => {
  it('describes both ways of signing in: the local bearer token and the organisation\'s OpenID Connect provider', async () => {
    const doc = JSON.parse(readFileSync(new URL('../../client/openapi.json', import.meta.url), 'utf8')) as { components: { securitySchemes: Record<string, { type: string; scheme?: string; openIdConnectUrl?: string }> } };
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.oidc).toMatchObject({ type: 'openIdConnect', openIdConnectUrl: expect.stringMatching(/\/\.well-known\/openid-configuration$/) });
  });
});
