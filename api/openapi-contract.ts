// What every operation of the OpenAPI document says beyond its route's schema, added in one place
// so that no route can forget it: a stable operationId, errors as problem+json with an example,
// the headers and answers the plugins add (Idempotency-Key, Location, 429 and 503 with
// Retry-After), an example of every JSON body and answer, the servers and security schemes.
import { sample } from 'openapi-sampler';
import { problemBody, problemContentType } from './problems.ts';

type Json = Record<string, any>;
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;
const writes = new Set(['put', 'post', 'patch', 'delete']);
/** Reads are not rate-limited, but for these (plugins/rate-limits.ts: the export's class). */
const rateLimitedReads = new Set(['/sessions/{id}/export']);
/** Answered without Temporal or the database's rate limits: no 429 or 503 of ours. */
const untouched = new Set(['/health', '/webhooks/zoom']);

/** Where a creation answers the new resource's address (the routes set the header). */
const locations: Record<string, string> = {
  'post /committees': '/committees/{id}',
  'post /committees/{id}/sessions': '/sessions/{id}',
};

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const camel = (segment: string) => segment.split(/[-_.]/).filter(Boolean).map(capitalized).join('');

/**
 * `GET /sessions/{id}/agenda-items/{itemId}/votes` → `getSessionsAgendaItemsVotes`; a path ending
 * in a parameter names it: `GET /outbox/{messageId}` → `getOutboxByMessageId`.
 */
export function operationIdOf(method: string, path: string): string {
  const segments = path.split('/').filter(Boolean);
  const last = segments.at(-1);
  const words = segments.filter((s) => !s.startsWith('{')).map(camel);
  const by = last?.startsWith('{') ? `By${capitalized(last.slice(1, -1))}` : '';
  return `${method}${words.join('')}${by}`;
}

const sessionId = '6f1c2a7e-3b8d-4c1e-9a2f-0d5e8b7c4a13';
/** What each refusal looks like, as the error handler writes it (problems.ts). */
const problemExamples: Record<string, Json> = {
  400: problemBody({ status: 400, code: 'invalid_request', title: 'Invalid request', detail: 'body/choice must be equal to one of the allowed values', errors: [{ location: 'body/choice', message: 'must be equal to one of the allowed values', params: { allowedValues: ['for', 'against', 'abstain'] } }] }),
  401: problemBody({ status: 401, code: 'unauthenticated', title: 'Unauthenticated', detail: 'a bearer token is required (Authorization: Bearer <token>), or a signed-in browser session' }),
  403: problemBody({ status: 403, code: 'forbidden', title: 'Forbidden', detail: 'this member is not on the voting roster of the item', rule: 'voting_roster' }),
  404: problemBody({ status: 404, code: 'not_found', title: 'Not found', detail: `session ${sessionId} not found` }),
  409: problemBody({ status: 409, code: 'session_finished', title: 'Session finished', rule: 'session_finished', phase: 'completed', detail: `session ${sessionId} has finished (completed) and accepts no more changes` }),
  422: problemBody({ status: 422, code: 'rule_violation', title: 'Refused by a rule', detail: 'quorum is not reached for this item: 4 present or represented of 9, 5 required', rule: 'quorum_before_each_vote', article: 'règlement intérieur (CCH R441-9) : quorum' }),
  429: problemBody({ status: 429, code: 'rate_limited', title: 'Too many requests', detail: 'at most 120 such requests per 60 s; retry in 12 seconds' }),
  503: problemBody({ status: 503, code: 'temporal_unavailable', title: 'Service unavailable', detail: 'the workflow service does not answer; retry the request (with the same Idempotency-Key) in a moment' }),
};
/** Each status's example is written once, in components/examples, and referred to. */
const problemMedia = (status: string, schema: Json = { $ref: '#/components/schemas/Problem' }) =>
  ({ [problemContentType]: { schema, ...(problemExamples[status] ? { examples: { [problemExamples[status].code as string]: { $ref: `#/components/examples/Problem${status}` } } } : {}) } });
const problem = (status: string, description: string) => ({ description, content: problemMedia(status) });
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } } };

const statusDescriptions: Record<string, string> = {
  400: 'The request does not match its schema (problem details name the rule)',
  401: 'No valid token or session cookie',
  403: 'The caller\'s role or committee scope does not allow it',
  404: 'No such resource (or none the caller may see)',
  409: 'Not allowed in the resource\'s current state (e.g. a finished session, with its phase)',
  422: 'Refused by a rule of the law or of the committee\'s rules (the rule and article are named)',
};

const tagDescriptions: Record<string, string> = {
  audit: 'The decision history, replays, exports and the search of past decisions, for auditors',
  agenda: 'The agenda of a session: its items (a dwelling and its ranked candidates) and their publication',
  browser: 'The web application\'s sign-in (demo users, or the organisation\'s identity provider) and session cookie',
  committees: 'Committees, their members and their versioned internal rules',
  minutes: 'The minutes, their signatures and verification, and what was sent after the session',
  offers: 'Offers of decided dwellings to the ranked candidates, and their answers',
  ops: 'Health, workflows, stuck sessions and the actions that fix them',
  outbox: 'The mail the embedded default keeps instead of sending it',
  sessions: 'A session from scheduling to its close: agenda, convocations, sitting, attendance, proxies',
  votes: 'Votes on each item, their opening and closing, deferral and referral',
  webhooks: 'Zoom\'s webhook: the meeting\'s events, authenticated by their signature',
};

export interface ContractOptions {
  /** The address clients call (PUBLIC_URL). */
  publicUrl?: string | undefined;
  /** The OpenID Connect discovery document of the organisation's provider, when tokens come from it. */
  openIdConnectUrl?: string | undefined;
}

/** The document @fastify/swagger built, completed. */
export function completeContract(document: Json, options: ContractOptions): Json {
  const doc = structuredClone(document);
  doc.servers = [{ url: options.publicUrl ?? 'http://localhost:3000', description: 'This deployment' }];
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.examples = Object.fromEntries(Object.entries(problemExamples).map(([status, value]) => [`Problem${status}`, { summary: value.title, value }]));
  if (options.openIdConnectUrl) {
    doc.components.securitySchemes.oidc = { type: 'openIdConnect', openIdConnectUrl: options.openIdConnectUrl, description: 'A token of the organisation\'s identity provider (AUTH_MODE=oidc)' };
    doc.security = [...(doc.security ?? []), { oidc: [] }];
  }
  doc.tags = [...new Set(Object.values(doc.paths ?? {}).flatMap((item: any) => methods.flatMap((m) => item[m]?.tags ?? [])))].sort()
    .map((name) => ({ name, ...(tagDescriptions[name] ? { description: tagDescriptions[name] } : {}) }));

  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      operation.operationId ??= operationIdOf(method, path);
      operation.description ??= operation.summary;
      const responses: Json = operation.responses ?? {};
      for (const [status, response] of Object.entries<Json>(responses)) {
        if (Number(status) < 400) continue;
        const schema = response.content?.['application/json']?.schema ?? { $ref: '#/components/schemas/Problem' };
        responses[status] = { description: response.description && response.description !== 'Default Response' ? response.description : statusDescriptions[status] ?? 'Refused', content: problemMedia(status, schema) };
      }
      const location = locations[`${method} ${path}`];
      if (location) {
        for (const status of ['200', '201']) {
          if (responses[status]) responses[status].headers = { ...responses[status].headers, Location: { description: `The address of what was created or found (${location})`, schema: { type: 'string' } } };
        }
      }
      const publicRoute = Array.isArray(operation.security) && operation.security.length === 0;
      if (!untouched.has(path) && !path.startsWith('/auth/')) {
        responses[503] = { ...problem('503', 'Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key)'), headers: retryAfter };
        if (writes.has(method) || rateLimitedReads.has(path)) responses[429] = { ...problem('429', 'Over the caller\'s rate limit for this class of request'), headers: retryAfter };
      }
      if (method === 'post' && !publicRoute) {
        operation.parameters = [...(operation.parameters ?? []), {
          name: 'Idempotency-Key', in: 'header', required: false,
          description: 'A key of the client\'s choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once',
          schema: { type: 'string', maxLength: 200 },
        }];
      }
      operation.responses = responses;
      exemplify(operation.requestBody?.content?.['application/json'], doc);
      for (const [status, response] of Object.entries<Json>(responses)) if (status.startsWith('2')) exemplify(response.content?.['application/json'], doc);
    }
  }
  return doc;
}

/**
 * An example drawn from the schema (its fields' own examples, formats and first enum values,
 * as Redoc's sampler draws them), where the route gives none: every JSON body and answer has one.
 */
function exemplify(media: Json | undefined, doc: Json): void {
  if (!media?.schema || media.example !== undefined || media.examples !== undefined) return;
  media.example = sample(media.schema, { skipReadOnly: true, quiet: true }, doc);
}
