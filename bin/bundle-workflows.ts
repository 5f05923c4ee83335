// Writes the session workflows' bundle, for WORKFLOW_BUNDLE_PATH: a worker that loads it starts
// without bundling, and the auditors' replays run the same file. Exit 0 when written, 1 on a
// bundling error, 2 on misuse.
import { parseOptions, runCommand, UsageError } from './command-line.ts';
import { writeWorkflowBundle } from './workflow-bundle.ts';

const usage = 'usage: npm run build:workflows -- --out <file>';

async function main(argv: string[]): Promise<number> {
  const args = parseOptions(argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const);
  if (args.help) {
    console.log(usage);
    return 0;
  }
  if (!args.out) throw new UsageError('give --out <file>');
  const bytes = await writeWorkflowBundle(args.out);
  console.log(`workflow bundle written: ${args.out} (${bytes} bytes); give it to the worker and the API as WORKFLOW_BUNDLE_PATH`);
  return 0;
}

runCommand('bundle-workflows', usage, main);
