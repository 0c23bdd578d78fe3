/**
 * The render queue when things go wrong, against the running stack (scripts/test.mjs) and worker
 * processes this file starts itself on the same PostgreSQL database, Redis server and storage
 * directory:
 *
 * - a rendition left queued in PostgreSQL with no job in Redis (Redis lost it) is rendered once a
 *   worker starts, and workers starting together queue it once;
 * - progress is visible through GET /api/renditions/:id while a rendition renders;
 * - a worker killed (SIGKILL) mid-render leaves no partial file, and another worker process
 *   completes the job after BullMQ's stalled-job checker frees it;
 * - content that cannot be typeset fails at once, with a message naming the entry;
 * - content edited between the request and the render is not printed: the PDF prints the snapshot
 *   stored with the request, and asking again renders the present content; a rendition without a
 *   stored snapshot fails with a message saying so.
 *
 * The stack's own worker consumes the stack's queue all along. The tests that must know which
 * process renders (progress, kill) therefore run their workers on a queue of their own — same
 * Redis, another QUEUE_PREFIX — where the stack's worker never looks. Their renditions are
 * inserted straight into PostgreSQL, as a lost-Redis rendition would be, with the snapshot and
 * content hash the API would record, so the API never puts them on the stack's queue; the
 * workers' start-up re-enqueue puts them on theirs. Every rendition belongs to an issue of its
 * own (a copy of 总第97期), so other test files never see them. RENDER_TEST_DELAY_MS makes a
 * worker pause after each progress step.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { createPrismaClient, loadIssueSnapshot, snapshotContentHash, storeIssueSnapshot, type PrismaClient } from '@dsyb/db';
import { enqueueRender, RENDER_QUEUE, redisConnectionOptions, renderJobId, type RenderJobData } from '@dsyb/domain';
import reference from '../seeds/reference-issue-097.json';
import { api, compact, login, pdfPages, waitFor } from './support';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..');
const LOG_DIR = path.join(ROOT, 'test-artifacts');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`npm test\`, which starts the stack.`);
  return value;
}

const databaseUrl = required('E2E_DATABASE_URL');
/** As the stack's own worker connects: the application role, not the owner. */
const appDatabaseUrl = required('E2E_APP_DATABASE_URL');
const redisUrl = required('E2E_REDIS_URL');
const stackPrefix = required('E2E_QUEUE_PREFIX');
const storageDir = required('E2E_STORAGE_DIR');

interface RenditionView {
  id: string;
  issueId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  pages: number | null;
  bytes: number | null;
  sha256: string | null;
  attempts: number;
  error: string | null;
}

let database: Client;
let prisma: PrismaClient;
let editor: string;
const workers: WorkerProcess[] = [];
const queues: Array<{ queue: Queue<RenderJobData>; own: boolean }> = [];

beforeAll(async () => {
  database = new Client({ connectionString: databaseUrl });
  await database.connect();
  prisma = createPrismaClient(databaseUrl);
  editor = await login('editor');
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  // The queues of this file's own prefixes go with it; the stack's queue is the stack's.
  await Promise.all(queues.map(async ({ queue, own }) => {
    if (own) await queue.obliterate({ force: true });
    await queue.close();
  }));
  await database?.end();
  await prisma?.$disconnect();
});

describe('the render queue', () => {
  it('renders a rendition that PostgreSQL holds as queued but Redis lost, once, however many workers start', async () => {
    const queue = openQueue(stackPrefix);
    const renditionId = await insertQueuedRendition();
    expect(await queue.getJob(renderJobId(renditionId))).toBeUndefined();

    // Two workers starting together both find the row pending; the stack's worker may render it too.
    const started = [startWorker('lost-a', { QUEUE_PREFIX: stackPrefix }), startWorker('lost-b', { QUEUE_PREFIX: stackPrefix })];
    await Promise.all(started.map((worker) => worker.ready));

    const done = await waitForRendition(renditionId, (rendition) => rendition.status === 'done');
    expect(done).toMatchObject({ progress: 100, error: null, pages: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await expectStoredPdf(done);
    const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed']);
    expect(jobs.filter((job) => job.data.renditionId === renditionId).map((job) => job.id)).toEqual([renderJobId(renditionId)]);
    await Promise.all(started.map((worker) => worker.stop()));
  });

  it('shows progress between 0 and 100 through the API while rendering, in the row and in the job', async () => {
    const prefix = `${stackPrefix}-progress`;
    const queue = openQueue(prefix);
    const renditionId = await insertQueuedRendition();
    const worker = startWorker('progress', { QUEUE_PREFIX: prefix, RENDER_TEST_DELAY_MS: '600' });

    const seen: Array<{ status: string; progress: number }> = [];
    const jobProgress = new Set<number>();
    const done = await waitForRendition(renditionId, async (rendition) => {
      seen.push({ status: rendition.status, progress: rendition.progress });
      const job = await queue.getJob(renderJobId(renditionId));
      if (typeof job?.progress === 'number') jobProgress.add(job.progress);
      return rendition.status === 'done';
    });

    const midway = seen.filter(({ status, progress }) => status === 'running' && progress > 0 && progress < 100);
    expect(midway.length).toBeGreaterThan(0);
    const progressions = seen.map(({ progress }) => progress);
    expect(progressions).toEqual([...progressions].sort((a, b) => a - b));
    expect(done.progress).toBe(100);
    expect([...jobProgress].some((progress) => progress > 0 && progress < 100)).toBe(true);
    expect((await queue.getJob(renderJobId(renditionId)))?.progress).toBe(100);
    await worker.stop();
  });

  it('leaves no partial file when a worker is killed mid-render, and another worker process completes the job', async () => {
    const prefix = `${stackPrefix}-crash`;
    const queue = openQueue(prefix);
    const renditionId = await insertQueuedRendition();
    // Short locks so that the dead worker's job is free again within seconds.
    const fastRecovery = { QUEUE_PREFIX: prefix, RENDER_LOCK_DURATION_MS: '2000', RENDER_STALLED_INTERVAL_MS: '500' };
    const first = startWorker('crash-first', { ...fastRecovery, RENDER_TEST_DELAY_MS: '1500' });
    await first.ready;

    // 80: the PDF is typeset in the worker's memory and not stored yet.
    const midway = await waitForRendition(renditionId, (rendition) => rendition.status === 'running' && rendition.progress >= 80);
    expect(midway.progress).toBeLessThan(100);
    await first.kill();

    expect(filesOf(midway)).toEqual([]);
    const orphaned = await getRendition(renditionId);
    expect(orphaned).toMatchObject({ status: 'running', attempts: 1 });

    const second = startWorker('crash-second', fastRecovery);
    await second.ready;
    const done = await waitForRendition(renditionId, (rendition) => rendition.status === 'done');
    expect(done).toMatchObject({ progress: 100, attempts: 2, error: null });
    expect(filesOf(done)).toEqual([`${renditionId}.pdf`]);
    await expectStoredPdf(done);

    const job = await queue.getJob(renderJobId(renditionId));
    expect(job?.processedBy).toMatch(new RegExp(`:${second.pid}$`));
    expect(job?.stalledCounter).toBe(1);
    expect(await job?.getState()).toBe('completed');
    await second.stop();
  });
});

describe('a rendition that cannot be typeset', () => {
  it('fails at once, without retries, with a Chinese message naming the entry at fault', async () => {
    const brokenIssueId = await copyReferenceIssue();
    const { rows: [entry] } = await database.query<{ id: string; title: string }>(
      // The PDF prints the body's HTML (body_text is derived from it): both get the emoji.
      `UPDATE entries SET body_text = body_text || ' 😀', body_html = body_html || '<p>😀</p>'
       WHERE id = (SELECT id FROM entries WHERE issue_id = $1 ORDER BY title LIMIT 1) RETURNING id, title`,
      [brokenIssueId],
    );
    const renditionId = await insertQueuedRendition(brokenIssueId);
    // Queued as the API queues a request; the stack's worker takes it.
    await enqueueRender(openQueue(stackPrefix), renditionId);

    const failed = await waitFor(async () => {
      const rendition = await getRendition(renditionId);
      return rendition.status === 'failed' ? rendition : undefined;
    }, 40_000);
    expect(failed.error).toBe(`条目《${entry.title}》排版失败：正文含有字体无法显示的字符：“😀”（U+1F600）`);
    expect(failed.attempts).toBe(1);
    expect(existsSync(path.join(storageDir, 'issues', brokenIssueId))).toBe(false);
  });
});

describe('content edited after the request', () => {
  it('is not printed: the proof prints what was requested, and asking again prints the edited content', async () => {
    const editedIssueId = await copyReferenceIssue();
    // The first entry's title is printed nowhere else in the issue (its TOC line and heading only).
    const { rows: [entry] } = await database.query<{ id: string; title: string }>(
      `SELECT id, title FROM entries WHERE issue_id = $1 AND title = $2`,
      [editedIssueId, reference.entries[0].title],
    );
    const editedTitle = `请求之后改过的标题${randomBytes(3).toString('hex')}`;
    // The stack's queue is held while the entry changes, so the worker runs the job only after the edit.
    const queue = openQueue(stackPrefix);
    await queue.pause();
    let requested: RenditionView;
    try {
      const response = await api<RenditionView>('POST', `/api/issues/${editedIssueId}/renditions`, { token: editor, body: { kind: 'proof' } });
      expect(response.status).toBe(202);
      requested = response.body;
      expect(requested).not.toHaveProperty('snapshot');
      await database.query(`UPDATE entries SET title = $2 WHERE id = $1`, [entry.id, editedTitle]);
    } finally {
      await queue.resume();
    }

    const printed = await pdfTextOf(await waitForRendition(requested.id, (rendition) => rendition.status === 'done'));
    expect(printed).toContain(compact(entry.title));
    expect(printed).not.toContain(compact(editedTitle));

    // Asking again is a request for the content as it is now, and that is what the PDF prints.
    const again = await api<RenditionView>('POST', `/api/issues/${editedIssueId}/renditions`, { token: editor, body: { kind: 'proof' } });
    expect(again.status).toBe(202);
    expect(again.body.id).not.toBe(requested.id);
    const reprinted = await pdfTextOf(await waitForRendition(again.body.id, (rendition) => rendition.status === 'done'));
    expect(reprinted).toContain(compact(editedTitle));
    expect(reprinted).not.toContain(compact(entry.title));
  });

  it('fails a rendition without a stored snapshot, with a message saying so, when its content no longer hashes the same', async () => {
    const editedIssueId = await copyReferenceIssue();
    const renditionId = await insertQueuedRendition(editedIssueId, { withSnapshot: false });
    await database.query(`UPDATE entries SET title = title || '（改）' WHERE id = (SELECT id FROM entries WHERE issue_id = $1 ORDER BY title LIMIT 1)`, [editedIssueId]);
    // Queued as the API queues a request; the stack's worker takes it.
    await enqueueRender(openQueue(stackPrefix), renditionId);

    const refused = await waitFor(async () => {
      const rendition = await getRendition(renditionId);
      return rendition.status === 'failed' ? rendition : undefined;
    }, 40_000);
    expect(refused).toMatchObject({ error: '请求后内容已更改，请重新生成', attempts: 1, sha256: null });
    expect(filesOf(refused)).toEqual([]);
  });
});

describe('a worker given a bad configuration', () => {
  it('does not start, and names each wrong variable in one message, without a stack trace', async () => {
    const worker = startWorker('bad-config', { REDIS_URL: '127.0.0.1:6379', RENDER_CONCURRENCY: '0' });
    const refused = await worker.ready.then(() => 'started', (error: Error) => error.message);
    expect(refused).toContain('配置错误：REDIS_URL 应为 redis:// 开头的地址，实际为 "127.0.0.1:6379"；RENDER_CONCURRENCY 应为不小于 1 的整数，实际为 "0"');
    expect(refused).not.toMatch(/\n\s+at /);
  });
});

/* ---------- helpers ---------- */

/**
 * A drafting copy of 总第97期 (entries and distribution list), so renditions here stay out of
 * other tests' way. It is published in its own far year too: a copy dated 2020-10-15 would sort
 * beside the reference issue in the dashboard's open issues and push it off that short list.
 */
async function copyReferenceIssue(): Promise<string> {
  const id = randomUUID();
  // Serial numbers and (year, month) are unique; these are far from any real issue's. The serial
  // stays below the other tests' ranges (9000 and up, 99000 and up): the admin proposes a new
  // issue after the one with the highest serial number, and a copy's far year would be proposed.
  const serial = 500 + (randomBytes(2).readUInt16BE() % 8_000);
  const year = 3000 + (randomBytes(2).readUInt16BE() % 6000);
  // jsonb_populate_record keeps every column, including ones later migrations add.
  await database.query(
    `INSERT INTO issues
       SELECT (jsonb_populate_record(NULL::issues, to_jsonb(i) || jsonb_build_object('id', $1::uuid, 'serial_number', $2::int, 'year', $3::int, 'status', 'drafting', 'publication_date', make_date($3::int, 10, 15)))).*
       FROM issues i WHERE i.serial_number = 97`,
    [id, serial, year],
  );
  await database.query(
    `INSERT INTO entries
       SELECT (jsonb_populate_record(NULL::entries, to_jsonb(e) || jsonb_build_object('id', gen_random_uuid(), 'issue_id', $1::uuid, 'source_id', NULL))).*
       FROM entries e JOIN issues i ON i.id = e.issue_id WHERE i.serial_number = 97`,
    [id],
  );
  await database.query(
    `INSERT INTO issue_recipients
       SELECT (jsonb_populate_record(NULL::issue_recipients, to_jsonb(r) || jsonb_build_object('issue_id', $1::uuid))).*
       FROM issue_recipients r JOIN issues i ON i.id = r.issue_id WHERE i.serial_number = 97`,
    [id],
  );
  return id;
}

/**
 * A proof request as the API writes it (the issue's snapshot as it is now and its content hash),
 * without the job: what is left when Redis loses its data. By default for a fresh copy of
 * 总第97期: one rendition per issue content and kind. `withSnapshot: false` writes the row as an
 * API that stores no snapshot would.
 */
async function insertQueuedRendition(forIssueId?: string, { withSnapshot = true } = {}): Promise<string> {
  const id = randomUUID();
  const issueId = forIssueId ?? (await copyReferenceIssue());
  const snapshot = (await loadIssueSnapshot(prisma, issueId, 'proof', new Date()))!;
  const stored = withSnapshot ? JSON.stringify(await storeIssueSnapshot(prisma, snapshot)) : null;
  await database.query(
    `INSERT INTO renditions (id, issue_id, kind, status, progress, content_hash, issue_revision, snapshot)
     VALUES ($1, $2, 'proof', 'queued', 0, $3, 1, $4::jsonb)`,
    [id, issueId, snapshotContentHash(snapshot), stored],
  );
  return id;
}

async function getRendition(id: string): Promise<RenditionView> {
  const response = await api<RenditionView>('GET', `/api/renditions/${id}`, { token: editor });
  if (response.status !== 200) throw new Error(`GET /api/renditions/${id}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Polls the API until `until` holds; a failed rendition ends the wait with its message. */
function waitForRendition(id: string, until: (rendition: RenditionView) => boolean | Promise<boolean>): Promise<RenditionView> {
  return waitFor(async () => {
    const rendition = await getRendition(id);
    if (rendition.status === 'failed') throw new Error(`rendition failed: ${rendition.error}`);
    return (await until(rendition)) ? rendition : undefined;
  }, 40_000);
}

/** Files in the storage directory that belong to a rendition, temporary ones included. */
function filesOf(rendition: RenditionView): string[] {
  const directory = path.join(storageDir, 'issues', rendition.issueId);
  if (!existsSync(directory)) return [];
  return readdirSync(directory).filter((name) => name.startsWith(rendition.id)).sort();
}

/** The stored file is the whole PDF the row describes, served by the API, with every entry title. */
async function expectStoredPdf(rendition: RenditionView): Promise<void> {
  const onDisk = readFileSync(path.join(storageDir, 'issues', rendition.issueId, `${rendition.id}.pdf`));
  expect(onDisk.length).toBe(rendition.bytes);
  expect(createHash('sha256').update(onDisk).digest('hex')).toBe(rendition.sha256);
  const file = await api<Buffer>('GET', `/api/renditions/${rendition.id}/file`, { token: editor });
  expect(file.status).toBe(200);
  const pages = pdfPages(file.body);
  expect(pages).toHaveLength(rendition.pages!);
  const text = compact(pages.join(''));
  for (const entry of reference.entries) expect(text).toContain(compact(entry.title));
}

/** The text of a done rendition's PDF, as the API serves it, whitespace removed. */
async function pdfTextOf(rendition: RenditionView): Promise<string> {
  const file = await api<Buffer>('GET', `/api/renditions/${rendition.id}/file`, { token: editor });
  expect(file.status).toBe(200);
  return compact(pdfPages(file.body).join(''));
}

function openQueue(prefix: string): Queue<RenderJobData> {
  const queue = new Queue<RenderJobData>(RENDER_QUEUE, { connection: redisConnectionOptions(redisUrl), prefix });
  queues.push({ queue, own: prefix !== stackPrefix });
  return queue;
}

interface WorkerProcess {
  pid: number;
  /** Resolves once the worker has warmed its typesetter, re-queued pending renditions and listens. */
  ready: Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The built worker (dist/), as scripts/stack.mjs starts it, on this file's database and storage. */
function startWorker(name: string, env: Record<string, string>): WorkerProcess {
  const child: ChildProcess = spawn(process.execPath, ['-r', path.join(ROOT, 'scripts/register-paths.cjs'), path.join(ROOT, 'dist/apps/worker/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: appDatabaseUrl, REDIS_URL: redisUrl, STORAGE_DRIVER: 'local', STORAGE_DIR: storageDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: Buffer[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    mkdirSync(LOG_DIR, { recursive: true });
    writeFileSync(path.join(LOG_DIR, `render-queue-${name}.log`), Buffer.concat(output));
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${name} did not start within 30 s:\n${Buffer.concat(output)}`)), 30_000);
    const watch = (chunk: Buffer) => {
      output.push(chunk);
      if (Buffer.concat(output).toString().includes('排版队列工作进程已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`worker ${name} exited before it was ready:\n${Buffer.concat(output)}`));
    });
  });
  ready.catch(() => undefined);
  const signal = async (how: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(how);
    await exited;
  };
  const worker: WorkerProcess = {
    pid: child.pid!,
    ready,
    kill: () => signal('SIGKILL'),
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await signal('SIGTERM');
      clearTimeout(timer);
    },
  };
  workers.push(worker);
  return worker;
}
