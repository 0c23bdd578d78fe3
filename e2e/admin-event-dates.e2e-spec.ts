/**
 * Dates in the admin, in a Chromium started in American English (`--lang=en-US`, locale
 * en-US), where a browser's own date field reads 10/14/2021:
 *
 * - every date field shows and takes the year first (2021年10月14日, or typed 2021-10-14);
 * - the new-issue form's 出版日期 and coverage follow 年份/月份 until set by hand;
 * - the entry form warns when the event date lies outside the issue's period or the body's first
 *   sentence names another day; 编排 marks such entries; 送审 lists them in a dialog and goes on
 *   only once the editor confirms.
 *
 * Test data is its own: issues from createTestIssue (years 2190–2198, covering their own month)
 * and titles with a random suffix.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { openRoute, screenshotter, useBrowser } from './browser';
import { api, createTestIssue, login, transition, waitFor } from './support';

jest.setTimeout(120_000);

const SUFFIX = String(randomInt(100_000, 999_999));
const IN_PERIOD = `日期测试${SUFFIX}：区政府召开城市更新工作会议`;
const LATE = `日期测试${SUFFIX}：区里补报上月的防汛会议`;
const DRAFT = `日期测试${SUFFIX}：区图书馆开展阅读月活动`;

interface IssueRecord { id: string; year: number; month: number; version: number; coverageStart: string; coverageEnd: string }

const browser = useBrowser({ locale: 'en-US' }, ['--lang=en-US']);
const screenshot = screenshotter('event-dates');
let editorToken: string;
let reviewerToken: string;
let sectionId: string;

const chinese = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const pad = (value: number) => String(value).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** The month before year-month, which an issue reports by default. */
const monthBefore = (year: number, month: number) => (month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 });

async function createEntry(issue: IssueRecord, title: string, eventDate: string, body: string): Promise<string> {
  const created = await api('POST', '/api/entries', { token: editorToken, body: { title, sectionId, issueId: issue.id, eventDate, bodyHtml: `<p>${body}</p>` } });
  if (created.status !== 201) throw new Error(`creating ${title} failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

const valueOf = (page: Page, name: string) => page.locator(`input[name="${name}"]`).inputValue();

/** Waits until the field shows `expected`, then asserts it (a failure names what it showed). */
async function showsValue(page: Page, name: string, expected: string): Promise<void> {
  await waitFor(async () => ((await valueOf(page, name)) === expected ? true : undefined), 5000).catch(() => undefined);
  expect(await valueOf(page, name)).toBe(expected);
}

beforeAll(async () => {
  [editorToken, reviewerToken] = await Promise.all([login('editor'), login('reviewer')]);
  sectionId = (await api<Array<{ id: string }>>('GET', '/api/sections', { token: editorToken })).body[0].id;
});

describe('dates typed and shown year first in an American browser', () => {
  const [editor] = browser.sessions(['editor']);

  it('shows the new issue\'s dates as 年/月/日 and keeps them in step with the year and month until set by hand', async () => {
    const { page } = editor;
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await openRoute(page, '/issues');
    await page.locator('[data-testid="current-issue"]').waitFor();
    await page.getByRole('link', { name: '新建' }).click();
    const publication = page.locator('input[name="publicationDate"]');
    await publication.waitFor();
    // Not the browser's own date field, which would read mm/dd/yyyy here.
    expect(await publication.getAttribute('type')).not.toBe('date');
    const year = Number(await valueOf(page, 'year'));
    const month = Number(await valueOf(page, 'month'));
    const before = monthBefore(year, month);
    expect(await publication.inputValue()).toBe(`${year}年${month}月15日`);
    expect(await valueOf(page, 'coverageStart')).toBe(`${before.year}年${before.month}月1日`);
    expect(await valueOf(page, 'coverageEnd')).toBe(`${before.year}年${before.month}月${lastDay(before.year, before.month)}日`);
    await screenshot(page, '01-new-issue');

    // Another month: the dates follow.
    const other = month === 12 ? 11 : month + 1;
    await page.locator('input[name="month"]').fill(String(other));
    const otherBefore = monthBefore(year, other);
    await showsValue(page, 'publicationDate', `${year}年${other}月15日`);
    expect(await valueOf(page, 'coverageStart')).toBe(`${otherBefore.year}年${otherBefore.month}月1日`);

    // The publication date typed by hand, the ISO way: shown the house way, and no longer following.
    await publication.fill(`${year}-${pad(other)}-20`);
    await publication.blur();
    expect(await publication.inputValue()).toBe(`${year}年${other}月20日`);
    await page.locator('input[name="month"]').fill(String(month));
    await showsValue(page, 'coverageStart', `${before.year}年${before.month}月1日`);
    expect(await publication.inputValue()).toBe(`${year}年${other}月20日`);

    // Month first, as an American would type it, is not taken for a date.
    await publication.fill('10/14/2021');
    await publication.blur();
    await page.getByText('请输入有效的日期，年在前').first().waitFor();
    await screenshot(page, '02-typed-by-hand');
  });
});

describe('event dates against the issue period', () => {
  const [editor] = browser.sessions(['editor']);
  let issue: IssueRecord;
  let lateDate: string;

  beforeAll(async () => {
    issue = await createTestIssue<IssueRecord>(editorToken, 2190);
    lateDate = dayBefore(issue.coverageStart);
    const day = `${issue.coverageStart.slice(0, 8)}14`;
    for (const [title, date] of [[IN_PERIOD, day], [LATE, lateDate]] as const) {
      const id = await createEntry(issue, title, date, `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日，${title.split('：')[1]}。`);
      await transition(editorToken, 'entries', id, 'submit');
      await transition(reviewerToken, 'entries', id, 'approve');
    }
  });

  it('warns in the entry form when the date leaves the period or disagrees with the body', async () => {
    const { page } = editor;
    const draftIssue = await createTestIssue<IssueRecord>(editorToken, 2190);
    const day = `${draftIssue.coverageStart.slice(0, 8)}14`;
    const id = await createEntry(draftIssue, DRAFT, day, `${Number(day.slice(5, 7))}月14日，${DRAFT.split('：')[1]}。`);
    await openRoute(page, `/entries/${id}/edit`);
    const eventDate = page.locator('input[name="eventDate"]');
    await eventDate.waitFor();
    await showsValue(page, 'eventDate', chinese(day));
    const warning = page.locator('[data-testid="entry-date-warning"]');
    expect(await warning.count()).toBe(0);

    const late = dayBefore(draftIssue.coverageStart);
    await eventDate.fill(late);
    await warning.waitFor();
    const text = await warning.innerText();
    expect(text).toContain(`事件日期（${chinese(late)}）不在本期收录时段（${chinese(draftIssue.coverageStart)}至${chinese(draftIssue.coverageEnd)}）内`);
    expect(text).toContain(`正文首句写的是${chinese(day)}，与事件日期（${chinese(late)}）不一致`);
    await eventDate.blur();
    expect(await eventDate.inputValue()).toBe(chinese(late));
    await screenshot(page, '03-entry-warning');
  });

  it('marks the entry dated outside the period in 编排', async () => {
    const { page } = editor;
    await openRoute(page, `/issues/${issue.id}/show/assembly`);
    const board = page.locator('[data-testid="assembly-board"]');
    await board.waitFor();
    const row = (title: string) => board.locator('[data-testid="assembly-entry"]').filter({ hasText: title });
    await row(LATE).locator('[data-testid="out-of-period"]').waitFor();
    expect(await row(IN_PERIOD).locator('[data-testid="out-of-period"]').count()).toBe(0);
    await expect(page.locator('[data-testid="out-of-period-summary"]').innerText()).resolves.toContain('有 1 个条目的事件日期不在本期收录时段');
    await screenshot(page, '04-assembly');
  });

  it('lists it at 送审 and sends the issue to review only once the editor confirms', async () => {
    const { page } = editor;
    await openRoute(page, `/issues/${issue.id}/show`);
    await page.getByRole('button', { name: '送审' }).click();
    const dialog = page.locator('[data-testid="out-of-period-dialog"]');
    await dialog.getByRole('dialog').waitFor();
    const listed = await dialog.locator('[data-testid="out-of-period-entry"]').allInnerTexts();
    expect(listed.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([`《${LATE}》 ${chinese(lateDate)}`]);
    await screenshot(page, '05-submit-confirm');
    // Not sent yet: the issue is still being edited.
    expect((await api('GET', `/api/issues/${issue.id}`, { token: editorToken })).body.status).toBe('drafting');

    await dialog.getByRole('button', { name: '确认刊载并送审' }).click();
    await page.getByRole('alert').filter({ hasText: '已送审' }).first().waitFor();
    expect((await api('GET', `/api/issues/${issue.id}`, { token: editorToken })).body.status).toBe('in_review');
    expect(editor.pageErrors).toEqual([]);
  });
});
