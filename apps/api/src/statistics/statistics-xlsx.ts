import { Workbook, type Borders, type Row, type Worksheet } from 'exceljs';
import { CONTRIBUTOR_ROLES, type Statistics } from '@dsyb/contracts';
import { CONTRIBUTOR_ROLE_LABELS } from '../contributors/contributor-role-labels';
import { rangeLabel } from './statistics-range';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAMES = ['栏目×月份', '通讯员用稿', '单位用稿', '来源报纸'] as const;
/** An organisation nobody recorded, and entries made from no newspaper article. */
export const NO_UNIT = '未填单位';
export const NO_SOURCE = '无来源稿件';

const FONT = '宋体';
const THIN: Partial<Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
/** Row 1: the title with the range; row 2: what is counted; row 3: the headers; the table from row 4. */
const HEADER_ROW = 3;

type Value = string | number;

interface Column {
  header: string;
  width: number;
  /** Text to the left, numbers centred. */
  text?: boolean;
}

interface Table {
  name: (typeof SHEET_NAMES)[number];
  title: string;
  note: string;
  columns: Column[];
  rows: Value[][];
  totals: Value[];
  /** Columns kept in view when scrolling to the right. */
  frozenColumns: number;
}

/** 用稿统计-2020年1月1日至2020年12月31日.xlsx (含未发布期刊 where those are counted too). */
export function statisticsFilename(statistics: Statistics): string {
  return `用稿统计${statistics.status === 'all' ? '（含未发布期刊）' : ''}-${rangeLabel(statistics)}.xlsx`;
}

/**
 * 用稿统计 as an Excel workbook: one worksheet per table of the statistics page (栏目×月份,
 * 通讯员用稿, 单位用稿, 来源报纸), each with a title naming the range, a line saying what is counted,
 * bold headers frozen above the rows, a 合计 row and set column widths.
 */
export async function buildStatisticsXlsx(statistics: Statistics): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '大事月报编辑系统';
  workbook.title = `用稿统计（${rangeLabel(statistics)}）`;
  for (const table of tables(statistics)) addTable(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function tables(statistics: Statistics): Table[] {
  const range = rangeLabel(statistics);
  const scope = `${statistics.status === 'all' ? '各期刊（含未发布）' : '已发布期刊'}所载条目，按事件日期计，共${statistics.total}条`;
  const { sectionMonth, contributors, units, newspapers } = statistics;
  const oneYear = statistics.from.slice(0, 4) === statistics.to.slice(0, 4);
  const monthHeader = (month: string) => `${oneYear ? '' : `${month.slice(0, 4)}年`}${Number(month.slice(5, 7))}月`;
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const count = (header: string): Column => ({ header, width: 9 });
  return [
    {
      name: '栏目×月份',
      title: `栏目用稿统计（${range}）`,
      note: `统计${scope}。`,
      columns: [{ header: '栏目', width: 14, text: true }, ...sectionMonth.months.map((month) => ({ header: monthHeader(month), width: oneYear ? 7 : 11 })), count('合计')],
      rows: sectionMonth.sections.map((section, s) => [section.name, ...sectionMonth.cells[s], sectionMonth.rowTotals[s]]),
      totals: ['合计', ...sectionMonth.columnTotals, statistics.total],
      frozenColumns: 1,
    },
    {
      name: '通讯员用稿',
      title: `通讯员用稿统计（${range}）`,
      note: `统计${scope}；一条稿件署名多人的，每人各计一次，同一人兼署文字和摄影的只计一条。`,
      columns: [
        { header: '序号', width: 6 },
        { header: '姓名', width: 12, text: true },
        { header: '单位', width: 30, text: true },
        ...CONTRIBUTOR_ROLES.map((role) => count(CONTRIBUTOR_ROLE_LABELS[role])),
        count('用稿数'),
      ],
      rows: contributors.map((c, i) => [i + 1, c.name, c.organisation ?? '', ...CONTRIBUTOR_ROLES.map((role) => c.roles[role]), c.total]),
      totals: ['', '合计（人次）', '', ...CONTRIBUTOR_ROLES.map((role) => sum(contributors.map((c) => c.roles[role]))), sum(contributors.map((c) => c.total))],
      frozenColumns: 2,
    },
    {
      name: '单位用稿',
      title: `单位用稿统计（${range}）`,
      note: `统计${scope}；单位为作者登记的所在单位，同一单位几人合写的稿件只计一次。`,
      columns: [{ header: '序号', width: 6 }, { header: '单位', width: 36, text: true }, count('作者人数'), count('用稿数')],
      rows: units.map((u, i) => [i + 1, u.unit ?? NO_UNIT, u.contributors, u.entries]),
      totals: ['', '合计', sum(units.map((u) => u.contributors)), sum(units.map((u) => u.entries))],
      frozenColumns: 2,
    },
    {
      name: '来源报纸',
      title: `来源报纸用稿统计（${range}）`,
      note: `统计${scope}；按条目所据来稿的报纸计。`,
      columns: [{ header: '序号', width: 6 }, { header: '来源报纸', width: 30, text: true }, count('用稿数')],
      rows: newspapers.map((n, i) => [i + 1, n.newspaper ?? NO_SOURCE, n.entries]),
      totals: ['', '合计', sum(newspapers.map((n) => n.entries))],
      frozenColumns: 2,
    },
  ];
}

function addTable(workbook: Workbook, table: Table): void {
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: table.frozenColumns }],
    pageSetup: { paperSize: 9, orientation: table.columns.length > 8 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
    headerFooter: { oddFooter: '第 &P 页　共 &N 页' },
  });
  sheet.columns = table.columns.map((column) => ({ width: column.width }));
  const width = table.columns.reduce((total, column) => total + column.width, 0);
  heading(sheet, 1, table.columns.length, width, table.title, { bold: true, size: 14 });
  heading(sheet, 2, table.columns.length, width, table.note, { size: 10 });

  const header = sheet.getRow(HEADER_ROW);
  table.columns.forEach((column, i) => {
    header.getCell(i + 1).value = column.header;
  });
  style(header, table.columns, true);
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  table.rows.forEach((values, r) => addRow(sheet.getRow(HEADER_ROW + 1 + r), table.columns, values, false));
  addRow(sheet.getRow(HEADER_ROW + 1 + table.rows.length), table.columns, table.totals, true);
}

/**
 * A line across the whole table (the title, the note), wrapped where the table is narrower than
 * it: a Chinese character is about two units of column width at 11 points.
 */
function heading(sheet: Worksheet, row: number, columns: number, width: number, text: string, font: { bold?: boolean; size: number }): void {
  sheet.mergeCells(row, 1, row, columns);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, ...font };
  cell.alignment = { vertical: 'middle', wrapText: true };
  const lines = Math.ceil((text.length * 2 * font.size) / 11 / width);
  sheet.getRow(row).height = lines * font.size * 1.5 + 6;
}

function addRow(row: Row, columns: Column[], values: Value[], bold: boolean): void {
  // An empty cell rather than an empty string: a filter shows it as (空白).
  values.forEach((value, i) => {
    row.getCell(i + 1).value = value === '' ? null : value;
  });
  style(row, columns, bold);
}

function style(row: Row, columns: Column[], bold: boolean): void {
  columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    cell.font = { name: FONT, size: 10, bold };
    cell.alignment = { horizontal: column.text ? 'left' : 'center', vertical: 'middle' };
    cell.border = THIN;
  });
}
