import { bookTitle, correctedRevisionName, DELIVERY_METHODS, isOneOf, PAPER_SIZES, type DeliveryMethod, type PaperSize } from '@dsyb/contracts';
import { beijingWallClock, formatBeijingDateTime, formatChineseDate, parseIsoDate } from './chinese-dates';
import { cleanInline } from './clean-text';
import { TypesetError } from './typeset-error';

/**
 * 发放登记表: the register of one issue's distribution, printed (render-delivery-register.ts) and
 * as a spreadsheet (delivery-register-xlsx.ts). Both take their title, columns, labels and totals
 * from here, so the two never disagree.
 */

/** A unit's receipt as the register shows it: 已签收 · 逾期未签收 · 待签收 · 发送失败 · 已撤销. */
export const DELIVERY_REGISTER_STATUSES = ['confirmed', 'overdue', 'pending', 'failed', 'revoked'] as const;
export type DeliveryRegisterStatus = (typeof DELIVERY_REGISTER_STATUSES)[number];

export const DELIVERY_STATUS_LABELS: Readonly<Record<DeliveryRegisterStatus, string>> = {
  confirmed: '已签收',
  overdue: '逾期未签收',
  pending: '待签收',
  failed: '发送失败',
  revoked: '已撤销',
};

export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  link: '下载链接',
  email: '电子邮件',
  paper: '纸质',
};

/** One unit of the distribution list. Times are ISO timestamps (null: not yet). */
export interface DeliveryRegisterRow {
  position: number;
  unitName: string;
  category: string;
  method: DeliveryMethod;
  paperCopies: number;
  sentAt: string | null;
  firstDownloadedAt: string | null;
  confirmedAt: string | null;
  confirmedByName: string | null;
  /** The receipt was recorded by staff from a signed paper slip. */
  confirmedOnPaper: boolean;
  status: DeliveryRegisterStatus;
}

/** Plain data, as the API reads it from the database: what the register prints. */
export interface DeliveryRegister {
  issue: { title: string; serialNumber: number; year: number; month: number; revision: number; publicationDate: string };
  /** From the masthead: 主办 (printed), 编辑出版 (the document's author), the paper the office prints on. */
  office: { sponsor: string; publisher: string; paper: PaperSize };
  /** When the issue was dispatched (ISO), null when it has not been yet. */
  dispatchedAt: string | null;
  /** When the register is made (ISO). */
  printedAt: string;
  rows: DeliveryRegisterRow[];
}

/** A time as both renderings need it: the Beijing wall clock (for a spreadsheet cell) and its text. */
export interface RegisterTime {
  /** Its UTC fields are the wall clock in Beijing (see beijingWallClock). */
  wallClock: Date;
  /** "2020年10月15日 14:05" */
  text: string;
}

export type RegisterCell = string | number | RegisterTime | null;

export interface RegisterColumn {
  header: string;
  kind: 'text' | 'number' | 'time';
  /** The column that takes the room left (the unit's name); the others are as wide as they need. */
  grow?: boolean;
  /** Width in the PDF, in mm, for all but the growing column: the widest value at 8pt, on one line (a time: its date). */
  pdfWidthMm?: number;
  /** Width in the spreadsheet, in characters. */
  xlsxWidth: number;
  /** The total this column adds up to (the spreadsheet puts it under the column, as a sum). */
  total?: keyof RegisterTotals;
  cell(row: PreparedRegisterRow): RegisterCell;
}

/** A row checked and cleaned, its times resolved. */
export interface PreparedRegisterRow
  extends Omit<DeliveryRegisterRow, 'sentAt' | 'firstDownloadedAt' | 'confirmedAt' | 'confirmedByName'> {
  sentAt: RegisterTime | null;
  firstDownloadedAt: RegisterTime | null;
  confirmedAt: RegisterTime | null;
  /** '' when nobody has signed. */
  confirmedByName: string;
}

/** The columns of the register, in order: the PDF's table and the spreadsheet's alike. */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { header: '序号', kind: 'number', pdfWidthMm: 8, xlsxWidth: 6, cell: (row) => row.position },
  { header: '单位', kind: 'text', grow: true, xlsxWidth: 32, cell: (row) => row.unitName },
  { header: '类别', kind: 'text', pdfWidthMm: 16, xlsxWidth: 14, cell: (row) => row.category },
  { header: '发放方式', kind: 'text', pdfWidthMm: 13, xlsxWidth: 10, cell: (row) => DELIVERY_METHOD_LABELS[row.method] },
  { header: '纸质份数', kind: 'number', pdfWidthMm: 13, xlsxWidth: 10, total: 'paperCopies', cell: (row) => row.paperCopies },
  { header: '发送时间', kind: 'time', pdfWidthMm: 22.5, xlsxWidth: 23, cell: (row) => row.sentAt },
  { header: '下载时间', kind: 'time', pdfWidthMm: 22.5, xlsxWidth: 23, cell: (row) => row.firstDownloadedAt },
  { header: '签收时间', kind: 'time', pdfWidthMm: 22.5, xlsxWidth: 23, cell: (row) => row.confirmedAt },
  // The name, and "（纸质回执）" on a line of its own if the two do not fit on one.
  { header: '签收人', kind: 'text', pdfWidthMm: 18.5, xlsxWidth: 20, cell: signedBy },
  { header: '状态', kind: 'text', pdfWidthMm: 16, xlsxWidth: 12, cell: (row) => DELIVERY_STATUS_LABELS[row.status] },
];

/** The room the unit's names need at least (nine characters at 8pt): less, and the page is turned. */
const MIN_UNIT_COLUMN_MM = 25;
/** The register's left and right margins together. */
export const REGISTER_SIDE_MARGINS_MM = 30;

/** After the signer's name when the receipt was a signed paper slip. */
export const PAPER_RECEIPT_MARK = '（纸质回执）';

function signedBy(row: PreparedRegisterRow): string {
  return row.confirmedOnPaper ? `${row.confirmedByName}${PAPER_RECEIPT_MARK}` : row.confirmedByName;
}

export interface RegisterTotals {
  units: number;
  confirmed: number;
  overdue: number;
  /** The sum of the 纸质份数 column. */
  paperCopies: number;
}

/** The totals under the table, in order, with their labels. */
export const REGISTER_TOTALS: ReadonlyArray<{ key: keyof RegisterTotals; label: string }> = [
  { key: 'units', label: '单位数' },
  { key: 'confirmed', label: '已签收' },
  { key: 'overdue', label: '逾期' },
  { key: 'paperCopies', label: '纸质份数合计' },
];

/** "单位数：120　已签收：80…" for the given totals (all of them by default). */
export function totalsLine(totals: RegisterTotals, keys: ReadonlyArray<keyof RegisterTotals> = REGISTER_TOTALS.map((t) => t.key)): string {
  return REGISTER_TOTALS.filter((t) => keys.includes(t.key))
    .map((t) => `${t.label}：${totals[t.key]}`)
    .join('　');
}

export const SIGNATURE_LABELS = ['经办人', '日期'] as const;

/** The register checked and ready to print: every string cleaned, every time resolved. */
export interface PreparedRegister {
  /** "《大事月报》总第97期（2020年10月）发放登记表" */
  title: string;
  /** "主办单位：…" */
  office: string;
  /** "勘误后的第2版", only after a correction. */
  revision: string | null;
  /** 出版日期, 发放时间, 打印时间. */
  dates: Array<{ label: string; value: string }>;
  /** 编辑出版, the document's author. */
  author: string;
  /** A Typst paper name. */
  paper: string;
  /** The paper's code in a spreadsheet's page setup (ECMA-376 ST_PaperSize). */
  excelPaperSize: number;
  /** Landscape when the columns do not fit across the paper (A5, B5). */
  landscape: boolean;
  printedAt: RegisterTime;
  rows: PreparedRegisterRow[];
  totals: RegisterTotals;
}

/**
 * The masthead's paper names for Typst and for Excel. Typst has no plain "b5": in China B5 is the
 * ISO size (176 × 250 mm, GB/T 148), which is also what Excel calls paper 34.
 */
const PAPERS: Readonly<Record<PaperSize, { typst: string; excel: number; widthMm: number }>> = {
  a4: { typst: 'a4', excel: 9, widthMm: 210 },
  a5: { typst: 'a5', excel: 11, widthMm: 148 },
  b5: { typst: 'iso-b5', excel: 34, widthMm: 176 },
  'iso-b5': { typst: 'iso-b5', excel: 34, widthMm: 176 },
  'jis-b5': { typst: 'jis-b5', excel: 13, widthMm: 182 },
  'us-letter': { typst: 'us-letter', excel: 1, widthMm: 215.9 },
};

const TABLE_MIN_WIDTH_MM = REGISTER_COLUMNS.reduce((sum, c) => sum + (c.pdfWidthMm ?? MIN_UNIT_COLUMN_MM), 0);

/** Checks the register (it comes from the API as plain data) and resolves what both renderings print. */
export function prepareRegister(register: DeliveryRegister): PreparedRegister {
  const { issue, office } = register;
  if (!issue || !office) throw new TypesetError('发放登记表排版失败：缺少期刊或刊头信息');
  for (const [value, what, max] of [
    [issue.serialNumber, '期号', Infinity],
    [issue.year, '年份', 9999],
    [issue.month, '月份', 12],
    [issue.revision, '修订次数', Infinity],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > max) throw new TypesetError(`发放登记表排版失败：${what}无效：${String(value)}`);
  }
  const paper = office.paper ?? 'a4';
  if (!isOneOf(PAPER_SIZES, paper)) throw new TypesetError(`发放登记表排版失败：纸张规格无效：${String(paper)}`);
  const publication = parseIsoDate(String(issue.publicationDate));
  if (!publication) throw new TypesetError(`发放登记表排版失败：出版日期无效：${String(issue.publicationDate)}`);
  const title = `${bookTitle(text(issue.title, '刊名', true))}总第${issue.serialNumber}期（${issue.year}年${issue.month}月）发放登记表`;
  const printedAt = time(register.printedAt, '打印时间');
  const dispatchedAt = register.dispatchedAt === null ? null : time(register.dispatchedAt, '发放时间');
  if (!printedAt) throw new TypesetError('发放登记表排版失败：打印时间不能为空');
  if (!Array.isArray(register.rows)) throw new TypesetError('发放登记表排版失败：发放单位不是列表');
  const rows = register.rows.map(prepareRow);
  return {
    title,
    office: `主办单位：${text(office.sponsor, '主办单位')}`,
    revision: issue.revision > 1 ? correctedRevisionName(issue.revision) : null,
    dates: [
      { label: '出版日期', value: formatChineseDate(publication) },
      { label: '发放时间', value: dispatchedAt?.text ?? '尚未发放' },
      { label: '打印时间', value: printedAt.text },
    ],
    author: text(office.publisher, '编辑出版单位'),
    paper: PAPERS[paper].typst,
    excelPaperSize: PAPERS[paper].excel,
    landscape: PAPERS[paper].widthMm - REGISTER_SIDE_MARGINS_MM < TABLE_MIN_WIDTH_MM,
    printedAt,
    rows,
    totals: {
      units: rows.length,
      confirmed: rows.filter((row) => row.status === 'confirmed').length,
      overdue: rows.filter((row) => row.status === 'overdue').length,
      paperCopies: rows.reduce((sum, row) => sum + row.paperCopies, 0),
    },
  };
}

function prepareRow(row: DeliveryRegisterRow, index: number): PreparedRegisterRow {
  const unitName = text(row?.unitName, `第${index + 1}个发放单位的名称`, true);
  const what = (field: string): string => aboutUnit(unitName, field);
  if (!Number.isInteger(row.position)) throw new TypesetError(`发放登记表排版失败：${what('序号')}无效：${String(row.position)}`);
  if (!Number.isInteger(row.paperCopies) || row.paperCopies < 0) {
    throw new TypesetError(`发放登记表排版失败：${what('纸质份数')}无效：${String(row.paperCopies)}`);
  }
  if (!isOneOf(DELIVERY_METHODS, row.method)) throw new TypesetError(`发放登记表排版失败：${what('发放方式')}无效：${String(row.method)}`);
  if (!isOneOf(DELIVERY_REGISTER_STATUSES, row.status)) throw new TypesetError(`发放登记表排版失败：${what('状态')}无效：${String(row.status)}`);
  return {
    position: row.position,
    unitName,
    category: text(row.category, what('类别')),
    method: row.method,
    paperCopies: row.paperCopies,
    sentAt: time(row.sentAt, what('发送时间')),
    firstDownloadedAt: time(row.firstDownloadedAt, what('下载时间')),
    confirmedAt: time(row.confirmedAt, what('签收时间')),
    confirmedByName: text(row.confirmedByName, what('签收人')),
    confirmedOnPaper: row.confirmedOnPaper === true,
    status: row.status,
  };
}

/** "单位“区委办公室”的签收时间": how messages name a field of a unit. */
export function aboutUnit(unitName: string, field: string): string {
  return `单位“${unitName}”的${field}`;
}

/** A string cleaned to one line; '' for null. (Whether the PDF's fonts can print it is the PDF's business.) */
function text(value: unknown, what: string, required = false): string {
  if (value !== null && value !== undefined && typeof value !== 'string') throw new TypesetError(`发放登记表排版失败：${what}不是文本`);
  const cleaned = cleanInline(typeof value === 'string' ? value : '');
  if (required && cleaned === '') throw new TypesetError(`发放登记表排版失败：${what}不能为空`);
  return cleaned;
}

function time(value: string | null | undefined, what: string): RegisterTime | null {
  if (value === null || value === undefined) return null;
  const wallClock = beijingWallClock(String(value));
  const formatted = formatBeijingDateTime(String(value));
  if (!wallClock || !formatted) throw new TypesetError(`发放登记表排版失败：${what}无效：${String(value)}`);
  return { wallClock, text: formatted };
}
