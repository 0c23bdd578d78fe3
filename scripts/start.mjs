// `npm start`: the whole product with embedded defaults. Uses DATABASE_URL / REDIS_URL when
// set, otherwise private PostgreSQL and Redis under .data/; migrates, seeds, starts the API
// (which also serves the admin at /) and the render worker. Ctrl-C stops everything.
import path from 'node:path';
import { provisionAppRole, provisionDatabase } from './database-roles.mjs';
import { build, dataDir, ensurePostgres, ensureRedis, localDatabasePasswords, localSecret, log, migrateAndSeed, root, startApi, startWorker, stopChild, waitForHealth } from './stack.mjs';

const stops = [];
let children = [];
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('正在停止……');
  await Promise.all(children.map(stopChild));
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
  const api = startApi(env);
  const worker = startWorker(env);
  children = [api, worker];
  for (const child of children) child.on('exit', (code) => { if (!stopping) { log(`子进程意外退出（${code}），正在停止全部服务`); shutdown(1); } });
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
