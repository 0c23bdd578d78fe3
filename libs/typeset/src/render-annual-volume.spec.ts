import type { AnnualEntrySnapshot, AnnualVolumeSnapshot } from '@dsyb/domain';
import { eventDay, MONTH_PRECISION_EVENTS, referenceVolume, VOLUME_INDEX, VOLUME_NAMES, volumeEvents } from '../testing/annual-volume';
import { footerNumber, pageBody, parseToc, PdfReader, readPdf, squash } from '../testing/pdf-text';
import { typesetFailure } from '../testing/typeset-failure';
import { renderAnnualVolumePdf, TypesetError, type RenderedAnnualVolume } from './index';

/**
 * The annual volume (年度大事记) of 2020: 40 events over twelve months, the reference issue's
 * and made-up ones, rendered and read back with poppler page by page. The index's page numbers
 * must be the pages the names are printed on, as a reader finds them.
 */

let volume: RenderedAnnualVolume;
let reader: PdfReader;
let pages: string[];

beforeAll(() => {
  volume = renderAnnualVolumePdf(referenceVolume());
  reader = new PdfReader(volume.pdf);
  pages = reader.pageTexts();
});
afterAll(() => reader?.dispose());

const firstBodyPage = (texts: string[]): number => texts.findIndex((p) => footerNumber(p) !== null);
const isIndexHeading = (line: string): boolean => line.trim() === '索引';
/** Printed numbers of the pages before the index whose text (titles, bodies, captions) shows any of `words`. */
const printedPagesWith = (texts: string[], ...words: string[]): number[] =>
  texts.slice(0, texts.findIndex((page) => page.split('\n').some(isIndexHeading))).flatMap((page) => {
    const number = footerNumber(page);
    const text = squash(pageBody(page));
    return number !== null && words.some((word) => text.includes(squash(word))) ? [number] : [];
  });

/** The index as printed: each term with its page numbers, from the raw text of the pages after the 索引 heading. */
function printedIndex(raw: string[]): Map<string, number[]> {
  const start = raw.findIndex((page) => page.split('\n').some(isIndexHeading));
  const index = new Map<string, number[]>();
  let last: { term: string; numbers: string } | undefined;
  for (const line of raw.slice(start).flatMap((page) => page.split('\n')).map((l) => l.trim())) {
    const entry = /^(\S+) ([\d，]+)$/.exec(line);
    if (last?.numbers.endsWith('，') && /^[\d，]+$/.test(line)) last.numbers += line;
    else if (entry) last = { term: entry[1], numbers: entry[2] };
    else continue;
    index.set(last.term, last.numbers.split('，').map(Number));
  }
  return index;
}

const dateLabel = (event: AnnualEntrySnapshot, position: number): string => {
  const { month, day } = eventDay(position);
  return event.eventDatePrecision === 'month' ? '是月' : `${month}月${day}日`;
};

describe('annual volume 2020: cover, contents, body', () => {
  it('prints the cover: title, year, compiler and date', () => {
    const cover = squash(pages[0]);
    for (const field of ['中原区2020年大事记', '2020年度', '中原区地方史志办公室', '2021年1月20日']) expect(cover).toContain(field);
    expect(footerNumber(pages[0])).toBeNull();
  });

  it('numbers the body pages from 1 (the masthead\'s setting), cover and contents unnumbered', () => {
    const start = firstBodyPage(pages);
    expect(start).toBe(2);
    expect(pages.slice(start).map(footerNumber)).toEqual(pages.slice(start).map((_, i) => i + 1));
    expect(volume.pages).toBe(reader.pageCount());
  });

  it('lists the twelve months and 索引 in the contents, each with the page its heading is printed on', () => {
    const toc = parseToc(pages.slice(1, firstBodyPage(pages)), []);
    expect(toc.map((line) => line.title)).toEqual([...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '索引']);
    for (const line of toc) {
      const printedOn = pages.find((page) => page.split('\n').some((l) => l.trim() === line.title));
      expect({ heading: line.title, page: printedOn && footerNumber(printedOn) }).toEqual({ heading: line.title, page: line.page });
    }
  });

  it('prints every event in order under its month: date, title, then its text', () => {
    const body = squash(pages.slice(firstBodyPage(pages)).map(pageBody).join('\n'));
    let cursor = 0;
    volumeEvents().forEach((event, position) => {
      const heading = body.indexOf(squash(`${dateLabel(event, position)}${event.title}`), cursor);
      expect({ position, found: heading > cursor }).toEqual({ position, found: true });
      const text = event.paragraphs?.[0] ?? '中原区召开优化营商环境工作推进会，会议由区委常委郑秋实主持。';
      cursor = body.indexOf(squash(text).slice(0, 30), heading);
      expect({ position, textFollows: cursor > heading }).toEqual({ position, textFollows: true });
    });
  });

  it('prints events known to the month only as 是月, at the end of their month, though the snapshot lists them first', () => {
    const body = squash(pages.slice(firstBodyPage(pages)).map(pageBody).join('\n'));
    const events = volumeEvents();
    for (const position of MONTH_PRECISION_EVENTS) {
      const { month } = eventDay(position);
      expect(referenceVolume().months.find((m) => m.month === month)?.entries[0].title).toBe(events[position].title);
      const at = body.indexOf(squash(`是月${events[position].title}`));
      const previous = body.indexOf(squash(events[position - 1].title));
      const nextMonth = body.indexOf(`${month + 1}月`, at);
      expect(previous).toBeGreaterThan(-1);
      expect(at).toBeGreaterThan(previous);
      expect(nextMonth).toBeGreaterThan(at);
    }
  });

  it('prints bold runs, lists, and figures with their caption and 摄影 credit, as the issue does', () => {
    const body = squash(pages.join('\n'));
    expect(body).toContain('会议由区委常委郑秋实主持。');
    expect(body).toContain('1.梳理企业反映的突出问题；');
    expect(body).toContain('蔺晓岚（左二）在推进会上发言摄影：王云翔');
    expect(reader.images()).toHaveLength(1);
    for (const font of reader.fontNames()) expect(font).toMatch(/^Noto(Serif|Sans)SC-(Regular|Bold)$/);
  });
});

describe('annual volume 2020: the index (索引)', () => {
  let index: Map<string, number[]>;
  beforeAll(() => {
    index = printedIndex(reader.rawPageTexts());
  });

  it('lists a name printed in the 1st and the 30th event with exactly the pages it is printed on', () => {
    const printed = printedPagesWith(pages, VOLUME_NAMES.twice.term);
    expect(printed).toHaveLength(2);
    expect(printed[0]).toBeLessThan(printed[1]);
    expect(index.get(VOLUME_NAMES.twice.term)).toEqual(printed);
  });

  it('merges the pages of both wordings of one person (霍去非, 霍主任) under the heading', () => {
    const printed = printedPagesWith(pages, ...VOLUME_NAMES.merged.forms);
    expect(printed.length).toBeGreaterThanOrEqual(2);
    expect(index.get(VOLUME_NAMES.merged.term)).toEqual(printed);
    expect(index.has('霍主任')).toBe(false);
  });

  it('indexes a name in a figure caption, and a name half in bold', () => {
    expect(index.get(VOLUME_NAMES.caption.term)).toEqual(printedPagesWith(pages, VOLUME_NAMES.caption.term));
    expect(index.get(VOLUME_NAMES.acrossRuns.term)).toEqual(printedPagesWith(pages, VOLUME_NAMES.acrossRuns.term));
  });

  it('gives every term the pages its wordings are printed on, merged and ascending', () => {
    // 中原区 is left out here: where 中原区市场监管局 is printed, the longer term takes it.
    for (const { term, forms } of VOLUME_INDEX.filter((t) => t.term !== '中原区' && t.term !== '中原区档案馆')) {
      const printed = printedPagesWith(pages, ...forms);
      expect({ term, pages: index.get(term) }).toEqual({ term, pages: printed });
    }
  });

  it('orders the terms by kind, then by pinyin under letter headings; a term that never occurs is left out, with a warning', () => {
    const raw = squash(reader.rawPageTexts().slice(-2).join('\n'));
    const order = ['人名索引', 'C', '陈传建', '楚增光', 'D', '杜建强', 'H', '霍去非', 'K', '夔望舒', 'L', '蔺晓岚', '刘守斌', 'X', '徐立毅', 'Z', '曾繁星', '张明远', '郑秋实',
      '地名索引', 'L', '林山寨街道', 'X', '须水河', 'Z', '郑州', '中原区', '中原西路街道', '机构名索引', 'Z', '中原区市场监管局'];
    let cursor = raw.indexOf('人名索引') - 1;
    for (const word of order) {
      const at = raw.indexOf(word, cursor);
      expect({ word, inOrder: at > cursor }).toEqual({ word, inOrder: true });
      cursor = at;
    }
    expect(index.has('中原区档案馆')).toBe(false);
    expect(volume.warnings).toEqual(['索引词“中原区档案馆”在正文中没有出现，未列入索引']);
  });
});

describe('smaller volumes', () => {
  const fewEvents = (overrides: Partial<AnnualVolumeSnapshot>): AnnualVolumeSnapshot => {
    const volume = referenceVolume(overrides);
    return { ...volume, months: volume.months.filter((m) => m.month >= 11), ...overrides };
  };

  it('numbers from the cover when the masthead says so, and the index follows the printed numbers', () => {
    const snapshot = fewEvents({});
    const rendered = renderAnnualVolumePdf({ ...snapshot, masthead: { ...snapshot.masthead, pageNumbering: 'from-cover' } });
    readPdf(rendered.pdf, (pdf) => {
      const texts = pdf.pageTexts();
      expect(footerNumber(texts[2])).toBe(3);
      const index = printedIndex(pdf.rawPageTexts());
      expect(index.get('张明远')).toEqual(printedPagesWith(texts, '张明远'));
      expect(index.get('张明远')?.[0]).toBeGreaterThanOrEqual(3);
    });
  });

  it('prints no 索引 (nor its line in the contents) for a volume without index terms, or whose terms never occur', () => {
    for (const index of [[], [{ term: '中原区档案馆', kind: 'organisation' as const, forms: ['中原区档案馆'] }]]) {
      const rendered = renderAnnualVolumePdf(fewEvents({ index }));
      const text = readPdf(rendered.pdf, (pdf) => squash(pdf.pageTexts().join('\n')));
      expect(text).toContain('11月');
      expect(text).not.toContain('索引');
    }
  });

  it('marks every page of a proof as 校样', () => {
    const rendered = renderAnnualVolumePdf(fewEvents({ kind: 'proof', index: [] }));
    const texts = readPdf(rendered.pdf, (pdf) => pdf.pageTexts());
    for (const page of texts) expect(squash(page)).toContain('排版时间：2021年1月18日10时00分');
  });
});

describe('hostile input', () => {
  const NAME = '#[徐]$\\';
  const TEXTS = ['#read("/etc/passwd")', '#set page(paper: "a0")', '= 不是标题', '$x^2$ [a] \\ <dsyb-index-mark> @ref', '#metadata(1)<dsyb-index-mark>'];

  it('prints titles, text and index terms literally, and indexes a name made of markup characters', () => {
    const base = referenceVolume();
    const hostile = (id: string, title: string, text: string): AnnualEntrySnapshot => ({ id, title, paragraphs: [text], eventDate: '2020-12-20', eventDatePrecision: 'day' });
    const rendered = renderAnnualVolumePdf({
      ...base,
      title: '#read("/etc/passwd")大事记',
      compiler: '$x$ [办公室]',
      months: [{ month: 12, entries: TEXTS.map((text, i) => hostile(`h${i}`, text, `${text}，${NAME}出席。`)) }],
      index: [{ term: NAME, kind: 'person', forms: [NAME] }, { term: '<label>', kind: 'organisation', forms: ['<dsyb-index-mark>'] }],
    });
    readPdf(rendered.pdf, (pdf) => {
      const texts = pdf.pageTexts();
      const all = squash(texts.join('\n'));
      for (const text of [...TEXTS, '#read("/etc/passwd")大事记', '$x$[办公室]']) expect(all).toContain(squash(text));
      expect(all).not.toMatch(/root:.*:0:0:/);
      const index = printedIndex(pdf.rawPageTexts());
      expect(index.get(NAME)).toEqual(printedPagesWith(texts, `${NAME}出席`));
      expect(index.get('<label>')).toEqual(printedPagesWith(texts, '<dsyb-index-mark>'));
    });
  });
});

describe('bad input', () => {
  const withEvent = (changes: Partial<AnnualEntrySnapshot>): AnnualVolumeSnapshot => {
    const volume = referenceVolume({ index: [] });
    const [first, ...rest] = volume.months;
    return { ...volume, months: [{ ...first, entries: [{ ...first.entries[0], ...changes }, ...first.entries.slice(1)] }, ...rest] };
  };
  const failure = (snapshot: AnnualVolumeSnapshot): TypesetError => typesetFailure(() => renderAnnualVolumePdf(snapshot));

  it('names the event whose date is not in the month it is printed under', () => {
    const error = failure(withEvent({ id: 'e-out', title: '日期不对的条目', eventDate: '2020-02-03' }));
    expect(error).toMatchObject({ message: '条目《日期不对的条目》排版失败：事件日期2020年2月3日不在2020年1月', entryId: 'e-out' });
  });

  it('names the event with an empty title, or a date precision it does not know', () => {
    expect(failure(withEvent({ id: 'e-empty', title: '  ' })).message).toBe('条目（ID e-empty）排版失败：标题为空');
    expect(failure(withEvent({ title: '某条目', eventDatePrecision: 'week' as 'day' })).message).toBe('条目《某条目》排版失败：日期精度无效：week');
  });

  it('refuses months out of order or twice', () => {
    const volume = referenceVolume({ index: [] });
    expect(failure({ ...volume, months: [volume.months[1], volume.months[0]] }).message).toBe('月份重复或顺序有误：1月');
  });
});
