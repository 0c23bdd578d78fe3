import { orderTextItems, type PositionedText } from './reading-order';

/** A line of text at (x, baseline y), 10 pt unless told, one CJK character = 1 em wide. */
const line = (text: string, x: number, y: number, size = 10, width = text.length * size): PositionedText => ({ text, x, y, width, size });
/** Items in a scrambled order: the result must not depend on it. */
const scrambled = (items: PositionedText[]): PositionedText[] => items.map((item, i) => ({ item, key: (i * 7919) % 13 })).sort((a, b) => a.key - b.key).map(({ item }) => item);

describe('orderTextItems', () => {
  it('reads a column to its end before the next one, even beside a ragged line end that reaches into the gap', () => {
    const items = [
      ...[300, 286, 272, 258].map((y, i) => line(`左${i + 1}左${i + 1}左${i + 1}左${i + 1}左${i + 1}`, 30, y)), // end at 130
      line('左五左五左五左五左五', 30, 244, 10, 106), // overshoots to 136, 14 pt from the right column
      ...[300, 286, 272, 258, 244].map((y, i) => line(`右${i + 1}右${i + 1}右${i + 1}右${i + 1}右${i + 1}`, 150, y)),
    ];
    const left = [1, 2, 3, 4].map((i) => `左${i}`.repeat(5)).concat('左五'.repeat(5));
    const right = [1, 2, 3, 4, 5].map((i) => `右${i}`.repeat(5));
    expect(orderTextItems(scrambled(items))).toBe([...left, ...right].join('\n'));
  });

  it('reads a headline across two of three columns first, then those columns, then the third', () => {
    const column = (name: string, x: number) => [300, 286, 272, 258].map((y, i) => line(`${name}${i + 1}行的文字内容`, x, y));
    const items = [
      line('横跨两栏的大标题', 30, 330, 20), // 160 pt wide: over columns one and two
      ...column('甲', 30),
      ...column('乙', 130),
      line('第三栏的小标题', 230, 330),
      ...column('丙', 230),
    ];
    const lines = orderTextItems(scrambled(items)).split('\n').filter((text) => text !== '');
    expect(lines).toEqual([
      '横跨两栏的大标题',
      ...[1, 2, 3, 4].map((i) => `甲${i}行的文字内容`),
      ...[1, 2, 3, 4].map((i) => `乙${i}行的文字内容`),
      '第三栏的小标题',
      ...[1, 2, 3, 4].map((i) => `丙${i}行的文字内容`),
    ]);
  });

  it('joins the items of a line: no space between CJK characters, a space at a gap otherwise', () => {
    const items = [line('中原', 30, 100), line('区', 52, 100), line('GDP', 65, 100, 10, 18), line('增长', 86, 100)];
    expect(orderTextItems(items)).toBe('中原区 GDP 增长');
  });

  it('leaves a blank line at a paragraph break and at wide white space, not between the lines of a paragraph', () => {
    const items = [line('第一段第一行', 30, 300), line('第一段第二行', 30, 286), line('第二段第一行', 30, 262), line('第二段第二行', 30, 248)];
    expect(orderTextItems(items)).toBe('第一段第一行\n第一段第二行\n\n第二段第一行\n第二段第二行');
  });

  it('returns nothing for a page without text', () => {
    expect(orderTextItems([line(' ', 10, 10), line('', 20, 20)])).toBe('');
  });
});
