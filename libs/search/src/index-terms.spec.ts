import { readFileSync } from 'node:fs';
import path from 'node:path';
import { namesInText, proposeIndexTerms } from './index-terms';
import { Segmenter } from './segmenter';

const reference = JSON.parse(readFileSync(path.join(__dirname, '../../../seeds/reference-issue-097.json'), 'utf8')) as { entries: Array<{ title: string; bodyText?: string; paragraphs?: string[] }> };
const texts = reference.entries.map((entry) => `${entry.title}\n${entry.bodyText ?? (entry.paragraphs ?? []).join('\n')}`);
const segmenter = new Segmenter();

describe('index term proposals', () => {
  it('finds a person after a post even where jieba does not know the name', () => {
    const names = namesInText(segmenter, '9月17日，区委书记徐立毅出席芝麻街双创园开园仪式。');
    expect(names.get('徐立毅')).toBe('person');
  });

  it('joins a place word or a unit word to the name before it', () => {
    const names = namesInText(segmenter, '中原区人民政府、建设路街道办事处、河南省郑州市、须水街道联合开展活动。');
    expect(names.get('中原区人民政府')).toBe('organisation');
    expect(names.get('建设路街道办事处')).toBe('organisation');
    expect(names.get('须水街道')).toBe('place');
  });

  it('proposes the reference issue’s people, places and units with how many entries hold them', () => {
    const proposals = proposeIndexTerms(segmenter, texts);
    const xu = proposals.find((term) => term.term === '徐立毅');
    expect(xu).toMatchObject({ kind: 'person', origin: 'segmentation' });
    expect(xu!.occurrences).toBe(texts.filter((text) => text.includes('徐立毅')).length);
    expect(proposals.every((term) => term.term.length >= 2)).toBe(true);
  });

  it('leaves out ordinary words jieba’s dictionary tags as names (智慧 nr, 城市 ns, 幼儿园 nr)', () => {
    const names = namesInText(segmenter, '拓宽城市智慧管理，幼儿园满意度高水平普及。');
    expect([...names.keys()]).toEqual([]);
  });

  it('always proposes the district dictionary’s names the texts contain', () => {
    const proposals = proposeIndexTerms(segmenter, ['芝麻街双创园开园。', '另一条。'], [{ word: '芝麻街双创园', kind: 'place' }, { word: '不在文中', kind: 'person' }, { word: '创文', kind: 'term' }]);
    expect(proposals.find((term) => term.term === '芝麻街双创园')).toMatchObject({ kind: 'place', origin: 'dictionary', occurrences: 1 });
    expect(proposals.some((term) => term.term === '不在文中' || term.term === '创文')).toBe(false);
  });
});
