/**
 * Characters the PDF's fonts lack, in the entry form, in a real browser against the running stack.
 *
 * Journey: an editor opens an entry whose body has an emoji and a CJK compatibility ideograph
 * (as some input methods give) and is told, above the form, which characters will not print and
 * what each becomes. She adds an emoji to the title and saves: the entry is saved, and the form
 * stays open with the new character listed too. One click on 替换或删除这些字符 removes the emoji
 * and puts the usual form of the ideograph in; the notice goes, and the next save has nothing to
 * warn of.
 *
 * The test issue's month lies in years 2190–2198 (createTestIssue), as in figure-checks.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { openRoute, screenshotter, useBrowser } from './browser';
import { api, createTestEntry, login } from './support';

jest.setTimeout(120_000);

const RUN = randomInt(10_000, 100_000);
const TITLE = `字形提示${RUN}：区防汛应急演练圆满完成`;
// U+F900 is a compatibility ideograph; 豈 (U+8C48) is its usual form, which the fonts have.
const COMPATIBILITY = '\uF900';
const PARAGRAPH = `区应急管理局在贾鲁河畔开展防汛应急演练😀，${COMPATIBILITY}止是演练。`;

const browser = useBrowser();
const screenshot = screenshotter('glyph-warning');

describe('an editor is told of characters the fonts lack, and replaces them', () => {
  let page: Page;
  let token: string;
  let entryId: string;

  beforeAll(async () => {
    token = await login('editor');
    ({ entryId } = await createTestEntry(token, 2190, { title: TITLE, bodyHtml: `<p>${PARAGRAPH}</p>`, day: 12 }));
  });

  const [session] = browser.sessions(['editor']);
  beforeAll(() => {
    page = session.page;
  });

  it('shows the warning in the form, keeps the form open after a save that adds one, and replaces them on request', async () => {
    await openRoute(page, `/entries/${entryId}/edit`);
    const warning = page.getByTestId('entry-glyph-warning');
    await warning.waitFor();
    await expect(warning.innerText()).resolves.toContain(`以下字符字体中没有，印刷时无法显示：😀、${COMPATIBILITY}`);
    await expect(warning.innerText()).resolves.toContain(`“😀”将删除（表情符号不印刷）；“${COMPATIBILITY}”（U+F900，兼容字符）将改为通用写法“豈”`);
    await screenshot(page, '01-opened');

    // An emoji typed into the title is saved, and the form says so instead of moving on.
    const title = page.getByLabel('标题');
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type('🎉');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: '已保存，但有字符印刷时无法显示' }).waitFor();
    await expect(warning.innerText()).resolves.toContain(`以下字符字体中没有，印刷时无法显示：🎉、😀、${COMPATIBILITY}`);
    expect(page.url()).toMatch(/#\/entries\/[0-9a-f-]+\/edit$/);
    const saved = (await api('GET', `/api/entries/${entryId}`, { token })).body;
    expect(saved.title).toBe(`${TITLE}🎉`);
    await screenshot(page, '02-saved-with-warning');

    await warning.getByRole('button', { name: '替换或删除这些字符' }).click();
    await warning.waitFor({ state: 'detached' });
    await expect(title.inputValue()).resolves.toBe(TITLE);
    await expect(page.locator('.ProseMirror').innerText()).resolves.toBe('区应急管理局在贾鲁河畔开展防汛应急演练，豈止是演练。');
    await screenshot(page, '03-replaced');

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    const replaced = (await api('GET', `/api/entries/${entryId}`, { token })).body;
    expect(replaced.title).toBe(TITLE);
    expect(replaced.bodyText).toBe('区应急管理局在贾鲁河畔开展防汛应急演练，豈止是演练。');
    expect(replaced.warnings).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
