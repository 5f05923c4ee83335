// A password in front of the embedded PostgreSQL: PGlite's wire server takes any password from
// anyone who reaches its port. The gate listens on loopback, asks each connection for the
// password (PostgreSQL's cleartext password exchange, on loopback only), and hands the connections
// that give it to PGlite's server, which listens on a Unix socket in a directory only this
// account can open. Its own answer to the startup (AuthenticationOk…) follows the request for the
// password, as a PostgreSQL server's would.
import { timingSafeEqual } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

const sslRequestCode = 80877103;
const gssEncRequestCode = 80877104;
const cancelRequestCode = 80877102;
/** A startup or password message longer than this is no client's. */
const largestMessage = 10_000;

export interface PasswordGate {
  stop(): Promise<void>;
}

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    Buffer.from('SFATAL\0', 'utf8'), Buffer.from(`C${code}\0`, 'utf8'), Buffer.from(`M${message}\0`, 'utf8'), Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

const askPassword = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]);

function samePassword(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads from `socket` until `complete` finds a whole message in what arrived; the bytes read. */
function readMessage(socket: Socket, buffered: Buffer, complete: (data: Buffer) => number | undefined): Promise<{ message: Buffer; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let data = buffered;
    const check = () => {
      const length = complete(data);
      if (length !== undefined) {
        socket.off('data', onData);
        socket.off('close', onClose);
        // Nothing more is read until the next step listens (or the pipe does).
        socket.pause();
        resolve({ message: data.subarray(0, length), rest: data.subarray(length) });
      } else if (data.length > largestMessage) {
        reject(new Error('message too long'));
      }
    };
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      check();
    };
    const onClose = () => reject(new Error('closed'));
    socket.on('data', onData);
    socket.once('close', onClose);
    check();
    if (data === buffered) socket.resume();
  });
}

const startupLength = (data: Buffer) => (data.length >= 4 && data.length >= data.readInt32BE(0) ? data.readInt32BE(0) : undefined);
const typedLength = (data: Buffer) => (data.length >= 5 && data.length >= data.readInt32BE(1) + 1 ? data.readInt32BE(1) + 1 : undefined);

async function admit(client: Socket, password: string, upstreamPath: string): Promise<void> {
  client.pause();
  let buffered: Buffer = Buffer.alloc(0);
  for (;;) {
    const { message, rest } = await readMessage(client, buffered, startupLength);
    buffered = rest;
    const code = message.length >= 8 ? message.readInt32BE(4) : 0;
    if (code === sslRequestCode || code === gssEncRequestCode) {
      client.write('N');
      continue;
    }
    if (code === cancelRequestCode) {
      client.end();
      return;
    }
    client.write(askPassword);
    const reply = await readMessage(client, buffered, typedLength);
    const given = reply.message[0] === 0x70 ? reply.message.subarray(5, reply.message.length - 1).toString('utf8') : '';
    if (!samePassword(given, password)) {
      client.end(errorResponse('28P01', 'password authentication failed'));
      return;
    }
    const upstream = createConnection(upstreamPath);
    upstream.once('connect', () => {
      upstream.write(message);
      if (reply.rest.length) upstream.write(reply.rest);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.once('error', close);
    upstream.once('close', close);
    client.once('error', close);
    client.once('close', close);
    return;
  }
}

/** Listens on 127.0.0.1:`port`; connections that give `password` go on to the Unix socket at `upstreamPath`. */
export async function startPasswordGate(port: number, password: string, upstreamPath: string): Promise<PasswordGate> {
  const server: Server = createServer((client) => {
    client.on('error', () => client.destroy());
    admit(client, password, upstreamPath).catch(() => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
