// The one way to reach PostgreSQL: the generated Prisma client over node-postgres.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Database = PrismaClient;
export { Prisma } from '../generated/prisma/client.ts';

/**
 * How long a query or a transaction waits for a connection of the pool before giving up (the API then answers 503
 * with Retry-After): the same for both, and long enough that a burst queues instead of failing (Prisma's own default
 * for a transaction, 2 s, failed setups at 200 sessions while plain queries waited without bound).
 */
const connectionWaitMs = 10_000;

export function createDatabase(databaseUrl: string, options: { maxConnections?: number } = {}): Database {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10, connectionTimeoutMillis: connectionWaitMs });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: connectionWaitMs } });
}
