// The CALEOL API's typed client: every path, parameter, body and answer typed from the OpenAPI
// document (openapi.json, beside it), over fetch (openapi-fetch). A token is sent with each
// request; a write can carry an Idempotency-Key, so that a retry is applied once.
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema.ts';

export type { components, operations, paths } from './schema.ts';

export interface CaleolClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** The API's address (the deployment's PUBLIC_URL). */
  baseUrl: string;
  /** A bearer token, or a function that gives the current one (it may be refreshed). */
  token?: string | (() => string | Promise<string>) | undefined;
}

export type CaleolClient = Client<paths>;

export function createCaleolClient({ token, ...options }: CaleolClientOptions): CaleolClient {
  const client = createClient<paths>(options);
  if (token !== undefined) {
    client.use({
      async onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${typeof token === 'function' ? await token() : token}`);
        return request;
      },
    });
  }
  return client;
}

/** A new Idempotency-Key: give the same one to each retry of a write. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
