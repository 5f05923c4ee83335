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
