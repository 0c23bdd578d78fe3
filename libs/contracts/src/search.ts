import type { EventDatePrecision } from './vocabulary';

/**
 * What `GET /api/search` answers: one result per entry, source or issue, best first, with the
 * title and a snippet highlighted (escaped HTML whose only tags are <mark>).
 */
export const SEARCH_KINDS = ['entry', 'source', 'issue'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchResultIssue {
  id: string;
  serialNumber: number;
  year: number;
  month: number;
  title: string;
  status: string;
}

export interface SearchResult {
  kind: SearchKind;
  id: string;
  title: string;
  /** The title, escaped, with the matched words in <mark>. */
  titleHtml: string;
  /** A stretch of the text around the matches, escaped, matches in <mark>. */
  snippet: string;
  rank: number;
  /** The event's date (entries), the newspaper's date (sources), the month's first day (issues). */
  date: string | null;
  eventDatePrecision: EventDatePrecision | null;
  status: string | null;
  issue: SearchResultIssue | null;
  section: { id: string; name: string } | null;
  newspaper: string | null;
  page: string | null;
}
