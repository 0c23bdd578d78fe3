// `npm test`: builds, prepares real PostgreSQL and Redis (the machine's own on 5432/6379 when
// they answer, private ones otherwise), starts the real stack for the end-to-end and browser
// tests, and runs every Jest test.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { build, dataDir, ensureDatabase, ensurePostgres, ensureRedis, freePort, log, migrateAndSeed, root, startApi, startWorker, stopChild, waitForHealth } from './stack.mjs';

const jestArgs = process.argv.slice(2);
const stops = [];
const children = [];
let exitCode = 1;

async function cleanup() {
  await Promise.all(children.map(stopChild));
  for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
}
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));

try {
  if (!process.env.SKIP_BUILD) build();
  const postgres = await ensurePostgres({ url: process.env.TEST_PG_URL, preferSystem: true, dir: path.join(dataDir, 'test-postgres') });
  stops.push(postgres.stop);
  const redis = await ensureRedis({ url: process.env.TEST_REDIS_URL, preferSystem: true, dir: path.join(dataDir, 'test-redis') });
  stops.push(redis.stop);
  // The end-to-end stack gets its own database and Redis database number, dropped afterwards.
  const e2eDatabase = `dsyb_e2e_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await ensureDatabase(postgres.url, e2eDatabase);
  stops.push(async () => {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${e2eDatabase}" WITH (FORCE)`);
    await client.end();
  });
  const storageDir = path.join(dataDir, `test-renditions-${process.pid}`);
  stops.push(async () => rmSync(storageDir, { recursive: true, force: true }));
  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(32).toString('hex'),
    STORAGE_DIR: storageDir,
    ADMIN_DIST_DIR: path.join(root, 'dist/admin'),
    DEMO_PASSWORD: 'demo12345',
    // A queue of its own, so that test runs sharing the machine's Redis never take each other's jobs.
    QUEUE_PREFIX: `dsyb-test-${randomBytes(4).toString('hex')}`,
  };

  migrateAndSeed(env);
  const logDir = path.join(root, 'test-artifacts');
  mkdirSync(logDir, { recursive: true });
  const api = startApi(env, { stdio: ['ignore', 'pipe', 'pipe'] });
  const worker = startWorker(env, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(api, worker);
  for (const [name, child] of [['api', api], ['worker', worker]]) {
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('exit', () => { if (output.length) import('node:fs').then((fs) => fs.writeFileSync(path.join(logDir, `${name}.log`), Buffer.concat(output))); });
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, api);
  log(`测试环境就绪：${baseUrl}`);

  const resultsFile = path.join(logDir, 'jest-results.json');
  const jest = spawn(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', path.join(root, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${resultsFile}`, ...jestArgs], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      TEST_PG_URL: postgres.url,
      TEST_REDIS_URL: redis.url,
      E2E_BASE_URL: baseUrl,
      E2E_DATABASE_URL: databaseUrl,
      E2E_STORAGE_DIR: storageDir,
      E2E_REDIS_URL: redis.url,
      E2E_QUEUE_PREFIX: env.QUEUE_PREFIX,
    },
  });
  exitCode = await new Promise((resolve) => jest.on('exit', (code) => resolve(code ?? 1)));
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    console.log(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  } catch {
    // Jest failed before writing results; its own output says why.
  }
} catch (error) {
  console.error(`[大事月报] 测试准备失败：${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
