import { STATISTICS_MAX_YEARS } from '@dsyb/contracts';
import { formatChineseDate } from '@dsyb/domain';
import { monthBound } from '../common/date-bound';
import { invalid } from '../common/domain-errors';

export interface StatisticsRange {
  /** 'YYYY-MM-DD', both days counted. */
  from: string;
  to: string;
}

/** 2020年1月1日至2020年12月31日 */
export const rangeLabel = ({ from, to }: StatisticsRange) => `${formatChineseDate(from)}至${formatChineseDate(to)}`;

/** The instant 'YYYY-MM-DD' starts, moved by whole years (29 February into a common year: 1 March). */
function yearsLater(isoDate: string, years: number): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  return Date.UTC(year + years, month - 1, day);
}

/**
 * The range asked for: `from` and `to` as 2020, 2020-10 or 2020-10-15 (a year or month from its
 * first day to its last). Neither given: the year `today` is in; one given: the other bound is
 * in its year (from=2020-03 → 2020年3月1日至2020年12月31日). A range ending before it starts, or
 * of more than STATISTICS_MAX_YEARS years, is a 400 naming it.
 */
export function statisticsRange(input: { from?: string; to?: string }, today: string): StatisticsRange {
  const asked = { from: monthBound(input.from, false, '参数 from'), to: monthBound(input.to, true, '参数 to') };
  const from = asked.from ?? `${(asked.to ?? today).slice(0, 4)}-01-01`;
  const to = asked.to ?? `${(asked.from ?? today).slice(0, 4)}-12-31`;
  if (to < from) throw invalid(`统计范围有误：截止日期${formatChineseDate(to)}早于起始日期${formatChineseDate(from)}`);
  if (Date.parse(to) >= yearsLater(from, STATISTICS_MAX_YEARS)) {
    throw invalid(`统计范围不能超过${STATISTICS_MAX_YEARS}年（所选为${rangeLabel({ from, to })}），请分段统计`);
  }
  return { from, to };
}
