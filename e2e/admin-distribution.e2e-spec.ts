import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { screenshotter, settledAfter, useBrowser } from './browser';
import { api, baseUrl, compact, login, publishTestIssue, waitFor } from './support';

jest.setTimeout(180000);

const browser = useBrowser();
const screenshot = screenshotter('distribution');
const suffix = Math.random().toString(36).slice(2, 8);
const LINK_UNIT = `浏览器分发测试链接单位${suffix}`;
const PAPER_UNIT = `浏览器分发测试纸质单位${suffix}`;

let issueId: string;

beforeAll(async () => {
  const [admin, editor, reviewer] = await Promise.all([login('admin'), login('editor'), login('reviewer')]);
  const ids: string[] = [];
  for (const [name, deliveryMethod] of [[LINK_UNIT, 'link'], [PAPER_UNIT, 'paper']]) {
    const created = await api('POST', '/api/recipients', { token: admin, body: { name, category: '浏览器分发测试', position: 9100, deliveryMethod, contactPerson: '赵六', phone: '0371-7654321' } });
    expect(created.status).toBe(201);
    ids.push(created.body.id);
  }
  ({ issueId } = await publishTestIssue({ editor, reviewer }, 2100, '浏览器分发测试条目', ids));
});

it('dispatches from the issue’s 发放情况, and the unit downloads and signs for its copy on a phone', async () => {
  const { page, pageErrors } = await browser.signIn('editor');
  await page.goto(`${baseUrl()}/#/issues/${issueId}/show/distribution`);
  await page.getByTestId('dispatch').click();
  const dialog = page.getByTestId('delivery-links');
  await dialog.waitFor();
  const link = await dialog.getByLabel(LINK_UNIT).inputValue();
  expect(link).toMatch(new RegExp(`^${baseUrl()}/receive/[A-Za-z0-9_-]{43}$`));
  await screenshot(page, 'links');
  await dialog.getByRole('button', { name: '关闭' }).click();
  const rows = page.getByTestId('delivery-row');
  await waitFor(async () => ((await rows.count()) === 2 ? true : undefined));
  expect(await rows.nth(0).innerText()).toContain(LINK_UNIT);
  expect(await rows.nth(1).innerText()).toContain(PAPER_UNIT);
  // The dashboard lists the issue among those awaiting receipts.
  await page.goto(`${baseUrl()}/#/`);
  await waitFor(async () => ((await page.getByTestId('dashboard-awaiting').innerText().catch(() => '')).includes('已签收 0/2') ? true : undefined), 20000);

  await page.goto(`${baseUrl()}/#/issues/${issueId}/show/distribution`);
  await waitFor(async () => ((await rows.count()) === 2 ? true : undefined));

  // The unit, on a phone, without an account.
  const phone = await browser.browser().newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true });
  const unitPage = await phone.newPage();
  const unitErrors: string[] = [];
  unitPage.on('pageerror', (error) => unitErrors.push(error.message));
  await unitPage.goto(link);
  await unitPage.getByText(`发至：${LINK_UNIT}`).waitFor();
  // The personalised PDF may still be in the making when the page first opens.
  const downloadButton = unitPage.getByRole('link', { name: /下载 ?PDF/ });
  await waitFor(async () => {
    if (await downloadButton.count()) return true;
    await unitPage.reload();
    return undefined;
  }, 30000);
  // Nothing wider than the phone's screen.
  expect(await unitPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(unitPage, 'unit-phone');
  const [download] = await Promise.all([unitPage.waitForEvent('download'), downloadButton.click()]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dsyb-unit-')), 'copy.pdf');
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = compact(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
  expect(text).toContain(`发至：${LINK_UNIT}`);
  expect(text).not.toContain(`发至：${PAPER_UNIT}`);

  await unitPage.getByLabel('签收人姓名').fill('孙七');
  await unitPage.getByRole('button', { name: /确认签收/ }).click();
  await unitPage.getByText(/孙七/).waitFor();
  expect(await unitPage.locator('body').innerText()).toMatch(/已于.*签收/);
  await screenshot(unitPage, 'unit-confirmed');
  expect(unitErrors).toEqual([]);
  await phone.close();

  // Back on the board: the unit's receipt, the download, and the paper unit recorded by hand.
  await settledAfter(page, () => page.reload());
  await waitFor(async () => ((await rows.nth(0).innerText()).includes('孙七') ? true : undefined), 15000);
  await rows.nth(1).getByRole('button', { name: /纸质签收/ }).click();
  const receipt = page.getByRole('dialog');
  await receipt.getByRole('textbox').fill('周八');
  await settledAfter(page, () => receipt.getByRole('button', { name: /确定|登记/ }).click());
  await waitFor(async () => ((await rows.nth(1).innerText()).includes('周八') ? true : undefined), 15000);
  expect(await rows.nth(1).innerText()).toContain('纸质回执');
  await screenshot(page, 'board');
  expect(pageErrors).toEqual([]);
});

it('shows administrators 分发设置 with the mail server and the link rules, the password never', async () => {
  const { page, pageErrors } = await browser.signIn('admin');
  await page.goto(`${baseUrl()}/#/settings/delivery`);
  await page.getByText('邮件服务器（SMTP）').waitFor();
  for (const source of ['publicUrl', 'smtpHost', 'smtpPort', 'smtpUser', 'smtpPassword', 'sender', 'linkTtlDays', 'overdueDays']) {
    expect(await page.locator(`[name="${source}"]`).count()).toBe(1);
  }
  expect(await page.locator('[name="smtpPassword"]').inputValue()).toBe('');
  await screenshot(page, 'settings');
  expect(pageErrors).toEqual([]);
});
