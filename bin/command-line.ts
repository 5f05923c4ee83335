// Command-line parsing shared by the offline commands: strict options, usage errors apart.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called: the caller prints the usage and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Runs a command's `main` on the process's arguments: its result is the exit code; an error is
 * printed under the command's name and exits 1, or 2 with the usage when it was a usage error.
 */
export function runCommand(name: string, usage: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof UsageError) console.error(usage);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}
