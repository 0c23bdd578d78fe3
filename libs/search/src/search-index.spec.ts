import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createPrismaClient, type PrismaClient } from '@dsyb/db';
import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';
import { parseSearchQuery } from './query';
import { readDictionary, reindexAll, SearchDictionary, type ReindexProgress } from './search-index';
import { presentHits, searchHits } from './search-sql';
import { Segmenter } from './segmenter';

/**
 * The index's database side on a fresh migrated database, rows written as an older version
 * of the product (or a script) would: no search words yet.
 */
let database: TestDatabase;
let prisma: PrismaClient;

const ids = { masthead: randomUUID(), section: randomUUID(), issue: randomUUID(), opening: randomUUID(), meeting: randomUUID(), source: randomUUID(), reporter: randomUUID() };
const root = path.resolve(__dirname, '../../..');

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient(database.url);
  const sql = (text: string, ...values: unknown[]) => prisma.$executeRawUnsafe(text, ...values);
  await sql(`INSERT INTO masthead_settings (id, key, publication_title, notice, sponsor, publisher, phone, email, updated_at)
             VALUES ($1::uuid, 'default', '中原区大事月报', '（内部资料）', '中原区人民政府', '中原区地方史志办公室', '0371', 'x@example.cn', now())`, ids.masthead);
  await sql(`INSERT INTO sections (id, key, name, position) VALUES ($1::uuid, 'focus', '本期焦点', 1)`, ids.section);
  await sql(`INSERT INTO issues (id, year, month, serial_number, title, compiler, publication_date, coverage_start, coverage_end, status, masthead_id, updated_at)
             VALUES ($1::uuid, 2020, 10, 97, '中原区大事月报', '中原区地方史志办公室', '2020-11-05', '2020-10-01', '2020-10-31', 'approved', $2::uuid, now())`, ids.issue, ids.masthead);
  await sql(`INSERT INTO entries (id, issue_id, section_id, title, body_text, event_date, status, updated_at) VALUES
             ($1::uuid, $3::uuid, $4::uuid, '徐立毅出席芝麻街双创园开园仪式', '10月15日，芝麻街双创园举行开园仪式。', '2020-10-15', 'approved', now()),
             ($2::uuid, $3::uuid, $4::uuid, '区委召开常委会会议', '会议研究部署双创工作。', '2020-10-20', 'approved', now())`, ids.opening, ids.meeting, ids.issue, ids.section);
  await sql(`INSERT INTO contributors (id, name, role) VALUES ($1::uuid, '韩娟', 'reporter')`, ids.reporter);
  await sql(`INSERT INTO source_articles (id, newspaper, issue_date, headline, text, updated_at) VALUES ($1::uuid, '中原报', '2020-10-16', '双创园开园', '本报讯 芝麻街双创园昨日开园。', now())`, ids.source);
  await sql(`INSERT INTO source_contributors (source_id, contributor_id, role, position) VALUES ($1::uuid, $2::uuid, 'reporter', 0)`, ids.source, ids.reporter);
  // Published before search existed: its words are written afterwards all the same.
  await sql(`UPDATE issues SET status = 'published', published_at = now() WHERE id = $1::uuid`, ids.issue);
}, 60_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const words = async (table: string, id: string) =>
  (await prisma.$queryRawUnsafe<{ words: string }[]>(`SELECT vector::text AS words FROM ${table} WHERE ${table.replace('_search', '')}_id = $1::uuid`, id))[0]?.words;

it('npm run search:reindex -- --missing indexes what has no words yet, published issues included, with progress', () => {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/search-reindex.mjs'), '--missing'], { cwd: root, env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8', timeout: 120_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('[检索索引] 条目 2/2');
  expect(run.stdout).toContain('[检索索引] 来稿 1/1');
  expect(run.stdout).toMatch(/完成：4 篇文档已补建索引/);
}, 180_000);

it('wrote weighted words: title A, body B, bylines and newspaper C', async () => {
  expect(await words('entry_search', ids.opening)).toMatch(/'双创':\d+A/);
  expect(await words('entry_search', ids.meeting)).toMatch(/'双创':\d+B/);
  expect(await words('source_search', ids.source)).toMatch(/'韩娟':\d+C/);
  expect(await words('issue_search', ids.issue)).toMatch(/'97':\d+B/);
});

it('ranks a title hit first and filters by kind, status, section and month', async () => {
  const segmenter = new Segmenter(await readDictionary(prisma));
  const query = parseSearchQuery('双创', segmenter);
  const all = await searchHits(prisma, query, {}, { offset: 0, limit: 20 });
  expect(all.total).toBe(3);
  // The two with 双创 in their title (an entry, a source) before the one with it in its body only.
  expect(all.hits.slice(0, 2).map((hit) => hit.id).sort()).toEqual([ids.opening, ids.source].sort());
  expect(all.hits[2]).toMatchObject({ kind: 'entry', id: ids.meeting });
  const results = await presentHits(prisma, query, all.hits.filter((hit) => hit.id === ids.opening));
  expect(results[0]).toMatchObject({ title: '徐立毅出席芝麻街双创园开园仪式', titleHtml: '徐立毅出席芝麻街<mark>双创</mark>园开园仪式', date: '2020-10-15', issue: { serialNumber: 97 }, section: { name: '本期焦点' } });

  const entries = await searchHits(prisma, query, { kinds: ['entry'], statuses: ['approved'], sectionIds: [ids.section] }, { offset: 0, limit: 20 });
  expect(entries.hits.map((hit) => hit.id).sort()).toEqual([ids.opening, ids.meeting].sort());
  const october16 = await searchHits(prisma, query, { from: '2020-10-16', to: '2020-10-31' }, { offset: 0, limit: 20 });
  expect(october16.hits.map((hit) => hit.id).sort()).toEqual([ids.meeting, ids.source].sort());
  const secondPage = await searchHits(prisma, query, {}, { offset: 20, limit: 20 });
  expect(secondPage).toEqual({ hits: [], total: 3, capped: false });
});

it('reads the dictionary again when it changed, and a full reindex reports each kind', async () => {
  const dictionary = new SearchDictionary(prisma, 0);
  const before = await dictionary.current();
  expect(before.cut('芝麻街双创园开园')).not.toContain('芝麻街双创园');
  await prisma.$executeRawUnsafe(`INSERT INTO search_terms (word, kind) VALUES ('芝麻街双创园', 'place')`);
  const after = await dictionary.current();
  expect(after).not.toBe(before);
  expect(after.cut('芝麻街双创园开园')).toContain('芝麻街双创园');
  expect(await dictionary.current()).toBe(after);

  const progress: ReindexProgress[] = [];
  const written = await reindexAll(prisma, after, { batchSize: 1, onProgress: (step) => progress.push(step) });
  expect(written).toBe(4);
  expect(progress).toEqual([
    { kind: 'entry', done: 1, total: 2 }, { kind: 'entry', done: 2, total: 2 },
    { kind: 'source', done: 1, total: 1 },
    { kind: 'issue', done: 1, total: 1 },
  ]);
  expect(await words('entry_search', ids.opening)).toMatch(/'芝麻街双创园':\d+A/);
});
