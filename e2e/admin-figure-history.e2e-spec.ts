/**
 * Photos in an entry's 修改历史, and captions as the PDF prints them, in a real browser against
 * the running stack.
 *
 * - 修改历史: versions that only add, remove or replace a photo, or change its caption, read
 *   the same as text; the comparison names those changes (新增图片 1 张, 删除图片 1 张,
 *   更换图片 1 张, 修改图注 1 处) with thumbnails and the caption's own character diff, and
 *   does not call them the same wording.
 * - Captions are plain text, as the PDF prints them (libs/rich-text keeps no bold in a figure):
 *   the API stores a caption sent with bold as its plain words; a body stored earlier with bold
 *   in a caption shows it in the caption's one weight, the editor does not offer bold (nor
 *   lists) while a caption is being written, and editing such an entry again keeps the words.
 *
 * The test issue's month lies in years 2110–2118 (createTestIssue), so runs sharing a database
 * never collide.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import pg from 'pg';
import { pngFromPixels } from '../libs/typeset/testing/images';
import { openRoute, screenshotter, useBrowser } from './browser';
import { api, createTestIssue, login } from './support';

jest.setTimeout(120_000);

const RUN = randomInt(10_000, 100_000);
const PARAGRAPH = '区园林局在碧沙岗公园举办菊花展，展出菊花品种300余个。';
const PHOTO_A = `data:image/png;base64,${pngFromPixels(120, 80, (x, y) => [200, 60 + y, 40 + x]).toString('base64')}`;
const PHOTO_B = `data:image/png;base64,${pngFromPixels(120, 80, (x, y) => [30 + x, 120, 200 - y]).toString('base64')}`;
const CAPTION = '菊花展现场';
const CAPTION_EDITED = '菊花展现场（区园林局供图）';

const figure = (src: string, caption: string) => `<figure><img src="${src}"><figcaption>${caption}</figcaption></figure>`;

interface EntryRecord {
  id: string;
  version: number;
  bodyHtml: string;
}

const browser = useBrowser();
let token: string;
let issue: { id: string; year: number; month: number };
let sectionId: string;

beforeAll(async () => {
  token = await login('editor');
  issue = await createTestIssue(token, 2110);
  sectionId = (await api<Array<{ id: string }>>('GET', '/api/sections', { token })).body[0].id;
});

const screenshot = screenshotter('figure-history');

async function createEntry(title: string, bodyHtml: string): Promise<EntryRecord> {
  const response = await api<EntryRecord>('POST', '/api/entries', {
    token,
    body: { title, sectionId, issueId: issue.id, eventDate: `${issue.year}-${String(issue.month).padStart(2, '0')}-08`, bodyHtml },
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function saveBody(entry: EntryRecord, bodyHtml: string): Promise<EntryRecord> {
  const response = await api<EntryRecord>('PUT', `/api/entries/${entry.id}`, { token, body: { version: entry.version, bodyHtml } });
  expect(response.status).toBe(200);
  return response.body;
}

describe('修改历史 shows what changed in the photos', () => {
  let page: Page;
  let entryId: string;

  beforeAll(async () => {
    // Version 1 text only; 2 adds a photo; 3 changes its caption; 4 swaps the photo; 5 removes it.
    let entry = await createEntry(`图片历史${RUN}：区园林局举办菊花展`, `<p>${PARAGRAPH}</p>`);
    entryId = entry.id;
    entry = await saveBody(entry, `<p>${PARAGRAPH}</p>${figure(PHOTO_A, CAPTION)}`);
    entry = await saveBody(entry, `<p>${PARAGRAPH}</p>${figure(PHOTO_A, CAPTION_EDITED)}`);
    entry = await saveBody(entry, `<p>${PARAGRAPH}</p>${figure(PHOTO_B, CAPTION_EDITED)}`);
    entry = await saveBody(entry, `<p>${PARAGRAPH}</p>`);
    expect(entry.version).toBe(5);
  });

  const [session] = browser.sessions(['editor']);
  beforeAll(async () => {
    page = session.page;
    await openRoute(page, `/entries/${entryId}/show/history`);
    await page.locator('[data-testid="revision-diff"]').waitFor();
  });

  /** Compares version `older` with version `newer`, picked in the table as a person does. */
  async function compare(older: number, newer: number): Promise<void> {
    await page.getByRole('radio', { name: `以第 ${newer} 版为较新的版本` }).check();
    await page.getByRole('radio', { name: `以第 ${older} 版为较早的版本` }).check();
    await page.locator('[data-testid="revision-diff"] h3', { hasText: new RegExp(`第 ${older} 版.*→.*第 ${newer} 版`) }).waitFor();
  }

  const diff = () => page.locator('[data-testid="revision-diff"]');
  const summary = () => diff().locator('[data-testid="diff-figures-summary"]').innerText();

  /** The text of the body reads the same on both sides, and the comparison does not say the versions are alike. */
  async function textUnchanged(): Promise<void> {
    await expect(diff().locator('[data-testid="diff-body"] ins, [data-testid="diff-body"] del').count()).resolves.toBe(0);
    await expect(diff().innerText()).resolves.not.toContain('两个版本的文字相同');
  }

  it('names a photo removed, by default comparing the latest version with the last one that differs', async () => {
    await page.locator('[data-testid="revision-diff"] h3', { hasText: /第 4 版.*→.*第 5 版/ }).waitFor();
    await expect(summary()).resolves.toBe('删除图片 1 张');
    const removed = diff().locator('[data-testid="diff-figure"][data-kind="removed"]');
    await expect(removed.locator('[data-testid="diff-figure-removed"]').getAttribute('src')).resolves.toBe(PHOTO_B);
    await expect(removed.locator('del').innerText()).resolves.toBe(CAPTION_EDITED);
    await textUnchanged();
    await screenshot(page, '01-removed');
  });

  it('names a photo added, a photo replaced and a caption changed', async () => {
    await compare(1, 2);
    await expect(summary()).resolves.toBe('新增图片 1 张');
    const added = diff().locator('[data-testid="diff-figure"][data-kind="added"]');
    await expect(added.locator('[data-testid="diff-figure-added"]').getAttribute('src')).resolves.toBe(PHOTO_A);
    await expect(added.locator('ins').innerText()).resolves.toBe(CAPTION);
    await textUnchanged();
    await screenshot(page, '02-added');

    await compare(2, 3);
    await expect(summary()).resolves.toBe('修改图注 1 处');
    const caption = diff().locator('[data-testid="diff-figure-caption"]');
    await expect(caption.locator('ins').allInnerTexts()).resolves.toEqual(['（区园林局供图）']);
    await expect(caption.locator('del').count()).resolves.toBe(0);
    await textUnchanged();
    await screenshot(page, '03-caption');

    await compare(3, 4);
    await expect(summary()).resolves.toBe('更换图片 1 张');
    const replaced = diff().locator('[data-testid="diff-figure"][data-kind="replaced"]');
    await expect(replaced.locator('[data-testid="diff-figure-removed"]').getAttribute('src')).resolves.toBe(PHOTO_A);
    await expect(replaced.locator('[data-testid="diff-figure-added"]').getAttribute('src')).resolves.toBe(PHOTO_B);
    await textUnchanged();
    await screenshot(page, '04-replaced');

    // Across several versions the changes add up: from none to the swapped, re-captioned photo.
    await compare(1, 4);
    await expect(summary()).resolves.toBe('新增图片 1 张');
    expect(session.pageErrors).toEqual([]);
    expect(session.apiFailures).toEqual([]);
  });
});

describe('a caption is plain text, as the PDF prints it', () => {
  const [session] = browser.sessions(['editor']);
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('is stored as its plain words when sent with bold', async () => {
    const entry = await createEntry(`图注测试${RUN}：加粗图注`, `<p>${PARAGRAPH}</p>${figure(PHOTO_A, '<strong>记者 韩娟</strong> 摄')}<p><strong>正文加粗</strong></p>`);
    expect(entry.bodyHtml).toContain('<figcaption>记者 韩娟 摄</figcaption>');
    // Bold in the text itself is kept: the PDF prints it.
    expect(entry.bodyHtml).toContain('<p><strong>正文加粗</strong></p>');
  });

  it('shows a caption stored earlier with bold in one weight, does not offer bold in a caption, and keeps its words on a new edit', async () => {
    const entry = await createEntry(`图注测试${RUN}：早先的加粗图注`, `<p>${PARAGRAPH}</p>`);
    // A body from before captions were plain text, written straight into the database.
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    try {
      await client.query('UPDATE entries SET body_html = $1 WHERE id = $2', [`<p>${PARAGRAPH}</p>${figure(PHOTO_A, '<strong>记者 韩娟</strong> 摄')}`, entry.id]);
    } finally {
      await client.end();
    }

    await openRoute(page, `/entries/${entry.id}/show`);
    const shown = page.locator('[data-testid="entry-body"] figcaption');
    await shown.waitFor();
    const weights = await shown.evaluate(caption => [caption, ...Array.from(caption.querySelectorAll('strong'))].map(element => getComputedStyle(element).fontWeight));
    expect(new Set(weights).size).toBe(1);
    expect(Number(weights[0])).toBeLessThan(600);

    await openRoute(page, `/entries/${entry.id}/edit`);
    const bold = page.getByRole('button', { name: '加粗' });
    const caption = page.getByRole('textbox', { name: '图片说明' });
    await expect(caption.inputValue()).resolves.toBe('记者 韩娟 摄');
    await page.locator('.ProseMirror p').first().click();
    await expect(bold.isEnabled()).resolves.toBe(true);
    await caption.click();
    await expect(bold.isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '项目符号列表' }).isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-testid="caption-plain-text"]').innerText()).resolves.toBe('图注按印刷效果为纯文本，不能加粗或分项');
    await page.keyboard.press('Control+b');
    await page.keyboard.press('End');
    await page.keyboard.type('（资料图）');
    await screenshot(page, '05-caption-plain');
    // Back in the text, bold is offered again.
    await page.locator('.ProseMirror p').first().click();
    await expect(bold.isEnabled()).resolves.toBe(true);

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    const saved = await api<EntryRecord>('GET', `/api/entries/${entry.id}`, { token });
    expect(saved.body.bodyHtml).toContain('<figcaption>记者 韩娟 摄（资料图）</figcaption>');
    expect(saved.body.bodyHtml).toContain(`<p>${PARAGRAPH}</p>`);
    expect(session.pageErrors).toEqual([]);
    expect(session.apiFailures).toEqual([]);
  });
});
