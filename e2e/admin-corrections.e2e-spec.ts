/**
 * A published issue in the admin, in a real browser against the running stack: read-only, with
 * 发起勘误 as the way forward, and the whole correction (勘误) from there.
 *
 * Journey: an editor opens the edit addresses of a published entry and of its issue by hand and
 * lands on their read-only pages, told why, with no field to type in; from the entry's page she
 * starts a correction (reason, corrected title, a sentence added in the rich-text body); a reviewer
 * finds it on the issue's page and signs it off; the renditions panel shows the reissued final
 * (第2版), whose PDF prints the 勘误 notice, and the first final marked 已被第2版取代, still
 * downloadable as it was.
 *
 * Test data is its own: a fresh published issue from publishTestIssue (years 2180–2188) with a
 * random suffix in its title; the shared demo users are only signed in as, never changed.
 */
import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { openRoute, screenshotter, useBrowser } from './browser';
import { compact, login, pdfPages, publishTestIssue } from './support';

jest.setTimeout(150_000);

const SUFFIX = String(randomInt(100_000, 999_999));
const TITLE = `勘误测试${SUFFIX}：区政协开展专题视查`;
const CORRECTED = `勘误测试${SUFFIX}：区政协开展专题视察`;
const REASON = '标题中“视察”误作“视查”';
const ADDED = '视察组听取了工作汇报。';

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });
const screenshot = screenshotter('corrections');

/** The notification that says `text`. */
async function notification(page: Page, text: string | RegExp): Promise<string> {
  const alert = page.getByRole('alert').filter({ hasText: text });
  await alert.first().waitFor();
  return (await alert.first().innerText()).trim();
}

/** Downloads the file of a rendition row and reads it back with pdftotext. */
async function downloadedText(page: Page, row: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(row).locator('[data-testid="rendition-download"]').click()]);
  const pdf = fs.readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return { name: download.suggestedFilename(), text: compact(pdfPages(pdf).join('\n')) };
}

describe('a published issue: read-only, corrected through 勘误', () => {
  let issueId: string;
  let entryId: string;
  const [editor, reviewer] = browser.sessions(['editor', 'reviewer']);

  beforeAll(async () => {
    const [editorToken, reviewerToken] = await Promise.all([login('editor'), login('reviewer')]);
    ({ issueId, entryId } = await publishTestIssue({ editor: editorToken, reviewer: reviewerToken }, 2180, TITLE));
  });

  it('opens the read-only page, with 发起勘误, for an edit address of a published entry or issue', async () => {
    const { page } = editor;
    for (const [edit, show] of [
      [`/entries/${entryId}`, `/entries/${entryId}/show`],
      [`/issues/${issueId}`, `/issues/${issueId}/show`],
    ]) {
      await openRoute(page, edit);
      await page.waitForURL(url => url.hash === `#${show}`);
      await expect(notification(page, '本期已发布，不能直接修改')).resolves.toContain('如需更正，请发起勘误');
      const notice = page.locator('[data-testid="published-notice"]');
      await notice.waitFor();
      await expect(notice.innerText()).resolves.toContain('内容只读');
      await expect(notice.locator('[data-testid="start-correction"]').count()).resolves.toBe(1);
      await expect(page.locator('#main-content input[name="title"], #main-content .ProseMirror').count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: '保存' }).count()).resolves.toBe(0);
    }
    await screenshot(page, '01-published-issue-read-only');
  });

  it('tells a reviewer the issue is read-only and that an editor starts a correction', async () => {
    const { page } = reviewer;
    await openRoute(page, `/entries/${entryId}/show`);
    const notice = page.locator('[data-testid="published-notice"]');
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain('请编辑发起勘误');
    await expect(notice.locator('[data-testid="start-correction"]').count()).resolves.toBe(0);
  });

  it('lets the editor start a correction from the entry: reason, corrected title and body', async () => {
    const { page } = editor;
    await openRoute(page, `/entries/${entryId}/show`);
    await page.locator('[data-testid="published-notice"] [data-testid="start-correction"]').click();
    await page.waitForURL(url => url.hash.startsWith(`#/corrections/${issueId}/new`));
    // Started from the entry, the entry is ticked and its wording open, as printed now.
    const title = page.locator(`input[name="wording.${entryId}.title"]`);
    await title.waitFor();
    await expect(title.inputValue()).resolves.toBe(TITLE);
    await page.locator('textarea[name="reason"]').fill(REASON);
    await title.fill(CORRECTED);
    const body = page.locator('[data-testid="correction-entry"] .ProseMirror');
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(ADDED);
    await screenshot(page, '02-start-correction');
    await page.locator('[data-testid="correction-submit"]').click();
    await notification(page, '勘误已提交，等待审核人签发');
    await page.waitForURL(url => url.hash === `#/issues/${issueId}/show`);
    const item = page.locator('[data-testid="correction-item"][data-status="pending"]');
    await item.waitFor();
    await expect(item.innerText()).resolves.toContain(REASON);
    await expect(item.innerText()).resolves.toContain(`《${CORRECTED}》`);
    await expect(item.innerText()).resolves.toContain('等待审核人签发');
    await expect(item.locator('[data-testid="correction-sign-off"]').count()).resolves.toBe(0);
  });

  it('lets the reviewer sign it off: the issue is reissued as 第2版 with the 勘误 notice, the first final kept', async () => {
    const { page } = reviewer;
    await openRoute(page, `/issues/${issueId}/show`);
    const pending = page.locator('[data-testid="correction-item"][data-status="pending"]');
    await pending.waitFor();
    await pending.locator('[data-testid="correction-sign-off"]').click();
    await notification(page, '勘误已签发');
    const signed = page.locator('[data-testid="correction-item"][data-status="signed_off"]');
    await signed.waitFor();
    await expect(signed.innerText()).resolves.toContain('第2版');

    await page.getByRole('tab', { name: '排版与下载' }).click();
    const reissued = '[data-testid="rendition-row"][data-kind="final"][data-revision="2"][data-status="done"]';
    await page.locator(reissued).waitFor({ timeout: 90_000 });
    const first = '[data-testid="rendition-row"][data-kind="final"][data-revision="1"]';
    await expect(page.locator(first).locator('[data-testid="rendition-superseded"]').innerText()).resolves.toBe('已被第2版取代');
    await screenshot(page, '03-renditions-superseded');

    const latest = await downloadedText(page, reissued);
    expect(latest.name).toMatch(/正式版-第2版\.pdf$/);
    expect(latest.text).toContain(compact(CORRECTED));
    expect(latest.text).toContain(compact(ADDED));
    expect(latest.text).toMatch(/勘误说明第2版（\d{4}年\d{1,2}月\d{1,2}日）/);
    expect(latest.text).toContain(`原因：${compact(REASON)}`);
    expect(latest.text).toContain(`《${compact(CORRECTED)}》（原题《${compact(TITLE)}》）`);

    const earlier = await downloadedText(page, first);
    expect(earlier.text).toContain(compact(TITLE));
    expect(earlier.text).not.toContain(compact(CORRECTED));
    expect(earlier.text).not.toContain('勘误说明');

    // The entry's page says it was corrected and how it prints now.
    await openRoute(page, `/entries/${entryId}/show`);
    await expect(page.locator('[data-testid="entry-corrected"]').innerText()).resolves.toBe(`本条目已勘误（第2版），现印为《${CORRECTED}》；以下为首次发布时的内容。`);
  });
});
