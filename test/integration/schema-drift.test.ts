// The migrated database must match schema.prisma: tables, columns, types, nullability, enums,
// unique constraints. Fails when someone changes one without the other.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { applyMigrations, readMigrations } from '../../prisma/migrations.ts';

interface DmmfField { name: string; dbName?: string | null; kind: string; type: string; isRequired: boolean; isId: boolean; isUnique: boolean; isList: boolean; nativeType?: [string, string[]] | null }
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[]; primaryKey: { fields: string[] } | null; uniqueIndexes: Array<{ fields: string[] }> }
interface DmmfEnum { name: string; dbName?: string | null; values: Array<{ name: string; dbName?: string | null }> }

const require = createRequire(import.meta.url);
const schemaWasm = require('@prisma/prisma-schema-wasm') as { get_dmmf(params: string): string };

async function datamodel(): Promise<{ models: DmmfModel[]; enums: DmmfEnum[] }> {
  const schema = await readFile(fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url)), 'utf8');
  return JSON.parse(schemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))).datamodel;
}

/** The PostgreSQL type Prisma Migrate creates for a field. */
function expectedType(field: DmmfField, enums: DmmfEnum[]): string {
  if (field.kind === 'enum') {
    const e = enums.find((x) => x.name === field.type)!;
    return `enum:${e.dbName ?? e.name}`;
  }
  const [native, args] = field.nativeType ?? [undefined, []];
  switch (field.type) {
    case 'String':
      if (native === 'Uuid') return 'uuid';
      if (native === 'Char') return `character(${args[0]})`;
      if (native === 'VarChar') return `character varying(${args[0]})`;
      return 'text';
    case 'Int': return 'integer';
    case 'BigInt': return 'bigint';
    case 'Boolean': return 'boolean';
    case 'Json': return 'jsonb';
    case 'Bytes': return 'bytea';
    case 'Decimal': return native === 'Decimal' ? `numeric(${args.join(',')})` : 'numeric(65,30)';
    case 'DateTime':
      if (native === 'Date') return 'date';
      if (native === 'Timestamptz') return `timestamp with time zone(${args[0] ?? 6})`;
      return 'timestamp without time zone(3)';
    default: throw new Error(`no mapping for ${field.type}`);
  }
}

const columnName = (f: DmmfField) => f.dbName ?? f.name;

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
});
afterAll(async () => client?.end());

describe('the migrated database', () => {
  it('has exactly the tables, columns, types and nullability of schema.prisma', async () => {
    const { models, enums } = await datamodel();
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; character_maximum_length: number | null; numeric_precision: number | null; numeric_scale: number | null; datetime_precision: number | null }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length, numeric_precision, numeric_scale, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = new Map<string, string>();
    for (const r of rows) {
      let type = r.data_type;
      if (type === 'USER-DEFINED') type = `enum:${r.udt_name}`;
      else if (type === 'character') type = `character(${r.character_maximum_length})`;
      else if (type === 'character varying') type = `character varying(${r.character_maximum_length})`;
      else if (type === 'numeric') type = `numeric(${r.numeric_precision},${r.numeric_scale})`;
      else if (type.startsWith('timestamp')) type = `${type}(${r.datetime_precision})`;
      actual.set(`${r.table_name}.${r.column_name}`, `${type} ${r.is_nullable === 'NO' ? 'NOT NULL' : 'NULL'}`);
    }
    const expected = new Map<string, string>();
    for (const model of models) {
      for (const field of model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum')) {
        expected.set(`${model.dbName ?? model.name}.${columnName(field)}`, `${expectedType(field, enums)} ${field.isRequired ? 'NOT NULL' : 'NULL'}`);
      }
    }
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });

  it('has the enums of schema.prisma with their values in order', async () => {
    const { enums } = await datamodel();
    const { rows } = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.labels]));
    const expected = Object.fromEntries(enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(actual).toEqual(expected);
  });

  it('has the primary keys and unique constraints of schema.prisma', async () => {
    const { models } = await datamodel();
    const { rows } = await client.query<{ table_name: string; columns: string[] }>(
      `SELECT c.relname::text AS table_name, array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE i.indisunique AND c.relname <> '_prisma_migrations'
        GROUP BY i.indexrelid, c.relname`,
    );
    const actual = rows.map((r) => `${r.table_name}(${r.columns.join(',')})`).sort();
    const expected: string[] = [];
    for (const model of models) {
      const table = model.dbName ?? model.name;
      const col = (name: string) => columnName(model.fields.find((f) => f.name === name)!);
      const idField = model.fields.find((f) => f.isId);
      if (idField) expected.push(`${table}(${columnName(idField)})`);
      if (model.primaryKey) expected.push(`${table}(${model.primaryKey.fields.map(col).join(',')})`);
      for (const f of model.fields.filter((x) => x.isUnique)) expected.push(`${table}(${columnName(f)})`);
      for (const u of model.uniqueIndexes) expected.push(`${table}(${u.fields.map(col).join(',')})`);
    }
    expect(actual).toEqual(expected.sort());
  });
});

describe('the offline migration command', () => {
  it('records every migration as Prisma Migrate does, with the SHA-256 of its file', async () => {
    const migrations = await readMigrations();
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count, r.rolled_back_at])).toEqual(
      migrations.map((m) => [m.name, m.checksum, 1, null]),
    );
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it('applies nothing the second time', async () => {
    const report = await applyMigrations(inject('databaseUrl'));
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toEqual((await readMigrations()).map((m) => m.name));
  });
});
