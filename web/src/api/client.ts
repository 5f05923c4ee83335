// The API as the pages call it: typed by the generated schema, carried by the browser's session
// cookie (same origin). A refusal becomes an ApiProblem whose message is the catalogue's.
import createClient from 'openapi-fetch';
import { problemMessage } from '../messages.ts';
import type { components, paths } from '../../../client/schema.ts';

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

export type SessionView = paths['/sessions/{id}']['get']['responses'][200]['content']['application/json'];
export type AgendaItem = SessionView['agenda'][number];
export type Quorum = SessionView['quorum'];
export type Committee = paths['/committees/{id}']['get']['responses'][200]['content']['application/json'];
export type Member = Committee['members'][number];
export type SessionFiles = paths['/sessions/{id}/files']['get']['responses'][200]['content']['application/json'];
export type ItemFile = SessionFiles['items'][number];
export type Me = paths['/auth/me']['get']['responses'][200]['content']['application/json'];
export type Proposal = NonNullable<AgendaItem['proposal']>[number];
/** The API's problem answer (application/problem+json); any field may be missing from a proxy's error page. */
export type ProblemBody = Partial<components['schemas']['Problem']> & { article?: string };

/** A refused request, with the message a person reads. */
export class ApiProblem extends Error {
  constructor(readonly status: number, readonly body: ProblemBody) {
    super(problemMessage(body));
  }
}

/** The answer's data, or the refusal thrown as an ApiProblem. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body: ProblemBody = typeof error === 'object' && error !== null ? error : { detail: String(error ?? response.statusText) };
  if (response.status === 401) window.dispatchEvent(new CustomEvent('caleol:signed-out'));
  throw new ApiProblem(response.status, { status: response.status, ...body });
}

/** A document the API serves (a PDF, the export bundle), as a file the browser saves. */
export async function download(path: string, accept: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: { accept }, credentials: 'same-origin' });
  if (!response.ok) {
    const body = await response.json().catch(() => ({})) as ProblemBody;
    throw new ApiProblem(response.status, { status: response.status, ...body });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
