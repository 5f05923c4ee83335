// The embedded PostgreSQL of `npm start` (PGlite, persisted in a data folder), run as a process
// of its own and served by bench/pglite-server.ts. A process of its own: PGlite executes
// queries on the thread that calls it, which in the bench process would hold up the clock of
// every request being timed, and its cost is then measured apart. Its own server: npm start's
// (@electric-sql/pglite-socket) interleaves the messages of concurrent connections, which the
// worker and the API in two processes, each with a pool of connections, run into at once.
// Usage: node --import tsx bench/embedded-postgres.ts <data folder> <port>
// Prints `ready <url>` once it accepts connections; stops on SIGTERM or SIGINT (and, through
// bench/orphan-guard.mjs, when the bench dies).
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { servePGlite } from './pglite-server.ts';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) {
  console.error('usage: embedded-postgres.ts <data folder> <port>');
  process.exit(2);
}

mkdirSync(dataDir, { recursive: true });
const db = await PGlite.create(dataDir);
const server = await servePGlite(db, Number(port));
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.stop().then(() => db.close()).then(() => process.exit(0), (error: unknown) => {
    console.error('while stopping:', error);
    process.exit(1);
  });
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// The same URL as bin/embedded.ts gives.
process.stdout.write(`ready postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres?sslmode=disable\n`);
