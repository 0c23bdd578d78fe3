/**
 * Search in the admin, in a real browser against the running stack (issue 15):
 *
 * - the box in the app bar: `/` on the dashboard focuses it (but is typed as a character in a text
 *   field), typing 双创 shows the reference entry 徐立毅出席芝麻街双创园开园仪式 under 条目 with 双创
 *   marked, ArrowDown moves through the results (aria-activedescendant), Enter opens the highlighted
 *   one, Escape closes the list, and 查看全部 N 条结果 opens the full search page;
 * - the full search page: the same results with the total, the help for an empty query, and
 *   没有找到与“…”相符的内容 when nothing matches;
 * - 检索词典: an editor adds a word through the form and is told how many documents were
 *   segmented again with it (at least this file's own source, which contains it), and a search
 *   for the word finds that source under 来稿.
 *
 * Test data is its own: a source (来稿) whose text holds a place name made for this run, and a
 * dictionary word; no issue is made (a test issue would show on every dashboard), and the
 * reference issue 总第97期 is only read.
 */
import { randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { openRoute, screenshotter, settledAfter, useBrowser } from './browser';
import { api, login } from './support';

jest.setTimeout(120_000);

const REFERENCE_TITLE = '徐立毅出席芝麻街双创园开园仪式';
/** A place name of this run: four random characters between two real ones, so no other test has it. */
const RANDOM = Array.from({ length: 4 }, () => '澜湾锦艺融创汇智云谷星河翠苑嵩岳'[randomInt(0, 16)]).join('');
const WORD = `郑${RANDOM}园`;
const SOURCE_HEADLINE = `检索测试：${WORD}开园`;
const NOTHING = `无此词${RANDOM}无此词`;

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });
const screenshot = screenshotter('search');

beforeAll(async () => {
  const editorToken = await login('editor');
  const source = await api('POST', '/api/sources', {
    token: editorToken,
    body: { newspaper: '中原区报', issueDate: '2020-10-08', page: '3', headline: SOURCE_HEADLINE, text: `本月8日，${WORD}正式开园，首批入驻企业12家。` },
  });
  if (source.status !== 201) throw new Error(`creating the test source failed: ${source.status} ${JSON.stringify(source.body)}`);
});

const searchBox = (page: Page) => page.getByRole('combobox', { name: '搜索' });
const popup = (page: Page) => page.getByTestId('search-popup');

/** The id of the element the page's focus is in. */
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

/** Which option the box says is highlighted, and which options say they are. */
async function highlighted(page: Page): Promise<{ active: string | null; selected: string[] }> {
  const active = await searchBox(page).getAttribute('aria-activedescendant');
  const selected = await popup(page).locator('[role="option"][aria-selected="true"]').evaluateAll(options => options.map(option => option.id));
  return { active, selected };
}

describe('the search box in the app bar', () => {
  const [editor] = browser.sessions(['editor']);

  it('is focused by / on the dashboard and shows the reference entry under 条目 with 双创 marked', async () => {
    const { page } = editor;
    await expect(searchBox(page).getAttribute('placeholder')).resolves.toBe('搜索条目、来稿、期刊（按 / 键）');
    // Nothing one types into has the focus: the page itself has it, as after clicking on the dashboard.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    await expect(focusedTestId(page)).resolves.toBe('search-box');
    // The / that moved the focus is not typed into the box.
    await expect(searchBox(page).inputValue()).resolves.toBe('');

    await settledAfter(page, () => page.keyboard.type('双创'));
    const entries = popup(page).getByRole('group', { name: '条目' });
    const reference = entries.getByRole('option').filter({ hasText: REFERENCE_TITLE }).filter({ hasText: '总第97期' });
    await reference.waitFor();
    await expect(searchBox(page).getAttribute('aria-expanded')).resolves.toBe('true');
    // The title is shown with the query's words marked, and the entry's date, issue and section.
    await expect(reference.locator('mark').first().innerText()).resolves.toBe('双创');
    await expect(reference.getByTestId('search-result-details').innerText()).resolves.toMatch(/^2020年9月17日 · 总第97期 · \S+/);
    // 条目 comes first; every group has its Chinese heading.
    const headings = await popup(page).getByRole('group').evaluateAll(groups => groups.map(group => group.getAttribute('aria-labelledby')).map(id => document.getElementById(id!)?.textContent));
    expect(headings[0]).toBe('条目');
    expect(headings.every(heading => ['条目', '来稿', '期刊'].includes(heading ?? ''))).toBe(true);
    await expect(popup(page).getByTestId('search-see-all').innerText()).resolves.toMatch(/^查看全部 \d+ 条结果$/);
    await screenshot(page, '01-popup');
  });

  it('moves through the results with ArrowDown and opens the highlighted entry with Enter', async () => {
    const { page } = editor;
    const options = popup(page).getByRole('option');
    const ids = await options.evaluateAll(all => all.map(option => option.id));
    const reference = popup(page).getByRole('group', { name: '条目' }).getByRole('option').filter({ hasText: REFERENCE_TITLE }).filter({ hasText: '总第97期' });
    const target = await reference.first().getAttribute('id');
    const targetIndex = ids.indexOf(target!);
    expect(targetIndex).toBeGreaterThanOrEqual(0);

    await expect(highlighted(page)).resolves.toEqual({ active: null, selected: [] });
    for (let step = 0; step <= targetIndex; step += 1) {
      await page.keyboard.press('ArrowDown');
      // One row at a time, in the order shown, the box and the row agreeing on which it is.
      await expect(highlighted(page)).resolves.toEqual({ active: ids[step], selected: [ids[step]] });
    }
    // ArrowUp goes back one row; ArrowDown returns.
    if (targetIndex > 0) {
      await page.keyboard.press('ArrowUp');
      await expect(highlighted(page)).resolves.toEqual({ active: ids[targetIndex - 1], selected: [ids[targetIndex - 1]] });
      await page.keyboard.press('ArrowDown');
    }
    await expect(highlighted(page)).resolves.toEqual({ active: target, selected: [target] });

    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    await page.locator('#main-content h2', { hasText: REFERENCE_TITLE }).waitFor();
    await expect(popup(page).count()).resolves.toBe(0);
  });

  it('closes with Escape, and types / as a character in a text field', async () => {
    const { page } = editor;
    await searchBox(page).click();
    await popup(page).getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    await popup(page).waitFor({ state: 'hidden' });
    await expect(searchBox(page).getAttribute('aria-expanded')).resolves.toBe('false');

    await openRoute(page, '/entries');
    const listSearch = page.getByRole('textbox', { name: '搜索' });
    await listSearch.click();
    await page.keyboard.type('a/b');
    await expect(listSearch.inputValue()).resolves.toBe('a/b');
    await expect(focusedTestId(page)).resolves.not.toBe('search-box');
  });

  it('opens the full search page from 查看全部 N 条结果, with the same total and the results grouped', async () => {
    const { page } = editor;
    // From a fresh dashboard: the entries list of the last test would still apply its filter
    // (react-admin debounces it), taking the address back to itself.
    await openRoute(page, '/');
    await page.getByTestId('dashboard').waitFor();
    await searchBox(page).fill('');
    await settledAfter(page, () => page.keyboard.type('双创'));
    await expect(searchBox(page).inputValue()).resolves.toBe('双创');
    const seeAll = popup(page).getByTestId('search-see-all');
    const total = Number(/查看全部 (\d+) 条结果/.exec(await seeAll.innerText())?.[1]);
    expect(total).toBeGreaterThan(0);
    // ArrowUp from the box goes to the last row: 查看全部.
    await page.keyboard.press('ArrowUp');
    await expect(seeAll.getAttribute('aria-selected')).resolves.toBe('true');
    await settledAfter(page, () => page.keyboard.press('Enter'));
    await page.waitForURL(`**/#/search?q=${encodeURIComponent('双创')}`);
    const results = page.getByTestId('search-page');
    await expect(results.getByTestId('search-total').innerText()).resolves.toBe(`共 ${total} 条结果`);
    await results.getByTestId('search-group-entry').getByRole('link').filter({ hasText: REFERENCE_TITLE }).first().waitFor();
    await screenshot(page, '02-search-page');

    // Narrowed to the section 本期焦点: only entries of that section are left, and the address keeps the filter.
    await page.getByRole('combobox', { name: '栏目' }).click();
    await settledAfter(page, () => page.getByRole('option', { name: '本期焦点' }).click());
    await page.waitForURL(/[?&]sectionId=/);
    await results.getByTestId('search-group-entry').getByRole('link').filter({ hasText: REFERENCE_TITLE }).first().waitFor();
    const details = await results.getByTestId('search-result-details').allInnerTexts();
    expect(details.length).toBeGreaterThan(0);
    expect(details.every(line => line.endsWith(' · 本期焦点'))).toBe(true);
    expect(details.length).toBeLessThan(total);
  });

  it('explains the syntax for an empty query and says when nothing matches', async () => {
    const { page } = editor;
    await openRoute(page, '/search');
    await expect(page.getByTestId('search-help').innerText()).resolves.toContain('多个词用空格分隔（须全部出现），"引号" 精确匹配短语，-词 排除');
    await settledAfter(page, async () => {
      await page.getByTestId('search-page-input').fill(NOTHING);
      await page.keyboard.press('Enter');
    });
    await expect(page.getByTestId('search-nothing').innerText()).resolves.toBe(`没有找到与“${NOTHING}”相符的内容`);
  });
});

describe('检索词典', () => {
  const [editor] = browser.sessions(['editor']);

  /** The form's inputs, by label. */
  const field = (page: Page, label: string): Locator => page.getByRole('textbox', { name: label });

  it("lets an editor add a word, refusing one with a space, and says how many documents were segmented again", async () => {
    const { page } = editor;
    await page.getByRole('menuitem', { name: '检索词典' }).click();
    await page.waitForURL(/#\/search-terms/);
    await page.getByRole('link', { name: '新建' }).click();
    await page.waitForURL(/#\/search-terms\/create/);

    await field(page, '词语').fill(`郑${RANDOM} 园`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('词语不能含空格').waitFor();

    await field(page, '词语').fill(WORD);
    await page.getByRole('combobox', { name: '类别' }).click();
    await page.getByRole('option', { name: '地名' }).click();
    await field(page, '备注').fill('检索测试园区');
    await page.getByRole('button', { name: '保存' }).click();

    const notice = page.getByRole('alert').filter({ hasText: /已保存；\d+ 篇文档已按新词重新分词/ });
    await notice.waitFor();
    const reindexed = Number(/已保存；(\d+) 篇/.exec(await notice.innerText())?.[1]);
    // This file's source holds the word, so it at least was segmented again.
    expect(reindexed).toBeGreaterThanOrEqual(1);
    await screenshot(page, '03-dictionary-saved');

    // Back on the list, the word is there with its kind in Chinese.
    await page.waitForURL(/#\/search-terms(\?.*)?$/);
    const row = page.getByRole('row').filter({ hasText: WORD });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('地名');

    // The box finds the source by the word, under 来稿, with the newspaper and page.
    await searchBox(page).click();
    await page.keyboard.type(WORD);
    const found = popup(page).getByRole('group', { name: '来稿' }).getByRole('option').filter({ hasText: SOURCE_HEADLINE });
    await found.waitFor();
    await expect(found.getByTestId('search-result-details').innerText()).resolves.toBe('2020年10月8日 · 中原区报 3');
    expect(editor.pageErrors).toEqual([]);
  });
});
