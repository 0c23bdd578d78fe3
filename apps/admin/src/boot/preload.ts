/**
 * The first screen's data, asked for while the app's code is still loading: without this the
 * entries list asks for the signed-in user, then (once drawn) for its rows and filter choices,
 * then for the issues and sections its rows name — three rounds that each waited for the code and
 * for rendering. The answers wait here until the data provider asks for the same URL (httpClient),
 * which takes each at most once, and only in the first seconds after start-up; anything else, or
 * an answer that is not a success, goes to the server as usual.
 */
import { API_URL } from '../providers/apiUrl';
import { ENTRY_LIST, ISSUE_CHOICES, SECTION_CHOICES, type ListQuery } from '../entries/entryListQueries';
import { liveSession } from '../providers/session';
import { screenOf, type View } from './screens';

/** What fetchUtils.fetchJson answers, which ra-data-simple-rest reads. */
export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: string;
  json: unknown;
}

/** Preloaded answers are only used this long after start-up, so nothing stale is ever shown. */
const FRESH_MS = 15_000;
const startedAt = Date.now();
const preloaded = new Map<string, { token: string; answer: Promise<JsonAnswer | undefined> }>();

/** ra-data-simple-rest's getList URL: filter, range and sort as JSON. */
export function listUrl(resource: string, { sort, perPage, filter = {} }: ListQuery): string {
  const query = new URLSearchParams({
    filter: JSON.stringify(filter),
    range: JSON.stringify([0, perPage - 1]),
    sort: JSON.stringify([sort.field, sort.order]),
  });
  return `${API_URL}/${resource}?${query}`;
}

/** ra-data-simple-rest's getMany URL. */
export function manyUrl(resource: string, ids: string[]): string {
  return `${API_URL}/${resource}?${new URLSearchParams({ filter: JSON.stringify({ id: ids }) })}`;
}

/**
 * The same request however its query is spelled: parameters in order, decoded, and the ids of a
 * getMany sorted (react-admin asks for them in the order its fields were drawn).
 */
function requestKey(url: string): string {
  const parsed = new URL(url, window.location.origin);
  const params = [...parsed.searchParams]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${name === 'filter' ? sortedIds(value) : value}`);
  return `${parsed.pathname}?${params.join('&')}`;
}

function sortedIds(filter: string): string {
  try {
    const parsed = JSON.parse(filter) as { id?: unknown };
    if (Object.keys(parsed).length === 1 && Array.isArray(parsed.id)) return JSON.stringify({ id: [...parsed.id].sort() });
  } catch {
    // Not JSON: compared as it is.
  }
  return filter;
}

function preload(url: string, token: string): Promise<JsonAnswer | undefined> {
  const answer = fetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } })
    .then(async (response) => {
      if (!response.ok) return undefined;
      const body = await response.text();
      return { status: response.status, headers: response.headers, body, json: body ? (JSON.parse(body) as unknown) : undefined };
    })
    .catch(() => undefined);
  preloaded.set(requestKey(url), { token, answer });
  return answer;
}

/** The preloaded answer to a GET of `url` made with `token`, once; undefined when there is none. */
export function takePreloaded(url: string, token: string | undefined): Promise<JsonAnswer | undefined> | undefined {
  if (preloaded.size === 0) return undefined;
  if (Date.now() - startedAt > FRESH_MS) {
    preloaded.clear();
    return undefined;
  }
  const key = requestKey(url);
  const hit = preloaded.get(key);
  if (!hit || hit.token !== token) return undefined;
  preloaded.delete(key);
  return hit.answer;
}

/** The records the entries list's ReferenceFields show: issues and sections, by the rows' ids. */
export const LIST_REFERENCES = [['issues', 'issueId'], ['sections', 'sectionId']] as const;

/** The distinct ids the rows name in `field`. */
export function referencedIds(rows: unknown, field: string): string[] {
  if (!Array.isArray(rows)) return [];
  return [...new Set(rows.map((row) => (row as Record<string, unknown>)[field]).filter((id): id is string => typeof id === 'string'))];
}

/** The issues and sections the list's rows name, as its ReferenceFields will ask for them. */
function preloadReferences(rows: unknown, token: string): void {
  for (const [resource, field] of LIST_REFERENCES) {
    const wanted = referencedIds(rows, field);
    if (wanted.length > 0) void preload(manyUrl(resource, wanted), token);
  }
}

/** Whether the page opened on the entries list as it first shows (no page, sort or filter in the address). */
export function landsOnEntryList(screen = screenOf(window.location.hash)): boolean {
  return screen?.resource === 'entries' && screen.view === 'list' && !window.location.hash.includes('?');
}

/** Starts the requests the screen will make first, for a signed-in user. */
export function preloadScreenData(screen: { resource: string; view: View } | undefined): void {
  const session = liveSession();
  if (!session) return;
  const { token } = session;
  void preload(`${API_URL}/auth/me`, token);
  if (landsOnEntryList(screen)) {
    void preload(listUrl('entries', ENTRY_LIST), token).then((answer) => preloadReferences(answer?.json, token));
    void preload(listUrl('issues', ISSUE_CHOICES), token);
    void preload(listUrl('sections', SECTION_CHOICES), token);
  }
}
