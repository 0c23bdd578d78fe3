/**
 * 用稿统计 (GET /api/statistics and its Excel export) against the running stack: the counts equal
 * those made directly in SQL on the test database for the same range, and the numbers of the
 * entries this file made (statistics-fixture.ts, in issues of 2021–2023: nobody else's years);
 * entries of the unpublished issue count only with status=all; bad ranges are 400s in Chinese;
 * the workbook read back has the four sheets and the same totals.
 */
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { Statistics } from '../libs/contracts/src/statistics';
import { api, login } from './support';
import { createStatisticsFixture, type FixtureEntry, type StatisticsFixture } from './statistics-fixture';

jest.setTimeout(120_000);

const RANGE = { from: '2021-01-01', to: '2023-12-31' };
const QUERY = `from=${RANGE.from}&to=${RANGE.to}`;

let editor: string;
let fixture: StatisticsFixture;
let client: pg.Client;

beforeAll(async () => {
  const reviewer = await login('reviewer');
  editor = await login('editor');
  fixture = await createStatisticsFixture({ editor, reviewer }, 2021, 3);
  client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
});

afterAll(() => client?.end());

const statistics = async (query: string, token = editor) => {
  const response = await api<Statistics>('GET', `/api/statistics?${query}`, { token });
  expect(response.status).toBe(200);
  return response.body;
};

/** The same counts, asked of PostgreSQL directly and written another way. */
async function countedInSql(includeUnpublished: boolean) {
  const where = `e.event_date BETWEEN $1 AND $2 AND e.issue_id IS NOT NULL ${includeUnpublished ? '' : `AND i.status = 'published'`}`;
  const from = 'FROM entries e JOIN issues i ON i.id = e.issue_id';
  const rows = async (sql: string) => (await client.query(sql, [RANGE.from, RANGE.to])).rows;
  const [{ total }] = await rows(`SELECT count(*)::int AS total ${from} WHERE ${where}`);
  const cells = await rows(`SELECT e.section_id AS "sectionId", to_char(e.event_date, 'YYYY-MM') AS month, count(*)::int AS n ${from} WHERE ${where} GROUP BY 1, 2`);
  const byRole = await rows(`SELECT ec.contributor_id AS id, ec.role::text AS role, count(*)::int AS n ${from} JOIN entry_contributors ec ON ec.entry_id = e.id WHERE ${where} GROUP BY 1, 2`);
  const perContributor = await rows(`SELECT ec.contributor_id AS id, count(DISTINCT e.id)::int AS n ${from} JOIN entry_contributors ec ON ec.entry_id = e.id WHERE ${where} GROUP BY 1`);
  const units = await rows(
    `SELECT NULLIF(btrim(c.organisation), '') AS unit, count(DISTINCT c.id)::int AS contributors, count(DISTINCT e.id)::int AS entries
       ${from} JOIN entry_contributors ec ON ec.entry_id = e.id JOIN contributors c ON c.id = ec.contributor_id WHERE ${where} GROUP BY 1`,
  );
  const newspapers = await rows(`SELECT s.newspaper, count(*)::int AS entries ${from} LEFT JOIN source_articles s ON s.id = e.source_id WHERE ${where} GROUP BY 1`);
  return { total, cells, byRole, perContributor, units, newspapers };
}

/** What the API says, in the shapes of countedInSql. */
function asRows(answer: Statistics) {
  const { sections, months, cells } = answer.sectionMonth;
  return {
    cells: sections.flatMap((section, s) => months.flatMap((month, m) => (cells[s][m] ? [{ sectionId: section.id, month, n: cells[s][m] }] : []))),
    byRole: answer.contributors.flatMap((c) => Object.entries(c.roles).flatMap(([role, n]) => (n ? [{ id: c.id, role, n }] : []))),
    perContributor: answer.contributors.map((c) => ({ id: c.id, n: c.total })),
  };
}

const sorted = <T>(rows: T[]) => [...rows].map((row) => JSON.stringify(row)).sort();

/** The numbers of this file's own entries, counted here from what was made. */
function made(entries: FixtureEntry[]) {
  const count = <K>(keys: K[]) => keys.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<K, number>());
  const { a, b, c, d } = fixture.contributors;
  const credited = (id: string) => entries.filter((entry) => entry.credits.some((credit) => credit.contributorId === id));
  const inUnit = (ids: string[]) => entries.filter((entry) => entry.credits.some((credit) => ids.includes(credit.contributorId))).length;
  return {
    total: entries.length,
    cells: count(entries.map((entry) => `${entry.sectionId} ${entry.month}`)),
    roles: (id: string, role: string) => entries.filter((entry) => entry.credits.some((credit) => credit.contributorId === id && credit.role === role)).length,
    totals: { a: credited(a.id).length, b: credited(b.id).length, c: credited(c.id).length, d: credited(d.id).length },
    units: [inUnit([a.id, b.id]), inUnit([c.id])],
    newspapers: fixture.newspapers.map((name) => entries.filter((entry) => entry.newspaper === name).length),
  };
}

describe('GET /api/statistics', () => {
  it('counts what SQL counts for the range, published issues only', async () => {
    const answer = await statistics(QUERY);
    const sql = await countedInSql(false);
    expect(answer).toMatchObject({ ...RANGE, status: 'published', total: sql.total });
    const rows = asRows(answer);
    expect(sorted(rows.cells)).toEqual(sorted(sql.cells));
    expect(sorted(rows.byRole)).toEqual(sorted(sql.byRole));
    expect(sorted(rows.perContributor)).toEqual(sorted(sql.perContributor));
    expect(sorted(answer.units)).toEqual(sorted(sql.units));
    expect(sorted(answer.newspapers)).toEqual(sorted(sql.newspapers));
    // The table's totals add up.
    const { cells, rowTotals, columnTotals, months } = answer.sectionMonth;
    expect(months).toHaveLength(36);
    expect(rowTotals).toEqual(cells.map((row) => row.reduce((x, y) => x + y, 0)));
    expect(columnTotals.reduce((x, y) => x + y, 0)).toBe(answer.total);
  });

  it('counts the entries this file published, and not those of the unpublished issue', async () => {
    const answer = await statistics(QUERY);
    const expected = made(fixture.entries.filter((entry) => entry.published));
    // 2021–2023 are this file's years alone: every entry counted there is one of its own.
    expect(answer.total).toBe(expected.total);
    expect(expected.total).toBe(5);
    const { sections, months, cells } = answer.sectionMonth;
    for (const [key, n] of expected.cells) {
      const [sectionId, month] = key.split(' ');
      expect(cells[sections.findIndex((section) => section.id === sectionId)][months.indexOf(month)]).toBe(n);
    }
    const { a, b, c, d } = fixture.contributors;
    const row = (id: string) => answer.contributors.find((contributor) => contributor.id === id);
    expect(row(a.id)).toEqual({ ...a, roles: { reporter: 2, correspondent: 0, photographer: 1, intern: 0 }, total: expected.totals.a });
    expect(expected.totals.a).toBe(2);
    expect(row(b.id)).toMatchObject({ roles: { correspondent: expected.roles(b.id, 'correspondent') }, total: expected.totals.b });
    expect(row(c.id)).toMatchObject({ roles: { correspondent: 1, photographer: 1 }, total: expected.totals.c });
    expect(row(d.id)).toMatchObject({ organisation: null, roles: { intern: 1, reporter: 0 }, total: 1 });
    expect(answer.units).toEqual(
      expect.arrayContaining([
        { unit: fixture.units[0], contributors: 2, entries: expected.units[0] },
        { unit: fixture.units[1], contributors: 1, entries: expected.units[1] },
        { unit: null, contributors: 1, entries: 1 },
      ]),
    );
    expect(answer.newspapers).toEqual([
      { newspaper: fixture.newspapers[0], entries: expected.newspapers[0] },
      { newspaper: fixture.newspapers[1], entries: expected.newspapers[1] },
      { newspaper: null, entries: 2 },
    ]);
  });

  it('with status=all, counts the unpublished issue’s entries too, as SQL does', async () => {
    const answer = await statistics(`${QUERY}&status=all`);
    const sql = await countedInSql(true);
    expect(answer.total).toBe(sql.total);
    expect(answer.total).toBe(made(fixture.entries).total);
    expect(sorted(asRows(answer).byRole)).toEqual(sorted(sql.byRole));
    expect(sorted(answer.newspapers)).toEqual(sorted(sql.newspapers));
    expect(answer.contributors.find((contributor) => contributor.id === fixture.contributors.a.id)).toMatchObject({ roles: { reporter: 2, correspondent: 1 }, total: 3 });
  });

  it('is this year by default, and open to every role', async () => {
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    for (const token of [editor, await login('reviewer'), await login('admin')]) {
      expect(await statistics('', token)).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31`, status: 'published' });
    }
    expect((await api('GET', '/api/statistics')).status).toBe(401);
  });

  it('reads years and months as their first and last days', async () => {
    const answer = await statistics('from=2021&to=2023-02');
    expect(answer).toMatchObject({ from: '2021-01-01', to: '2023-02-28' });
    expect(answer.sectionMonth.months.at(-1)).toBe('2023-02');
  });

  it('refuses bad ranges with 400 in Chinese, naming the problem', async () => {
    const refused = async (query: string) => {
      const response = await api<{ message: string }>('GET', `/api/statistics?${query}`, { token: editor });
      expect(response.status).toBe(400);
      return response.body.message;
    };
    await expect(refused('from=2023-12-31&to=2021-01-01')).resolves.toBe('统计范围有误：截止日期2021年1月1日早于起始日期2023年12月31日');
    await expect(refused('from=2011-01-01&to=2021-01-01')).resolves.toBe('统计范围不能超过10年（所选为2011年1月1日至2021年1月1日），请分段统计');
    await expect(refused('from=2021-13')).resolves.toBe('参数 from 应为年份、年月或日期（如 2020、2020-10 或 2020-10-15）');
    await expect(refused('to=2021-02-29')).resolves.toContain('参数 to');
    await expect(refused(`${QUERY}&status=draft`)).resolves.toContain('status');
    await expect(refused(`${QUERY}&from=2022`)).resolves.toContain('from');
    await expect(refused(`${QUERY}&sectionId=x`)).resolves.toContain('sectionId');
  });
});

describe('GET /api/statistics/export.xlsx', () => {
  it('is a workbook of the four tables with the range in its name and titles, and the same totals', async () => {
    const answer = await statistics(QUERY);
    const response = await api<Buffer>('GET', `/api/statistics/export.xlsx?${QUERY}`, { token: editor });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('用稿统计-2021年1月1日至2023年12月31日.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as any);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['栏目×月份', '通讯员用稿', '单位用稿', '来源报纸']);
    for (const sheet of workbook.worksheets) {
      expect(String(sheet.getCell('A1').value)).toContain('（2021年1月1日至2023年12月31日）');
      expect(sheet.getRow(3).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    }
    const values = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    const lastRow = (sheet: ExcelJS.Worksheet) => values(sheet, sheet.rowCount);

    const sectionMonth = workbook.getWorksheet('栏目×月份')!;
    expect(values(sectionMonth, 3)).toHaveLength(36 + 2);
    expect(lastRow(sectionMonth)).toEqual(['合计', ...answer.sectionMonth.columnTotals, answer.total]);
    answer.sectionMonth.sections.forEach((section, s) => expect(values(sectionMonth, 4 + s)).toEqual([section.name, ...answer.sectionMonth.cells[s], answer.sectionMonth.rowTotals[s]]));

    const contributors = workbook.getWorksheet('通讯员用稿')!;
    const { a } = fixture.contributors;
    const rowOf = (sheet: ExcelJS.Worksheet, name: string) => Array.from({ length: sheet.rowCount }, (_, r) => values(sheet, r + 1)).find((row) => row.includes(name));
    expect(rowOf(contributors, a.name)?.slice(1)).toEqual([a.name, a.organisation, 2, 0, 1, 0, 2]);
    expect(lastRow(contributors).at(-1)).toBe(answer.contributors.reduce((sum, c) => sum + c.total, 0));

    const units = workbook.getWorksheet('单位用稿')!;
    expect(rowOf(units, fixture.units[0])?.slice(1)).toEqual([fixture.units[0], 2, 2]);
    expect(rowOf(units, '未填单位')?.slice(2)).toEqual([1, 1]);

    const newspapers = workbook.getWorksheet('来源报纸')!;
    expect(rowOf(newspapers, fixture.newspapers[0])?.slice(1)).toEqual([fixture.newspapers[0], 2]);
    expect(rowOf(newspapers, '无来源稿件')?.slice(1)).toEqual(['无来源稿件', 2]);
    expect(lastRow(newspapers).at(-1)).toBe(answer.total);
  });

  it('refuses a bad range as the counts do', async () => {
    const response = await api<{ message: string }>('GET', '/api/statistics/export.xlsx?from=2030&to=2020', { token: editor });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('早于起始日期');
  });
});
