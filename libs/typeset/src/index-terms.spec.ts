import type { IndexTermKind, IndexTermSnapshot } from '@dsyb/domain';
import { indexGroups, IndexMatcher, OTHER_LETTER, prepareIndexTerms } from './index-terms';
import { TypesetError } from './typeset-error';

const term = (name: string, kind: IndexTermKind = 'person', forms: string[] = [name]): IndexTermSnapshot => ({ term: name, kind, forms });
const names = (terms: IndexTermSnapshot[]): string[] => prepareIndexTerms(terms).map((t) => t.term);

describe('index order (索引)', () => {
  it('sorts by pinyin: 徐 before 张 before 郑 before 中原区, whatever order they come in', () => {
    expect(names([term('中原区', 'person'), term('郑秋实'), term('徐立毅'), term('张明远')])).toEqual(['徐立毅', '张明远', '郑秋实', '中原区']);
  });

  it('reads a surname as a surname: 曾 zēng, 单 shàn, 仇 qiú (not céng, dān, chóu)', () => {
    const sorted = prepareIndexTerms([term('曾繁星'), term('单田芳'), term('仇英'), term('陈传建'), term('丁一')]);
    expect(sorted.map((t) => `${t.letter}${t.term}`)).toEqual(['C陈传建', 'D丁一', 'Q仇英', 'S单田芳', 'Z曾繁星']);
  });

  it('puts the tones in order for the same syllable (吴 wú before 武 wǔ), and one character\'s terms together', () => {
    // Character by character: every 张 before 章, though "zhang an" < "zhang ming" letter by letter.
    expect(names([term('武强'), term('章安'), term('吴福民'), term('张明远'), term('张海')])).toEqual(['吴福民', '武强', '张海', '张明远', '章安']);
  });

  it('groups by kind (人名, 地名, 机构名), then by initial letter, with 其他 after Z', () => {
    const groups = indexGroups(
      prepareIndexTerms([
        term('中原区市场监管局', 'organisation'),
        term('郑州', 'place'),
        term('5G产业园', 'place'),
        term('中原区', 'place'),
        term('徐立毅'),
        term('#井号', 'person'),
        term('杜建强'),
        term('TOD项目部', 'organisation'),
      ]),
    );
    expect(groups.map((g) => [g.heading, g.letters.map((l) => [l.letter, l.terms.map((t) => t.term)])])).toEqual([
      ['人名索引', [['D', ['杜建强']], ['X', ['徐立毅']], [OTHER_LETTER, ['#井号']]]],
      ['地名索引', [['Z', ['郑州', '中原区']], [OTHER_LETTER, ['5G产业园']]]],
      ['机构名索引', [['T', ['TOD项目部']], ['Z', ['中原区市场监管局']]]],
    ]);
  });

  it('refuses a term without a name, of an unknown kind, or without a list of forms', () => {
    expect(() => prepareIndexTerms([{ term: ' ', kind: 'person', forms: [] }])).toThrow(new TypesetError('第1个索引词不能为空'));
    expect(() => prepareIndexTerms([{ term: '徐立毅', kind: 'thing', forms: [] } as unknown as IndexTermSnapshot])).toThrow(
      new TypesetError('索引词“徐立毅”的类别无效：thing'),
    );
    expect(() => prepareIndexTerms([{ term: '徐立毅', kind: 'person' } as unknown as IndexTermSnapshot])).toThrow(new TypesetError('索引词“徐立毅”的写法不是列表'));
  });
});

describe('occurrences in the text', () => {
  const matcher = (terms: IndexTermSnapshot[]) => {
    const prepared = prepareIndexTerms(terms);
    const ids = Object.fromEntries(prepared.map((t) => [t.term, t.id]));
    return { m: new IndexMatcher(prepared), ids };
  };

  it('takes the longest form first and never overlaps two matches', () => {
    const { m, ids } = matcher([term('中原区', 'place'), term('中原区市场监管局', 'organisation', ['中原区市场监管局', '区市场监管局'])]);
    const text = '中原区市场监管局在中原区检查；区市场监管局另有安排。';
    expect(m.occurrences(text)).toEqual([
      { at: 0, id: ids['中原区市场监管局'] },
      { at: 9, id: ids['中原区'] },
      { at: 15, id: ids['中原区市场监管局'] },
    ]);
  });

  it('counts every form of a merged term for that term', () => {
    const { m, ids } = matcher([term('霍去非', 'person', ['霍去非', '霍主任'])]);
    expect(m.termsIn('霍主任与霍去非同行')).toEqual([ids['霍去非'], ids['霍去非']]);
    expect(m.found).toEqual(new Set([ids['霍去非']]));
  });

  it('finds a name split between a bold and a plain run, and starts a run with it', () => {
    const { m, ids } = matcher([term('郑秋实')]);
    expect(m.markRuns([{ text: '会议由' }, { text: '区委常委郑秋', bold: true }, { text: '实主持，郑秋实讲话。' }])).toEqual([
      { text: '会议由' },
      { text: '区委常委', bold: true },
      { text: '郑秋', bold: true, term: ids['郑秋实'] },
      { text: '实主持，' },
      { text: '郑秋实讲话。', term: ids['郑秋实'] },
    ]);
  });

  it('gives a form two terms share to the first in print order, and says so', () => {
    const { m, ids } = matcher([term('张明远', 'person', ['张明远', '张书记']), term('张海', 'person', ['张海', '张书记'])]);
    expect(m.termsIn('张书记')).toEqual([ids['张海']]);
    expect(m.sharedForms).toEqual([{ form: '张书记', kept: '张海', other: '张明远' }]);
  });

  it('leaves runs without a name as they are', () => {
    const { m } = matcher([term('徐立毅')]);
    expect(m.markRuns([{ text: '无人名', bold: true }])).toEqual([{ text: '无人名', bold: true }]);
    expect(m.found.size).toBe(0);
  });
});
