import { describe, expect, it } from '@jest/globals';
import { readCalendarDate } from './calendarDate';

describe('readCalendarDate', () => {
  it('reads a day written year first, the Chinese way or the ISO way', () => {
    for (const text of ['2021年10月14日', '2021年10月14', ' 2021-10-14 ', '2021/10/14', '2021.10.14', '20211014', '２０２１年１０月１４日']) {
      expect(readCalendarDate(text)).toBe('2021-10-14');
    }
    expect(readCalendarDate('2021-1-5')).toBe('2021-01-05');
  });

  it('refuses what is not a date of the calendar, or not year first', () => {
    for (const text of ['10/14/2021', '2021-02-29', '2021年13月1日', '2021-10', '明天', '']) expect(readCalendarDate(text)).toBeUndefined();
  });

  it('reads a month as its first day', () => {
    expect(readCalendarDate('2021年9月', 'month')).toBe('2021-09-01');
    expect(readCalendarDate('2021-09', 'month')).toBe('2021-09-01');
    expect(readCalendarDate('2021-09-17', 'month')).toBe('2021-09-01');
    expect(readCalendarDate('2021-13', 'month')).toBeUndefined();
  });
});
