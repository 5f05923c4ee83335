// Where the Temporal binaries come from: an environment variable, then PATH, then the SDK's
// own download (which needs internet access).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { EphemeralServerExecutable } from '@temporalio/testing/lib/ephemeral-server.js';

const binaries = {
  cli: { envVar: 'TEMPORAL_CLI_PATH', name: 'temporal' },
  testServer: { envVar: 'TEMPORAL_TEST_SERVER_PATH', name: 'temporal-test-server' },
} as const;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findOnPath(name: string, pathVariable = process.env.PATH ?? ''): string | undefined {
  return pathVariable.split(delimiter).filter(Boolean).map((dir) => join(dir, name)).find(isExecutable);
}

export function temporalExecutable(kind: keyof typeof binaries, env: NodeJS.ProcessEnv = process.env): EphemeralServerExecutable {
  const { envVar, name } = binaries[kind];
  const configured = env[envVar];
  if (configured) {
    if (!isExecutable(configured)) throw new Error(`${envVar}=${configured} is not an executable file`);
    return { type: 'existing-path', path: configured };
  }
  const onPath = findOnPath(name, env.PATH ?? '');
  if (onPath) return { type: 'existing-path', path: onPath };
  return { type: 'cached-download' };
}

export function describeExecutable(executable: EphemeralServerExecutable): string {
  return executable.type === 'existing-path' ? executable.path : 'downloaded by the Temporal SDK';
}
