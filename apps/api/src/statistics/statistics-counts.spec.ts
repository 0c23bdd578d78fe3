import type { Client } from 'pg';
import type { PrismaClient } from '@dsyb/db';
import { openTestDatabase, type OpenTestDatabase } from '../../../../libs/db/src/testing';
import { countStatistics } from './statistics-counts';

/**
 * 用稿统计 on a real PostgreSQL with the real migrations: which entries count (published issues,
 * the event date in the range, both days included; with `all` unpublished issues too; never an
 * entry in no issue), and how credits, units and sources are counted.
 */
let opened: OpenTestDatabase;
let prisma: PrismaClient;
let client: Client;
const ids: Record<string, string> = {};

async function insert(sql: string, values: unknown[]): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`${sql} RETURNING id`, values);
  return rows[0].id;
}

async function entry(key: string, issue: string | null, section: string, eventDate: string, source: string | null, credits: [string, string][]) {
  ids[key] = await insert(
    `INSERT INTO entries (id, issue_id, section_id, title, event_date, source_id, status, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'approved', now())`,
    [issue && ids[issue], ids[section], `条目${key}`, eventDate, source && ids[source]],
  );
  for (const [position, [contributor, role]] of credits.entries()) {
    await client.query('INSERT INTO entry_contributors (entry_id, contributor_id, role, position) VALUES ($1, $2, $3, $4)', [ids[key], ids[contributor], role, position]);
  }
}

beforeAll(async () => {
  opened = await openTestDatabase();
  ({ prisma, client } = opened);
  const masthead = await insert(
    `INSERT INTO masthead_settings (id, key, publication_title, notice, sponsor, publisher, phone, email, updated_at)
     VALUES (gen_random_uuid(), 'default', '中原区大事月报', '（内部资料 注意保存）', '中原区人民政府', '中原区地方史志办公室', '0371-61290268', 'x@example.cn', now())`,
    [],
  );
  for (const [key, month, serial] of [['published', 10, 1], ['drafting', 11, 2]] as const) {
    ids[key] = await insert(
      `INSERT INTO issues (id, year, month, serial_number, title, compiler, publication_date, coverage_start, coverage_end, masthead_id, updated_at)
       VALUES (gen_random_uuid(), 2020, $1, $2, '中原区大事月报', '中原区地方史志办公室', '2020-10-15', '2020-09-01', '2020-12-31', $3, now())`,
      [month, serial, masthead],
    );
  }
  for (const [key, name, position, active] of [['focus', '本期焦点', 0, true], ['politics', '时政要点', 1, true], ['retired', '旧栏目', 2, false], ['unused', '未用栏目', 3, false]] as const) {
    ids[key] = await insert('INSERT INTO sections (id, key, name, position, active) VALUES (gen_random_uuid(), $1, $2, $3, $4)', [key, name, position, active]);
  }
  for (const [key, name, organisation] of [['jia', '甲', '单位一'], ['yi', '乙', '单位一'], ['bing', '丙', null], ['ding', '丁', '  ']] as const) {
    ids[key] = await insert('INSERT INTO contributors (id, name, organisation) VALUES (gen_random_uuid(), $1, $2)', [name, organisation]);
  }
  for (const [key, newspaper] of [['zhengzhou', '郑州日报'], ['zhongyuan', '中原报']] as const) {
    ids[key] = await insert(`INSERT INTO source_articles (id, newspaper, headline, text, updated_at) VALUES (gen_random_uuid(), $1, '标题', '正文', now())`, [newspaper]);
  }
  await entry('e1', 'published', 'focus', '2020-09-30', 'zhengzhou', [['jia', 'reporter'], ['jia', 'photographer'], ['yi', 'correspondent']]);
  await entry('e2', 'published', 'focus', '2020-01-01', 'zhengzhou', [['jia', 'reporter']]);
  await entry('e3', 'published', 'politics', '2020-10-31', null, [['bing', 'correspondent']]);
  await entry('e4', 'published', 'retired', '2020-12-31', 'zhongyuan', [['ding', 'intern']]);
  await entry('late', 'published', 'politics', '2021-01-01', null, [['jia', 'reporter']]);
  await entry('early', 'published', 'focus', '2019-12-31', null, [['jia', 'reporter']]);
  await entry('unpublished', 'drafting', 'politics', '2020-11-05', 'zhongyuan', [['jia', 'correspondent']]);
  await entry('unplaced', null, 'focus', '2020-10-05', null, [['yi', 'correspondent']]);
  await client.query(`UPDATE issues SET status = 'published', published_at = now() WHERE id = $1`, [ids.published]);
});

afterAll(() => opened?.close());

const YEAR_2020 = { from: '2020-01-01', to: '2020-12-31' };

it('counts the entries of published issues dated in the range, by section and month', async () => {
  const statistics = await countStatistics(prisma, YEAR_2020, 'published');
  expect(statistics.total).toBe(4);
  const { sections, months, cells, rowTotals, columnTotals } = statistics.sectionMonth;
  // The active sections in order, and a retired one only where it has entries.
  expect(sections.map((section) => section.name)).toEqual(['本期焦点', '时政要点', '旧栏目']);
  expect(months).toEqual(['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12']);
  expect(cells).toEqual([
    [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
  ]);
  expect(rowTotals).toEqual([2, 1, 1]);
  expect(columnTotals).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1]);
});

it('counts each contributor once an entry, and by role', async () => {
  const { contributors } = await countStatistics(prisma, YEAR_2020, 'published');
  expect(contributors).toEqual([
    { id: ids.jia, name: '甲', organisation: '单位一', roles: { reporter: 2, correspondent: 0, photographer: 1, intern: 0 }, total: 2 },
    { id: ids.ding, name: '丁', organisation: '  ', roles: { reporter: 0, correspondent: 0, photographer: 0, intern: 1 }, total: 1 },
    { id: ids.bing, name: '丙', organisation: null, roles: { reporter: 0, correspondent: 1, photographer: 0, intern: 0 }, total: 1 },
    { id: ids.yi, name: '乙', organisation: '单位一', roles: { reporter: 0, correspondent: 1, photographer: 0, intern: 0 }, total: 1 },
  ]);
});

it('counts units by their contributors, an entry once a unit; no unit (or a blank one) together', async () => {
  const { units } = await countStatistics(prisma, YEAR_2020, 'published');
  expect(units).toEqual([
    { unit: '单位一', contributors: 2, entries: 2 },
    { unit: null, contributors: 2, entries: 2 },
  ]);
});

it('counts the newspapers of the sources, entries without one last', async () => {
  const { newspapers } = await countStatistics(prisma, YEAR_2020, 'published');
  expect(newspapers).toEqual([
    { newspaper: '郑州日报', entries: 2 },
    { newspaper: '中原报', entries: 1 },
    { newspaper: null, entries: 1 },
  ]);
});

it('with `all`, counts the entries of unpublished issues too, never those in no issue', async () => {
  const statistics = await countStatistics(prisma, YEAR_2020, 'all');
  expect(statistics.total).toBe(5);
  expect(statistics.sectionMonth.cells[1][10]).toBe(1);
  expect(statistics.contributors[0]).toMatchObject({ name: '甲', roles: { reporter: 2, correspondent: 1, photographer: 1 }, total: 3 });
  expect(statistics.contributors.find((c) => c.name === '乙')?.total).toBe(1);
  expect(statistics.newspapers).toContainEqual({ newspaper: '中原报', entries: 2 });
});

it('includes both days of the range, and answers an empty range with zeros', async () => {
  const october = await countStatistics(prisma, { from: '2020-09-30', to: '2020-10-31' }, 'published');
  expect(october.total).toBe(2);
  expect(october.sectionMonth.months).toEqual(['2020-09', '2020-10']);
  const empty = await countStatistics(prisma, { from: '2018-01-01', to: '2018-03-31' }, 'published');
  expect(empty).toMatchObject({ total: 0, contributors: [], units: [], newspapers: [] });
  expect(empty.sectionMonth.sections.map((section) => section.name)).toEqual(['本期焦点', '时政要点']);
  expect(empty.sectionMonth.cells).toEqual([[0, 0, 0], [0, 0, 0]]);
});
