// `npm start`: the whole product with embedded defaults. Uses DATABASE_URL / REDIS_URL when
// set, otherwise private PostgreSQL and Redis under .data/; migrates, seeds, starts the API
// (which also serves the admin at /) and the render worker. A worker that dies is started again
// (after 1 s, 2 s, 4 s … at most 30 s; back to 1 s once one has run for a minute): the API keeps
// answering meanwhile and jobs wait in the queue. The API dying stops everything, as it is what
// people use and a crash there must be seen (a service manager such as systemd restarts the lot).
// Ctrl-C stops everything.
import path from 'node:path';
import { provisionAppRole, provisionDatabase } from './database-roles.mjs';
import { build, dataDir, ensurePostgres, ensureRedis, localDatabasePasswords, localSecret, log, migrateAndSeed, root, startApi, startWorker, stopChild, waitForHealth } from './stack.mjs';

const WORKER_FIRST_DELAY_MS = 1000;
const WORKER_MAX_DELAY_MS = 30_000;
/** A worker that ran this long before dying was not crashing at start: the next restart waits 1 s again. */
const WORKER_STABLE_MS = 60_000;

const stops = [];
let api;
let worker;
let workerRestart;
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  clearTimeout(workerRestart);
  log('正在停止……');
  await Promise.all([api, worker].map(stopChild));
  for (const stop of stops.reverse()) await stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  if (!process.env.SKIP_BUILD) build();
  const port = Number(process.env.PORT ?? 3000);
  const postgres = await ensurePostgres({ url: process.env.DATABASE_URL });
  stops.push(postgres.stop);
  // Migrations and seed run as the database's owner (DATABASE_URL when given), the API and the
  // worker as the application role (APP_DATABASE_URL, or dsyb_app made here): README「数据库角色」.
  const passwords = localDatabasePasswords();
  const { ownerUrl, appUrl } = process.env.DATABASE_URL
    ? await provisionAppRole(process.env.DATABASE_URL, process.env.APP_DATABASE_URL, passwords.app)
    : await provisionDatabase(postgres.url, 'dashi_yuebao', passwords);
  const redis = await ensureRedis({ url: process.env.REDIS_URL });
  stops.push(redis.stop);

  const env = {
    DATABASE_URL: appUrl,
    REDIS_URL: redis.url,
    PORT: String(port),
    JWT_SECRET: process.env.JWT_SECRET ?? localSecret('jwt-secret'),
    STORAGE_DIR: process.env.STORAGE_DIR ?? path.join(dataDir, 'renditions'),
    ADMIN_DIST_DIR: process.env.ADMIN_DIST_DIR ?? path.join(root, 'dist/admin'),
  };
  migrateAndSeed(env, ownerUrl);
  api = startApi(env);
  api.on('exit', (code, signal) => { if (!stopping) { log(`接口进程意外退出（${signal ?? `退出码 ${code}`}），正在停止全部服务`); shutdown(1); } });
  superviseWorker(env);
  await waitForHealth(`http://127.0.0.1:${port}`, api);
  const password = process.env.DEMO_PASSWORD || 'demo12345';
  console.log(`
  大事月报编辑系统已启动：http://localhost:${port}/
    管理界面  http://localhost:${port}/
    接口      http://localhost:${port}/api  （文档 /api/docs）
  演示账号（密码 ${password}）：admin 管理员 · editor 编辑 · reviewer 审核
  按 Ctrl-C 停止。
`);
} catch (error) {
  console.error(`[大事月报] 启动失败：${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}

/** Starts the render worker, and starts it again whenever it dies, waiting longer after each quick death. */
function superviseWorker(env, delay = WORKER_FIRST_DELAY_MS) {
  const startedAt = Date.now();
  worker = startWorker(env);
  log(`排版工作进程已启动（进程号 ${worker.pid}）`);
  worker.on('exit', (code, signal) => {
    if (stopping) return;
    const wait = Date.now() - startedAt >= WORKER_STABLE_MS ? WORKER_FIRST_DELAY_MS : delay;
    log(`排版工作进程意外退出（${signal ?? `退出码 ${code}`}），${wait / 1000} 秒后重启；接口照常服务，排版任务在队列中等候`);
    workerRestart = setTimeout(() => superviseWorker(env, Math.min(wait * 2, WORKER_MAX_DELAY_MS)), wait);
  });
}
