import { invalid } from './domain-errors';

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
  /** Allowed filter keys and the JSON type of their value ('id' accepts a string array too; 'number' is a 32-bit integer). */
  filters: Record<string, 'string' | 'number' | 'boolean' | 'ids'>;
  /** Filters where `null` means "has none" (e.g. entries in no issue); elsewhere null is ignored. */
  nullable?: readonly string[];
}

const MAX_PAGE = 1000;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw invalid(`参数 ${name} 只能出现一次`);
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
    if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0) || range[1] < range[0]) {
      throw invalid('参数 range 应为 [起, 止]，两个非负整数且 起 ≤ 止');
    }
    skip = range[0];
    take = Math.min(range[1] - range[0] + 1, MAX_PAGE);
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
    const ok =
      type === 'ids'
        ? (Array.isArray(value) ? value : [value]).every((item) => typeof item === 'string' && UUID_PATTERN.test(item))
        : typeof value === type;
    if (!ok) throw invalid(`参数 filter 的字段 ${key} ${type === 'ids' ? '应为 UUID 或 UUID 数组' : '类型不正确'}`);
    // Number filters are whole numbers that fit PostgreSQL's integer (a year, a serial number).
    if (typeof value === 'number' && !(Number.isInteger(value) && Math.abs(value) <= 2_147_483_647)) throw invalid(`参数 filter 的字段 ${key} 应为整数`);
    // PostgreSQL text cannot hold NUL: refused here, or the query fails in the database.
    if (typeof value === 'string' && value.includes('\u0000')) throw invalid(`参数 filter 的字段 ${key} 不能包含空字符（\\u0000）`);
    filter[key] = value;
  }
  return { sortField, sortOrder, skip, take, filter: filter as Partial<TFilter> };
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
