import { DomainError } from './domain-errors';
import { contentRange, parseListQuery, type ListSpec } from './list-query';

const spec: ListSpec = {
  sortable: ['title', 'eventDate'],
  defaultSort: ['eventDate', 'desc'],
  filters: { id: 'ids', q: 'string', active: 'boolean', year: 'number' },
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
  expect(messageOf(() => parseListQuery({ filter: JSON.stringify({ q: '河长\u0000' }) }, spec))).toBe('参数 filter 的字段 q 不能包含空字符（\\u0000）');
});
