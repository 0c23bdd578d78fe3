// Shared by the load and fuzz scripts: a disposable stack and a small JSON HTTP client.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { build, dataDir, ensureDatabase, ensurePostgres, ensureRedis, root, startDisposableStack } from './stack.mjs';

export async function benchStack(name, env = {}) {
  if (!existsSync(path.join(root, 'dist/apps/api/src/main.js')) || process.env.BUILD) build({ admin: false });
  return startDisposableStack({ name, env, logDir: path.join(root, 'test-artifacts', name) });
}

/**
 * For the render benchmarks: the machine's PostgreSQL and Redis when they answer (or
 * DATABASE_URL / REDIS_URL), private ones otherwise, as `npm test` does; a throwaway database
 * migrated and seeded, and a folder for the PDFs. Each is removed by the steps pushed on
 * `cleanups` (run them in reverse). Answers the worker's environment and a client of the database.
 */
export async function throwawayServices(cleanups) {
  const serverUrl = process.env.DATABASE_URL ? Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).toString() : undefined;
  const postgres = await ensurePostgres({ url: serverUrl, preferSystem: true, dir: path.join(dataDir, 'bench-postgres') });
  cleanups.push(postgres.stop);
  const redis = await ensureRedis({ url: process.env.REDIS_URL, preferSystem: true, dir: path.join(dataDir, 'bench-redis') });
  cleanups.push(redis.stop);
  const databaseName = `dsyb_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await ensureDatabase(postgres.url, databaseName);
  cleanups.push(async () => {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
  });
  const storageDir = mkdtempSync(path.join(tmpdir(), 'dsyb-bench-renditions-'));
  cleanups.push(async () => rmSync(storageDir, { recursive: true, force: true }));
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, STORAGE_DRIVER: 'local', STORAGE_DIR: storageDir, RENDER_TEST_DELAY_MS: '0' };
  // In a child, so that the migration and seed messages stay out of the JSON on stdout.
  const migrate = spawnSync(process.execPath, ['-e', `import('${pathToFileURL(path.join(root, 'scripts/stack.mjs')).href}').then((m) => m.migrateAndSeed(${JSON.stringify(env)}))`], { cwd: root, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`migrate and seed failed:\n${migrate.stdout}${migrate.stderr}`);
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  cleanups.push(() => database.end());
  return { env, database, storageDir };
}

export function client(baseUrl) {
  return async function request(method, route, { token, body, raw, headers = {} } = {}) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    let json;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: response.status, body: json, text, ms: performance.now() - started };
  };
}

export function percentile(sorted, p) {
  if (!sorted.length) return null;
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1));
}

/** A process's peak resident set so far (VmHWM), or its current one (VmRSS), in MB (Linux). */
export function rssMb(pid, field = 'VmHWM') {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** User + system CPU time of a process so far, from /proc (clock ticks of 10 ms). */
export function processCpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}
