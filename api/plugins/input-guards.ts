// What every request's input must satisfy before its route sees it: a bounded nesting depth,
// checked without recursion (a body nested thousands deep would overflow any recursive walk),
// and no NUL character, which PostgreSQL text cannot hold.
import type { App } from '../context.ts';
import { ProblemError } from '../problems.ts';

/** Deeper than any document of this API: the agenda item, the deepest, is four levels. */
export const maxJsonDepth = 32;

export function registerInputGuards(app: App): void {
  // A POST without a body is an empty object: optional bodies validate, required fields are named.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined) request.body = {};
    const problem = inputProblem({ body: Buffer.isBuffer(request.body) ? undefined : request.body, query: request.query, params: request.params });
    if (problem) throw problem;
  });
}

/** The first thing wrong with a parsed input (too deep, or a NUL character), as a problem. */
export function inputProblem(value: unknown): ProblemError | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return invalid('invalid_request', `${path || 'the request'} contains a NUL character, which no text may hold`);
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth > maxJsonDepth) return invalid('json_too_deep', `the input is nested more than ${maxJsonDepth} levels deep`);
    for (const [k, child] of Object.entries(v)) {
      if (k.includes('\u0000')) return invalid('invalid_request', `${path}/${k} contains a NUL character, which no text may hold`);
      stack.push({ value: child, path: path ? `${path}/${k}` : k, depth: depth + 1 });
    }
  }
  return undefined;
}

function invalid(code: string, detail: string): ProblemError {
  return new ProblemError({ status: 400, code, title: 'Invalid request', detail });
}
