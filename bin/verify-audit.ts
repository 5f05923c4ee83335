// Checks the audit trail's hash chain in the database (DATABASE_URL): exit 0 and "OK", or 1 and
// each break with where it is; 2 for a usage error.
import { hasAuditTrail, verifyAuditTrail } from '../prisma/audit-trail.ts';
import { createDatabase } from '../prisma/database.ts';
import { parseOptions, UsageError } from './command-line.ts';

const usage = `usage:
  npx tsx bin/verify-audit.ts [--committee <committee id>]
      checks every committee's chain (or one), reading DATABASE_URL`;

async function main(argv: string[]): Promise<number> {
  const args = parseOptions(argv, { committee: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const);
  if (args.help) {
    console.log(usage);
    return 0;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('DATABASE_URL names the database to check');
  const db = createDatabase(databaseUrl, { maxConnections: 1 });
  try {
    if (args.committee !== undefined && !(await hasAuditTrail(db, args.committee))) throw new UsageError(`committee ${args.committee} has no audit trail`);
    const results = await verifyAuditTrail(db, args.committee);
    for (const r of results) {
      console.log(`${r.ok ? 'OK    ' : 'FAILED'} committee ${r.committeeId}: ${r.events} event(s) in the chain${r.unchained ? `, ${r.unchained} written before it` : ''}`);
      for (const p of r.problems) console.log(`  - ${p.message}`);
    }
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    console.error(`verify-audit: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(usage);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
