import { isIsoDate, isIsoTimestamp } from './is-iso-date';

it('accepts calendar dates written YYYY-MM-DD', () => {
  expect(['2020-09-17', '2020-02-29', '1999-12-31'].every(isIsoDate)).toBe(true);
});

it('refuses dates that do not exist, times of day and other shapes', () => {
  for (const value of ['2020-02-30', '2021-02-29', '2020-13-01', '2020-13-45', '-271821-04-20', '0999-12-31', '0000-01-01', '+275760-09-13', '2020-9-17', '2020-09-17T00:00:00Z', '2020年9月17日', '', 20200917, null]) {
    expect(isIsoDate(value)).toBe(false);
  }
});

it('accepts a date, or a date and time of day with its zone, in the years 1000 to 9999', () => {
  for (const value of ['2020-10-15', '2020-10-14T16:00:00.000Z', '2020-10-15T00:00+08:00', '1000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z']) {
    expect(isIsoTimestamp(value)).toBe(true);
  }
  for (const value of ['2020-13-45', '2021-02-29T00:00:00Z', '2020-10-15T24:00:00Z', '2020-10-15T23:60Z', '2020-10-15T08:00:00', '-271821-04-20T00:00:00.000Z', '0999-12-31T00:00:00Z', '2020-10-15 08:00:00Z', 1602720000000]) {
    expect(isIsoTimestamp(value)).toBe(false);
  }
});
