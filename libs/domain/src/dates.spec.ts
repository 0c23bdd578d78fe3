import { formatChineseDate, formatChineseMonth, isoDate, parseIsoDate } from './dates';

it('writes dates as users read them', () => {
  expect(formatChineseDate('2020-10-15')).toBe('2020年10月15日');
  expect(formatChineseDate('2020-09-07')).toBe('2020年9月7日');
  expect(formatChineseMonth(2020, 10)).toBe('2020年10月');
});

it('round-trips calendar dates through the Date a DATE column holds', () => {
  expect(isoDate(parseIsoDate('2020-09-30'))).toBe('2020-09-30');
  expect(() => formatChineseDate('15/10/2020')).toThrow('不是有效的日期');
});
