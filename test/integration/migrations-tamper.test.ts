import { cp, mkdtemp, readdir, rm, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { applyMigrations, migrationsDir, MigrationError } from '../../prisma/migrations.ts';

describe('the offline migration command', () => {
  it('refuses to run when an applied migration was modified', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'caleol-migrations-'));
    try {
      await cp(migrationsDir, copy, { recursive: true });
      const [first] = (await readdir(copy, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
      await appendFile(join(copy, first!, 'migration.sql'), '\n-- edited after it was applied\n');
      await expect(applyMigrations(inject('databaseUrl'), copy)).rejects.toThrow(MigrationError);
      await expect(applyMigrations(inject('databaseUrl'), copy)).rejects.toThrow(/was modified after it was applied/);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
