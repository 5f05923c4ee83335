// Checks a session's export bundle offline, with no server and no database: the bundle's own
// hash, the minutes (JSON, hash, PDF, every signature), the audit chain's links and the events'
// hashes, its signed checkpoints, and the workflow history's hash. Exit 0 and "OK", 1 and each problem, 2 on misuse.
import { readFileSync } from 'node:fs';
import { verifyExportBundle } from '../documents/export-bundle.ts';
import { parseOptions, runCommand, UsageError } from './command-line.ts';

const usage = `usage:
  npx tsx bin/verify-export.ts --bundle <session-….caleol.json> [--checkpoint-keys <public PEM file>,…]
      the file GET /sessions/{id}/export gave; its audit checkpoints are checked against the keys
      given (the deployment's), or else against the keys the bundle carries`;

async function main(argv: string[]): Promise<number> {
  const args = parseOptions(argv, { bundle: { type: 'string' }, 'checkpoint-keys': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const);
  if (args.help) {
    console.log(usage);
    return 0;
  }
  const path = args.bundle;
  if (!path) throw new UsageError('--bundle names the file to check');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let pinned: string[];
  try {
    pinned = (args['checkpoint-keys'] ?? '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => readFileSync(f, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the checkpoint keys: ${(error as Error).message}`);
  }
  const result = await verifyExportBundle(text, pinned);
  if (result.ok) {
    console.log(`OK: ${path}: bundle hash, minutes, signatures, audit chain, checkpoints and history verified`);
    return 0;
  }
  console.log(`FAILED: ${path}`);
  for (const problem of result.problems) console.log(`- ${problem}`);
  return 1;
}

runCommand('verify-export', usage, main);
