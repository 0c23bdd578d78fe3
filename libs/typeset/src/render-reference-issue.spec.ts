import { footerNumber, pageBody, parseToc, PdfReader, squash } from '../testing/pdf-text';
import { loadReferenceSeed, referenceSnapshot } from '../testing/reference-issue';
import { renderIssuePdf, type RenderedIssue } from './index';

/**
 * The reference issue (中原区大事月报 2020年10月, 总第97期, 27 entries) rendered and read back
 * with poppler: what a recipient sees must match what the editors put in.
 */
const seed = loadReferenceSeed();
const sectionNames = seed.sections.map((s) => s.name);
const titlesInOrder = seed.sections.flatMap((s) => seed.entries.filter((e) => e.section === s.key).map((e) => e.title));

let final: RenderedIssue;
let pages: string[];
let reader: PdfReader;

beforeAll(() => {
  final = renderIssuePdf(referenceSnapshot('final'));
  reader = new PdfReader(final.pdf);
  pages = reader.pageTexts();
});
afterAll(() => reader?.dispose());

/** Index of the first numbered page: everything before it is cover and contents. */
const firstBodyPage = (): number => pages.findIndex((p) => footerNumber(p) !== null);

describe('reference issue 2020年10月 (总第97期), final', () => {
  it('has the 27 entries of the seed', () => {
    expect(titlesInOrder).toHaveLength(27);
  });

  it('reports the page count of the PDF it returns', () => {
    expect(final.pages).toBe(reader.pageCount());
    expect(final.pages).toBeGreaterThan(15);
    expect(reader.pageSizeMm()).toEqual({ width: 210, height: 297 });
  });

  it('prints the cover fields on the first page', () => {
    const cover = squash(pages[0]);
    for (const field of ['中原区大事月报', '2020年10月', '（总第97期）', '中原区地方史志办公室', '2020年10月15日']) {
      expect(cover).toContain(field);
    }
    expect(footerNumber(pages[0])).toBeNull();
  });

  it('numbers body pages 1, 2, 3… consecutively and leaves cover and contents unnumbered', () => {
    const start = firstBodyPage();
    expect(start).toBeGreaterThanOrEqual(2);
    expect(pages.slice(0, start).map(footerNumber)).toEqual(pages.slice(0, start).map(() => null));
    expect(pages.slice(start).map(footerNumber)).toEqual(pages.slice(start).map((_, i) => i + 1));
  });

  it('lists every entry in the contents with the page its title is printed on', () => {
    const start = firstBodyPage();
    const toc = parseToc(pages.slice(1, start), sectionNames);
    expect(toc.map((line) => line.title)).toEqual(titlesInOrder.map(squash));

    const bodyPages = pages.slice(start).map((p) => squash(pageBody(p)));
    for (const line of toc) {
      const printedOn = bodyPages.findIndex((page) => page.includes(line.title));
      expect({ title: line.title, page: printedOn + 1 }).toEqual({ title: line.title, page: line.page });
    }
  });

  it('groups the contents by section, in section order', () => {
    const contents = squash(pages.slice(1, firstBodyPage()).join('\n'));
    let cursor = contents.indexOf('目录');
    for (const section of seed.sections) {
      cursor = contents.indexOf(section.name, cursor);
      expect(cursor).toBeGreaterThan(-1);
      for (const entry of seed.entries.filter((e) => e.section === section.key)) {
        cursor = contents.indexOf(squash(entry.title), cursor);
        expect(cursor).toBeGreaterThan(-1);
      }
    }
  });

  it('prints section headings, titles and every paragraph in the body, in order', () => {
    const body = squash(pages.slice(firstBodyPage()).map(pageBody).join('\n'));
    let cursor = 0;
    for (const section of seed.sections) {
      cursor = body.indexOf(section.name, cursor);
      expect({ section: section.name, found: cursor >= 0 }).toEqual({ section: section.name, found: true });
      for (const entry of seed.entries.filter((e) => e.section === section.key)) {
        for (const text of [entry.title, ...entry.paragraphs]) {
          const at = body.indexOf(squash(text), cursor);
          expect({ text: text.slice(0, 30), found: at >= 0 }).toEqual({ text: text.slice(0, 30), found: true });
          cursor = at;
        }
      }
    }
  });

  it('never leaves a title alone at the foot of a page', () => {
    const bodyPages = pages.slice(firstBodyPage()).map((p) => squash(pageBody(p)));
    for (const entry of seed.entries) {
      const page = bodyPages.find((p) => p.includes(squash(entry.title))) ?? '';
      const after = page.slice(page.indexOf(squash(entry.title)) + squash(entry.title).length);
      expect({ title: entry.title, followedByText: after.startsWith(squash(entry.paragraphs[0]).slice(0, 8)) }).toEqual({
        title: entry.title,
        followedByText: true,
      });
    }
  });

  it('sets dates without spaces between digits and Chinese', () => {
    const body = pages.slice(firstBodyPage()).join('\n');
    expect(body).toMatch(/9月17日，由郑煤机/);
    expect(body).not.toMatch(/\d[ \t\u3000]+[月日年]|[年月][ \t\u3000]+\d/);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = pages.flatMap((p) => p.split('\n')).map((l) => l.trim());
    const offenders = lines.filter((l) => /^[，。、；：！？）》」』”’】〕…]/.test(l));
    expect(offenders).toEqual([]);
  });

  it('ends with the complete back block', () => {
    const last = squash(pages[pages.length - 1]);
    const recipients = seed.recipients.map((r) => r.name).join('，');
    expect(last).toContain(squash(seed.masthead.notice));
    expect(last).toContain(`发放范围：${recipients}`);
    expect(last).toContain(`主办：${seed.masthead.sponsor}`);
    expect(last).toContain(`编辑出版：${seed.masthead.publisher}`);
    expect(last).toContain(`电话：${seed.masthead.phone}`);
    expect(last).toContain(`邮箱：${seed.masthead.email}`);
    // The back block follows the last entry.
    const lastParagraph = seed.entries[seed.entries.length - 1].paragraphs.at(-1) ?? '';
    const tail = squash(pages.slice(-2).join('\n'));
    expect(tail.indexOf(squash(lastParagraph).slice(-20))).toBeLessThan(tail.indexOf('发放范围'));
  });

  it('embeds only the bundled Noto Serif SC / Noto Sans SC fonts', () => {
    const fonts = reader.fontNames();
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^Noto(Serif|Sans)SC-(Regular|Bold)$/);
  });

  it('has no proof mark', () => {
    expect(pages.join('\n')).not.toContain('校样');
    expect(pages.join('\n')).not.toContain('排版时间');
  });
});

describe('reference issue, proof', () => {
  let proofPages: string[];
  let proofReader: PdfReader;

  beforeAll(() => {
    const proof = renderIssuePdf(referenceSnapshot('proof', '2020-10-14T08:30:00Z'));
    proofReader = new PdfReader(proof.pdf);
    proofPages = proofReader.pageTexts();
  });
  afterAll(() => proofReader?.dispose());

  it('marks every page as 校样 with the render time in Beijing time', () => {
    for (const page of proofPages) {
      expect(page).toContain('校样');
      expect(squash(page)).toContain('排版时间：2020年10月14日16时30分');
    }
  });

  it('keeps the same pagination as the final version', () => {
    expect(proofPages).toHaveLength(pages.length);
    expect(proofPages.map(footerNumber)).toEqual(pages.map(footerNumber));
  });

  it('embeds only the bundled fonts', () => {
    for (const font of proofReader.fontNames()) expect(font).toMatch(/^Noto(Serif|Sans)SC-(Regular|Bold)$/);
  });
});
