// Checks the audit trail's hash chain in the database (DATABASE_URL), and its signed checkpoints
// with the public keys given: exit 0 and "OK", or 1 and each break with where it is; 2 for a
// usage error.
import { readFileSync } from 'node:fs';
import { checkpointKeys } from '../documents/audit-checkpoints.ts';
import { hasAuditTrail, verifyAuditTrail } from '../prisma/audit-trail.ts';
import { createDatabase } from '../prisma/database.ts';
import { parseOptions, runCommand, UsageError } from './command-line.ts';

const usage = `usage:
  npx tsx bin/verify-audit.ts [--committee <committee id>] [--checkpoint-keys <public PEM file>,…]
      checks every committee's chain (or one), reading DATABASE_URL, and its checkpoints with the
      checkpoint keys' public PEMs (default: AUDIT_CHECKPOINT_PUBLIC_KEYS)`;

async function main(argv: string[]): Promise<number> {
  const args = parseOptions(argv, { committee: { type: 'string' }, 'checkpoint-keys': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const);
  if (args.help) {
    console.log(usage);
    return 0;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('DATABASE_URL names the database to check');
  const db = createDatabase(databaseUrl, { maxConnections: 1 });
  try {
    if (args.committee !== undefined && !(await hasAuditTrail(db, args.committee))) throw new UsageError(`committee ${args.committee} has no audit trail`);
    const files = (args['checkpoint-keys'] ?? process.env.AUDIT_CHECKPOINT_PUBLIC_KEYS ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    let keys: Map<string, string>;
    try {
      keys = checkpointKeys(files.map((f) => readFileSync(f, 'utf8')));
    } catch (error) {
      throw new UsageError(`cannot read the checkpoint keys: ${(error as Error).message}`);
    }
    const results = await verifyAuditTrail(db, args.committee, keys);
    for (const r of results) {
      const checkpoints = keys.size ? `, ${r.checkpoints} signed checkpoint(s) checked` : `, ${r.checkpoints} checkpoint(s) not checked (no checkpoint key given)`;
      console.log(`${r.ok ? 'OK    ' : 'FAILED'} committee ${r.committeeId}: ${r.events} event(s) in the chain${r.unchained ? `, ${r.unchained} written before it` : ''}${checkpoints}`);
      for (const p of r.problems) console.log(`  - ${p.message}`);
    }
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

runCommand('verify-audit', usage, main);
