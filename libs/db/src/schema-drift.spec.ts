import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDMMF } from '@prisma/internals';
import { Client } from 'pg';
import { applyMigrations, readMigrations, findWorkspaceRoot, MigrationError } from './migrate';
import { createTestDatabase, TestDatabase } from './testing';

/**
 * The migrated database must be exactly what prisma/schema.prisma describes: a migration
 * written by hand that forgets a column, a default, an index or a foreign key fails here.
 */
type Dmmf = Awaited<ReturnType<typeof getDMMF>>;
type DmmfModel = Dmmf['datamodel']['models'][number];
type DmmfField = DmmfModel['fields'][number];

const root = findWorkspaceRoot(__dirname);
let database: TestDatabase;
let client: Client;
let dmmf: Dmmf;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new Client({ connectionString: database.url });
  await client.connect();
  const schema = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
  dmmf = await getDMMF({ datamodel: schema });
  unsupported = unsupportedFields(schema);
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;

interface UnsupportedField { model: string; name: string; column: string; type: string; optional: boolean }
/** Fields of an `Unsupported("…")` type (the search words' tsvectors), which the DMMF leaves out: read from the schema's text. */
function unsupportedFields(schema: string): UnsupportedField[] {
  const fields: UnsupportedField[] = [];
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const [, name, type, optional, rest] of body!.matchAll(/^\s+(\w+)\s+Unsupported\("(\w+)"\)(\?)?([^\n]*)$/gm)) {
      const column = /@map\("(\w+)"\)/.exec(rest!)?.[1];
      fields.push({ model: model!, name: name!, column: column ?? name!, type: type!, optional: optional === '?' });
    }
  }
  return fields;
}
let unsupported: UnsupportedField[] = [];

const columnOf = (model: DmmfModel, fieldName: string) => {
  const field = model.fields.find((candidate) => candidate.name === fieldName);
  const other = unsupported.find((candidate) => candidate.model === model.name && candidate.name === fieldName);
  if (!field && !other) throw new Error(`${model.name}.${fieldName} not in schema`);
  return field ? field.dbName ?? field.name : other!.column;
};

function expectedType(field: DmmfField): string {
  const native = field.nativeType?.[0];
  const base = (() => {
    if (field.kind === 'enum') return field.type;
    if (native === 'Uuid') return 'uuid';
    if (native === 'Date') return 'date';
    if (native === 'Timestamptz') return 'timestamp with time zone';
    switch (field.type) {
      case 'String': return 'text';
      case 'Int': return 'integer';
      case 'BigInt': return 'bigint';
      case 'Boolean': return 'boolean';
      case 'DateTime': return 'timestamp without time zone';
      case 'Json': return 'jsonb';
      case 'Bytes': return 'bytea';
      default: throw new Error(`unmapped type ${field.type}`);
    }
  })();
  return field.isList ? `${base}[]` : base;
}

/** Prisma puts a database default only where the default is not computed by the client. */
function expectsDatabaseDefault(field: DmmfField): boolean {
  if (!field.hasDefaultValue) return false;
  const value = field.default as unknown;
  if (value && typeof value === 'object' && 'name' in value) {
    return ['now', 'autoincrement', 'dbgenerated'].includes((value as { name: string }).name);
  }
  return true;
}

it('has a table for every model and no other table', async () => {
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const actual = rows.map((row) => row.table_name).filter((name) => name !== '_prisma_migrations').sort();
  expect(actual).toEqual(dmmf.datamodel.models.map(tableOf).sort());
});

it('has every enum with exactly the schema values in order', async () => {
  const { rows } = await client.query<{ typname: string; labels: string[] }>(
    `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  );
  const actual = Object.fromEntries(rows.map((row) => [row.typname, row.labels]));
  const expected = Object.fromEntries(dmmf.datamodel.enums.map((en) => [en.dbName ?? en.name, en.values.map((v) => v.dbName ?? v.name)]));
  expect(actual).toEqual(expected);
});

it('has every column with the schema type, nullability and database default', async () => {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>(
    "SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
  );
  const describe = (type: string, udt: string) =>
    type === 'USER-DEFINED' ? udt : type === 'ARRAY' ? `${udt.replace(/^_/, '')}[]` : type;
  const actual = rows
    .map((row) => `${row.table_name}.${row.column_name} ${describe(row.data_type, row.udt_name)} ${row.is_nullable === 'YES' ? 'null' : 'not null'} ${row.column_default === null ? 'no-default' : 'default'}`)
    .sort();
  const expected = dmmf.datamodel.models
    .flatMap((model) =>
      model.fields
        .filter((field) => field.kind !== 'object')
        .map((field) => {
          // Prisma creates scalar lists as nullable columns.
          const nullable = !field.isRequired || field.isList;
          return `${tableOf(model)}.${field.dbName ?? field.name} ${expectedType(field)} ${nullable ? 'null' : 'not null'} ${expectsDatabaseDefault(field) ? 'default' : 'no-default'}`;
        }),
    )
    .concat(unsupported.map((field) => {
      const model = dmmf.datamodel.models.find((candidate) => candidate.name === field.model)!;
      return `${tableOf(model)}.${field.column} ${field.type} ${field.optional ? 'null' : 'not null'} no-default`;
    }))
    .sort();
  expect(unsupported.map((field) => `${field.model}.${field.name}`)).toEqual(['EntrySearch.vector', 'EntrySearch.titleVector', 'SourceSearch.vector', 'SourceSearch.titleVector', 'IssueSearch.vector', 'IssueSearch.titleVector']);
  expect(actual).toEqual(expected);
});

it('has the primary keys, unique constraints and indexes of the schema', async () => {
  const { rows } = await client.query<{ table_name: string; is_unique: boolean; is_primary: boolean; columns: string[] }>(
    `SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
            array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname <> '_prisma_migrations'
      GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`,
  );
  const kind = (primary: boolean, unique: boolean) => (primary ? 'primary' : unique ? 'unique' : 'index');
  const actual = rows.map((row) => `${row.table_name} ${kind(row.is_primary, row.is_unique)} (${row.columns.join(',')})`).sort();
  const expected = dmmf.datamodel.indexes
    .map((index) => {
      const model = dmmf.datamodel.models.find((candidate) => candidate.name === index.model)!;
      const type = index.type === 'id' ? 'primary' : index.type === 'unique' ? 'unique' : 'index';
      return `${tableOf(model)} ${type} (${index.fields.map((field) => columnOf(model, field.name)).join(',')})`;
    })
    .sort();
  expect(actual).toEqual(expected);
});

it('has every relation as a foreign key with the schema referential action', async () => {
  const { rows } = await client.query<{ table_name: string; columns: string[]; referenced: string; delete_rule: string }>(
    `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS referenced,
            array_agg(a.attname ORDER BY k.ord)::text[] AS columns,
            CASE c.confdeltype WHEN 'a' THEN 'NoAction' WHEN 'r' THEN 'Restrict' WHEN 'c' THEN 'Cascade' WHEN 'n' THEN 'SetNull' WHEN 'd' THEN 'SetDefault' END AS delete_rule
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'f'
      GROUP BY c.oid, c.conrelid, c.confrelid, c.confdeltype`,
  );
  const actual = rows.map((row) => `${row.table_name.replace(/"/g, '')} (${row.columns.join(',')}) -> ${row.referenced.replace(/"/g, '')} on delete ${row.delete_rule}`).sort();
  const expected = dmmf.datamodel.models
    .flatMap((model) =>
      model.fields
        .filter((field) => field.kind === 'object' && (field.relationFromFields?.length ?? 0) > 0)
        .map((field) => {
          const target = dmmf.datamodel.models.find((candidate) => candidate.name === field.type)!;
          const optional = !field.isRequired;
          const onDelete = field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict');
          const columns = field.relationFromFields!.map((name) => columnOf(model, name)).join(',');
          return `${tableOf(model)} (${columns}) -> ${tableOf(target)} on delete ${onDelete}`;
        }),
    )
    .sort();
  expect(actual).toEqual(expected);
});

it('records every migration as prisma migrate deploy does, and applying again changes nothing', async () => {
  const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
  );
  const files = readMigrations();
  expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(files.map((file) => [file.name, file.checksum]));
  expect(rows.every((row) => row.finished_at instanceof Date && row.applied_steps_count === 1)).toBe(true);
  await expect(applyMigrations(database.url)).resolves.toEqual([]);
});

it('refuses to run when an applied migration was edited afterwards', async () => {
  const first = readMigrations()[0];
  await client.query('UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2', ['0'.repeat(64), first.name]);
  try {
    await expect(applyMigrations(database.url)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(database.url)).rejects.toThrow(/校验和不一致/);
  } finally {
    await client.query('UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2', [first.checksum, first.name]);
  }
});
