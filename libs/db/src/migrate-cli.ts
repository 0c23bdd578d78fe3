import { loadDatabaseUrl } from '@dsyb/config';
import { applyMigrations } from './migrate';

/** `node dist/libs/db/src/migrate-cli.js` — migrates the database named by DATABASE_URL. */
async function main(): Promise<void> {
  const databaseUrl = loadDatabaseUrl();
  const applied = await applyMigrations(databaseUrl);
  console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库结构已是最新。');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
