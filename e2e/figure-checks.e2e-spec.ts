/**
 * Figures and characters the PDF cannot print, met when an entry is saved rather than when the
 * issue is typeset: against the running API and worker, PDFs read back with pdftotext.
 *
 * - A truncated or corrupt PNG or JPEG (its header valid) is refused with 400, naming the figure
 *   and the problem; the entry keeps what it had. A correction of a published issue likewise,
 *   naming the entry too.
 * - Characters no font has (an emoji, a compatibility ideograph) are saved, and the answer warns
 *   with an alternative for each; 𠀀 (CJK Extension B) needs no warning and prints, in the
 *   fallback font of fonts-hanazono (.ci/run installs it).
 * - A figure that does not decode but is in the database anyway (written there directly, as
 *   bodies saved before this check may be) prints as a placeholder naming the entry and the
 *   figure; the proof is made, and its rendition lists the warning.
 *
 * Test issues lie in years 2190–2198 (createTestIssue), so runs sharing a database never collide.
 */
import { randomInt } from 'node:crypto';
import pg from 'pg';
import { corruptJpeg, corruptPng, dataUrl, JPEG_120x80, pngImage } from '../libs/typeset/testing/images';
import { api, compact, createTestIssue, currentVersion, finishedRendition, login, pdfPages, publishTestIssue } from './support';

jest.setTimeout(120_000);

const RUN = randomInt(10_000, 100_000);
const FIRST_YEAR = 2190;

const PHOTO = pngImage(160, 100);
const TRUNCATED_PNG = PHOTO.subarray(0, Math.floor(PHOTO.length / 2));
const CORRUPT_PNG = corruptPng(PHOTO);
const TRUNCATED_JPEG = JPEG_120x80.subarray(0, Math.floor(JPEG_120x80.length * 0.6));
const CORRUPT_JPEG = corruptJpeg(JPEG_120x80);

const PARAGRAPH = '区应急管理局在贾鲁河畔开展防汛应急演练。';
const figure = (bytes: Uint8Array, mediaType: string, caption: string) =>
  `<figure><img src="${dataUrl(bytes, mediaType)}"><figcaption>${caption}</figcaption></figure>`;
/** A body with a whole JPEG, then `second`, then a whole PNG. */
const bodyWith = (second: string) =>
  `<p>${PARAGRAPH}</p>${figure(JPEG_120x80, 'image/jpeg', '完好的 JPEG 图片')}${second}${figure(PHOTO, 'image/png', '完好的 PNG 图片')}`;

let token: string;
let sectionId: string;

beforeAll(async () => {
  token = await login('editor');
  sectionId = (await api<Array<{ id: string }>>('GET', '/api/sections', { token })).body[0].id;
});

/** An entry of a fresh test issue, created through the API. */
async function createEntry(title: string, bodyHtml: string) {
  const issue = await createTestIssue<{ id: string; year: number; month: number }>(token, FIRST_YEAR);
  const eventDate = `${issue.year}-${String(issue.month).padStart(2, '0')}-08`;
  const response = await api('POST', '/api/entries', { token, body: { title, sectionId, issueId: issue.id, eventDate, bodyHtml } });
  return { issue, eventDate, response };
}

describe('a figure that does not decode is refused when the entry is saved', () => {
  const cases = [
    { name: 'a truncated PNG', bytes: TRUNCATED_PNG, mediaType: 'image/png', problem: 'PNG 数据被截断' },
    { name: 'a PNG with damaged pixel data', bytes: CORRUPT_PNG, mediaType: 'image/png', problem: 'PNG 图像数据已损坏' },
    { name: 'a truncated JPEG', bytes: TRUNCATED_JPEG, mediaType: 'image/jpeg', problem: 'JPEG 数据被截断' },
    { name: 'a JPEG with damaged image data', bytes: CORRUPT_JPEG, mediaType: 'image/jpeg', problem: 'JPEG 图像数据已损坏' },
  ];

  it.each(cases)('$name, on create: 400 naming the figure, nothing saved', async ({ bytes, mediaType, problem }) => {
    const title = `坏图新建${RUN}：${problem}`;
    const { response } = await createEntry(title, bodyWith(figure(bytes, mediaType, '坏图')));
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(`第2幅图片已损坏或不完整，无法解码（${problem}）`);
    const listed = await api('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ q: title }))}`, { token });
    expect(listed.body).toEqual([]);
  });

  it.each(cases)('$name, on update: 400 naming the figure, the saved entry unchanged', async ({ bytes, mediaType, problem }) => {
    // Whole PNG and JPEG figures are taken.
    const { response: created } = await createEntry(`坏图修改${RUN}：${problem}`, bodyWith(''));
    expect(created.status).toBe(201);
    const before = (await api('GET', `/api/entries/${created.body.id}`, { token })).body;

    const update = await api('PUT', `/api/entries/${created.body.id}`, {
      token,
      body: { version: before.version, title: `${before.title}（改）`, bodyHtml: bodyWith(figure(bytes, mediaType, '坏图')) },
    });
    expect(update.status).toBe(400);
    expect(update.body.message).toBe(`第2幅图片已损坏或不完整，无法解码（${problem}）`);
    const after = (await api('GET', `/api/entries/${created.body.id}`, { token })).body;
    expect(after).toEqual(before);
  });
});

it('refuses a correction whose body has a figure that does not decode, naming the entry and the figure', async () => {
  const reviewer = await login('reviewer');
  const title = `勘误坏图${RUN}：区防汛工作会议召开`;
  const { issueId, entryId } = await publishTestIssue({ editor: token, reviewer }, FIRST_YEAR, title);
  const version = await currentVersion(token, 'issues', issueId);
  const correction = await api('POST', `/api/issues/${issueId}/corrections`, {
    token,
    body: { version, reason: '补充会议现场图片', entries: [{ entryId, bodyHtml: bodyWith(figure(TRUNCATED_PNG, 'image/png', '坏图')) }] },
  });
  expect(correction.status).toBe(400);
  expect(correction.body.message).toBe(`条目《${title}》第2幅图片已损坏或不完整，无法解码（PNG 数据被截断）`);
  const issue = (await api('GET', `/api/issues/${issueId}`, { token })).body;
  expect([issue.version, issue.revision]).toEqual([version, 1]);
});

describe('characters the fonts lack are reported when the entry is saved', () => {
  // U+F900 is a CJK compatibility ideograph (as some input methods and OCR give), 豈 U+8C48 its usual form.
  const COMPATIBILITY = '\uF900';

  it('saves the entry and warns, listing the characters with an alternative for each', async () => {
    const title = `表情符号${RUN}：防汛演练圆满完成😀`;
    const { response } = await createEntry(title, `<p>${PARAGRAPH}${COMPATIBILITY}山</p>`);
    expect(response.status).toBe(201);
    expect(response.body.title).toBe(title);
    const warning = {
      code: 'missing-glyphs',
      characters: ['😀', COMPATIBILITY],
      alternatives: [
        { character: '😀', alternative: '' },
        { character: COMPATIBILITY, alternative: '豈' },
      ],
      message: `以下字符字体中没有，印刷时无法显示：😀、${COMPATIBILITY}`,
    };
    expect(response.body.warnings).toEqual([warning]);
    // The entry's page says so too, and a save without the emoji warns only of what is left.
    const read = await api('GET', `/api/entries/${response.body.id}`, { token });
    expect(read.body.warnings).toEqual([warning]);
    const update = await api('PUT', `/api/entries/${response.body.id}`, { token, body: { version: read.body.version, title: title.replace('😀', '') } });
    expect(update.status).toBe(200);
    expect(update.body.warnings).toEqual([
      { code: 'missing-glyphs', characters: [COMPATIBILITY], alternatives: [{ character: COMPATIBILITY, alternative: '豈' }], message: `以下字符字体中没有，印刷时无法显示：${COMPATIBILITY}` },
    ]);
  });

  it('needs no warning for 𠀀 (CJK Extension B), which the proof prints', async () => {
    const title = `生僻字${RUN}：𠀀村修通公路`;
    const { issue, response } = await createEntry(title, `<p>${PARAGRAPH}𠀀村村民出行更方便。</p>`);
    expect(response.status).toBe(201);
    expect(response.body.warnings).toEqual([]);

    const requested = await api('POST', `/api/issues/${issue.id}/renditions`, { token, body: { kind: 'proof' } });
    expect(requested.status).toBe(202);
    const rendition = await finishedRendition(token, requested.body.id);
    const text = compact(pdfPages((await api<Buffer>('GET', `/api/renditions/${rendition.id}/file`, { token })).body).join('\n'));
    expect(text).toContain(compact(title));
    expect(text).toContain('𠀀村村民出行更方便。');
  });
});

describe('a figure in the database that does not decode', () => {
  it('prints as a placeholder naming the entry and the figure; the proof is made and lists the warning', async () => {
    const title = `旧图${RUN}：区防汛工作会议召开`;
    const { issue, response } = await createEntry(title, `<p>${PARAGRAPH}</p>`);
    expect(response.status).toBe(201);
    // As a body saved before figures were decoded at save: written straight into the database.
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    try {
      const body = `<p>${PARAGRAPH}</p>${figure(TRUNCATED_PNG, 'image/png', '截断的图片')}${figure(PHOTO, 'image/png', '完好的图片')}`;
      await client.query('UPDATE entries SET body_html = $1 WHERE id = $2', [body, response.body.id]);
    } finally {
      await client.end();
    }

    const requested = await api('POST', `/api/issues/${issue.id}/renditions`, { token, body: { kind: 'proof' } });
    expect(requested.status).toBe(202);
    const rendition = await finishedRendition(token, requested.body.id);
    expect(rendition.warnings).toEqual([`条目《${title}》第1幅图片无法显示：图片已损坏或不完整，无法解码，请在编辑器中删除后重新插入`]);
    const text = compact(pdfPages((await api<Buffer>('GET', `/api/renditions/${rendition.id}/file`, { token })).body).join('\n'));
    expect(text).toContain(compact(`【图片无法显示：${title} 第1幅】图片已损坏或不完整，无法解码，请在编辑器中删除后重新插入截断的图片`));
    expect(text).toContain('完好的图片');
    expect(text).not.toContain(compact('第2幅】'));
  });
});
