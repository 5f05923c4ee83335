// Errors as RFC 9457 problem details with stable codes; the one place they are mapped to HTTP.
import { Type } from 'typebox';

export const problemContentType = 'application/problem+json';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    detail: Type.String(),
    rule: Type.Optional(Type.String({ description: 'The rule that refused the request' })),
    instance: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  rule?: string | undefined;
  [extra: string]: unknown;
}

/** Thrown by route handlers and services; the error handler answers it as is. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

export const notFound = (what: string, id: string) =>
  new ProblemError({ status: 404, code: 'not_found', title: 'Not found', detail: `${what} ${id} does not exist` });

export const forbidden = (detail: string, rule?: string) =>
  new ProblemError({ status: 403, code: 'forbidden', title: 'Forbidden', detail, rule });

export const conflict = (code: string, detail: string, rule?: string) =>
  new ProblemError({ status: 409, code, title: 'Conflict', detail, rule });

export const unprocessable = (code: string, detail: string, rule?: string, extra: Record<string, unknown> = {}) =>
  new ProblemError({ status: 422, code, title: 'Unprocessable request', detail, rule, ...extra });

export function problemBody(problem: Problem, instance?: string) {
  const { status, code, title, detail, rule, ...extra } = problem;
  return {
    type: `https://caleol.example/problems/${code}`,
    title,
    status,
    code,
    detail,
    ...(rule ? { rule } : {}),
    ...(instance ? { instance } : {}),
    ...extra,
  };
}
