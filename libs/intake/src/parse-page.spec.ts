import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findEventDate, parseBylines, parsePage } from './parse-page';
import expected from './fixtures/shared-pages.expected.json';

const seeds = path.join(__dirname, '../../../seeds/sources');

describe('parsePage on the shared newspaper pages', () => {
  for (const [file, page] of Object.entries(expected)) {
    it(`${file}: every article, headline, byline in order and event date`, () => {
      const parsed = parsePage(readFileSync(path.join(seeds, file), 'utf8'), { issueDate: page.issueDate });
      expect(parsed.reason).toBeNull();
      expect(parsed.articles.map((article) => article.headline)).toEqual(page.articles.map((article) => article.headline));
      parsed.articles.forEach((article, index) => {
        const want = page.articles[index]!;
        expect(article.text.startsWith(want.start)).toBe(true);
        expect(article.text.endsWith(want.end)).toBe(true);
        expect(article.bylines.map(({ name, role }) => [name, role])).toEqual(want.bylines);
        expect(article.eventDate).toBe(want.eventDate);
        expect(article.eventDatePrecision).toBe(want.eventDate ? 'day' : null);
        // The page's furniture and codes never reach the text; broken lines are rejoined.
        expect(article.text).not.toMatch(/本报讯|[①-⑳]\d|\*\*|^#|记者 /m);
      });
    });
  }

  it('rejoins lines the columns broke, without a space between Chinese characters, and keeps paragraphs', () => {
    const [first] = parsePage(readFileSync(path.join(seeds, 'newspaper-page-b.txt'), 'utf8'), { issueDate: '2020-09-10' }).articles;
    expect(first!.text).toContain('坚定“四个自信”、做到“两个维护”');
    expect(first!.text.split('\n\n')).toHaveLength(3);
  });

  it('is sure of a clean article and says why it is not sure of a continued one', () => {
    const { articles } = parsePage(readFileSync(path.join(seeds, 'newspaper-page-a.txt'), 'utf8'), { issueDate: '2022-09-02' });
    expect(articles[1]!.confidence).toBe(1);
    expect(articles[3]!.confidence).toBeLessThan(0.8);
    expect(articles[3]!.notes.join()).toContain('上接');
  });
});

describe('parsePage on crafted pages', () => {
  it('drops page furniture and matches headlines the extraction placed after their articles', () => {
    const page = [
      '中原区报 2021年10月20日 星期三', '第2版 要闻', '责任编辑 李明 校对 王芳', '',
      '本报讯 10月16日上午，中原区召开', '秋季安全生产工作会议，区长出', '席会议并讲话。', '会议要求各单位压实责任，确保安全。',
      '记者 韩娟 通讯员 杨柳茵', '中原区召开秋季安全生产工作会议', '',
      '本报讯（记者 王云翔 实习生 李云凯）近日，中原区图书馆', '开展读书月活动，吸引市民参加。', '中原区图书馆开展读书月活动',
    ].join('\n');
    const { articles, pageDate } = parsePage(page, { newspaper: '中原区报' });
    expect(pageDate).toBe('2021-10-20');
    expect(articles.map((article) => article.headline)).toEqual(['中原区召开秋季安全生产工作会议', '中原区图书馆开展读书月活动']);
    expect(articles[0]!.text).toBe('10月16日上午，中原区召开秋季安全生产工作会议，区长出席会议并讲话。\n\n会议要求各单位压实责任，确保安全。');
    expect(articles[0]!.notes).toContain('标题在正文之后，已按内容归回本文');
    expect(articles[0]!.confidence).toBeLessThan(1);
    expect(articles[1]!.bylines).toEqual([{ name: '王云翔', role: 'reporter' }, { name: '李云凯', role: 'intern' }]);
    expect(articles[1]).toMatchObject({ eventDate: '2021-10-01', eventDatePrecision: 'month' });
    expect(articles.map((article) => article.text).join()).not.toMatch(/责任编辑|星期三|要闻/);
  });

  it('finds an article without 本报讯 by its headline and byline, and a headline split over two lines', () => {
    const page = ['区人社局举办招聘会', '', '200家企业提供岗位5000个', '', '记者 张三', '', '10月9日，区人社局在人才市场举办秋季招聘会。', '', '本报讯 10月10日，区里开会。'].join('\n');
    const { articles } = parsePage(page, { issueDate: '2021-10-12' });
    expect(articles[0]).toMatchObject({ headline: '区人社局举办招聘会 200家企业提供岗位5000个', eventDate: '2021-10-09', bylines: [{ name: '张三', role: 'reporter' }] });
    expect(articles[0]!.confidence).toBeLessThan(1);
    expect(articles[1]!.headline).toBe('');
    expect(articles[1]!.notes).toContain('没有找到标题，请补上');
  });

  it('explains an empty, foreign or article-less page instead of guessing', () => {
    expect(parsePage('  \n\n ').reason).toContain('没有文字');
    expect(parsePage('The district held a meeting on 16 October. 本报讯').reason).toContain('不像中文');
    const none = parsePage('今天天气很好。我们去公园散步，看见很多人在锻炼身体。');
    expect(none.articles).toEqual([]);
    expect(none.reason).toContain('本报讯');
  });
});

describe('bylines and dates', () => {
  it('reads roles and marks in order', () => {
    expect(parseBylines('记者 王云翔 李云凯 通讯员 王慧娟')).toEqual([
      { name: '王云翔', role: 'reporter' }, { name: '李云凯', role: 'reporter' }, { name: '王慧娟', role: 'correspondent' },
    ]);
    expect(parseBylines('记者 刘华志/文 梁照曾/图')).toEqual([{ name: '刘华志', role: 'reporter' }, { name: '梁照曾', role: 'photographer' }]);
    expect(parseBylines('摄影 赵六')).toEqual([{ name: '赵六', role: 'photographer' }]);
  });

  it('dates the event from the lead in the paper’s year', () => {
    expect(findEventDate('10月16日上午，区里开会', '2021-10-20')).toEqual({ eventDate: '2021-10-16', eventDatePrecision: 'day' });
    expect(findEventDate('12月30日，区里开会', '2022-01-05')).toEqual({ eventDate: '2021-12-30', eventDatePrecision: 'day' });
    expect(findEventDate('2019年5月4日，区里开会', '2021-10-20')).toEqual({ eventDate: '2019-05-04', eventDatePrecision: 'day' });
    expect(findEventDate('日前，区里开会', '2021-10-20')).toEqual({ eventDate: '2021-10-01', eventDatePrecision: 'month' });
    expect(findEventDate('区里开会，气氛热烈', '2021-10-20')).toEqual({ eventDate: null, eventDatePrecision: null });
    expect(findEventDate('2月30日，区里开会', '2021-10-20').eventDatePrecision).not.toBe('day');
  });
});

describe('other pages’ habits', () => {
  it('reads bylines in brackets or after a box, 本报讯 after a box, dotted dates and a day without its month', () => {
    const page = [
      '2021.10.20', '',
      '区文化馆举办书法展', '', '■本报讯 18日上午，区文化馆举办书法展，展出作品120幅。', '', '（记者 张三 通讯员 李四）', '',
      '区教体局开展安全检查', '', '本报讯 为做好秋季安全工作，区教体局开展校园安全检查。', '', '□ 本报记者 王五',
    ].join('\n');
    const { articles } = parsePage(page, { issueDate: '2021-10-20' });
    expect(articles.map((article) => article.headline)).toEqual(['区文化馆举办书法展', '区教体局开展安全检查']);
    expect(articles[0]).toMatchObject({ eventDate: '2021-10-18', bylines: [{ name: '张三', role: 'reporter' }, { name: '李四', role: 'correspondent' }] });
    expect(articles[1]).toMatchObject({ eventDate: null, bylines: [{ name: '王五', role: 'reporter' }] });
    expect(articles[0]!.text).toBe('18日上午，区文化馆举办书法展，展出作品120幅。');
  });

  it('puts a day later than the paper’s in the month before', () => {
    expect(findEventDate('28日，区里开会', '2021-11-02')).toEqual({ eventDate: '2021-10-28', eventDatePrecision: 'day' });
  });
});
