import { PdfReader, readPdf, squash } from '../testing/pdf-text';
import { registerRow, sampleRegister } from '../testing/delivery-registers';
import { renderDeliveryRegisterPdf, TypesetError, type DeliveryRegister, type RenderedRegister } from './index';

/**
 * 发放登记表 as PDF, read back with poppler. The machine's zone must not matter: times are
 * Beijing time (the office's zone), so the spec runs in New York.
 */
process.env.TZ = 'America/New_York';

const HEADER = '序号单位类别发放方式纸质份数发送时间下载时间签收时间签收人状态';
const HOSTILE = ['#read("/etc/passwd")单位', '*加粗* _强调_ $x^2$ ] [ <label> @ref // /*', '\\"引号\\" 反斜杠\\单位', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef'];

function register120(): DeliveryRegister {
  const register = sampleRegister(120);
  HOSTILE.forEach((name, k) => (register.rows[10 + k * 30].unitName = name));
  return register;
}

describe('renderDeliveryRegisterPdf, 120 units', () => {
  const register = register120();
  let rendered: RenderedRegister;
  let reader: PdfReader;
  let pages: string[];

  beforeAll(() => {
    rendered = renderDeliveryRegisterPdf(register);
    reader = new PdfReader(rendered.pdf);
    pages = reader.rawPageTexts().map(squash);
  });
  afterAll(() => reader?.dispose());

  it('runs over several A4 portrait pages, and says how many', () => {
    expect(rendered.pages).toBe(reader.pageCount());
    expect(rendered.pages).toBeGreaterThanOrEqual(3);
    expect(reader.pageSizesPt().map(({ width, height }) => [Math.round(width), Math.round(height)])).toEqual(pages.map(() => [595, 842]));
    pages.forEach((page, i) => expect(page).toContain(`第${i + 1}页共${pages.length}页`));
  });

  it('starts with the title, the office, the revision and the dates in Beijing time', () => {
    expect(pages[0].startsWith('《中原区大事月报》总第97期（2020年10月）发放登记表')).toBe(true);
    for (const line of [
      '主办单位：中共郑州市中原区委党史研究室（区地方史志办公室）',
      '勘误后的第2版',
      '出版日期：2020年10月15日',
      '发放时间：2020年10月15日14:05',
      '打印时间：2020年10月31日09:20',
    ]) {
      expect(pages[0]).toContain(squash(line));
    }
  });

  it('repeats the header row at the top of the table on every page with rows', () => {
    const withRows = pages.filter((page) => register.rows.some((row) => page.includes(squash(row.unitName))));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    for (const page of withRows) {
      const header = page.indexOf(HEADER);
      expect(header).toBeGreaterThanOrEqual(0);
      const firstUnit = Math.min(...register.rows.map((row) => page.indexOf(squash(row.unitName))).filter((at) => at >= 0));
      expect(header).toBeLessThan(firstUnit);
    }
  });

  it('lists every unit exactly once, with its number, in order', () => {
    const all = pages.join('');
    const at = register.rows.map((row) => {
      const cell = `${row.position}${squash(row.unitName)}`;
      expect({ unit: row.unitName, times: all.split(cell).length - 1 }).toEqual({ unit: row.unitName, times: 1 });
      return all.indexOf(cell);
    });
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('prints hostile unit names literally', () => {
    const all = pages.join('');
    for (const name of HOSTILE) expect(all).toContain(squash(name));
    expect(all).not.toMatch(/root:.*:0:0:/);
  });

  it('prints a row as the office reads it: method, copies, Beijing times, signer, status', () => {
    const all = pages.join('');
    // Unit 1: link, confirmed by 张丽 at 00:30 Beijing time on the 16th (16:30 UTC on the 15th).
    expect(all).toContain(squash('1 区委办公室 区委部门 下载链接 0 2020年10月15日 14:05 2020年10月15日 09:30 2020年10月16日 00:30 张丽 已签收'));
    // Unit 6: paper, receipt from a signed slip.
    expect(all).toContain(squash('6 区委组织部 驻区单位 纸质 2 2020年10月15日 14:05 2020年10月15日 09:30 2020年10月15日 16:45 张丽（纸质回执） 已签收'));
    expect(all).toContain(squash('4 区政协办公室 乡镇 下载链接 0 发送失败'));
    for (const label of ['逾期未签收', '待签收', '已撤销', '电子邮件']) expect(all).toContain(label);
  });

  it('ends with the totals and a line for the signature', () => {
    const rows = register.rows;
    const confirmed = rows.filter((row) => row.status === 'confirmed').length;
    const overdue = rows.filter((row) => row.status === 'overdue').length;
    const copies = rows.reduce((sum, row) => sum + row.paperCopies, 0);
    expect([confirmed, overdue, copies]).toEqual([24, 24, 100]);
    const last = pages[pages.length - 1];
    expect(last).toContain(`合计单位数：120已签收：${confirmed}逾期：${overdue}纸质份数合计：${copies}`);
    expect(last.indexOf('经办人：')).toBeGreaterThan(last.indexOf('合计'));
    expect(last).toContain('日期：');
  });

  it('embeds only the bundled fonts', () => {
    for (const font of reader.fontNames()) expect(font).toMatch(/^Noto(Serif|Sans)SC-(Regular|Bold)$/);
  });
});

describe('renderDeliveryRegisterPdf, variants', () => {
  const textOf = (register: DeliveryRegister): string =>
    readPdf(renderDeliveryRegisterPdf(register).pdf, (reader) => squash(reader.rawPageTexts().join('')));

  it('mentions no revision on a first revision, and says when nothing was dispatched yet', () => {
    const base = sampleRegister(3);
    const text = textOf({ ...base, issue: { ...base.issue, revision: 1 }, dispatchedAt: null });
    expect(text).not.toContain('修订');
    expect(text).toContain('发放时间：尚未发放');
  });

  it('turns the page for papers narrower than the table (A5, B5) and keeps A4 and letter portrait', () => {
    const sizes = (['a5', 'b5', 'us-letter'] as const).map((paper) => {
      const base = sampleRegister(3);
      return readPdf(renderDeliveryRegisterPdf({ ...base, office: { ...base.office, paper } }).pdf, (reader) => reader.pageSizeMm());
    });
    expect(sizes).toEqual([
      { width: 210, height: 148 },
      { width: 250, height: 176 },
      { width: 216, height: 279 },
    ]);
  });

  it('refuses text the fonts cannot print, naming the unit, and unusable data', () => {
    const base = sampleRegister(3);
    const emoji = { ...base, rows: [...base.rows, { ...registerRow(3), unitName: '😀办公室' }] };
    expect(() => renderDeliveryRegisterPdf(emoji)).toThrow(new TypesetError('发放登记表排版失败：单位“😀办公室”的名称含有字体无法显示的字符：“😀”（U+1F600）'));
    const signer = { ...base, rows: [{ ...registerRow(0), confirmedByName: '张𰀀' }] };
    expect(() => renderDeliveryRegisterPdf(signer)).toThrow(/^发放登记表排版失败：单位“区委办公室”的签收人含有字体无法显示的字符：“𰀀”/);
    const badTime = { ...base, rows: [{ ...registerRow(0), sentAt: '昨天' }] };
    expect(() => renderDeliveryRegisterPdf(badTime)).toThrow(new TypesetError('发放登记表排版失败：单位“区委办公室”的发送时间无效：昨天'));
    const badStatus = { ...base, rows: [{ ...registerRow(0), status: 'lost' as never }] };
    expect(() => renderDeliveryRegisterPdf(badStatus)).toThrow(new TypesetError('发放登记表排版失败：单位“区委办公室”的状态无效：lost'));
    expect(() => renderDeliveryRegisterPdf({ ...base, office: { ...base.office, paper: 'a3' as never } })).toThrow(/纸张规格无效：a3/);
  });
});
