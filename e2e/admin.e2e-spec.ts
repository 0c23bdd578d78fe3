/**
 * The admin in a real browser against the running stack: the API serves the built admin at
 * `/` and answers under `/api`. The test runner starts it and passes its URL in E2E_BASE_URL.
 *
 * Journey: an editor signs in through the login form, finds 总第97期 in the issues list,
 * opens it and reads its table of contents (27 entries under the six sections of the
 * reference issue, in print order); a wrong password is refused with a message in Chinese.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { transitionsEnded, useBrowser } from './browser';
import { api, baseUrl, createTestIssue, login } from './support';

jest.setTimeout(60_000);

const SCREENSHOT_DIR = path.join(__dirname, '..', 'test-artifacts', 'screenshots');

const EDITOR = { username: 'editor', password: 'demo12345' };

/** The sections of the reference issue (shared/seeds/monthly-chronicle-2020-10-no97.txt) and their entries. */
const REFERENCE_CONTENTS: Array<[section: string, entries: number]> = [
  ['本期焦点', 1],
  ['时政要点', 17],
  ['创文看点', 3],
  ['经济热点', 1],
  ['文化亮点', 1],
  ['民生视点', 4],
];
const HAN = /[\u4e00-\u9fff]/;

const browser = useBrowser();

describe('admin in the browser', () => {
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeEach(async () => {
    // Signed in as nobody: each test starts at the login form.
    ({ context, page, pageErrors } = await browser.openBlank());
  });

  afterEach(async () => {
    await context?.close();
  });

  async function screenshot(name: string): Promise<void> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }

  async function openLoginForm(): Promise<void> {
    await page.goto(new URL('/', baseUrl()).toString());
    // The admin sends a visitor without a session to its login form.
    await page.locator('input[name="username"]').waitFor();
  }

  async function signIn(username: string, password: string): Promise<void> {
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
  }

  it('lets an editor sign in and read the table of contents of 总第97期', async () => {
    await openLoginForm();
    await expect(page.locator('button[type="submit"]').innerText()).resolves.toMatch(HAN);
    await screenshot('01-login');

    await signIn(EDITOR.username, EDITOR.password);

    // Signing in lands on the issue list. Other tests add issues numbered above 97 to the same
    // database as they run, so 总第97期 may be on a later page: narrow the list to its year, as the
    // office would with a long archive.
    await page.locator('tr').first().waitFor();
    await expect(page.locator('header').innerText()).resolves.toContain('中原区地方史志办公室 · 大事月报');
    await page.goto(new URL(`/#/issues?filter=${encodeURIComponent(JSON.stringify({ year: 2020 }))}`, baseUrl()).toString());
    const issueRow = page.locator('tr', { hasText: '总第97期' });
    await issueRow.first().waitFor();
    await screenshot('02-issue-list');

    await issueRow.first().click();
    const entries = page.locator('[data-testid="issue-entry"]');
    // The page may first show the record from the list, then the full issue with its contents.
    await entries.first().waitFor();
    await screenshot('03-issue-show');

    expect(await entries.count()).toBe(27);
    const sections = page.locator('[data-testid="issue-section"]');
    const contents: Array<[string, number]> = [];
    for (let index = 0; index < (await sections.count()); index++) {
      const section = sections.nth(index);
      contents.push([
        (await section.locator('[data-testid="issue-section-heading"]').innerText()).trim(),
        await section.locator('[data-testid="issue-entry"]').count(),
      ]);
    }
    expect(contents).toEqual(REFERENCE_CONTENTS);

    const main = await page.locator('#main-content').innerText();
    expect(main).toContain('总第97期');
    expect(main).toContain('2020年10月15日');
    // Everything the interface itself says is in Chinese (the content of this issue has no Latin words).
    expect(main.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);

    await entries.first().click();
    await page.locator('[data-testid="entry-body"]').waitFor();
    await expect(page.locator('#main-content').innerText()).resolves.toContain('徐立毅出席芝麻街双创园开园仪式');
    await screenshot('04-entry-show');

    expect(pageErrors).toEqual([]);
  });

  it('opens a link to the entries list asking for its data once and the app\'s code at once, and the data before that code has run', async () => {
    // The latest changed entry, first in the list, is one of an issue (other tests' entries may
    // be in none).
    const token = await login(EDITOR.username, EDITOR.password);
    const issue = await createTestIssue<{ id: string }>(token, 2120);
    const sections = (await api<Array<{ id: string }>>('GET', '/api/sections', { token })).body;
    const title = `预载测试条目 ${Date.now()}`;
    const created = await api('POST', '/api/entries', { token, body: { title, issueId: issue.id, sectionId: sections[0].id, eventDate: '2120-03-02', bodyHtml: '<p>3月2日，预载测试。</p>' } });
    expect(created.status).toBe(201);
    await openLoginForm();
    await signIn(EDITOR.username, EDITOR.password);
    await page.locator('#main-content').waitFor();

    // A new tab on the list, signed in (the session is in localStorage); routing its requests
    // through Playwright turns the HTTP cache off, so the app's code is fetched again.
    const tab = await context.newPage();
    tab.on('pageerror', error => pageErrors.push(error.message));
    await tab.route('**/*', route => route.continue());
    // When the app (React, MUI, react-admin) first draws into the page: its code has arrived and run.
    await tab.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.getElementById('root')?.firstChild) {
          (window as unknown as { appDrewAt: number }).appDrewAt = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const requests: Array<{ at: number; method: string; path: string; query: string }> = [];
    let bootScriptLoadedAt = Infinity;
    tab.on('requestfinished', request => {
      if (/\/assets\/index-[^/]+\.js$/.test(new URL(request.url()).pathname)) bootScriptLoadedAt = Date.now();
    });
    tab.on('request', request => {
      const url = new URL(request.url());
      requests.push({ at: Date.now(), method: request.method(), path: url.pathname, query: decodeURIComponent(url.search) });
    });
    await tab.goto(new URL('/#/entries', baseUrl()).toString());
    const row = tab.locator('tbody tr.RaDataTable-clickableRow', { hasText: title });
    await row.waitFor();
    // The row names its issue and section (fetched by id, also ahead of time).
    await expect(row.innerText()).resolves.toMatch(/总第\d+期/);
    await tab.waitForLoadState('networkidle');

    const gets = (path: string, query: RegExp) => requests.filter(r => r.method === 'GET' && r.path === path && query.test(r.query));
    // Once each: the preloaded answers are used, by httpClient or by the list's cache
    // (boot/seedQueries.ts), and react-admin does not ask again as it draws the list.
    expect(gets('/api/auth/me', /^$/)).toHaveLength(1);
    expect(gets('/api/entries', /range/)).toHaveLength(1);
    expect(gets('/api/issues', /range/)).toHaveLength(1);
    expect(gets('/api/sections', /range/)).toHaveLength(1);
    expect(gets('/api/issues', /"id":\[/)).toHaveLength(1);
    expect(gets('/api/sections', /"id":\[/)).toHaveLength(1);
    // index.html itself asks for the app's main script (React, MUI, react-admin), beside main.tsx,
    // not main.tsx once it has arrived…
    const rowsAskedAt = gets('/api/entries', /range/)[0].at;
    const shell = requests.find(r => /\/assets\/shell-[^/]+\.js$/.test(r.path));
    expect(shell).toBeDefined();
    expect(shell!.at).toBeLessThan(bootScriptLoadedAt);
    // …and the rows were asked for before that script had run.
    const appDrewAt = await tab.evaluate(() => (window as unknown as { appDrewAt?: number }).appDrewAt);
    expect(appDrewAt).toBeDefined();
    expect(rowsAskedAt).toBeLessThan(appDrewAt!);
    expect(pageErrors).toEqual([]);
  });

  it('sends a visitor without a session from a link to the entries list to the login form, asking the API for nothing', async () => {
    const apiRequests: string[] = [];
    page.on('request', request => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) apiRequests.push(`${request.method()} ${url.pathname}`);
    });
    await page.goto(new URL('/#/entries', baseUrl()).toString());
    await page.locator('input[name="username"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(page.url()).toContain('#/login');
    // Nothing to ask without a token: no request to be refused with 401.
    expect(apiRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a wrong password with a message in Chinese', async () => {
    await openLoginForm();
    await signIn(EDITOR.username, 'not-the-password');

    const notification = page.getByRole('alert');
    await notification.first().waitFor();
    const message = (await notification.first().innerText()).trim();
    await transitionsEnded(page); // the notification has finished sliding in, for the screenshot
    await screenshot('05-login-refused');

    expect(message).toMatch(HAN);
    expect(message).not.toMatch(/[A-Za-z]{3,}/);
    // Still on the login form, without a session.
    await expect(page.locator('input[name="password"]').isVisible()).resolves.toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
