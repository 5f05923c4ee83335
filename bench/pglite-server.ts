// PGlite served over the PostgreSQL wire protocol to clients in other processes, one protocol
// exchange at a time. PGlite is a single PostgreSQL session: @electric-sql/pglite-socket's
// server feeds it every connection's messages one by one, so that with several clients the
// Parse of one can land between the Parse and the Bind of another ("unnamed prepared statement
// does not exist"), which is why `npm start` runs its API and worker in one process on a
// single connection. Here a connection holds the session from its first message until PGlite
// is ready for a query again outside a transaction (ReadyForQuery 'I' after a Sync or a simple
// Query): whole exchanges and whole transactions never interleave. The bench runs the worker
// and the API as separate processes, each with its pool of connections, so it needs this.
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const sslRequest = 80877103;
const gssEncRequest = 80877104;
const cancelRequest = 80877102;
const readyForQuery = 0x5a; // 'Z'
const sync = 0x53; // 'S'
const simpleQuery = 0x51; // 'Q'
const terminate = 0x58; // 'X'
const idle = 0x49; // 'I'
const syncMessage = new Uint8Array([sync, 0, 0, 0, 4]);

interface Message {
  data: Buffer;
  /** A startup packet, SSL or cancel request: no type byte. */
  untyped: boolean;
}

interface Connection {
  socket: Socket;
  /** Complete messages not yet run. */
  queue: Message[];
  running: boolean;
  closed: boolean;
  /** Whether the last exchange left a Parse/Bind/Execute without its Sync. */
  inExchange: boolean;
}

/** The one session, held by one connection at a time, handed to the next in arrival order. */
class SessionLock {
  private owner: Connection | undefined;
  private readonly waiting: Array<{ connection: Connection; grant: () => void }> = [];

  async acquire(connection: Connection): Promise<void> {
    if (this.owner === connection) return;
    if (this.owner === undefined) {
      this.owner = connection;
      return;
    }
    await new Promise<void>((grant) => this.waiting.push({ connection, grant }));
  }

  holds(connection: Connection): boolean {
    return this.owner === connection;
  }

  release(connection: Connection): void {
    if (this.owner !== connection) {
      const index = this.waiting.findIndex((w) => w.connection === connection);
      if (index >= 0) this.waiting.splice(index, 1);
      return;
    }
    const next = this.waiting.shift();
    this.owner = next?.connection;
    next?.grant();
  }
}

/** The status byte of the last ReadyForQuery in a stream of backend messages, scanned as it comes. */
class ReadyScanner {
  private header: Buffer = Buffer.alloc(0);
  private skip = 0;
  private inReady = false;
  status: number | undefined;

  push(data: Uint8Array): void {
    let i = 0;
    while (i < data.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, data.length - i);
        if (this.inReady && this.skip === 1) this.status = data[i];
        i += n;
        this.skip -= n;
        if (this.skip === 0) this.inReady = false;
        continue;
      }
      const take = Math.min(5 - this.header.length, data.length - i);
      this.header = Buffer.concat([this.header, data.subarray(i, i + take)]);
      i += take;
      if (this.header.length < 5) break;
      this.inReady = this.header[0] === readyForQuery;
      this.skip = this.header.readInt32BE(1) - 4;
      this.header = Buffer.alloc(0);
    }
  }
}

export interface PGliteServer {
  port: number;
  stop(): Promise<void>;
}

export async function servePGlite(db: PGlite, port: number, host = '127.0.0.1'): Promise<PGliteServer> {
  const lock = new SessionLock();
  const connections = new Set<Connection>();

  async function run(connection: Connection, batch: Buffer, endsExchange: boolean): Promise<void> {
    const scanner = new ReadyScanner();
    await db.runExclusive(() => db.execProtocolRawStream(new Uint8Array(batch), {
      onRawData: (data) => {
        scanner.push(data);
        if (!connection.closed) connection.socket.write(Buffer.from(data));
      },
    }));
    connection.inExchange = !endsExchange;
    // Ready and idle after a whole exchange: the session is free for the others.
    if (endsExchange && scanner.status === idle && !db.isInTransaction()) lock.release(connection);
  }

  /** A connection gone while holding the session: end its exchange and its transaction. */
  async function abandon(connection: Connection): Promise<void> {
    if (lock.holds(connection)) {
      try {
        if (connection.inExchange) await db.runExclusive(() => db.execProtocolRawStream(syncMessage, { onRawData: () => undefined }));
        // exec takes PGlite's own lock: not inside runExclusive.
        if (db.isInTransaction()) await db.exec('ROLLBACK');
      } catch {
        // Nothing more to undo.
      }
    }
    lock.release(connection);
  }

  async function pump(connection: Connection): Promise<void> {
    if (connection.running) return;
    connection.running = true;
    try {
      while (connection.queue.length > 0 && !connection.closed) {
        const first = connection.queue[0]!;
        if (first.untyped) {
          connection.queue.shift();
          const code = first.data.readInt32BE(4);
          if (code === sslRequest || code === gssEncRequest) {
            connection.socket.write('N');
            continue;
          }
          if (code === cancelRequest) {
            connection.socket.end();
            return;
          }
          await lock.acquire(connection);
          await run(connection, first.data, true);
          continue;
        }
        // Every message queued so far, up to a Terminate or a startup packet, in one call: PGlite runs them in order.
        const batch: Buffer[] = [];
        while (connection.queue.length > 0 && !connection.queue[0]!.untyped && connection.queue[0]!.data[0] !== terminate) batch.push(connection.queue.shift()!.data);
        if (batch.length === 0) {
          // Terminate.
          connection.socket.end();
          connection.closed = true;
          break;
        }
        const last = batch.at(-1)![0];
        await lock.acquire(connection);
        await run(connection, Buffer.concat(batch), last === sync || last === simpleQuery);
      }
    } catch (error) {
      connection.socket.destroy(error instanceof Error ? error : new Error(String(error)));
      connection.closed = true;
    } finally {
      connection.running = false;
      if (connection.closed) await abandon(connection);
    }
  }

  const server: Server = createServer((socket) => {
    socket.setNoDelay(true);
    const connection: Connection = { socket, queue: [], running: false, closed: false, inExchange: false };
    connections.add(connection);
    let pending: Buffer = Buffer.alloc(0);
    // Until the startup packet, messages have no type byte: their length comes first.
    let typed = false;
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        if (pending.length < (typed ? 5 : 8)) break;
        const length = typed ? 1 + pending.readInt32BE(1) : pending.readInt32BE(0);
        if (pending.length < length) break;
        const data = pending.subarray(0, length);
        pending = pending.subarray(length);
        connection.queue.push({ data, untyped: !typed });
        if (!typed) {
          const code = data.readInt32BE(4);
          typed = code !== sslRequest && code !== gssEncRequest && code !== cancelRequest;
        }
      }
      void pump(connection);
    });
    const closed = () => {
      connections.delete(connection);
      connection.closed = true;
      connection.queue.length = 0;
      if (!connection.running) void abandon(connection);
    };
    socket.on('close', closed);
    socket.on('error', () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    async stop() {
      for (const connection of connections) connection.socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
