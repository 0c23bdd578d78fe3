import { describe, expect, it } from '@jest/globals';
import {
  draftsFromPreview,
  excerpt,
  lineOfParagraph,
  mergeWithNext,
  paragraphsOf,
  percent,
  problemsOf,
  savePayload,
  splitAt,
  updateArticle,
  type PreviewArticle,
} from './importDraft';

const pageLines = [
  '第一篇标题',
  '本报讯 9月8日上午,区委召开会议。',
  '会议要求抓好落实。',
  '记者 张改华 通讯员 吕杨子',
  '第二篇标题',
  '本报讯 9月7日,摄影展开幕。',
  '据悉,共展出图片28张。',
  '记者 张改华',
];

const preview: PreviewArticle[] = [
  {
    headline: '第一篇标题',
    text: '9月8日上午,区委召开会议。\n\n会议要求抓好落实。',
    bylines: [
      { name: '张改华', role: 'reporter' },
      { name: '吕杨子', role: 'correspondent' },
    ],
    eventDate: '2020-09-08',
    eventDatePrecision: 'day',
    confidence: 1,
    notes: [],
    lines: [0, 3],
  },
  {
    headline: '第二篇标题',
    text: '9月7日,摄影展开幕。\n\n据悉,共展出图片28张。',
    bylines: [{ name: '张改华', role: 'reporter' }],
    eventDate: '2020-09-07',
    eventDatePrecision: 'day',
    confidence: 0.4,
    notes: ['标题在文后，按字面匹配'],
    lines: [4, 7],
  },
];

describe('导入版面: the articles on the editor’s desk', () => {
  it('starts from the preview, ticking only the articles the parser is fairly sure of, each with its own key', () => {
    const drafts = draftsFromPreview(preview);
    expect(drafts.map(article => article.included)).toEqual([true, false]);
    expect(new Set(drafts.map(article => article.key)).size).toBe(2);
    // A copy: editing the desk leaves the preview as it was.
    drafts[0].bylines[0].name = '改了';
    expect(preview[0].bylines[0].name).toBe('张改华');
  });

  it('merges an article with the next: first headline, texts joined by a blank line, bylines without repeats, lines of both', () => {
    const drafts = draftsFromPreview(preview);
    const merged = mergeWithNext(drafts, 0);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      key: drafts[0].key,
      headline: '第一篇标题',
      text: '9月8日上午,区委召开会议。\n\n会议要求抓好落实。\n\n9月7日,摄影展开幕。\n\n据悉,共展出图片28张。',
      bylines: [
        { name: '张改华', role: 'reporter' },
        { name: '吕杨子', role: 'correspondent' },
      ],
      lines: [0, 7],
      confidence: 0.4,
      notes: ['标题在文后，按字面匹配'],
      included: true,
      eventDate: '2020-09-08',
    });
    // The last article has no next one: nothing changes.
    expect(mergeWithNext(drafts, 1)).toEqual(drafts);
  });

  it('splits an article at a paragraph: the new one starts there with an empty headline, and the page lines are divided', () => {
    const merged = mergeWithNext(draftsFromPreview(preview), 0);
    const split = splitAt(merged, 0, 2, pageLines);
    expect(split).toHaveLength(2);
    expect(split[0]).toMatchObject({ headline: '第一篇标题', text: '9月8日上午,区委召开会议。\n\n会议要求抓好落实。', lines: [0, 4] });
    expect(split[1]).toMatchObject({ headline: '', text: '9月7日,摄影展开幕。\n\n据悉,共展出图片28张。', lines: [5, 7], included: true, eventDate: null });
    expect(split[1].key).not.toBe(split[0].key);
    expect(split[1].bylines).toEqual(split[0].bylines);
    // Nothing to split before the first paragraph or after the last.
    expect(splitAt(merged, 0, 0, pageLines)).toEqual(merged);
    expect(splitAt(merged, 0, 4, pageLines)).toEqual(merged);
  });

  it('keeps the whole range on both halves when the paragraph is not found on the page', () => {
    const split = splitAt(draftsFromPreview(preview), 0, 1, []);
    expect(split.map(article => article.lines)).toEqual([
      [0, 3],
      [0, 3],
      [4, 7],
    ]);
  });

  it('finds the line a paragraph starts on, a lead’s 本报讯 included', () => {
    expect(lineOfParagraph(pageLines, 0, 7, '9月7日,摄影展开幕。')).toBe(5);
    expect(lineOfParagraph(pageLines, 0, 7, '据悉,共展出图片28张。')).toBe(6);
    expect(lineOfParagraph(pageLines, 0, 3, '据悉,共展出图片28张。')).toBeUndefined();
  });

  it('reads paragraphs separated by blank lines', () => {
    expect(paragraphsOf('甲。\n\n乙。\n \n丙。\n')).toEqual(['甲。', '乙。', '丙。']);
    expect(paragraphsOf('')).toEqual([]);
  });

  it('sends the ticked articles, trimmed, with their bylines without blanks or repeats, and the page’s origin', () => {
    let drafts = draftsFromPreview(preview);
    drafts = updateArticle(drafts, 0, {
      headline: ' 改过的标题 ',
      bylines: [
        { name: '张改华', role: 'reporter' },
        { name: ' ', role: 'intern' },
        { name: '张改华 ', role: 'reporter' },
        { name: '张改华', role: 'photographer' },
      ],
    });
    expect(savePayload({ newspaper: ' 中原区报 ', issueDate: '2020-09-10', page: '' }, drafts)).toEqual({
      newspaper: '中原区报',
      issueDate: '2020-09-10',
      articles: [
        {
          headline: '改过的标题',
          text: '9月8日上午,区委召开会议。\n\n会议要求抓好落实。',
          bylines: [
            { name: '张改华', role: 'reporter' },
            { name: '张改华', role: 'photographer' },
          ],
        },
      ],
    });
    expect(savePayload({ newspaper: '中原区报', issueDate: '', page: 'A2' }, updateArticle(drafts, 1, { included: true })).articles).toHaveLength(2);
  });

  it('names what stops the ticked articles from being saved', () => {
    const split = splitAt(draftsFromPreview(preview), 0, 1, pageLines);
    expect(problemsOf(split)).toEqual([{ key: 'headline', article: 2 }]);
    const blank = updateArticle(split, 1, { headline: '新标题', bylines: [{ name: '', role: 'reporter' }] });
    expect(problemsOf(blank)).toEqual([{ key: 'byline_name', article: 2 }]);
    expect(problemsOf(updateArticle(blank, 1, { included: false }))).toEqual([]);
  });

  it('shows a text’s beginning and a confidence as a percentage', () => {
    expect(excerpt('一二三\n\n四五', 5)).toBe('一二三 四…');
    expect(excerpt('短文。')).toBe('短文。');
    expect(percent(0.555)).toBe('56%');
    expect(percent(1)).toBe('100%');
  });
});
