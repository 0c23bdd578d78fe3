/**
 * 编排 (the issue's assembly board) in a real browser against the running stack: an entry moved
 * with the keyboard as a person does it (space, one arrow, space) stays where it was put, is
 * announced there, and is still there once saved and the page read again; a drag that ends where
 * it started leaves nothing to save; 按日期排序 orders a section as a chronicle does; a reader of
 * the issue sees the distribution list separated by "，" (unit names contain "、").
 *
 * Test data is its own: a fresh issue from createTestIssue (years 1980–1988) with four entries
 * of its own in 时政要点; the shared demo users are only signed in as, never changed.
 */
import { randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { openRoute, screenshotter, useBrowser } from './browser';
import { api, createTestIssue, login } from './support';

jest.setTimeout(120_000);

const SUFFIX = String(randomInt(100_000, 999_999));
const title = (what: string) => `编排${SUFFIX}：${what}`;
// In the order they are created (and so placed): the 20th, the month only, the 5th, the 20th again.
const TWENTIETH = title('区政府召开常务会议');
const MONTH_ONLY = title('本月全区完成植树造林');
const FIFTH = title('区人大常委会视察河道');
const TWENTIETH_AGAIN = title('区政协召开专题协商会');

interface IssueRecord {
  id: string;
  year: number;
  month: number;
  version: number;
}

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });
const screenshot = screenshotter('assembly-board');

describe('the assembly board', () => {
  let editorToken: string;
  let issue: IssueRecord;
  const [editor, reviewer] = browser.sessions(['editor', 'reviewer']);

  beforeAll(async () => {
    editorToken = await login('editor');
    issue = await createTestIssue<IssueRecord>(editorToken, 1980);
    const sections = (await api<{ id: string; name: string }[]>('GET', '/api/sections', { token: editorToken })).body;
    const politics = sections.find(section => section.name === '时政要点')!.id;
    const month = `${issue.year}-${String(issue.month).padStart(2, '0')}`;
    const entries: [string, string, 'day' | 'month'][] = [
      [TWENTIETH, `${month}-20`, 'day'],
      [MONTH_ONLY, `${month}-01`, 'month'],
      [FIFTH, `${month}-05`, 'day'],
      [TWENTIETH_AGAIN, `${month}-20`, 'day'],
    ];
    for (const [entryTitle, eventDate, eventDatePrecision] of entries) {
      const created = await api('POST', '/api/entries', {
        token: editorToken,
        body: { title: entryTitle, sectionId: politics, issueId: issue.id, eventDate, eventDatePrecision, bodyText: '原文。' },
      });
      expect(created.status).toBe(201);
    }
  });

  const board = (page: Page) => page.locator('[data-testid="assembly-board"]');
  const politics = (page: Page) => board(page).locator('[data-testid="assembly-section"][data-section-name="时政要点"]');
  const titlesOf = (section: Locator) => section.locator('[data-testid="assembly-entry"] a').allInnerTexts();
  const liveRegion = (page: Page) => page.locator('[id^="DndLiveRegion"]');
  const unsaved = (page: Page) => page.locator('[data-testid="arrangement-unsaved"]');
  const saveButton = (page: Page) => page.getByRole('button', { name: '保存编排' });
  const savedOrder = async () => {
    const read = await api<{ sections: { name: string; entries: { title: string }[] }[] }>('GET', `/api/issues/${issue.id}`, { token: editorToken });
    return read.body.sections.find(section => section.name === '时政要点')!.entries.map(entry => entry.title);
  };

  async function openBoard(page: Page): Promise<void> {
    await openRoute(page, `/issues/${issue.id}/show/assembly`);
    await politics(page).locator('[data-testid="assembly-entry"]').nth(3).waitFor();
  }

  /** Focuses the handle of `entryTitle` and picks it up with the space bar: the handle is held. */
  async function pickUp(page: Page, entryTitle: string): Promise<void> {
    const handle = page.getByRole('button', { name: `拖动《${entryTitle}》调整位置` });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.locator('[data-testid="assembly-drag-handle"][aria-pressed="true"]').waitFor();
    // What a screen reader says stays the pick-up, not "moved to" the place it is still in.
    const pickedUp = liveRegion(page).filter({ hasText: `已拿起《${entryTitle}》` });
    await pickedUp.waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    await expect(pickedUp.count()).resolves.toBe(1);
  }

  it('keeps an entry moved with the keyboard where it was put, says so, and saves it', async () => {
    const { page } = editor;
    await openBoard(page);
    expect(await titlesOf(politics(page))).toEqual([TWENTIETH, MONTH_ONLY, FIFTH, TWENTIETH_AGAIN]);

    // Space, one arrow down, space: the first entry becomes the second.
    await pickUp(page, TWENTIETH);
    await page.keyboard.press('ArrowDown');
    await liveRegion(page).filter({ hasText: `《${TWENTIETH}》移到了“时政要点”第 2 条` }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await liveRegion(page).filter({ hasText: `《${TWENTIETH}》放在了“时政要点”第 2 条` }).waitFor({ state: 'attached' });
    expect(await titlesOf(politics(page))).toEqual([MONTH_ONLY, TWENTIETH, FIFTH, TWENTIETH_AGAIN]);
    // It stays there: nothing puts it back a moment later.
    await page.waitForTimeout(1000);
    expect(await titlesOf(politics(page))).toEqual([MONTH_ONLY, TWENTIETH, FIFTH, TWENTIETH_AGAIN]);
    await unsaved(page).waitFor();
    await screenshot(page, '01-moved-by-keyboard');

    await saveButton(page).click();
    await page.getByRole('alert').filter({ hasText: '编排已保存' }).waitFor();
    await expect(savedOrder()).resolves.toEqual([MONTH_ONLY, TWENTIETH, FIFTH, TWENTIETH_AGAIN]);
    await page.reload();
    await politics(page).locator('[data-testid="assembly-entry"]').nth(3).waitFor();
    expect(await titlesOf(politics(page))).toEqual([MONTH_ONLY, TWENTIETH, FIFTH, TWENTIETH_AGAIN]);
    expect(editor.apiFailures).toEqual([]);
  });

  it('leaves the board clean after a drag that changes nothing', async () => {
    const { page } = editor;
    await openBoard(page);
    const before = await titlesOf(politics(page));

    // Picked up and put back with Escape.
    await pickUp(page, FIFTH);
    await page.keyboard.press('Escape');
    await liveRegion(page).filter({ hasText: `已取消移动，《${FIFTH}》回到原处` }).waitFor({ state: 'attached' });
    // Moved down and up again, then dropped where it started.
    await pickUp(page, FIFTH);
    await page.keyboard.press('ArrowDown');
    await liveRegion(page).filter({ hasText: `《${FIFTH}》移到了“时政要点”第 4 条` }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowUp');
    await liveRegion(page).filter({ hasText: `《${FIFTH}》移到了“时政要点”第 3 条` }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await liveRegion(page).filter({ hasText: `《${FIFTH}》放在了“时政要点”第 3 条` }).waitFor({ state: 'attached' });

    expect(await titlesOf(politics(page))).toEqual(before);
    await expect(unsaved(page).count()).resolves.toBe(0);
    await expect(saveButton(page).isDisabled()).resolves.toBe(true);
    // Nothing unsaved: leaving the page asks nothing.
    await page.getByRole('tab', { name: '封面与目录' }).click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
  });

  it('orders a section by event date as a chronicle does: the month-only event at the month end, ties as they were', async () => {
    const { page } = editor;
    await openBoard(page);
    await politics(page).getByRole('button', { name: '按日期排序' }).click();
    const byDate = [FIFTH, TWENTIETH, TWENTIETH_AGAIN, MONTH_ONLY];
    expect(await titlesOf(politics(page))).toEqual(byDate);
    await unsaved(page).waitFor();
    await expect(saveButton(page).isEnabled()).resolves.toBe(true);
    await screenshot(page, '02-sorted-by-date');

    await saveButton(page).click();
    await page.getByRole('alert').filter({ hasText: '编排已保存' }).waitFor();
    await expect(savedOrder()).resolves.toEqual(byDate);
    await page.reload();
    await politics(page).locator('[data-testid="assembly-entry"]').nth(3).waitFor();
    expect(await titlesOf(politics(page))).toEqual(byDate);
    // Sorting a section already in order changes nothing, and leaves nothing to save.
    await politics(page).getByRole('button', { name: '按日期排序' }).click();
    expect(await titlesOf(politics(page))).toEqual(byDate);
    await expect(unsaved(page).count()).resolves.toBe(0);
    await expect(saveButton(page).isDisabled()).resolves.toBe(true);
  });

  it('shows a reader the distribution list separated by "，", as the PDF prints it', async () => {
    const units = (await api<{ id: string; name: string }[]>('GET', '/api/recipients?sort=["position","ASC"]', { token: editorToken })).body;
    const chosen = [units[0], units[1], units[2]];
    const version = (await api<IssueRecord>('GET', `/api/issues/${issue.id}`, { token: editorToken })).body.version;
    const set = await api('PUT', `/api/issues/${issue.id}/recipients`, { token: editorToken, body: { version, recipientIds: chosen.map(unit => unit.id) } });
    expect(set.status).toBe(200);

    const { page } = reviewer;
    await openRoute(page, `/issues/${issue.id}/show/assembly`);
    const recipients = page.locator('[data-testid="assembly-recipients"]');
    await recipients.waitFor();
    await expect(recipients.innerText()).resolves.toBe(chosen.map(unit => unit.name).join('，'));
  });
});
