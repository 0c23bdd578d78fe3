import { footerNumber, pageBody, parseToc, PdfReader, squash } from '../testing/pdf-text';
import { entry, sampleIssue, section } from '../testing/sample-issues';
import { renderIssuePdf } from './index';

/** A different, made-up issue: two printed sections, an empty one, and a very long title. */
const LONG_TITLE =
  '二七区召开2021年度优化营商环境暨“放管服”改革重点任务推进会议并对全区各街道办事处、各职能部门落实“一网通办、一次办成”改革措施情况进行专项督导检查';

const paragraphs = (topic: string, n: number): string[] =>
  Array.from(
    { length: n },
    (_, i) =>
      `${i === 0 ? '2月3日，' : ''}${topic}第${i + 1}段：会议强调，要提高政治站位，压实工作责任，确保各项任务按时保质完成。` +
      '各单位要对照任务清单逐项推进，及时研究解决工作中遇到的困难和问题，形成工作合力。'.repeat(3),
  );

const issue = sampleIssue({
  sections: [
    section('focus', '本期焦点', [entry('e1', '二七区召开2021年经济工作会议', paragraphs('经济工作会议', 4))]),
    section('culture', '文化亮点', []),
    section('politics', '时政要点', [
      entry('e2', LONG_TITLE, paragraphs('营商环境', 6)),
      entry('e3', '二七区开展春季植树活动', paragraphs('植树活动', 2)),
      entry('e4', '二七区召开第七次全国人口普查总结会', paragraphs('人口普查', 3)),
    ]),
  ],
});

const titles = ['二七区召开2021年经济工作会议', LONG_TITLE, '二七区开展春季植树活动', '二七区召开第七次全国人口普查总结会'];

describe('a second issue (2 sections, long title)', () => {
  let pages: string[];
  let reader: PdfReader;

  beforeAll(() => {
    const rendered = renderIssuePdf(issue);
    reader = new PdfReader(rendered.pdf);
    pages = reader.pageTexts();
    expect(rendered.pages).toBe(pages.length);
  });
  afterAll(() => reader?.dispose());

  const bodyStart = (): number => pages.findIndex((p) => footerNumber(p) !== null);

  it('prints its own cover', () => {
    const cover = squash(pages[0]);
    for (const field of ['二七区大事月报', '2021年3月', '（总第102期）', '二七区地方史志办公室', '2021年3月12日']) {
      expect(cover).toContain(field);
    }
  });

  it('leaves out the empty section everywhere', () => {
    expect(squash(pages.join('\n'))).not.toContain('文化亮点');
  });

  it('finds the page number of the long, wrapped title in the contents', () => {
    const contents = pages.slice(1, bodyStart());
    // The long title really wraps: no single line of the contents holds all of it.
    expect(contents.join('\n').split('\n').some((l) => squash(l).includes(LONG_TITLE))).toBe(false);
    const toc = parseToc(contents, ['本期焦点', '时政要点']);
    expect(toc.map((l) => l.title)).toEqual(titles.map(squash));
    const body = pages.slice(bodyStart()).map((p) => squash(pageBody(p)));
    for (const line of toc) {
      expect(body.findIndex((p) => p.includes(line.title)) + 1).toBe(line.page);
    }
  });

  it('puts the sections and entries in order in the body', () => {
    const body = squash(pages.slice(bodyStart()).map(pageBody).join('\n'));
    const positions = ['本期焦点', titles[0], '时政要点', ...titles.slice(1)].map((t) => body.indexOf(squash(t)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('ends with this issue’s back block', () => {
    const last = squash(pages[pages.length - 1]);
    expect(last).toContain('发放范围：区委常委，区政府各部门，各街道办事处');
    expect(last).toContain('主办：二七区人民政府');
    expect(last).toContain('邮箱：eqqszb@example.cn');
  });
});

describe('an issue without entries', () => {
  it('still renders cover, contents page and back block (an early proof)', () => {
    const rendered = renderIssuePdf(sampleIssue({ kind: 'proof', sections: [section('focus', '本期焦点', [])] }));
    const reader = new PdfReader(rendered.pdf);
    try {
      const text = squash(reader.pageTexts().join('\n'));
      expect(text).toContain('二七区大事月报');
      expect(text).toContain('发放范围：');
      expect(text).not.toContain('本期焦点');
    } finally {
      reader.dispose();
    }
  });
});

describe('page settings', () => {
  it('renders on A5 with mirrored margins', () => {
    const rendered = renderIssuePdf(issue, { paper: 'a5', margins: { top: 15, bottom: 15, inside: 18, right: 12 } });
    const reader = new PdfReader(rendered.pdf);
    try {
      expect(reader.pageSizeMm()).toEqual({ width: 148, height: 210 });
      expect(rendered.pages).toBeGreaterThan(4);
      expect(squash(reader.pageTexts().join('\n'))).toContain(squash(LONG_TITLE));
    } finally {
      reader.dispose();
    }
  });
});
