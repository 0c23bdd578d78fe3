import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { applyMigrations, findWorkspaceRoot, readMigrations } from './migrate';
import { createTestDatabase, type TestDatabase } from './testing';

/**
 * Migration 20261208020000_login_hardening on a database that already has accounts: usernames
 * become lower-case, accounts differing only in letter case are kept under distinct names, and
 * from then on the database refuses a username that is not lower-case.
 */
const MIGRATION = '20261208020000_login_hardening';
const MIGRATIONS_DIR = path.join(findWorkspaceRoot(__dirname), 'prisma/migrations');

let database: TestDatabase;
let client: Client;
let before: string;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  before = mkdtempSync(path.join(tmpdir(), 'dsyb-migrations-'));
  for (const { name } of readMigrations(MIGRATIONS_DIR).filter((migration) => migration.name < MIGRATION)) {
    cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
  }
  await applyMigrations(database.url, before);
  client = new Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
  rmSync(before, { recursive: true, force: true });
});

it('lower-cases existing usernames, keeps case-only twins apart, and refuses mixed case afterwards', async () => {
  const insert = (username: string, createdAt: string) =>
    client.query(`INSERT INTO users (id, username, display_name, password_hash, roles, created_at, updated_at) VALUES (gen_random_uuid(), $1, $1, 'x', '{editor}', $2, now())`, [username, createdAt]);
  await insert('Li.Ming', '2020-01-01');
  await insert('li.ming', '2021-01-01');
  await insert('LI.MING', '2022-01-01');
  await insert('WANG', '2020-01-01');
  await insert('zhao', '2020-01-01');

  await expect(applyMigrations(database.url, MIGRATIONS_DIR)).resolves.toContain(MIGRATION);

  const { rows } = await client.query<{ username: string; token_version: number }>('SELECT username, token_version FROM users ORDER BY created_at, username');
  expect(rows.map((row) => row.username)).toEqual(['li.ming', 'wang', 'zhao', 'li.ming-2', 'li.ming-3']);
  expect(rows.every((row) => row.token_version === 0)).toBe(true);
  await expect(insert('Zhao', '2023-01-01')).rejects.toThrow(/users_username_lower_case/);
});
