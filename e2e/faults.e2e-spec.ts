/**
 * Faults in the services the product depends on, against stacks this file starts itself
 * (scripts/stack.mjs), with servers of their own where a test stops one, so that the machine's
 * PostgreSQL and Redis, which other stacks use, are never touched:
 *
 * - Redis stopped during a render request: the request answers within 5 s, in Chinese, saying the
 *   request is kept; health and login say Redis is down; once the same Redis (same port, same
 *   data) is back the PDF is made without another request.
 * - PostgreSQL stopped: every request answers 503 in Chinese, never 500; health says which is down.
 * - `npm start` with its worker killed: the API keeps answering, the worker comes back, and a
 *   rendition requested meanwhile is made.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import reference from '../seeds/reference-issue-097.json';
import { compact, pdfPages, waitFor } from './support';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..');
const LOG_DIR = path.join(ROOT, 'test-artifacts', 'faults');

interface Server {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

interface DisposableStack {
  baseUrl: string;
  postgres: Server;
  redis: Server;
  stop(): Promise<void>;
}

interface StackModule {
  startDisposableStack(options: { name: string; logDir: string; privateRedis?: boolean; privatePostgres?: boolean; workerEnv?: Record<string, string> }): Promise<DisposableStack>;
  ensureRedis(options: { dir: string; port?: number }): Promise<Server>;
  ensurePostgres(options: { preferSystem: boolean }): Promise<{ url: string; stop(): Promise<void> }>;
  ensureDatabase(serverUrl: string, name: string): Promise<string>;
  freePort(): Promise<number>;
}

const stackModule = () => import(path.join(ROOT, 'scripts', 'stack.mjs')) as Promise<StackModule>;

interface Answer<T = any> {
  status: number;
  body: T;
  ms: number;
}

/** One request to the stack at `base`, timed; a request that takes longer than `timeoutMs` fails the test. */
async function call<T = any>(base: string, method: string, route: string, options: { token?: string; body?: unknown; timeoutMs?: number } = {}): Promise<Answer<T>> {
  const started = Date.now();
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('application/json') ? await response.json() : Buffer.from(await response.arrayBuffer());
  return { status: response.status, body: body as T, ms: Date.now() - started };
}

async function loginAt(base: string, username: string): Promise<string> {
  const answer = await call<{ accessToken: string }>(base, 'POST', '/api/auth/login', { body: { username, password: 'demo12345' } });
  if (answer.status !== 200) throw new Error(`login as ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken;
}

/** 总第97期, the reference issue every seeded database holds. */
async function referenceIssueId(base: string, token: string): Promise<string> {
  const issues = await call<Array<{ id: string; serialNumber: number }>>(base, 'GET', '/api/issues', { token });
  const issue = issues.body.find((candidate) => candidate.serialNumber === reference.issue.serialNumber);
  if (!issue) throw new Error('the reference issue is missing');
  return issue.id;
}

/** Waits for the rendition to be done and returns it with its PDF's text (fails at once if it failed). */
async function rendered(base: string, token: string, renditionId: string, timeoutMs = 90_000): Promise<{ rendition: any; text: string }> {
  const rendition = await waitFor(async () => {
    const poll = await call(base, 'GET', `/api/renditions/${renditionId}`, { token });
    if (poll.body.status === 'failed') throw new Error(`rendition failed: ${poll.body.error}`);
    return poll.body.status === 'done' ? poll.body : undefined;
  }, timeoutMs);
  const file = await call<Buffer>(base, 'GET', `/api/renditions/${renditionId}/file`, { token });
  expect(file.status).toBe(200);
  return { rendition, text: compact(pdfPages(file.body).join('')) };
}

describe('with Redis stopped during a render request', () => {
  let stack: DisposableStack | undefined;
  let restarted: Server | undefined;

  beforeAll(async () => {
    const { startDisposableStack } = await stackModule();
    // The worker looks for pending renditions every second here (30 s by default).
    stack = await startDisposableStack({ name: 'faults-redis', logDir: path.join(LOG_DIR, 'redis'), privateRedis: true, workerEnv: { QUEUE_RECOVERY_INTERVAL_MS: '1000' } });
  });

  afterAll(async () => {
    await stack?.stop();
    await restarted?.stop();
  });

  it('answers within 5 s in Chinese, keeps the request, and makes the PDF once Redis is back without another request', async () => {
    const base = stack!.baseUrl;
    const editor = await loginAt(base, 'editor');
    const issueId = await referenceIssueId(base, editor);
    expect((await call(base, 'GET', '/api/health')).status).toBe(200);

    await stack!.redis.stop();

    const health = await call(base, 'GET', '/api/health', { timeoutMs: 10_000 });
    expect(health).toMatchObject({ status: 503, body: { status: 'error', database: 'up', redis: 'down', message: expect.stringContaining('Redis') } });

    const requested = await call(base, 'POST', `/api/issues/${issueId}/renditions`, { token: editor, body: { kind: 'proof' }, timeoutMs: 60_000 });
    expect(requested.ms).toBeLessThan(5000);
    expect(requested.status).toBe(503);
    expect(requested.body.message).toContain('任务队列暂时不可用');
    expect(requested.body.message).toContain('已记录');
    // The request is kept: the rendition is there, queued, for the worker to find.
    const renditionId: string = requested.body.rendition.id;
    expect((await call(base, 'GET', `/api/renditions/${renditionId}`, { token: editor })).body).toMatchObject({ status: 'queued', issueId });

    // Login counts failures in Redis: it says so too, at once, rather than a generic 500.
    const login = await call(base, 'POST', '/api/auth/login', { body: { username: 'editor', password: 'demo12345' }, timeoutMs: 60_000 });
    expect(login.ms).toBeLessThan(5000);
    expect(login.status).toBe(503);
    expect(login.body.message).toMatch(/暂时不可用/);

    // The same Redis again: same port, same directory (append-only file).
    const { ensureRedis } = await stackModule();
    restarted = await ensureRedis({ dir: stack!.redis.dir, port: stack!.redis.port });
    await waitFor(async () => ((await call(base, 'GET', '/api/health')).status === 200 ? true : undefined), 30_000);

    const { rendition, text } = await rendered(base, editor, renditionId);
    expect(text).toContain(compact(reference.entries[0].title));
    // Rendered once, however many recovery rounds (one a second here) saw the row pending.
    expect(rendition.attempts).toBe(1);
  });
});

describe('with PostgreSQL stopped', () => {
  let stack: DisposableStack | undefined;

  beforeAll(async () => {
    const { startDisposableStack } = await stackModule();
    stack = await startDisposableStack({ name: 'faults-pg', logDir: path.join(LOG_DIR, 'postgres'), privatePostgres: true });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 503 in Chinese, never 500, and health says the database is down', async () => {
    const base = stack!.baseUrl;
    const editor = await loginAt(base, 'editor');
    expect((await call(base, 'GET', '/api/issues', { token: editor })).status).toBe(200);

    await stack!.postgres.stop();

    const health = await call(base, 'GET', '/api/health', { timeoutMs: 10_000 });
    expect(health).toMatchObject({ status: 503, body: { status: 'error', database: 'down', redis: 'up', message: expect.stringContaining('数据库') } });
    for (const [method, route, body] of [
      ['GET', '/api/issues', undefined],
      ['GET', '/api/sections', undefined],
      ['POST', '/api/contributors', { name: '新通讯员' }],
    ] as const) {
      const answer = await call(base, method, route, { token: editor, body, timeoutMs: 15_000 });
      expect({ route, status: answer.status, message: answer.body.message }).toEqual({ route, status: 503, message: expect.stringContaining('数据库暂时无法连接') });
    }
  });
});

describe('`npm start` with its worker killed', () => {
  let start: ChildProcess | undefined;
  let redis: Server | undefined;
  let output = '';
  const cleanups: Array<() => Promise<unknown> | unknown> = [];

  afterAll(async () => {
    if (start && start.exitCode === null) {
      const exited = new Promise((resolve) => start!.once('exit', resolve));
      start.kill('SIGTERM');
      await exited;
    }
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** The running render worker started by `npm start` (pid of node …/apps/worker/src/main.js). */
  function workerPid(): number | undefined {
    const listing = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(start!.pid)], { encoding: 'utf8' }).stdout;
    const line = listing.split('\n').find((candidate) => candidate.includes('apps/worker/src/main.js'));
    return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
  }

  it('keeps the API answering, starts the worker again, and makes a rendition requested meanwhile', async () => {
    const { ensureRedis, ensurePostgres, ensureDatabase, freePort } = await stackModule();
    const redisDir = mkdtempSync(path.join(tmpdir(), 'dsyb-faults-redis-'));
    cleanups.push(() => rmSync(redisDir, { recursive: true, force: true }));
    redis = await ensureRedis({ dir: redisDir });
    cleanups.push(() => redis!.stop());
    const postgres = await ensurePostgres({ preferSystem: true });
    const database = `dsyb_faults_start_${randomBytes(4).toString('hex')}`;
    const databaseUrl = await ensureDatabase(postgres.url, database);
    cleanups.push(async () => {
      const client = new Client({ connectionString: postgres.url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    });
    const storageDir = mkdtempSync(path.join(tmpdir(), 'dsyb-faults-storage-'));
    cleanups.push(() => rmSync(storageDir, { recursive: true, force: true }));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;

    start = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
      cwd: ROOT,
      env: { ...process.env, SKIP_BUILD: '1', DATABASE_URL: databaseUrl, REDIS_URL: redis.url, PORT: String(port), STORAGE_DIR: storageDir, JWT_SECRET: randomBytes(32).toString('hex'), DEMO_PASSWORD: 'demo12345' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    start.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    await waitFor(async () => (output.includes('大事月报编辑系统已启动') ? true : undefined), 120_000).catch((error) => {
      throw new Error(`${error}\n${output}`);
    });
    const firstWorker = await waitFor(async () => workerPid(), 30_000);

    const editor = await loginAt(base, 'editor');
    const issueId = await referenceIssueId(base, editor);
    process.kill(firstWorker, 'SIGKILL');

    // While no worker runs: the API answers, and a rendition can be requested (it waits in the queue).
    const requested = await call(base, 'POST', `/api/issues/${issueId}/renditions`, { token: editor, body: { kind: 'proof' } });
    expect(requested.status).toBe(202);
    for (let check = 0; check < 5; check += 1) {
      expect((await call(base, 'GET', '/api/health')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }

    const secondWorker = await waitFor(async () => {
      const pid = workerPid();
      return pid !== undefined && pid !== firstWorker ? pid : undefined;
    }, 30_000);
    expect(secondWorker).not.toBe(firstWorker);
    expect(start.exitCode).toBeNull();
    expect((await rendered(base, editor, requested.body.id)).text).toContain(compact(reference.entries[0].title));
    expect((await call(base, 'GET', '/api/health')).status).toBe(200);
    expect(output).toContain('排版工作进程意外退出');
  });
});
