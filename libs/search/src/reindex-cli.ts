import { loadDatabaseUrl } from '@dsyb/config';
import { createPrismaClient } from '@dsyb/db';
import { readDictionary, reindexAll, type DocumentKind } from './search-index';
import { Segmenter } from './segmenter';

/**
 * `npm run search:reindex` (scripts/search-reindex.mjs runs this with DATABASE_URL): cuts every
 * entry, source article and issue into words again with the district dictionary as stored and
 * writes their search vectors, in batches each committed on its own, printing progress.
 * `--missing` only indexes documents that have no vector yet (what every start does after the
 * migrations, so an upgraded database becomes searchable by itself).
 */
const LABEL: Record<DocumentKind, string> = { entry: '条目', source: '来稿', issue: '期刊' };

async function main(): Promise<void> {
  const onlyMissing = process.argv.includes('--missing');
  const prisma = createPrismaClient(loadDatabaseUrl(), 'dsyb-search-reindex');
  const started = performance.now();
  try {
    const segmenter = new Segmenter(await readDictionary(prisma));
    let lastPrinted = 0;
    const written = await reindexAll(prisma, segmenter, {
      onlyMissing,
      onProgress: ({ kind, done, total }) => {
        const now = performance.now();
        if (done < total && now - lastPrinted < 1000) return;
        lastPrinted = now;
        console.log(`[检索索引] ${LABEL[kind]} ${done}/${total}`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`[检索索引] 完成：${written} 篇文档已${onlyMissing ? '补建' : '重建'}索引，用时 ${seconds.toFixed(1)} 秒${written ? `（每秒 ${Math.round(written / seconds)} 篇）` : ''}。`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`[检索索引] 失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
