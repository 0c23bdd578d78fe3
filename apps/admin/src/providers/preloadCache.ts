/**
 * Answers asked for at start-up, before the app's code has arrived, waiting for the data provider
 * to ask for the same URL (httpClient takes each at most once, and only in the first seconds after
 * start-up; anything else, or an answer that is not a success, goes to the server as usual).
 *
 * This is transport alone: which requests a screen makes first is boot/preload.ts's to know, so
 * that the http client below every screen imports no screen.
 */
import { API_URL } from './apiUrl';

/** What fetchUtils.fetchJson answers, which ra-data-simple-rest reads. */
export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: string;
  json: unknown;
}

/** A getList as ra-data-simple-rest sends it: the first page, sorted and filtered. */
export interface ListQuery {
  sort: { field: string; order: 'ASC' | 'DESC' };
  perPage: number;
  filter?: Record<string, unknown>;
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
export function requestKey(url: string, origin: string = window.location.origin): string {
  const parsed = new URL(url, origin);
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

/** Asks for `url` now with `token`, and keeps the answer for the data provider's same request. */
export function preload(url: string, token: string): Promise<JsonAnswer | undefined> {
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
