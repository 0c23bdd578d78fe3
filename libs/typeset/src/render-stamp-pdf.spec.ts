import { PDFDocument } from 'pdf-lib';
import { PdfReader, readPdf, squash, type PdfWord } from '../testing/pdf-text';
import { referenceSnapshot } from '../testing/reference-issue';
import { renderIssuePdf, renderStampPdf, TypesetError } from './index';

/**
 * The distribution stamp: one transparent page per unit, overlaid by the worker (pdf-lib
 * embedPdf + drawPage) on every page of the issue's final PDF. Read back with poppler.
 */
const A5 = { widthPt: 419.53, heightPt: 595.28 };
const MM = 72 / 25.4;
const STAMPS = [
  '发至：区委办公室　总第97期　内部资料　注意保存',
  '发至：区人民政府办公室　总第97期　内部资料　注意保存',
  '发至：中原区地方史志办公室（档案室）　总第97期　内部资料　注意保存',
];

describe('renderStampPdf', () => {
  let reader: PdfReader;

  beforeAll(() => {
    reader = new PdfReader(renderStampPdf(STAMPS, A5));
  });
  afterAll(() => reader?.dispose());

  it('makes one page per stamp, each exactly the given size', () => {
    expect(reader.pageCount()).toBe(3);
    expect(reader.pageSizesPt()).toEqual(STAMPS.map(() => ({ width: A5.widthPt, height: A5.heightPt })));
  });

  it('prints each stamp on its own page, and nothing else', () => {
    expect(reader.pageTexts().map(squash)).toEqual(STAMPS.map(squash));
  });

  it('sets the stamp at the bottom centre, its baseline about 6 mm above the edge', () => {
    for (let page = 1; page <= 3; page++) {
      const words = reader.words(page);
      const left = Math.min(...words.map((w) => w.xMin));
      const right = Math.max(...words.map((w) => w.xMax));
      const top = Math.min(...words.map((w) => w.yMin));
      const bottom = Math.max(...words.map((w) => w.yMax));
      expect(Math.abs((left + right) / 2 - A5.widthPt / 2)).toBeLessThan(1);
      // pdftotext's box is the font size high (7.5pt), from the ascent to just below the baseline.
      expect(bottom - top).toBeCloseTo(7.5, 1);
      expect((A5.heightPt - bottom) / MM).toBeGreaterThan(5);
      expect((A5.heightPt - bottom) / MM).toBeLessThan(6);
    }
  });

  it('embeds Noto Sans SC only', () => {
    expect(reader.fontNames()).toEqual(['NotoSansSC-Regular']);
  });

  it('prints Typst markup, quotes and backslashes literally', () => {
    const hostile = ['发至：#read("/etc/passwd")', '*单位* $x$ \\ \\" ] [ "引号"', '#set page(fill: red) ]#[', '\\u{41} // 注释 /*'];
    expect(readPdf(renderStampPdf(hostile, A5), (reader) => reader.pageTexts().map(squash))).toEqual(hostile.map(squash));
  });

  it('refuses characters the bundled fonts cannot print, naming the stamp', () => {
    expect(() => renderStampPdf(['发至：区委办公室', '发至：😀单位　内部资料'], A5)).toThrow(
      new TypesetError('排版失败：发放标记“发至：😀单位　内部资料”含有字体无法显示的字符：“😀”（U+1F600）'),
    );
  });

  it('refuses an empty list and page sizes no PDF can have', () => {
    expect(() => renderStampPdf([], A5)).toThrow(TypesetError);
    for (const page of [
      { widthPt: 0, heightPt: 100 },
      { widthPt: 100, heightPt: Number.NaN },
      { widthPt: 20_000, heightPt: 100 },
    ]) {
      expect(() => renderStampPdf(['发至：区委办公室'], page)).toThrow(/发放标记的页面尺寸无效/);
    }
  });
});

describe('a stamp overlaid on the reference issue with pdf-lib, as the worker does', () => {
  let stamped: PdfReader;
  let plain: PdfReader;
  let page: number;

  beforeAll(async () => {
    const issue = renderIssuePdf(referenceSnapshot('final')).pdf;
    const pdf = await PDFDocument.load(issue);
    const { width, height } = pdf.getPage(0).getSize();
    const [stamp] = await pdf.embedPdf(renderStampPdf([STAMPS[0]], { widthPt: width, heightPt: height }), [0]);
    for (const p of pdf.getPages()) p.drawPage(stamp, { x: 0, y: 0, width, height });
    page = pdf.getPageCount() - 1; // a numbered body page
    stamped = new PdfReader(Buffer.from(await pdf.save()));
    plain = new PdfReader(issue);
  });
  afterAll(() => {
    stamped?.dispose();
    plain?.dispose();
  });

  it('adds the stamp below the page number, without touching it', () => {
    const words = stamped.words(page);
    const number = words.filter((w) => /^(—|\d+)$/.test(w.text));
    const stamp = words.filter((w) => w.yMin > Math.max(...number.map((n) => n.yMax)));
    expect(squash(stamp.map((w) => w.text).join(''))).toBe(squash(STAMPS[0]));
    const gapMm = (Math.min(...stamp.map((w) => w.yMin)) - Math.max(...number.map((n) => n.yMax))) / MM;
    expect(gapMm).toBeGreaterThan(3);
    expect(number.every((n: PdfWord) => n.yMax < stamp[0].yMin)).toBe(true);
  });

  it('keeps the rest of the page as it was: the stamp page is transparent', () => {
    const before = plain.grayPixels(page);
    const after = stamped.grayPixels(page);
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    // Everything above the lowest 10 mm is pixel for pixel the same; the stamp darkens only its line.
    const rowsAbove = before.height - Math.ceil((10 * MM * 30) / 72);
    const bytes = rowsAbove * before.width;
    expect(after.pixels.subarray(0, bytes).equals(before.pixels.subarray(0, bytes))).toBe(true);
    expect(after.pixels.subarray(bytes).equals(before.pixels.subarray(bytes))).toBe(false);
  });
});
