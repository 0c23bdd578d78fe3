import { invalid } from './domain-errors';
import { DATE_YEARS, isIsoDate, isIsoTimestamp } from './is-iso-date';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { refuseForbiddenCharacters } from './request-characters';
import { PG_INT_MAX } from './integer-range';

/**
 * react-admin simple REST conventions: `sort=["field","ASC"]`, `range=[0,24]`,
 * `filter={...}`. Parsed and checked here so that a malformed query is a 400 naming
 * the parameter, never a database error.
 */
export interface ListQueryInput {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}

export interface ListQuery<TFilter> {
  sortField: string;
  sortOrder: 'asc' | 'desc';
  skip: number;
  take: number;
  filter: TFilter;
}

export interface ListSpec {
  sortable: readonly string[];
  defaultSort: [string, 'asc' | 'desc'];
  /**
   * Allowed filter keys and the JSON type of their value ('id' accepts a string array too; 'number'
   * is a 32-bit integer; 'date' an existing YYYY-MM-DD, 'timestamp' one or an ISO date and time).
   */
  filters: Record<string, FilterType>;
  /** Filters where `null` means "has none" (e.g. entries in no issue); elsewhere null is ignored. */
  nullable?: readonly string[];
}

type FilterType = 'string' | 'number' | 'boolean' | 'ids' | 'date' | 'timestamp';

/** The most rows one request may ask for (the admin asks for 500 at most). */
export const MAX_PAGE = 1000;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw invalid(`参数 ${name} 只能出现一次`);
  if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) throw invalid(`参数 ${name} 嵌套过深：对象和数组最多嵌套 ${MAX_JSON_DEPTH} 层`);
  try {
    return JSON.parse(raw);
  } catch {
    throw invalid(`参数 ${name} 不是有效的 JSON：${raw.slice(0, 80)}`);
  }
}

export function parseListQuery<TFilter extends object>(input: ListQueryInput, spec: ListSpec): ListQuery<Partial<TFilter>> {
  const sort = parseJson('sort', input.sort);
  let [sortField, sortOrder] = spec.defaultSort;
  if (sort !== undefined) {
    if (!Array.isArray(sort) || sort.length !== 2 || typeof sort[0] !== 'string' || typeof sort[1] !== 'string') {
      throw invalid('参数 sort 应为 ["字段","ASC|DESC"]');
    }
    if (!spec.sortable.includes(sort[0])) throw invalid(`参数 sort 不支持按字段 ${sort[0]} 排序（可用：${spec.sortable.join('、')}）`);
    const order = sort[1].toLowerCase();
    if (order !== 'asc' && order !== 'desc') throw invalid('参数 sort 的顺序只能是 ASC 或 DESC');
    [sortField, sortOrder] = [sort[0], order];
  }

  const range = parseJson('range', input.range);
  let skip = 0;
  let take = 25;
  if (range !== undefined) {
    // Both ends are row numbers PostgreSQL's OFFSET takes as an integer: 1e300 is a whole number to JavaScript.
    if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0 && n <= PG_INT_MAX) || range[1] < range[0]) {
      throw invalid(`参数 range 应为 [起, 止]，两个 0 至 ${PG_INT_MAX} 之间的整数且 起 ≤ 止`);
    }
    if (range[1] - range[0] + 1 > MAX_PAGE) throw invalid(`参数 range 一次最多取 ${MAX_PAGE} 条`);
    skip = range[0];
    take = range[1] - range[0] + 1;
  }

  const rawFilter = parseJson('filter', input.filter) ?? {};
  // react-admin's getMany asks for records by id without a range: answer all of them.
  if (range === undefined && rawFilter && typeof rawFilter === 'object' && Array.isArray((rawFilter as { id?: unknown }).id)) {
    take = Math.min(Math.max((rawFilter as { id: unknown[] }).id.length, 1), MAX_PAGE);
  }
  if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter)) throw invalid('参数 filter 应为 JSON 对象');
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawFilter)) {
    const type = spec.filters[key];
    if (!type) throw invalid(`参数 filter 不支持字段 ${key}（可用：${Object.keys(spec.filters).join('、')}）`);
    if (value === null && spec.nullable?.includes(key)) {
      filter[key] = null;
      continue;
    }
    if (value === null || value === '') continue;
    // The query string was checked for forbidden characters before it got here, but not the JSON escapes (\u0000) inside it.
    refuseForbiddenCharacters(value, key, '参数 filter 的字段');
    const problem = filterValueProblem(type, value);
    if (problem) throw invalid(`参数 filter 的字段 ${key} ${problem}`);
    filter[key] = value;
  }
  return { sortField, sortOrder, skip, take, filter: filter as Partial<TFilter> };
}

/** What is wrong with a filter's value for its type, or undefined. */
function filterValueProblem(type: FilterType, value: unknown): string | undefined {
  switch (type) {
    case 'ids':
      return (Array.isArray(value) ? value : [value]).every((item) => typeof item === 'string' && UUID_PATTERN.test(item)) ? undefined : '应为 UUID 或 UUID 数组';
    // Whole numbers that fit PostgreSQL's integer (a year, a serial number).
    case 'number':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= PG_INT_MAX ? undefined : '应为整数';
    // Dates PostgreSQL holds and that exist: no 2020-13-45, no year -271821.
    case 'date':
      return isIsoDate(value) ? undefined : `应为存在的日期，格式为 YYYY-MM-DD，年份在 ${DATE_YEARS.min} 至 ${DATE_YEARS.max} 之间`;
    case 'timestamp':
      return isIsoTimestamp(value) ? undefined : `应为存在的日期或时间（如 2020-10-15 或 2020-10-15T08:00:00Z），年份在 ${DATE_YEARS.min} 至 ${DATE_YEARS.max} 之间`;
    default:
      return typeof value === type ? undefined : '类型不正确';
  }
}

/** A UUID filter (one id, or `{"id": [...]}` from getMany) as a Prisma `in` list. */
export function idsFilter(value: string | string[] | undefined): { in: string[] } | undefined {
  if (value === undefined) return undefined;
  return { in: Array.isArray(value) ? value : [value] };
}

export function contentRange(resource: string, query: ListQuery<unknown>, count: number, total: number): string {
  const end = count === 0 ? query.skip : query.skip + count - 1;
  return `${resource} ${query.skip}-${end}/${total}`;
}
