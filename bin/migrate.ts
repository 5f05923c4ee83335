// Applies the database migrations (offline equivalent of `prisma migrate deploy`).
import { applyMigrations } from '../prisma/migrations.ts';
import { loadConfig } from './config.ts';
import { runProcess } from './wiring.ts';

runProcess(async () => {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required to migrate');
  const report = await applyMigrations(config.databaseUrl);
  console.log(`migrations applied: ${report.applied.length ? report.applied.join(', ') : 'none'}; already applied: ${report.alreadyApplied.length}`);
  process.exit(0);
});
