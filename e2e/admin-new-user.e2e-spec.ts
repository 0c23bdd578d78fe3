/**
 * A person who has never seen the admin assembles and publishes an issue from the dashboard
 * alone, in a real browser. Apart from the login form, every screen is reached by clicking what
 * the dashboard and the pages it leads to offer; each step asserts what the person sees there.
 *
 * Journey: the editor finds 总第97期 signed off and waiting to be published, and is offered
 * 新建下一期 in its 下一步; the form proposes 总第98期, 2020年11月; saved, the new issue becomes
 * the dashboard's current one, whose 下一步 says it has no entries and offers 在本期新建条目.
 * Two entries are written there (sections, event dates), one is moved to another section in
 * the assembly, both are submitted with one button (全部提交审核), and the issue is sent to
 * review (送审), each offered by the dashboard once it is the next step. The reviewer's
 * dashboard shows 总第97期 (to publish) and 总第98期 (2 entries waiting, without 签发 yet);
 * the reviewer approves both in the issue's table of contents, signs off from the dashboard,
 * makes the final PDF, downloads it (both entries and the distribution list are in it) and
 * publishes beside it, after a confirmation. The published issue lists its recipient units,
 * and the editor's dashboard shows the final among the latest files. No request the admin
 * made was refused, and no page error occurred.
 *
 * Isolation: "the next issue" is the one after the highest serial number in the database, and
 * the dashboard shows the issues still open. In the shared test database other files create
 * issues (serial numbers ≥ 9000 and below 97, years 2031–2099) at any moment, so neither would
 * be what a new office sees. This file therefore starts a stack of its own (scripts/stack.mjs,
 * as `npm test` does: a fresh database on the same PostgreSQL, its own Redis queue prefix and
 * storage, the built API and worker), seeded like a new installation: 总第97期 is the only
 * issue and the next one is 总第98期.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import reference from '../seeds/reference-issue-097.json';
import { screenshotter, useBrowser, type Session } from './browser';
import { compact, pdfPages, waitFor } from './support';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..');

const LIBRARY = { title: '区图书馆新馆正式开放', section: '文化亮点', date: '2020-10-20', text: '10月20日，区图书馆新馆正式对外开放，首批开放藏书30万册。' };
const SAFETY = { title: '区政府召开全区安全生产工作会议', section: '时政要点', date: '2020-10-12', text: '10月12日，区政府召开全区安全生产工作会议，部署第四季度安全生产工作。' };
/** 发放范围 as printed: units in their order, separated by ， (a unit's name may hold 、). */
const RECIPIENTS = reference.recipients.map(unit => unit.name).join('，');

interface DisposableStack {
  baseUrl: string;
  stop(): Promise<void>;
}

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });
let stack: DisposableStack | undefined;

beforeAll(async () => {
  const { startDisposableStack } = (await import(path.join(ROOT, 'scripts', 'stack.mjs'))) as {
    startDisposableStack(options: { name: string; logDir: string }): Promise<DisposableStack>;
  };
  stack = await startDisposableStack({ name: 'newuser', logDir: path.join(ROOT, 'test-artifacts', 'new-user') });
});

afterAll(async () => {
  await stack?.stop();
});

/** The login form of this file's stack, filled in like a person would; the dashboard follows. */
function signIn(username: string): Promise<Session> {
  if (!stack) throw new Error('the stack did not start');
  return browser.signIn(username, { baseUrl: stack.baseUrl, timeout: 30_000 });
}

const screenshot = screenshotter('walk');

/** The dashboard panel of one issue, once its 下一步 has loaded. */
async function panel(page: Page, serialNumber: number): Promise<Locator> {
  const card = page.locator(`[data-testid="dashboard-current-issue"][data-serial-number="${serialNumber}"]`);
  await card.locator('[data-testid="next-step"]').waitFor();
  return card;
}

/** The panel's 下一步 once it describes `situation` (it follows the issue as it changes). */
async function nextStep(card: Locator, situation: string): Promise<Locator> {
  const step = card.locator(`[data-testid="next-step"][data-situation="${situation}"]`);
  await step.waitFor();
  return step;
}

async function goHome(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '首页' }).click();
  await page.locator('[data-testid="dashboard"]').waitFor();
}

/** The notification (snackbar) that says `text`. */
async function notification(page: Page, text: string): Promise<string> {
  const alert = page.locator('.MuiSnackbar-root').getByRole('alert').filter({ hasText: text });
  await alert.first().waitFor();
  return (await alert.first().innerText()).trim();
}

/** The names of the dashboard panels' issues, in the order shown. */
async function panelSerialNumbers(page: Page): Promise<string[]> {
  return page.locator('[data-testid="dashboard-current-issue"]').evaluateAll(cards => cards.map(card => card.getAttribute('data-serial-number') ?? ''));
}

describe('a new user assembles and publishes the next issue from the dashboard', () => {
  let editor: Session;
  let reviewer: Session;

  afterAll(async () => {
    await editor?.context.close();
    await reviewer?.context.close();
  });

  it('offers the editor the next issue while 总第97期 waits to be published, and proposes 总第98期', async () => {
    editor = await signIn('editor');
    const { page } = editor;
    const current = await panel(page, 97);
    await expect(current.innerText()).resolves.toContain('已签发');
    const step = await nextStep(current, 'approved.editor');
    await expect(step.innerText()).resolves.toContain('同时可以新建下一期');
    await screenshot(page, '01-editor-dashboard');

    await step.getByRole('link', { name: '新建下一期' }).click();
    await page.locator('input[name="serialNumber"]').waitFor();
    await expect(page.locator('input[name="serialNumber"]').inputValue()).resolves.toBe('98');
    await expect(page.locator('input[name="year"]').inputValue()).resolves.toBe('2020');
    await expect(page.locator('input[name="month"]').inputValue()).resolves.toBe('11');
    await expect(page.locator('input[name="publicationDate"]').inputValue()).resolves.toBe('2020年11月15日');
    await screenshot(page, '02-issue-create');
    await page.getByRole('button', { name: '保存' }).click();

    // The new issue's page: the server filled in the month it reports, and the empty table of
    // contents says how to get the first entry.
    const empty = page.locator('[data-testid="issue-contents-empty"]');
    await empty.waitFor();
    const main = page.locator('#main-content');
    await expect(main.innerText()).resolves.toContain('2020年10月1日至2020年10月31日');
    await expect(page.locator('[data-testid="issue-next-step"]').getAttribute('data-situation')).resolves.toBe('drafting.editor_empty');
    await empty.getByRole('link', { name: '新建第一个条目' }).waitFor();
    await empty.getByRole('link', { name: '加入已写好的条目' }).waitFor();
    await screenshot(page, '03-issue-created');
  });

  it('makes the new issue the current one on the dashboard, where its entries are written', async () => {
    const { page } = editor;
    for (const [index, entry] of [LIBRARY, SAFETY].entries()) {
      await goHome(page);
      // The editor follows the issue being compiled, not last month's waiting for publication.
      const current = await panel(page, 98);
      expect(await panelSerialNumbers(page)).toEqual(['98']);
      const step = await nextStep(current, index === 0 ? 'drafting.editor_empty' : 'drafting.editor_drafts');
      if (index === 0) {
        await expect(step.innerText()).resolves.toContain('本期还没有条目');
        await screenshot(page, '04-dashboard-new-issue');
      }
      await step.getByRole('link', { name: '在本期新建条目' }).click();

      await page.locator('input[name="title"]').waitFor();
      // The issue the entry goes into is filled in already (its name loads a moment later).
      const issueInput = page.locator('input[name="issueId"]');
      await waitFor(async () => ((await issueInput.inputValue()) === '总第98期 · 2020年11月' ? true : undefined), 30_000);
      await page.locator('input[name="title"]').fill(entry.title);
      await page.getByRole('combobox', { name: '栏目' }).click();
      await page.getByRole('option', { name: entry.section }).click();
      await page.locator('input[name="eventDate"]').fill(entry.date);
      await page.locator('.ProseMirror').click();
      await page.keyboard.type(entry.text);
      await screenshot(page, `05-entry-${index + 1}-form`);
      await page.getByRole('button', { name: '保存' }).click();

      await page.locator('[data-testid="entry-body"]').waitFor();
      const main = page.locator('#main-content');
      await main.getByRole('link', { name: '总第98期 · 2020年11月' }).waitFor();
      const shown = await main.innerText();
      expect(shown).toContain(entry.title);
      expect(shown).toContain(`2020年10月${Number(entry.date.slice(8))}日`);
      expect(shown).toContain('草稿');
      await screenshot(page, `06-entry-${index + 1}-saved`);
    }
  });

  it('lets the editor move an entry to another section in the assembly', async () => {
    const { page } = editor;
    await goHome(page);
    const step = await nextStep(await panel(page, 98), 'drafting.editor_drafts');
    await step.getByRole('link', { name: '打开编排' }).click();
    await page.getByRole('button', { name: `将《${LIBRARY.title}》移到其他栏目` }).click();
    await page.getByRole('menuitem', { name: '移到“本期焦点”' }).click();
    await page.getByRole('button', { name: '保存编排' }).click();
    await notification(page, '编排已保存');
    await screenshot(page, '07-assembly-saved');

    await page.getByRole('tab', { name: '封面与目录' }).click();
    const sections = page.locator('[data-testid="issue-section"]');
    await sections.first().waitFor();
    const contents = await sections.evaluateAll(nodes =>
      nodes.map(node => [
        node.querySelector('[data-testid="issue-section-heading"]')?.textContent?.trim(),
        [...node.querySelectorAll('[data-testid="issue-entry"]')].map(entry => entry.textContent ?? ''),
      ]),
    );
    expect(contents.map(([heading]) => heading)).toEqual(['本期焦点', '时政要点']);
    expect(String(contents[0][1])).toContain(LIBRARY.title);
    expect(String(contents[1][1])).toContain(SAFETY.title);
  });

  it('submits both entries with one button, then offers 送审, and follows the issue into review', async () => {
    const { page } = editor;
    await goHome(page);
    const current = await panel(page, 98);
    let step = await nextStep(current, 'drafting.editor_drafts');
    await expect(step.innerText()).resolves.toContain('本期有 2 条条目还没有提交审核：草稿 2 条，退回修改 0 条');
    // 送审 is not offered while entries are drafts: the server would refuse it.
    await expect(step.getByRole('button', { name: '送审' }).count()).resolves.toBe(0);
    await screenshot(page, '08-dashboard-drafts');

    await step.getByRole('button', { name: '全部提交审核（2 条）' }).click();
    await expect(notification(page, '已提交审核')).resolves.toBe('已提交审核 2 条条目');
    step = await nextStep(current, 'drafting.editor_ready');
    await expect(step.innerText()).resolves.toContain('本期 2 条条目都已提交审核');
    await screenshot(page, '09-dashboard-submitted');

    await step.getByRole('button', { name: '送审' }).click();
    await notification(page, '已送审');
    step = await nextStep(current, 'in_review.editor');
    await expect(current.innerText()).resolves.toContain('总第98期 · 2020年11月');
    await expect(step.innerText()).resolves.toContain('等待审核');
    expect(await panelSerialNumbers(page)).toEqual(['98']);
    await screenshot(page, '10-dashboard-in-review');
  });

  it('shows the reviewer both issues, approves the entries in the table of contents and signs off from the dashboard', async () => {
    reviewer = await signIn('reviewer');
    const { page } = reviewer;
    await panel(page, 97);
    const current = await panel(page, 98);
    expect(await panelSerialNumbers(page)).toEqual(['97', '98']);
    let step = await nextStep(current, 'in_review.reviewer');
    await expect(step.innerText()).resolves.toContain('还有 2 条条目待审');
    await expect(step.getByRole('button', { name: '签发' }).count()).resolves.toBe(0);
    await screenshot(page, '11-reviewer-dashboard');

    await step.getByRole('link', { name: '审核待审条目' }).click();
    const notice = page.locator('[data-testid="issue-next-step"]');
    await expect(notice.innerText()).resolves.toContain('还有 2 条条目待审');
    for (const entry of [LIBRARY, SAFETY]) {
      const row = page.locator('[data-testid="issue-entry-row"]').filter({ hasText: entry.title });
      await row.getByRole('button', { name: '通过' }).click();
      await page.locator('[data-testid="issue-entry-row"][data-status="approved"]').filter({ hasText: entry.title }).waitFor();
    }
    await page.locator('[data-testid="issue-next-step"][data-situation="in_review.reviewer_ready"]').waitFor();
    await expect(notice.innerText()).resolves.toContain('请点“签发”');
    await screenshot(page, '12-reviewer-approved');

    await goHome(page);
    step = await nextStep(await panel(page, 98), 'in_review.reviewer_ready');
    await step.getByRole('button', { name: '签发' }).click();
    await notification(page, '已签发');
    step = await nextStep(current, 'approved.reviewer');
    // Published from beside the final PDF, once it is made: not from here.
    await expect(step.getByRole('button', { name: '发布' }).count()).resolves.toBe(0);
    await screenshot(page, '13-reviewer-signed-off');
  });

  it('makes the final PDF, which holds both entries and the distribution list, and publishes it after a confirmation', async () => {
    const { page } = reviewer;
    const step = await nextStep(await panel(page, 98), 'approved.reviewer');
    await step.getByRole('link', { name: '排版与下载' }).click();

    await page.getByRole('button', { name: '生成正式版' }).click();
    const ready = page.locator('[data-testid="final-ready"]');
    await ready.waitFor({ timeout: 90_000 });
    await expect(page.locator('[data-testid="rendition-progress"]').innerText()).resolves.toMatch(/正式版已生成：\d+ 页/);
    await screenshot(page, '14-final-ready');

    const row = page.locator('[data-testid="rendition-row"][data-status="done"][data-kind="final"]');
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="rendition-download"]').click()]);
    expect(download.suggestedFilename()).toMatch(/总第98期-正式版\.pdf$/);
    const text = compact(pdfPages(fs.readFileSync(await download.path())).join('\n'));
    for (const expected of ['总第98期', '2020年11月', '本期焦点', LIBRARY.title, LIBRARY.text, '时政要点', SAFETY.title, SAFETY.text, RECIPIENTS]) {
      expect(text).toContain(compact(expected));
    }

    await ready.getByRole('button', { name: '发布' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm.innerText()).resolves.toContain('发布后本期将被冻结');
    await screenshot(page, '15-publish-confirmation');
    await confirm.getByRole('button', { name: '确认发布' }).click();
    await notification(page, '已发布');
    await ready.waitFor({ state: 'detached' });
  });

  it('shows the published issue with its recipient units, and the final among the latest files', async () => {
    const { page } = reviewer;
    await page.getByRole('tab', { name: '封面与目录' }).click();
    await page.locator('[data-testid="issue-next-step"][data-situation="published.all"]').waitFor();
    await expect(page.locator('[data-testid="issue-recipients"]').innerText()).resolves.toBe(RECIPIENTS);
    await expect(page.locator('#main-content .MuiChip-root', { hasText: /^已发布$/ }).count()).resolves.toBe(1);
    await screenshot(page, '16-published-issue');

    // The editor's dashboard has stayed open meanwhile: the app bar's refresh reads it again.
    await editor.page.getByRole('button', { name: '刷新' }).click();
    const latest = editor.page.locator('[data-testid="dashboard-renditions"]');
    await latest.getByText('总第98期 正式版').waitFor();
    // Nothing of 总第98期 is left to do: the dashboard is back to the issue waiting for publication.
    await panel(editor.page, 97);
    expect(await panelSerialNumbers(editor.page)).toEqual(['97']);
    await screenshot(editor.page, '17-editor-dashboard-after');

    for (const session of [editor, reviewer]) {
      expect(session.pageErrors).toEqual([]);
      expect(session.apiFailures).toEqual([]);
    }
  });
});
