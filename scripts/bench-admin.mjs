// `npm run bench:admin`: how fast the admin (production build, served by the API at `/`) opens
// and saves, in Debian's Chromium on loopback. Prints JSON and exits 0 whether or not the targets
// were met (1 only when something could not be measured). Not a test.
//
//   firstLoad   BENCH_RUNS times (default 10, after one untimed load), a fresh browser context
//               (empty HTTP cache; the session already in localStorage, where the admin's
//               authProvider keeps it) opens /#/entries. Timed in the page from navigation start:
//               `rowsVisibleMs` when the list's data rows are in the DOM and a frame has been
//               drawn; `interactiveMs` the first moment from then on when the main thread is not
//               in a long task (> 50 ms; tasks less than 50 ms apart count as one), so a click or a
//               key would be handled at once. As a check, a key is typed into the list's search
//               box as soon as the rows are seen: `keySentMs` when the browser received it (this
//               includes the driver's own delay) and `keyHandledMs` when the page had it.
//               `repeatVisitInteractiveMs` is the same list opened afterwards in a new tab of the
//               same context (the admin's files then come from the HTTP cache).
//               Each context is a new browser window, and Chromium 156 sets up a window's own UI
//               (it loads its omnibox popup, a WebUI page, in a renderer of its own: about 1.4 s of
//               CPU) as it opens. A person opens the admin in a browser that is already running, so
//               the timed loads start once the browser's processes are idle again (`browserIdle`;
//               the wait is not timed). `newWindowInteractiveMs` (up to 5 runs) is the load started
//               at once, as the window opens, competing with that work on this 2-core machine.
//               `mainThreadCpuMs` is the renderer main thread's CPU time until interactive, from
//               a Chromium trace of up to 5 further loads (tracing slows the page, so the timed
//               loads are not traced): on a shared machine the wall times include waiting for a
//               CPU, this does not. JavaScript is counted from the page's Resource Timing: the files
//               that finished before interactive (`initialJs`) and all the page fetched until the
//               network was quiet (`allJsLoaded`), as transferred (`transferredBytes`, compressed
//               only when the server compresses) and as they weigh gzip-compressed (`gzipBytes`,
//               level 6, computed here from dist/admin). `servedCompressed` says whether the API
//               sent them with a Content-Encoding; `bundle` is every .js file of dist/admin.
//   save        The editor opens an entry of a test issue created through the API (the reference
//               issue is locked), changes its title and body a little, clicks 保存 and waits for the
//               success notification (已更新 1 项); the edit page is opened again for the next run.
//               `roundTripMs` is the click (the event's timestamp) to the frame after the
//               notification entered the DOM; `putMs` the PUT's own time in the browser's network
//               timing; `clickToPutStartMs` and `putEndToNotificationMs` the parts before and after
//               it (the notification shows, then the admin draws the entry's page);
//               `mainThreadCpuMs` the main thread's CPU time from click to notification, from up
//               to 5 further saves that are traced. One untimed first save (`firstSaveMs`, reported apart) loads what a save needs the
//               first time. `lastRunTimeline` lists the last run's requests and long tasks.
//
// `--smoke` does one run of each (no untimed load), to check the script still works after a UI
// change. BENCH_TRACE=0 leaves out the Chromium trace (and the CPU figures). It builds (api,
// worker and admin) when dist/ lacks them or BUILD=1, and starts its own disposable stack like
// `npm test`; CHROMIUM_PATH chooses the browser.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { client, percentile } from './bench-http.mjs';
import { build, root, startDisposableStack } from './stack.mjs';

const SMOKE = process.argv.includes('--smoke');
const RUNS = SMOKE ? 1 : Math.max(1, Number(process.env.BENCH_RUNS ?? 10));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'demo12345';
// The admin's success notification after an update (ra.notification.updated in i18n/zh-cn.ts: 已更新 1 项).
const SAVED_MESSAGE = '已更新';
const TARGETS = { firstLoadMs: 1500, initialJsGzipBytes: 400 * 1024, saveRoundTripMs: 200 };
const ADMIN_DIR = path.join(root, 'dist/admin');
const ARTIFACTS = path.join(root, 'test-artifacts', 'admin-bench');
const ROW = 'tbody tr.RaDataTable-clickableRow';
const SEARCH = 'input[name="q"]';
// react-admin's notification (a MUI Snackbar; its RaNotification-<type> classes do not reach the DOM with MUI 9).
const NOTIFICATION = '.MuiSnackbar-root [role="alert"]';

const round = (value) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), min: round(sorted[0]), max: round(sorted.at(-1)) };
}

/* ---------------------------------------------------------------- the build */

if (process.env.BUILD || !existsSync(path.join(root, 'dist/apps/api/src/main.js')) || !existsSync(path.join(ADMIN_DIR, 'index.html'))) {
  build({ admin: true });
}

/** gzip size (level 6, as Express' compression and most servers use) of a file of dist/admin. */
const gzipCache = new Map();
function gzipSizeOf(pathname) {
  if (!gzipCache.has(pathname)) {
    const file = path.join(ADMIN_DIR, decodeURIComponent(pathname));
    gzipCache.set(pathname, existsSync(file) ? gzipSync(readFileSync(file), { level: 6 }).length : null);
  }
  return gzipCache.get(pathname);
}

function bundleSize() {
  const dir = path.join(ADMIN_DIR, 'assets');
  const files = readdirSync(dir).filter((name) => name.endsWith('.js'));
  const raw = files.reduce((sum, name) => sum + readFileSync(path.join(dir, name)).length, 0);
  const gzip = files.reduce((sum, name) => sum + gzipSizeOf(`/assets/${name}`), 0);
  return { files: files.length, rawBytes: raw, gzipBytes: gzip };
}

/* ---------------------------------------------------------------- in the page */

/** Runs before the admin's own scripts in every page: notes when the list's rows and the first key arrive. */
function firstLoadProbe({ row, search }) {
  performance.setResourceTimingBufferSize(5000);
  const bench = { rowsInDomAt: null, rowsVisibleAt: null, rows: 0, keySentAt: null, inputAt: null, longTasks: [] };
  window.__bench = bench;
  // Main-thread tasks over 50 ms (script, layout, rendering): while one runs, the page takes no input.
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) bench.longTasks.push([task.startTime, task.startTime + task.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (bench.rowsInDomAt === null && document.querySelector(row)) {
      bench.rowsInDomAt = performance.now();
      bench.rows = document.querySelectorAll(row).length;
      observer.disconnect();
      requestAnimationFrame(() => { bench.rowsVisibleAt = performance.mark('bench:rows-visible').startTime; });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  // When the browser received the key (the event's timestamp), and when the page handled it.
  document.addEventListener('keydown', (event) => {
    if (bench.keySentAt === null && event.target instanceof Element && event.target.matches(search)) bench.keySentAt = event.timeStamp;
  }, true);
  document.addEventListener('input', (event) => {
    if (bench.inputAt === null && event.target instanceof Element && event.target.matches(search)) bench.inputAt = performance.now();
  }, true);
}

/** Runs in the edit page: the time of the click on 保存 and of the success notification after it. */
function saveProbe(entryPath) {
  performance.clearResourceTimings();
  const bench = { clickAt: null, notifiedInDomAt: null, notifiedAt: null, message: null, putStartAt: null, putEndAt: null, entryPageAt: null, longTasks: [], requests: [] };
  window.__saveBench = bench;
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) bench.longTasks.push([task.startTime, task.duration]);
  }).observe({ type: 'longtask' });
  const observer = new MutationObserver(() => {
    // After the save the admin goes to the entry's page (redirect="show"), which shows its body.
    if (bench.entryPageAt === null && document.querySelector('[data-testid="entry-body"]')) bench.entryPageAt = performance.now();
    const notification = document.querySelector('.MuiSnackbar-root [role="alert"]');
    if (notification && bench.notifiedInDomAt === null) {
      bench.notifiedInDomAt = performance.now();
      bench.message = notification.textContent;
      observer.disconnect();
      // The first request to the entry after the click is the PUT (Resource Timing has no method).
      const put = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === entryPath && entry.startTime >= bench.clickAt);
      if (put) { bench.putStartAt = put.startTime; bench.putEndAt = put.responseEnd; }
      bench.requests = performance.getEntriesByType('resource').filter((entry) => entry.startTime >= bench.clickAt).map((entry) => [new URL(entry.name).pathname, entry.startTime, entry.responseEnd]);
      requestAnimationFrame(() => { bench.notifiedAt = performance.now(); });
    }
  });
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[type="submit"]') : null;
    if (button && bench.clickAt === null) {
      bench.clickAt = event.timeStamp;
      bench.clickMarkAt = performance.mark('bench:save-click').startTime;
      observer.observe(document.body, { childList: true, subtree: true });
    }
  }, true);
}

/* ---------------------------------------------------------------- the two measurements */

/**
 * The first moment from `from` on when the main thread is not in a long task: a long task running
 * then, or starting less than 50 ms after the previous one ended, pushes it to that task's end.
 */
function quietAfter(from, longTasks) {
  let at = from;
  for (const [start, end] of [...longTasks].sort((a, b) => a[0] - b[0])) {
    if (end > at && start <= at + 50) at = end;
  }
  return at;
}

const TRACE = process.env.BENCH_TRACE !== '0';
// Tracing slows the page: the timed runs are not traced; the CPU figures come from as many more runs that are.
const CPU_RUNS = SMOKE ? 1 : Math.min(RUNS, 5);
// RunTask (each main-thread task, with its thread time) is in the disabled-by-default category.
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

/**
 * CPU time the page's main thread spent (thread time of its tasks, not wall time) between two
 * moments of the page's clock, from a Chromium trace in which the page set the performance mark
 * `mark` at `markAt`: on a shared machine wall times include waiting for a CPU, this does not.
 */
function mainThreadCpuMs(trace, mark, markAt, from, to) {
  if (!trace) return null;
  const events = JSON.parse(trace.toString('utf8')).traceEvents;
  const marker = events.find((event) => event.name === mark && String(event.cat).includes('user_timing'));
  if (!marker) return null;
  const offset = marker.ts - markAt * 1000;
  const main = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === marker.pid && event.args?.name === 'CrRendererMain');
  const [start, end] = [offset + from * 1000, offset + to * 1000];
  let cpu = 0;
  for (const task of events) {
    if (task.ph !== 'X' || task.name !== 'RunTask' || task.pid !== marker.pid || (main && task.tid !== main.tid) || task.tdur === undefined) continue;
    const overlap = Math.min(end, task.ts + task.dur) - Math.max(start, task.ts);
    if (overlap > 0) cpu += task.tdur * (task.dur ? overlap / task.dur : 1);
  }
  return cpu / 1000;
}

/** CPU time (clock ticks) used so far by every Chromium process of this machine. */
function chromiumTicks() {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat;
    try { stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { continue; }
    const close = stat.lastIndexOf(')');
    if (!/chrom/.test(stat.slice(stat.indexOf('(') + 1, close))) continue;
    const fields = stat.slice(close + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return ticks;
}

/**
 * Until the browser's own processes are idle (under 10 % of one CPU for 300 ms), at most `maxMs`:
 * a new window's set-up (its omnibox popup and the like) is the browser's work, not the admin's.
 * Returns the time waited, which is not part of any timing.
 */
async function browserIdle(maxMs = 8000) {
  const started = Date.now();
  let before = chromiumTicks();
  while (Date.now() - started < maxMs) {
    await sleep(300);
    const now = chromiumTicks();
    // Ticks are 1/100 s: 3 ticks in 300 ms is 10 % of one CPU.
    if (now - before <= 3) break;
    before = now;
  }
  return Date.now() - started;
}

async function newContext(browser, baseUrl, session) {
  return browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    storageState: {
      cookies: [],
      origins: [{ origin: baseUrl, localStorage: [{ name: 'dsyb.accessToken', value: session.accessToken }, { name: 'dsyb.user', value: JSON.stringify(session.user) }] }],
    },
  });
}

/** Until the page has fetched nothing new for `quietMs`. */
async function networkQuiet(page, quietMs = 1000, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let count = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = await page.evaluate(() => performance.getEntriesByType('resource').length);
    if (now !== count) { count = now; since = Date.now(); }
    else if (Date.now() - since >= quietMs) return;
    await sleep(200);
  }
}

/**
 * The list opened again in a new tab of the same browser context, as someone coming back later
 * would: the admin's files come from the HTTP cache (they are marked immutable). The first
 * visit's list settings (its search) are dropped, so the same rows are asked for.
 */
async function repeatLoad(context, baseUrl, firstPage) {
  await firstPage.evaluate(() => { for (const key of Object.keys(localStorage)) if (key.startsWith('RaStore')) localStorage.removeItem(key); });
  const page = await context.newPage();
  try {
    page.setDefaultTimeout(30_000);
    await browserIdle();
    await page.goto(new URL('/#/entries', baseUrl).toString(), { waitUntil: 'commit' });
    await page.locator(ROW).first().waitFor({ state: 'visible' });
    await page.waitForFunction(() => window.__bench.rowsVisibleAt !== null);
    await page.waitForTimeout(1000);
    const probe = await page.evaluate(() => ({
      ...window.__bench,
      scriptsFromNetwork: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js') && entry.transferSize > 0).length,
    }));
    return { interactiveMs: quietAfter(probe.rowsVisibleAt, probe.longTasks), scriptsFromNetwork: probe.scriptsFromNetwork };
  } finally {
    await page.close();
  }
}

/**
 * One cold load of the list in a new window: `settle` waits for the browser's own work on the new
 * window first, as when someone opens the admin in a browser already running.
 */
async function firstLoad(browser, baseUrl, session, { trace = false, settle = true } = {}) {
  const context = await newContext(browser, baseUrl, session);
  try {
    await context.addInitScript(firstLoadProbe, { row: ROW, search: SEARCH });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const settledAfterMs = settle ? await browserIdle() : null;
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const encodings = new Map();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith('.js')) encodings.set(url.pathname, response.headers()['content-encoding'] ?? null);
    });
    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(new URL('/#/entries', baseUrl).toString(), { waitUntil: 'commit' });
    await page.locator(ROW).first().waitFor({ state: 'visible' });
    // As soon as the rows are there, a key into the search box: it lands once the page takes input.
    await page.locator(SEARCH).press('a');
    await page.waitForFunction(() => window.__bench.inputAt !== null && window.__bench.rowsVisibleAt !== null);
    const traced = trace ? await browser.stopTracing() : null;
    await networkQuiet(page);
    const probe = await page.evaluate(() => ({
      ...window.__bench,
      navigation: performance.getEntriesByType('navigation').map((entry) => ({ domContentLoaded: entry.domContentLoadedEventEnd, load: entry.loadEventEnd, documentBytes: entry.transferSize }))[0],
      resources: performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, responseEnd: entry.responseEnd, transferSize: entry.transferSize, encodedBodySize: entry.encodedBodySize, decodedBodySize: entry.decodedBodySize })),
    }));
    if (errors.length) throw new Error(`the admin threw while loading: ${errors.join('; ')}`);
    // Long tasks from the key's own handling (the search filter) are not the load's.
    const interactiveAt = quietAfter(probe.rowsVisibleAt, probe.longTasks.filter(([start]) => probe.keySentAt === null || start < probe.keySentAt));
    const cpuMs = mainThreadCpuMs(traced, 'bench:rows-visible', probe.rowsVisibleAt, 0, interactiveAt);
    const js = probe.resources.filter((entry) => new URL(entry.name).pathname.endsWith('.js'));
    const sum = (entries) => ({
      files: entries.length,
      transferredBytes: entries.reduce((total, entry) => total + entry.transferSize, 0),
      bodyBytes: entries.reduce((total, entry) => total + entry.encodedBodySize, 0),
      rawBytes: entries.reduce((total, entry) => total + entry.decodedBodySize, 0),
      gzipBytes: entries.reduce((total, entry) => total + (gzipSizeOf(new URL(entry.name).pathname) ?? entry.encodedBodySize), 0),
    });
    const compressed = [...encodings.values()].filter((encoding) => encoding && encoding !== 'identity');
    const repeat = trace || !settle ? null : await repeatLoad(context, baseUrl, page);
    return {
      repeat,
      settledAfterMs,
      rowsVisibleMs: probe.rowsVisibleAt,
      keySentMs: probe.keySentAt,
      keyHandledMs: probe.inputAt,
      interactiveMs: interactiveAt,
      mainThreadCpuMs: cpuMs,
      longTasksBeforeInteractive: probe.longTasks.filter(([start]) => start < interactiveAt).length,
      domContentLoadedMs: probe.navigation?.domContentLoaded ?? null,
      rows: probe.rows,
      initialJs: sum(js.filter((entry) => entry.responseEnd <= interactiveAt)),
      allJsLoaded: sum(js),
      apiRequestsBeforeInteractive: probe.resources.filter((entry) => new URL(entry.name).pathname.startsWith('/api/') && entry.responseEnd <= interactiveAt).length,
      jsResponses: encodings.size,
      jsResponsesCompressed: compressed.length,
      encodings: [...new Set(compressed)],
    };
  } finally {
    await context.close();
  }
}

async function saveRuns(browser, baseUrl, request) {
  const editor = (await request('POST', '/api/auth/login', { body: { username: 'editor', password: PASSWORD } })).body;
  const token = editor.accessToken;
  const sections = (await request('GET', '/api/sections', { token })).body;
  const year = 2100 + Math.floor(Math.random() * 100);
  const issue = await request('POST', '/api/issues', { token, body: { year, month: 5, serialNumber: 50, publicationDate: `${year}-05-15` } });
  if (issue.status !== 201) throw new Error(`creating the test issue failed: ${issue.status} ${issue.text}`);
  const entry = await request('POST', '/api/entries', {
    token,
    body: { title: '测速条目：区政府召开防汛工作会议', issueId: issue.body.id, sectionId: sections[0].id, eventDate: `${year}-04-17`, bodyHtml: '<p>4月17日，区政府召开防汛工作专题会议，部署汛期各项工作。</p>' },
  });
  if (entry.status !== 201) throw new Error(`creating the test entry failed: ${entry.status} ${entry.text}`);
  const entryId = entry.body.id;

  const context = await newContext(browser, baseUrl, editor);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const puts = [];
    page.on('requestfinished', (finished) => {
      if (finished.method() === 'PUT' && new URL(finished.url()).pathname === `/api/entries/${entryId}`) puts.push(finished.timing());
    });
    const failures = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/') && response.status() >= 400) failures.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });

    async function saveOnce(run, trace = false) {
      await page.goto(new URL(`/#/entries/${entryId}/edit`, baseUrl).toString());
      const current = (await request('GET', `/api/entries/${entryId}`, { token })).body;
      const title = page.locator('input[name="title"]');
      // The form shows the latest version (the previous run's save), and the body editor is ready.
      await page.waitForFunction((expected) => document.querySelector('input[name="title"]')?.value === expected, current.title);
      await page.locator('.ProseMirror').waitFor();
      // The previous run's notification is gone, so the next one is this save's.
      await page.locator(NOTIFICATION).waitFor({ state: 'detached', timeout: 15_000 });
      await title.fill(`测速条目：区政府召开防汛工作会议（第${run}次修改）`);
      await page.locator('.ProseMirror').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('。');
      await page.evaluate(saveProbe, `/api/entries/${entryId}`);
      const before = puts.length;
      if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForFunction(() => window.__saveBench?.notifiedAt !== null && window.__saveBench?.notifiedAt !== undefined).catch(async (error) => {
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, 'save-failed.png'), fullPage: true });
        const state = await page.evaluate(() => JSON.stringify(window.__saveBench));
        throw new Error(`no success notification after 保存 (probe ${state}; refused API calls: ${failures.join(', ') || 'none'}; screenshot in ${ARTIFACTS}): ${error.message}`);
      });
      const traced = trace ? await browser.stopTracing() : null;
      const probe = await page.evaluate(() => window.__saveBench);
      const saved = (await request('GET', `/api/entries/${entryId}`, { token })).body;
      if (!probe.message?.includes(SAVED_MESSAGE)) throw new Error(`the notification after 保存 was not the success one: ${probe.message}`);
      if (saved.version !== current.version + 1) throw new Error(`the save did not reach the server (version ${saved.version}, expected ${current.version + 1}; ${failures.join(', ')})`);
      for (let wait = 0; wait < 50 && puts.length === before; wait += 1) await sleep(100);
      const timing = puts[before];
      return {
        roundTripMs: probe.notifiedAt - probe.clickAt,
        notificationInDomMs: probe.notifiedInDomAt - probe.clickAt,
        putMs: timing ? timing.responseEnd : null,
        clickToPutStartMs: probe.putStartAt === null ? null : probe.putStartAt - probe.clickAt,
        putEndToNotificationMs: probe.putEndAt === null ? null : probe.notifiedAt - probe.putEndAt,
        putEndToEntryPageMs: probe.putEndAt === null || probe.entryPageAt === null ? null : probe.entryPageAt - probe.putEndAt,
        mainThreadCpuMs: mainThreadCpuMs(traced, 'bench:save-click', probe.clickMarkAt, probe.clickAt, probe.notifiedAt),
        afterPutCpuMs: probe.putEndAt === null ? null : mainThreadCpuMs(traced, 'bench:save-click', probe.clickMarkAt, probe.putEndAt, probe.notifiedAt),
        message: probe.message,
        // What happened between the click and the notification, in ms from the click.
        timeline: {
          requests: probe.requests.map(([pathname, start, end]) => `${round(start - probe.clickAt)}–${round(end - probe.clickAt)} ${pathname}`),
          longTasks: probe.longTasks.filter(([start]) => start >= probe.clickAt && start <= probe.notifiedAt).map(([start, duration]) => `${round(start - probe.clickAt)} +${round(duration)}`),
          entryPage: probe.entryPageAt === null ? null : round(probe.entryPageAt - probe.clickAt),
          notification: round(probe.notifiedInDomAt - probe.clickAt),
        },
      };
    }

    const first = await saveOnce(0);
    const runs = [];
    for (let run = 1; run <= RUNS; run += 1) runs.push(await saveOnce(run));
    const traced = [];
    if (TRACE) for (let run = 1; run <= CPU_RUNS; run += 1) traced.push(await saveOnce(RUNS + run, true));
    if (errors.length) throw new Error(`the admin threw while saving: ${errors.join('; ')}`);
    return { entryId, first, runs, traced };
  } finally {
    await context.close();
  }
}

/* ---------------------------------------------------------------- main */

const loadAtStart = os.loadavg().map(round);
const stack = await startDisposableStack({ name: 'admin', logDir: ARTIFACTS });
let browser;
try {
  const request = client(stack.baseUrl);
  const index = await fetch(`${stack.baseUrl}/`, { headers: { 'accept-encoding': 'gzip, br' } });
  if (!index.ok || !(await index.text()).includes('<div id="root">')) throw new Error(`the API does not serve the admin at / (${index.status}); is dist/admin built?`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const admin = (await request('POST', '/api/auth/login', { body: { username: 'admin', password: PASSWORD } })).body;

  // One untimed load first, so that the server's first answers (file system cache, JIT) are not in run 1.
  if (!SMOKE) await firstLoad(browser, stack.baseUrl, admin);
  const loads = [];
  for (let run = 0; run < RUNS; run += 1) loads.push(await firstLoad(browser, stack.baseUrl, admin));
  const tracedLoads = [];
  if (TRACE) for (let run = 0; run < CPU_RUNS; run += 1) tracedLoads.push(await firstLoad(browser, stack.baseUrl, admin, { trace: true }));
  // The load started as the new window opens, with the browser's own set-up running beside it (newWindowInteractiveMs).
  const newWindowLoads = [];
  for (let run = 0; run < CPU_RUNS; run += 1) newWindowLoads.push(await firstLoad(browser, stack.baseUrl, admin, { settle: false }));
  const saves = await saveRuns(browser, stack.baseUrl, request);

  const last = loads.at(-1);
  // Compressed (gzip or brotli, as the browser asks) where it pays: files under 1 KB go as they are.
  const servedCompressed = loads.every((load) => load.jsResponsesCompressed > 0 && load.allJsLoaded.transferredBytes < load.allJsLoaded.rawBytes / 2);
  const interactive = stats(loads.map((load) => load.interactiveMs));
  const roundTrip = stats(saves.runs.map((run) => run.roundTripMs));
  const initialGzipMax = Math.max(...loads.map((load) => load.initialJs.gzipBytes));
  const report = {
    runs: RUNS,
    chromium: browser.version(),
    // Other work on the machine slows the browser and the server alike: the figures are only comparable at similar load.
    machine: { cpus: os.cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map(round) },
    firstLoad: {
      route: '/#/entries',
      interactiveMs: interactive,
      rowsVisibleMs: stats(loads.map((load) => load.rowsVisibleMs)),
      keySentMs: stats(loads.map((load) => load.keySentMs)),
      keyHandledMs: stats(loads.map((load) => load.keyHandledMs)),
      longTasksBeforeInteractive: stats(loads.map((load) => load.longTasksBeforeInteractive)),
      mainThreadCpuMs: TRACE ? stats(tracedLoads.map((load) => load.mainThreadCpuMs).filter((value) => value !== null)) : null,
      repeatVisitInteractiveMs: stats(loads.map((load) => load.repeat.interactiveMs)),
      repeatVisitScriptsFromNetwork: Math.max(...loads.map((load) => load.repeat.scriptsFromNetwork)),
      browserSettledAfterMs: stats(loads.map((load) => load.settledAfterMs)),
      newWindowInteractiveMs: stats(newWindowLoads.map((load) => load.interactiveMs)),
      interactiveMsWhileTraced: TRACE ? stats(tracedLoads.map((load) => load.interactiveMs)) : null,
      domContentLoadedMs: stats(loads.map((load) => load.domContentLoadedMs)),
      rowsShown: last.rows,
      apiRequestsBeforeInteractive: last.apiRequestsBeforeInteractive,
      initialJs: { ...last.initialJs, maxGzipBytesOverRuns: initialGzipMax },
      allJsLoaded: last.allJsLoaded,
      servedCompressed,
      contentEncodings: [...new Set(loads.flatMap((load) => load.encodings))],
      bundle: bundleSize(),
    },
    save: {
      entryId: saves.entryId,
      notification: saves.runs[0]?.message ?? null,
      firstSaveMs: { roundTrip: round(saves.first.roundTripMs), put: round(saves.first.putMs) },
      roundTripMs: roundTrip,
      notificationInDomMs: stats(saves.runs.map((run) => run.notificationInDomMs)),
      putMs: stats(saves.runs.map((run) => run.putMs).filter((value) => value !== null)),
      clickToPutStartMs: stats(saves.runs.map((run) => run.clickToPutStartMs).filter((value) => value !== null)),
      putEndToNotificationMs: stats(saves.runs.map((run) => run.putEndToNotificationMs).filter((value) => value !== null)),
      mainThreadCpuMs: TRACE ? stats(saves.traced.map((run) => run.mainThreadCpuMs).filter((value) => value !== null)) : null,
      putEndToNotificationCpuMs: TRACE ? stats(saves.traced.map((run) => run.afterPutCpuMs).filter((value) => value !== null)) : null,
      lastRunTimeline: saves.runs.at(-1).timeline,
      putEndToEntryPageMs: stats(saves.runs.map((run) => run.putEndToEntryPageMs).filter((value) => value !== null)),
    },
    targets: {
      firstLoadP95AtMost1500ms: interactive.p95 <= TARGETS.firstLoadMs,
      initialJsAtMost400KbGzipped: initialGzipMax <= TARGETS.initialJsGzipBytes,
      assetsServedGzipped: servedCompressed,
      saveRoundTripP95AtMost200ms: roundTrip.p95 <= TARGETS.saveRoundTripMs,
    },
  };
  console.log(JSON.stringify(report, null, 2));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await stack.stop();
}
