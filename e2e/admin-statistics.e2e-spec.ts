/**
 * 统计 in the admin, in a real browser against the running stack: the page in the menu, a range
 * typed year first, the tables' numbers (this file's own entries, in issues of 2024–2025: nobody
 * else's years), the charts drawn as SVG, 上年 at one click, 该时间范围内没有用稿 for an empty range,
 * and 导出 Excel downloading the workbook of the range shown.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { screenshotter, settledAfter, useBrowser } from './browser';
import { api, login } from './support';
import { createStatisticsFixture, type StatisticsFixture } from './statistics-fixture';

jest.setTimeout(180_000);

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });
const screenshot = screenshotter('statistics');

let fixture: StatisticsFixture;

beforeAll(async () => {
  const [editor, reviewer] = await Promise.all([login('editor'), login('reviewer')]);
  fixture = await createStatisticsFixture({ editor, reviewer }, 2024, 2);
});

const published = () => fixture.entries.filter((entry) => entry.published);

describe('the 统计 page', () => {
  const [editor] = browser.sessions(['editor']);

  it('counts the range typed, with the tables, the charts and the Excel file', async () => {
    const { page, pageErrors, apiFailures } = editor;
    await settledAfter(page, () => page.getByRole('menuitem', { name: '统计' }).click());
    await page.getByTestId('statistics-page').waitFor();
    // This year, unless the address says otherwise.
    const thisYear = new Date().getFullYear();
    await expect(page.getByLabel('起始日期').inputValue()).resolves.toBe(`${thisYear}年1月1日`);
    await expect(page.getByLabel('截止日期').inputValue()).resolves.toBe(`${thisYear}年12月31日`);

    await page.getByLabel('起始日期').fill('2024-01-01');
    await page.getByLabel('截止日期').fill('2025年12月31日');
    await settledAfter(page, () => page.getByRole('button', { name: '统计', exact: true }).click());
    expect(page.url()).toContain('from=2024-01-01&to=2025-12-31');
    await expect(page.getByTestId('statistics-total').innerText()).resolves.toBe(`2024年1月1日至2025年12月31日，已发布期刊共用稿 ${published().length} 条（按条目的事件日期计）`);

    // 栏目×月份: 24 months, a stacked bar chart, and the totals.
    const totals = page.getByTestId('section-month-table-totals').locator('td, th');
    await expect(totals.count()).resolves.toBe(1 + 24 + 1);
    await expect(totals.last().innerText()).resolves.toBe(String(published().length));
    await expect(page.getByTestId('section-month-table').locator('thead th').nth(1).innerText()).resolves.toBe('2024年1月');
    await page.getByTestId('section-month-chart').locator('svg rect').first().waitFor();
    // The months are named under the bars (a label the chart found too tall would be shortened to nothing).
    await expect(page.getByTestId('section-month-chart').locator('svg text', { hasText: '2024年1月' }).count()).resolves.toBe(1);
    await screenshot(page, '01');

    // 通讯员用稿: the contributors' bars and their rows.
    await page.getByRole('tab', { name: '通讯员用稿' }).click();
    await page.getByTestId('contributors-chart').locator('svg').first().waitFor();
    const { a, d } = fixture.contributors;
    await expect(page.getByTestId('contributors-table').locator('tr', { hasText: a.name }).locator('td').allInnerTexts()).resolves.toEqual([expect.any(String), a.name, a.organisation, '2', '0', '1', '0', '2']);
    await screenshot(page, '02-contributors');

    // 单位用稿 and 来源报纸.
    await page.getByRole('tab', { name: '单位用稿' }).click();
    const units = page.getByTestId('units-table');
    await expect(units.locator('tr', { hasText: fixture.units[0] }).locator('td').allInnerTexts()).resolves.toEqual([expect.any(String), fixture.units[0], '2', '2']);
    await expect(units.locator('tr', { hasText: '未填单位' }).locator('td').allInnerTexts()).resolves.toEqual([expect.any(String), '未填单位', '1', '1']);
    expect(d.organisation).toBeNull();
    await page.getByRole('tab', { name: '来源报纸' }).click();
    await expect(page.getByTestId('newspapers-table').locator('tr', { hasText: fixture.newspapers[1] }).locator('td').allInnerTexts()).resolves.toEqual(['2', fixture.newspapers[1], '1']);

    // 导出 Excel: the workbook of the range shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statistics-export').click()]);
    expect(download.suggestedFilename()).toBe('用稿统计-2024年1月1日至2025年12月31日.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as any);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['栏目×月份', '通讯员用稿', '单位用稿', '来源报纸']);
    const sheet = workbook.getWorksheet('栏目×月份')!;
    expect(sheet.getRow(sheet.rowCount).getCell(26).value).toBe(published().length);

    expect(pageErrors).toEqual([]);
    expect(apiFailures).toEqual([]);
  });

  it('counts last year at one click, and says so when a range has nothing', async () => {
    const { page } = editor;
    const lastYear = new Date().getFullYear() - 1;
    await settledAfter(page, () => page.getByRole('button', { name: '上年' }).click());
    expect(page.url()).toContain(`from=${lastYear}-01-01&to=${lastYear}-12-31`);
    await expect(page.getByLabel('起始日期').inputValue()).resolves.toBe(`${lastYear}年1月1日`);
    // Whatever year that is, the page says what the API counts for it.
    const counted = (await api('GET', `/api/statistics?from=${lastYear}&to=${lastYear}`, { token: await login('editor') })).body.total;
    const said = counted > 0 ? page.getByTestId('statistics-total') : page.getByTestId('statistics-empty');
    await expect(said.innerText()).resolves.toContain(counted > 0 ? `${lastYear}年12月31日，已发布期刊共用稿 ${counted} 条` : '该时间范围内没有用稿');

    await page.getByLabel('起始日期').fill('1850-01-01');
    await page.getByLabel('截止日期').fill('1850-12-31');
    await settledAfter(page, () => page.getByRole('button', { name: '统计', exact: true }).click());
    await expect(page.getByTestId('statistics-empty').innerText()).resolves.toBe('1850年1月1日至1850年12月31日：该时间范围内没有用稿');

    // A range the API refuses: its message, in Chinese.
    await page.getByLabel('起始日期').fill('1850-12-31');
    await page.getByLabel('截止日期').fill('1850-01-01');
    await settledAfter(page, () => page.getByRole('button', { name: '统计', exact: true }).click());
    await expect(page.getByTestId('statistics-error').innerText()).resolves.toBe('统计范围有误：截止日期1850年1月1日早于起始日期1850年12月31日');
  });
});
