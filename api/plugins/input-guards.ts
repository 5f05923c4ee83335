// What every request's input must satisfy before its route sees it.
import type { App } from '../context.ts';
import { ProblemError } from '../problems.ts';

export function registerInputGuards(app: App): void {
  // A POST without a body is an empty object: optional bodies validate, required fields are named.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined) request.body = {};
    // PostgreSQL text cannot hold NUL: refuse it here rather than fail at the database.
    const where = nulCharacterIn({ body: Buffer.isBuffer(request.body) ? undefined : request.body, query: request.query, params: request.params });
    if (where) throw new ProblemError({ status: 400, code: 'invalid_request', title: 'Invalid request', detail: `${where} contains a NUL character, which no text may hold` });
  });
}

/** The path of the first string holding U+0000 in a parsed request, if any. */
function nulCharacterIn(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'the request' : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulCharacterIn(v, `${path}/${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return `${path}/${k}`;
      const found = nulCharacterIn(v, path ? `${path}/${k}` : k);
      if (found) return found;
    }
  }
  return undefined;
}
