/**
 * The order of a byline is the editor's: 记者 王云翔 李云凯 王慧娟 stays 王云翔 李云凯 王慧娟 (not
 * sorted by name into 李云凯 王云翔 王慧娟) through every path that carries contributors: a page
 * read and imported, a source saved and changed, an entry drafted from a source, an entry created,
 * reordered, read and restored to an older version. Against the running stack.
 *
 * Test data is its own: a fresh issue from createTestIssue (years 1990–1998) and headlines with
 * a random suffix; the three contributors are found or made by name.
 */
import { randomInt } from 'node:crypto';
import { api, createTestIssue, login } from './support';

const BYLINE = ['王云翔', '李云凯', '王慧娟'];
// Sorted by name (code point), as bylines used to come back.
const SORTED = [...BYLINE].sort();
const SUFFIX = String(randomInt(100_000, 999_999));

interface Credit {
  contributorId: string;
  name: string;
  role: string;
}

const names = (credits: Credit[]) => credits.map(credit => credit.name);

describe('byline order', () => {
  let editor: string;
  let ids: Map<string, string>;
  let issueId: string;
  let sectionId: string;
  let eventDate: string;

  beforeAll(async () => {
    editor = await login('editor');
    ids = new Map();
    for (const name of BYLINE) {
      const found = await api<{ id: string; name: string }[]>('GET', `/api/contributors?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`, { token: editor });
      const known = found.body.find(person => person.name === name);
      const id = known?.id ?? (await api<{ id: string }>('POST', '/api/contributors', { token: editor, body: { name, role: 'reporter' } })).body.id;
      ids.set(name, id);
    }
    const issue = await createTestIssue<{ id: string; coverageStart: string }>(editor, 1990);
    issueId = issue.id;
    eventDate = issue.coverageStart.slice(0, 10);
    sectionId = (await api<{ id: string }[]>('GET', '/api/sections', { token: editor })).body[0].id;
  });

  const credits = (order: string[]) => order.map(name => ({ contributorId: ids.get(name)!, role: 'reporter' }));
  const entryByline = async (id: string) => names((await api<{ contributors: Credit[] }>('GET', `/api/entries/${id}`, { token: editor })).body.contributors);
  const sourceByline = async (id: string) => names((await api<{ contributors: Credit[] }>('GET', `/api/sources/${id}`, { token: editor })).body.contributors);

  it('is not the order by name (the test would prove nothing otherwise)', () => {
    expect(SORTED).toEqual(['李云凯', '王云翔', '王慧娟']);
    expect(SORTED).not.toEqual(BYLINE);
  });

  it('keeps a page’s byline as printed through preview, import, the source list and a draft entry', async () => {
    const headline = `署名${SUFFIX}：区政府召开防汛工作会议`;
    const text = `${headline}\n\n本报讯 10月14日，区政府召开防汛工作会议，部署汛期各项工作。会议要求各部门压实责任，确保安全度汛。\n\n记者 王云翔 李云凯 王慧娟\n`;
    const preview = await api('POST', '/api/source-imports/preview', { token: editor, body: { text, newspaper: '区报' } });
    expect(preview.status).toBe(200);
    const article = preview.body.articles.find((candidate: { headline: string }) => candidate.headline === headline);
    expect(article.bylines).toEqual(BYLINE.map(name => ({ name, role: 'reporter' })));

    const saved = await api('POST', '/api/source-imports', { token: editor, body: { newspaper: '区报', articles: [{ headline, text: article.text, bylines: article.bylines }] } });
    expect(saved.status).toBe(201);
    const sourceId = saved.body.created[0].id;
    await expect(sourceByline(sourceId)).resolves.toEqual(BYLINE);
    const listed = await api<{ id: string; contributors: Credit[] }[]>('GET', `/api/sources?filter=${encodeURIComponent(JSON.stringify({ q: headline }))}`, { token: editor });
    expect(names(listed.body.find(source => source.id === sourceId)!.contributors)).toEqual(BYLINE);

    const drafted = await api<{ id: string; contributors: Credit[] }>('POST', `/api/sources/${sourceId}/draft-entry`, { token: editor, body: { issueId, sectionId } });
    expect(drafted.status).toBe(201);
    expect(names(drafted.body.contributors)).toEqual(BYLINE);
    await expect(entryByline(drafted.body.id)).resolves.toEqual(BYLINE);
  });

  it('keeps a source’s credits in the order given when it is created and when only the order changes', async () => {
    const created = await api<{ id: string; contributors: Credit[] }>('POST', '/api/sources', {
      token: editor,
      body: { newspaper: '区报', headline: `署名${SUFFIX}：来稿`, text: '正文。', contributors: credits(BYLINE) },
    });
    expect(created.status).toBe(201);
    expect(names(created.body.contributors)).toEqual(BYLINE);
    await expect(sourceByline(created.body.id)).resolves.toEqual(BYLINE);

    const reordered = await api('PUT', `/api/sources/${created.body.id}`, { token: editor, body: { contributors: credits([...BYLINE].reverse()) } });
    expect(reordered.status).toBe(200);
    await expect(sourceByline(created.body.id)).resolves.toEqual([...BYLINE].reverse());
    await api('PUT', `/api/sources/${created.body.id}`, { token: editor, body: { contributors: credits(BYLINE) } });
    await expect(sourceByline(created.body.id)).resolves.toEqual(BYLINE);
  });

  it('keeps an entry’s byline in the order given when created, reordered and restored', async () => {
    const created = await api<{ id: string; version: number; contributors: Credit[] }>('POST', '/api/entries', {
      token: editor,
      body: { title: `署名${SUFFIX}：条目`, sectionId, issueId, eventDate, bodyText: '正文。', contributors: credits(BYLINE) },
    });
    expect(created.status).toBe(201);
    expect(names(created.body.contributors)).toEqual(BYLINE);
    await expect(entryByline(created.body.id)).resolves.toEqual(BYLINE);

    // Only the order changes, and back: each save is kept as given.
    const reversed = await api<{ version: number; contributors: Credit[] }>('PUT', `/api/entries/${created.body.id}`, {
      token: editor,
      body: { version: created.body.version, contributors: credits([...BYLINE].reverse()) },
    });
    expect(reversed.status).toBe(200);
    expect(names(reversed.body.contributors)).toEqual([...BYLINE].reverse());
    await expect(entryByline(created.body.id)).resolves.toEqual([...BYLINE].reverse());
    const back = await api<{ version: number; contributors: Credit[] }>('PUT', `/api/entries/${created.body.id}`, {
      token: editor,
      body: { version: reversed.body.version, title: `署名${SUFFIX}：条目（改）`, contributors: credits(BYLINE) },
    });
    expect(back.status).toBe(200);
    expect(names(back.body.contributors)).toEqual(BYLINE);
    await expect(entryByline(created.body.id)).resolves.toEqual(BYLINE);

    // Restoring the first version brings its wording back and leaves the byline as it is.
    const restored = await api('POST', `/api/entries/${created.body.id}/revisions/restore`, { token: editor, body: { revision: 1, version: back.body.version } });
    expect(restored.status).toBe(201);
    await expect(entryByline(created.body.id)).resolves.toEqual(BYLINE);
  });
});
