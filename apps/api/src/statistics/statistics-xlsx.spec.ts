import { Workbook, type Worksheet } from 'exceljs';
import type { Statistics } from '@dsyb/contracts';
import { sectionMonthTable } from './section-month';
import { buildStatisticsXlsx, statisticsFilename } from './statistics-xlsx';

const HOSTILE = '=HYPERLINK("http://example.com","点我")';

function sample(range: { from: string; to: string }, months: string[]): Statistics {
  const sections = [{ id: 's1', name: '本期焦点' }, { id: 's2', name: '时政要点' }];
  return {
    ...range,
    status: 'published',
    total: 5,
    sectionMonth: sectionMonthTable(sections, months, [
      { sectionId: 's1', month: months[0], entries: 2 },
      { sectionId: 's2', month: months[0], entries: 1 },
      { sectionId: 's2', month: months[months.length - 1], entries: 2 },
    ]),
    contributors: [
      { id: 'c1', name: '韩娟', organisation: '中原区融媒体中心', roles: { reporter: 3, correspondent: 0, photographer: 1, intern: 0 }, total: 3 },
      { id: 'c2', name: HOSTILE, organisation: null, roles: { reporter: 0, correspondent: 2, photographer: 0, intern: 0 }, total: 2 },
    ],
    units: [{ unit: '中原区融媒体中心', contributors: 1, entries: 3 }, { unit: null, contributors: 1, entries: 2 }],
    newspapers: [{ newspaper: '郑州日报', entries: 4 }, { newspaper: null, entries: 1 }],
  };
}

async function readBack(statistics: Statistics): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(await buildStatisticsXlsx(statistics));
  return workbook;
}

const row = (sheet: Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);

describe('buildStatisticsXlsx, one year', () => {
  const months = Array.from({ length: 12 }, (_, m) => `2020-${String(m + 1).padStart(2, '0')}`);
  const statistics = sample({ from: '2020-01-01', to: '2020-12-31' }, months);
  let workbook: Workbook;

  beforeAll(async () => {
    workbook = await readBack(statistics);
  });

  it('has the four tables, each titled with the range and saying what is counted', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['栏目×月份', '通讯员用稿', '单位用稿', '来源报纸']);
    expect(workbook.worksheets.map((sheet) => sheet.getCell('A1').value)).toEqual([
      '栏目用稿统计（2020年1月1日至2020年12月31日）',
      '通讯员用稿统计（2020年1月1日至2020年12月31日）',
      '单位用稿统计（2020年1月1日至2020年12月31日）',
      '来源报纸用稿统计（2020年1月1日至2020年12月31日）',
    ]);
    expect(workbook.worksheets[0].getCell('A2').value).toBe('统计已发布期刊所载条目，按事件日期计，共5条。');
  });

  it('lays sections out against months, with the totals of each and of all', () => {
    const sheet = workbook.getWorksheet('栏目×月份')!;
    expect(row(sheet, 3)).toEqual(['栏目', '1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '合计']);
    expect(row(sheet, 4)).toEqual(['本期焦点', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(row(sheet, 5)).toEqual(['时政要点', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3]);
    expect(row(sheet, 6)).toEqual(['合计', 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 5]);
    expect(sheet.getCell('A3').font).toMatchObject({ bold: true });
    expect(sheet.getCell('N6').font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(12);
  });

  it('counts contributors by role, their units and the newspapers, with totals', () => {
    const contributors = workbook.getWorksheet('通讯员用稿')!;
    expect(row(contributors, 3)).toEqual(['序号', '姓名', '单位', '记者', '通讯员', '摄影', '实习生', '用稿数']);
    expect(row(contributors, 4)).toEqual([1, '韩娟', '中原区融媒体中心', 3, 0, 1, 0, 3]);
    // A name is text, never a formula; no unit is an empty cell.
    expect(contributors.getCell('B5').value).toBe(HOSTILE);
    expect(contributors.getCell('C5').value).toBeNull();
    expect(row(contributors, 6).slice(1)).toEqual(['合计（人次）', undefined, 3, 2, 1, 0, 5]);
    expect(contributors.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2 });

    const units = workbook.getWorksheet('单位用稿')!;
    expect(row(units, 4)).toEqual([1, '中原区融媒体中心', 1, 3]);
    expect(row(units, 5)).toEqual([2, '未填单位', 1, 2]);
    expect(row(units, 6).slice(1)).toEqual(['合计', 2, 5]);

    const newspapers = workbook.getWorksheet('来源报纸')!;
    expect(row(newspapers, 3)).toEqual(['序号', '来源报纸', '用稿数']);
    expect(row(newspapers, 5)).toEqual([2, '无来源稿件', 1]);
    expect(row(newspapers, 6).slice(1)).toEqual(['合计', 5]);
  });
});

it('names months with their year when the range spans years', async () => {
  const statistics = sample({ from: '2020-11-15', to: '2021-01-31' }, ['2020-11', '2020-12', '2021-01']);
  const sheet = (await readBack(statistics)).getWorksheet('栏目×月份')!;
  expect(row(sheet, 3)).toEqual(['栏目', '2020年11月', '2020年12月', '2021年1月', '合计']);
  expect(sheet.getCell('A1').value).toBe('栏目用稿统计（2020年11月15日至2021年1月31日）');
});

it('names the file after the range, and says when unpublished issues are counted', () => {
  const statistics = sample({ from: '2020-01-01', to: '2020-12-31' }, ['2020-01']);
  expect(statisticsFilename(statistics)).toBe('用稿统计-2020年1月1日至2020年12月31日.xlsx');
  expect(statisticsFilename({ ...statistics, status: 'all' })).toBe('用稿统计（含未发布期刊）-2020年1月1日至2020年12月31日.xlsx');
});
