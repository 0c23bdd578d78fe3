import { Injectable } from '@nestjs/common';
import {
  eventSimilarity,
  indexDocuments,
  matchingIds,
  parseSearchQuery,
  presentHits,
  SearchDictionary,
  SearchQueryError,
  searchHits,
  type DocumentIds,
  type DocumentKind,
  type ParsedQuery,
  type RawDatabase,
  type SearchFilter,
  type Segmenter,
} from '@dsyb/search';
import { invalid } from '../common/domain-errors';
import { PrismaService } from '../prisma/prisma.service';

/** How many ids a list's own search box filters by at most: the best-ranked ones. */
export const LIST_SEARCH_LIMIT = 5000;

/** Duplicate candidates: event dates this many days apart at most. */
export const DUPLICATE_WINDOW_DAYS = 3;
/** A newspaper reports an event on the day or up to a week after it. */
export const SOURCE_WINDOW_DAYS = 7;
export const DUPLICATE_MIN_SCORE = 0.3;

export interface DuplicateQuery {
  title: string;
  text?: string;
  eventDate?: string;
  excludeEntryId?: string;
  /** A source article: its newspaper date sets the window and its text the comparison when none is given. */
  sourceId?: string;
}

/**
 * The API's search: one process-wide segmenter with the district dictionary (libs/search
 * SearchDictionary), the unified search, the lists' search boxes, the index writes every save
 * makes in its own transaction, and the duplicate finder.
 */
@Injectable()
export class SearchService {
  readonly dictionary: SearchDictionary;

  constructor(private readonly prisma: PrismaService) {
    this.dictionary = new SearchDictionary(prisma);
  }

  segmenter(): Promise<Segmenter> {
    return this.dictionary.current();
  }

  /** Writes the documents' words in the caller's transaction (or at once, given the client). */
  async index(db: RawDatabase, ids: DocumentIds): Promise<void> {
    await indexDocuments(db, await this.segmenter(), ids);
  }

  async parse(q: string | undefined): Promise<ParsedQuery> {
    try {
      return parseSearchQuery(q ?? '', await this.segmenter());
    } catch (error) {
      if (error instanceof SearchQueryError) throw invalid(error.message);
      throw error;
    }
  }

  async search(q: string | undefined, filter: SearchFilter, page: { offset: number; limit: number }) {
    const query = await this.parse(q);
    const { hits, total, capped } = await searchHits(this.prisma, query, filter, page);
    return { results: await presentHits(this.prisma, query, hits), total, capped };
  }

  /**
   * A list's search box: the ids of the kind that match, best first (at most LIST_SEARCH_LIMIT),
   * or undefined when the box holds nothing searchable (the list is then not narrowed by it).
   */
  async listMatches(kind: DocumentKind, q: string | undefined): Promise<string[] | undefined> {
    if (!q || q.trim() === '') return undefined;
    const query = await this.parse(q);
    if (query.required.length === 0) return undefined;
    return matchingIds(this.prisma, query, kind, LIST_SEARCH_LIMIT);
  }

  /** Existing entries that may report the same event, best first (issue 15 item 4). */
  async duplicates(input: DuplicateQuery) {
    let reference = input.eventDate ? new Date(`${input.eventDate}T00:00:00Z`) : undefined;
    let before = DUPLICATE_WINDOW_DAYS;
    let after = DUPLICATE_WINDOW_DAYS;
    let text = input.text ?? '';
    if (input.sourceId) {
      const source = await this.prisma.sourceArticle.findUnique({ where: { id: input.sourceId }, select: { issueDate: true, text: true } });
      if (!source) throw invalid(`来稿不存在：${input.sourceId}`);
      if (!input.text) text = source.text;
      if (!reference && source.issueDate) {
        reference = source.issueDate;
        before = SOURCE_WINDOW_DAYS;
        after = 0;
      }
    }
    // The last twelve months of the archive, when no date says where to look.
    const today = new Date();
    const from = reference ? addDays(reference, -before) : addDays(today, -366);
    const to = reference ? addDays(reference, after) : today;
    const candidates = await this.prisma.$queryRawUnsafe<CandidateRow[]>(
      `SELECT e.id, e.title, e.body_text AS text, to_char(e.event_date, 'YYYY-MM-DD') AS date, e.event_date_precision::text AS precision,
              e.status::text AS status,
              CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('id', i.id, 'serialNumber', i.serial_number, 'year', i.year, 'month', i.month, 'title', i.title, 'status', i.status) END AS issue,
              json_build_object('id', s.id, 'name', s.name) AS section
         FROM entries e JOIN sections s ON s.id = e.section_id LEFT JOIN issues i ON i.id = e.issue_id
        WHERE e.event_date BETWEEN $1::date AND $2::date
           -- An event dated only by its month may be any day of it.
           OR (e.event_date_precision = 'month' AND e.event_date BETWEEN date_trunc('month', $1::date) AND $2::date)
        ORDER BY e.event_date, e.id
        LIMIT 2000`,
      isoDay(from),
      isoDay(to),
    );
    const segmenter = await this.segmenter();
    const wanted = { title: input.title, text };
    return {
      candidates: candidates
        .filter((row) => row.id !== input.excludeEntryId)
        .map(({ text: candidateText, precision, ...row }) => ({
          ...row,
          eventDatePrecision: precision,
          ...eventSimilarity(wanted, { title: row.title, text: candidateText }, segmenter),
        }))
        .filter((candidate) => candidate.score >= DUPLICATE_MIN_SCORE)
        .sort((a, b) => b.score - a.score)
        .slice(0, 10),
    };
  }
}

interface CandidateRow {
  id: string;
  title: string;
  text: string;
  date: string;
  precision: 'day' | 'month';
  status: string;
  issue: unknown;
  section: { id: string; name: string };
}

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

