// A rendering thread's entry (plain JavaScript: a thread starts without its parent's TypeScript
// loader when the parent is a test runner): the documents' modules, loaded through tsx.
import { tsImport } from 'tsx/esm/api';

const { convocationPdf } = await tsImport('./convocation.ts', import.meta.url);

/** @param {import('./convocation.ts').ConvocationFacts} facts */
export function convocation(facts) {
  return convocationPdf(facts);
}
