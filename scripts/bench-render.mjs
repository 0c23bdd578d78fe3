// `npm run bench:render`: how fast and how big rendering is, printed as JSON. Not a test: it
// measures, states the targets and whether they were met, and exits 0 either way (1 only when
// something could not be measured). Needs the build in dist/ (`npm run build` or `npm test`).
//
//   reference        the reference issue (总第97期) typeset in this process by dist/libs/typeset
//   queue            request to stored PDF through the real BullMQ queue and a real worker process
//   workerMemory     peak RSS of that worker (VmHWM), after the reference runs and a yearly volume
//   chromium         the same issue as HTML through Debian's Chromium + Paged.js (TOC page numbers
//                    by target-counter), warm browser, a new page per run
//   annual           12 issues' entries (12 × 27 = 324) typeset as one document
//
// Every timed run changes one entry title, as an editor's correction would, so no run is served
// from a cache of the previous one; a first, untimed run warms each engine. Services: the
// machine's PostgreSQL and Redis when they answer (or DATABASE_URL / REDIS_URL), private ones
// otherwise, as `npm test` does; a throwaway database and queue prefix, removed afterwards.
// BENCH_RUNS (default 11) sets the number of timed runs; CHROMIUM_PATH the browser;
// BENCH_OUTPUT_DIR, when set, receives the reference PDF of each engine to look at; BENCH_ONLY
// (e.g. "chromium" or "queue") skips the other optional parts (the in-process Typst runs always run).
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rssMb, throwawayServices } from './bench-http.mjs';
import { root, startWorker, stopChild } from './stack.mjs';

const require = createRequire(import.meta.url);
// dist/ imports the workspace libs as @dsyb/*; this resolves them, as for the apps.
require('./register-paths.cjs');

const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 11));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT_DIR = process.env.BENCH_OUTPUT_DIR;
const TARGETS = { referenceMedianMs: 300, queueMedianMs: 1000, chromiumRatio: 10, annualMedianMs: 3000, workerPeakRssMb: 400 };

function distModule(relative) {
  const file = path.join(root, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: build first (npm run build).`);
  return require(file);
}

/* ---------------------------------------------------------------- content */

const seed = JSON.parse(readFileSync(path.join(root, 'seeds/reference-issue-097.json'), 'utf8'));

/** The reference issue as the worker hands it to the typesetter (cf. libs/typeset/testing/reference-issue.ts). */
function referenceSnapshot() {
  let n = 0;
  return {
    issueId: 'bench-2020-10',
    year: seed.issue.year,
    month: seed.issue.month,
    serialNumber: seed.issue.serialNumber,
    compiler: seed.issue.compiler,
    publicationDate: seed.issue.publicationDate,
    masthead: { ...seed.masthead, publicationTitle: seed.masthead.publicationTitle ?? seed.issue.title },
    sections: seed.sections.map((section) => ({
      key: section.key,
      name: section.name,
      entries: seed.entries
        .filter((entry) => entry.section === section.key)
        .map((entry) => ({ id: `ref-${++n}`, title: entry.title, paragraphs: entry.paragraphs })),
    })),
    recipients: seed.recipients.map((unit) => unit.name),
    kind: 'final',
    renderedAt: '2020-10-14T08:30:00Z',
  };
}

/** Twelve issues' sections one after another ("1月 · 时政要点" …), each month with the reference entries. */
function annualSnapshot() {
  const reference = referenceSnapshot();
  const sections = [];
  for (let month = 1; month <= 12; month += 1) {
    for (const section of reference.sections) {
      sections.push({
        key: `${month}-${section.key}`,
        name: `${month}月 · ${section.name}`,
        entries: section.entries.map((entry) => ({ ...entry, id: `${month}-${entry.id}`, title: `（${month}月）${entry.title}` })),
      });
    }
  }
  return { ...reference, issueId: 'bench-2020', month: 12, masthead: { ...reference.masthead, publicationTitle: `${reference.masthead.publicationTitle}（2020年合订本）` }, sections };
}

/**
 * The issue as a new request would bring it. `issue`: another serial number, printed on the cover
 * and in the document's metadata, so Typst lays out every page again (what a new issue or a yearly
 * volume costs). `entry`: one entry's title changed, as an editor's correction before a new proof
 * (only that entry and the contents are laid out again).
 */
function variant(snapshot, run, scope) {
  if (scope === 'issue') return { ...snapshot, serialNumber: snapshot.serialNumber + 1000 + run };
  const sections = snapshot.sections.map((section) => ({ ...section, entries: [...section.entries] }));
  const all = sections.flatMap((section) => section.entries.map((entry, index) => ({ section, index })));
  const { section, index } = all[(run * 7) % all.length];
  section.entries[index] = { ...section.entries[index], title: `${section.entries[index].title}（第${run}次修改）` };
  return { ...snapshot, sections };
}

function countEntries(snapshot) {
  return snapshot.sections.reduce((sum, section) => sum + section.entries.length, 0);
}

/* ---------------------------------------------------------------- statistics */

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value) => Math.round(value * 10) / 10;
  return { runs: sorted.length, medianMs: round(median), p95Ms: round(rank(0.95)), minMs: round(sorted[0]), maxMs: round(sorted.at(-1)) };
}

async function timed(action) {
  const started = performance.now();
  const value = await action();
  return { ms: performance.now() - started, value };
}

/* ---------------------------------------------------------------- Typst in this process */

function benchTypst() {
  const { renderIssuePdf, warmUpTypesetter } = distModule('libs/typeset/src/index.js');
  const compilerStart = performance.now();
  warmUpTypesetter();
  const compilerMs = performance.now() - compilerStart;
  const series = (snapshots) =>
    summary(
      snapshots.map((snapshot) => {
        const started = performance.now();
        renderIssuePdf(snapshot);
        return performance.now() - started;
      }),
    );
  const runs = (make) => Array.from({ length: RUNS }, (_, index) => make(index + 1));

  const reference = referenceSnapshot();
  const first = timedSync(() => renderIssuePdf(reference));
  if (OUTPUT_DIR) writeFileSync(path.join(OUTPUT_DIR, 'reference-typst.pdf'), first.value.pdf);
  const referenceRuns = series(runs((run) => variant(reference, run, 'issue')));
  const referenceCorrections = series(runs((run) => variant(reference, run, 'entry')));
  const referenceUnchanged = series(runs(() => reference));

  const annual = annualSnapshot();
  const annualFirst = timedSync(() => renderIssuePdf(annual));
  const annualRuns = series(runs((run) => variant(annual, run, 'issue')));
  const annualCorrections = series(runs((run) => variant(annual, run, 'entry')));
  return {
    reference: {
      entries: countEntries(reference),
      pages: first.value.pages,
      pdfBytes: first.value.pdf.length,
      compilerStartMs: Math.round(compilerMs),
      firstRenderMs: Math.round(first.ms),
      ...referenceRuns,
      afterOneCorrection: referenceCorrections,
      unchangedContent: referenceUnchanged,
    },
    annual: {
      issues: 12,
      entries: countEntries(annual),
      pages: annualFirst.value.pages,
      pdfBytes: annualFirst.value.pdf.length,
      firstRenderMs: Math.round(annualFirst.ms),
      ...annualRuns,
      afterOneCorrection: annualCorrections,
    },
    referencePdf: first.value.pdf,
  };
}

function timedSync(action) {
  const started = performance.now();
  const value = action();
  return { ms: performance.now() - started, value };
}

/* ---------------------------------------------------------------- Chromium + Paged.js */

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The Typst template's layout in HTML and CSS paged media: cover, TOC with leaders and target-counter, numbered body, back block. */
function issueHtml(snapshot, pagedScriptUrl) {
  const title = snapshot.masthead.publicationTitle;
  const [year, month, day] = snapshot.publicationDate.split('-').map(Number);
  let index = 0;
  const toc = [];
  const body = [];
  for (const section of snapshot.sections) {
    toc.push(`<h3 class="toc-section">${escapeHtml(section.name)}</h3>`);
    body.push(`<h1>${escapeHtml(section.name)}</h1>`);
    for (const entry of section.entries) {
      const anchor = `entry-${++index}`;
      toc.push(`<p class="toc-line"><a href="#${anchor}"><span class="toc-title">${escapeHtml(entry.title)}</span><span class="leader"></span></a></p>`);
      body.push(`<h2 id="${anchor}">${escapeHtml(entry.title)}</h2>`);
      for (const paragraph of entry.paragraphs) body.push(`<p>${escapeHtml(paragraph)}</p>`);
    }
  }
  const back = [
    ['主　　办', snapshot.masthead.sponsor],
    ['编辑出版', snapshot.masthead.publisher],
    ['电　　话', snapshot.masthead.phone],
    ['邮　　箱', snapshot.masthead.email],
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: A4; margin: 25mm 25mm 25mm 27mm; }
@page body { @bottom-center { content: "— " counter(page) " —"; font-size: 11pt; } }
/* Pages count from the cover: Paged.js 0.4 does not restart the page counter reliably (counter-reset
   on an element changes only the page it starts on), so the TOC and the footers agree this way. */
html { font-family: "Noto Serif CJK SC", "Noto Serif SC", serif; font-size: 14pt; line-height: 1.75; }
h1, h2, h3, .cover-title { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; font-weight: 700; }
p { margin: 0.4em 0; text-indent: 2em; text-align: justify; line-break: strict; }
.cover { page: cover; text-align: center; break-after: page; padding-top: 30mm; }
.cover-title { font-size: 38pt; color: #b4141e; letter-spacing: 0.05em; border-bottom: 3px double #b4141e; }
.cover p { text-indent: 0; text-align: center; font-size: 16pt; }
.toc { page: toc; break-after: page; font-size: 12pt; }
.toc h2 { text-align: center; font-size: 22pt; }
.toc-section { font-size: 13pt; margin: 1.2em 0 0.4em; break-after: avoid; }
.toc-line { text-indent: 0; margin: 0.3em 0 0.3em 1em; text-align: left; }
.toc-line a { color: inherit; text-decoration: none; display: flex; align-items: baseline; }
.toc-line a::after { content: target-counter(attr(href), page); padding-left: 0.4em; }
.leader { flex: 1 1 2em; border-bottom: 1.5px dotted #5a5a5a; margin-left: 0.3em; }
main { page: body; }
main h1 { font-size: 18pt; color: #b4141e; text-align: center; margin: 2em 0 1em; break-after: avoid; }
main h2 { font-size: 15pt; text-align: center; margin: 1.6em 0 0.8em; break-after: avoid; }
.back { break-inside: avoid; border-top: 0.8pt solid #000; border-bottom: 0.8pt solid #000; margin-top: 2em; font-size: 11pt; }
.back p { text-indent: 0; }
</style>
<script>window.PagedConfig = { auto: true, after: () => { window.__pagedDone = true; } };</script>
<script src="${pagedScriptUrl}"></script>
</head><body>
<section class="cover">
  <div class="cover-title">${escapeHtml(title)}</div>
  <p>${year}年${snapshot.month}月</p><p>（总第${snapshot.serialNumber}期）</p>
  <p style="margin-top: 90mm">${escapeHtml(snapshot.compiler)}</p><p>${year}年${month}月${day}日</p>
</section>
<section class="toc"><h2>目　录</h2>${toc.join('\n')}</section>
<main>${body.join('\n')}
<div class="back">
  <p style="text-align:center"><b>${escapeHtml(snapshot.masthead.notice)}</b></p>
  <p><b>发放范围：</b>${escapeHtml(snapshot.recipients.join('，'))}</p>
  ${back.map(([name, value]) => `<p>${name}：${escapeHtml(value)}</p>`).join('\n  ')}
</div></main>
</body></html>`;
}

function pdfPageCount(pdf) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsyb-bench-pdf-'));
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    const info = spawnSync('pdfinfo', [path.join(dir, 'doc.pdf')], { encoding: 'utf8' });
    const match = /^Pages:\s+(\d+)/m.exec(info.stdout ?? '');
    return match ? Number(match[1]) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Whether each contents line gives the page on which its entry's title is printed (checked on one
 * PDF read back with pdftotext). `pageNumber` maps a physical page index (0-based) to its printed number.
 */
function tocNumbersCorrect(pdf, snapshot, firstBodyPage, pageNumber) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsyb-bench-pdf-'));
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    const text = spawnSync('pdftotext', ['-layout', path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' }).stdout ?? '';
    const pages = text.split('\f').map((page) => page.replace(/\s+/g, ''));
    const tocText = pages.slice(0, firstBodyPage).join('');
    for (const entry of snapshot.sections.flatMap((section) => section.entries)) {
      const title = entry.title.replace(/\s+/g, '');
      const printedOn = pages.findIndex((page, index) => index >= firstBodyPage && page.includes(title));
      if (printedOn < 0 || printedNumberAfter(tocText, title) !== String(pageNumber(printedOn))) return false;
    }
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The page number a contents line gives for `title`. pdftotext may put the number inside a
 * wrapped title ("…规范化 5 / 建设工作"), so the title's characters are matched in order and
 * the digits left over — ignoring the dot leader — are the number.
 */
function printedNumberAfter(tocText, title) {
  // Titles may share their beginning ("中原区市场监管局…"): try each place the beginning occurs.
  for (let start = tocText.indexOf(title.slice(0, 8)); start >= 0; start = tocText.indexOf(title.slice(0, 8), start + 1)) {
    const number = numberAfterTitleAt(tocText, start, title);
    if (number) return number;
  }
  return null;
}

function numberAfterTitleAt(tocText, start, title) {
  let matched = 0;
  let number = '';
  for (const char of tocText.slice(start)) {
    if (matched < title.length && char === title[matched]) matched += 1;
    else if (/\d/.test(char)) number += char;
    else if (char !== '.' && char !== '…') return matched >= title.length ? number : null;
  }
  return matched >= title.length ? number : null;
}

async function benchChromium(typstReference) {
  const { chromium } = require('playwright-core');
  // The package's exports map hides dist/; the files are there all the same.
  const pagedDir = path.join(root, 'node_modules/pagedjs');
  const pagedScriptUrl = pathToFileURL(path.join(pagedDir, 'dist/paged.polyfill.js')).href;
  const dir = mkdtempSync(path.join(tmpdir(), 'dsyb-bench-html-'));
  const launch = await timed(() =>
    chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] }),
  );
  const browser = launch.value;
  try {
    const reference = referenceSnapshot();
    const renderOnce = async (snapshot, name) => {
      const file = path.join(dir, `${name}.html`);
      writeFileSync(file, issueHtml(snapshot, pagedScriptUrl));
      const { ms, value } = await timed(async () => {
        const page = await browser.newPage();
        try {
          await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
          await page.waitForFunction(() => window.__pagedDone === true, null, { timeout: 120_000 });
          return await page.pdf({ preferCSSPageSize: true, printBackground: true });
        } finally {
          await page.close();
        }
      });
      return { ms, pdf: value };
    };
    const first = await renderOnce(reference, 'warm-up');
    if (OUTPUT_DIR) writeFileSync(path.join(OUTPUT_DIR, 'reference-chromium-pagedjs.pdf'), first.pdf);
    const samples = [];
    for (let run = 1; run <= RUNS; run += 1) samples.push((await renderOnce(variant(reference, run, 'issue'), `run-${run}`)).ms);
    const pages = pdfPageCount(first.pdf);
    return {
      engine: `${browser.version()} + Paged.js ${JSON.parse(readFileSync(path.join(pagedDir, 'package.json'), 'utf8')).version}`,
      launchMs: Math.round(launch.ms),
      firstRenderMs: Math.round(first.ms),
      pages,
      pdfBytes: first.pdf.length,
      tocPageNumbersCorrect: tocNumbersCorrect(first.pdf, reference, firstBodyPageOf(first.pdf), (index) => index + 1),
      typstTocPageNumbersCorrect: tocNumbersCorrect(typstReference, reference, firstBodyPageOf(typstReference), (index) => index - firstBodyPageOf(typstReference) + 1),
      ...summary(samples),
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Index of the first body page: in both layouts the first page with a "— N —" footer. */
function firstBodyPageOf(pdf) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsyb-bench-pdf-'));
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    const pages = (spawnSync('pdftotext', ['-layout', path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' }).stdout ?? '').split('\f');
    return pages.findIndex((page) => /—\s*\d+\s*—/.test(page));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/* ---------------------------------------------------------------- the real queue and worker */

function waitForLine(child, text, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`worker not ready in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)); });
  });
}

/**
 * Services, a migrated and seeded throwaway database, and a yearly-volume issue beside 总第97期;
 * then one measured worker session per configuration (see workerSession).
 */
async function benchQueue() {
  const cleanups = [];
  try {
    const { env, database, storageDir } = await throwawayServices(cleanups);
    const { rows: [issue] } = await database.query('SELECT id FROM issues WHERE serial_number = 97');
    const annualIssueId = await insertAnnualIssue(database, issue.id);

    const context = { env, database, storageDir, issueId: issue.id, annualIssueId };
    const asStarted = await workerSession(context, {});
    // glibc gives each thread that allocates (Typst lays out on several) its own arena; two arenas
    // cap the fragmentation. Measured here because it is set where the worker is started, not in it.
    const twoArenas = await workerSession(context, { MALLOC_ARENA_MAX: '2' });
    return { queue: asStarted.queue, workerMemory: { ...asStarted.memory, withMallocArenaMax2: twoArenas.memory } };
  } finally {
    for (const step of cleanups.reverse()) await step().catch((error) => console.error(error));
  }
}

/** 12 issues' worth of entries (the reference issue's, month after month) as one more issue. */
async function insertAnnualIssue(database, referenceIssueId) {
  const id = randomUUID();
  await database.query(
    `INSERT INTO issues SELECT (jsonb_populate_record(NULL::issues, to_jsonb(i) || jsonb_build_object('id', $1::uuid, 'serial_number', 9997, 'year', 2999, 'status', 'drafting'))).* FROM issues i WHERE i.id = $2`,
    [id, referenceIssueId],
  );
  for (let month = 1; month <= 12; month += 1) {
    await database.query(
      `INSERT INTO entries SELECT (jsonb_populate_record(NULL::entries, to_jsonb(e) || jsonb_build_object('id', gen_random_uuid(), 'issue_id', $1::uuid, 'source_id', NULL, 'title', $3 || e.title, 'position', e.position + $2::int * 1000))).* FROM entries e WHERE e.issue_id = $4`,
      [id, month, `（${month}月）`, referenceIssueId],
    );
  }
  await database.query(
    `INSERT INTO issue_recipients SELECT (jsonb_populate_record(NULL::issue_recipients, to_jsonb(r) || jsonb_build_object('issue_id', $1::uuid))).* FROM issue_recipients r WHERE r.issue_id = $2`,
    [id, referenceIssueId],
  );
  return id;
}

/**
 * One worker process, started as scripts/stack.mjs starts it (plus `extraEnv`), on a queue of its
 * own: a warm-up render, RUNS timed renders of the reference issue from enqueue to the job's
 * completion (the PDF is stored and the row done before a job completes), then a yearly volume.
 */
async function workerSession({ env, database, storageDir, issueId, annualIssueId }, extraEnv) {
  const { enqueueRender, RENDER_QUEUE, redisConnectionOptions, renderJobId } = distModule('libs/domain/src/index.js');
  const { createPrismaClient, loadIssueSnapshot, snapshotContentHash, storeIssueSnapshot } = distModule('libs/db/src/index.js');
  const { Queue, QueueEvents } = require('bullmq');
  const prisma = createPrismaClient(env.DATABASE_URL);
  const prefix = `dsyb-bench-${randomBytes(4).toString('hex')}`;
  const connection = redisConnectionOptions(env.REDIS_URL);
  const queue = new Queue(RENDER_QUEUE, { connection, prefix });
  const events = new QueueEvents(RENDER_QUEUE, { connection, prefix });
  let worker;
  try {
    await events.waitUntilReady();
    const finished = new Map();
    events.on('completed', ({ jobId }) => finished.get(jobId)?.resolve());
    events.on('failed', ({ jobId, failedReason }) => finished.get(jobId)?.reject(new Error(failedReason)));

    const startedAt = performance.now();
    worker = startWorker({ ...env, QUEUE_PREFIX: prefix, ...extraEnv }, { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitForLine(worker, '排版队列工作进程已启动');
    const workerStartMs = performance.now() - startedAt;
    const rssAtStart = rssMb(worker.pid, 'VmRSS');

    // A proof request as the API writes it: the issue's snapshot stored on the row with its hash
    // (the worker prints that snapshot), written before the timed enqueue.
    const renderThroughQueue = async (renderedIssueId) => {
      const id = randomUUID();
      const snapshot = await loadIssueSnapshot(prisma, renderedIssueId, 'proof', new Date());
      const stored = await storeIssueSnapshot(prisma, snapshot);
      // One rendition per issue content and kind: the other worker session renders the same
      // content again (its warm-up, the yearly volume), so the earlier row makes way.
      await database.query(`DELETE FROM renditions WHERE issue_id = $1 AND kind = 'proof' AND content_hash = $2`, [renderedIssueId, snapshotContentHash(snapshot)]);
      await database.query(
        `INSERT INTO renditions (id, issue_id, kind, status, progress, content_hash, issue_revision, snapshot) VALUES ($1, $2, 'proof', 'queued', 0, $3, 1, $4::jsonb)`,
        [id, renderedIssueId, snapshotContentHash(snapshot), JSON.stringify(stored)],
      );
      const done = new Promise((resolve, reject) => finished.set(renderJobId(id), { resolve, reject }));
      const { ms } = await timed(async () => {
        await enqueueRender(queue, id);
        await done;
      });
      const { rows: [row] } = await database.query('SELECT status, pages, render_ms, storage_key FROM renditions WHERE id = $1', [id]);
      if (row.status !== 'done' || !existsSync(path.join(storageDir, row.storage_key))) throw new Error(`rendition ${id} is ${row.status} without its file`);
      return { ms, pages: row.pages, workerMs: row.render_ms };
    };
    // As variant(…, 'issue') does in process: a new serial number, so every page is laid out again.
    let serial = 1000 + Math.floor(Math.random() * 8000);
    const renumber = () => database.query('UPDATE issues SET serial_number = $2 WHERE id = $1', [issueId, (serial += 1)]);

    await renderThroughQueue(issueId); // warm-up
    const samples = [];
    const workerSamples = [];
    for (let run = 1; run <= RUNS; run += 1) {
      await renumber();
      const { ms, workerMs } = await renderThroughQueue(issueId);
      samples.push(ms);
      workerSamples.push(workerMs);
    }
    const afterReference = { peak: rssMb(worker.pid), current: rssMb(worker.pid, 'VmRSS') };
    const annual = await renderThroughQueue(annualIssueId);
    return {
      queue: { workerStartMs: Math.round(workerStartMs), ...summary(samples), workerRenderMs: summary(workerSamples) },
      memory: {
        rssMbIdleAtStart: rssAtStart,
        peakRssMbAfterReferenceRuns: afterReference.peak,
        peakRssMbAfterAnnualVolume: rssMb(worker.pid),
        annualThroughQueueMs: Math.round(annual.ms),
        annualPages: annual.pages,
      },
    };
  } finally {
    if (worker) await stopChild(worker);
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await prisma.$disconnect();
  }
}

/* ---------------------------------------------------------------- main */

async function main() {
  // stdout carries the JSON alone; the helpers' progress messages go to stderr.
  console.log = (...args) => console.error(...args);
  const loadAverageAtStart = os.loadavg().map((load) => Math.round(load * 10) / 10);
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
  const wanted = (part) => !only || only.has(part);
  const typst = benchTypst();
  const chromium = wanted('chromium') ? await benchChromium(typst.referencePdf) : undefined;
  const { queue, workerMemory } = wanted('queue') ? await benchQueue() : {};
  const ratio = chromium ? Math.round((chromium.medianMs / typst.reference.medianMs) * 10) / 10 : undefined;
  const peak = workerMemory ? Math.max(workerMemory.peakRssMbAfterReferenceRuns ?? 0, workerMemory.peakRssMbAfterAnnualVolume ?? 0) : undefined;
  const target = (limit, value, met) => ({ target: limit, value: value ?? null, met: value === undefined ? null : met(value) });
  const result = {
    // Load from other processes skews every figure; it is printed so that a reader can tell.
    machine: { node: process.version, cpus: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: os.loadavg().map((load) => Math.round(load * 10) / 10), runs: RUNS },
    reference: typst.reference,
    queue,
    workerMemory,
    chromium: chromium && { ...chromium, typstMedianMs: typst.reference.medianMs, ratio },
    annual: typst.annual,
    targets: {
      referenceMedianMs: target(`≤ ${TARGETS.referenceMedianMs}`, typst.reference.medianMs, (v) => v <= TARGETS.referenceMedianMs),
      queueMedianMs: target(`≤ ${TARGETS.queueMedianMs}`, queue?.medianMs, (v) => v <= TARGETS.queueMedianMs),
      chromiumRatio: target(`≥ ${TARGETS.chromiumRatio}`, ratio, (v) => v >= TARGETS.chromiumRatio),
      annualMedianMs: target(`≤ ${TARGETS.annualMedianMs}`, typst.annual.medianMs, (v) => v <= TARGETS.annualMedianMs),
      workerPeakRssMb: target(`≤ ${TARGETS.workerPeakRssMb}`, peak, (v) => v > 0 && v <= TARGETS.workerPeakRssMb),
    },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[bench:render] ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
