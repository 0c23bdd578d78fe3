/**
 * Print details of issue 13 (item 7) through the running API and worker, PDFs read back with
 * poppler:
 *
 * - a picture too small for the size it prints at is saved with a warning naming the figure, and
 *   签发 lists it (a warning: the issue is signed off all the same);
 * - the entry's photographers print as 摄影 after the caption, in byline order;
 * - the page numbering is a masthead setting, from the cover by default (the reference issue's
 *   scheme); a published issue keeps the scheme it was published with.
 *
 * Test issues lie in years 2010–2018 (createTestIssue), so runs sharing a database never collide.
 */
import { randomInt } from 'node:crypto';
import { dataUrl, pngImage } from '../libs/typeset/testing/images';
import { api, compact, createTestIssue, finishedRendition, login, pdfPages, transition } from './support';

jest.setTimeout(180_000);

const RUN = randomInt(10_000, 100_000);
const FIRST_YEAR = 2010;

const SOFT_PHOTO = pngImage(800, 450);
const SHARP_PHOTO = pngImage(1200, 700);
const PARAGRAPH = '区体育局在中原区全民健身中心举办秋季运动会，全区二十余支代表队参加比赛。';
const figure = (bytes: Uint8Array, caption: string) => `<figure><img src="${dataUrl(bytes, 'image/png')}"><figcaption>${caption}</figcaption></figure>`;

let editor: string;
let reviewer: string;
let admin: string;
let sectionId: string;

beforeAll(async () => {
  [editor, reviewer, admin] = await Promise.all([login('editor'), login('reviewer'), login('admin')]);
  sectionId = (await api<Array<{ id: string }>>('GET', '/api/sections', { token: editor })).body[0].id;
});

async function createEntry(issue: { id: string; year: number; month: number }, title: string, bodyHtml: string, contributors: Array<{ contributorId: string; role: string }> = []) {
  const eventDate = `${issue.year}-${String(issue.month).padStart(2, '0')}-08`;
  return api('POST', '/api/entries', { token: editor, body: { title, sectionId, issueId: issue.id, eventDate, bodyHtml, contributors } });
}

async function proofText(token: string, issueId: string, kind: 'proof' | 'final' = 'proof'): Promise<string[]> {
  const requested = await api('POST', `/api/issues/${issueId}/renditions`, { token, body: { kind } });
  expect([200, 201, 202]).toContain(requested.status);
  const rendition = await finishedRendition(token, requested.body.id);
  return pdfPages((await api<Buffer>('GET', `/api/renditions/${rendition.id}/file`, { token })).body);
}

/** The footer number "— 3 —" of each page, null where there is none. */
const footers = (pages: string[]) =>
  pages.map((page) => {
    const lines = page.split('\n').filter((line) => line.trim() !== '');
    const match = /^—\s*(\d+)\s*—$/.exec(lines.at(-1)?.trim() ?? '');
    return match ? Number(match[1]) : null;
  });

describe('a picture too small for its printed size', () => {
  it('is saved with a warning naming the figure, its pixels and its dpi; a large enough one is not', async () => {
    const issue = await createTestIssue(editor, FIRST_YEAR);
    const saved = await createEntry(issue, `运动会${RUN}`, `<p>${PARAGRAPH}</p>${figure(SHARP_PHOTO, '开幕式')}${figure(SOFT_PHOTO, '颁奖仪式')}`);
    expect(saved.status).toBe(201);
    const warning = {
      code: 'low-resolution',
      figure: 2,
      width: 800,
      height: 450,
      dpi: 128,
      message: '第2幅图片分辨率不足：800×450 像素，印出宽约 158 毫米，仅 128 dpi（印刷至少需要 150 dpi），印出会模糊；请换用至少 934 像素宽的原图',
    };
    expect(saved.body.warnings).toEqual([warning]);
    // The entry's page says so too.
    expect((await api('GET', `/api/entries/${saved.body.id}`, { token: editor })).body.warnings).toEqual([warning]);
    // Without the soft photo, no warning.
    const version = saved.body.version;
    const fixed = await api('PUT', `/api/entries/${saved.body.id}`, { token: editor, body: { version, bodyHtml: `<p>${PARAGRAPH}</p>${figure(SHARP_PHOTO, '开幕式')}` } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.warnings).toEqual([]);
  });

  it('is listed at 签发, which goes through', async () => {
    const issue = await createTestIssue(editor, FIRST_YEAR);
    const title = `签发提示${RUN}：秋季运动会`;
    const entry = await createEntry(issue, title, `<p>${PARAGRAPH}</p>${figure(SOFT_PHOTO, '颁奖仪式')}`);
    expect(entry.status).toBe(201);
    await transition(editor, 'entries', entry.body.id, 'submit');
    await transition(reviewer, 'entries', entry.body.id, 'approve');
    await transition(editor, 'issues', issue.id, 'submit-review');
    const version = (await api('GET', `/api/issues/${issue.id}`, { token: reviewer })).body.version;
    const signed = await api('POST', `/api/issues/${issue.id}/sign-off`, { token: reviewer, body: { version } });
    expect([200, 201]).toContain(signed.status);
    expect(signed.body.status).toBe('approved');
    expect(signed.body.printWarnings).toEqual([
      `条目《${title}》第1幅图片分辨率不足：800×450 像素，印出宽约 158 毫米，仅 128 dpi（印刷至少需要 150 dpi），印出会模糊；请换用至少 934 像素宽的原图`,
    ]);
  });
});

describe('photo credits', () => {
  it('print 摄影 with the caption, the photographers in byline order', async () => {
    const people: string[] = [];
    for (const name of [`王云翔${RUN}`, `李云凯${RUN}`]) {
      const created = await api('POST', '/api/contributors', { token: editor, body: { name, role: 'photographer' } });
      expect(created.status).toBe(201);
      people.push(created.body.id);
    }
    const issue = await createTestIssue(editor, FIRST_YEAR);
    const entry = await createEntry(issue, `摄影署名${RUN}`, `<p>${PARAGRAPH}</p>${figure(SHARP_PHOTO, '开幕式现场')}<p>${PARAGRAPH}</p>`, [
      { contributorId: people[1], role: 'photographer' },
      { contributorId: people[0], role: 'photographer' },
    ]);
    expect(entry.status).toBe(201);
    const pages = await proofText(editor, issue.id);
    const line = pages.flatMap((page) => page.split('\n')).find((l) => l.includes('开幕式现场'));
    expect(compact(line ?? '')).toBe(`开幕式现场摄影：李云凯${RUN}王云翔${RUN}`);
  });
});

describe('page numbering', () => {
  afterAll(async () => {
    await api('PUT', '/api/settings/masthead', { token: admin, body: { pageNumbering: 'from-cover' } });
  });

  it('is a masthead setting, from the cover by default; anything else is refused in Chinese', async () => {
    const current = await api('GET', '/api/settings/masthead', { token: admin });
    expect(current.body.pageNumbering).toBe('from-cover');
    const bad = await api('PUT', '/api/settings/masthead', { token: admin, body: { pageNumbering: 'roman' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('pageNumbering');
    expect(bad.body.message).toContain('取值不在允许范围内');
  });

  it('numbers from the cover, and a published issue keeps that after the office changes to from-body', async () => {
    const issue = await createTestIssue(editor, FIRST_YEAR);
    const entry = await createEntry(issue, `页码${RUN}：秋季运动会`, `<p>${PARAGRAPH}</p>`);
    const firstBodyPage = (pages: string[]) => footers(pages).findIndex((n) => n !== null);

    const proof = await proofText(editor, issue.id);
    const start = firstBodyPage(proof);
    // Cover and contents count: the first body page carries its place in the issue.
    expect(footers(proof)[start]).toBe(start + 1);

    await transition(editor, 'entries', entry.body.id, 'submit');
    await transition(reviewer, 'entries', entry.body.id, 'approve');
    await transition(editor, 'issues', issue.id, 'submit-review');
    await transition(reviewer, 'issues', issue.id, 'sign-off');
    await transition(reviewer, 'issues', issue.id, 'publish');

    const changed = await api('PUT', '/api/settings/masthead', { token: admin, body: { pageNumbering: 'from-body' } });
    expect(changed.status).toBe(200);
    expect(changed.body.pageNumbering).toBe('from-body');

    // A new issue's proof starts its body at 1 …
    const other = await createTestIssue(editor, FIRST_YEAR);
    await createEntry(other, `页码${RUN}：另一期`, `<p>${PARAGRAPH}</p>`);
    const otherProof = await proofText(editor, other.id);
    expect(footers(otherProof)[firstBodyPage(otherProof)]).toBe(1);
    // … the published one prints as it was published.
    const final = await proofText(editor, issue.id, 'final');
    expect(footers(final)[firstBodyPage(final)]).toBe(firstBodyPage(final) + 1);
  });
});
