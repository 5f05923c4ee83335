// The Temporal worker alone, against external PostgreSQL and Temporal.
import { loadConfig } from './config.ts';
import { startTracing } from './tracing.ts';
import { createDatabase, createLogger, installWorkerRuntime, runProcess, startWorker } from './wiring.ts';

runProcess(async (onStop) => {
  const config = loadConfig();
  if (!config.databaseUrl || !config.temporalAddress) throw new Error('the worker process needs DATABASE_URL and TEMPORAL_ADDRESS');
  const logger = createLogger(config, 'caleol-worker');
  installWorkerRuntime(config, logger);
  const tracing = startTracing('caleol-worker');
  if (tracing) onStop(() => tracing.shutdown());
  const db = createDatabase(config.databaseUrl);
  onStop(() => db.$disconnect());
  const worker = await startWorker({ ...config, databaseUrl: config.databaseUrl, temporalAddress: config.temporalAddress }, db, undefined, tracing);
  onStop(() => worker.stop());
  logger.info({ taskQueue: config.taskQueue }, 'worker running');
  await worker.running;
});
