/**
 * Images with captions in the entry editor, in a real browser against the running stack.
 *
 * Journey: an editor opens an entry of a fresh issue, is refused a GIF and a PNG over 2 MB with
 * Chinese messages, inserts a PNG through 插入图片 and types its caption under it (the character
 * count counts the caption, not the image data), saves, and after a reload sees the image and
 * the caption on the entry's page and in the editor. A second image is inserted and removed
 * with its delete button, the first removed with the keyboard and brought back with undo. A
 * proof of the issue then prints the caption and embeds the image (pdftotext, pdfimages).
 *
 * The test issue's month lies in years 2090–2098 (createTestIssue), so runs sharing a database
 * never collide.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { pngFromPixels } from '../libs/typeset/testing/images';
import { openRoute, screenshotter, SCREENSHOT_DIR, useBrowser } from './browser';
import { api, baseUrl, compact, createTestEntry, login, pdfPages, waitFor } from './support';

jest.setTimeout(120_000);

const RUN = randomInt(10_000, 100_000);
const TITLE = `图片条目${RUN}：区应急管理局开展防汛演练`;
const PARAGRAPH = '区应急管理局在贾鲁河畔开展防汛应急演练，检验抢险队伍的快速反应能力。';
const CAPTION = `防汛应急演练现场${RUN}（区应急管理局供图）`;
const CAPTION_EDITED = `${CAPTION}，已核对`;
const SECOND_CAPTION = '将被删除的第二张图片';

/** Characters as the admin counts them: no markup, no spaces. */
const characterCount = (...texts: string[]) => Array.from(texts.join('').replace(/\s+/g, '')).length;

/* ---------------------------------------------------------------- image files */

const png = pngFromPixels;

/** A river-blue gradient with a red flag: 160 × 100. */
const PHOTO = png(160, 100, (x, y) => (x > 20 && x < 60 && y > 15 && y < 45 ? [200, 30, 30] : [40, 90 + Math.floor(y * 1.2), 150 + Math.floor(x / 2)]));
const SECOND_PHOTO = png(60, 40, (x) => [240, 200 - x * 2, 40]);
/** Noise does not compress: a valid PNG of about 3.6 MB. */
const HUGE_PHOTO = (() => {
  const noise = randomBytes(1100 * 1100 * 3);
  return png(1100, 1100, (x, y) => {
    const at = (y * 1100 + x) * 3;
    return [noise[at], noise[at + 1], noise[at + 2]];
  });
})();
/** Stored HTML with the photo's base64 shortened, so that a failure prints readably. */
const photoMasked = (html: string) => html.split(PHOTO.toString('base64')).join('[PHOTO]');
/** A 1 × 1 GIF, named .png as people do. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/* ---------------------------------------------------------------- browser */

const browser = useBrowser();

const screenshot = screenshotter('figure');

const open = (page: Page, route: string) => openRoute(page, route);

/** Chooses files through the toolbar's 插入图片 button, as a person does in the file picker. */
async function chooseImage(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '插入图片' }).click()]);
  await chooser.setFiles(file);
}

const notification = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text });

describe('an editor puts a photo with its caption into an entry', () => {
  let page: Page;
  let token: string;
  let issueId: string;
  let entryId: string;

  beforeAll(async () => {
    token = await login('editor');
    ({ issueId, entryId } = await createTestEntry(token, 2090, { title: TITLE, bodyHtml: `<p>${PARAGRAPH}</p>`, day: 17 }));
  });

  const [session] = browser.sessions(['editor']);
  beforeAll(() => {
    page = session.page;
  });

  it('refuses a GIF and a PNG over 2 MB in Chinese, inserts a PNG and takes its caption', async () => {
    expect(HUGE_PHOTO.length).toBeGreaterThan(2 * 1024 * 1024);
    await open(page, `/entries/${entryId}/edit`);
    const editor = page.locator('.ProseMirror');
    await editor.locator('p').filter({ hasText: PARAGRAPH }).click();
    await page.keyboard.press('End');

    await chooseImage(page, { name: '演练现场.png', mimeType: 'image/png', buffer: GIF });
    await notification(page, '不是 PNG 或 JPEG 图片').waitFor();
    await expect(notification(page, '不是 PNG 或 JPEG 图片').innerText()).resolves.toBe(
      '“演练现场.png”不是 PNG 或 JPEG 图片，不能插入。请先另存为 PNG 或 JPEG 格式再插入。',
    );
    await screenshot(page, '01-gif-refused');

    await chooseImage(page, { name: '航拍原图.png', mimeType: 'image/png', buffer: HUGE_PHOTO });
    const tooLarge = notification(page, '超过了 2 MB 的上限');
    await tooLarge.waitFor();
    await expect(tooLarge.innerText()).resolves.toBe(
      `“航拍原图.png”有 ${Math.round((HUGE_PHOTO.length / 1024 / 1024) * 10) / 10} MB，超过了 2 MB 的上限，不能插入。请先压缩或缩小图片再插入。`,
    );
    await screenshot(page, '02-too-large-refused');
    await expect(editor.locator('figure').count()).resolves.toBe(0);

    await chooseImage(page, { name: '演练现场.png', mimeType: 'image/png', buffer: PHOTO });
    const figure = editor.locator('figure');
    await figure.waitFor();
    await expect(figure.locator('img').getAttribute('src')).resolves.toBe(`data:image/png;base64,${PHOTO.toString('base64')}`);
    // The caption field has the cursor: the caption is typed straight away.
    const captionField = figure.getByRole('textbox', { name: '图片说明' });
    await expect(captionField.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type(CAPTION);
    await expect(captionField.inputValue()).resolves.toBe(CAPTION);
    // Text only: the paragraph and the caption, not the image data.
    await expect(page.locator('[data-testid="body-character-count"]').innerText()).resolves.toBe(`正文 ${characterCount(PARAGRAPH, CAPTION)} 字`);
    await screenshot(page, '03-figure-in-editor');

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    const saved = await api('GET', `/api/entries/${entryId}`, { token });
    // As the editor wrote it, through the API's sanitiser unchanged (which closes img with " />").
    expect(photoMasked(saved.body.bodyHtml)).toBe(`<p>${PARAGRAPH}</p><figure><img src="data:image/png;base64,[PHOTO]" /><figcaption>${CAPTION}</figcaption></figure><p></p>`);
    expect(saved.body.bodyText).toBe(`${PARAGRAPH}\n\n${CAPTION}`);

    // After a reload, the entry's page shows the picture (decoded, at its size) and its caption.
    await page.reload();
    const shown = page.locator('[data-testid="entry-body"] figure');
    await shown.locator('img').waitFor();
    await waitFor(async () => ((await shown.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)) ? true : undefined), 10_000);
    await expect(shown.locator('img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).resolves.toEqual([160, 100]);
    await expect(shown.locator('figcaption').innerText()).resolves.toBe(CAPTION);
    await screenshot(page, '04-entry-show');

    // And the editor gives them back as they were.
    await open(page, `/entries/${entryId}/edit`);
    await page.locator('.ProseMirror figure').waitFor();
    await expect(page.locator('.ProseMirror figure').getByRole('textbox', { name: '图片说明' }).inputValue()).resolves.toBe(CAPTION);
  });

  it('removes figures with their delete button or the keyboard, and undoes that', async () => {
    await open(page, `/entries/${entryId}/edit`);
    const editor = page.locator('.ProseMirror');
    const figures = editor.locator('figure');
    await figures.first().waitFor();
    await editor.locator('p').filter({ hasText: PARAGRAPH }).click();
    await page.keyboard.press('End');

    await chooseImage(page, { name: '第二张.png', mimeType: 'image/png', buffer: SECOND_PHOTO });
    await waitFor(async () => ((await figures.count()) === 2 ? true : undefined), 10_000);
    await page.keyboard.type(SECOND_CAPTION);
    // Inserted where the cursor was: after the paragraph, before the first photo.
    await expect(figures.nth(0).getByRole('textbox').inputValue()).resolves.toBe(SECOND_CAPTION);
    await expect(page.locator('[data-testid="body-character-count"]').innerText()).resolves.toBe(
      `正文 ${characterCount(PARAGRAPH, SECOND_CAPTION, CAPTION)} 字`,
    );
    await screenshot(page, '05-two-figures');

    await figures.nth(0).getByRole('button', { name: '删除图片' }).click();
    await waitFor(async () => ((await figures.count()) === 1 ? true : undefined), 10_000);
    const removedAt = await page.evaluate(() => Date.now());
    await expect(figures.getByRole('textbox').inputValue()).resolves.toBe(CAPTION);

    // A click on the picture selects the figure; Backspace removes it, undo brings it back.
    // Changes within half a second (the editor history's newGroupDelay) are one step of it, as
    // typing a word is: a person pausing longer between the two removals undoes only the second.
    await page.waitForFunction(since => Date.now() - since > 500, removedAt);
    await figures.locator('img').click();
    await expect(figures.getAttribute('class')).resolves.toContain('ProseMirror-selectednode');
    await page.keyboard.press('Backspace');
    await waitFor(async () => ((await figures.count()) === 0 ? true : undefined), 10_000);
    await expect(page.locator('[data-testid="body-character-count"]').innerText()).resolves.toBe(`正文 ${characterCount(PARAGRAPH)} 字`);
    await page.keyboard.press('Control+Z');
    await waitFor(async () => ((await figures.count()) === 1 ? true : undefined), 10_000);

    const captionField = figures.getByRole('textbox', { name: '图片说明' });
    await expect(captionField.inputValue()).resolves.toBe(CAPTION);
    await captionField.click();
    await page.keyboard.press('End');
    await page.keyboard.type(CAPTION_EDITED.slice(CAPTION.length));
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    const saved = await api('GET', `/api/entries/${entryId}`, { token });
    expect(photoMasked(saved.body.bodyHtml)).toBe(
      `<p>${PARAGRAPH}</p><figure><img src="data:image/png;base64,[PHOTO]" /><figcaption>${CAPTION_EDITED}</figcaption></figure><p></p>`,
    );
    expect(session.pageErrors).toEqual([]);
    expect(session.apiFailures).toEqual([]);
  });

  it('prints the caption and embeds the image in a proof of the issue', async () => {
    await open(page, `/issues/${issueId}/show`);
    await page.locator('[data-testid="issue-entry"]').filter({ hasText: TITLE }).waitFor();
    await page.getByRole('tab', { name: '排版与下载' }).click();
    await page.getByRole('button', { name: '生成校样' }).click();
    await page.locator('[data-testid="rendition-progress"][data-status="done"]').waitFor({ timeout: 90_000 });

    const renditions = await api<Array<{ id: string; status: string }>>('GET', `/api/renditions?filter=${encodeURIComponent(JSON.stringify({ issueId }))}`, { token });
    const rendition = renditions.body.find((candidate) => candidate.status === 'done');
    expect(rendition).toBeDefined();
    const file = await api<Buffer>('GET', `/api/renditions/${rendition!.id}/file`, { token });
    expect(file.status).toBe(200);
    const pages = pdfPages(file.body);
    const text = compact(pages.join('\n'));
    expect(text).toContain(compact(PARAGRAPH));
    expect(text).toContain(compact(CAPTION_EDITED));
    expect(text).not.toContain('图片无法显示');

    const dir = fs.mkdtempSync(path.join(tmpdir(), 'dsyb-figure-'));
    fs.writeFileSync(path.join(dir, 'proof.pdf'), file.body);
    // page num type width height color …: the photo, at its own pixel size, and nothing else.
    const images = execFileSync('pdfimages', ['-list', path.join(dir, 'proof.pdf')], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((columns) => columns.length > 5);
    expect(images.filter((columns) => columns[2] === 'image').map((columns) => [columns[3], columns[4]])).toEqual([['160', '100']]);
    await screenshot(page, '06-proof-rendered');
    // The printed page itself, to look at.
    const entryPage = pages.findIndex((pageText) => compact(pageText).includes(compact(CAPTION_EDITED))) + 1;
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(entryPage), '-l', String(entryPage), '-singlefile', path.join(dir, 'proof.pdf'), path.join(SCREENSHOT_DIR, 'figure-07-proof-page')]);
  });
});
