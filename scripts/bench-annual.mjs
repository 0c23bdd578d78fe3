// `npm run bench:annual`: the year's chronicle (年度大事记) typeset and exported, printed as JSON.
// Not a test: it measures, states the targets and whether they were met, and exits 0 either way
// (1 only when something could not be measured). Needs the build in dist/ (`npm run build`).
//
//   volume330     a 330-event volume (the reference issue's entries, month after month, with their
//                 figures) with ~150 accepted index terms, as the API reads it from the database:
//                 PDF typeset in this process (median of BENCH_RUNS), DOCX built in this process,
//                 and the PDF through the real BullMQ queue and a real worker process, with the
//                 worker's peak RSS (VmHWM)
//   volume3300    a ten-year volume (3,300 events) as a scale check: PDF through the same worker
//                 (its peak RSS after it), PDF and DOCX once in this process
//
// A throwaway database (the machine's PostgreSQL and Redis when they answer, private ones
// otherwise, as `npm test` does), removed afterwards. BENCH_RUNS (default 5) sets the timed runs.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { rssMb, throwawayServices } from './bench-http.mjs';
import { root, startWorker, stopChild } from './stack.mjs';

const require = createRequire(import.meta.url);
require('./register-paths.cjs');

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const TARGETS = { pdfMs: 3000, workerPeakRssMb: 400, docxMs: 1000 };

function distModule(relative) {
  const file = path.join(root, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: build first (npm run build).`);
  return require(file);
}

const seed = JSON.parse(readFileSync(path.join(root, 'seeds/reference-issue-097.json'), 'utf8'));

/** People, places and units to index: made-up names put into the events' text, ~150 terms. */
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '立新建国明华文军志强伟海涛静丽敏秀英';
function indexNames() {
  const people = Array.from({ length: 90 }, (_, n) => SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length] + GIVEN[(n * 3 + 1) % GIVEN.length]);
  const places = Array.from({ length: 30 }, (_, n) => `${GIVEN[n % GIVEN.length]}${SURNAMES[(n * 5) % SURNAMES.length]}街道`);
  const units = Array.from({ length: 30 }, (_, n) => `区${['发展', '教育', '民政', '财政', '文化', '卫生'][n % 6]}${['局', '委员会', '中心', '办公室', '服务站'][n % 5]}${n}`);
  return { people: [...new Set(people)], places: [...new Set(places)], units: [...new Set(units)] };
}

/** A volume of `events` events in `years` years' worth of months, written to the tables as compiled. */
async function insertVolume(database, { year, events, names }) {
  const { rows: [masthead] } = await database.query(`SELECT id FROM masthead_settings WHERE key = 'default'`);
  const volumeId = randomUUID();
  await database.query(
    `INSERT INTO annual_volumes (id, year, title, compiler, publication_date, masthead_id) VALUES ($1, $2, $3, '中原区地方史志办公室', $4, $5)`,
    [volumeId, year, `中原区${year}年大事记`, `${year + 1}-01-20`, masthead.id],
  );
  const { rows: entries } = await database.query(`SELECT title, body_html, body_text, event_date_precision FROM entries WHERE issue_id = (SELECT id FROM issues WHERE serial_number = 97) ORDER BY position`);
  const all = [...names.people, ...names.places, ...names.units];
  const rows = [];
  for (let n = 0; n < events; n += 1) {
    const entry = entries[n % entries.length];
    const month = 1 + Math.floor((n * 12) / events);
    const day = 1 + (n % 28);
    // Three names an event, so every term is printed on several pages.
    const mention = `<p>${all[n % all.length]}、${all[(n * 7 + 3) % all.length]}和${all[(n * 13 + 5) % all.length]}参加。</p>`;
    rows.push([volumeId, `${entry.title}（${n + 1}）`, entry.body_html + mention, entry.body_text, `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, entry.event_date_precision, n]);
  }
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    const values = batch.map((_, i) => `($${i * 7 + 1}::uuid, $${i * 7 + 2}, $${i * 7 + 3}, $${i * 7 + 4}, $${i * 7 + 5}::date, $${i * 7 + 6}::"DatePrecision", $${i * 7 + 7}::int)`).join(', ');
    await database.query(`INSERT INTO annual_volume_entries (volume_id, title, body_html, body_text, event_date, event_date_precision, position) VALUES ${values}`, batch.flat());
  }
  const kinds = [...names.people.map((term) => [term, 'person']), ...names.places.map((term) => [term, 'place']), ...names.units.map((term) => [term, 'organisation'])];
  for (const [term, kind] of kinds) {
    await database.query(`INSERT INTO annual_index_terms (volume_id, term, kind, status, origin) VALUES ($1, $2, $3, 'accepted', 'editor')`, [volumeId, term, kind]);
  }
  return volumeId;
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value) => Math.round(value * 10) / 10;
  return { runs: sorted.length, medianMs: round(median), minMs: round(sorted[0]), maxMs: round(sorted.at(-1)) };
}

async function timed(action) {
  const started = performance.now();
  const value = await action();
  return { ms: performance.now() - started, value };
}

const waitForLine = (child, text) =>
  new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      if (seen.includes(text)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before "${text}":\n${seen.slice(-2000)}`)));
  });

async function main() {
  console.log = (...args) => console.error(...args);
  const loadAverageAtStart = os.loadavg().map((load) => Math.round(load * 10) / 10);
  const { loadAnnualVolumeSnapshot, storeAnnualVolumeSnapshot, annualVolumeContentHash, createPrismaClient } = distModule('libs/db/src/index.js');
  const { renderAnnualVolumePdf, buildAnnualVolumeDocx, warmUpTypesetter } = distModule('libs/typeset/src/index.js');
  const { enqueueRender, RENDER_QUEUE, redisConnectionOptions, renderJobId } = distModule('libs/domain/src/index.js');
  const { Queue, QueueEvents } = require('bullmq');
  const cleanups = [];
  try {
    const { env, database } = await throwawayServices(cleanups);
    const prisma = createPrismaClient(env.DATABASE_URL);
    cleanups.push(() => prisma.$disconnect());

    const names = indexNames();
    const volume330 = await insertVolume(database, { year: 2020, events: 330, names });
    const volume3300 = await insertVolume(database, { year: 2021, events: 3300, names });
    const snapshotOf = async (volumeId) => loadAnnualVolumeSnapshot(prisma, volumeId, 'proof', new Date());

    // In this process: the typesetter as the worker's thread runs it.
    warmUpTypesetter();
    const snapshot330 = await snapshotOf(volume330);
    const pdfSamples = [];
    let pages330;
    await renderAnnualVolumePdf(snapshot330); // warm-up
    for (let run = 0; run < RUNS; run += 1) {
      // Another title each run, as an editor's change would, so no run is served from a cache.
      snapshot330.months[0].entries[0].title = `${snapshot330.months[0].entries[0].title.replace(/·\d+$/, '')}·${run}`;
      const { ms, value } = await timed(async () => renderAnnualVolumePdf(snapshot330));
      pdfSamples.push(ms);
      pages330 = value.pages;
    }
    const docxSamples = [];
    let docxBytes330;
    await buildAnnualVolumeDocx(snapshot330);
    for (let run = 0; run < RUNS; run += 1) {
      const { ms, value } = await timed(() => buildAnnualVolumeDocx(snapshot330));
      docxSamples.push(ms);
      docxBytes330 = value.length;
    }
    const snapshot3300 = await snapshotOf(volume3300);
    const pdf3300 = await timed(async () => renderAnnualVolumePdf(snapshot3300));
    const docx3300 = await timed(() => buildAnnualVolumeDocx(snapshot3300));
    const benchRssMb = rssMb(process.pid);

    // Through the queue: a rendition row as the API writes it, a worker process as `npm start` runs it.
    const prefix = `dsyb-bench-${randomBytes(4).toString('hex')}`;
    const connection = redisConnectionOptions(env.REDIS_URL);
    const queue = new Queue(RENDER_QUEUE, { connection, prefix });
    const events = new QueueEvents(RENDER_QUEUE, { connection, prefix });
    cleanups.push(async () => {
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
    });
    await events.waitUntilReady();
    const finished = new Map();
    events.on('completed', ({ jobId }) => finished.get(jobId)?.resolve());
    events.on('failed', ({ jobId, failedReason }) => finished.get(jobId)?.reject(new Error(failedReason)));
    const worker = startWorker({ ...env, QUEUE_PREFIX: prefix }, { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => stopChild(worker));
    await waitForLine(worker, '排版队列工作进程已启动');
    const rssAtStart = rssMb(worker.pid, 'VmRSS');
    const throughQueue = async (volumeId) => {
      const stored = await storeAnnualVolumeSnapshot(prisma, await snapshotOf(volumeId));
      const id = randomUUID();
      await database.query(
        `INSERT INTO renditions (id, volume_id, kind, status, progress, content_hash, issue_revision, snapshot) VALUES ($1, $2, 'proof', 'queued', 0, $3, 1, $4::jsonb)`,
        [id, volumeId, `${annualVolumeContentHash(stored)}-${randomBytes(4).toString('hex')}`, JSON.stringify(stored)],
      );
      const done = new Promise((resolve, reject) => finished.set(renderJobId(id), { resolve, reject }));
      const { ms } = await timed(async () => {
        await enqueueRender(queue, id);
        await done;
      });
      const { rows: [row] } = await database.query('SELECT status, pages, render_ms FROM renditions WHERE id = $1', [id]);
      if (row.status !== 'done') throw new Error(`rendition ${id} is ${row.status}`);
      return { ms: Math.round(ms), workerMs: row.render_ms, pages: row.pages };
    };
    await throughQueue(volume330); // warm-up of the worker's thread
    const queued330 = [];
    for (let run = 0; run < 3; run += 1) queued330.push(await throughQueue(volume330));
    const peakAfter330 = rssMb(worker.pid);
    const queued3300 = await throughQueue(volume3300);
    const peakAfter3300 = rssMb(worker.pid);

    const pdfMedian = summary(pdfSamples).medianMs;
    const docxMedian = summary(docxSamples).medianMs;
    const result = {
      machine: { node: process.version, cpus: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: os.loadavg().map((load) => Math.round(load * 10) / 10), runs: RUNS },
      volume330: {
        events: 330,
        indexTerms: names.people.length + names.places.length + names.units.length,
        pages: pages330,
        pdfInProcess: summary(pdfSamples),
        docx: { ...summary(docxSamples), bytes: docxBytes330 },
        pdfThroughQueue: { ...summary(queued330.map((run) => run.ms)), workerRenderMs: summary(queued330.map((run) => run.workerMs)) },
        workerRssMb: { idleAtStart: rssAtStart, peak: peakAfter330 },
      },
      volume3300: {
        events: 3300,
        pages: queued3300.pages,
        pdfInProcessMs: Math.round(pdf3300.ms),
        pdfThroughQueueMs: queued3300.ms,
        docxMs: Math.round(docx3300.ms),
        docxBytes: docx3300.value.length,
        workerPeakRssMb: peakAfter3300,
        benchProcessPeakRssMb: benchRssMb,
      },
      targets: {
        pdf330Ms: { target: TARGETS.pdfMs, value: pdfMedian, met: pdfMedian <= TARGETS.pdfMs },
        workerPeakRssMb330: { target: TARGETS.workerPeakRssMb, value: peakAfter330, met: peakAfter330 !== null && peakAfter330 <= TARGETS.workerPeakRssMb },
        docx330Ms: { target: TARGETS.docxMs, value: docxMedian, met: docxMedian <= TARGETS.docxMs },
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const step of cleanups.reverse()) await step().catch((error) => console.error(error));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
