import { documentVector, lexemesOf, quoteLexeme } from './document-vector';
import { highlight, snippet } from './highlight';
import { parseSearchQuery, SearchQueryError } from './query';
import { Segmenter } from './segmenter';
import { eventSimilarity } from './similarity';

const segmenter = new Segmenter();
const words = (text: string) => new Set(lexemesOf(text, segmenter).lexemes.map(([lexeme]) => lexeme));

describe('document words', () => {
  it('index the two-character words a title is made of, also where jieba cut across them', () => {
    const title = words('徐立毅出席芝麻街双创园开园仪式');
    for (const word of ['徐立毅', '芝麻街', '双创', '开园', '仪式']) expect(title).toContain(word);
    expect(words('全面推行河长制')).toContain('河长');
    expect(words('创建全国文明城市进行时')).toContain('文明');
  });

  it('builds a weighted tsvector whose title words are A and body words B', () => {
    const vector = documentVector([{ text: '双创园开园', weight: 'A' }, { text: '仪式', weight: 'B' }], segmenter);
    expect(vector).toMatch(/'双创':1A/);
    expect(vector).toMatch(/'仪式':\d+B/);
  });

  it('quotes lexemes so that quotes and backslashes in a text are data', () => {
    expect(quoteLexeme("it's")).toBe("'it''s'");
    expect(quoteLexeme('c:\\path')).toBe("'c:\\\\path'");
  });
});

describe('queries', () => {
  it('cuts a run of characters into words that must all match', () => {
    const query = parseSearchQuery('芝麻街开园', segmenter);
    expect(query.required.map((clause) => clause.tsquery)).toEqual(["'芝麻街'", "'开园'"]);
  });

  it('keeps a quoted phrase in order and excludes -words', () => {
    const query = parseSearchQuery('“芝麻街双创园” -开园 仪式', segmenter);
    expect(query.terms.map((term) => [term.text, term.phrase, term.negated])).toEqual([['芝麻街双创园', true, false], ['开园', false, true], ['仪式', false, false]]);
    expect(query.required[0]).toMatchObject({ phrase: true, tsquery: expect.stringContaining('<->') });
    // A function word keeps its place in a phrase without being looked for.
    expect(parseSearchQuery('"芝麻街的双创园"', segmenter).required[0]!.tsquery).toBe("'芝麻街' <2> '双创' <-> '创园'");
    expect(query.required[0]!.patterns).toEqual(['%芝麻街双创园%']);
    expect(query.excluded).toHaveLength(1);
  });

  it('treats tsquery operators and unpaired quotes as text, never syntax', () => {
    for (const raw of ['&|!():*', "a & b | !c <-> d:* 'x'", '"unpaired 双创', "'; DROP TABLE entries; --"]) {
      const query = parseSearchQuery(raw, segmenter);
      for (const clause of query.required) expect(clause.tsquery).toMatch(/^'[^']*(?:''[^']*)*'( (<->|<\d+>|&) '[^']*(?:''[^']*)*')*$/);
    }
    expect(parseSearchQuery('&|!():*', segmenter).required).toEqual([]);
    expect(parseSearchQuery('"unpaired 双创', segmenter).terms[0]).toMatchObject({ phrase: true, text: 'unpaired 双创' });
  });

  it('falls back to the text for a name jieba does not know', () => {
    const query = parseSearchQuery('陈传建', segmenter);
    expect(query.required).toEqual([{ tsquery: "'陈传建'", patterns: ['%陈传建%'], phrase: false }]);
    expect(parseSearchQuery('文明城市', segmenter).required[0]!.patterns).toEqual([]);
  });

  it('also finds a run cut into several words by the run itself, which a document may cut differently', () => {
    // After 研究了, jieba glues 了 to the first character: 了犇/蕤晗珏/烜, so the query's own cut
    // (犇蕤, 晗珏, 珏烜) is not all in the document's words, though the run is in its text.
    const run = '犇蕤晗珏烜';
    const documentLexemes = new Set(lexemesOf(`会议研究了${run}项目的推进工作。`, segmenter).lexemes.map(([lexeme]) => lexeme));
    const query = parseSearchQuery(run, segmenter);
    expect(query.required.length).toBeGreaterThan(1);
    expect(query.required.every((clause) => documentLexemes.has(clause.tsquery.slice(1, -1)))).toBe(false);
    for (const clause of query.required) expect(clause.patterns).toContain(`%${run}%`);
    expect(parseSearchQuery('芝麻街开园', segmenter).required.map((clause) => clause.patterns)).toEqual([['%芝麻街开园%'], ['%芝麻街开园%']]);
    // Two characters are too short for a trigram index: their pairs are in the documents' words.
    expect(parseSearchQuery('开园', segmenter).required[0]!.patterns).toEqual([]);
  });

  it('refuses a query over 200 characters in Chinese', () => {
    expect(() => parseSearchQuery('双'.repeat(2000), segmenter)).toThrow(SearchQueryError);
    expect(() => parseSearchQuery('双'.repeat(2000), segmenter)).toThrow(/搜索词过长/);
  });

  it('a query of nothing searchable has no clauses', () => {
    for (const raw of ['', '   ', '，。！？、', '---']) expect(parseSearchQuery(raw, segmenter).required).toEqual([]);
  });
});

describe('highlighting', () => {
  it('marks the matches and escapes the rest', () => {
    expect(highlight('<b>双创</b>园开园', ['双创', '开园'])).toBe('&lt;b&gt;<mark>双创</mark>&lt;/b&gt;园<mark>开园</mark>');
  });

  it('cuts a snippet around the first match with ellipses', () => {
    const text = `${'前文。'.repeat(40)}芝麻街双创园开园仪式在区内举行。${'后文。'.repeat(60)}`;
    const result = snippet(text, ['开园']);
    expect(result.startsWith('…')).toBe(true);
    expect(result.endsWith('…')).toBe(true);
    expect(result).toContain('<mark>开园</mark>');
  });
});

describe('similarity', () => {
  it('scores two reports of one event above two different events', () => {
    const a = { title: '徐立毅出席芝麻街双创园开园仪式', text: '10月15日，芝麻街双创园举行开园仪式，区委书记徐立毅出席。' };
    const b = { title: '芝麻街双创园正式开园', text: '芝麻街双创园15日开园，徐立毅出席仪式并参观园区。' };
    const c = { title: '区政府召开防汛工作会议', text: '会议部署了今年的防汛工作。' };
    expect(eventSimilarity(a, b, segmenter).score).toBeGreaterThan(0.4);
    expect(eventSimilarity(a, c, segmenter).score).toBeLessThan(0.1);
  });
});

describe('the district dictionary', () => {
  it('keeps a district name whole in documents and queries once it is in the dictionary', () => {
    const name = '芝麻街双创园';
    expect(segmenter.cut(`徐立毅出席${name}开园仪式`)).not.toContain(name);
    const withName = new Segmenter([{ word: name, kind: 'place' }]);
    expect(withName.cut(`徐立毅出席${name}开园仪式`)).toContain(name);
    expect(lexemesOf(`徐立毅出席${name}开园仪式`, withName).lexemes.map(([lexeme]) => lexeme)).toEqual(expect.arrayContaining([name, '双创', '芝麻']));
    expect(parseSearchQuery(name, withName).required).toEqual([{ tsquery: `'${name}'`, patterns: [], phrase: false }]);
    expect(withName.tag(name)).toEqual([{ word: name, tag: 'ns' }]);
  });
});
