// `npm run bench:search` (issue 15): the Chinese full-text search over a chronicle office's
// ten years of material, measured in a throwaway database with the real migrations.
//  - generate: 100,000 entries and 100,000 source articles built from the seeds' real text
//    (总第97期's 27 entries, the two newspaper pages as libs/intake parses them), sentences and
//    clauses recombined, random titles from title fragments, event dates over 10 years, one
//    issue a month (120), the reference sections, bylines; bulk INSERT ... FROM unnest(...);
//  - index: libs/search `reindexAll` over all of it: documents per second (target ≥ 2,000/s);
//  - queries: 200 queries of one to three words drawn (seeded, so every run asks the same)
//    from the text's own words (two-character words, several words, quoted phrases,
//    -exclusions), each through parseSearchQuery + searchHits + presentHits as GET /api/search
//    does, timed (target p95 ≤ 50 ms); and the same words the old way (ILIKE '%word%' on title
//    and text, all words AND-ed, entries and sources, newest first, 20 rows and a count).
// Prints one JSON object on stdout; progress on stderr. Exits 0 when targets are missed (a
// line on stderr says which), 1 only when something could not be measured.
//   BENCH_SEARCH_DOCS     documents per kind (default 100000)
//   BENCH_SEARCH_EXPLAIN  1: EXPLAIN (ANALYZE, BUFFERS) of the five slowest searches on stderr
//   BENCH_SEARCH_KEEP     1: keep the generated database (its name is printed)
//   BENCH_SEARCH_DATABASE a kept database: run only the queries again on it
//   BUILD                 1: build dist/ first even when it looks up to date
//   DATABASE_URL          a server to use (its database is not touched; a throwaway one is made)
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { percentile } from './bench-http.mjs';
import { dataDir, ensureDatabase, ensurePostgres, root } from './stack.mjs';

const require = createRequire(import.meta.url);
const DOCS = Math.max(100, Number(process.env.BENCH_SEARCH_DOCS ?? 100_000));
const QUERIES = 200;
const EXPLAIN = process.env.BENCH_SEARCH_EXPLAIN === '1';
/** BENCH_SEARCH_KEEP=1 leaves the generated database for a look with psql (its name is printed). */
const KEEP = process.env.BENCH_SEARCH_KEEP === '1';
/**
 * BENCH_SEARCH_DATABASE=<name of a database an earlier run kept>: only the queries are run again,
 * on those documents (no generation, no indexing figures, no ILIKE comparison), and the database is kept. For trying a
 * change to the search itself without half an hour of generating and indexing.
 */
const REUSE = process.env.BENCH_SEARCH_DATABASE;
const TARGETS = { perSecond: 2000, p95Ms: 50 };
const YEARS = 10;
const FIRST_YEAR = 2016;
const BATCH = 2000;

const progress = (message) => process.stderr.write(`[bench:search] ${message}\n`);

/* ---------------------------------------------------------------- build */

function newestMtime(dir) {
  let newest = 0;
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, dirent.name);
    if (dirent.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.ts$/.test(dirent.name) && !/\.spec\.ts$/.test(dirent.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** The build in dist/, made again when missing, older than the libs' sources, or BUILD is set. */
function ensureBuild() {
  const marker = path.join(root, 'dist/libs/search/src/index.js');
  const sources = Math.max(...['libs/search/src', 'libs/db/src', 'libs/intake/src'].map((dir) => newestMtime(path.join(root, dir))));
  if (existsSync(marker) && statSync(marker).mtimeMs >= sources && !process.env.BUILD) return;
  progress('dist/ 缺失或过期，正在构建（npm run build 的 TypeScript 部分）…');
  // In a child with its output on stderr, so that stdout carries the JSON only.
  const built = spawnSync(process.execPath, ['-e', `import('${pathToFileURL(path.join(root, 'scripts/stack.mjs')).href}').then((m) => m.build({ admin: false }))`], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) throw new Error('build failed');
}

/* ---------------------------------------------------------------- text */

/** mulberry32: a small seeded PRNG, so that every run builds and asks the same. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCE_END = /(?<=[。！？；])/u;

/** The seeds' real text: sentences, title fragments, bylines, sections. */
function seedText(parsePage) {
  const reference = JSON.parse(readFileSync(path.join(root, 'seeds/reference-issue-097.json'), 'utf8'));
  const articles = ['a', 'b'].flatMap((name) => parsePage(readFileSync(path.join(root, `seeds/sources/newspaper-page-${name}.txt`), 'utf8'), { issueDate: '2020-09-10' }).articles);
  const paragraphs = [...reference.entries.flatMap((entry) => entry.paragraphs), ...articles.flatMap((article) => article.text.split(/\n+/))];
  const sentences = paragraphs.flatMap((paragraph) => paragraph.split(SENTENCE_END)).map((sentence) => sentence.trim()).filter((sentence) => [...sentence].length >= 6);
  const titles = [...reference.entries.map((entry) => entry.title), ...articles.map((article) => article.headline)];
  // A title's halves: at its spaces and colons, or at a verb-like cut near the middle.
  const heads = [];
  const tails = [];
  for (const title of titles) {
    const parts = title.split(/[\s：:]+/u).filter(Boolean);
    if (parts.length >= 2) {
      heads.push(parts[0]);
      tails.push(parts.slice(1).join(' '));
    } else {
      const chars = [...title];
      const cut = Math.max(2, Math.floor(chars.length / 2));
      heads.push(chars.slice(0, cut).join(''));
      tails.push(chars.slice(cut).join(''));
    }
  }
  const names = [...new Set(articles.flatMap((article) => article.bylines.map((byline) => byline.name)))];
  return { sentences, heads, tails, names, sections: reference.sections, masthead: reference.masthead, issue: reference.issue };
}

function generator(text, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (low, high) => low + Math.floor(random() * (high - low + 1));
  /** A sentence as it is, or the first clauses of one joined to the last clauses of another. */
  const sentence = () => {
    const first = pick(text.sentences);
    if (random() < 0.6) return first;
    const a = first.split('，');
    const b = pick(text.sentences).split('，');
    if (a.length < 2 || b.length < 2) return first;
    return [...a.slice(0, int(1, a.length - 1)), ...b.slice(int(1, b.length - 1))].join('，');
  };
  const paragraphs = (sentenceCount) => {
    const result = [];
    let current = '';
    for (let index = 0; index < sentenceCount; index += 1) {
      current += sentence();
      if (random() < 0.3 || index === sentenceCount - 1) {
        result.push(current);
        current = '';
      }
    }
    return result;
  };
  const title = () => (random() < 0.5 ? `${pick(text.heads)}${pick(text.tails)}` : `${pick(text.heads)} ${pick(text.tails)}`);
  return { pick, int, sentence, paragraphs, title };
}

/** Bylines: the pages' own names and 300 more made of their surnames and given names' characters. */
function contributorNames(names, random) {
  const surnames = [...new Set(names.map((name) => [...name][0]))];
  const given = [...new Set(names.flatMap((name) => [...name].slice(1)))];
  const pick = (list) => list[Math.floor(random() * list.length)];
  const result = new Set(names);
  for (let attempt = 0; attempt < 10_000 && result.size < names.length + 300; attempt += 1) {
    result.add(pick(surnames) + pick(given) + (random() < 0.7 ? pick(given) : ''));
  }
  return [...result];
}

const isoDate = (date) => date.toISOString().slice(0, 10);

/* ---------------------------------------------------------------- database */

async function insertRows(client, sql, columns) {
  await client.query(sql, columns);
}

/**
 * The throwaway database's rows: a masthead, the reference sections, 120 issues (one a month,
 * the month after the one they cover), contributors, then entries and sources in batches.
 */
async function generate(client, text, random) {
  const g = generator(text, random);
  await client.query('SET synchronous_commit = off');
  const [{ id: mastheadId }] = (await client.query(
    `INSERT INTO masthead_settings (id, key, publication_title, notice, sponsor, publisher, phone, email, updated_at)
     VALUES (gen_random_uuid(), 'default', $1, $2, $3, $4, $5, $6, now()) RETURNING id`,
    [text.masthead.publicationTitle, text.masthead.notice, text.masthead.sponsor, text.masthead.publisher, text.masthead.phone, text.masthead.email],
  )).rows;
  const sectionIds = text.sections.map(() => randomUUID());
  await client.query(
    `INSERT INTO sections (id, key, name, position) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[])`,
    [sectionIds, text.sections.map((section) => section.key), text.sections.map((section) => section.name), text.sections.map((_, index) => index + 1)],
  );
  // Issue n covers month n of the ten years and appears the month after; all but the last three published.
  const months = YEARS * 12;
  const issueIds = Array.from({ length: months }, () => randomUUID());
  const coverage = Array.from({ length: months }, (_, n) => new Date(Date.UTC(FIRST_YEAR, n, 1)));
  await client.query(
    `INSERT INTO issues (id, year, month, serial_number, title, compiler, publication_date, coverage_start, coverage_end, status, masthead_id, updated_at)
     SELECT id, extract(year FROM s + interval '1 month')::int, extract(month FROM s + interval '1 month')::int, n, $2, $3,
            (s + interval '1 month 14 days')::date, s, (s + interval '1 month - 1 day')::date, 'approved', $4, now()
       FROM unnest($1::uuid[], $5::date[]) WITH ORDINALITY AS t(id, s, n)`,
    [issueIds, text.issue.title, text.issue.compiler, mastheadId, coverage.map(isoDate)],
  );
  const names = contributorNames(text.names, random);
  const contributorIds = names.map(() => randomUUID());
  await client.query(
    `INSERT INTO contributors (id, name, role, organisation) SELECT id, name, 'correspondent', '中原区' FROM unnest($1::uuid[], $2::text[]) AS t(id, name)`,
    [contributorIds, names],
  );

  const span = Date.UTC(FIRST_YEAR + YEARS, 0, 1) - Date.UTC(FIRST_YEAR, 0, 1);
  const statuses = ['draft', 'submitted', 'approved', 'approved', 'approved', 'changes_requested'];
  const newspapers = ['郑州日报', '中原报', '河南日报', '郑州晚报'];
  const bylines = (id, ids, roles, positions) => {
    const count = g.int(0, 2);
    const chosen = new Set();
    for (let index = 0; index < count; index += 1) chosen.add(g.int(0, contributorIds.length - 1));
    [...chosen].forEach((contributor, position) => {
      ids[0].push(id);
      ids[1].push(contributorIds[contributor]);
      roles.push(position === 0 ? 'reporter' : 'correspondent');
      positions.push(position);
    });
  };

  for (let done = 0; done < DOCS; done += BATCH) {
    const size = Math.min(BATCH, DOCS - done);
    const rows = { id: [], issue: [], section: [], position: [], title: [], html: [], text: [], date: [], precision: [], status: [] };
    const links = { ids: [[], []], roles: [], positions: [] };
    for (let index = 0; index < size; index += 1) {
      const id = randomUUID();
      const date = new Date(Date.UTC(FIRST_YEAR, 0, 1) + Math.floor(random() * span));
      const month = (date.getUTCFullYear() - FIRST_YEAR) * 12 + date.getUTCMonth();
      const monthOnly = random() < 0.1;
      const paragraphs = g.paragraphs(g.int(2, 9));
      rows.id.push(id);
      rows.issue.push(random() < 0.9 ? issueIds[month] : null);
      rows.section.push(g.pick(sectionIds));
      rows.position.push(done + index);
      rows.title.push(g.title());
      rows.html.push(paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join(''));
      rows.text.push(paragraphs.join('\n\n'));
      rows.date.push(monthOnly ? isoDate(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1))) : isoDate(date));
      rows.precision.push(monthOnly ? 'month' : 'day');
      rows.status.push(g.pick(statuses));
      bylines(id, links.ids, links.roles, links.positions);
    }
    await insertRows(client,
      `INSERT INTO entries (id, issue_id, section_id, position, title, body_html, body_text, event_date, event_date_precision, status, updated_at)
       SELECT id, issue, section, position, title, html, body, date, precision::"DatePrecision", status::"EntryStatus", now()
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::date[], $9::text[], $10::text[])
           AS t(id, issue, section, position, title, html, body, date, precision, status)`,
      [rows.id, rows.issue, rows.section, rows.position, rows.title, rows.html, rows.text, rows.date, rows.precision, rows.status]);
    await insertRows(client,
      `INSERT INTO entry_contributors (entry_id, contributor_id, role, position)
       SELECT e, c, r::"ContributorRole", p FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[]) AS t(e, c, r, p)`,
      [...links.ids, links.roles, links.positions]);

    const sources = { id: [], newspaper: [], date: [], page: [], headline: [], text: [] };
    const sourceLinks = { ids: [[], []], roles: [], positions: [] };
    for (let index = 0; index < size; index += 1) {
      const id = randomUUID();
      sources.id.push(id);
      sources.newspaper.push(g.pick(newspapers));
      sources.date.push(isoDate(new Date(Date.UTC(FIRST_YEAR, 0, 1) + Math.floor(random() * span))));
      sources.page.push(String(g.int(1, 8)));
      sources.headline.push(g.title());
      sources.text.push(g.paragraphs(g.int(4, 16)).join('\n'));
      bylines(id, sourceLinks.ids, sourceLinks.roles, sourceLinks.positions);
    }
    await insertRows(client,
      `INSERT INTO source_articles (id, newspaper, issue_date, page, headline, text, updated_at)
       SELECT id, newspaper, date, page, headline, body, now()
         FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[]) AS t(id, newspaper, date, page, headline, body)`,
      [sources.id, sources.newspaper, sources.date, sources.page, sources.headline, sources.text]);
    await insertRows(client,
      `INSERT INTO source_contributors (source_id, contributor_id, role, position)
       SELECT s, c, r::"ContributorRole", p FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[]) AS t(s, c, r, p)`,
      [...sourceLinks.ids, sourceLinks.roles, sourceLinks.positions]);
    if ((done / BATCH) % 10 === 9 || done + size >= DOCS) progress(`已生成 ${done + size} / ${DOCS} 条目和 ${done + size} / ${DOCS} 篇来源文章`);
  }
  // Published only now: the freeze guard refuses new entries in a published issue (a reindex may still write their vectors).
  await client.query(`UPDATE issues SET status = 'published', published_at = now() WHERE serial_number <= $1`, [months - 3]);
}

/* ---------------------------------------------------------------- queries */

/**
 * 200 queries from the text's own words: one word (common or rare), a two-character word,
 * two or three words of one sentence, a quoted phrase of neighbouring words, a word with
 * another left out.
 */
function drawQueries(text, segmenter, isHan, random) {
  const frequency = new Map();
  const sentenceWords = [];
  for (const sentence of text.sentences) {
    const words = segmenter.cut(sentence);
    sentenceWords.push(words);
    for (const word of words) if ([...word].length >= 2 && isHan(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const distinct = [...frequency.keys()].sort();
  const weighted = distinct.flatMap((word) => Array(frequency.get(word)).fill(word));
  const twoChar = distinct.filter((word) => [...word].length === 2);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const hanWords = (words) => words.filter((word) => [...word].length >= 2 && isHan(word));
  const queries = [];
  while (queries.length < QUERIES) {
    const roll = random();
    if (roll < 0.25) queries.push({ kind: 'word', q: pick(weighted) });
    else if (roll < 0.4) queries.push({ kind: 'rare-word', q: pick(distinct) });
    else if (roll < 0.55) queries.push({ kind: 'two-char', q: pick(twoChar) });
    else if (roll < 0.8) {
      const words = [...new Set(hanWords(pick(sentenceWords)))];
      const count = random() < 0.6 ? 2 : 3;
      if (words.length < count) continue;
      const chosen = [];
      while (chosen.length < count) {
        const word = pick(words);
        if (!chosen.includes(word)) chosen.push(word);
      }
      queries.push({ kind: `${count}-words`, q: chosen.join(' ') });
    } else if (roll < 0.9) {
      const words = pick(sentenceWords);
      const start = Math.floor(random() * words.length);
      const phrase = words.slice(start, start + (random() < 0.5 ? 2 : 3));
      if (phrase.length < 2 || !phrase.every((word) => isHan(word))) continue;
      queries.push({ kind: 'phrase', q: `"${phrase.join('')}"` });
    } else {
      const included = pick(weighted);
      const excluded = pick(weighted);
      if (included === excluded) continue;
      queries.push({ kind: 'exclusion', q: `${included} -${excluded}` });
    }
  }
  return queries;
}

/** The query the old list search ran: every word ILIKE'd into title and text, newest first. */
function ilikeStatement(q) {
  const terms = [...q.matchAll(/(-?)(?:"([^"]*)"|(\S+))/gu)].map((match) => ({ negated: match[1] === '-', text: match[2] ?? match[3] }));
  const escape = (value) => `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const wanted = terms.filter((term) => !term.negated).map((term) => escape(term.text));
  const unwanted = terms.filter((term) => term.negated).map((term) => escape(term.text));
  const where = (expression) => `${expression} ILIKE ALL($1::text[])${unwanted.length ? ` AND NOT ${expression} ILIKE ANY($2::text[])` : ''}`;
  return {
    sql: `SELECT kind, id, date, (count(*) OVER ())::int AS total FROM (
            SELECT 'entry' AS kind, e.id, e.event_date AS date FROM entries e WHERE ${where(`(e.title || ' ' || e.body_text)`)}
            UNION ALL
            SELECT 'source', s.id, s.issue_date FROM source_articles s WHERE ${where(`(s.headline || ' ' || s.text)`)}
          ) AS hits ORDER BY date DESC NULLS LAST, id LIMIT 20`,
    values: unwanted.length ? [wanted, unwanted] : [wanted],
  };
}

/** A database handle that adds up the time its reads and writes take (where indexing spends its time). */
function timing(db) {
  const spent = { readMs: 0, writeMs: 0 };
  const timed = (key, call) => async (sql, ...values) => {
    const started = performance.now();
    try {
      return await call(sql, ...values);
    } finally {
      spent[key] += performance.now() - started;
    }
  };
  return { spent, $queryRawUnsafe: timed('readMs', db.$queryRawUnsafe.bind(db)), $executeRawUnsafe: timed('writeMs', db.$executeRawUnsafe.bind(db)) };
}

/** A database handle that remembers the statements searchHits sent (for EXPLAIN). */
function recording(db) {
  const statements = [];
  return {
    statements,
    $queryRawUnsafe: (sql, ...values) => {
      statements.push({ sql, values });
      return db.$queryRawUnsafe(sql, ...values);
    },
    $executeRawUnsafe: (sql, ...values) => db.$executeRawUnsafe(sql, ...values),
  };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: Number(sorted.at(-1).toFixed(1)) };
}

/* ---------------------------------------------------------------- main */

async function main() {
  const loadAtStart = os.loadavg()[0];
  ensureBuild();
  require('./register-paths.cjs');
  const { applyMigrations, createPrismaClient } = require(path.join(root, 'dist/libs/db/src/index.js'));
  const { parsePage } = require(path.join(root, 'dist/libs/intake/src/index.js'));
  const { SearchDictionary, isHan, parseSearchQuery, presentHits, reindexAll, searchHits } = require(path.join(root, 'dist/libs/search/src/index.js'));

  const serverUrl = process.env.DATABASE_URL ? Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).toString() : undefined;
  const postgres = await ensurePostgres({ url: serverUrl, preferSystem: true, dir: path.join(dataDir, 'bench-postgres') });
  const databaseName = REUSE ?? `dsyb_bench_search_${randomBytes(4).toString('hex')}`;
  const cleanups = [postgres.stop];
  // Interrupted (Ctrl-C), the throwaway database is dropped all the same.
  const interrupted = async (signal) => {
    progress(`收到 ${signal}，正在清理…`);
    for (const step of cleanups.reverse()) await step().catch((error) => console.error(error));
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const databaseUrl = await ensureDatabase(postgres.url, databaseName);
    cleanups.push(async () => {
      if (KEEP || REUSE) return progress(`保留了临时数据库 ${databaseName}（BENCH_SEARCH_KEEP=1 或 BENCH_SEARCH_DATABASE），用完请自行删除`);
      const admin = new pg.Client({ connectionString: postgres.url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await admin.end();
      progress(`已删除临时数据库 ${databaseName}`);
    });
    if (!REUSE) {
      await applyMigrations(databaseUrl);
      progress(`临时数据库 ${databaseName} 已迁移`);
    }

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    cleanups.push(() => client.end());
    const prisma = createPrismaClient(databaseUrl, 'bench-search');
    cleanups.push(() => prisma.$disconnect());

    const text = seedText(parsePage);
    progress(`种子文本：${text.sentences.length} 句，${text.heads.length} 个标题片段，${text.names.length} 个署名`);
    const generateStarted = performance.now();
    if (!REUSE) await generate(client, text, prng(15));
    const generateSeconds = (performance.now() - generateStarted) / 1000;
    progress(`生成用时 ${generateSeconds.toFixed(1)} 秒`);

    const segmenter = await new SearchDictionary(prisma).current();
    let lastReport = 0;
    const indexStarted = performance.now();
    const timed = timing(prisma);
    const indexed = REUSE ? 0 : await reindexAll(timed, segmenter, {
      onProgress: ({ kind, done, total }) => {
        const now = performance.now();
        if (now - lastReport < 5000 && done < total) return;
        lastReport = now;
        const seconds = (now - indexStarted) / 1000;
        progress(`索引 ${kind}: ${done} / ${total}（已用 ${seconds.toFixed(1)} 秒）`);
      },
    });
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    await client.query('ANALYZE');

    const queries = drawQueries(text, segmenter, isHan, prng(97));
    const search = async ({ q }, db = prisma) => {
      const started = performance.now();
      const query = parseSearchQuery(q, segmenter);
      const { hits, total } = await searchHits(db, query, {}, { offset: 0, limit: 20 });
      const results = await presentHits(db, query, hits);
      return { ms: performance.now() - started, total, shown: results.length };
    };
    const ilike = async ({ q }) => {
      const { sql, values } = ilikeStatement(q);
      const started = performance.now();
      const rows = await prisma.$queryRawUnsafe(sql, ...values);
      return { ms: performance.now() - started, total: rows[0]?.total ?? 0 };
    };
    progress(`${queries.length} 个查询：预热…`);
    for (const query of queries) await search(query);
    if (!REUSE) for (const query of queries) await ilike(query);
    progress('测量新搜索…');
    const searchRuns = [];
    for (const query of queries) searchRuns.push({ ...query, ...(await search(query)) });
    progress('测量 ILIKE…');
    const ilikeRuns = [];
    if (!REUSE) for (const query of queries) ilikeRuns.push({ ...query, ...(await ilike(query)) });

    const size = async (sql) => Number((await client.query(sql)).rows[0].bytes) / 1024 / 1024;
    const indexSize = (pattern) => size(`SELECT coalesce(sum(pg_relation_size(c.oid)), 0) AS bytes FROM pg_class c WHERE c.relkind = 'i' AND c.relname LIKE '${pattern}'`);
    const database = {
      sizeMb: Math.round(await size('SELECT pg_database_size(current_database()) AS bytes')),
      vectorIndexMb: Math.round(await indexSize('%search%vector_idx')),
      trigramIndexMb: Math.round(await indexSize('%trgm_idx')),
    };

    const slowest = [...searchRuns].sort((a, b) => b.ms - a.ms).slice(0, 5);
    if (EXPLAIN) {
      for (const run of slowest) {
        const recorder = recording(prisma);
        await search(run, recorder);
        progress(`—— EXPLAIN：${run.q}（${run.kind}，${run.ms.toFixed(1)} 毫秒，${run.total} 条）`);
        for (const { sql, values } of recorder.statements) {
          // As the search runs its statements (search-sql.ts withIndexScans): sequential scans discouraged.
          await client.query('BEGIN');
          await client.query('SET LOCAL enable_seqscan = off');
          const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
          await client.query('COMMIT');
          process.stderr.write(`${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}\n\n`);
        }
      }
      const slowIlike = [...ilikeRuns].sort((a, b) => b.ms - a.ms)[0];
      if (slowIlike) {
        const { sql, values } = ilikeStatement(slowIlike.q);
        progress(`—— EXPLAIN（ILIKE）：${slowIlike.q}（${slowIlike.ms.toFixed(1)} 毫秒）`);
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
        process.stderr.write(`${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}\n\n`);
      }
    }

    const perSecond = REUSE ? null : Math.round(indexed / indexSeconds);
    const searchStats = stats(searchRuns.map((run) => run.ms));
    const result = {
      documents: { entries: DOCS, sources: DOCS },
      generateSeconds: Number(generateSeconds.toFixed(1)),
      index: {
        documents: indexed,
        seconds: Number(indexSeconds.toFixed(1)),
        perSecond,
        target: TARGETS.perSecond,
        // Reading the documents, writing the vectors (UPDATE: the row's indexes and freeze guard), and the rest: jieba and building the vectors here.
        breakdownSeconds: {
          read: Number((timed.spent.readMs / 1000).toFixed(1)),
          write: Number((timed.spent.writeMs / 1000).toFixed(1)),
          segment: Number((indexSeconds - (timed.spent.readMs + timed.spent.writeMs) / 1000).toFixed(1)),
        },
      },
      queries: {
        count: queries.length,
        search: { ...searchStats, meanHits: Math.round(searchRuns.reduce((sum, run) => sum + run.total, 0) / searchRuns.length) },
        ilike: REUSE ? null : stats(ilikeRuns.map((run) => run.ms)),
        targetP95Ms: TARGETS.p95Ms,
        slowest: slowest.map((run) => ({ q: run.q, kind: run.kind, ms: Number(run.ms.toFixed(1)), hits: run.total })),
      },
      database,
      // The load average at the start and at the end: other work on the machine slows every figure.
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: [loadAtStart, os.loadavg()[0]].map((load) => Number(load.toFixed(2))) },
    };
    console.log(JSON.stringify(result, null, 2));
    if (perSecond !== null && perSecond < TARGETS.perSecond) progress(`未达标：索引速度 ${perSecond} 篇/秒，目标至少 ${TARGETS.perSecond} 篇/秒。`);
    if (searchStats.p95Ms > TARGETS.p95Ms) progress(`未达标：搜索 p95 为 ${searchStats.p95Ms} 毫秒，目标不超过 ${TARGETS.p95Ms} 毫秒（BENCH_SEARCH_EXPLAIN=1 可查看最慢查询的执行计划）。`);
  } finally {
    for (const step of cleanups.reverse()) await step().catch((error) => console.error(error));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
