import * as fs from 'fs';
import * as path from 'path';
import data from './reference-issue-097.json';

/**
 * Checks the structured seed of the reference issue (中原区大事月报 2020年10月, 总第97期)
 * against the text extracted from the printed PDF.
 */
const SOURCE_PATH = path.resolve(__dirname, 'sources/monthly-chronicle-2020-10-no97.txt');
const source = fs.readFileSync(SOURCE_PATH, 'utf8');

const stripWs = (s: string): string => s.replace(/\s+/g, '');
const hanCount = (s: string): number => (s.match(/\p{Script=Han}/gu) ?? []).length;
const occurrences = (haystack: string, needle: string): number => {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
};

const SECTION_ORDER = [
  { key: 'focus', name: '本期焦点' },
  { key: 'politics', name: '时政要点' },
  { key: 'civilization', name: '创文看点' },
  { key: 'economy', name: '经济热点' },
  { key: 'culture', name: '文化亮点' },
  { key: 'livelihood', name: '民生视点' },
];
const SECTION_COUNTS: Record<string, number> = {
  focus: 1,
  politics: 17,
  civilization: 3,
  economy: 1,
  culture: 1,
  livelihood: 4,
};

/** Body part of the source: from the first body heading 本期焦点 after the TOC up to the notice. */
function sourceBody(): string {
  const lines = source.split('\n');
  const first = lines.findIndex((l) => l.trim() === '本期焦点');
  const second = lines.findIndex((l, i) => i > first && l.trim() === '本期焦点');
  const end = lines.findIndex((l) => l.trim() === '(内部资料 注意保存)');
  expect(first).toBeGreaterThanOrEqual(0);
  expect(second).toBeGreaterThan(first);
  expect(end).toBeGreaterThan(second);
  return lines.slice(second, end).join('\n');
}

const entries = data.entries;
const body = sourceBody();
const bodyNoWs = stripWs(body);

describe('reference issue 097 seed', () => {
  it('describes the issue, masthead and coverage', () => {
    expect(data.issue).toEqual({
      year: 2020,
      month: 10,
      serialNumber: 97,
      title: '中原区大事月报',
      compiler: '中原区地方史志办公室',
      publicationDate: '2020-10-15',
      coverageStart: '2020-09-01',
      coverageEnd: '2020-09-30',
    });
    expect(data.masthead.notice).toBe('(内部资料 注意保存)');
    for (const v of Object.values(data.masthead)) expect(source).toContain(v);
    expect(source).toContain('(总第97期)');
    expect(source).toContain('2020年10月15日');
  });

  it('has the 6 sections in their fixed order', () => {
    expect(data.sections).toEqual(SECTION_ORDER);
  });

  it('has 27 entries, grouped by section in print order with the reference counts', () => {
    expect(entries).toHaveLength(27);
    const order = SECTION_ORDER.map((s) => s.key);
    const idx = entries.map((e) => order.indexOf(e.section));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx); // grouped, sections non-decreasing
    const counts: Record<string, number> = {};
    for (const e of entries) counts[e.section] = (counts[e.section] ?? 0) + 1;
    expect(counts).toEqual(SECTION_COUNTS);
  });

  it('lists entries in the order they are printed in the body, with non-decreasing TOC pages', () => {
    let last = -1;
    for (const e of entries) {
      const pos = bodyNoWs.indexOf(stripWs(e.title), last + 1);
      expect(pos).toBeGreaterThan(last);
      last = pos;
    }
    const pages = entries.map((e) => e.printedPage);
    expect(pages[0]).toBe(4);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
  });

  it('takes every title from the source, unique and without digit/CJK spaces', () => {
    const srcNoWs = stripWs(source);
    expect(new Set(entries.map((e) => e.title)).size).toBe(entries.length);
    for (const e of entries) {
      expect(e.title).not.toMatch(/\.{2,}/);
      expect(e.title).not.toMatch(/[0-9A-Za-z]\s+\p{Script=Han}|\p{Script=Han}\s+[0-9A-Za-z]/u);
      // appears in the TOC (possibly wrapped) and as a body heading
      expect(occurrences(srcNoWs, stripWs(e.title))).toBeGreaterThanOrEqual(2);
      expect(bodyNoWs).toContain(stripWs(e.title));
    }
  });

  it('takes every paragraph verbatim from the body (nothing invented)', () => {
    for (const e of entries) {
      expect(e.paragraphs.length).toBeGreaterThan(0);
      for (const p of e.paragraphs) {
        expect(p.trim()).toBe(p);
        expect(p.length).toBeGreaterThan(0);
        expect(bodyNoWs).toContain(stripWs(p));
      }
      // paragraphs follow one another in the source
      expect(bodyNoWs).toContain(stripWs(e.title) + e.paragraphs.map(stripWs).join(''));
    }
  });

  it('ends every paragraph with closing punctuation (page breaks were joined)', () => {
    for (const e of entries) {
      for (const p of e.paragraphs) expect(p).toMatch(/[。！？”）》]$/);
    }
  });

  it('drops nothing: Chinese characters of all bodies equal those of the source body minus headings', () => {
    const headings = hanCount(SECTION_ORDER.map((s) => s.name).join('')) + hanCount(entries.map((e) => e.title).join(''));
    const paragraphs = hanCount(entries.flatMap((e) => e.paragraphs).join(''));
    expect(paragraphs).toBe(hanCount(body) - headings);
    // and, exactly, the body without whitespace is the concatenation of headings and paragraphs
    const rebuilt = SECTION_ORDER.map((s) =>
      s.name +
      entries
        .filter((e) => e.section === s.key)
        .map((e) => e.title + e.paragraphs.join(''))
        .join(''),
    ).join('');
    expect(stripWs(rebuilt)).toBe(bodyNoWs);
  });

  it('has no space between a digit or Latin letter and a CJK character in any paragraph', () => {
    for (const e of entries) {
      for (const p of e.paragraphs) {
        expect(p).not.toMatch(/[0-9]\s+[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u);
        expect(p).not.toMatch(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]\s+[0-9]/u);
        expect(p).not.toMatch(/[A-Za-z]\s+\p{Script=Han}|\p{Script=Han}\s+[A-Za-z]/u);
      }
    }
  });

  it('dates each entry from its first paragraph', () => {
    for (const e of entries) {
      expect(e.eventDate).toMatch(/^2020-\d{2}-\d{2}$/);
      expect(e.eventDate >= data.issue.coverageStart && e.eventDate <= data.issue.coverageEnd).toBe(true);
      expect(['day', 'month']).toContain(e.eventDatePrecision);
      if (e.eventDatePrecision === 'day') {
        const [, m, d] = e.eventDate.split('-').map(Number);
        expect(e.paragraphs[0].startsWith(`${m}月${d}日`)).toBe(true);
      }
    }
    const month = entries.filter((e) => e.eventDatePrecision === 'month');
    expect(month.map((e) => [e.title, e.eventDate])).toEqual([['中原区市场监管局开展秋季学校食堂监管工作', '2020-09-01']]);
    expect(month[0].paragraphs[0].startsWith('2020年秋季开学以来')).toBe(true);
    expect(entries[0]).toMatchObject({ title: '徐立毅出席芝麻街双创园开园仪式', eventDate: '2020-09-17', printedPage: 4 });
  });

  it('lists the 9 recipient units of 发放范围 in order', () => {
    const line = source.split('\n').find((l) => l.startsWith('发放范围：'))!;
    const units = line.trim().slice('发放范围：'.length).split('，');
    expect(data.recipients).toHaveLength(9);
    expect(data.recipients.map((r) => r.name)).toEqual(units);
    expect(data.recipients[0].name).toBe('区委常委');
    expect(data.recipients[8].name).toBe('各人民团体');
    for (const r of data.recipients) expect(['区领导', '区直部门', '街道', '企事业单位', '人民团体']).toContain(r.category);
  });
});
