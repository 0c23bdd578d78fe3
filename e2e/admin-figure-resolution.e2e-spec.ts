/**
 * A picture too small for print, in the entry editor, in a real browser against the running stack.
 *
 * Journey: an editor inserts an 800 × 450 photo (it prints across the text width at 128 dpi) and
 * is told at once, naming the file, its dpi and the width that would do; the picture is inserted
 * all the same. After saving, the entry's page opens (the save is not held up) and says which
 * figure is too small; so does its edit form. A photo large enough gets no warning.
 *
 * The test issue's month lies in years 2001–2009 (createTestIssue), so runs sharing a database
 * never collide.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { pngImage } from '../libs/typeset/testing/images';
import { openRoute, screenshotter, useBrowser } from './browser';
import { createTestEntry, login } from './support';

jest.setTimeout(120_000);

const RUN = randomInt(10_000, 100_000);
const PARAGRAPH = '区体育局在中原区全民健身中心举办秋季运动会。';
const SOFT_PHOTO = pngImage(800, 450);
const SHARP_PHOTO = pngImage(1200, 700);
const WARNING = '第1幅图片分辨率不足：800×450 像素，印出宽约 158 毫米，仅 128 dpi（印刷至少需要 150 dpi），印出会模糊；请换用至少 934 像素宽的原图';

const browser = useBrowser();
const screenshot = screenshotter('figure-resolution');

async function chooseImage(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '插入图片' }).click()]);
  await chooser.setFiles(file);
}

describe('an editor inserts a photo too small for print', () => {
  let page: Page;
  let token: string;
  const [session] = browser.sessions(['editor']);
  beforeAll(async () => {
    token = await login('editor');
    page = session.page;
  });

  async function insertInto(title: string, photo: Buffer, name: string) {
    const { entryId } = await createTestEntry(token, 2001, { title, bodyHtml: `<p>${PARAGRAPH}</p>`, day: 12 });
    await openRoute(page, `/entries/${entryId}/edit`);
    await page.locator('.ProseMirror p').filter({ hasText: PARAGRAPH }).click();
    await page.keyboard.press('End');
    await chooseImage(page, { name, mimeType: 'image/png', buffer: photo });
    await page.locator('.ProseMirror figure img').waitFor();
    return entryId;
  }

  it('is told when inserting it, and again on the entry’s page and form after saving', async () => {
    const entryId = await insertInto(`分辨率${RUN}：秋季运动会`, SOFT_PHOTO, '颁奖仪式.png');
    const toast = page.getByRole('alert').filter({ hasText: '颁奖仪式.png' });
    await toast.waitFor();
    await expect(toast.innerText()).resolves.toContain('“颁奖仪式.png”只有 800×450 像素，印出来只有 128 dpi（印刷至少需要 150 dpi），会发虚。已插入；如有原图，请换用至少 934 像素宽的图片。');
    await screenshot(page, '01-inserted');

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(new RegExp(`#/entries/${entryId}/show$`));
    const onPage = page.getByTestId('entry-figure-warning');
    await onPage.waitFor();
    await expect(onPage.innerText()).resolves.toContain('图片分辨率不足，印出来会发虚');
    await expect(onPage.innerText()).resolves.toContain(WARNING);
    await screenshot(page, '02-entry-page');

    await openRoute(page, `/entries/${entryId}/edit`);
    await expect(page.getByTestId('entry-figure-warning').innerText()).resolves.toContain(WARNING);
  });

  it('says nothing of a photo large enough', async () => {
    const entryId = await insertInto(`分辨率${RUN}：开幕式`, SHARP_PHOTO, '开幕式.png');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(new RegExp(`#/entries/${entryId}/show$`));
    await page.locator('[data-testid="entry-body"] figure img').waitFor();
    await expect(page.getByTestId('entry-figure-warning').count()).resolves.toBe(0);
    await expect(page.getByRole('alert').filter({ hasText: '分辨率' }).count()).resolves.toBe(0);
  });
});
