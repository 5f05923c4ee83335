// Registers the session workflows' search attributes on a Temporal namespace. Idempotent:
// a production setup step (docker-compose runs it once).
import { Connection } from '@temporalio/client';
import { searchAttributeRegistrations } from '../workflows/search-attributes.ts';
import { loadConfig } from './config.ts';
import { registerSearchAttributes } from './search-attribute-registration.ts';
import { createLogger, runProcess } from './wiring.ts';

runProcess(async () => {
  const config = loadConfig();
  if (!config.temporalAddress) throw new Error('TEMPORAL_ADDRESS is required');
  const connection = await Connection.connect({ address: config.temporalAddress });
  const added = await registerSearchAttributes(connection, config.temporalNamespace);
  createLogger(config, 'caleol-setup').info({ registered: added, namespace: config.temporalNamespace }, `search attributes: ${added.length} registered, ${Object.keys(searchAttributeRegistrations).length - added.length} already present`);
  await connection.close();
  process.exit(0);
});
