import { SEARCH_KINDS, type SearchKind } from '@dsyb/contracts';
import { documentVectors } from './document-vector';
import { Segmenter, type DictionaryWord, type SearchTermKind } from './segmenter';

/**
 * The search index's database side: the district dictionary, and the words of every entry,
 * source article and issue written into their `search_vector` columns. Works on any Prisma
 * client or transaction (only raw queries are used), so the API, the worker and scripts share it.
 */

export interface RawDatabase {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  /** An interactive transaction, where the client can open one (not inside one already). */
  $transaction?<T>(run: (tx: RawDatabase) => Promise<T>): Promise<T>;
}

export type DocumentKind = SearchKind;
export const DOCUMENT_KINDS: readonly DocumentKind[] = SEARCH_KINDS;

export const TABLE_OF_KIND: Record<DocumentKind, string> = { entry: 'entries', source: 'source_articles', issue: 'issues' };

/** Where each kind's words are kept (migration 20261210000000_search): table and key column. */
export const WORDS_OF_KIND: Record<DocumentKind, { table: string; key: string }> = {
  entry: { table: 'entry_search', key: 'entry_id' },
  source: { table: 'source_search', key: 'source_id' },
  issue: { table: 'issue_search', key: 'issue_id' },
};


const ALIAS_OF_KIND: Record<DocumentKind, string> = { entry: 'e', source: 's', issue: 'i' };

/** What the vector of each kind is made of, by the same query for one row or all. */
const DOCUMENT_SQL: Record<DocumentKind, (where: string) => string> = {
  entry: (where) => `
    SELECT e.id, e.title AS a, e.body_text AS b, to_char(e.event_date, 'YYYY-MM-DD') AS d,
           (SELECT string_agg(c.name, ' ' ORDER BY ec.position, c.name) FROM entry_contributors ec JOIN contributors c ON c.id = ec.contributor_id WHERE ec.entry_id = e.id) AS c
      FROM entries e WHERE ${where}`,
  source: (where) => `
    SELECT s.id, s.headline AS a, s.text AS b, to_char(s.issue_date, 'YYYY-MM-DD') AS d,
           concat_ws(' ', s.newspaper, s.page, (SELECT string_agg(c.name, ' ' ORDER BY sc.position, c.name) FROM source_contributors sc JOIN contributors c ON c.id = sc.contributor_id WHERE sc.source_id = s.id)) AS c
      FROM source_articles s WHERE ${where}`,
  issue: (where) => `
    SELECT i.id, i.title AS a, format('总第%s期 %s年%s月 %s', i.serial_number, i.year, i.month, i.compiler) AS b, NULL::text AS c,
           to_char(make_date(i.year, i.month, 1), 'YYYY-MM-DD') AS d
      FROM issues i WHERE ${where}`,
};

interface DocumentRow {
  id: string;
  a: string | null;
  b: string | null;
  c: string | null;
  /** The date it sorts by among matches, YYYY-MM-DD. */
  d: string | null;
}

/** What the words tables hold for one document. */
export interface DocumentWords {
  vector: string;
  titleVector: string;
  sortDate: string | null;
}

/** An entry's vector from its fields: what a save that writes in one statement uses. */
function wordsOf(title: string | null, body: string | null, bylines: string | null, sortDate: string | null, segmenter: Segmenter): DocumentWords {
  return { ...documentVectors([{ text: title, weight: 'A' }, { text: body, weight: 'B' }, { text: bylines, weight: 'C' }], segmenter), sortDate };
}

/** An entry's words from its fields: what a save that writes in one statement uses. */
export function entryWords(entry: { title: string; bodyText: string; bylines: readonly string[]; eventDate: Date }, segmenter: Segmenter): DocumentWords {
  return wordsOf(entry.title, entry.bodyText, entry.bylines.join(' '), entry.eventDate.toISOString().slice(0, 10), segmenter);
}

const rowWords = (row: DocumentRow, segmenter: Segmenter) => wordsOf(row.a, row.b, row.c, row.d, segmenter);

async function writeVectors(db: RawDatabase, kind: DocumentKind, rows: readonly DocumentRow[], segmenter: Segmenter): Promise<number> {
  return upsertWords(db, kind, rows.map((row) => row.id), rows.map((row) => rowWords(row, segmenter)));
}

function upsertWords(db: RawDatabase, kind: DocumentKind, ids: readonly string[], words: readonly DocumentWords[]): Promise<number> {
  if (ids.length === 0) return Promise.resolve(0);
  const { table, key } = WORDS_OF_KIND[kind];
  return db.$executeRawUnsafe(
    `INSERT INTO ${table} (${key}, vector, title_vector, sort_date)
     SELECT v.id, v.vector::tsvector, v.title_vector::tsvector, v.sort_date FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[]) AS v(id, vector, title_vector, sort_date)
     ON CONFLICT (${key}) DO UPDATE SET vector = EXCLUDED.vector, title_vector = EXCLUDED.title_vector, sort_date = EXCLUDED.sort_date`,
    ids,
    words.map((word) => word.vector),
    words.map((word) => word.titleVector),
    words.map((word) => word.sortDate),
  );
}

export type DocumentIds = Partial<Record<DocumentKind, readonly string[]>>;

/** Indexes the given documents again, in the caller's transaction. */
export async function indexDocuments(db: RawDatabase, segmenter: Segmenter, ids: DocumentIds): Promise<number> {
  let written = 0;
  for (const kind of DOCUMENT_KINDS) {
    const wanted = [...new Set(ids[kind] ?? [])];
    if (wanted.length === 0) continue;
    const rows = await db.$queryRawUnsafe<DocumentRow[]>(DOCUMENT_SQL[kind](`${ALIAS_OF_KIND[kind]}.id = ANY($1::uuid[])`), wanted);
    written += await writeVectors(db, kind, rows, segmenter);
  }
  return written;
}

/**
 * Documents whose text contains one of the words (trigram index): the ones a dictionary change
 * may segment differently.
 */
export async function documentsContaining(db: RawDatabase, words: readonly string[]): Promise<Required<DocumentIds>> {
  const patterns = words.map((word) => `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  const ids = async (sql: string) => (await db.$queryRawUnsafe<{ id: string }[]>(sql, patterns)).map((row) => row.id);
  return {
    entry: await ids(`SELECT id FROM entries WHERE (title || ' ' || body_text) ILIKE ANY($1::text[])`),
    source: await ids(`SELECT id FROM source_articles WHERE (headline || ' ' || text) ILIKE ANY($1::text[])`),
    issue: await ids(`SELECT id FROM issues WHERE title ILIKE ANY($1::text[])`),
  };
}

export interface ReindexProgress {
  kind: DocumentKind;
  done: number;
  total: number;
}

/**
 * Indexes every document (or only those with no vector yet), in batches each committed on
 * its own, reporting progress after each batch. Returns how many were written.
 */
export async function reindexAll(
  db: RawDatabase,
  segmenter: Segmenter,
  options: { onlyMissing?: boolean; batchSize?: number; onProgress?: (progress: ReindexProgress) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let written = 0;
  for (const kind of DOCUMENT_KINDS) {
    const table = TABLE_OF_KIND[kind];
    const words = WORDS_OF_KIND[kind];
    const alias = ALIAS_OF_KIND[kind];
    const missing = options.onlyMissing ? `NOT EXISTS (SELECT 1 FROM ${words.table} w WHERE w.${words.key} = ${alias}.id)` : 'TRUE';
    const [{ total }] = await db.$queryRawUnsafe<{ total: number }[]>(`SELECT count(*)::int AS total FROM ${table} ${alias} WHERE ${missing}`);
    let done = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    // Pipelined: while PostgreSQL writes one batch (its own process, the other core), this
    // process reads and segments the next; a batch is reported once it is written.
    let writing: Promise<unknown> = Promise.resolve();
    while (done < total) {
      const rows = await db.$queryRawUnsafe<DocumentRow[]>(
        `${DOCUMENT_SQL[kind](`${missing} AND ${alias}.id > $1::uuid`)} ORDER BY ${alias}.id LIMIT ${batchSize}`,
        after,
      );
      if (rows.length === 0) break;
      const words = rows.map((row) => rowWords(row, segmenter));
      await writing;
      done += rows.length;
      after = rows[rows.length - 1]!.id;
      const reported = { kind, done: Math.min(done, total), total };
      writing = upsertWords(db, kind, rows.map((row) => row.id), words).then((count) => {
        written += count;
        options.onProgress?.(reported);
      });
    }
    await writing;
    if (total === 0) options.onProgress?.({ kind, done: 0, total: 0 });
  }
  return written;
}

/** The district dictionary as stored. */
export async function readDictionary(db: RawDatabase): Promise<DictionaryWord[]> {
  const rows = await db.$queryRawUnsafe<{ word: string; kind: SearchTermKind }[]>('SELECT word, kind FROM search_terms ORDER BY word');
  return rows;
}

async function dictionaryVersion(db: RawDatabase): Promise<string> {
  const [row] = await db.$queryRawUnsafe<{ version: string }[]>(
    `SELECT count(*)::text || '@' || coalesce(max(updated_at)::text, '') AS version FROM search_terms`,
  );
  return row!.version;
}

export interface LoadedDictionary {
  version: string;
  segmenter: Segmenter;
}

/**
 * One process's segmenter with the district dictionary as stored: read again when the
 * dictionary changed (checked at most every `recheckMs`, and at once after `invalidate()`,
 * which the process that changed it calls).
 */
export class SearchDictionary {
  private segmenter: Segmenter | undefined;
  private version: string | undefined;
  private checkedAt = 0;
  private loading: Promise<Segmenter> | undefined;

  constructor(private readonly db: RawDatabase, private readonly recheckMs = 5000) {}

  invalidate(): void {
    this.checkedAt = 0;
  }

  async current(): Promise<Segmenter> {
    if (this.segmenter && Date.now() - this.checkedAt < this.recheckMs) return this.segmenter;
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** A segmenter with the dictionary as `db` sees it (a transaction that changed it), not yet this process's. */
  async readIn(db: RawDatabase): Promise<LoadedDictionary> {
    const version = await dictionaryVersion(db);
    return { version, segmenter: new Segmenter(await readDictionary(db)) };
  }

  /** Makes a dictionary read in a committed transaction this process's. */
  adopt(loaded: LoadedDictionary): void {
    this.segmenter = loaded.segmenter;
    this.version = loaded.version;
    this.checkedAt = Date.now();
  }

  private async load(): Promise<Segmenter> {
    const version = await dictionaryVersion(this.db);
    if (!this.segmenter || version !== this.version) this.adopt(await this.readIn(this.db));
    else this.checkedAt = Date.now();
    return this.segmenter!;
  }
}
