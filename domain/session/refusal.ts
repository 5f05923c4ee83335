// Why a command is refused: the kind of refusal (the API's status), the rule and its article.
import { articleOf } from '../rules/index.ts';

export type RefusalKind =
  /** The session is not in a state that allows it. */
  | 'conflict'
  /** It breaks a rule of law or of the committee's internal rules. */
  | 'rule_violation'
  /** An id in the command names nothing in this session. */
  | 'not_found'
  /** The actor may not do this. */
  | 'forbidden';

export interface RefusalProblem {
  field?: string | undefined;
  rule: string;
  message: string;
}

export interface Refusal {
  kind: RefusalKind;
  rule: string;
  /** The article of the CCH, another text, or the committee's internal rules that the rule comes from. */
  article: string;
  message: string;
  problems?: RefusalProblem[] | undefined;
}

export function refusal(kind: RefusalKind, rule: string, message: string, problems?: RefusalProblem[]): Refusal {
  return { kind, rule, article: articleOf(rule), message, ...(problems?.length ? { problems } : {}) };
}

/** The first problem a pure rule found, as a refusal of the given kind. */
export function firstProblem(kind: RefusalKind, problems: readonly RefusalProblem[]): Refusal | undefined {
  const first = problems[0];
  return first ? refusal(kind, first.rule, first.message, [...problems]) : undefined;
}
