import { describe, expect, it } from '@jest/globals';
import { monthHeading, queryFromParams, queryString, yearRange } from './statisticsQuery';

const TODAY = new Date(2026, 11, 7);

describe('the 统计 page query', () => {
  it('is this year, published issues only, when the address names nothing', () => {
    expect(queryFromParams(new URLSearchParams(), TODAY)).toEqual({ from: '2026-01-01', to: '2026-12-31', status: 'published' });
  });

  it('reads the range and the scope from the address, and takes this year for a bound that is no date', () => {
    expect(queryFromParams(new URLSearchParams('from=2020-03-01&to=2021-02-28&status=all'), TODAY)).toEqual({ from: '2020-03-01', to: '2021-02-28', status: 'all' });
    expect(queryFromParams(new URLSearchParams('from=2020&to=soon&status=other'), TODAY)).toEqual({ from: '2026-01-01', to: '2026-12-31', status: 'published' });
  });

  it('writes what the API takes, leaving out the default scope', () => {
    expect(queryString({ ...yearRange(2020), status: 'published' })).toBe('from=2020-01-01&to=2020-12-31');
    expect(queryString({ ...yearRange(2020), status: 'all' })).toBe('from=2020-01-01&to=2020-12-31&status=all');
  });

  it('heads months without their year within one year', () => {
    expect(monthHeading('2020-10', true, 'zh-CN')).toBe('10月');
    expect(monthHeading('2020-10', false, 'zh-CN')).toBe('2020年10月');
    expect(monthHeading('2020-10', true, 'en')).toBe('Oct');
    expect(monthHeading('2020-10', false, 'en')).toBe('Oct 2020');
  });
});
