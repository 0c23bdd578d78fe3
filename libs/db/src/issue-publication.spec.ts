import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { PrismaClient } from './generated/prisma/client';
import { currentPublication } from './issue-publication';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrations } from './migrate';
import { createPrismaClient } from './prisma-client';
import { createTestDatabase, type TestDatabase } from './testing';

/**
 * A publication (issue_publications, migration 20261208000000_publication_snapshot) is what a
 * published issue prints, stored once per revision: the database itself refuses to change or
 * remove it, whoever writes. These statements are raw SQL, as a script or a console would send them.
 */
const PUBLICATION_MIGRATION = '20261208000000_publication_snapshot';

const ids = { masthead: randomUUID(), published: randomUUID(), drafting: randomUUID(), firstFinal: randomUUID(), laterFinal: randomUUID() };

function snapshotOf(sectionName: string): object {
  return {
    issueId: ids.published, year: 2031, month: 1, serialNumber: 5101, compiler: '中原区地方史志办公室', publicationDate: '2031-01-15',
    masthead: { publicationTitle: '中原区大事月报', notice: '（内部资料 注意保存）', sponsor: '中原区人民政府', publisher: '中原区地方史志办公室', phone: '0371-61290268', email: 'x@example.cn' },
    sections: [{ key: 'politics', name: sectionName, entries: [{ id: randomUUID(), title: '区委召开常委会会议', blocks: [{ type: 'paragraph', runs: [{ text: '1月2日，正文。' }] }] }] }],
    recipients: ['区委办公室'],
    kind: 'final',
    renderedAt: '2031-01-15T02:00:00.000Z',
  };
}

/** The masthead and two issues; `beforePublishing` writes what the issue holds while it is still only signed off. */
async function seedIssues(client: Client, beforePublishing?: () => Promise<void>): Promise<void> {
  await client.query(
    `INSERT INTO masthead_settings (id, key, publication_title, notice, sponsor, publisher, phone, email, updated_at)
     VALUES ($1, 'default', '中原区大事月报', '（内部资料 注意保存）', '中原区人民政府', '中原区地方史志办公室', '0371-61290268', 'x@example.cn', now())`,
    [ids.masthead],
  );
  for (const [id, serial, month, status] of [[ids.published, 5101, 1, 'approved'], [ids.drafting, 5102, 2, 'drafting']] as const) {
    await client.query(
      `INSERT INTO issues (id, year, month, serial_number, title, compiler, publication_date, coverage_start, coverage_end, status, masthead_id, updated_at)
       VALUES ($1, 2031, $2, $3, '中原区大事月报', '中原区地方史志办公室', '2031-01-15', '2030-12-01', '2030-12-31', $4, $5, now())`,
      [id, month, serial, status, ids.masthead],
    );
  }
  await beforePublishing?.();
  await client.query(`UPDATE issues SET status = 'published', published_at = '2031-01-15T01:00:00Z', version = version + 1 WHERE id = $1`, [ids.published]);
}

/** The statement fails with the freeze's SQLSTATE and a message in Chinese a person can act on. */
async function expectRefused(client: Client, text: string, params: unknown[], message: RegExp): Promise<void> {
  await expect(client.query(text, params)).rejects.toMatchObject({ code: 'ZF001', message: expect.stringMatching(message) });
}

describe('a publication', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    await seedIssues(client);
    await client.query(`INSERT INTO issue_publications (issue_id, revision, snapshot, content_hash) VALUES ($1, 1, $2, 'hash-1')`, [ids.published, snapshotOf('时政要点')]);
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('cannot be changed, deleted or truncated', async () => {
    await expectRefused(client, `UPDATE issue_publications SET snapshot = jsonb_set(snapshot, '{sections,0,name}', '"改过的栏目名"') WHERE issue_id = $1`, [ids.published], /^总第5101期第1版的发布内容一经登记不能修改或删除/);
    await expectRefused(client, `UPDATE issue_publications SET content_hash = 'other' WHERE issue_id = $1`, [ids.published], /不能修改或删除/);
    await expectRefused(client, `DELETE FROM issue_publications WHERE issue_id = $1`, [ids.published], /不能修改或删除/);
    await expectRefused(client, `TRUNCATE issue_publications`, [], /不能清空表 issue_publications/);
    const { rows } = await client.query(`SELECT revision, snapshot #>> '{sections,0,name}' AS section, content_hash FROM issue_publications WHERE issue_id = $1`, [ids.published]);
    expect(rows).toEqual([{ revision: 1, section: '时政要点', content_hash: 'hash-1' }]);
  });

  it('is written only for a published issue, and only for its current revision, once', async () => {
    await expectRefused(client, `INSERT INTO issue_publications (issue_id, revision, snapshot, content_hash) VALUES ($1, 1, '{}', 'x')`, [ids.drafting], /期刊尚未发布/);
    await expectRefused(client, `INSERT INTO issue_publications (issue_id, revision, snapshot, content_hash) VALUES ($1, 2, '{}', 'x')`, [ids.published], /^总第5101期现为第1版/);
    await expect(client.query(`INSERT INTO issue_publications (issue_id, revision, snapshot, content_hash) VALUES ($1, 1, '{}', 'x')`, [ids.published])).rejects.toMatchObject({ code: '23505' });
  });
});

describe('the migration, on a database published before it', () => {
  let database: TestDatabase;
  let client: Client;
  let earlier: string;

  beforeAll(async () => {
    // The migrations before this one, then the rows such a database holds, then this one.
    earlier = mkdtempSync(path.join(tmpdir(), 'dsyb-migrations-'));
    for (const { name } of readMigrations().filter((migration) => migration.name < PUBLICATION_MIGRATION)) {
      cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(earlier, name), { recursive: true });
    }
    database = await createTestDatabase({ migrate: false });
    await applyMigrations(database.url, earlier);
    client = new Client({ connectionString: database.url });
    await client.connect();
    await seedIssues(client);
    // The final made at publication, then one asked for again after the section was renamed.
    const insertFinal = `INSERT INTO renditions (id, issue_id, kind, status, content_hash, issue_revision, sha256, storage_key, snapshot, created_at)
      VALUES ($1, $2, 'final', 'done', $3, 1, $4, $5, $6, $7)`;
    await client.query(insertFinal, [ids.firstFinal, ids.published, 'hash-as-published', 'a'.repeat(64), 'issues/first.pdf', snapshotOf('时政要点'), '2031-01-15T02:00:00Z']);
    await client.query(insertFinal, [ids.laterFinal, ids.published, 'hash-renamed', 'b'.repeat(64), 'issues/later.pdf', snapshotOf('改过的栏目名'), '2031-02-01T02:00:00Z']);
    await applyMigrations(database.url);
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
    rmSync(earlier, { recursive: true, force: true });
  });

  it('takes the publication from the first final made after publication, and supersedes the final that printed renamed wording', async () => {
    const publications = await client.query(
      `SELECT revision, content_hash, snapshot #>> '{sections,0,name}' AS section, published_at FROM issue_publications WHERE issue_id = $1`,
      [ids.published],
    );
    expect(publications.rows).toEqual([{ revision: 1, content_hash: 'hash-as-published', section: '时政要点', published_at: new Date('2031-01-15T01:00:00Z') }]);
    const finals = await client.query(`SELECT id, status, superseded_at IS NOT NULL AS superseded FROM renditions WHERE issue_id = $1 ORDER BY created_at`, [ids.published]);
    expect(finals.rows).toEqual([
      { id: ids.firstFinal, status: 'done', superseded: false },
      { id: ids.laterFinal, status: 'done', superseded: true },
    ]);
  });
});

describe('an issue published before the migration, with no final stored with its snapshot', () => {
  let database: TestDatabase;
  let client: Client;
  let prisma: PrismaClient;
  const section = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    prisma = createPrismaClient(database.url);
    await seedIssues(client, async () => {
      await client.query(`INSERT INTO sections (id, key, name, position) VALUES ($1, 'politics', '时政要点', 1)`, [section]);
      await client.query(
        `INSERT INTO entries (id, issue_id, section_id, title, body_text, event_date, status, updated_at)
         VALUES ($1, $2, $3, '区委召开常委会会议', '1月2日，正文。', '2031-01-02', 'approved', now())`,
        [randomUUID(), ids.published, section],
      );
    });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await client?.end();
    await database?.drop();
  });

  it('gets its publication at the first request, from the tables as they are then, and keeps it', async () => {
    const first = await currentPublication(prisma, { id: ids.published, revision: 1 });
    expect(first.snapshot.sections.map((row) => row.name)).toEqual(['时政要点']);
    await client.query(`UPDATE sections SET name = '改过的栏目名' WHERE id = $1`, [section]);
    const second = await currentPublication(prisma, { id: ids.published, revision: 1 });
    expect(second.snapshot.sections.map((row) => row.name)).toEqual(['时政要点']);
    expect(second.contentHash).toBe(first.contentHash);
    expect((await client.query(`SELECT count(*)::int AS n FROM issue_publications`)).rows).toEqual([{ n: 1 }]);
  });
});
