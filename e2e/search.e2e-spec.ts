import { randomInt } from 'node:crypto';
import type { SearchResult } from '../libs/contracts/src/search';
import { lexemesOf } from '../libs/search/src/document-vector';
import { parseSearchQuery } from '../libs/search/src/query';
import { Segmenter } from '../libs/search/src/segmenter';
import { api, createTestIssue, currentVersion, login } from './support';

jest.setTimeout(60000);

/**
 * GET /api/search, the lists' search boxes, the district dictionary and the duplicate finder
 * (issue 15) against the real API and PostgreSQL.
 * Test data is its own: issues from createTestIssue (years 2120–2128) and made-up words of rare
 * characters, so that runs sharing a database (and the copies of 总第97期 other tests make)
 * never change what these searches find.
 */
const FIRST_YEAR = 2120;

type Result = SearchResult;

const RARE = [...'淼焱垚鑫犇骉燚琰瑾璟翊昕煜曦珏玥琮瑄晗昱旻炜烜铧钊鋆錡蕤萱'];
/** A made-up name of five rare characters (30⁵ of them), which no other test or earlier run writes. */
const madeUpWord = () => Array.from({ length: 5 }, () => RARE[randomInt(RARE.length)]).join('');

let editor: string;
let reviewer: string;
let issue97: { id: string };
let sectionId: string;
const segmenter = new Segmenter();

const search = (q: string, filter: Record<string, unknown> = {}, range = [0, 19], token = editor) =>
  api<Result[]>('GET', `/api/search?q=${encodeURIComponent(q)}&filter=${encodeURIComponent(JSON.stringify(filter))}&range=${JSON.stringify(range)}`, { token });

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([login('editor'), login('reviewer')]);
  const issues = await api<{ id: string; serialNumber: number }[]>('GET', `/api/issues?filter=${encodeURIComponent('{"q":"97"}')}`, { token: editor });
  issue97 = issues.body.find((issue) => issue.serialNumber === 97)!;
  sectionId = (await api<{ id: string }[]>('GET', '/api/sections', { token: editor })).body[0]!.id;
});

async function entryIn(issue: { id: string; year: number; month: number }, title: string, bodyHtml: string, day = 10): Promise<string> {
  const created = await api<{ id: string }>('POST', '/api/entries', {
    token: editor,
    body: { title, bodyHtml, sectionId, issueId: issue.id, eventDate: `${issue.year}-${String(issue.month).padStart(2, '0')}-${String(day).padStart(2, '0')}` },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('the reference issue (总第97期)', () => {
  it('finds 徐立毅出席芝麻街双创园开园仪式 by the two-character word 双创, marked in the title', async () => {
    const response = await search('双创', { issueId: issue97.id });
    expect(response.status).toBe(200);
    const hit = response.body.find((result) => result.title === '徐立毅出席芝麻街双创园开园仪式');
    expect(hit).toMatchObject({ kind: 'entry', issue: { id: issue97.id, serialNumber: 97 } });
    expect(hit!.titleHtml).toBe('徐立毅出席芝麻街<mark>双创</mark>园开园仪式');
    expect(response.headers.get('content-range')).toMatch(/^search 0-\d+\/\d+$/);
  });

  it('finds it by several words (芝麻街 开园), all of which must match', async () => {
    const both = await search('芝麻街 开园', { issueId: issue97.id });
    expect(both.body.map((result) => result.title)).toContain('徐立毅出席芝麻街双创园开园仪式');
    expect(both.body[0]!.titleHtml).toContain('<mark>芝麻街</mark>');
    const withAbsentWord = await search('芝麻街 防汛', { issueId: issue97.id });
    expect(withAbsentWord.body.map((result) => result.title)).not.toContain('徐立毅出席芝麻街双创园开园仪式');
  });

  it('leaves out -words and keeps quoted phrases in order', async () => {
    const excluded = await search('开园 -芝麻街', { issueId: issue97.id });
    expect(excluded.status).toBe(200);
    expect(excluded.body.map((result) => result.title)).not.toContain('徐立毅出席芝麻街双创园开园仪式');
    // A -word the entry does not have leaves it in; -words of a run (a trigram lookup) leave it out.
    const otherWordExcluded = await search('开园 -防汛', { issueId: issue97.id });
    expect(otherWordExcluded.body.map((result) => result.title)).toContain('徐立毅出席芝麻街双创园开园仪式');
    const runExcluded = await search('开园 -芝麻街双创园', { issueId: issue97.id });
    expect(runExcluded.body.map((result) => result.title)).not.toContain('徐立毅出席芝麻街双创园开园仪式');
    expect(runExcluded.body.length).toBe(otherWordExcluded.body.length - 1);
    const phrase = await search('"芝麻街双创园"', { issueId: issue97.id });
    expect(phrase.body.map((result) => result.title)).toContain('徐立毅出席芝麻街双创园开园仪式');
    const reversed = await search('"双创园芝麻街"', { issueId: issue97.id });
    expect(reversed.body).toEqual([]);
  });

  it('searches the issues themselves and the lists by the same engine', async () => {
    const issues = await search('总第97期', { kind: 'issue' });
    expect(issues.body.map((result) => result.id)).toContain(issue97.id);
    const list = await api<{ id: string; title: string }[]>('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ q: '双创', issueId: issue97.id }))}`, { token: editor });
    expect(list.status).toBe(200);
    expect(list.body.map((entry) => entry.title)).toContain('徐立毅出席芝麻街双创园开园仪式');
  });
});

describe('ranking and keeping the index up to date', () => {
  it('ranks a title hit above a body hit, and finds entries as soon as they are saved, edited and restored', async () => {
    const issue = await createTestIssue<{ id: string; year: number; month: number }>(editor, FIRST_YEAR);
    const word = madeUpWord();
    const inBody = await entryIn(issue, '区政府召开常务会议', `<p>会议研究了${word}项目的推进工作。</p>`);
    const inTitle = await entryIn(issue, `${word}项目正式启动`, '<p>项目位于区内。</p>');
    const found = await search(word);
    expect(found.body.map((result) => result.id)).toEqual([inTitle, inBody]);
    expect(found.body[1]!.snippet).toContain(`<mark>${word}</mark>`);

    // Edited: the new title's word is found, the old one no longer.
    const other = madeUpWord();
    const edited = await api('PUT', `/api/entries/${inTitle}`, { token: editor, body: { version: await currentVersion(editor, 'entries', inTitle), title: `${other}项目正式启动` } });
    expect(edited.status).toBe(200);
    expect((await search(other)).body.map((result) => result.id)).toEqual([inTitle]);
    expect((await search(word)).body.map((result) => result.id)).toEqual([inBody]);

    // Restored to its first version: found by the first title again.
    const restored = await api('POST', `/api/entries/${inTitle}/revisions/restore`, { token: editor, body: { revision: 1, version: await currentVersion(editor, 'entries', inTitle) } });
    expect(restored.status).toBe(201);
    expect((await search(word)).body.map((result) => result.id)).toEqual([inTitle, inBody]);
  });

  it('finds sources by headline, text and byline, including imported ones, and filters by kind and date', async () => {
    const word = madeUpWord();
    const reporter = await api<{ id: string }>('POST', '/api/contributors', { token: editor, body: { name: `记者${madeUpWord()}`, role: 'reporter' } });
    const created = await api<{ id: string }>('POST', '/api/sources', {
      token: editor,
      body: { newspaper: '中原区报', issueDate: '2121-03-05', headline: '街道开展志愿服务', text: `${word}社区的志愿者清理了小区环境。`, contributors: [{ contributorId: reporter.body.id, role: 'reporter' }] },
    });
    expect(created.status).toBe(201);
    const imported = await api<{ created: { id: string }[] }>('POST', '/api/source-imports', {
      token: editor,
      body: { newspaper: '郑州日报', issueDate: '2121-04-01', articles: [{ headline: `${word}公园开放`, text: '公园今日起向市民开放。' }] },
    });
    expect(imported.status).toBe(201);
    const found = await search(word);
    expect(found.body.map((result) => [result.kind, result.id])).toEqual([['source', imported.body.created[0]!.id], ['source', created.body.id]]);
    const byName = await api<{ name: string }>('GET', `/api/contributors/${reporter.body.id}`, { token: editor });
    expect((await search(byName.body.name)).body.map((result) => result.id)).toContain(created.body.id);
    expect((await search(word, { from: '2121-04', to: '2121-04' })).body.map((result) => result.id)).toEqual([imported.body.created[0]!.id]);
    expect(await search(word, { kind: 'entry' }).then((response) => response.body)).toEqual([]);
    const list = await api<{ id: string }[]>('GET', `/api/sources?filter=${encodeURIComponent(JSON.stringify({ q: word }))}`, { token: editor });
    expect(list.body.map((source) => source.id).sort()).toEqual([created.body.id, imported.body.created[0]!.id].sort());
  });

  it('finds a name jieba does not know, inside any text, through the trigram fallback', async () => {
    const issue = await createTestIssue<{ id: string; year: number; month: number }>(editor, FIRST_YEAR);
    const name = madeUpWord();
    const id = await entryIn(issue, '区领导调研重点项目', `<p>区长${name}到项目现场调研。</p>`);
    const found = await search(name.slice(0, 3));
    expect(found.body.map((result) => result.id)).toContain(id);
  });

  it('finds a run of characters that a document cuts into other words than the query does', async () => {
    // After 研究了 jieba can glue 了 to a name's first character (了犇/蕤晗珏/烜): a made-up name
    // cut that way in the text, whose query words are not all among the document's words.
    const text = (name: string) => `会议研究了${name}项目的推进工作。`;
    // Its query words are all pairs, which a trigram index cannot look up on their own.
    const cutApart = (name: string) => {
      const words = parseSearchQuery(name, segmenter).required.map((clause) => clause.tsquery.slice(1, -1));
      const inText = new Set(lexemesOf(text(name), segmenter).lexemes.map(([lexeme]) => lexeme));
      return words.every((word) => [...word].length === 2) && !words.every((word) => inText.has(word));
    };
    let name = madeUpWord();
    while (!cutApart(name)) name = madeUpWord();
    const issue = await createTestIssue<{ id: string; year: number; month: number }>(editor, FIRST_YEAR);
    const id = await entryIn(issue, '区政府召开常务会议', `<p>${text(name)}</p>`);
    const found = await search(name);
    expect(found.body.map((result) => result.id)).toEqual([id]);
    expect(found.body[0]!.snippet).toContain(`<mark>${name}</mark>`);
  });
});

describe('the district dictionary (检索词典)', () => {
  it('lets an editor add a word; the documents containing it are indexed again at once', async () => {
    const issue = await createTestIssue<{ id: string; year: number; month: number }>(editor, FIRST_YEAR);
    const word = `${madeUpWord()}街道`;
    const id = await entryIn(issue, `${word}召开居民议事会`, '<p>议事会讨论了老旧小区改造。</p>');
    const added = await api<{ id: string; word: string; reindexed: number }>('POST', '/api/search-terms', { token: editor, body: { word, kind: 'place', note: '辖区街道' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ word, kind: 'place', reindexed: 1 });
    const found = await search(word);
    expect(found.body.map((result) => result.id)).toEqual([id]);
    expect(found.body[0]!.titleHtml).toBe(`<mark>${word}</mark>召开居民议事会`);

    const listed = await api<{ word: string }[]>('GET', `/api/search-terms?filter=${encodeURIComponent(JSON.stringify({ q: word }))}`, { token: reviewer });
    expect(listed.body.map((term) => term.word)).toEqual([word]);
    expect((await api('POST', '/api/search-terms', { token: reviewer, body: { word: `${word}2` } })).status).toBe(403);
    const duplicate = await api<{ message: string }>('POST', '/api/search-terms', { token: editor, body: { word } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toContain('检索词典中已有');
    const spaced = await api<{ message: string }>('POST', '/api/search-terms', { token: editor, body: { word: '两个 词' } });
    expect(spaced.status).toBe(400);

    const removed = await api<{ reindexed: number }>('DELETE', `/api/search-terms/${added.body.id}`, { token: editor });
    expect(removed.status).toBe(200);
    expect(removed.body.reindexed).toBe(1);
    expect((await search(word)).body.map((result) => result.id)).toEqual([id]);
  });
});

describe('possible duplicates', () => {
  it('shows entries of an event a few days apart with a similar title, with the score', async () => {
    const issue = await createTestIssue<{ id: string; year: number; month: number }>(editor, FIRST_YEAR);
    const place = madeUpWord();
    const existing = await entryIn(issue, `徐立毅出席${place}双创园开园仪式`, `<p>${place}双创园举行开园仪式，区委书记徐立毅出席并参观园区。</p>`, 10);
    const day = (n: number) => `${issue.year}-${String(issue.month).padStart(2, '0')}-${String(n).padStart(2, '0')}`;
    const similar = await api<{ candidates: { id: string; title: string; date: string; score: number; titleScore: number; shared: string[] }[] }>('POST', '/api/search/duplicates', {
      token: editor,
      body: { title: `${place}双创园正式开园 徐立毅出席`, text: `${place}双创园正式开园，徐立毅出席仪式。`, eventDate: day(11) },
    });
    expect(similar.status).toBe(200);
    const candidate = similar.body.candidates.find((item) => item.id === existing);
    expect(candidate).toBeDefined();
    expect(candidate).toMatchObject({ title: `徐立毅出席${place}双创园开园仪式`, date: day(10) });
    expect(candidate!.score).toBeGreaterThanOrEqual(0.3);
    expect(candidate!.titleScore).toBeGreaterThan(0);
    expect(candidate!.shared).toContain('开园');

    const weeksLater = await api<{ candidates: { id: string }[] }>('POST', '/api/search/duplicates', { token: editor, body: { title: `${place}双创园正式开园 徐立毅出席`, eventDate: day(25) } });
    expect(weeksLater.body.candidates.map((item) => item.id)).not.toContain(existing);
    const unrelated = await api<{ candidates: { id: string }[] }>('POST', '/api/search/duplicates', { token: editor, body: { title: '区政府召开防汛工作会议', eventDate: day(10) } });
    expect(unrelated.body.candidates.map((item) => item.id)).not.toContain(existing);
    const itself = await api<{ candidates: { id: string }[] }>('POST', '/api/search/duplicates', { token: editor, body: { title: `徐立毅出席${place}双创园开园仪式`, eventDate: day(10), excludeEntryId: existing } });
    expect(itself.body.candidates.map((item) => item.id)).not.toContain(existing);

    // A newspaper article imported two days after the event.
    const source = await api<{ id: string }>('POST', '/api/sources', {
      token: editor,
      body: { newspaper: '中原区报', issueDate: day(12), headline: `${place}双创园开园`, text: `本报讯 ${place}双创园日前开园，区委书记徐立毅出席开园仪式。` },
    });
    const fromSource = await api<{ candidates: { id: string }[] }>('POST', '/api/search/duplicates', { token: editor, body: { title: `${place}双创园开园`, sourceId: source.body.id } });
    expect(fromSource.body.candidates.map((item) => item.id)).toContain(existing);
  });
});

describe('bad queries', () => {
  it.each([
    ['an empty query', ''],
    ['spaces', '   '],
    ['only punctuation', '，。！？；：“”'],
    ['tsquery operators', '&|!():*'],
    ['operators between words', "双创 & 开园 | !园 <-> 仪式:*"],
    ['an unpaired quote', '"芝麻街 开园'],
    ['SQL-looking text', "'; DROP TABLE entries; --"],
    ['a backslash', '\\'],
    ['HTML', '<script>alert(1)</script>'],
    ['only exclusions', '-双创'],
  ])('%s gets a clear answer, never a 500', async (_name, q) => {
    const response = await search(q);
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    for (const result of response.body) expect(result.titleHtml).not.toMatch(/<(?!\/?mark>)/);
  });

  it('refuses a 2,000-character query in Chinese', async () => {
    const response = await search('双'.repeat(2000));
    expect(response.status).toBe(400);
    expect((response.body as unknown as { message: string }).message).toContain('搜索词过长');
  });

  it('refuses unknown kinds and impossible months in Chinese', async () => {
    const kind = await search('双创', { kind: 'pdf' });
    expect(kind.status).toBe(400);
    expect((kind.body as unknown as { message: string }).message).toContain('kind');
    const month = await search('双创', { from: '2020-13' });
    expect(month.status).toBe(400);
    expect((month.body as unknown as { message: string }).message).toContain('from');
  });
});
