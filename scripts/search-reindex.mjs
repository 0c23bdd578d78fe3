// `npm run search:reindex [-- --missing]`: rebuilds the search index (libs/search/src/reindex-cli.ts)
// of the database named by DATABASE_URL, or of `npm start`'s embedded one (running or not).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { provisionDatabase } from './database-roles.mjs';
import { build, dataDir, ensurePostgres, localDatabasePasswords, log, root } from './stack.mjs';

const cli = path.join(root, 'dist/libs/search/src/reindex-cli.js');
if (!existsSync(cli)) build({ admin: false });

/** The URL of `npm start`'s embedded server when it is running (its postmaster.pid names the port). */
function runningEmbedded(dir) {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return undefined;
  }
  return `postgresql://postgres:private-embedded@127.0.0.1:${port.trim()}/postgres`;
}

let stop = async () => {};
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  const dir = path.join(dataDir, 'postgres');
  let serverUrl = runningEmbedded(dir);
  if (!serverUrl) {
    if (!existsSync(path.join(dir, 'PG_VERSION'))) {
      log('没有 DATABASE_URL，也没有 npm start 的内置数据库（.data/postgres）：没有可索引的数据。');
      process.exit(1);
    }
    const postgres = await ensurePostgres({ dir });
    serverUrl = postgres.url;
    stop = postgres.stop;
  }
  databaseUrl = (await provisionDatabase(serverUrl, 'dashi_yuebao', localDatabasePasswords())).ownerUrl;
}
try {
  const result = spawnSync(process.execPath, ['-r', path.join(root, 'scripts/register-paths.cjs'), cli, ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'inherit',
  });
  process.exitCode = result.status ?? 1;
} finally {
  await stop();
}
