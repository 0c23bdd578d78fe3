import type { EntryBlock, EntrySnapshot, IssueSnapshot } from '@dsyb/domain';
import { htmlToBlocks } from '@dsyb/rich-text';
import { dataUrl, pngImage } from '../testing/images';
import { footerNumber, pageBody, parseToc, PdfReader, squash, type PdfWord } from '../testing/pdf-text';
import { referenceSnapshot } from '../testing/reference-issue';
import { entry, sampleIssue, section, seededRandom } from '../testing/sample-issues';
import { renderIssuePdf } from './index';

/**
 * Page layout rules of issue 13 (item 7), read back from the PDF: what stays together at the foot
 * of a page, figures that move alone, photo credits under captions, the proof header on the
 * cover, and the page numbering schemes.
 */

const A4_HEIGHT_PT = 841.89;
const BOTTOM_MARGIN_PT = (25 * 72) / 25.4;
/** The lowest a line of text can end on a page: the bottom of the text area. */
const TEXT_BOTTOM_PT = A4_HEIGHT_PT - BOTTOM_MARGIN_PT;

const SENTENCE = '会议强调，要提高政治站位，压实工作责任，确保各项任务按时保质完成，各单位要对照任务清单逐项推进。';
const paragraphs = (label: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${label}第${i + 1}段：${SENTENCE}`);
const richEntry = (id: string, title: string, html: string, photographers?: string[]): EntrySnapshot => ({
  id,
  title,
  blocks: htmlToBlocks(html) as EntryBlock[],
  ...(photographers ? { photographers } : {}),
});
const issueOf = (entries: EntrySnapshot[], overrides: Partial<IssueSnapshot> = {}): IssueSnapshot =>
  sampleIssue({ sections: [section('focus', '本期焦点', entries)], ...overrides });

function withPdf<T>(pdf: Buffer, read: (reader: PdfReader) => T): T {
  const reader = new PdfReader(pdf);
  try {
    return read(reader);
  } finally {
    reader.dispose();
  }
}

/** Words of a page that belong to the text area (not the proof header, not the footer number). */
const bodyWords = (words: PdfWord[]): PdfWord[] => words.filter((w) => !/^—$|^\d+$/.test(w.text) && w.yMin > 60);

describe('a figure that does not fit at the foot of the page', () => {
  // Paragraphs fill about two thirds of the first body page, then a tall photo that cannot fit
  // in the third left, then more text of the same entry.
  const html =
    paragraphs('前文', 9).map((p) => `<p>${p}</p>`).join('') +
    `<figure><img src="${dataUrl(pngImage(1600, 1100), 'image/png')}"><figcaption>活动现场图片说明</figcaption></figure>` +
    paragraphs('后文', 12).map((p) => `<p>${p}</p>`).join('');
  const rendered = renderIssuePdf(issueOf([richEntry('photo', '中原区举办秋季运动会', html)]));

  it('moves alone to the next page, and the text after it fills the page instead of leaving it a fifth empty', () => {
    withPdf(rendered.pdf, (reader) => {
      const pages = reader.pageTexts();
      const [image] = reader.images();
      const beforePage = pages.findIndex((p) => squash(p).includes('前文第9段')) + 1;
      // The figure really did not fit: it is printed on a later page than the text before it.
      expect(image.page).toBeGreaterThan(beforePage);
      // The page the figure left is filled to its last line: its lowest line of text ends within
      // two lines (2 × 14pt × 1.75) of the bottom of the text area, not a fifth of the page above it.
      const lowest = Math.max(...bodyWords(reader.words(beforePage)).map((w) => w.yMax));
      expect(TEXT_BOTTOM_PT - lowest).toBeLessThan(50);
      // The text that filled it is the text that follows the figure in the entry.
      expect(squash(pages[beforePage - 1])).toContain('后文第1段');
    });
  });

  it('keeps the image and its caption on the same page', () => {
    withPdf(rendered.pdf, (reader) => {
      const pages = reader.pageTexts();
      const [image] = reader.images();
      expect(pages.findIndex((p) => squash(p).includes('活动现场图片说明')) + 1).toBe(image.page);
    });
  });
});

describe('a figure at the end of its entry', () => {
  it('moves whole with its caption rather than print under the next entry\'s title', () => {
    const html = paragraphs('前文', 9).map((p) => `<p>${p}</p>`).join('') + `<figure><img src="${dataUrl(pngImage(1600, 1100), 'image/png')}"><figcaption>结尾图片说明</figcaption></figure>`;
    const rendered = renderIssuePdf(issueOf([richEntry('a', '条目甲', html), entry('b', '条目乙', paragraphs('乙', 3))]));
    withPdf(rendered.pdf, (reader) => {
      const pages = reader.pageTexts().map((p) => squash(p));
      const [image] = reader.images();
      const captionPage = pages.findIndex((p) => p.includes('结尾图片说明')) + 1;
      expect(captionPage).toBe(image.page);
      // Entry 乙 starts after the figure: on the figure's page, below the caption.
      const titlePage = pages.findLastIndex((p) => p.includes('条目乙')) + 1;
      expect(titlePage).toBe(captionPage);
      const words = reader.words(captionPage);
      const caption = words.find((w) => w.text.includes('结尾图片说明'));
      const title = words.find((w) => w.text.includes('条目乙'));
      expect(title!.yMin).toBeGreaterThan(caption!.yMax);
    });
  });
});

describe('many figures', () => {
  it('each stays on the page of its caption, and the layout settles', () => {
    const images = [pngImage(1600, 1100), pngImage(900, 1200), pngImage(300, 200), pngImage(1200, 500)];
    for (const seed of [2, 4]) {
      const random = seededRandom(seed);
      let figures = 0;
      const entries = Array.from({ length: 14 }, (_, e) => {
        let html = '';
        for (let i = 0, n = 1 + Math.floor(random() * 6); i < n; i++) {
          html += `<p>${SENTENCE.repeat(1 + Math.floor(random() * 3))}</p>`;
          if (random() < 0.5) html += `<figure><img src="${dataUrl(images[Math.floor(random() * 4)], 'image/png')}"><figcaption>图注${++figures}号</figcaption></figure>`;
        }
        return richEntry(`e${e}`, `条目${e}`, html);
      });
      const rendered = renderIssuePdf(issueOf(entries));
      expect(rendered.warnings).toEqual([]);
      withPdf(rendered.pdf, (reader) => {
        const pages = reader.pageTexts().map((p) => squash(p));
        const captionPages = Array.from({ length: figures }, (_, i) => pages.findIndex((p) => p.includes(`图注${i + 1}号`)) + 1);
        expect(reader.images().map((image) => image.page)).toEqual(captionPages);
      });
    }
  });
});

describe('titles and lines at the foot of a page', () => {
  // Entries of 1..12 paragraphs in turn: somewhere a title falls near the foot of a page.
  const entries = Array.from({ length: 12 }, (_, i) => entry(`e${i}`, `第${i + 1}条标题`, paragraphs(`条目${i + 1}`, 1 + ((i * 5) % 7))));
  const rendered = renderIssuePdf(issueOf(entries));

  it('never leaves an entry title as the last thing on a page: the title moves with its first lines', () => {
    withPdf(rendered.pdf, (reader) => {
      const count = reader.pageCount();
      for (let page = 3; page <= count; page++) {
        const words = bodyWords(reader.words(page));
        const lowest = words.reduce((low, w) => (w.yMax > low.yMax ? w : low), words[0]);
        expect({ page, last: lowest.text }).not.toEqual({ page, last: expect.stringMatching(/^第\d+条标题$/) });
      }
      const bodyPages = reader.pageTexts().filter((p) => footerNumber(p) !== null);
      for (const e of entries) {
        const page = bodyPages.find((p) => squash(p).includes(e.title))!;
        // The title's page also carries its first line of text.
        expect(squash(pageBody(page))).toContain(`${e.title}${(e.paragraphs ?? [])[0].slice(0, 8)}`);
      }
    });
  });
});

describe('photo credits', () => {
  it('print 摄影 with the caption, in byline order', () => {
    const html = `<p>${SENTENCE}</p><figure><img src="${dataUrl(pngImage(1200, 800), 'image/png')}"><figcaption>开园仪式现场</figcaption></figure><p>${SENTENCE}</p>`;
    const rendered = renderIssuePdf(issueOf([richEntry('p', '芝麻街双创园开园', html, ['王云翔', '李云凯'])]));
    withPdf(rendered.pdf, (reader) => {
      const page = reader.images()[0].page;
      const words = reader.words(page);
      const caption = words.find((w) => w.text.includes('开园仪式现场'))!;
      // On the caption's line, after it.
      const line = words.filter((w) => Math.abs(w.yMin - caption.yMin) < 2).sort((a, b) => a.xMin - b.xMin);
      expect(squash(line.map((w) => w.text).join(''))).toBe('开园仪式现场摄影：王云翔李云凯');
    });
  });
});

describe('the proof header', () => {
  it('is as wide on the cover as on the other pages', () => {
    const rendered = renderIssuePdf(issueOf([entry('e', '条目', paragraphs('正文', 30))], { kind: 'proof' }));
    withPdf(rendered.pdf, (reader) => {
      const extent = (page: number): { left: number; right: number } => {
        const header = reader.words(page).filter((w) => w.yMax < 70);
        return { left: Math.round(Math.min(...header.map((w) => w.xMin))), right: Math.round(Math.max(...header.map((w) => w.xMax))) };
      };
      const cover = extent(1);
      expect(squash(reader.pageTexts()[0])).toContain('排版时间');
      for (let page = 2; page <= reader.pageCount(); page++) expect({ page, ...extent(page) }).toEqual({ page, ...cover });
    });
  });
});

describe('page numbering', () => {
  const reference = referenceSnapshot('final');
  const sectionNames = reference.sections.map((s) => s.name);

  /** Footer numbers of each page, the TOC lines, and where each title is really printed. */
  function numbering(snapshot: IssueSnapshot) {
    return withPdf(renderIssuePdf(snapshot).pdf, (reader) => {
      const pages = reader.pageTexts();
      const start = pages.findIndex((p) => footerNumber(p) !== null);
      const toc = parseToc(pages.slice(1, start), sectionNames);
      const printedOn = toc.map((line) => footerNumber(pages[pages.findIndex((p, i) => i >= start && squash(pageBody(p)).includes(line.title))]));
      return { start, footers: pages.map(footerNumber), toc, printedOn };
    });
  }

  // The reference issue (seeds/monthly-chronicle-2020-10-no97.txt) lists its first entry on page
  // 4: the cover is page 1 and its contents fill pages 2 and 3 (the text changes form where its
  // second page starts, at “中原区召开网上政务服务能力提升工作推进会…9”); the body goes on counting.
  // Our contents fit on one page, so the same scheme puts the first entry on page 3.
  it('counts from the cover, as the reference issue: cover and contents count, the body goes on from there', () => {
    const { start, footers, toc, printedOn } = numbering({ ...reference, masthead: { ...reference.masthead, pageNumbering: 'from-cover' } });
    // Cover and contents are counted but carry no number.
    expect(footers.slice(0, start)).toEqual(footers.slice(0, start).map(() => null));
    expect(footers.slice(start)).toEqual(footers.slice(start).map((_, i) => start + i + 1));
    expect(toc.map((line) => line.page)).toEqual(printedOn);
    expect(toc[0]).toEqual({ title: '徐立毅出席芝麻街双创园开园仪式', page: start + 1 });
    expect(start).toBeGreaterThanOrEqual(2);
  });

  it('starts the body at page 1 when the office chose so', () => {
    const { start, footers, toc, printedOn } = numbering({ ...reference, masthead: { ...reference.masthead, pageNumbering: 'from-body' } });
    expect(footers.slice(start)).toEqual(footers.slice(start).map((_, i) => i + 1));
    expect(toc.map((line) => line.page)).toEqual(printedOn);
    expect(toc[0].page).toBe(1);
  });
});
