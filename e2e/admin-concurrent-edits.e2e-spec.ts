/**
 * When a colleague saved first, in the admin, in a real browser against the running stack
 * (scripts/test.mjs starts it and passes its URL in E2E_BASE_URL).
 *
 * A save that meets a colleague's newer version opens the merge dialog, and keeping one's own
 * changes saves them on top of the colleague's; the first version is then restored from the
 * history as a new version. An arrangement of an issue that a colleague changed meanwhile is
 * not saved over theirs: the editor is told and reloads.
 *
 * Test data is its own: a fresh issue from createTestIssue (years 2060–2068) and titles with
 * a random suffix; the shared demo users are only signed in as, never changed.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { openRoute, screenshotter, useBrowser } from './browser';
import { api, createTestIssue, login, waitFor } from './support';

jest.setTimeout(120_000);

const SUFFIX = String(randomInt(100_000, 999_999));
const MERGE_TITLE = `审核测试${SUFFIX}：区图书馆延长开放时间`;

interface IssueRecord {
  id: string;
  version: number;
  coverageStart: string;
}

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });

const screenshot = screenshotter('review');

const open = (page: Page, route: string) => openRoute(page, route);

/** The success or error notification that says `text`. */
async function notification(page: Page, text: string | RegExp): Promise<string> {
  const alert = page.getByRole('alert').filter({ hasText: text });
  await alert.first().waitFor();
  return (await alert.first().innerText()).trim();
}

describe('an editor whose save meets a colleague’s newer version', () => {
  const [session] = browser.sessions(['editor']);
  let mergedId: string;

  it('sees both versions with the differences, keeps their own change and saves it on top of the colleague’s', async () => {
    const token = await login('editor');
    const sections = (await api<{ id: string }[]>('GET', '/api/sections', { token })).body;
    const created = await api('POST', '/api/entries', {
      token,
      body: { title: MERGE_TITLE, sectionId: sections[4].id, eventDate: '2060-06-05', bodyHtml: '<p>6月5日，区图书馆宣布延长开放时间。</p>' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const { page } = session;
    await open(page, `/entries/${id}/edit`);
    await page.locator('.ProseMirror p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('周末开放至晚上九点。');
    // Meanwhile a colleague corrects the title.
    const colleague = await api('PUT', `/api/entries/${id}`, { token, body: { version: 1, title: `${MERGE_TITLE}（同事修改）` } });
    expect(colleague.status).toBe(200);
    await page.getByRole('button', { name: '保存' }).click();

    const dialog = page.locator('[data-testid="merge-dialog"]');
    await dialog.waitFor();
    await expect(dialog.getByRole('alert').innerText()).resolves.toContain('您打开的是第 1 版，现在是第 2 版');
    await expect(dialog.locator('[data-testid="merge-mine-title"]').innerText()).resolves.toBe(MERGE_TITLE);
    await expect(dialog.locator('[data-testid="merge-server-title"]').innerText()).resolves.toBe(`${MERGE_TITLE}（同事修改）`);
    await expect(dialog.locator('[data-testid="merge-mine-body"]').innerText()).resolves.toContain('周末开放至晚上九点。');
    await expect(dialog.locator('[data-testid="merge-diff"] [data-testid="diff-inserted"]').allInnerTexts()).resolves.toContain('周末开放至晚上九点。');
    await screenshot(page, '11-merge-dialog');

    await dialog.getByRole('button', { name: '保留我的修改并保存' }).click();
    await page.waitForURL(/\/show$/);
    await notification(page, '已保存');
    const saved = await api('GET', `/api/entries/${id}`, { token });
    // The colleague's title stays (the editor did not touch it); the editor's sentence is added.
    expect(saved.body).toMatchObject({ title: `${MERGE_TITLE}（同事修改）`, version: 3 });
    expect(saved.body.bodyText).toBe('6月5日，区图书馆宣布延长开放时间。周末开放至晚上九点。');
    expect(session.apiFailures).toEqual([`409 PUT /api/entries/${id}`]);
    expect(session.pageErrors).toEqual([]);
    mergedId = id;
  });

  it('restores the first version from the history, after confirming, as a new version', async () => {
    const { page } = session;
    const token = await login('editor');
    await open(page, `/entries/${mergedId}/show/history`);
    await page.locator('[data-testid="revision-row"]').nth(2).waitFor();
    await page.locator('[data-testid="revision-row"][data-version="1"]').getByRole('button', { name: '恢复此版本' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm.innerText()).resolves.toContain('保存为新的第 4 版');
    await confirm.getByRole('button', { name: '恢复此版本' }).click();
    await notification(page, '已恢复第 1 版，保存为第 4 版');
    await page.locator('[data-testid="revision-row"][data-version="4"]').waitFor();
    const restored = await api('GET', `/api/entries/${mergedId}`, { token });
    expect(restored.body).toMatchObject({ title: MERGE_TITLE, bodyText: '6月5日，区图书馆宣布延长开放时间。', version: 4 });
    // The diff now shows what the restore took back.
    const diff = page.locator('[data-testid="revision-diff"]');
    await expect(diff.locator('[data-testid="diff-body"] [data-testid="diff-deleted"]').allInnerTexts()).resolves.toEqual(['周末开放至晚上九点。']);
    expect(session.pageErrors).toEqual([]);
  });
});

describe('an editor assembling an issue that a colleague arranged meanwhile', () => {
  const [session] = browser.sessions(['editor']);

  it('is told the issue changed, and reloads instead of overwriting', async () => {
    const token = await login('editor');
    const issue = await createTestIssue<IssueRecord>(token, 2060);
    const sections = (await api<{ id: string; name: string }[]>('GET', '/api/sections', { token })).body;
    const ids: string[] = [];
    for (const title of [`${MERGE_TITLE}（甲）`, `${MERGE_TITLE}（乙）`]) {
      const created = await api('POST', '/api/entries', {
        token,
        body: { title, sectionId: sections[1].id, issueId: issue.id, eventDate: `${issue.coverageStart.slice(0, 8)}05`, bodyText: '测试。' },
      });
      ids.push(created.body.id);
    }
    const { page } = session;
    await open(page, `/issues/${issue.id}/show/assembly`);
    const rows = page.locator('[data-testid="assembly-entry"]');
    await rows.nth(1).waitFor();
    await page.getByRole('button', { name: `将《${MERGE_TITLE}（乙）》从本期移出` }).click();
    await expect(rows.count()).resolves.toBe(1);

    // A colleague puts 乙 first and saves before this editor does.
    const current = (await api<IssueRecord>('GET', `/api/issues/${issue.id}`, { token })).body;
    const arranged = await api('PUT', `/api/issues/${issue.id}/arrangement`, {
      token,
      body: { version: current.version, sections: [{ sectionId: sections[1].id, entryIds: [ids[1], ids[0]] }] },
    });
    expect(arranged.status).toBe(200);

    await page.getByRole('button', { name: '保存编排' }).click();
    const stale = page.locator('[data-testid="assembly-stale"]');
    await stale.waitFor();
    await expect(stale.innerText()).resolves.toContain('已被他人修改');
    await screenshot(page, '15-assembly-stale');
    await stale.getByRole('button', { name: '重新加载' }).click();
    await waitFor(async () => ((await rows.locator('a').allInnerTexts()).join() === [`${MERGE_TITLE}（乙）`, `${MERGE_TITLE}（甲）`].join() ? true : undefined), 10_000);
    // Nothing was overwritten: the colleague's arrangement stands.
    const after = (await api('GET', `/api/issues/${issue.id}`, { token })).body;
    expect(after.sections[0].entries.map((entry: { id: string }) => entry.id)).toEqual([ids[1], ids[0]]);
    expect(session.apiFailures).toEqual([`409 PUT /api/issues/${issue.id}/arrangement`]);
    expect(session.pageErrors).toEqual([]);
  });
});
