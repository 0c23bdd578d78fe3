import type { SearchKind, SearchResult } from '@dsyb/contracts';

export { SEARCH_KINDS, type SearchKind, type SearchResult, type SearchResultIssue } from '@dsyb/contracts';

/** The filter keys the API reads; empty ones are left out of the request. */
export interface SearchFilter {
  kind?: SearchKind | SearchKind[];
  sectionId?: string;
  issueId?: string;
  contributorId?: string;
  status?: string | string[];
  /** 'YYYY-MM' or 'YYYY-MM-DD' */
  from?: string;
  to?: string;
}

export interface SearchPage {
  data: SearchResult[];
  total: number;
}
