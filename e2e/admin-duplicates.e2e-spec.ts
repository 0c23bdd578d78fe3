/**
 * 可能重复的条目 in the admin (issue 15 item 4), in a real browser against the running stack:
 * while an editor writes an entry, the entries of a few days around its event date with a
 * similar title are listed below the form with their score; an entry is not its own duplicate;
 * a source article's page, and the result of a page import, list the entries that may already
 * record its event.
 *
 * Test data is its own: an issue from createTestIssue (years 2160–2168) and a made-up place of
 * five rare characters, so that no other test's entries (nor earlier runs') are alike.
 */
import { randomInt } from 'node:crypto';
import type { Page, Response } from 'playwright-core';
import * as path from 'node:path';
import { openRoute, SCREENSHOT_DIR, screenshotter, useBrowser } from './browser';
import { api, createTestIssue, login, waitFor } from './support';

jest.setTimeout(120_000);

const RARE = [...'淼焱垚鑫犇骉燚琰瑾璟翊昕煜曦珏玥琮瑄晗昱旻炜烜铧钊鋆錡蕤萱'];
const PLACE = Array.from({ length: 5 }, () => RARE[randomInt(RARE.length)]).join('');
const EXISTING_TITLE = `徐立毅出席${PLACE}双创园开园仪式`;
const NEW_TITLE = `${PLACE}双创园正式开园 徐立毅出席`;
const NEW_BODY = `${PLACE}双创园正式开园，区委书记徐立毅出席仪式并参观园区。`;

interface IssueRecord { id: string; year: number; month: number; serialNumber: number }

const browser = useBrowser();
const screenshot = screenshotter('duplicates');
let editorToken: string;
let issue: IssueRecord;
let section: { id: string; name: string };
let existingId: string;

const day = (n: number) => `${issue.year}-${String(issue.month).padStart(2, '0')}-${String(n).padStart(2, '0')}`;

/** The next answer to POST /api/search/duplicates whose question passes `test`. */
const duplicatesAnswer = (page: Page, test: (body: Record<string, unknown>) => boolean = () => true): Promise<Response> =>
  page.waitForResponse((response) => {
    if (!response.url().endsWith('/api/search/duplicates') || response.request().method() !== 'POST') return false;
    return test(JSON.parse(response.request().postData() ?? '{}') as Record<string, unknown>);
  });

const panel = (page: Page) => page.locator('[data-testid="duplicate-candidates"]');
const candidate = (page: Page, id: string) => panel(page).locator(`[data-testid="duplicate-candidate"][data-entry-id="${id}"]`);

beforeAll(async () => {
  editorToken = await login('editor');
  issue = await createTestIssue<IssueRecord>(editorToken, 2160);
  // A section the form offers (active ones only).
  section = (await api<Array<{ id: string; name: string; active: boolean }>>('GET', '/api/sections', { token: editorToken })).body.find((item) => item.active)!;
  const created = await api<{ id: string }>('POST', '/api/entries', {
    token: editorToken,
    body: {
      title: EXISTING_TITLE,
      sectionId: section.id,
      issueId: issue.id,
      eventDate: day(10),
      bodyHtml: `<p>${issue.month}月10日，${PLACE}双创园举行开园仪式，区委书记徐立毅出席并参观园区。</p>`,
    },
  });
  if (created.status !== 201) throw new Error(`creating the existing entry failed: ${created.status} ${JSON.stringify(created.body)}`);
  existingId = created.body.id;
});

describe('possible duplicates in the admin', () => {
  const [editor] = browser.sessions(['editor']);
  let newId: string;

  it('lists the entry already written while a similar one is typed, with its score, without taking the focus', async () => {
    const { page } = editor;
    await openRoute(page, `/entries/create?source=${encodeURIComponent(JSON.stringify({ issueId: issue.id }))}`);
    const issuePicker = page.getByRole('combobox', { name: '所属期次' });
    await issuePicker.waitFor();
    await waitFor(async () => ((await issuePicker.inputValue()).includes(`总第${issue.serialNumber}期`) ? true : undefined), 10_000);
    await page.getByRole('combobox', { name: '栏目' }).click();
    await page.getByRole('option', { name: section.name, exact: true }).click();
    await page.locator('input[name="eventDate"]').fill(day(11));

    // Three characters name no event: nothing is asked, nothing shown.
    const title = page.locator('input[name="title"]');
    const asked: string[] = [];
    const count = (request: { url(): string }) => {
      if (request.url().endsWith('/api/search/duplicates')) asked.push(request.url());
    };
    page.on('request', count);
    await title.click();
    await page.keyboard.type(PLACE.slice(0, 3));
    await page.waitForTimeout(1500);
    page.off('request', count);
    expect(asked).toEqual([]);
    expect(await panel(page).count()).toBe(0);

    await title.fill('');
    const answered = duplicatesAnswer(page, (body) => body.title === NEW_TITLE);
    await page.keyboard.type(NEW_TITLE);
    const answer = await answered;
    expect(answer.status()).toBe(200);
    expect(JSON.parse(answer.request().postData() ?? '{}')).toMatchObject({ title: NEW_TITLE, eventDate: day(11) });
    expect(JSON.parse(answer.request().postData() ?? '{}')).not.toHaveProperty('excludeEntryId');

    const existing = candidate(page, existingId);
    await existing.waitFor();
    await expect(panel(page).locator('h3').innerText()).resolves.toMatch(/可能重复的条目/);
    await expect(existing.locator('[data-testid="duplicate-title"]').innerText()).resolves.toBe(EXISTING_TITLE);
    await expect(existing.locator('[data-testid="duplicate-title"]').getAttribute('target')).resolves.toBe('_blank');
    await expect(existing.locator('[data-testid="duplicate-score"]').innerText()).resolves.toMatch(/^\d{1,3}% (很可能重复|可能重复|相似)$/);
    await expect(existing.locator('[data-testid="duplicate-where"]').innerText()).resolves.toBe(
      `${issue.year}年${issue.month}月10日 · 总第${issue.serialNumber}期 · ${section.name}`,
    );
    await expect(existing.innerText()).resolves.toContain('草稿');
    await expect(existing.locator('[data-testid="duplicate-shared"]').innerText()).resolves.toContain('开园');
    // Typing went on in the title: the list below took nothing from it.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('title');
    expect(await title.inputValue()).toBe(NEW_TITLE);

    // The body's text goes with the question, once the typing pauses.
    const withBody = duplicatesAnswer(page, (body) => typeof body.text === 'string' && body.text.includes('参观园区'));
    await page.locator('.ProseMirror').click();
    await page.keyboard.type(NEW_BODY);
    await withBody;
    await existing.waitFor();
    await screenshot(page, '01-entry-form');
    await panel(page).screenshot({ path: path.join(SCREENSHOT_DIR, 'duplicates-01-panel.png') });

    await page.getByRole('button', { name: '保存' }).click();
    // Its page, or its form again when the fonts lack one of the made-up place's characters.
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/(show|edit)$/);
    newId = /#\/entries\/([0-9a-f-]+)\/(show|edit)$/.exec(page.url())?.[1] ?? '';
    expect(newId).not.toBe('');
    expect(editor.pageErrors).toEqual([]);
  });

  it('does not list the entry being edited as its own duplicate', async () => {
    const { page } = editor;
    const answered = duplicatesAnswer(page, (body) => body.excludeEntryId === existingId);
    await openRoute(page, `/entries/${existingId}/edit`);
    expect((await answered).status()).toBe(200);
    // The entry just written is listed; the one open is not.
    await candidate(page, newId).waitFor();
    await expect(candidate(page, newId).locator('[data-testid="duplicate-title"]').innerText()).resolves.toBe(NEW_TITLE);
    expect(await candidate(page, existingId).count()).toBe(0);
    await screenshot(page, '02-entry-edit');
  });

  it('shows nothing, and no error, when the question fails', async () => {
    const { page } = editor;
    await page.route('**/api/search/duplicates', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"内部错误"}' }));
    try {
      const answered = duplicatesAnswer(page);
      await openRoute(page, `/entries/${existingId}/edit`);
      await page.locator('input[name="title"]').waitFor();
      expect((await answered).status()).toBe(500);
      await page.waitForTimeout(500);
      expect(await panel(page).count()).toBe(0);
      expect(await page.getByRole('alert').filter({ hasText: '内部错误' }).count()).toBe(0);
    } finally {
      await page.unroute('**/api/search/duplicates');
    }
  });

  it('lists the entries that may already record a source article\'s event on its page', async () => {
    const { page } = editor;
    const source = await api<{ id: string }>('POST', '/api/sources', {
      token: editorToken,
      body: { newspaper: '中原区报', issueDate: day(12), headline: `${PLACE}双创园开园`, text: `本报讯 ${PLACE}双创园日前开园，区委书记徐立毅出席开园仪式。` },
    });
    expect(source.status).toBe(201);
    const answered = duplicatesAnswer(page, (body) => body.sourceId === source.body.id);
    await openRoute(page, `/sources/${source.body.id}/show`);
    const question = JSON.parse((await answered).request().postData() ?? '{}');
    expect(question).toEqual({ title: `${PLACE}双创园开园`, sourceId: source.body.id });
    const existing = candidate(page, existingId);
    await existing.waitFor();
    await expect(existing.locator('[data-testid="duplicate-title"]').innerText()).resolves.toBe(EXISTING_TITLE);
    await expect(existing.locator('[data-testid="duplicate-score"]').innerText()).resolves.toMatch(/^\d{1,3}% /);
    await screenshot(page, '03-source-show');

    // A title opens the entry's page.
    await existing.locator('[data-testid="duplicate-title"]').click();
    await page.waitForURL(new RegExp(`#/entries/${existingId}/show$`));
    expect(editor.pageErrors).toEqual([]);
  });

  it('lists, for an article a page import saved, the entries that may already record its event', async () => {
    const { page } = editor;
    const headline = `${PLACE}双创园昨日开园`;
    await openRoute(page, '/source-imports');
    await page.locator('input[name="newspaper"]').fill(`重复检查测试报${PLACE}`);
    await page.locator('input[name="issueDate"]').fill(day(12));
    await page.locator('textarea[name="text"]').fill(`${headline}\n\n本报讯 ${PLACE}双创园昨日开园，区委书记徐立毅出席开园仪式并参观园区，首批入驻企业二十家。\n`);
    await page.getByRole('button', { name: '拆分文章' }).click();
    await page.getByTestId('import-article').first().waitFor();
    await page.getByTestId('import-save').click();
    await page.getByTestId('import-saved').waitFor();
    const existing = candidate(page, existingId);
    await existing.waitFor();
    await expect(panel(page).innerText()).resolves.toContain(`“${headline}”`);
    await expect(existing.locator('[data-testid="duplicate-title"]').innerText()).resolves.toBe(EXISTING_TITLE);
    await expect(existing.locator('[data-testid="duplicate-score"]').innerText()).resolves.toMatch(/^\d{1,3}% /);
    await screenshot(page, '04-import-saved');
    expect(editor.pageErrors).toEqual([]);
  });
});
