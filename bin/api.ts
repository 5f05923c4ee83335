// The API alone, against external PostgreSQL and Temporal (docker-compose, production).
import { loadConfig } from './config.ts';
import { startTracing } from './tracing.ts';
import { createDatabase, createLogger, createVerifier, localSecret, runProcess, startApi } from './wiring.ts';

runProcess(async (onStop) => {
  const config = loadConfig();
  if (!config.databaseUrl || !config.temporalAddress) throw new Error('the API process needs DATABASE_URL and TEMPORAL_ADDRESS');
  if (config.auth.mode === 'local' && !config.auth.secret) throw new Error('the API process needs AUTH_LOCAL_SECRET with AUTH_MODE=local');
  const logger = createLogger(config, 'caleol-api');
  const tracing = startTracing('caleol-api');
  if (tracing) onStop(() => tracing.shutdown());
  const db = createDatabase(config.databaseUrl);
  onStop(() => db.$disconnect());
  const api = await startApi({ ...config, databaseUrl: config.databaseUrl, temporalAddress: config.temporalAddress }, db, createVerifier(config.auth, localSecret(config)), logger, undefined, { tracing });
  onStop(() => api.stop());
  logger.info({ address: api.address }, 'API listening');
});
