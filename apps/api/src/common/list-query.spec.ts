import { DomainError } from './domain-errors';
import { contentRange, parseListQuery, type ListSpec } from './list-query';

const spec: ListSpec = {
  sortable: ['title', 'eventDate'],
  defaultSort: ['eventDate', 'desc'],
  filters: { id: 'ids', q: 'string', active: 'boolean', year: 'number', day_gte: 'date', at_gte: 'timestamp' },
};
const ID = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid');
    return (error as Error).message;
  }
  throw new Error('expected a DomainError');
}

it('reads react-admin sort, range and filter', () => {
  const query = parseListQuery({ sort: '["title","ASC"]', range: '[10,19]', filter: JSON.stringify({ q: '河长', id: [ID] }) }, spec);
  expect(query).toEqual({ sortField: 'title', sortOrder: 'asc', skip: 10, take: 10, filter: { q: '河长', id: [ID] } });
  expect(contentRange('entries', query, 10, 57)).toBe('entries 10-19/57');
  expect(contentRange('entries', query, 0, 5)).toBe('entries 10-10/5');
});

it('uses the default sort and first page when nothing is given', () => {
  expect(parseListQuery({}, spec)).toMatchObject({ sortField: 'eventDate', sortOrder: 'desc', skip: 0, take: 25, filter: {} });
});

it('answers a getMany by ids without range with every id asked for', () => {
  const ids = Array.from({ length: 40 }, (_, index) => `3f1c2a4e-5b6d-4e7f-8a9b-${String(index).padStart(12, '0')}`);
  expect(parseListQuery({ filter: JSON.stringify({ id: ids }) }, spec).take).toBe(40);
});

it('names the parameter and the field in every refusal', () => {
  expect(messageOf(() => parseListQuery({ sort: '["passwordHash","ASC"]' }, spec))).toContain('passwordHash');
  expect(messageOf(() => parseListQuery({ sort: '["title","UP"]' }, spec))).toContain('ASC');
  expect(messageOf(() => parseListQuery({ sort: '{' }, spec))).toContain('sort');
  expect(messageOf(() => parseListQuery({ range: '[5,1]' }, spec))).toContain('range');
  expect(messageOf(() => parseListQuery({ range: '[-1,3]' }, spec))).toContain('range');
  expect(messageOf(() => parseListQuery({ filter: '[]' }, spec))).toContain('filter');
  expect(messageOf(() => parseListQuery({ filter: '{"secret":1}' }, spec))).toContain('secret');
  expect(messageOf(() => parseListQuery({ filter: '{"active":"yes"}' }, spec))).toContain('active');
  expect(messageOf(() => parseListQuery({ filter: '{"id":"42"}' }, spec))).toContain('UUID');
  expect(messageOf(() => parseListQuery({ sort: ['["title","ASC"]', '["title","DESC"]'] }, spec))).toContain('sort');
  expect(messageOf(() => parseListQuery({ filter: '{"year":1e308}' }, spec))).toBe('参数 filter 的字段 year 应为整数');
  expect(messageOf(() => parseListQuery({ filter: '{"year":2020.5}' }, spec))).toBe('参数 filter 的字段 year 应为整数');
  expect(parseListQuery({ filter: '{"year":2020}' }, spec).filter).toEqual({ year: 2020 });
  expect(messageOf(() => parseListQuery({ filter: JSON.stringify({ q: '河长\u0000' }) }, spec))).toBe('参数 filter 的字段 q 含有不允许的控制字符（U+0000，空字符）');
  expect(messageOf(() => parseListQuery({ filter: JSON.stringify({ q: '河长\uD800' }) }, spec))).toContain('参数 filter 的字段 q 含有无效的字符');
});

it('refuses a parameter nested too deep', () => {
  expect(messageOf(() => parseListQuery({ filter: `{"q":${'['.repeat(65)}${']'.repeat(65)}}` }, spec))).toBe('参数 filter 嵌套过深：对象和数组最多嵌套 64 层');
});

it('refuses rows beyond what PostgreSQL counts and pages beyond the largest', () => {
  for (const range of ['[1e300,1e300]', '[0,1e300]', '[2147483648,2147483648]', '[0.5,3]', '[0,"9"]']) {
    expect(messageOf(() => parseListQuery({ range }, spec))).toBe('参数 range 应为 [起, 止]，两个 0 至 2147483647 之间的整数且 起 ≤ 止');
  }
  expect(messageOf(() => parseListQuery({ range: '[0,1000]' }, spec))).toBe('参数 range 一次最多取 1000 条');
  expect(parseListQuery({ range: '[2147482648,2147483647]' }, spec)).toMatchObject({ skip: 2147482648, take: 1000 });
});

it('refuses dates that do not exist or that PostgreSQL cannot hold, naming the field', () => {
  for (const day of ['2020-13-45', '2021-02-29', '-271821-04-20', '0999-12-31', '+275760-09-13', '2020-1-5', 20200105]) {
    expect(messageOf(() => parseListQuery({ filter: JSON.stringify({ day_gte: day }) }, spec))).toBe(
      '参数 filter 的字段 day_gte 应为存在的日期，格式为 YYYY-MM-DD，年份在 1000 至 9999 之间',
    );
  }
  for (const at of ['2020-13-45', '-271821-04-20T00:00:00.000Z', '2020-10-15T24:00:00Z', '2020-10-15T08:00:00', 'yesterday']) {
    expect(messageOf(() => parseListQuery({ filter: JSON.stringify({ at_gte: at }) }, spec))).toContain('参数 filter 的字段 at_gte 应为存在的日期或时间');
  }
  expect(parseListQuery({ filter: '{"day_gte":"2020-02-29","at_gte":"2020-10-14T16:00:00.000Z"}' }, spec).filter).toEqual({ day_gte: '2020-02-29', at_gte: '2020-10-14T16:00:00.000Z' });
});
