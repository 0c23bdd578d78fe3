import { Workbook, type Worksheet } from 'exceljs';
import { sampleRegister } from '../testing/delivery-registers';
import { buildDeliveryRegisterXlsx, TypesetError, type DeliveryRegister } from './index';

/**
 * 发放登记表 as a spreadsheet, built and read back with exceljs. Times are Beijing wall-clock
 * times in real date cells, whatever the machine's zone: the spec runs in New York.
 */
process.env.TZ = 'America/New_York';

const HEADERS = ['序号', '单位', '类别', '发放方式', '纸质份数', '发送时间', '下载时间', '签收时间', '签收人', '状态'];
const TIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm';
const HOSTILE = '=HYPERLINK("http://example.com","点我") #read("/etc/passwd") "引号"';

function register120(): DeliveryRegister {
  const register = sampleRegister(120);
  register.rows[7].unitName = HOSTILE;
  return register;
}

async function readBack(register: DeliveryRegister): Promise<Worksheet> {
  const workbook = new Workbook();
  await workbook.xlsx.load(await buildDeliveryRegisterXlsx(register));
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['发放登记表']);
  return workbook.worksheets[0];
}

const rowValues = (sheet: Worksheet, row: number): unknown[] => HEADERS.map((_, i) => sheet.getRow(row).getCell(i + 1).value);

describe('buildDeliveryRegisterXlsx, 120 units', () => {
  const register = register120();
  let sheet: Worksheet;

  beforeAll(async () => {
    sheet = await readBack(register);
  });

  it('starts with the title, the office, the revision and the dates', () => {
    expect(sheet.getCell('A1').value).toBe('《中原区大事月报》总第97期（2020年10月）发放登记表');
    expect(sheet.getCell('A2').value).toBe('主办单位：中共郑州市中原区委党史研究室（区地方史志办公室）');
    expect(sheet.getCell('I2').value).toBe('勘误后的第2版');
    expect(sheet.getCell('A3').value).toBe('出版日期：2020年10月15日　　发放时间：2020年10月15日 14:05　　打印时间：2020年10月31日 09:20');
  });

  it('has the columns of the PDF under a frozen header row with an autofilter, and sets their widths', () => {
    expect(rowValues(sheet, 4)).toEqual(HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBe('A4:J124');
    const widths = HEADERS.map((_, i) => sheet.getColumn(i + 1).width ?? 0);
    expect(widths.every((width) => width >= 6)).toBe(true);
    expect(widths[1]).toBeGreaterThan(25);
  });

  it('has one row per unit, in order, each unit once', () => {
    const names = Array.from({ length: 120 }, (_, r) => sheet.getCell(5 + r, 2).value);
    expect(names).toEqual(register.rows.map((row) => row.unitName));
    expect(Array.from({ length: 120 }, (_, r) => sheet.getCell(5 + r, 1).value)).toEqual(register.rows.map((row) => row.position));
    expect(sheet.getCell(5 + 7, 2).value).toBe(HOSTILE); // text, not a formula
  });

  it('writes times as date cells with the Beijing wall clock, shown as 2020年10月15日 14:05', () => {
    // Unit 1: sent 06:05Z, downloaded 01:30Z, confirmed 16:30Z = 00:30 on the 16th in Beijing.
    const [position, name, category, method, copies, sent, downloaded, confirmed, signer, status] = rowValues(sheet, 5);
    expect([position, name, category, method, copies, signer, status]).toEqual([1, '区委办公室', '区委部门', '下载链接', 0, '张丽', '已签收']);
    expect([sent, downloaded, confirmed].map((d) => (d instanceof Date ? d.toISOString() : d))).toEqual([
      '2020-10-15T14:05:00.000Z',
      '2020-10-15T09:30:00.000Z',
      '2020-10-16T00:30:00.000Z',
    ]);
    for (const column of [6, 7, 8]) expect(sheet.getCell(5, column).numFmt).toBe(TIME_FORMAT);
    // Unit 4: sending failed, no times at all.
    expect(rowValues(sheet, 8)).toEqual([4, '区政协办公室', '乡镇', '下载链接', 0, null, null, null, null, '发送失败']);
    // Unit 6: paper copies, receipt from a signed slip.
    expect(rowValues(sheet, 10).slice(3, 5)).toEqual(['纸质', 2]);
    expect(sheet.getCell(10, 9).value).toBe('张丽（纸质回执）');
  });

  it('ends with the totals and the signature line', () => {
    const totals = rowValues(sheet, 125);
    expect(totals[0]).toBe('合计');
    expect(totals[1]).toBe('单位数：120　已签收：24　逾期：24');
    expect(totals[4]).toEqual({ formula: 'SUM(E5:E124)', result: 100 });
    const signature = rowValues(sheet, 127).filter((v) => v !== null).join(' ');
    expect(signature).toMatch(/^经办人：_+ 日期：_+$/);
  });
});

describe('buildDeliveryRegisterXlsx, variants', () => {
  it('leaves the revision out on a first revision and prints on the masthead paper, turned when it is narrow', async () => {
    const base = sampleRegister(2);
    const sheet = await readBack({ ...base, issue: { ...base.issue, revision: 1 }, office: { ...base.office, paper: 'a5' } });
    expect(sheet.getCell('I2').value).toBeFalsy();
    expect(sheet.pageSetup).toMatchObject({ paperSize: 11, orientation: 'landscape', fitToWidth: 1 });
    expect(sheet.autoFilter).toBe('A4:J6');
  });

  it('totals an empty list without a formula that would count itself', async () => {
    const sheet = await readBack(sampleRegister(0));
    expect(rowValues(sheet, 5).slice(0, 5)).toEqual(['合计', '单位数：0　已签收：0　逾期：0', null, null, 0]);
  });

  it('refuses what the PDF refuses', async () => {
    const base = sampleRegister(2);
    await expect(buildDeliveryRegisterXlsx({ ...base, printedAt: '不是时间' })).rejects.toThrow(TypesetError);
  });
});
