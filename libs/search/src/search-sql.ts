import { ENTRY_STATUSES, ISSUE_STATUSES, type SearchResult } from '@dsyb/contracts';
import { highlight, snippet } from './highlight';
import type { ParsedQuery, SearchClause } from './query';
import { WORDS_OF_KIND, type DocumentKind, type RawDatabase } from './search-index';

/**
 * One ranked search over entries, source articles and issues (GET /api/search), and the same
 * match for one kind's list. Every value is a bound parameter; the tsqueries were built with
 * every lexeme quoted (query.ts), so no input reaches PostgreSQL as syntax.
 */


export interface SearchFilter {
  kinds?: readonly DocumentKind[];
  sectionIds?: readonly string[];
  issueIds?: readonly string[];
  contributorIds?: readonly string[];
  statuses?: readonly string[];
  /** First day of the first month, inclusive (YYYY-MM-DD). */
  from?: string;
  /** Last day of the last month, inclusive (YYYY-MM-DD). */
  to?: string;
}

interface KindSql {
  table: string;
  alias: string;
  /** The kind's words: `w.vector`, keyed by `w.<key>`. */
  words: { table: string; key: string };
  /** The expression the trigram index was built on (migration 20261210000000_search). */
  text: string;
  title: string;
}

const KIND_SQL: Record<DocumentKind, KindSql> = {
  entry: { table: 'entries', alias: 'e', words: WORDS_OF_KIND.entry, text: `(e.title || ' ' || e.body_text)`, title: 'e.title' },
  source: { table: 'source_articles', alias: 's', words: WORDS_OF_KIND.source, text: `(s.headline || ' ' || s.text)`, title: 's.headline' },
  issue: { table: 'issues', alias: 'i', words: WORDS_OF_KIND.issue, text: 'i.title', title: 'i.title' },
};

/** Positional parameters of one statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/**
 * The documents of each kind whose text holds a clause's pattern (trigram index), found before
 * the search itself: the words and the text are in different tables, and an OR across two tables
 * could use neither index, while `w.<key> = ANY(ids)` is an OR within the words' table.
 */
type FallbackIds = Map<SearchClause, string[]>;

/**
 * At most this many documents per fallback pattern. The fallback catches the few documents where
 * segmentation split a name; a name in more documents than this is found by its word in most of
 * them, and reading its every occurrence in the text was the slowest part of such a search (a
 * byline name in 2,000 of 200,000 articles: 370 ms, npm run bench:search).
 */
const FALLBACK_LIMIT = 500;

async function fallbackIds(db: RawDatabase, kind: KindSql, query: ParsedQuery): Promise<FallbackIds> {
  const found: FallbackIds = new Map();
  const byPattern = new Map<string, string[]>();
  for (const clause of [...query.required, ...query.excluded.flat()]) {
    if (clause.patterns.length === 0 || found.has(clause)) continue;
    const ids = new Set<string>();
    for (const pattern of clause.patterns) {
      if (!byPattern.has(pattern)) {
        const rows = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT ${kind.alias}.id FROM ${kind.table} ${kind.alias} WHERE ${kind.text} ILIKE $1 LIMIT ${FALLBACK_LIMIT}`, pattern);
        byPattern.set(pattern, rows.map((row) => row.id));
      }
      for (const id of byPattern.get(pattern)!) ids.add(id);
    }
    found.set(clause, [...ids]);
  }
  return found;
}

function clauseSql(kind: KindSql, clause: SearchClause, params: Params, fallback: FallbackIds, alias = 'w'): string {
  const ids = fallback.get(clause);
  const idsSql = () => `${alias}.${kind.words.key} = ANY(${params.add(ids, 'uuid[]')})`;
  // A quoted phrase the text holds as it is: the trigram lookup found exactly those documents,
  // and checking word positions would mean reading every candidate's words. (When the text
  // holds it in no document, say typed with spaces, the words' positions decide.)
  if (ids && ids.length > 0 && clause.phrase) return idsSql();
  const vector = `${alias}.vector @@ ${params.add(clause.tsquery, 'tsquery')}`;
  return !ids || ids.length === 0 ? vector : `(${vector} OR ${idsSql()})`;
}

const isPlainWord = (clause: SearchClause, fallback: FallbackIds) => !clause.phrase && !fallback.has(clause);

/**
 * The query's conditions on the words: the plain words as one tsquery (one GIN lookup), phrases
 * and words with a trigram fallback each on their own; then the -terms.
 *
 * A -term of plain words joins the plain words' tsquery as `& !(…)`: the GIN index then leaves its
 * documents out by itself (a tsquery of lexemes without weights needs no recheck), where a
 * separate `NOT (vector @@ …)` had to read and decompress the vector of every document having the
 * wanted word (a common word: thousands; the slowest searches of npm run bench:search).
 * `inTitle` leaves out the plain words, which a match of the title's words implies; its -terms are
 * checked on the few title matches.
 */
function wordConditions(kind: KindSql, query: ParsedQuery, params: Params, fallback: FallbackIds, inTitle: boolean): string[] {
  const isPlain = (clause: SearchClause) => isPlainWord(clause, fallback);
  const plain = query.required.filter(isPlain);
  const others = query.required.filter((clause) => !isPlain(clause)).map((clause) => clauseSql(kind, clause, params, fallback));
  const inQuery = inTitle || plain.length === 0 ? [] : query.excluded.filter((clauses) => clauses.every(isPlain));
  const excluded = query.excluded.filter((clauses) => !inQuery.includes(clauses)).map((clauses) => excludedSql(kind, clauses, params, fallback));
  if (inTitle || plain.length === 0) return [...others, ...excluded];
  const tsquery = [...plain.map((clause) => clause.tsquery), ...inQuery.map((clauses) => `!(${clauses.map((clause) => clause.tsquery).join(' & ')})`)].join(' & ');
  return [`w.vector @@ ${params.add(tsquery, 'tsquery')}`, ...others, ...excluded];
}

/** A -term the tsquery cannot carry, checked on each candidate. */
function excludedSql(kind: KindSql, clauses: readonly SearchClause[], params: Params, fallback: FallbackIds): string {
  return `NOT (${clauses.map((clause) => clauseSql(kind, clause, params, fallback)).join(' AND ')})`;
}

/** Whether the filter leaves the kind out (a filter only another kind has, or no status of this kind). */
function leftOut(kindName: DocumentKind, filter: SearchFilter): boolean {
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(kindName)) return true;
  const hasStatus = (allowed: readonly string[]) => (filter.statuses ?? []).some((status) => allowed.includes(status));
  const statuses = (filter.statuses?.length ?? 0) > 0;
  if (kindName === 'entry') return statuses && !hasStatus(ENTRY_STATUSES);
  if (kindName === 'source') return Boolean(filter.sectionIds?.length || filter.issueIds?.length || statuses);
  return Boolean(filter.sectionIds?.length || filter.contributorIds?.length) || (statuses && !hasStatus(ISSUE_STATUSES));
}

/** The WHERE conditions of one kind, and whether they need the documents' own table (`base`) besides their words (`w`). */
function conditions(kindName: DocumentKind, query: ParsedQuery, filter: SearchFilter, params: Params, fallback: FallbackIds, inTitle = false): { where: string[]; base: boolean } {
  const kind = KIND_SQL[kindName];
  // The title's words first: PostgreSQL checks conditions of equal cost in the order written, and
  // a title vector is a few words in the row, where a -term's check reads the whole vector.
  const where = inTitle ? [`w.title_vector @@ ${params.add(titleTsquery(query), 'tsquery')}`] : [];
  where.push(...wordConditions(kind, query, params, fallback, inTitle));
  const statuses = (allowed: readonly string[]) => (filter.statuses ?? []).filter((status) => allowed.includes(status));
  const onBase: string[] = [];
  if (kindName === 'entry') {
    if (filter.sectionIds?.length) onBase.push(`e.section_id = ANY(${params.add(filter.sectionIds, 'uuid[]')})`);
    if (filter.issueIds?.length) onBase.push(`e.issue_id = ANY(${params.add(filter.issueIds, 'uuid[]')})`);
    if (filter.contributorIds?.length) onBase.push(`EXISTS (SELECT 1 FROM entry_contributors ec WHERE ec.entry_id = e.id AND ec.contributor_id = ANY(${params.add(filter.contributorIds, 'uuid[]')}))`);
    if (filter.statuses?.length) onBase.push(`e.status::text = ANY(${params.add(statuses(ENTRY_STATUSES), 'text[]')})`);
  } else if (kindName === 'source') {
    if (filter.contributorIds?.length) onBase.push(`EXISTS (SELECT 1 FROM source_contributors sc WHERE sc.source_id = s.id AND sc.contributor_id = ANY(${params.add(filter.contributorIds, 'uuid[]')}))`);
  } else {
    if (filter.issueIds?.length) where.push(`w.issue_id = ANY(${params.add(filter.issueIds, 'uuid[]')})`);
    if (filter.statuses?.length) onBase.push(`i.status::text = ANY(${params.add(statuses(ISSUE_STATUSES), 'text[]')})`);
  }
  // Dates are the words' own sort_date (the event's, the newspaper's, the issue's month).
  if (filter.from) where.push(`w.sort_date >= ${params.add(filter.from, 'date')}`);
  if (filter.to) where.push(`w.sort_date <= ${params.add(filter.to, 'date')}`);
  return { where: [...where, ...onBase], base: onBase.length > 0 };
}

function rankSql(kindName: DocumentKind, query: ParsedQuery, params: Params): string {
  const kind = KIND_SQL[kindName];
  const rank = query.rankQuery === ''
    ? '0'
    : `ts_rank('{0.1, 0.2, 0.4, 1.0}', w.vector, ${params.add(query.rankQuery, 'tsquery')})`;
  // A document found only through the trigram fallback has no ranked word: its title naming it counts.
  const patterns = [...new Set(query.required.flatMap((clause) => clause.patterns))];
  return patterns.length === 0 ? rank : `${rank} + CASE WHEN ${kind.title} ILIKE ANY(${params.add(patterns, 'text[]')}) THEN 0.1 ELSE 0 END`;
}

export interface SearchHit {
  kind: DocumentKind;
  id: string;
  rank: number;
}

/**
 * How many documents of each kind are ranked: those naming all the words in their title and
 * the most recent of the others, this many of each (or as deep as the page asked for). Ranking
 * every match would read every match's words: a common word (工作, 街道) matches half an
 * archive, and that is seconds, not milliseconds (npm run bench:search).
 */
export const RANK_POOL = 200;
/** Matches are counted up to this many per kind; beyond, the total says "at least". */
export const COUNT_LIMIT = 1000;

/**
 * Runs the search statement with sequential scans discouraged, in a transaction of its own when
 * the client can open one. PostgreSQL's planner prices a tsvector match as cheap as any
 * operator, so for a common word it prefers reading the whole words table, decompressing every
 * vector (seconds at 200,000 documents), over the GIN index, whose answer for plain words needs
 * no vector read at all (npm run bench:search, EXPLAIN).
 */
async function withIndexScans<T>(db: RawDatabase, run: (db: RawDatabase) => Promise<T>): Promise<T> {
  if (!db.$transaction) return run(db);
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    return run(tx);
  });
}

/** The part of a kind's words and documents the conditions need. */
function fromSql(kind: KindSql, base: boolean): string {
  return `${kind.words.table} w${base ? ` JOIN ${kind.table} ${kind.alias} ON ${kind.alias}.id = w.${kind.words.key}` : ''}`;
}

/** All required words in the title (phrases as plain AND: the title's words carry no positions). */
function titleTsquery(query: ParsedQuery): string {
  return query.required.map((clause) => `(${clause.tsquery.replace(/ <(?:-|\d+)> /g, ' & ')})`).join(' & ');
}

/**
 * One page of the matching documents' ids, best first, and how many match in all (at most
 * COUNT_LIMIT per kind, `capped` when a kind has more).
 */
export async function searchHits(db: RawDatabase, query: ParsedQuery, filter: SearchFilter, page: { offset: number; limit: number }): Promise<{ hits: SearchHit[]; total: number; capped: boolean }> {
  if (query.required.length === 0) return { hits: [], total: 0, capped: false };
  const params = new Params();
  const pool = Math.max(RANK_POOL, page.offset + page.limit);
  const ranked: string[] = [];
  const counts: string[] = [];
  for (const kindName of ['entry', 'source', 'issue'] as const) {
    if (leftOut(kindName, filter)) continue;
    const kind = KIND_SQL[kindName];
    const fallback = await fallbackIds(db, kind, query);
    const { where, base } = conditions(kindName, query, filter, params, fallback);
    const inTitle = conditions(kindName, query, filter, params, fallback, true);
    const from = fromSql(kind, base);
    const matching = where.join(' AND ');
    const key = `w.${kind.words.key}`;
    const candidates = [
      `(SELECT ${key} AS id FROM ${fromSql(kind, inTitle.base)} WHERE ${inTitle.where.join(' AND ')} ORDER BY w.sort_date DESC NULLS LAST LIMIT ${pool})`,
      `(SELECT ${key} AS id FROM ${from} WHERE ${matching} ORDER BY w.sort_date DESC NULLS LAST LIMIT ${pool})`,
    ];
    ranked.push(`SELECT '${kindName}'::text AS kind, c.id, (${rankSql(kindName, query, params)})::float8 AS rank, w.sort_date
      FROM (${candidates.join(' UNION ')}) c
      JOIN ${kind.words.table} w ON ${key} = c.id JOIN ${kind.table} ${kind.alias} ON ${kind.alias}.id = c.id`);
    counts.push(`(SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${matching} LIMIT ${COUNT_LIMIT + 1}) AS k)`);
  }
  if (ranked.length === 0) return { hits: [], total: 0, capped: false };
  const rows = await withIndexScans(db, (tx) => tx.$queryRawUnsafe<{ kind: DocumentKind | null; id: string | null; rank: number | null; counts: number[] }[]>(
    `WITH ranked AS (${ranked.join('\nUNION ALL\n')})
     SELECT p.kind, p.id, p.rank, t.counts
       FROM (SELECT ARRAY[${counts.join(', ')}]::int[] AS counts) t
       LEFT JOIN LATERAL (SELECT kind, id, rank FROM ranked ORDER BY rank DESC, sort_date DESC NULLS LAST, id
                          OFFSET ${params.add(page.offset, 'int')} LIMIT ${params.add(page.limit, 'int')}) p ON TRUE`,
    ...params.values,
  ));
  const kindCounts = rows[0]?.counts ?? [];
  const capped = kindCounts.some((count) => count > COUNT_LIMIT);
  const total = kindCounts.reduce((sum, count) => sum + Math.min(count, COUNT_LIMIT), 0);
  const hits = rows.filter((row) => row.id !== null).map((row) => ({ kind: row.kind!, id: row.id!, rank: Number(row.rank) }));
  return { hits, total, capped };
}

/**
 * Ids of one kind matching the query (a list's own search box, which keeps its own order),
 * the most recent first, at most `limit`.
 */
export async function matchingIds(db: RawDatabase, query: ParsedQuery, kindName: DocumentKind, limit: number): Promise<string[]> {
  if (query.required.length === 0) return [];
  const kind = KIND_SQL[kindName];
  const params = new Params();
  const { where, base } = conditions(kindName, query, {}, params, await fallbackIds(db, kind, query));
  const rows = await withIndexScans(db, (tx) => tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT w.${kind.words.key} AS id FROM ${fromSql(kind, base)} WHERE ${where.join(' AND ')} ORDER BY w.sort_date DESC NULLS LAST LIMIT ${params.add(limit, 'int')}`,
    ...params.values,
  ));
  return rows.map((row) => row.id);
}

interface DetailRow {
  id: string;
  title: string;
  text: string;
  date: string | null;
  precision: 'day' | 'month' | null;
  status: string | null;
  issue: SearchResult['issue'];
  section: SearchResult['section'];
  newspaper: string | null;
  page: string | null;
}

const DETAIL_SQL: Record<DocumentKind, string> = {
  entry: `
    SELECT e.id, e.title, e.body_text AS text, to_char(e.event_date, 'YYYY-MM-DD') AS date, e.event_date_precision::text AS precision, e.status::text AS status,
           CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('id', i.id, 'serialNumber', i.serial_number, 'year', i.year, 'month', i.month, 'title', i.title, 'status', i.status) END AS issue,
           json_build_object('id', sec.id, 'name', sec.name) AS section, NULL AS newspaper, NULL AS page
      FROM entries e JOIN sections sec ON sec.id = e.section_id LEFT JOIN issues i ON i.id = e.issue_id
     WHERE e.id = ANY($1::uuid[])`,
  source: `
    SELECT s.id, s.headline AS title, s.text, to_char(s.issue_date, 'YYYY-MM-DD') AS date, NULL AS precision, NULL AS status,
           NULL::json AS issue, NULL::json AS section, s.newspaper, s.page
      FROM source_articles s WHERE s.id = ANY($1::uuid[])`,
  issue: `
    SELECT i.id, i.title, format('总第%s期，%s年%s月，%s', i.serial_number, i.year, i.month, i.compiler) AS text,
           to_char(make_date(i.year, i.month, 1), 'YYYY-MM-DD') AS date, 'month' AS precision, i.status::text AS status,
           json_build_object('id', i.id, 'serialNumber', i.serial_number, 'year', i.year, 'month', i.month, 'title', i.title, 'status', i.status) AS issue,
           NULL::json AS section, NULL AS newspaper, NULL AS page
      FROM issues i WHERE i.id = ANY($1::uuid[])`,
};

/** The hits as results: titles and snippets highlighted, with their issue, section and dates. */
export type { SearchResult };

export async function presentHits(db: RawDatabase, query: ParsedQuery, hits: readonly SearchHit[]): Promise<SearchResult[]> {
  const details = new Map<string, DetailRow>();
  for (const kind of ['entry', 'source', 'issue'] as const) {
    const ids = hits.filter((hit) => hit.kind === kind).map((hit) => hit.id);
    if (ids.length === 0) continue;
    for (const row of await db.$queryRawUnsafe<DetailRow[]>(DETAIL_SQL[kind], ids)) details.set(`${kind}:${row.id}`, row);
  }
  return hits.flatMap((hit) => {
    const row = details.get(`${hit.kind}:${hit.id}`);
    if (!row) return [];
    return [{
      kind: hit.kind,
      id: hit.id,
      title: row.title,
      titleHtml: highlight(row.title, query.highlights),
      snippet: snippet(row.text, query.highlights),
      rank: Math.round(hit.rank * 10000) / 10000,
      date: row.date,
      eventDatePrecision: row.precision,
      status: row.status,
      issue: row.issue,
      section: row.section,
      newspaper: row.newspaper,
      page: row.page,
    }];
  });
}
