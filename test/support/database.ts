import { inject } from 'vitest';
import { createDatabase, type Database } from '../../prisma/database.ts';

/**
 * The test run's database. The embedded PostgreSQL runs every connection's messages through one
 * session, so it is used through a single connection (and the test files one after another).
 */
export function testDatabase(connections = 4): Database {
  return createDatabase(inject('databaseUrl'), { maxConnections: inject('embeddedDatabase') ? 1 : connections });
}
