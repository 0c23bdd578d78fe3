import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl } from './support';

/** Debian's Chromium, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  /** Every API call the admin made that the server refused, as "409 PUT /api/entries/…". */
  apiFailures: string[];
}

/** A fresh browser context logged in through the login form, like a person would. */
export async function openSession(browser: Browser | undefined, username: string, password: string, ready = '#main-content'): Promise<Session> {
  if (!browser) throw new Error('the browser did not start');
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const apiFailures: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() >= 400) {
      apiFailures.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
    }
  });
  await page.goto(new URL('/', baseUrl()).toString());
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator(ready).waitFor();
  return { context, page, pageErrors, apiFailures };
}

export const SCREENSHOT_DIR = path.join(__dirname, '..', 'test-artifacts', 'screenshots');

/** Screenshots saved as test-artifacts/screenshots/<prefix>-<name>.png. */
export function screenshotter(prefix: string): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // Let notifications and transitions settle, so the picture shows what a person would see.
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${prefix}-${name}.png`), fullPage: true });
  };
}

/** Opens a screen of the admin by its hash route, as fresh as a person arriving there would see it. */
export async function openRoute(page: Page, route: string, base = baseUrl()): Promise<void> {
  const target = new URL(`/#${route}`, base).toString();
  // Going to the URL already shown changes nothing in a single-page app: read it again instead.
  if (page.url() === target) await page.reload();
  else await page.goto(target);
}
