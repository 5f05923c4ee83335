// Which database failures the API answers 503 (retry in a moment, with the same Idempotency-Key)
// rather than 500: every connection of the pool busy, whether a query or a transaction waited for one.
import { describe, expect, it } from 'vitest';
import { databaseSaturated } from '../../api/plugins/errors.ts';

const prismaError = (code: string, message: string) => Object.assign(new Error(message), { code, name: 'PrismaClientKnownRequestError' });

describe('database failures a client should retry', () => {
  it('counts a query and a transaction that found no free connection in time', () => {
    expect(databaseSaturated(prismaError('P2024', 'Timed out fetching a new connection from the connection pool.'))).toBe(true);
    expect(databaseSaturated(prismaError('P2028', 'Transaction API error: Unable to start a transaction in the given time.'))).toBe(true);
  });

  it('leaves other transaction errors (bugs) and other failures to the 500 answer', () => {
    expect(databaseSaturated(prismaError('P2028', 'Transaction API error: Transaction already closed: A commit cannot be executed on an expired transaction.'))).toBe(false);
    expect(databaseSaturated(prismaError('P2002', 'Unique constraint failed on the fields: (`email`)'))).toBe(false);
    expect(databaseSaturated(new TypeError('x is undefined'))).toBe(false);
  });
});
