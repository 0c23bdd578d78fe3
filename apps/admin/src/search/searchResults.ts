/**
 * The pure parts of search in the admin: the request's address, the total from Content-Range,
 * results grouped by kind for the popup, the row the arrow keys move to, where a result opens,
 * and when `/` may take the focus.
 */
import { formatDate, formatEventDate } from '../formatDate';
import { entryPath, issuePath } from '../routes/paths';
import { SEARCH_KINDS, type SearchFilter, type SearchKind, type SearchResult } from './searchTypes';

/** Results per request: the popup's and each page's. */
export const SEARCH_PAGE_SIZE = 20;

/** The longest query the API accepts. */
export const MAX_QUERY_LENGTH = 200;

/** The filter without empty values (blank strings, empty lists), as the API wants it. */
export function cleanFilter(filter: SearchFilter): SearchFilter {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    clean[key] = value;
  }
  return clean as SearchFilter;
}

/** `search?q=…&filter=…&range=[a,b]` for the results `offset` … `offset + limit - 1`. */
export function searchRequestPath(q: string, filter: SearchFilter = {}, offset = 0, limit = SEARCH_PAGE_SIZE): string {
  const params = new URLSearchParams({ q: q.trim() });
  const clean = cleanFilter(filter);
  if (Object.keys(clean).length > 0) params.set('filter', JSON.stringify(clean));
  params.set('range', JSON.stringify([offset, offset + limit - 1]));
  return `search?${params.toString()}`;
}

/** `search 0-19/57` → 57; a missing or unreadable header → the number of results at hand. */
export function totalFromContentRange(header: string | null | undefined, fallback: number): number {
  const total = header ? Number(/\/\s*(\d+)\s*$/.exec(header)?.[1]) : NaN;
  return Number.isFinite(total) ? total : fallback;
}

export interface ResultGroup {
  kind: SearchKind;
  /** The position in the flat list (what the arrow keys move through) of each result. */
  items: { result: SearchResult; index: number }[];
}

/**
 * Results by kind, 条目 then 来稿 then 期刊, each group in the server's order (best first);
 * `index` numbers them across groups in the order they are shown.
 */
export function groupResults(results: readonly SearchResult[]): ResultGroup[] {
  const groups: ResultGroup[] = [];
  let index = 0;
  for (const kind of SEARCH_KINDS) {
    const ofKind = results.filter(result => result.kind === kind);
    if (ofKind.length === 0) continue;
    groups.push({ kind, items: ofKind.map(result => ({ result, index: index++ })) });
  }
  return groups;
}

/** The results in the order the groups show them. */
export function shownOrder(results: readonly SearchResult[]): SearchResult[] {
  return groupResults(results).flatMap(group => group.items.map(item => item.result));
}

/**
 * The highlighted row after an arrow key: -1 is none (the focus stays in the box). Down from
 * none goes to the first row, down from the last wraps to the first; up from the first (or
 * from none) goes to the last. `count` includes the 查看全部 row when there is one.
 */
export function moveHighlight(current: number, key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End', count: number): number {
  if (count <= 0) return -1;
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'ArrowDown':
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 || current >= count ? count - 1 : current - 1;
  }
}

/** The page a result opens: an entry's or a source's page, an issue's overview. */
export function resultPath(result: Pick<SearchResult, 'kind' | 'id'>): string {
  switch (result.kind) {
    case 'entry':
      return entryPath(result.id);
    case 'source':
      return `/sources/${encodeURIComponent(result.id)}/show`;
    case 'issue':
      return issuePath(result.id);
  }
}

/** The full search page for a query (and filter). */
export function searchPagePath(q: string, filter: SearchFilter = {}): string {
  const params = new URLSearchParams();
  if (q.trim() !== '') params.set('q', q.trim());
  for (const [key, value] of Object.entries(cleanFilter(filter))) {
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

/**
 * Whether a key pressed on this element is typing: in an input, a textarea, a select or an
 * editable region (the TipTap editor), `/` is a character and must not move the focus.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as { tagName?: unknown; isContentEditable?: unknown; closest?: (selector: string) => unknown };
  if (element.isContentEditable === true) return true;
  const tag = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : '';
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return typeof element.closest === 'function' && Boolean(element.closest('[contenteditable=""], [contenteditable="true"], [role="textbox"]'));
}

/** Whether a key event asks for the search box: a bare `/` outside anything one types into. */
export function wantsSearchFocus(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'defaultPrevented'>): boolean {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return false;
  return !isTypingTarget(event.target);
}

/**
 * The line under a result's title: its date (2020年10月15日, or 2020年10月 for a month-precision
 * event and for an issue), then for an entry its issue (总第97期) and section, for a source its newspaper and page.
 */
export function resultDetails(
  result: SearchResult,
  locale = 'zh-CN',
  serialNumber: (serial: number) => string = serial => `总第${serial}期`,
): string[] {
  const parts: string[] = [];
  if (result.date) {
    // An issue's date is its month's first day: it is the month that names it.
    const precision = result.kind === 'issue' ? 'month' : result.eventDatePrecision;
    parts.push(precision ? formatEventDate(result.date, precision, locale) : formatDate(result.date, locale));
  }
  if (result.kind === 'entry') {
    if (result.issue) parts.push(serialNumber(result.issue.serialNumber));
    if (result.section) parts.push(result.section.name);
  } else if (result.kind === 'source') {
    const where = [result.newspaper, result.page].filter(part => typeof part === 'string' && part.trim() !== '').join(' ');
    if (where) parts.push(where);
  } else if (result.issue && result.issue.serialNumber !== undefined) {
    parts.push(serialNumber(result.issue.serialNumber));
  }
  return parts;
}
