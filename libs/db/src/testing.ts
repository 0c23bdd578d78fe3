import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations } from './migrate';
import type { PrismaClient } from './generated/prisma/client';
import { createPrismaClient } from './prisma-client';

/**
 * Test helper: a fresh, migrated PostgreSQL database on the server named by TEST_PG_URL
 * (set by scripts/test.mjs), dropped again by `drop()`.
 */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export function testServerUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url) throw new Error('TEST_PG_URL is not set: run the tests with `npm test`, which prepares PostgreSQL.');
  return url;
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `dsyb_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrlFor(serverUrl, name);
  if (options.migrate !== false) await applyMigrations(url);
  return {
    url,
    name,
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A migrated test database with a Prisma client and a plain pg client on it. */
export interface OpenTestDatabase {
  database: TestDatabase;
  prisma: PrismaClient;
  /** For reading rows as PostgreSQL stores them, without Prisma's own conversions. */
  client: Client;
  close(): Promise<void>;
}

/**
 * A fresh migrated database whose new sessions run in `timezone` (an office server need not run
 * in UTC; Prisma connects after the setting), with both clients connected; `close()` disconnects them and drops the database.
 */
export async function openTestDatabase(options: { timezone?: string } = {}): Promise<OpenTestDatabase> {
  const database = await createTestDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  if (options.timezone) {
    await client.query(`ALTER DATABASE "${database.name}" SET timezone = '${options.timezone.replace(/'/g, "''")}'`);
  }
  const prisma = createPrismaClient(database.url);
  return {
    database,
    prisma,
    client,
    async close() {
      await prisma.$disconnect();
      await client.end();
      await database.drop();
    },
  };
}
