import { invalid } from './domain-errors';

/**
 * 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as the first (or, with `end`, the last) day it names, as
 * 'YYYY-MM-DD'; undefined stays undefined. Anything else is a 400 naming the parameter as
 * `name` says (参数 from, 参数 filter 的字段 from…).
 */
export function monthBound(value: string | undefined, end: boolean, name: string): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  const year = Number(match?.[1]);
  const month = match?.[2] === undefined ? (end ? 12 : 1) : Number(match[2]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = match?.[3] === undefined ? (end ? last : 1) : Number(match[3]);
  if (!match || year < 1000 || month < 1 || month > 12 || day < 1 || day > last) {
    throw invalid(`${name} 应为年份、年月或日期（如 2020、2020-10 或 2020-10-15）`);
  }
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
