/**
 * The set-up every browser test shares: one Chromium per test file, a fresh context per person,
 * signed in through the login form as a person would, with the page's errors and the API's
 * refusals recorded for the tests to assert on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { baseUrl, waitFor } from './support';

/** Debian's Chromium, with the flags this machine's closed network needs (and any given, e.g. `--lang=en-US`). */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  /** Every API call the admin made that the server refused, as "409 PUT /api/entries/…". */
  apiFailures: string[];
}

export interface SessionOptions {
  /** The demo users' password unless given. */
  password?: string;
  /** What shows once signed in: the admin's frame unless given (the dashboard, say). */
  ready?: string;
  /** The stack to use: the one scripts/test.mjs started unless given. */
  baseUrl?: string;
  /** How long the page's waits last before they fail. */
  timeout?: number;
  /** The browser's language (navigator.language, Accept-Language, date formats): zh-CN unless given. */
  locale?: string;
}

/** A fresh browser context with one page, at no address yet and signed in as nobody. */
export async function openBlankSession(browser: Browser, options: SessionOptions = {}): Promise<Session> {
  const origin = new URL(options.baseUrl ?? baseUrl()).origin;
  const context = await browser.newContext({ locale: options.locale ?? 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeout ?? 20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const apiFailures: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === origin && url.pathname.startsWith('/api/') && response.status() >= 400) {
      apiFailures.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
    }
  });
  return { context, page, pageErrors, apiFailures };
}

/** A fresh browser context signed in through the login form, like a person would. */
export async function openSession(browser: Browser, username: string, options: SessionOptions = {}): Promise<Session> {
  const session = await openBlankSession(browser, options);
  const { page } = session;
  await page.goto(new URL('/', options.baseUrl ?? baseUrl()).toString());
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(options.password ?? 'demo12345');
  await page.locator('button[type="submit"]').click();
  await page.locator(options.ready ?? '#main-content').waitFor();
  return session;
}

/** A session a describe block's beforeAll signs in: its parts can be read once that has run. */
class BlockSession implements Session {
  opened: Session | undefined;

  constructor(private readonly username: string) {}

  private get session(): Session {
    if (!this.opened) throw new Error(`${this.username} is not signed in: the describe block's beforeAll has not run or failed`);
    return this.opened;
  }

  get context(): BrowserContext {
    return this.session.context;
  }

  get page(): Page {
    return this.session.page;
  }

  get pageErrors(): string[] {
    return this.session.pageErrors;
  }

  get apiFailures(): string[] {
    return this.session.apiFailures;
  }
}

export interface BrowserForTests {
  /** The running browser (for what the helpers below do not cover). */
  browser(): Browser;
  /** A fresh context, not signed in. Closed with the browser unless closed before. */
  openBlank(options?: SessionOptions): Promise<Session>;
  /** Signs in now, in a fresh context. Closed with the browser unless closed before. */
  signIn(username: string, options?: SessionOptions): Promise<Session>;
  /**
   * One session per user for the tests of the describe block this is called in: signed in,
   * side by side, by a beforeAll of that block (after the block's hooks declared above it),
   * and closed by its afterAll.
   */
  sessions(usernames: string[], options?: SessionOptions): Session[];
}

/**
 * Chromium for the tests of one file: launched before them and closed after them, with every
 * context still open. `defaults` apply to every session opened through it.
 */
export function useBrowser(defaults: SessionOptions = {}, launchArgs: readonly string[] = []): BrowserForTests {
  let running: Browser | undefined;
  beforeAll(async () => {
    running = await launchBrowser(launchArgs);
  });
  afterAll(async () => {
    await running?.close();
  });

  const browser = () => {
    if (!running) throw new Error('the browser did not start');
    return running;
  };
  return {
    browser,
    openBlank: (options) => openBlankSession(browser(), { ...defaults, ...options }),
    signIn: (username, options) => openSession(browser(), username, { ...defaults, ...options }),
    sessions(usernames, options) {
      const slots = usernames.map((username) => new BlockSession(username));
      beforeAll(async () => {
        await Promise.all(
          slots.map(async (slot, index) => {
            slot.opened = await openSession(browser(), usernames[index], { ...defaults, ...options });
          }),
        );
      });
      afterAll(async () => {
        await Promise.all(slots.map((slot) => slot.opened?.context.close()));
      });
      return slots;
    },
  };
}

export const SCREENSHOT_DIR = path.join(__dirname, '..', 'test-artifacts', 'screenshots');

/**
 * Lets the page's transitions end (a notification sliding in, a dialog fading), so a picture
 * shows what a person would see. Endless animations (progress bars, spinners) are not waited
 * for; nor is anything after `timeoutMs`: a screenshot is a record, not an assertion.
 */
export async function transitionsEnded(page: Page, timeoutMs = 5_000): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity),
      undefined,
      { timeout: timeoutMs, polling: 'raf' },
    )
    .catch(() => undefined);
}

/** Resolves once the page has drawn twice: what its scripts were doing has reached the screen. */
export async function afterRender(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Runs `action`, then waits until every request the page sent meanwhile has its answer and
 * the page has drawn it: what a test asserts next is then what the action led to.
 */
export async function settledAfter(page: Page, action: () => Promise<unknown>, timeoutMs = 15_000): Promise<void> {
  const open = new Set<Request>();
  const sent = (request: Request) => open.add(request);
  const answered = (request: Request) => open.delete(request);
  page.on('request', sent);
  page.on('requestfinished', answered);
  page.on('requestfailed', answered);
  try {
    await action();
    await afterRender(page);
    await waitFor(async () => (open.size === 0 ? true : undefined), timeoutMs);
    await afterRender(page);
  } finally {
    page.off('request', sent);
    page.off('requestfinished', answered);
    page.off('requestfailed', answered);
  }
}

/** Screenshots saved as test-artifacts/screenshots/<prefix>-<name>.png, once transitions have ended. */
export function screenshotter(prefix: string): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await transitionsEnded(page);
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
