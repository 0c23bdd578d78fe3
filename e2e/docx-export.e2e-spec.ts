/**
 * 导出 Word through the running API: `GET /api/issues/:id/export.docx`.
 *
 * - The reference issue 总第97期 (signed off, not published: exported as a proof) converted to PDF
 *   with Debian's LibreOffice and read back with pdftotext: the six sections and the 27 titles
 *   in print order in the body, each title after its section heading, and in the contents; its
 *   word/document.xml holds the heading styles and the TOC field.
 * - A published issue with a photo exports its publication, the photo's own bytes embedded.
 * - 401 without a login, 400 for a malformed id, 404 for an unknown one, in Chinese.
 *
 * The reference issue is only read; the published one is made in 2030, this file's year.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { docxFiles, docxBytes, docxPart, docxParagraphs, docxToPdf } from '../libs/typeset/testing/docx-parts';
import { dataUrl, pngImage } from '../libs/typeset/testing/images';
import reference from '../seeds/reference-issue-097.json';
import { api, compact, createTestIssue, login, pdfPages, transition } from './support';

jest.setTimeout(180_000);

const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const disposition = (filename: string) => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;

let editor: string;
let reviewer: string;
let issue97: { id: string };

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([login('editor'), login('reviewer')]);
  const list = await api<{ id: string; serialNumber: number }[]>('GET', `/api/issues?filter=${encodeURIComponent('{"q":"97"}')}`, { token: editor });
  issue97 = list.body.find((issue) => issue.serialNumber === 97)!;
});

describe('the reference issue in Word', () => {
  let docx: Buffer;
  beforeAll(async () => {
    // Any role may export: the reviewer here.
    const response = await api<Buffer>('GET', `/api/issues/${issue97.id}/export.docx`, { token: reviewer });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(WORD_TYPE);
    // Not published: what a proof would print now, and the name says so.
    expect(response.headers.get('content-disposition')).toBe(disposition('总第97期-2020年10月-校样.docx'));
    docx = response.body;
  });

  it('holds the heading styles and the table of contents field in word/document.xml', () => {
    const documentXml = docxPart(docx, 'word/document.xml');
    const paragraphs = docxParagraphs(documentXml);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(reference.sections.map((s) => s.name));
    expect(paragraphs.filter((p) => p.style === 'Heading2')).toHaveLength(27);
    expect(documentXml).toContain('<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText>');
    expect(docxPart(docx, 'word/styles.xml')).toMatch(/w:styleId="Heading2"><w:name w:val="heading 2"\/>/);
    expect(docxPart(docx, 'word/header1.xml')).toContain('校样（非正式出版物，仅供审校）');
  });

  it('opens in LibreOffice: the 27 titles in order, each after its section heading, in the contents and in the body', async () => {
    const pages = pdfPages(await docxToPdf(docx));
    // The body's pages are the numbered ones ("— 1 —"); the contents come before them.
    const numbered = (page: string) => /^—\s*\d+\s*—$/.test(page.trim().split('\n').at(-1)?.trim() ?? '');
    const firstBodyPage = pages.findIndex(numbered);
    expect(firstBodyPage).toBeGreaterThanOrEqual(2);
    const contents = compact(pages.slice(1, firstBodyPage).join('\n'));
    const body = compact(pages.slice(firstBodyPage).join('\n'));
    for (const field of ['中原区大事月报', '2020年10月', '（总第97期）', '中原区地方史志办公室', '2020年10月15日']) expect(compact(pages[0])).toContain(field);
    for (const text of [contents, body]) {
      let cursor = 0;
      for (const section of reference.sections) {
        cursor = text.indexOf(section.name, cursor);
        expect({ section: section.name, found: cursor >= 0 }).toEqual({ section: section.name, found: true });
        for (const entry of reference.entries.filter((e) => e.section === section.key)) {
          cursor = text.indexOf(compact(entry.title), cursor);
          expect({ title: entry.title, found: cursor >= 0 }).toEqual({ title: entry.title, found: true });
        }
      }
    }
    expect(reference.entries).toHaveLength(27);
    expect(body).toContain(compact(`发放范围：${reference.recipients.map((r) => r.name).join('，')}`));
  });
});

describe('a published issue in Word', () => {
  const photo = pngImage(640, 360);
  const word = `缊缃缇缋缌${randomInt(10_000, 100_000)}`;
  let issue: { id: string; year: number; month: number; serialNumber: number };

  beforeAll(async () => {
    issue = await createTestIssue(editor, 2030, 1);
    const sectionId = (await api<Array<{ id: string }>>('GET', '/api/sections', { token: editor })).body[0].id;
    const eventDate = `${issue.year}-${String(issue.month).padStart(2, '0')}-08`;
    const bodyHtml = `<p>${word}在区文化馆开幕。</p><figure><img src="${dataUrl(photo, 'image/png')}"><figcaption>开幕现场${word}</figcaption></figure>`;
    const entry = await api('POST', '/api/entries', { token: editor, body: { title: `摄影展开幕${word}`, sectionId, issueId: issue.id, eventDate, bodyHtml } });
    expect(entry.status).toBe(201);
    await transition(editor, 'entries', entry.body.id, 'submit');
    await transition(reviewer, 'entries', entry.body.id, 'approve');
    await transition(editor, 'issues', issue.id, 'submit-review');
    await transition(reviewer, 'issues', issue.id, 'sign-off');
    await transition(reviewer, 'issues', issue.id, 'publish');
  });

  it('exports its publication with the photo itself embedded, under the issue’s name', async () => {
    const response = await api<Buffer>('GET', `/api/issues/${issue.id}/export.docx`, { token: editor });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(disposition(`总第${issue.serialNumber}期-${issue.year}年${issue.month}月.docx`));
    const media = docxFiles(response.body).filter((file) => file.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(docxBytes(response.body, media[0]).equals(photo)).toBe(true);
    const paragraphs = docxParagraphs(docxPart(response.body, 'word/document.xml'));
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual([`摄影展开幕${word}`]);
    expect(paragraphs.filter((p) => p.style === 'DsybCaption').map((p) => p.text)).toEqual([`开幕现场${word}`]);
    // A publication is no proof: no 校样 line at the top of its pages.
    expect(docxFiles(response.body).some((file) => file.startsWith('word/header'))).toBe(false);
  });
});

describe('refusals', () => {
  it('asks for a login, and answers a malformed id with 400 and an unknown one with 404, in Chinese', async () => {
    expect((await api('GET', `/api/issues/${issue97.id}/export.docx`)).status).toBe(401);
    const malformed = await api('GET', '/api/issues/not-an-id/export.docx', { token: editor });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toBe('路径中的 id 不是有效的 UUID');
    const unknown = randomUUID();
    const missing = await api('GET', `/api/issues/${unknown}/export.docx`, { token: editor });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe(`期刊不存在：${unknown}`);
  });
});
