/**
 * Editing in the admin, in a real browser against the running stack (scripts/test.mjs starts
 * it and passes its URL in E2E_BASE_URL).
 *
 * Journey: an editor creates a new issue, writes an entry in it (two paragraphs, one word in
 * bold, an event date, a linked source shown beside the body), sees the character count,
 * saves, edits it, is told in Chinese when someone else saved in between, finds it in the
 * entries list filtered by the issue, renders a proof from the issue page, follows the progress
 * bar, and downloads a PDF that contains the entry. Saving an empty entry shows Chinese
 * validation messages; leaving a changed form asks first. A reviewer is offered no create or
 * edit of entries; only an administrator sees the users.
 *
 * Issue serial numbers (≥ 9000) and months (years ≥ 2040) are random, so that runs sharing a
 * database never collide.
 */
import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterRender, openRoute, screenshotter, settledAfter, useBrowser } from './browser';
import { api, compact, login, pdfPages, waitFor } from './support';

jest.setTimeout(90_000);


const SERIAL = 9000 + randomInt(0, 90_000);
const YEAR = 2040 + randomInt(0, 160);
const MONTH = randomInt(1, 13);
const MM = String(MONTH).padStart(2, '0');
const ISSUE_LABEL = `总第${SERIAL}期`;
const TITLE = `测试条目${SERIAL}：区政府召开防汛工作会议`;
const PARAGRAPH_ONE = `${MONTH}月17日，区政府召开防汛工作专题会议，部署汛期各项工作。`;
const PARAGRAPH_TWO_BEFORE = '会议强调要把';
const BOLD_WORD = '人民群众生命安全';
const PARAGRAPH_TWO_AFTER = '放在首位，压实各级责任。';
const HAN = /[\u4e00-\u9fff]/;

/** Characters as the admin counts them: no markup, no spaces. */
const characterCount = (...texts: string[]) => Array.from(texts.join('').replace(/\s+/g, '')).length;

const browser = useBrowser();

const screenshot = screenshotter('edit');

const open = (page: Page, route: string) => openRoute(page, route);

/** The helper text under an input (react-admin marks each input `ra-input-<source>`), where validation messages show. */
function helperTextOf(page: Page, source: string) {
  return page.locator(`.ra-input-${source} .MuiFormHelperText-root`).first();
}

describe('an editor at work', () => {
  let page: Page;
  let editorToken: string;
  let sourceHeadline: string;
  let issueId: string;
  let entryId: string;

  beforeAll(async () => {
    editorToken = await login('editor');
    // A source article with a reporter's byline, as an editor would have imported it.
    const reporter = await api('POST', '/api/contributors', {
      token: editorToken,
      body: { name: `测试记者${SERIAL}`, role: 'reporter', organisation: '中原区融媒体中心' },
    });
    expect(reporter.status).toBe(201);
    sourceHeadline = `测试来稿${SERIAL}：区防汛会议召开`;
    const source = await api('POST', '/api/sources', {
      token: editorToken,
      body: {
        newspaper: '中原区报',
        issueDate: `${YEAR}-${MM}-18`,
        page: '2',
        headline: sourceHeadline,
        text: `本报讯（记者 测试记者${SERIAL}）${MONTH}月17日，区政府召开防汛工作专题会议，\n会议要求各部门把人民群众生命安全放在首位。`,
        contributors: [{ contributorId: reporter.body.id, role: 'reporter' }],
      },
    });
    expect(source.status).toBe(201);
  });

  const [session] = browser.sessions(['editor']);
  beforeAll(() => {
    page = session.page;
  });

  it('creates a new issue from the issues list', async () => {
    await open(page, '/issues');
    await page.locator('[data-testid="current-issue"]').waitFor();
    await screenshot(page, '01-issue-list');

    await page.getByRole('link', { name: '新建' }).click();
    await page.locator('input[name="serialNumber"]').waitFor();
    await page.locator('input[name="serialNumber"]').fill(String(SERIAL));
    await page.locator('input[name="year"]').fill(String(YEAR));
    await page.locator('input[name="month"]').fill(String(MONTH));
    await page.locator('input[name="publicationDate"]').fill(`${YEAR}-${MM}-15`);
    await page.locator('input[name="deadline"]').fill(`${YEAR}-${MM}-10`);
    await screenshot(page, '02-issue-create');
    await page.getByRole('button', { name: '保存' }).click();

    // The new issue's page, with its cover data and the coverage the server filled in.
    await page.waitForURL(/#\/issues\/[0-9a-f-]+\/show$/);
    issueId = /#\/issues\/([0-9a-f-]+)\/show$/.exec(page.url())?.[1] ?? '';
    const main = page.locator('#main-content');
    await main.getByText(ISSUE_LABEL).first().waitFor();
    await main.getByText(`${YEAR}年${MONTH}月15日`).first().waitFor();
    await expect(main.innerText()).resolves.toContain(`${YEAR}年${MONTH}月15日`);
    await expect(main.innerText()).resolves.toContain(`${YEAR}年${MONTH}月10日`);

    // The period covered followed the month: the month before.
    await page.getByRole('link', { name: '编辑' }).click();
    await page.locator('input[name="coverageStart"]').waitFor();
    const [coveredYear, coveredMonth] = MONTH === 1 ? [YEAR - 1, 12] : [YEAR, MONTH - 1];
    await expect(page.locator('input[name="coverageStart"]').inputValue()).resolves.toBe(`${coveredYear}年${coveredMonth}月1日`);
    await screenshot(page, '03-issue-edit');
  });

  it('writes an entry in it: rich-text body, event date, a source beside the body, a live character count', async () => {
    await open(page, `/issues/${issueId}/show`);
    await page.getByRole('link', { name: '在本期新建条目' }).click();
    await page.waitForURL(/#\/entries\/create/);
    // The issue comes from the issue's page.
    const issuePicker = page.getByRole('combobox', { name: '所属期次' });
    await waitFor(async () => ((await issuePicker.inputValue()).includes(ISSUE_LABEL) ? true : undefined), 10_000);

    await page.locator('input[name="title"]').fill(TITLE);
    await page.getByRole('combobox', { name: '栏目' }).click();
    await page.getByRole('option', { name: '时政要点' }).click();
    await page.locator('input[name="eventDate"]').fill(`${YEAR}-${MM}-17`);

    const sourcePicker = page.getByRole('combobox', { name: '来稿' });
    await sourcePicker.fill(`测试来稿${SERIAL}`);
    await page.getByRole('option', { name: sourceHeadline }).click();
    const sourcePanel = page.locator('[data-testid="source-panel"]');
    await sourcePanel.getByText(sourceHeadline).waitFor();
    await expect(sourcePanel.innerText()).resolves.toContain(`记者 测试记者${SERIAL}`);

    const editor = page.locator('.ProseMirror');
    await editor.click();
    await page.keyboard.type(PARAGRAPH_ONE);
    await page.keyboard.press('Enter');
    await page.keyboard.type(PARAGRAPH_TWO_BEFORE);
    await page.keyboard.press('Control+B');
    await page.keyboard.type(BOLD_WORD);
    await page.keyboard.press('Control+B');
    await page.keyboard.type(PARAGRAPH_TWO_AFTER);
    await expect(editor.locator('p').count()).resolves.toBe(2);
    await expect(editor.locator('strong').innerText()).resolves.toBe(BOLD_WORD);

    const expectedCount = characterCount(PARAGRAPH_ONE, PARAGRAPH_TWO_BEFORE, BOLD_WORD, PARAGRAPH_TWO_AFTER);
    await expect(page.locator('[data-testid="body-character-count"]').innerText()).resolves.toBe(`正文 ${expectedCount} 字`);
    await screenshot(page, '04-entry-create');

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    entryId = /#\/entries\/([0-9a-f-]+)\/show$/.exec(page.url())?.[1] ?? '';
    await page.locator('[data-testid="entry-body"] strong').waitFor();
    await expect(page.locator('[data-testid="entry-body"] strong').innerText()).resolves.toBe(BOLD_WORD);
    await page.locator('[data-testid="source-panel"]').getByText(sourceHeadline).waitFor();
    await expect(page.locator('#main-content').innerText()).resolves.toContain(`${YEAR}年${MONTH}月17日`);
    await screenshot(page, '05-entry-show');

    const saved = await api('GET', `/api/entries/${entryId}`, { token: editorToken });
    expect(saved.body).toMatchObject({ title: TITLE, issueId, eventDate: `${YEAR}-${MM}-17`, eventDatePrecision: 'day', status: 'draft' });
    expect(saved.body.bodyHtml).toBe(
      `<p>${PARAGRAPH_ONE}</p><p>${PARAGRAPH_TWO_BEFORE}<strong>${BOLD_WORD}</strong>${PARAGRAPH_TWO_AFTER}</p>`,
    );
  });

  it('edits the entry, and is told in Chinese when someone else saved it first', async () => {
    // A change of precision to the month only: stored as the 1st of the month.
    await open(page, `/entries/${entryId}/edit`);
    await page.locator('input[name="title"]').waitFor();
    await page.getByRole('radio', { name: '只到月份' }).check();
    await expect(page.locator('input[name="eventDate"]').getAttribute('data-precision')).resolves.toBe('month');
    await expect(page.locator('input[name="eventDate"]').inputValue()).resolves.toBe(`${YEAR}年${MONTH}月`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    const afterEdit = await api('GET', `/api/entries/${entryId}`, { token: editorToken });
    expect(afterEdit.body).toMatchObject({ eventDate: `${YEAR}-${MM}-01`, eventDatePrecision: 'month', version: 2 });
    await expect(page.locator('#main-content').innerText()).resolves.toContain(`${YEAR}年${MONTH}月`);

    // Back to the day; meanwhile a colleague saves the entry.
    await open(page, `/entries/${entryId}/edit`);
    await page.getByRole('radio', { name: '具体到日' }).check();
    await page.locator('input[name="eventDate"]').fill(`${YEAR}-${MM}-17`);
    const colleague = await api('PUT', `/api/entries/${entryId}`, { token: editorToken, body: { version: 2, title: `${TITLE}（同事修改）` } });
    expect(colleague.status).toBe(200);
    await page.getByRole('button', { name: '保存' }).click();

    const alert = page.getByRole('alert').filter({ hasText: '已被他人修改' });
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('您打开的是第 2 版，现在是第 3 版');
    await screenshot(page, '06-entry-stale-version');
    // Still on the form, with the changes kept.
    expect(page.url()).toMatch(/\/edit$/);

    // After a reload the latest version saves.
    await page.reload();
    await page.locator('input[name="title"]').waitFor();
    await expect(page.locator('input[name="title"]').inputValue()).resolves.toBe(`${TITLE}（同事修改）`);
    await page.locator('input[name="title"]').fill(TITLE);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    const latest = await api('GET', `/api/entries/${entryId}`, { token: editorToken });
    expect(latest.body).toMatchObject({ title: TITLE, version: 4 });
  });

  it('finds the entry in the entries list filtered by its issue', async () => {
    await page.getByRole('menuitem', { name: '条目' }).click();
    await page.waitForURL(/#\/entries/);
    const issueFilter = page.getByRole('combobox', { name: '所属期次' });
    await issueFilter.fill(ISSUE_LABEL);
    await page.getByRole('option', { name: new RegExp(ISSUE_LABEL) }).click();
    // The list is filtered once the issue is in the URL's filter and the table has reloaded.
    await page.waitForURL(url => decodeURIComponent(url.toString()).includes(`"issueId":"${issueId}"`));
    const rows = page.locator('tbody tr');
    await waitFor(async () => ((await rows.count()) === 1 ? true : undefined), 10_000);
    await expect(rows.first().innerText()).resolves.toContain(TITLE);
    await screenshot(page, '07-entry-list-filtered');
  });

  it('renders a proof of the issue and downloads a PDF that contains the entry', async () => {
    await open(page, `/issues/${issueId}/show`);
    await page.locator('[data-testid="issue-entry"]').filter({ hasText: TITLE }).waitFor();
    await page.getByRole('tab', { name: '排版与下载' }).click();
    await page.waitForURL(/\/show\/renditions$/);
    await page.getByRole('button', { name: '生成校样' }).waitFor();
    // Not signed off: no final yet.
    await expect(page.getByRole('button', { name: '生成正式版' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: '生成校样' }).click();
    const progress = page.locator('[data-testid="rendition-progress"]');
    await progress.waitFor();
    await expect(progress.getByRole('progressbar').count()).resolves.toBe(1);
    await page.locator('[data-testid="rendition-progress"][data-status="done"]').waitFor({ timeout: 60_000 });
    await expect(progress.innerText()).resolves.toMatch(/校样已生成：\d+ 页，[\d.]+ (KB|MB)/);

    const row = page.locator('[data-testid="rendition-row"][data-status="done"]').first();
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('校样');
    expect(rowText).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    const renditions = await api('GET', `/api/renditions?filter=${encodeURIComponent(JSON.stringify({ issueId }))}`, { token: editorToken });
    const rendition = renditions.body.find((candidate: { status: string }) => candidate.status === 'done');
    expect(await row.locator('[data-testid="rendition-sha256"]').innerText()).toBe(`${rendition.sha256.slice(0, 12)}…`);

    // The download goes through a blob URL fetched with the token.
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="rendition-download"]').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`总第${SERIAL}期-校样\\.pdf$`));
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = compact(pdfPages(pdf).join('\n'));
    expect(text).toContain(compact(TITLE));
    expect(text).toContain(compact(BOLD_WORD));

    await row.locator('[data-testid="rendition-preview"]').click();
    const preview = page.locator('[data-testid="pdf-preview"]');
    await preview.waitFor();
    await expect(preview.getAttribute('src')).resolves.toMatch(/^blob:/);
    // The browser's PDF viewer has the file before the picture is taken.
    await (await (await preview.elementHandle())?.contentFrame())?.waitForLoadState('load');
    await screenshot(page, '08-issue-proof');
    expect(session.pageErrors).toEqual([]);
    // Every write sent only what the API accepts: the one refusal is the stale version above.
    expect(session.apiFailures).toEqual([`409 PUT /api/entries/${entryId}`]);
  });

  it('shows validation messages in Chinese when an empty entry is saved', async () => {
    await open(page, '/entries/create');
    await page.locator('input[name="title"]').waitFor();
    await page.locator('.ProseMirror').waitFor();
    await page.getByRole('button', { name: '保存' }).click();

    for (const input of ['title', 'sectionId', 'eventDate']) {
      await expect(helperTextOf(page, input).innerText()).resolves.toBe('必填');
    }
    await expect(page.locator('.ra-input-bodyHtml').innerText()).resolves.toContain('必填');
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toBe('表单填写有误，请检查');
    await screenshot(page, '09-entry-validation');

    await page.locator('input[name="title"]').fill('长'.repeat(201));
    await expect(helperTextOf(page, 'title').innerText()).resolves.toBe('不能超过 200 个字符');
  });

  it('asks before leaving an entry with unsaved changes', async () => {
    await open(page, '/entries/create');
    await page.locator('input[name="title"]').fill('尚未保存的条目');
    const dialogs: string[] = [];
    let dismissed: Promise<void> | undefined;
    page.once('dialog', dialog => {
      dialogs.push(dialog.message());
      dismissed = dialog.dismiss();
    });
    await page.getByRole('menuitem', { name: '月报' }).click();
    await waitFor(async () => (dismissed ? true : undefined), 5000);
    await dismissed;
    // The page goes on once the question is answered: what it does with the answer is drawn then.
    await afterRender(page);
    expect(dialogs).toEqual(['部分修改尚未保存，确定要放弃吗？']);
    expect(page.url()).toMatch(/#\/entries\/create/);
    await expect(page.locator('input[name="title"]').inputValue()).resolves.toBe('尚未保存的条目');

    page.once('dialog', dialog => void dialog.accept());
    await page.getByRole('menuitem', { name: '月报' }).click();
    await page.waitForURL(/#\/issues$/);
  });

  it('sees the reference data it may read, without the buttons it may not use', async () => {
    const menu = await page.locator('.RaSidebar-fixed').innerText();
    expect(menu).toContain('编辑工作');
    expect(menu).toContain('基础资料');
    expect(menu).not.toContain('用户');

    await open(page, '/sections');
    await page.locator('tbody tr').first().waitFor();
    await expect(page.getByRole('link', { name: '新建' }).count()).resolves.toBe(0);
    await settledAfter(page, () => page.locator('tbody tr').first().click());
    expect(page.url()).toMatch(/#\/sections$/);

    await open(page, '/sources');
    await page.locator('tbody tr').filter({ hasText: sourceHeadline }).waitFor();
    await screenshot(page, '10-source-list');
    await page.locator('tbody tr').filter({ hasText: sourceHeadline }).click();
    await page.waitForURL(/#\/sources\/[0-9a-f-]+\/show$/);
    await page.locator('[data-testid="source-text"]').waitFor();
    await screenshot(page, '11-source-show');
    await page.getByRole('link', { name: '编辑' }).click();
    await page.locator('input[name="headline"]').waitFor();
    await screenshot(page, '12-source-edit');
  });
});

describe('a reviewer', () => {
  const [session] = browser.sessions(['reviewer']);

  it('is offered no create or edit of entries', async () => {
    const { page } = session;
    await open(page, '/entries');
    await page.locator('tbody tr').first().waitFor();
    await expect(page.getByRole('link', { name: '新建' }).count()).resolves.toBe(0);
    await screenshot(page, '13-reviewer-entry-list');

    // The title cell: the middle of the row holds links to the issue.
    await page.locator('tbody tr td').first().click();
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    await page.locator('[data-testid="entry-body"]').waitFor();
    await expect(page.getByRole('link', { name: '编辑' }).count()).resolves.toBe(0);

    // The issue page: no new entry, no edit; proofs are for everyone.
    await page.locator('#main-content a[href*="/issues/"]').first().click();
    await page.waitForURL(/#\/issues\/[0-9a-f-]+\/show$/);
    await page.getByRole('tab', { name: '排版与下载' }).click();
    await page.getByRole('button', { name: '生成校样' }).waitFor();
    await expect(page.getByRole('link', { name: '在本期新建条目' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: '编辑' }).count()).resolves.toBe(0);
    await screenshot(page, '14-reviewer-issue');

    const menu = await page.locator('.RaSidebar-fixed').innerText();
    expect(menu).not.toContain('用户');
    expect(session.pageErrors).toEqual([]);
    expect(session.apiFailures).toEqual([]);
  });
});

describe('an administrator', () => {
  const [session] = browser.sessions(['admin']);

  it('manages sections and users, in menus grouped by task', async () => {
    const { page } = session;
    const menu = await page.locator('.RaSidebar-fixed').innerText();
    for (const label of ['编辑工作', '月报', '条目', '来稿', '基础资料', '栏目', '发放单位', '作者', '系统', '用户']) {
      expect(menu).toContain(label);
    }
    await screenshot(page, '15-admin-menu');

    await open(page, '/sections');
    // The sections list's own rows, not a dashboard table still on screen while the page changes.
    await page.locator('.RaList-main tbody tr').filter({ hasText: '时政要点' }).click();
    await page.waitForURL(/#\/sections\/[0-9a-f-]+$/);
    await page.locator('input[name="name"]').waitFor();
    await expect(page.locator('input[name="active"]').isChecked()).resolves.toBe(true);
    await screenshot(page, '16-section-edit');

    await open(page, '/recipients');
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, '17-recipient-list');
    await open(page, '/contributors');
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, '18-contributor-list');

    await open(page, '/users');
    await page.locator('tbody tr').filter({ hasText: 'reviewer' }).waitFor();
    await screenshot(page, '19-user-list');
    await page.getByRole('link', { name: '新建' }).click();
    await page.locator('input[name="username"]').waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(helperTextOf(page, 'password').innerText()).resolves.toBe('必填');
    await page.locator('input[name="username"]').fill(`tester${SERIAL}`);
    await page.locator('input[name="displayName"]').fill(`测试编辑${SERIAL}`);
    await page.locator('input[name="password"]').fill('short');
    // The password policy is checked as it is typed (asynchronously: its dictionaries load first).
    await helperTextOf(page, 'password').filter({ hasText: /^密码至少 12 个字符$/ }).waitFor();
    await page.locator('input[name="password"]').fill('a-long-password');
    await screenshot(page, '20-user-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/users$/);
    await page.locator('tbody tr').filter({ hasText: `tester${SERIAL}` }).waitFor();

    // The new account signs in with its password; its text is all Chinese.
    await expect(login(`tester${SERIAL}`, 'a-long-password')).resolves.toEqual(expect.any(String));
    expect(await page.locator('#main-content').innerText()).toMatch(HAN);

    // English is a choice away, with every label of the catalogue translated.
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.locator('.RaSidebar-fixed').getByText('Reference data').waitFor();
    const englishMenu = await page.locator('.RaSidebar-fixed').innerText();
    for (const label of ['Editing', 'Issues', 'Entries', 'Source articles', 'Reference data', 'Sections', 'Recipient units', 'Contributors', 'System', 'Users']) {
      expect(englishMenu).toContain(label);
    }
    // Other tests add issues numbered above 97 to the same database as they run, which can push the
    // reference issue off the list's first page: narrow the list to its year, as the office would.
    await open(page, `/issues?filter=${encodeURIComponent(JSON.stringify({ year: 2020 }))}`);
    await page.locator('[data-testid="current-issue"]').getByText('Current issue').waitFor();
    // The reference issue, not another test's No. 975.
    await page.locator('tbody tr').filter({ hasText: /No\. 97(?!\d)/ }).click();
    await page.getByRole('tab', { name: 'Typesetting and downloads' }).click();
    await page.getByRole('button', { name: 'Make a proof' }).waitFor();
    const englishPage = await page.locator('body').innerText();
    expect(englishPage).not.toMatch(/\b(app|resources|ra)\.[a-z_]+\./);
    await screenshot(page, '21-admin-english');
    expect(session.pageErrors).toEqual([]);
    expect(session.apiFailures).toEqual([]);
  });
});
