import type { StatisticsScope } from '@dsyb/contracts';

/** What the 统计 page asks for, as its address holds it: `#/statistics?from=2020-01-01&to=2020-12-31&status=all`. */
export interface StatisticsQuery {
  from: string;
  to: string;
  status: StatisticsScope;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A whole calendar year, 1 January to 31 December. */
export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The query in the address; a bound missing or not a date is this year's (`today`'s year). */
export function queryFromParams(params: URLSearchParams, today: Date): StatisticsQuery {
  const year = yearRange(today.getFullYear());
  const date = (key: 'from' | 'to') => {
    const value = params.get(key);
    return value && CALENDAR_DATE.test(value) ? value : year[key];
  };
  return { from: date('from'), to: date('to'), status: params.get('status') === 'all' ? 'all' : 'published' };
}

/** The query string the API and the address take (published, the default, is left out). */
export function queryString({ from, to, status }: StatisticsQuery): string {
  return new URLSearchParams({ from, to, ...(status === 'all' ? { status } : {}) }).toString();
}

/** A column's heading: 10月 within one year, 2020年10月 across years (Oct / Oct 2020 in English). */
export function monthHeading(month: string, oneYear: boolean, locale: string): string {
  const [year, number] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  if (locale.toLowerCase().startsWith('zh')) return oneYear ? `${number}月` : `${year}年${number}月`;
  return new Intl.DateTimeFormat(locale, { month: 'short', ...(oneYear ? {} : { year: 'numeric' }), timeZone: 'UTC' }).format(Date.UTC(year, number - 1, 1));
}
