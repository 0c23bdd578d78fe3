import type { StatisticsSectionMonth } from '@dsyb/contracts';
import type { StatisticsRange } from './statistics-range';

/** Every month the range touches, 'YYYY-MM'. */
export function monthsOf({ from, to }: StatisticsRange): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** The counts of (section, month) laid out as rows of sections and columns of months, with the totals of each. */
export function sectionMonthTable(
  sections: { id: string; name: string }[],
  months: string[],
  counts: { sectionId: string; month: string; entries: number }[],
): StatisticsSectionMonth {
  const found = new Map(counts.map((count) => [`${count.sectionId} ${count.month}`, count.entries]));
  const cells = sections.map((section) => months.map((month) => found.get(`${section.id} ${month}`) ?? 0));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    sections,
    months,
    cells,
    rowTotals: cells.map(sum),
    columnTotals: months.map((_, m) => sum(cells.map((row) => row[m]))),
  };
}
