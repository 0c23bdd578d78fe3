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
 * editor) finds no editing controls. A save that meets a colleague's newer version opens the
 * merge dialog, and keeping one's own changes saves them on top of the colleague's. An
 * administrator reads the audit trail (登录 among the actions) and the masthead settings.
 *
 * Test data is its own: a fresh issue from createTestIssue (years 2060–2068) and titles with
 * a random suffix; the shared demo users are only signed in as, never changed.
 */
import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openSession as openBrowserSession, type Session, screenshotter, openRoute } from './browser';
import { api, compact, createTestIssue, login, pdfPages, waitFor } from './support';

jest.setTimeout(120_000);

const BASE_URL = process.env.E2E_BASE_URL;
const SCREENSHOT_DIR = path.join(__dirname, '..', 'test-artifacts', 'screenshots');
const PASSWORD = 'demo12345';

const SUFFIX = String(randomInt(100_000, 999_999));
const TITLE = `审核测试${SUFFIX}：区政府召开防汛工作会议`;
const SECOND_TITLE = `审核测试${SUFFIX}：区人大常委会视察河道治理`;
const LOOSE_TITLE = `审核测试${SUFFIX}：街道开展垃圾分类宣传`;
const MERGE_TITLE = `审核测试${SUFFIX}：区图书馆延长开放时间`;
const BOLD_WORD = '汛期各项工作';
const FIX = '会议由区长主持，各街道和区直部门负责人参加。';
const RETURN_COMMENT = '请补充会议的主持人和参会单位。';

interface IssueRecord {
  id: string;
  serialNumber: number;
  version: number;
  coverageStart: string;
  status: string;
}

let browser: Browser | undefined;

beforeAll(async () => {
  if (!BASE_URL) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm test`, which starts the stack.');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const openSession = (username: string) => openBrowserSession(browser, username, PASSWORD, '[data-testid="dashboard"]');

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
  let editor: Session;
  let reviewer: Session;
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
    [editor, reviewer] = await Promise.all([openSession('editor'), openSession('reviewer')]);
  });

  afterAll(async () => {
    await editor?.context.close();
    await reviewer?.context.close();
  });

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
    await politics.locator('[data-testid="assembly-drag-handle"]').first().focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await waitFor(async () => ((await titlesOf(politics)).join() === [TITLE, SECOND_TITLE].join() ? true : undefined), 5000);
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

describe('an editor whose save meets a colleague’s newer version', () => {
  let session: Session;
  let mergedId: string;

  afterAll(async () => {
    await session?.context.close();
  });

  it('sees both versions with the differences, keeps their own change and saves it on top of the colleague’s', async () => {
    const token = await login('editor');
    const sections = (await api<{ id: string }[]>('GET', '/api/sections', { token })).body;
    const created = await api('POST', '/api/entries', {
      token,
      body: { title: MERGE_TITLE, sectionId: sections[4].id, eventDate: '2060-06-05', bodyHtml: '<p>6月5日，区图书馆宣布延长开放时间。</p>' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    session = await openSession('editor');
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
  let session: Session;

  afterAll(async () => {
    await session?.context.close();
  });

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
    session = await openSession('editor');
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

describe('an administrator', () => {
  let session: Session;

  afterAll(async () => {
    await session?.context.close();
  });

  it('reads the audit trail, with actions in Chinese, filtered and opened', async () => {
    session = await openSession('admin');
    const { page } = session;
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL(/#\/audit-events/);
    const actions = page.locator('[data-testid="audit-action"]');
    await actions.first().waitFor();
    await expect(actions.allInnerTexts()).resolves.toContain('登录');
    await screenshot(page, '12-audit-trail');

    // Only publications: the journey's issue is among them, with its state before and after.
    await page.getByRole('combobox', { name: '操作' }).click();
    await page.getByRole('option', { name: '发布期刊' }).click();
    await waitFor(async () => {
      const texts = await actions.allInnerTexts();
      return texts.length > 0 && texts.every(text => text === '发布期刊') ? true : undefined;
    }, 10_000);
    await page.locator('tbody tr').first().click();
    const detail = page.locator('[data-testid="audit-detail"]');
    await detail.waitFor();
    await expect(detail.innerText()).resolves.toContain('"status": "published"');
    await screenshot(page, '13-audit-detail');
  });

  it('opens the masthead settings, with the paper as a choice', async () => {
    const { page } = session;
    await page.getByRole('menuitem', { name: '刊头设置' }).click();
    await page.waitForURL(/#\/settings\/masthead/);
    await expect(page.locator('input[name="publisher"]').inputValue()).resolves.not.toBe('');
    await page.getByRole('combobox', { name: '纸张' }).click();
    await page.getByRole('option', { name: /^A5/ }).waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, '14-masthead-settings');
    // The settings are shared by every test running now: nothing is saved here.
    expect(session.pageErrors).toEqual([]);
    expect(session.apiFailures).toEqual([]);
  });
});
