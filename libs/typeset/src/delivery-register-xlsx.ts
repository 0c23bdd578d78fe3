import type { Borders, Cell, PageSetup, Row, Worksheet } from 'exceljs';
import {
  prepareRegister,
  REGISTER_COLUMNS,
  REGISTER_TOTALS,
  SIGNATURE_LABELS,
  totalsLine,
  type DeliveryRegister,
  type PreparedRegister,
  type RegisterCell,
} from './delivery-register';

/** The worksheet's name, and what the register is called everywhere. */
export const REGISTER_SHEET_NAME = '发放登记表';
/** How a time is shown: 2020年10月15日 14:05 (the cell is a real date and time). */
export const REGISTER_TIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm';

const FONT = '宋体';
const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** Rows 1–3: title, office and revision, dates; row 4: the columns' headers; the units from row 5. */
const HEADER_ROW = 4;

/**
 * 发放登记表 of one issue as an Excel workbook (.xlsx): one worksheet with the title, the office
 * and the dates, the same columns as the PDF (renderDeliveryRegisterPdf) under a frozen header
 * row with an autofilter, the totals and a line for the signature. Times are date cells holding
 * the wall clock in Beijing, whatever the machine's zone (a spreadsheet's dates have no zone).
 *
 * Throws TypesetError for the same unusable data as the PDF.
 */
export async function buildDeliveryRegisterXlsx(register: DeliveryRegister): Promise<Buffer> {
  const prepared = prepareRegister(register);
  // exceljs (about 20 MB once loaded) is loaded on the first register, not with the library: the
  // worker and its typesetting threads never write a spreadsheet.
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  workbook.creator = prepared.author;
  workbook.title = prepared.title;
  // The file's own dates are instants: the real moment the register was made.
  workbook.created = workbook.modified = new Date(Date.parse(register.printedAt));
  const sheet = workbook.addWorksheet(REGISTER_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: prepared.excelPaperSize as PageSetup['paperSize'],
      orientation: prepared.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '第 &P 页　共 &N 页' },
  });
  sheet.columns = REGISTER_COLUMNS.map((column) => ({ width: column.xlsxWidth }));
  const lastColumn = REGISTER_COLUMNS.length;

  addHeading(sheet, prepared, lastColumn);
  const header = sheet.getRow(HEADER_ROW);
  REGISTER_COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = THIN;
  });

  prepared.rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(HEADER_ROW + 1 + r);
    REGISTER_COLUMNS.forEach((column, i) => setValue(sheetRow.getCell(i + 1), column.cell(row)));
    styleTableRow(sheetRow, false);
  });
  const lastRow = HEADER_ROW + prepared.rows.length;
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(lastRow, HEADER_ROW), column: lastColumn } };

  addTotals(sheet, prepared, lastRow);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addHeading(sheet: Worksheet, prepared: PreparedRegister, lastColumn: number): void {
  sheet.mergeCells(1, 1, 1, lastColumn);
  const title = sheet.getCell(1, 1);
  title.value = prepared.title;
  title.font = { name: FONT, bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;

  sheet.mergeCells(2, 1, 2, lastColumn - 2);
  const office = sheet.getCell(2, 1);
  office.value = prepared.office;
  office.font = { name: FONT, size: 10 };
  sheet.mergeCells(2, lastColumn - 1, 2, lastColumn);
  const revision = sheet.getCell(2, lastColumn - 1);
  revision.value = prepared.revision ?? '';
  revision.font = { name: FONT, bold: true, size: 10 };
  revision.alignment = { horizontal: 'right' };

  sheet.mergeCells(3, 1, 3, lastColumn);
  const dates = sheet.getCell(3, 1);
  dates.value = prepared.dates.map((d) => `${d.label}：${d.value}`).join('　　');
  dates.font = { name: FONT, size: 10 };
}

/**
 * 合计 under the table: a column's sum under it (a formula, with its value: 纸质份数), the other
 * totals (单位数, 已签收, 逾期) in the unit column; then the signature line.
 */
function addTotals(sheet: Worksheet, prepared: PreparedRegister, lastRow: number): void {
  const unitColumn = REGISTER_COLUMNS.findIndex((c) => c.grow) + 1;
  const totals = sheet.getRow(lastRow + 1);
  totals.getCell(1).value = '合计';
  const summed = REGISTER_COLUMNS.flatMap((c) => (c.total ? [c.total] : []));
  totals.getCell(unitColumn).value = totalsLine(
    prepared.totals,
    REGISTER_TOTALS.map((t) => t.key).filter((key) => !summed.includes(key)),
  );
  REGISTER_COLUMNS.forEach((c, i) => {
    if (!c.total) return;
    const letter = sheet.getColumn(i + 1).letter;
    const range = `${letter}${HEADER_ROW + 1}:${letter}${lastRow}`;
    // Without units the range would be the totals row itself: a circular reference.
    const result = prepared.totals[c.total];
    totals.getCell(i + 1).value = lastRow > HEADER_ROW ? { formula: `SUM(${range})`, result } : result;
  });
  styleTableRow(totals, true);

  const signature = sheet.getRow(lastRow + 3);
  const [clerk, date] = SIGNATURE_LABELS;
  signature.getCell(unitColumn).value = `${clerk}：____________`;
  signature.getCell(REGISTER_COLUMNS.length - 2).value = `${date}：____________`;
  signature.font = { name: FONT, size: 10 };
}

/** A row of the table under the header: bordered, text to the left, numbers and times centred. */
function styleTableRow(row: Row, bold: boolean): void {
  REGISTER_COLUMNS.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    cell.font = { name: FONT, size: 10, bold };
    cell.alignment = { horizontal: column.kind === 'text' ? 'left' : 'center', vertical: 'middle', wrapText: column.grow === true };
    cell.border = THIN;
  });
}

function setValue(cell: Cell, value: RegisterCell): void {
  if (value !== null && typeof value === 'object') {
    cell.value = value.wallClock;
    cell.numFmt = REGISTER_TIME_FORMAT;
  } else {
    // An empty cell rather than an empty string: filters show it as (空白).
    cell.value = value === '' ? null : value;
  }
}
