// Applies the database migrations (offline equivalent of `prisma migrate deploy`).
import { applyMigrations } from '../prisma/migrations.ts';
import { loadConfig } from './config.ts';
import { createLogger, runProcess } from './wiring.ts';

runProcess(async () => {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required to migrate');
  const report = await applyMigrations(config.databaseUrl);
  createLogger(config, 'caleol-migrate').info({ applied: report.applied, alreadyApplied: report.alreadyApplied.length }, `migrations applied: ${report.applied.length}, already applied: ${report.alreadyApplied.length}`);
  process.exit(0);
});
