import { isIsoDate } from './is-iso-date';

it('accepts calendar dates written YYYY-MM-DD', () => {
  expect(['2020-09-17', '2020-02-29', '1999-12-31'].every(isIsoDate)).toBe(true);
});

it('refuses dates that do not exist, times of day and other shapes', () => {
  for (const value of ['2020-02-30', '2021-02-29', '2020-13-01', '2020-9-17', '2020-09-17T00:00:00Z', '2020年9月17日', '', 20200917, null]) {
    expect(isIsoDate(value)).toBe(false);
  }
});
