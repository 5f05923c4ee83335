// The embedded PostgreSQL takes only the password it generated, and only on loopback; PGlite's own
// server, which would take any, is on a Unix socket in a directory of this account alone.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../bin/embedded.ts';
import { freePort } from '../support/ports.ts';

let dir: string;
let postgres: EmbeddedPostgres;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caleol-embedded-pg-'));
  postgres = await startEmbeddedPostgres(join(dir, 'pgdata'), await freePort());
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function query(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT 41 + 1 AS answer')).rows[0];
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL', () => {
  it('answers with its generated password', async () => {
    expect(new URL(postgres.url).password.length).toBeGreaterThanOrEqual(24);
    expect(await query(postgres.url)).toEqual({ answer: 42 });
  });

  it('refuses any other password, or none', async () => {
    for (const password of ['postgres', 'wrong', '']) {
      const url = new URL(postgres.url);
      url.password = password;
      await expect(query(url.toString())).rejects.toThrow(/password authentication failed|password/);
    }
  });

  it('keeps its password and its own socket to this account', async () => {
    expect((await stat(join(dir, 'pgdata-password'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'pgdata-socket'))).mode & 0o777).toBe(0o700);
    expect(new URL(postgres.url).hostname).toBe('127.0.0.1');
  });

  it('leaves the process\'s exit code as it was when it stops (a failed test run must not exit 0)', async () => {
    const other = await startEmbeddedPostgres(join(dir, 'pgdata-exit'), await freePort());
    const before = process.exitCode;
    process.exitCode = 1;
    try {
      await other.stop();
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = before;
    }
  });
});
