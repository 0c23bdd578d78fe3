import { DomainError } from '../common/domain-errors';
import { monthsOf } from './section-month';
import { rangeLabel, statisticsRange } from './statistics-range';

const TODAY = '2026-12-07';

function refusal(input: { from?: string; to?: string }): string {
  try {
    statisticsRange(input, TODAY);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid');
    return (error as DomainError).message;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('statisticsRange', () => {
  it('is this year when nothing is asked', () => {
    expect(statisticsRange({}, TODAY)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('reads years, months and days as their first and last days, both included', () => {
    expect(statisticsRange({ from: '2020', to: '2020' }, TODAY)).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(statisticsRange({ from: '2020-02', to: '2020-02' }, TODAY)).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(statisticsRange({ from: '2020-10-15', to: '2021-03-02' }, TODAY)).toEqual({ from: '2020-10-15', to: '2021-03-02' });
  });

  it('puts a missing bound in the year of the other', () => {
    expect(statisticsRange({ from: '2020-03' }, TODAY)).toEqual({ from: '2020-03-01', to: '2020-12-31' });
    expect(statisticsRange({ to: '2019-06-30' }, TODAY)).toEqual({ from: '2019-01-01', to: '2019-06-30' });
  });

  it('takes ten years, not more', () => {
    expect(statisticsRange({ from: '2011', to: '2020' }, TODAY)).toEqual({ from: '2011-01-01', to: '2020-12-31' });
    expect(statisticsRange({ from: '2020-02-29', to: '2030-02-28' }, TODAY)).toEqual({ from: '2020-02-29', to: '2030-02-28' });
    expect(refusal({ from: '2011-01-01', to: '2021-01-01' })).toBe('统计范围不能超过10年（所选为2011年1月1日至2021年1月1日），请分段统计');
    // The last years of the calendar too, where ten years later is past 9999.
    expect(statisticsRange({ from: '9990', to: '9999' }, TODAY)).toEqual({ from: '9990-01-01', to: '9999-12-31' });
    expect(refusal({ from: '9989-12-31', to: '9999-12-31' })).toContain('统计范围不能超过10年');
  });

  it('refuses a range that ends before it starts, naming both days', () => {
    expect(refusal({ from: '2020-12-31', to: '2020-01-01' })).toBe('统计范围有误：截止日期2020年1月1日早于起始日期2020年12月31日');
  });

  it('refuses what is not a year, a month or a day, naming the parameter', () => {
    expect(refusal({ from: '2020-13' })).toBe('参数 from 应为年份、年月或日期（如 2020、2020-10 或 2020-10-15）');
    expect(refusal({ to: '2021-02-29' })).toContain('参数 to');
    expect(refusal({ from: '20201015' })).toContain('参数 from');
    expect(refusal({ from: '0999' })).toContain('参数 from');
  });
});

describe('monthsOf', () => {
  it('lists every month the range touches, across years', () => {
    expect(monthsOf({ from: '2020-11-15', to: '2021-02-01' })).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
    expect(monthsOf({ from: '2020-10-01', to: '2020-10-01' })).toEqual(['2020-10']);
    expect(monthsOf({ from: '2011-01-01', to: '2020-12-31' })).toHaveLength(120);
  });
});

it('names the range the office way', () => {
  expect(rangeLabel({ from: '2020-01-01', to: '2020-12-31' })).toBe('2020年1月1日至2020年12月31日');
});
