import { formatChineseDate, formatChineseMonth, formatOfficeTime, isoDate, parseIsoDate } from './dates';

it('writes dates as users read them', () => {
  expect(formatChineseDate('2020-10-15')).toBe('2020年10月15日');
  expect(formatChineseDate('2020-09-07')).toBe('2020年9月7日');
  expect(formatChineseMonth(2020, 10)).toBe('2020年10月');
});

it('round-trips calendar dates through the Date a DATE column holds', () => {
  expect(isoDate(parseIsoDate('2020-09-30'))).toBe('2020-09-30');
  expect(() => formatChineseDate('15/10/2020')).toThrow('不是有效的日期');
});

describe('formatOfficeTime', () => {
  it('shows an instant on the office clock (Asia/Shanghai), whatever the zone it was written in', () => {
    expect(formatOfficeTime(new Date('2020-10-15T06:05:00Z'))).toBe('2020年10月15日 14:05');
    // 17:30 UTC on the 15th is already the 16th in the office.
    expect(formatOfficeTime(new Date('2020-10-15T17:30:00Z'))).toBe('2020年10月16日 01:30');
    expect(formatOfficeTime(new Date('2020-10-15T17:30:00Z'), { time: false })).toBe('2020年10月16日');
  });
});
