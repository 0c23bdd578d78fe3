/**
 * Workflow conveniences in the admin, in a real browser against the running stack.
 *
 * - 下一条待审: a reviewer who approves or returns an entry on its page is offered the next
 *   submitted entry of the same issue (print order, drafts skipped), and after the issue's last
 *   one the entry waiting longest anywhere, or 没有待审条目了 with the way to the dashboard.
 * - 在本期再建一条: the page of an entry in an issue offers an editor a new entry in the same
 *   issue and section, prefilled in the form.
 * - The dashboard refreshes by itself: when the window regains focus and every minute while it
 *   is visible (the browser's clock is driven forward), without a reload, without a progress
 *   bar or re-mounted lists, and without losing the scroll position.
 *
 * Test data is its own: a fresh issue from createTestIssue (years 2100–2108) and titles with a
 * random suffix; the shared demo users are only signed in as, never changed.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { openRoute, screenshotter, settledAfter, useBrowser } from './browser';
import { api, createTestIssue, login, waitFor } from './support';

jest.setTimeout(120_000);

const SUFFIX = String(randomInt(100_000, 999_999));
const FIRST = `连审测试${SUFFIX}：区政府召开城市更新工作会议`;
const DRAFT = `连审测试${SUFFIX}：区教育局部署秋季开学工作`;
const NEXT = `连审测试${SUFFIX}：区文化馆举办书画展`;
const WRITTEN = `连审测试${SUFFIX}：区图书馆开展阅读月活动`;
const ANOTHER = `连审测试${SUFFIX}：区博物馆推出夜间开放`;

interface IssueRecord {
  id: string;
  serialNumber: number;
  year: number;
  month: number;
  coverageStart: string;
}

interface EntryRecord {
  id: string;
  title: string;
  issueId: string | null;
  sectionId: string;
  status: string;
  version: number;
}

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });
let editorToken: string;
let reviewerToken: string;
let issue: IssueRecord;
let sections: Record<string, string>;
let eventDate: string;

beforeAll(async () => {
  [editorToken, reviewerToken] = await Promise.all([login('editor'), login('reviewer')]);
  issue = await createTestIssue<IssueRecord>(editorToken, 2100);
  eventDate = `${issue.coverageStart.slice(0, 8)}12`;
  const list = (await api<{ id: string; name: string }[]>('GET', '/api/sections', { token: editorToken })).body;
  sections = Object.fromEntries(list.map(section => [section.name, section.id]));
});

const screenshot = screenshotter('conveniences');

async function createEntry(title: string, section: string, issueId: string | null): Promise<EntryRecord> {
  const response = await api<EntryRecord>('POST', '/api/entries', {
    token: editorToken,
    body: { title, sectionId: sections[section], issueId, eventDate, bodyHtml: `<p>${Number(eventDate.slice(5, 7))}月12日，${title.split('：')[1]}。</p>` },
  });
  if (response.status !== 201) throw new Error(`creating ${title} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function submit(entry: EntryRecord): Promise<EntryRecord> {
  const response = await api<EntryRecord>('POST', `/api/entries/${entry.id}/submit`, { token: editorToken, body: { version: entry.version } });
  if (response.status !== 200 && response.status !== 201) throw new Error(`submitting ${entry.title} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const entryIdInUrl = (page: Page) => /#\/entries\/([0-9a-f-]+)\/show/.exec(page.url())?.[1];

describe('下一条待审: after a review the reviewer is offered the next entry awaiting one', () => {
  let first: EntryRecord;
  let next: EntryRecord;

  beforeAll(async () => {
    // In print order: 时政要点 (submitted, then a draft), then 文化亮点 (submitted).
    first = await submit(await createEntry(FIRST, '时政要点', issue.id));
    await createEntry(DRAFT, '时政要点', issue.id);
    next = await submit(await createEntry(NEXT, '文化亮点', issue.id));
  });

  const [reviewer] = browser.sessions(['reviewer']);

  it('offers the next submitted entry of the same issue after 通过, skipping drafts, and opens it', async () => {
    const { page } = reviewer;
    await openRoute(page, `/entries/${first.id}/show`);
    await page.getByRole('button', { name: '通过' }).click();
    const offer = page.locator('[data-testid="next-review"]');
    await offer.waitFor();
    const text = await offer.innerText();
    expect(text).toContain(`已通过《${FIRST}》`);
    expect(text).toContain(`本期下一条待审：《${NEXT}》（文化亮点）`);
    expect(text).not.toContain(DRAFT);
    await screenshot(page, '01-next-in-issue');

    await offer.getByRole('link', { name: '审核下一条' }).click();
    await page.waitForURL(new RegExp(`#/entries/${next.id}/show$`));
    await page.locator('#main-content h2', { hasText: NEXT }).waitFor();
    // On the next entry the offer of the previous one is gone, and its own review buttons stand.
    await page.getByRole('button', { name: '通过' }).waitFor();
    await expect(offer.count()).resolves.toBe(0);
    expect(entryIdInUrl(page)).toBe(next.id);
  });

  it('after the issue\'s last one, offers the entry waiting longest elsewhere, or says none is left', async () => {
    const { page } = reviewer;
    await page.getByRole('button', { name: '退回修改' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '修改意见' }).fill('请补充展览的展期和地点。');
    await dialog.getByRole('button', { name: '退回修改' }).click();
    await dialog.waitFor({ state: 'detached' });
    const offer = page.locator('[data-testid="next-review"]');
    await offer.waitFor();
    const text = await offer.innerText();
    expect(text).toContain(`已退回《${NEXT}》`);

    // What the queue holds now, as the dashboard's 待审核的条目 lists it: the longest waiting first.
    const queue = await api<EntryRecord[]>('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ status: 'submitted' }))}&sort=${encodeURIComponent('["updatedAt","ASC"]')}&range=${encodeURIComponent('[0,0]')}`, { token: reviewerToken });
    expect(queue.status).toBe(200);
    const oldest = queue.body[0];
    await screenshot(page, '02-after-last-in-issue');
    if (oldest) {
      expect(oldest.issueId).not.toBe(issue.id);
      expect(text).toContain(`本期没有其他待审条目；等候最久的待审条目：《${oldest.title}》`);
      await offer.getByRole('link', { name: '审核下一条' }).click();
      await page.waitForURL(new RegExp(`#/entries/${oldest.id}/show$`));
    } else {
      expect(text).toContain('没有待审条目了');
      await offer.getByRole('link', { name: '回到首页' }).click();
      await page.locator('[data-testid="dashboard"]').waitFor();
    }
    expect(reviewer.pageErrors).toEqual([]);
    expect(reviewer.apiFailures).toEqual([]);
  });
});

describe('在本期再建一条: from an entry of an issue, the next one in the same issue and section', () => {
  const [editor] = browser.sessions(['editor']);
  let written: EntryRecord;

  it('opens the form with the issue and the section filled in, and saves the new entry there', async () => {
    const { page } = editor;
    written = await createEntry(WRITTEN, '文化亮点', issue.id);
    await openRoute(page, `/entries/${written.id}/show`);
    const another = page.getByRole('link', { name: '在本期再建一条' });
    await another.click();
    await page.waitForURL(/#\/entries\/create\?source=/);

    const issueName = `总第${issue.serialNumber}期 · ${issue.year}年${issue.month}月`;
    const issueInput = page.locator('input[name="issueId"]');
    await waitFor(async () => ((await issueInput.inputValue()) === issueName ? true : undefined), 20_000);
    await expect(page.getByRole('combobox', { name: '栏目' }).innerText()).resolves.toBe('文化亮点');
    await screenshot(page, '03-another-in-issue-form');

    await page.locator('input[name="title"]').fill(ANOTHER);
    await page.locator('input[name="eventDate"]').fill(eventDate);
    await page.locator('.ProseMirror').click();
    await page.keyboard.type(`${Number(eventDate.slice(5, 7))}月12日，区博物馆推出夜间开放，每周五、周六开放至21时。`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    const created = await api<EntryRecord>('GET', `/api/entries/${entryIdInUrl(page)}`, { token: editorToken });
    expect(created.body).toMatchObject({ title: ANOTHER, issueId: issue.id, sectionId: sections['文化亮点'], status: 'draft' });
    // The new entry offers the same again, for the one after it.
    await page.getByRole('link', { name: '在本期再建一条' }).waitFor();
    await screenshot(page, '04-another-in-issue-saved');
    expect(editor.pageErrors).toEqual([]);
    expect(editor.apiFailures).toEqual([]);
  });

  it('is not offered on an entry in no issue, nor to a reviewer', async () => {
    const loose = await createEntry(`连审测试${SUFFIX}：街道开展消防演练`, '民生视点', null);
    await openRoute(editor.page, `/entries/${loose.id}/show`);
    await editor.page.getByRole('link', { name: '编辑' }).waitFor();
    await expect(editor.page.getByRole('link', { name: '在本期再建一条' }).count()).resolves.toBe(0);

    const reviewer = await browser.signIn('reviewer');
    try {
      await openRoute(reviewer.page, `/entries/${written.id}/show`);
      await reviewer.page.locator('#main-content h2', { hasText: WRITTEN }).waitFor();
      await reviewer.page.locator('#main-content').getByRole('link', { name: `总第${issue.serialNumber}期 · ${issue.year}年${issue.month}月` }).waitFor();
      await expect(reviewer.page.getByRole('link', { name: '在本期再建一条' }).count()).resolves.toBe(0);
    } finally {
      await reviewer.context.close();
    }
  });
});

describe('the dashboard refreshes by itself', () => {
  const [editor] = browser.sessions(['editor']);

  /**
   * Runs `meanwhile`, then lets the dashboard alone for ten seconds of its clock (every timer
   * due in them fires, well short of the minute), until each request it sent has its answer
   * and is drawn: what it shows then, it shows without focus or the minute passing.
   */
  const leftAlone = (page: Page, meanwhile: () => Promise<unknown>) =>
    settledAfter(page, async () => {
      await meanwhile();
      await page.clock.runFor(10_000);
    });

  /** The titles in 我的草稿 and its count, as the dashboard shows them now. */
  const drafts = async (page: Page) => {
    const list = page.locator('[data-testid="task-list-draft"]');
    return { titles: await list.locator('[data-testid="task-entry"]').allInnerTexts(), count: await list.locator('.MuiChip-label').innerText() };
  };

  it('shows an entry created meanwhile when the window regains focus, and every minute, without flicker or a reload', async () => {
    const { page } = editor;
    // The page's clock runs on its own but can be driven forward, to see the minute pass.
    await page.clock.install();
    await page.setViewportSize({ width: 1280, height: 480 });
    await openRoute(page, '/');
    await page.locator('[data-testid="task-list-draft"] .MuiChip-label').waitFor();
    await page.locator('[data-testid="latest-renditions"], [data-testid="dashboard-tasks"]').first().waitFor();
    await page.waitForLoadState('networkidle');

    // Marks that a reload or a re-mounted list would lose, and a watch for progress bars and emptied lists.
    await page.evaluate(() => {
      const state = window as unknown as { dashboardWatch: { progress: number; emptied: number } };
      state.dashboardWatch = { progress: 0, emptied: 0 };
      document.querySelector('[data-testid="task-list-draft"]')?.setAttribute('data-marked', 'yes');
      const dashboard = document.querySelector('[data-testid="dashboard"]');
      new MutationObserver(records => {
        for (const record of records) {
          for (const node of Array.from(record.addedNodes)) {
            if (node instanceof Element && (node.matches('.MuiLinearProgress-root') || node.querySelector('.MuiLinearProgress-root'))) state.dashboardWatch.progress += 1;
          }
        }
        if (document.querySelectorAll('[data-testid="task-list-draft"] [data-testid="task-entry"]').length === 0) state.dashboardWatch.emptied += 1;
      }).observe(dashboard!, { childList: true, subtree: true });
      window.scrollTo(0, 240);
    });
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    const before = await drafts(page);

    // Meanwhile a new draft is written (through the API, as a colleague's browser would).
    const focusTitle = `连审测试${SUFFIX}：刷新测试一`;
    await leftAlone(page, () => createEntry(focusTitle, '民生视点', null));
    expect((await drafts(page)).titles).not.toContain(focusTitle);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await waitFor(async () => ((await drafts(page)).titles[0]?.startsWith(focusTitle) ? true : undefined), 10_000);
    const afterFocus = await drafts(page);
    expect(Number(afterFocus.count)).toBe(Number(before.count) + 1);
    await screenshot(page, '05-dashboard-after-focus');

    const minuteTitle = `连审测试${SUFFIX}：刷新测试二`;
    await leftAlone(page, () => createEntry(minuteTitle, '民生视点', null));
    expect((await drafts(page)).titles[0]).not.toContain(minuteTitle);
    await page.clock.fastForward(61_000);
    await waitFor(async () => ((await drafts(page)).titles[0]?.startsWith(minuteTitle) ? true : undefined), 10_000);
    expect(Number((await drafts(page)).count)).toBe(Number(before.count) + 2);

    const watch = await page.evaluate(() => (window as unknown as { dashboardWatch: { progress: number; emptied: number } }).dashboardWatch);
    expect(watch).toEqual({ progress: 0, emptied: 0 });
    await expect(page.locator('[data-testid="task-list-draft"]').getAttribute('data-marked')).resolves.toBe('yes');
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(scrolled);
    expect(editor.pageErrors).toEqual([]);
    expect(editor.apiFailures).toEqual([]);
  });
});
