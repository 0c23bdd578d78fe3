import { advancesAfter, footerNumber, pageBody, PdfReader, squash, textRuns, type PdfRun } from '../testing/pdf-text';
import { entry, sampleIssue, section } from '../testing/sample-issues';
import { renderIssuePdf } from './index';
import { titleWords } from './title-words';

/**
 * Issue 13, item 7: Chinese text as the W3C "Requirements for Chinese Text Layout" (clreq) asks:
 * full-width punctuation inside a line, no closing mark at a line start or opening mark at a
 * line end, and titles broken between words, their two lines balanced.
 */
const HEADING_TITLE = '区委召开全区基层党组织规范化建设工作推进会暨第三季度党建工作例会';
/** The reference issue's longest title, which wraps in the contents ("…规范化建 / 设工作"). */
const TOC_TITLE = '郑州市政务公开办公室到中原西路街道督查指导基层政务公开标准化规范化建设工作';

const BODY = [
  '10月15日，区委召开全区基层党组织规范化建设工作推进会，参加会议的共93人，其中区委常委5人，各街道党工委书记12人。会议听取了各单位工作汇报，研究部署了下一阶段重点任务。',
  '参加培训的共93人，其中基层党组织书记48人，党务工作者45人。培训采取集中授课、现场教学、分组讨论相结合的方式（为期三天），取得了良好效果。',
  '会议强调：“要提高政治站位，压实工作责任。”各单位要对照《任务清单》逐项推进（见附件），及时研究解决工作中遇到的困难和问题；形成工作合力！是否按时完成？由区委督查室（区政府督查室）负责跟踪问效。',
  '截至9月底，全区共建成党群服务中心（站）126个、“红色物业”示范小区38个，覆盖率达到百分之九十五以上；群众满意度测评（第三方）为98.6分，较去年同期提高2.3分。',
];

const issue = sampleIssue({
  sections: [
    section('focus', '本期焦点', [entry('e1', HEADING_TITLE, BODY), entry('e2', TOC_TITLE, ['9月7日，郑州市政务公开办公室到中原西路街道督查指导。'])]),
  ],
});

/** Full-width marks whose own advance is 1em; next to another mark clreq lets it be halved. */
const FULL_WIDTH_MARKS = [...'，。、；：？！'];
const PUNCTUATION = /^[，。、；：？！）》」』】〕〗〉”’（《「『【〔〖〈“‘]/u;
const CLOSING = [...'，。、；：？！）》」』】〕〗〉”’'];
const OPENING = [...'（《「『【〔〖〈“‘'];

describe('Chinese text layout (clreq)', () => {
  let reader: PdfReader;
  let pages: string[];
  let pdf: Buffer;
  let bodyPage: number;
  let runs: PdfRun[];

  beforeAll(async () => {
    pdf = renderIssuePdf(issue).pdf;
    reader = new PdfReader(pdf);
    pages = reader.pageTexts();
    bodyPage = pages.findIndex((p) => footerNumber(p) !== null) + 1;
    runs = await textRuns(pdf, bodyPage);
  });
  afterAll(() => reader?.dispose());

  const bodyLines = (): string[] =>
    pages[bodyPage - 1]
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && footerNumber(l) === null);

  it('prints "共93人，其中" with a full-width comma that keeps its full width, no gap after it', () => {
    expect(squash(pages[bodyPage - 1])).toContain('共93人\uFF0C其中');
    const measured = FULL_WIDTH_MARKS.flatMap((mark) => advancesAfter(runs, mark)).filter((m) => !PUNCTUATION.test(m.context.slice(-4)));
    // The comma after 共93人 is among those measured (it was narrowed to justify its line).
    expect(measured.some((m) => m.context.includes('，其中'))).toBe(true);
    const wrong = measured.filter((m) => Math.abs(m.advance - m.size) > 0.5).map((m) => `${m.context}: ${m.advance.toFixed(2)}pt`);
    expect(wrong).toEqual([]);
  });

  it('starts no line with closing punctuation and ends none with opening punctuation', () => {
    const lines = bodyLines();
    expect(lines.length).toBeGreaterThan(12);
    expect(lines.filter((l) => CLOSING.includes(l[0]))).toEqual([]);
    expect(lines.filter((l) => OPENING.includes(l[l.length - 1]))).toEqual([]);
  });

  /** The lines a title was printed on, from the first line holding its start. */
  function titleLines(lines: readonly string[], title: string): string[] {
    const start = lines.findIndex((l) => squash(l).length >= 4 && title.startsWith(squash(l).slice(0, 4)));
    expect(start).toBeGreaterThanOrEqual(0);
    const result: string[] = [];
    let printed = '';
    for (const line of lines.slice(start)) {
      const text = squash(line).replace(/[.\s]*\.\s*\d+$/, '');
      result.push(text);
      printed += text;
      if (printed.length >= title.length) break;
    }
    expect(result.join('')).toBe(title);
    return result;
  }

  /** Where the title may be broken: after each of its words. */
  const wordEnds = (title: string): number[] => titleWords(title).map((_, i, words) => words.slice(0, i + 1).join('').length);

  function expectBalancedAtWordBoundary(lines: string[], title: string): void {
    expect(lines).toHaveLength(2);
    expect(wordEnds(title)).toContain(lines[0].length);
    // Balanced: the lines differ by less than the longest word.
    expect(Math.abs(lines[0].length - lines[1].length)).toBeLessThanOrEqual(4);
    // 建设 and 工作 stay whole.
    expect(lines.some((l) => l.includes('建设'))).toBe(true);
  }

  it('breaks a long entry heading between words, in two balanced lines', () => {
    expectBalancedAtWordBoundary(titleLines(bodyLines(), HEADING_TITLE), HEADING_TITLE);
  });

  it('breaks a long title in the contents between words, in two balanced lines', () => {
    const contents = pages[1].split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expectBalancedAtWordBoundary(titleLines(contents, TOC_TITLE), TOC_TITLE);
  });
});

describe('a paragraph of many punctuation marks', () => {
  // Typst gives up on one stretch of text with some 520 matches of the punctuation rule
  // ("maximum grouping depth exceeded"): a list of 700 units separated by 、 must still print.
  const units = Array.from({ length: 700 }, (_, i) => `第${i + 1}单位`);
  const list = `受表彰单位：${units.join('、')}。`;

  it('prints it whole, with no mark at a line start', () => {
    const blocks = [{ type: 'paragraph' as const, runs: [{ text: list }, { text: '（排名不分先后）', bold: true }] }];
    const rendered = renderIssuePdf(sampleIssue({ sections: [section('focus', '本期焦点', [{ id: 'many', title: '表彰名单', blocks }])] }));
    const reader = new PdfReader(rendered.pdf);
    try {
      const texts = reader.pageTexts();
      expect(squash(texts.map(pageBody).join('\n'))).toContain(`${list}（排名不分先后）`);
      const lines = texts.flatMap((page) => page.split('\n')).map((line) => line.trim());
      expect(lines.filter((line) => CLOSING.some((mark) => line.startsWith(mark)))).toEqual([]);
    } finally {
      reader.dispose();
    }
  });
});
