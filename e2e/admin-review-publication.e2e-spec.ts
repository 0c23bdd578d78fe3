/**
 * Review and publication in the admin, in a real browser against the running stack
 * (scripts/test.mjs starts it and passes its URL in E2E_BASE_URL).
 *
 * Journey: an editor writes an entry with a rich-text body and an event date in a new issue
 * and submits it; a reviewer tries to return it without a comment (told in Chinese to write
 * one), then returns it with one; the editor reads the comment on the entry, fixes the body
 * and resubmits; in the issue's assembly the editor adds an entry that was in no issue,
 * reorders the issue with the keyboard and saves, submits the rest and sends the issue to
 * review; the reviewer sees the requested change in the entry's history diff, approves it,
 * is refused the sign-off while other entries wait (the server names them), approves them,
 * signs off and publishes after a confirmation; a final PDF is made with its progress bar,
 * downloaded, and read back with pdftotext. On the published issue a reviewer (and an
 * editor) finds no editing controls.
 *
 * Test data is its own: a fresh issue from createTestIssue (years 2060–2068) and titles with
 * a random suffix; the shared demo users are only signed in as, never changed.
 */
import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { openRoute, screenshotter, useBrowser } from './browser';
import { api, compact, createTestIssue, login, pdfPages, waitFor } from './support';

jest.setTimeout(120_000);

const SUFFIX = String(randomInt(100_000, 999_999));
const TITLE = `审核测试${SUFFIX}：区政府召开防汛工作会议`;
const SECOND_TITLE = `审核测试${SUFFIX}：区人大常委会视察河道治理`;
const LOOSE_TITLE = `审核测试${SUFFIX}：街道开展垃圾分类宣传`;
const BOLD_WORD = '汛期各项工作';
const FIX = '会议由区长主持，各街道和区直部门负责人参加。';
const RETURN_COMMENT = '请补充会议的主持人和参会单位。';

interface IssueRecord {
  id: string;
  serialNumber: number;
  coverageStart: string;
}

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });

const screenshot = screenshotter('review');

const open = (page: Page, route: string) => openRoute(page, route);

/** The workflow status chip of the page's record, once it reads `label`. */
async function statusIs(page: Page, label: string): Promise<void> {
  await page.locator('#main-content .MuiChip-root', { hasText: new RegExp(`^${label}$`) }).first().waitFor();
}

/** The row of an entry in the issue's table of contents. */
const tocRow = (page: Page, title: string): Locator => page.locator('[data-testid="issue-entry-row"]').filter({ hasText: title });

/** The success or error notification that says `text`. */
async function notification(page: Page, text: string | RegExp): Promise<string> {
  const alert = page.getByRole('alert').filter({ hasText: text });
  await alert.first().waitFor();
  return (await alert.first().innerText()).trim();
}

describe('an entry and an issue on their way to publication', () => {
  let editorToken: string;
  let issue: IssueRecord;
  let eventDate: string;
  let entryId: string;
  let secondId: string;
  let looseId: string;

  beforeAll(async () => {
    editorToken = await login('editor');
    issue = await createTestIssue<IssueRecord>(editorToken, 2060);
    eventDate = `${issue.coverageStart.slice(0, 8)}17`;
    const sections = (await api<{ id: string; name: string }[]>('GET', '/api/sections', { token: editorToken })).body;
    const politics = sections.find(section => section.name === '时政要点')!.id;
    const livelihood = sections.find(section => section.name === '民生视点')!.id;
    const create = async (title: string, sectionId: string, issueId: string | null) => {
      const response = await api('POST', '/api/entries', {
        token: editorToken,
        body: { title, sectionId, issueId, eventDate, bodyHtml: `<p>${Number(eventDate.slice(5, 7))}月17日，${title.split('：')[1]}。</p>` },
      });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    secondId = await create(SECOND_TITLE, politics, issue.id);
    looseId = await create(LOOSE_TITLE, livelihood, null);
  });

  const [editor, reviewer] = browser.sessions(['editor', 'reviewer']);

  it('lets the editor write an entry with a rich-text body and an event date, and submit it', async () => {
    const { page } = editor;
    await screenshot(page, '01-editor-dashboard');
    await open(page, `/issues/${issue.id}/show`);
    await page.getByRole('link', { name: '在本期新建条目' }).click();
    await page.waitForURL(/#\/entries\/create/);
    await page.locator('input[name="title"]').fill(TITLE);
    await page.getByRole('combobox', { name: '栏目' }).click();
    await page.getByRole('option', { name: '时政要点' }).click();
    await page.locator('input[name="eventDate"]').fill(eventDate);
    const body = page.locator('.ProseMirror');
    await body.click();
    await page.keyboard.type(`${Number(eventDate.slice(5, 7))}月17日，区政府召开防汛工作会议，部署`);
    await page.keyboard.press('Control+B');
    await page.keyboard.type(BOLD_WORD);
    await page.keyboard.press('Control+B');
    await page.keyboard.type('。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('会议要求各部门压实责任，确保安全度汛。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    entryId = /#\/entries\/([0-9a-f-]+)\/show$/.exec(page.url())?.[1] ?? '';
    await page.locator('[data-testid="entry-body"] strong').waitFor();
    await statusIs(page, '草稿');

    await page.getByRole('button', { name: '提交审核' }).click();
    await notification(page, '已提交审核');
    await statusIs(page, '待审');
    // Under review the editor cannot change it, and is told how to get it back.
    await expect(page.getByRole('link', { name: '编辑' }).count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="entry-locked-notice"]').innerText()).resolves.toContain('请先撤回');
    await page.getByRole('button', { name: '撤回' }).waitFor();
    await screenshot(page, '02-entry-submitted');

    const saved = await api('GET', `/api/entries/${entryId}`, { token: editorToken });
    expect(saved.body).toMatchObject({ title: TITLE, issueId: issue.id, eventDate, status: 'submitted', version: 2 });
    expect(saved.body.bodyHtml).toContain(`<strong>${BOLD_WORD}</strong>`);
  });

  it('lets the reviewer return it, but only with a comment', async () => {
    const { page } = reviewer;
    await open(page, `/issues/${issue.id}/show`);
    const row = tocRow(page, TITLE);
    await row.getByRole('button', { name: '退回修改' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '退回修改' }).click();
    // Nothing is sent without a comment: the dialog says why, in Chinese.
    await expect(dialog.locator('.MuiFormHelperText-root').innerText()).resolves.toBe('请填写修改意见（至少 2 个字）');
    await screenshot(page, '03-return-needs-comment');

    await dialog.getByRole('textbox', { name: '修改意见' }).fill(RETURN_COMMENT);
    await dialog.getByRole('button', { name: '退回修改' }).click();
    await notification(page, '已退回修改');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid="issue-entry-row"][data-status="changes_requested"]').filter({ hasText: TITLE }).waitFor();
    // Returned, the entry is the editor's again: the reviewer has nothing more to press on it.
    await expect(row.getByRole('button').count()).resolves.toBe(0);
    expect(reviewer.apiFailures).toEqual([]);
  });

  it('shows the editor the comment; the editor fixes the entry and submits it again', async () => {
    const { page } = editor;
    await open(page, `/entries/${entryId}/show`);
    const notice = page.locator('[data-testid="entry-returned-notice"]');
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain(RETURN_COMMENT);
    const comment = page.locator('[data-testid="entry-comment"]').filter({ hasText: RETURN_COMMENT });
    const commentText = await comment.innerText();
    expect(commentText).toContain('审核 王芳');
    expect(commentText).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(commentText).toContain('第 2 版');
    await screenshot(page, '04-editor-reads-comment');

    await page.getByRole('link', { name: '编辑' }).click();
    const body = page.locator('.ProseMirror');
    await body.locator('p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(FIX);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    await statusIs(page, '草稿');
    await page.getByRole('button', { name: '提交审核' }).click();
    await notification(page, '已提交审核');
    await statusIs(page, '待审');
    const resubmitted = await api('GET', `/api/entries/${entryId}`, { token: editorToken });
    expect(resubmitted.body).toMatchObject({ status: 'submitted', version: 5 });
    expect(resubmitted.body.bodyText).toContain(FIX);
  });

  it('lets the editor assemble the issue: add an entry, reorder by keyboard, save, then send it to review', async () => {
    const { page } = editor;
    await open(page, `/issues/${issue.id}/show/assembly`);
    const board = page.locator('[data-testid="assembly-board"]');
    await board.waitFor();
    const politics = board.locator('[data-testid="assembly-section"][data-section-name="时政要点"]');
    await politics.locator('[data-testid="assembly-entry"]').nth(1).waitFor();
    // Entries not approved block the sign-off, and say so.
    const mark = politics.locator('[data-testid="assembly-entry"]').filter({ hasText: TITLE }).locator('[data-testid="blocks-sign-off"]');
    await expect(mark.count()).resolves.toBe(1);
    // While the issue is still being written, a draft is expected: a quiet 尚未通过, not an alarm.
    await expect(mark.innerText()).resolves.toBe('尚未通过');

    // An entry in no issue yet, found by searching, is added to its own section.
    await page.getByRole('textbox', { name: '搜索标题或正文' }).fill(`审核测试${SUFFIX}`);
    await page.getByRole('button', { name: `将《${LOOSE_TITLE}》加入本期` }).click();
    const livelihood = board.locator('[data-testid="assembly-section"][data-section-name="民生视点"]');
    await livelihood.locator('[data-testid="assembly-entry"]').filter({ hasText: LOOSE_TITLE }).waitFor();

    // The keyboard moves the first entry of 时政要点 below the second: space, arrow down, space.
    const titlesOf = async (section: Locator) => section.locator('[data-testid="assembly-entry"] a').allInnerTexts();
    const before = await titlesOf(politics);
    expect(before).toEqual([SECOND_TITLE, TITLE]);
    // Space, one arrow, space, as a person presses them; each key once the board has announced
    // the one before. The drop is announced at the new place, and the order stays.
    await politics.locator('[data-testid="assembly-drag-handle"]').first().focus();
    await page.keyboard.press('Space');
    await politics.locator('[data-testid="assembly-drag-handle"][aria-pressed="true"]').waitFor();
    const liveRegion = page.locator('[id^="DndLiveRegion"]');
    // The board listens for the arrow keys once it has announced the pick-up (on a loaded machine
    // an arrow pressed before that was lost, and the entry never moved).
    await liveRegion.filter({ hasText: `已拿起《${SECOND_TITLE}》` }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowDown');
    await liveRegion.filter({ hasText: `《${SECOND_TITLE}》移到了“时政要点”第 2 条` }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await liveRegion.filter({ hasText: `《${SECOND_TITLE}》放在了“时政要点”第 2 条` }).waitFor({ state: 'attached' });
    await expect(titlesOf(politics)).resolves.toEqual([TITLE, SECOND_TITLE]);
    await page.locator('[data-testid="arrangement-unsaved"]').waitFor();
    await screenshot(page, '05-assembly');

    await page.getByRole('button', { name: '保存编排' }).click();
    await notification(page, '编排已保存');
    const arranged = await api('GET', `/api/issues/${issue.id}`, { token: editorToken });
    const titles = arranged.body.sections.map((section: { name: string; entries: { title: string }[] }) => [section.name, section.entries.map(entry => entry.title)]);
    expect(titles).toEqual([
      ['时政要点', [TITLE, SECOND_TITLE]],
      ['民生视点', [LOOSE_TITLE]],
    ]);
    // Read again, the page shows the order saved.
    await page.reload();
    await politics.locator('[data-testid="assembly-entry"]').nth(1).waitFor();
    await expect(titlesOf(politics)).resolves.toEqual([TITLE, SECOND_TITLE]);

    // The other two entries are submitted from the table of contents, then the issue goes to review.
    await page.getByRole('tab', { name: '封面与目录' }).click();
    for (const title of [SECOND_TITLE, LOOSE_TITLE]) {
      await tocRow(page, title).getByRole('button', { name: '提交审核' }).click();
      await page.locator('[data-testid="issue-entry-row"][data-status="submitted"]').filter({ hasText: title }).waitFor();
    }
    await page.getByRole('button', { name: '送审' }).click();
    await notification(page, '已送审');
    await statusIs(page, '送审');
    expect(editor.apiFailures).toEqual([]);
  });

  it('shows the reviewer the requested change in the history diff', async () => {
    const { page } = reviewer;
    await open(page, `/entries/${entryId}/show/history`);
    const diff = page.locator('[data-testid="revision-diff"]');
    await diff.waitFor();
    // Compared by default: the latest version with the last one that read differently (the one returned).
    await expect(diff.innerText()).resolves.toMatch(/第 3 版.*→.*第 5 版/);
    await expect(diff.locator('[data-testid="diff-body"] [data-testid="diff-inserted"]').allInnerTexts()).resolves.toEqual([FIX]);
    await expect(diff.locator('[data-testid="diff-body"] [data-testid="diff-deleted"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="revision-row"]').count()).resolves.toBe(5);
    // A reviewer does not restore versions.
    await expect(page.getByRole('button', { name: '恢复此版本' }).count()).resolves.toBe(0);
    await screenshot(page, '06-history-diff');

    // Any two versions can be compared: the first against the one returned.
    await page.getByRole('radio', { name: '以第 1 版为较早的版本' }).check();
    await page.getByRole('radio', { name: '以第 3 版为较新的版本' }).check();
    await expect(diff.innerText()).resolves.toContain('两个版本的文字相同');
  });

  it('lets the reviewer approve, is refused the sign-off while entries wait, then signs off and publishes', async () => {
    const { page } = reviewer;
    await page.getByRole('tab', { name: '正文' }).click();
    await page.getByRole('button', { name: '通过' }).click();
    await notification(page, '已审核通过');
    await statusIs(page, '已通过');

    await open(page, `/issues/${issue.id}/show`);
    await page.getByRole('button', { name: '签发' }).click();
    const refusal = await notification(page, '不能签发');
    expect(refusal).toBe(`总第${issue.serialNumber}期还有 2 个条目未审核通过，不能签发：《${SECOND_TITLE}》（待审）、《${LOOSE_TITLE}》（待审）。`);
    await screenshot(page, '07-sign-off-refused');

    for (const title of [SECOND_TITLE, LOOSE_TITLE]) {
      await tocRow(page, title).getByRole('button', { name: '通过' }).click();
      await page.locator('[data-testid="issue-entry-row"][data-status="approved"]').filter({ hasText: title }).waitFor();
    }
    await page.getByRole('button', { name: '签发' }).click();
    await notification(page, '已签发');
    await statusIs(page, '已签发');

    await page.getByRole('button', { name: '发布' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm.innerText()).resolves.toContain('发布后本期将被冻结');
    await screenshot(page, '08-publish-confirmation');
    await confirm.getByRole('button', { name: '确认发布' }).click();
    await notification(page, '已发布');
    await statusIs(page, '已发布');
    const published = await api('GET', `/api/issues/${issue.id}`, { token: editorToken });
    expect(published.body.status).toBe('published');
    expect(reviewer.apiFailures).toEqual([`409 POST /api/issues/${issue.id}/sign-off`]);
  });

  it('makes the final PDF with a progress bar; the file, fetched with the token, contains the entry', async () => {
    const { page } = reviewer;
    await page.getByRole('tab', { name: '排版与下载' }).click();
    await page.getByRole('button', { name: '生成正式版' }).click();
    const progress = page.locator('[data-testid="rendition-progress"]');
    await progress.waitFor();
    await expect(progress.getByRole('progressbar').count()).resolves.toBe(1);
    await page.locator('[data-testid="rendition-progress"][data-status="done"]').waitFor({ timeout: 60_000 });
    await expect(progress.innerText()).resolves.toMatch(/正式版已生成：\d+ 页/);
    await screenshot(page, '09-final-rendition');

    const row = page.locator('[data-testid="rendition-row"][data-status="done"][data-kind="final"]').first();
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="rendition-download"]').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`总第${issue.serialNumber}期-正式版\\.pdf$`));
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = compact(pdfPages(pdf).join('\n'));
    expect(text).toContain(compact(TITLE));
    expect(text).toContain(compact(FIX));
  });

  it('shows no editing controls on the published issue, to a reviewer or an editor', async () => {
    for (const { page } of [reviewer, editor]) {
      await open(page, `/issues/${issue.id}/show`);
      await tocRow(page, TITLE).waitFor();
      await expect(page.getByRole('link', { name: '编辑' }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: '在本期新建条目' }).count()).resolves.toBe(0);
      await expect(page.locator('[data-testid^="issue-action-"]').count()).resolves.toBe(0);
      await expect(page.locator('[data-testid="entry-workflow-buttons"]').count()).resolves.toBe(0);

      await page.getByRole('tab', { name: '编排' }).click();
      const readOnly = page.locator('[data-testid="assembly-read-only"]');
      await readOnly.waitFor();
      await expect(readOnly.innerText()).resolves.toContain('已发布');
      await expect(page.locator('[data-testid="assembly-drag-handle"]').count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: '保存编排' }).count()).resolves.toBe(0);
      await expect(page.locator('[data-testid="assembly-remove"]').count()).resolves.toBe(0);

      await open(page, `/entries/${entryId}/show`);
      await page.locator('[data-testid="entry-body"]').waitFor();
      await page.locator('[data-testid="entry-locked-notice"]').or(page.locator('[data-testid="entry-comments"]')).first().waitFor();
      await expect(page.getByRole('link', { name: '编辑' }).count()).resolves.toBe(0);
      await expect(page.locator('[data-testid="entry-workflow-buttons"]').count()).resolves.toBe(0);
    }
    await open(reviewer.page, `/issues/${issue.id}/show/assembly`);
    await reviewer.page.locator('[data-testid="assembly-read-only"]').waitFor();
    await screenshot(reviewer.page, '10-published-read-only');
    expect(reviewer.pageErrors).toEqual([]);
    expect(editor.pageErrors).toEqual([]);
  });
});
